"""What the score-dump tests share: an OCR dump they write, read end to end, its first score
table's rows by code (with their index, for the review queue's pointers) and the queue's cells."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

# Tesseract's lines of a three-points score table scanned and OCR'd with its diacritics lost: two
# fields, 10 | 10 | 10 (a speck "a" after the maximum) and 10 | 8,5 | 8,5, the totals line left to
# the test that writes it.
THREE_POINTS_TABLE = """‘| diem | : J]
1T a Linh vu, tiu chi Diém | Diem | am | Giai trinh
toi da cham dink
| : : 1 :
ee Cong tac chi dao, diéu hanh cai cach hanh chinh 10 a 10 10 | Bao cdo s6 76/BC-UBND ngay
eee as a = a x 25/08/2024
> XAy dung va té chifc thc hién van ban quy pham 10 8.5 8.5
*_| phap luat tai tinh | a a a 0
"""


def read_score_dump(tmp_path: Path, text: str) -> tuple[dict, dict[str, tuple[int, dict]]]:
    """(the output JSON, its first score table's rows by code as (index, row))."""
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    out = result_to_json(convert_file(path))
    return out, {row["code"]: (k, row) for k, row in enumerate(out["score_tables"][0]["rows"])}


def score_dump_rows(tmp_path: Path, lines: list[str]) -> dict[str, dict]:
    """The first score table's rows by code of an OCR dump of these lines, read end to end."""
    _, by_code = read_score_dump(tmp_path, "\n".join(lines))
    return {code: row for code, (_, row) in by_code.items()}


def queued(out: dict) -> set[tuple[str, str | None]]:
    """The (item, field) pairs the review queue holds."""
    return {(entry["item"], entry.get("field")) for entry in out["review"]}


def queued_cell(out: dict, k: int, field: str) -> bool:
    """Whether the queue holds row ``k``'s cell ``field`` of the first score table."""
    return (f"/score_tables/0/rows/{k}", field) in queued(out)
