"""Text the annex-dump tests write: the head of an English-model OCR dump of a commune's report
as far as its statistics form's header line ("STT | Noi dung | Don vi tinh | So lieu | Ghi chu"),
its marks lost as ``eng`` loses them; each test writes the form's rows after it."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

ANNEX_DUMP_HEAD = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA AN PHU Doc lap - Tu do - Hanh phuc
So: 120/BC-UBND An Phu, ngay 10 thang 11 nam 2023
BAO CAO
Ket qua cong tac cai cach hanh chinh nam 2023

Phu luc 1
BIEU THONG KE SO LIEU CONG TAC CAI CACH HANH CHINH NAM 2023
(Kem theo Bao cao so 120/BC-UBND ngay 10/11/2023 cua UBND xa An Phu)
STT | Noi dung | Don vi tinh | So lieu | Ghi chu
"""


def read_annex_dump(tmp_path: Path, text: str, name: str = "annex-eng-psm11.txt") -> dict[str, dict]:
    """The rows, by code, of the one statistics annex read from a dump holding ``text``."""
    dump = tmp_path / name
    dump.write_text(text, encoding="utf-8")
    (annex,) = result_to_json(convert_file(dump))["statistics"]
    return {r["code"]: r for r in annex["rows"]}


def annex_dump_result(tmp_path: Path, rows: str, name: str = "annex-eng-psm3.txt") -> dict:
    """The whole result, as JSON, of a dump holding ``ANNEX_DUMP_HEAD`` and the form's ``rows``."""
    dump = tmp_path / name
    dump.write_text(ANNEX_DUMP_HEAD + rows, encoding="utf-8")
    return result_to_json(convert_file(dump))
