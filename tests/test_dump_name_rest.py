"""A criterion's name on an OCR dump's lines, for a criteria set no dictionary holds (issue 11):
its last wrapped line the line parser left in the explanation goes back to it
(``extract/segment/name_rest.py``), and another row's or cell's phrase glued after it past a run
of specks is cut off (``extract/segment/name_intruders.py``, ``_glued_phrase``). The names and
explanations read are main 012db381's on seed 20001's and 19001's dumps (spent seeds); the names
expected are the generator's truth files'."""

import pytest

from extract.segment.name_intruders import without_intruders
from extract.segment.name_rest import names_rest_in_tables, rest_from_explanation
from normalize.criteria import load_criteria_sets
from schemas.records import ScoreRow, ScoreTable

# (name as main read it, explanation as main read it, the truth's name)
REST = [
    # seed 20001 D17 instance 2, row 1.2: the name's last line after a letter cited, and the
    # letter number's tail "-UBND" left at the name's end
    (
        "Thực hiện chế độ báo cáo cải cách hành -UBND",
        "Công văn số 246/CV- ngày 6/8/2024 chính định kỳ",
        "Thực hiện chế độ báo cáo cải cách hành chính định kỳ",
    ),
    # seed 20001 D17 instance 2, row 7.3: after a share's figure (the truth's "Cập nhật thông tin
    # trên Trang thông tin điện tử của xã": the words OCR damaged, "tổ", "kiến", stay as read)
    (
        "Cập nhật tổ tin trên kiến thông tin điện",
        "Tỷ lệ đạt 68% tử của xã",
        "Cập nhật tổ tin trên kiến thông tin điện tử của xã",
    ),
    # seed 20001 D17 instance 2, row 7.2.2: inside a letter cited
    (
        "Tỷ lệ thanh toán trực tuyến nghĩa vụ tài",
        "Công văn số 87/CV- chính lế so VP ngày 22/8/2024",
        "Tỷ lệ thanh toán trực tuyến nghĩa vụ tài chính",
    ),
    # seed 20001 D24 instance 1, row III.2: the whole explanation
    ("Kết quả giải quyết hồ sơ thủ tục", "hành chính", "Kết quả giải quyết hồ sơ thủ tục hành chính"),
    # seed 20001 D17 instance 2, row 1.4: a figure's speck at the name's end, four words back
    (
        "Kiểm tra công tác cải cách hành chính tại 2...",
        "lu Kế hoạch số 209/KH- các bộ phận chuyên môn UBND ngày 2/3/2024",
        "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn",
    ),
]


@pytest.mark.parametrize("name, explanation, truth", REST)
def test_a_names_last_line_left_in_the_explanation_goes_back(name, explanation, truth):
    parted = rest_from_explanation(name, explanation)
    assert parted is not None
    assert parted[0] == truth


def test_the_explanation_keeps_its_own_words():
    name, explanation = rest_from_explanation(
        "Thực hiện chế độ báo cáo cải cách hành -UBND", "Công văn số 246/CV- ngày 6/8/2024 chính định kỳ"
    )
    assert explanation == "-UBND Công văn số 246/CV- ngày 6/8/2024"


# (name, explanation) a name read whole keeps; its truth's name is the name read
KEEP = [
    # seed 19001 D01 instance 2, row 4: another row's list after a notice's date
    ("Cải cách tổ chức bộ máy hành chính", "H1 11 Thông báo số 294/TB- UBND ngày 17/09/2023 công chức, viên chức"),
    # a date's "năm" in lower case opening the explanation
    ("Thực hiện quy chế làm việc của Ủy ban nhân dân xã", "năm 2024 đã tổ chức 12 cuộc họp"),
    # the explanation's own sentence
    ("Công tác tuyên truyền cải cách hành chính", "Đã tổ chức 5 hội nghị tuyên truyền cải cách hành chính"),
]


@pytest.mark.parametrize("name, explanation", KEEP)
def test_a_name_read_whole_takes_nothing_from_the_explanation(name, explanation):
    assert rest_from_explanation(name, explanation) is None


def test_a_dates_word_is_no_names_last():
    # seed 19001 D26 instance 3 (psm6), row 7.1.2 ("Sử dụng chữ ký số trong văn bản điện tử"):
    # "từ ngày" reads on, but "ngày" is the notice's date's
    assert (
        rest_from_explanation(
            "Sử dụng chữ ký số trong văn bản điện từ", "228/TB-UBND ngày Thông báo số 23/06/2024 22a éc a a"
        )
        is None
    )


# (name as main read it from seed 20001 D17 instance 2, its code, the truth's name)
GLUED = [
    (
        "Cải cách thủ tục hành chính 11. ni ng. -3.1.. Công khai thủ tục hành chính tại Bộ phận "
        "Không phát sinh. một cửa",
        "3",
        "Cải cách thủ tục hành chính",
    ),
    (
        "Xây dựng chính quyền số, chuyển đổi số th -71 Ứng dụng công nghệ thông tin trong hoạt. 6 Đ.70 "
        "động của Ủy ban nhân dân xã",
        "7",
        "Xây dựng chính quyền số, chuyển đổi số",
    ),
    (
        "Đào tạo, bồi dưỡng cán bộ, công chức mm êm 4 SE XI Chấp hành kỷ luật, kỷ cương hành chính",
        "5.2",
        "Đào tạo, bồi dưỡng cán bộ, công chức",
    ),
    (
        "Công tác tuyên truyền cải cách hành chính ó0 Bát Hoàn thành 100% kế hoạch",
        "1.3",
        "Công tác tuyên truyền cải cách hành chính",
    ),
]


@pytest.mark.parametrize("read, code, name", GLUED)
def test_another_rows_phrase_glued_after_specks_is_cut_off(read, code, name):
    assert without_intruders(read, code).name == name


@pytest.mark.parametrize(
    "wording",
    [
        # an abbreviation or a figure before a capitalised word is the name's own
        "Tỷ lệ hồ sơ TTHC Mức độ 3 Dịch vụ công",
        "Tỷ lệ xã đạt chuẩn NTM Nông thôn mới",
        "Thực hiện Nghị quyết số 18 Trung ương",
        "Triển khai ISO 9001 Hệ thống quản lý chất lượng",
        "Ứng dụng CNTT trong hoạt động của UBND Xã Hòa Bình",
    ],
)
def test_a_names_own_capitals_are_no_glued_phrase(wording):
    assert without_intruders(wording).name == wording


def test_the_sets_wordings_take_nothing_from_an_explanation_of_their_own():
    # every wording of the catalogue, its explanation a letter cited: nothing moves
    for cset in load_criteria_sets():
        for row in cset.rows:
            assert rest_from_explanation(row.name, "Kế hoạch số 12/KH-UBND ngày 3/1/2024") is None, row.name


def test_typed_lines_and_snapped_names_are_left_alone():
    # row 7.3 of seed 20001 D17 instance 2, its damaged words mended, twice: once snapped
    def table():
        rows = [
            ScoreRow(
                code="7.3", name="Cập nhật thông tin trên Trang thông tin điện", explanation="Tỷ lệ đạt 68% tử của xã"
            ),
            ScoreRow(
                code="7.4",
                name="Cập nhật thông tin trên Trang thông tin điện",
                explanation="Tỷ lệ đạt 68% tử của xã",
                flags=["name_from_criteria_set:x"],
            ),
        ]
        return ScoreTable(rows=rows, read_from="lines")

    typed, dump = table(), table()
    assert names_rest_in_tables([typed], ocr=False) == 0
    assert names_rest_in_tables([dump], ocr=True) == 1
    assert dump.rows[0].name == "Cập nhật thông tin trên Trang thông tin điện tử của xã"
    assert dump.rows[0].explanation == "Tỷ lệ đạt 68%"
    assert dump.rows[0].name_raw == "Cập nhật thông tin trên Trang thông tin điện"
    assert "name_rest_from_explanation" in dump.rows[0].flags
    assert dump.rows[1].name == "Cập nhật thông tin trên Trang thông tin điện"
