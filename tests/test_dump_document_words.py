"""An OCR'd criterion name's words that are no syllable ("tổ chifc", "quy Shai pháp", "chất lvgng"),
restored from a syllable the same document (or a criteria set's wording) prints beside the same
neighbour (``normalize.criteria.document_words``, issue 11, names).

The dump is a generated one (spent seed 21001, family D19, instance 3, shared with
tests/test_dump_name_reopens.py); the expected names are its truth file's."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from normalize.criteria.document_words import DocumentWordSettings, _vocabulary, mend_name

DUMP = Path(__file__).parent / "data" / "dump_name_reopens" / "side-by-side-s21001-d19-i3.txt"


def _rows() -> dict[str, dict]:
    out = result_to_json(convert_file(DUMP))
    return {r["code"]: r for t in out["score_tables"] for r in t["rows"]}


def test_damaged_words_of_a_name_take_the_documents_own_spelling():
    rows = _rows()
    # truth: "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật" (read "tổ chifc", "quy Shai")
    assert rows["2"]["name"] == "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật"
    # truth: "… chất lượng đội ngũ cán bộ, công chức" ("di" is a syllable: left as read)
    assert rows["5"]["name"].startswith("Xây dựng và nâng cao chất lượng")
    assert rows["5"]["name"].endswith("cán bộ, công chức")


def _mend(name: str, texts: list[str]) -> str:
    words, pairs = _vocabulary(texts)
    return mend_name(name, words, pairs, DocumentWordSettings())[0]


def test_only_a_word_beside_its_printed_neighbour_and_never_a_syllable_or_glued_pair():
    texts = ["Tổ chức bộ máy của công chức chuyên môn", "Sự hài lòng về công chức"]
    assert _mend("nhiệm vụ của công chifc chuyên môn", texts) == "nhiệm vụ của công chức chuyên môn"
    # no neighbour the document prints it beside: left as read
    assert _mend("về chifc năng", texts) == "về chifc năng"
    # two syllables OCR glued are not one syllable two letters shorter ("Sựhài" is not "Hài")
    assert _mend("Sựhài lòng về công chức", texts) == "Sựhài lòng về công chức"
    # no vowel, none a digit stands for: OCR's junk (a dump's "nhân HD XG na mm..."), not "mềm"
    assert _mend("na mm... J1", ["phần mềm", "na mềm"]) == "na mm... J1"
    # a word that is a syllable is the commune's, even beside a neighbour printed otherwise
    assert _mend("công chúa chuyên môn", texts) == "công chúa chuyên môn"


def test_two_syllables_with_equal_support_leave_the_word_as_read():
    words, pairs = Counter({"lỗi": 1, "lợi": 1}), frozenset({("xin", "lỗi"), ("xin", "lợi")})
    assert mend_name("xin 16i", words, pairs, DocumentWordSettings()) == ("xin 16i", 0)
