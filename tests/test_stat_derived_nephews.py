"""A share printed beside its whole is of the whole's parts, and of the one not negated
(``reconcile.stat_derived._named_among_lost``, issues 11, 14). A real Tesseract dump of spent seed
13001 D26 (N71, an annex numbered three levels deep), with the generator's truth: "4.1 Số nhiệm vụ
trong Kế hoạch CCHC năm 20", its parts "4.1.1 … đã hoàn thành 1Ö" and "4.1.2 … chưa hoàn thành n"
both lost to OCR, "4.2 Tỷ lệ hoàn thành Kế hoạch CCHC năm (%) 85". The share is 17 of 20: the
part done, not the part not done (on 7f36aba1 both parts were given 17)."""

from pathlib import Path

from cchc_extract.reconcile.stat_derived import FLAG_DERIVED_VALUE
from corpus_helpers import converted_with_truth

DUMP = next((Path(__file__).parent / "data" / "stats68").glob("s13001-d26-i2-*.txt"))


def test_a_share_beside_its_whole_derives_the_part_it_names_then_the_remainder():
    out, truth = converted_with_truth(DUMP)
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert (want["4.1"], want["4.1.1"], want["4.1.2"], want["4.2"]) == (20, 17, 3, 85)
    got = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
    for code in ("4.1.1", "4.1.2"):
        assert got[code]["value"] == want[code], code
        assert FLAG_DERIVED_VALUE in got[code]["flags"] and got[code]["value_raw"] == ""
        # never read, so queued with what it was derived from
        assert any(e["code"] == code and e["field"] == "value" for e in out["review"]), code


def test_a_share_whose_label_names_two_parts_is_of_their_sum():
    # "Đi2 Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn (%) Iấ hi)": the share OCR lost, after
    # "5.1... Số hồ sơ TTHC đã giải quyết (hồ Sơ) D57" (its figure garbled, its parts 344, 191, 2).
    out, truth = converted_with_truth(DUMP)
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert (want["5.1"], want["5.1.1"], want["5.1.2"], want["5.1.3"], want["5.2"]) == (537, 344, 191, 2, 99.63)
    got = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
    # the whole as its parts, then the share as the two parts it names (344 + 191) over it, not
    # the first part alone (344 / 537 = 64,06)
    for code in ("5.1", "5.2"):
        assert got[code]["value"] == want[code], code
        assert FLAG_DERIVED_VALUE in got[code]["flags"], code
        assert any(e["code"] == code and e["field"] == "value" for e in out["review"]), code
