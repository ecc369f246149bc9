"""Issue 14, no false `mismatch` on OCR dumps: four shapes seed 18001's dumps told as the commune's
faults where the document is right (its truth file lists no fault there), each a relation a
reading of ours breaks. Rows as the dumps were read; the truth's figures in the comments."""

from cchc_extract.reconcile import reconcile
from extract.segment.stat_line_compare import PERIODS_UNSEEN_FLAG
from schemas.records import ExtractionResult, ScoreRow, ScoreStatement, ScoreTable, SourceInfo, StatAnnex, StatRow


def checked(ocr: bool, **parts) -> ExtractionResult:
    result = ExtractionResult(source=SourceInfo(method="text", read_by_ocr=ocr), **parts)
    reconcile(result)
    return result


def status(result: ExtractionResult, kind: str, code: str) -> list[str]:
    return [c.status for c in result.checks if c.kind == kind and c.code == code]


def stat(code: str, indicator: str, unit: str, raw: str, note: str = "", flags=()) -> StatRow:
    value = float(raw.replace(",", "."))
    return StatRow(code=code, indicator=indicator, unit=unit, value=value, value_raw=raw, note=note, flags=list(flags))


def test_a_criterion_statement_alone_above_its_group_is_our_misreading():
    # D15 dump: "tiêu chí 6.2 (Công khai ngân sách) đạt 15/125 điểm" for 1,5/1,5 (truth: 6.2 points
    # 1,5 of 1,5; group 6 2,5 of 4, its criteria 0,5/1 + 1,5/1,5 + 0,5/1,5)
    statements = [
        ScoreStatement(kind="group", code="6", points=2.5, max_points=4),
        ScoreStatement(code="6.1", points=0.5, max_points=1),
        ScoreStatement(code="6.2", points=15, max_points=125),
        ScoreStatement(code="6.3", points=0.5, max_points=1.5),
    ]
    result = checked(True, score_statements=statements)
    assert status(result, "group_statement", "6") == ["misread", "misread"]
    assert "/score_statements/2" in {r.item for r in result.review}


def test_a_total_part_whose_unit_ocr_garbled_is_counted_and_doubted():
    # D31 dump: "2.2 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính HÊU 7 | G7" (truth 2 = 611 =
    # 544 + 67); the part with the unit not read was left out, 611 told against 544 alone
    rows = [
        stat("2", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "", "611"),
        stat("2.1", "Số hồ sơ tiếp nhận trực tuyến", "", "544"),
        stat("2.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "HỂU", "7"),
        stat("2.3", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "89,03"),
    ]
    result = checked(True, statistics=[StatAnnex(rows=rows)])
    assert status(result, "total_parts", "2") == ["misread"]
    assert "/statistics/0/rows/2" in {r.item for r in result.review}
    # typed, the unit cell is the commune's: the sum of the parts in the total's unit stays its fault
    assert status(checked(False, statistics=[StatAnnex(rows=rows)]), "total_parts", "2") == ["mismatch"]


def test_a_total_part_whose_cells_slid_is_a_part_not_read():
    # D28 dump: "6.1 Số hồ sơ tiếp nhận trực tuyến _Hồ sơ 385" read with its share 91,45 as the
    # figure and no unit (truth 6 = 421 = 385 + 36): no sum of 36 alone is told against 421
    rows = [
        stat("6", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hoso", "421"),
        stat("6.1", "Số hồ sơ tiếp nhận trực tuyến _Hồ sơ 385", "", "91,45"),
        stat("6.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "36"),
    ]
    result = checked(True, statistics=[StatAnnex(rows=rows)])
    assert "mismatch" not in status(result, "total_parts", "6")


def score(code: str, name_raw: str, max_raw: str, self_raw: str | None) -> ScoreRow:
    def num(raw: str | None) -> float | None:
        return None if raw is None else float(raw.replace(",", "."))

    return ScoreRow(
        code=code,
        code_raw=code,
        level=code.count(".") + 1,
        name=name_raw,
        name_raw=name_raw,
        max_points=num(max_raw),
        max_points_raw=max_raw,
        self_points=num(self_raw),
        self_points_raw=self_raw,
        flags=[] if self_raw is not None else ["missing_self"],
    )


def test_a_maximum_its_field_heading_states_otherwise_is_read_as_the_heading_says():
    # D29 dump: "5. Xây dựng … (tối đa 10 điểm, tự chấm 6" wrapped before "điểm)": the self score 6
    # read as the maximum (truth: 5 max 10, self 6; 5.1 3/3, 5.2 3/3, 5.3 4/0). Field 2's planted
    # fault (truth: 2 max 8 but 3 + 3 + 3 = 9) stays the commune's: its heading's 8 fails too.
    rows = [
        score("2", "Xay dung va to chuc thuc hien van ban (t6i da 8 diém, tu cham diém)", "6,5", None),
        score("2.1", "Ban hanh van ban quy pham phap luat", "3", "1,5"),
        score("2.2", "Ra soat, he thong hoa van ban", "3", "2"),
        score("2.3", "To chuc thuc hien va kiem tra", "3", "3"),
        score("5", "Xay dung va nang cao chat luong doi ngu (tdi da 10 diém, tu cham diém)", "6", None),
        score("5.1", "Bo tri can bo, cong chuc theo vi tri viec lam", "3", "3"),
        score("5.2", "Dao tao, boi duong can bo, cong chuc", "3", "3"),
        score("5.3", "Chap hanh ky luat, ky cuong hanh chinh", "4", "0"),
    ]
    result = checked(True, score_tables=[ScoreTable(rows=rows)])
    # (dumpnums76: the sums place the lone "6" — 5's scores add up to it, its maxima do not — as the
    # self score, and the heading's stated 10 as the maximum, the truth's 10 and 6; before, 6 stayed
    # the maximum, a `misread` offering 10. The move is a repaired check, the self cell queued.)
    rows5 = result.score_tables[0].rows[4]
    assert (rows5.max_points, rows5.self_points) == (10.0, 6.0)
    assert status(result, "sum_children", "5") == ["ok"]
    assert status(result, "score_from_max", "5") == ["repaired"]
    assert status(result, "sum_children", "2") == ["mismatch"]
    review = {(r.item, r.field) for r in result.review}
    assert ("/score_tables/0/rows/4", "self_points") in review


def test_a_share_weighed_in_the_other_period_of_its_counts_holds_there():
    # D17 dump of an annex printing 2023 and 2024 under a header OCR garbled: the counts read in
    # 2023's column (407, 359), the share printing 88,22 in both; truth (2024): 5 = 365, 5.1 = 322,
    # 5.3 = 88,22 % = 322 / 365. No fault of the commune's, the column is ours.
    unseen = [PERIODS_UNSEEN_FLAG]
    rows = [
        stat("5", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hồ sơ", "407", "365 -42 89,7", unseen),
        stat("5.1", "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "359", "322 -37 89;7", unseen),
        stat("5.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "48", "43 5 89,6", unseen),
        stat("5.3", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "88,22", "88,22 0"),
    ]
    result = checked(True, statistics=[StatAnnex(rows=rows)])
    assert status(result, "ratio", "5.3") == ["misread"]
    review = {r.item: r.alternatives for r in result.review}
    assert review["/statistics/0/rows/1"] == [322.0] and review["/statistics/0/rows/0"] == [365.0]


def test_a_maximum_read_2_may_be_a_printed_3():
    # D19 dump: "4.1 | Thực hiện quy định về chức năng, 2 2,25" (truth: 4.1 max 3, self 2,25; no
    # fault): a faint "3" read "2" is OCR's most frequent swap; typed, the figure is the commune's
    row = score("4.1", "Thuc hien quy dinh ve chuc nang, nhiem vu", "2", "2,25")
    result = checked(True, score_tables=[ScoreTable(rows=[row])])
    assert status(result, "self_le_max", "4.1") == ["misread"]
    review = {(r.item, r.field): r.alternatives for r in result.review}
    assert review[("/score_tables/0/rows/0", "max_points")] == [3.0]
    typed = checked(False, score_tables=[ScoreTable(rows=[score("4.1", "Thuc hien", "2", "2,25")])])
    assert status(typed, "self_le_max", "4.1") == ["mismatch"]
