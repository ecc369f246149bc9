"""A score table pasted from a spreadsheet whose criteria were typed several to a row: the codes
"1.1" / "1.2" / "1.3" one a line in the code cell (or opening the name cell's lines, "1.1. Ban
hành …"), the names one a line beside them, the maxima, self points and notes one a line in
theirs. Such a row is split into its criteria by the line structure of its cells, before the
rows are read as criteria (``score_tables``), so no criterion's figures are glued to another's.

The lines must match: each figure cell one line a criterion (a blank figure is an empty line the
readers drop: it is placed by where the cell's other lines stand against a cell of one line a
criterion, the code cell's or another figure cell's; ``Cell.line_places``), and the name cell's
lines gathered into one name a criterion (a name wrapped in the PDF's text layer runs on in a
line that opens in lower case).
Where they cannot be matched the row is not read as one row with glued numbers: it is taken out
of the table and told (an ``unread`` part of kind "rows", a review item)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.model import mean_conf
from extract.segment.joined import JoinedRow, JoinedTable, row_bbox
from normalize.lazy_regex import lazy_compile
from schemas.records import UnreadPart

# A criterion's code alone in its line ("1.2", "1.2.", "3"; its closing dot OCR read as a comma, "5,").
_CODE_LINE = lazy_compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.,]?$")
# A name line opening with its criterion's code ("1.2. Ban hành …", "3. Cải cách …", "5, Xây dựng …"
# as OCR read a scan's "5."). A wrapped line opening so breaks the codes' order: the row is told.
_CODED_NAME = lazy_compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.,]?\s+\S")
# A points figure alone in its line ("1", "0,75", "2.5"); on a scan one of its digits may come out
# a mark or a letter ("5,Ð" for "5,5"): a short line holding a digit and no word is a figure's still,
# the score reader doubting what it cannot parse, not words that make the cell no figure cell.
_FIGURE_LINE = lazy_compile(r"^\d{1,3}(?:[.,]\d{1,2})?$|^(?=.{1,6}$)(?=\S*\d)(?!.*\p{L}{2})\S+$")
# A line opening a new name: its first letter a capital (a wrapped name's next line runs on in
# lower case, or opens with a bracket or a figure).
_OPENS_NAME = lazy_compile(r"^[\p{Lu}]")
# A word printed in capitals throughout ("UBND", "CCHC"): a name may wrap before it, so a line it
# opens may run on a name rather than open one.
_CAPITALS_WORD = lazy_compile(r"^[\p{Lu}Đ]{2,}\b")

UNSPLIT_REASON = "criteria pasted several to a row whose cells' lines do not match: not split"


@dataclass(frozen=True)
class PastedRowSettings:
    # Criteria a row must hold, by its cells' codes, before it is taken for a pasted run (one
    # code a row is an ordinary row).
    min_criteria: int = 2
    # Characters of an unsplit row's text kept in the told part's sample.
    sample_chars: int = 160


@dataclass
class PastedSplit:
    """The table with its pasted rows split into criteria, and the rows that could not be."""

    joined: JoinedTable
    unread: list[UnreadPart] = field(default_factory=list)


def split_pasted_rows(
    joined: JoinedTable, columns: dict[str, int], settings: PastedRowSettings = PastedRowSettings()
) -> PastedSplit:
    """``joined`` with each row holding several criteria one a line split into a row each;
    the rows whose lines cannot be matched taken out and told."""
    rows: list[JoinedRow] = []
    unread: list[UnreadPart] = []
    for row in joined.rows:
        count = pasted_count(row, columns, settings)
        if count is None:
            rows.append(row)
            continue
        pieces = split_row(row, columns, count)
        if pieces is None:
            unread.append(unsplit_part(row, settings))
        else:
            rows += pieces
    if not unread and len(rows) == len(joined.rows):
        return PastedSplit(joined)
    return PastedSplit(replace(joined, rows=rows), unread)


def _lines(row: JoinedRow, col: int | None) -> list[str]:
    if col is None or col >= len(row.lines):
        return []
    return [line.strip() for line in row.lines[col] if line.strip()]


def pasted_count(row: JoinedRow, columns: dict[str, int], settings: PastedRowSettings) -> int | None:
    """How many criteria a row holds by its codes, one a line: the code cell's lines, or the name
    cell's lines opening with codes of one level (a wrapped name's next line opens with no code);
    None for a row of one criterion."""
    codes = _lines(row, columns.get("code"))
    if len(codes) >= settings.min_criteria and all(_CODE_LINE.match(c) for c in codes):
        return len(codes) if _one_level([_CODE_LINE.match(c).group(1) for c in codes]) else None
    opened = [m.group(1) for m in map(_CODED_NAME.match, _lines(row, columns.get("name"))) if m]
    if len(opened) >= settings.min_criteria and _siblings(opened):
        return len(opened)
    return None


def _one_level(codes: list[str]) -> bool:
    return len({c.count(".") for c in codes}) == 1


def _siblings(codes: list[str]) -> bool:
    """Codes of one parent in their order ("1.1", "1.2", "1.3"; "1", "2", "3")."""
    paths = [tuple(int(p) for p in c.split(".")) for c in codes]
    return all(b[:-1] == a[:-1] and b[-1] == a[-1] + 1 for a, b in zip(paths, paths[1:]))


def split_row(row: JoinedRow, columns: dict[str, int], count: int) -> list[JoinedRow] | None:
    """The row's criteria, a row each, or None when a cell's lines cannot be given one to each."""
    split: dict[int, list[str]] = {}
    for key, col in columns.items():
        if col >= len(row.cells):
            continue
        lines = _lines(row, col)
        if key == "name":
            parts = name_parts(lines, count, coded="code" not in columns or not _lines(row, columns["code"]))
        elif key == "explanation":
            # (a blank note is a line no text marks: placed by where the lines stand, as a figure's)
            placed = placed_lines(row, col, slots(row, columns, count)) if 0 < len(lines) < count else None
            parts = placed or note_parts(lines, count)
        elif key == "code" or all(_FIGURE_LINE.match(line) for line in lines):
            parts = lines if len(lines) == count else ([""] * count if not lines else None)
            if parts is None and key != "code":
                parts = placed_lines(row, col, slots(row, columns, count))
        else:
            parts = None  # a figure cell holding words: not one a line
        if parts is None:
            return None
        split[col] = parts
    confs = {c: piece_confs(row, c, parts) for c, parts in split.items()}
    pieces = []
    for k in range(count):
        cells = [split[c][k] if c in split else (text if k == 0 else "") for c, text in enumerate(row.cells)]
        printed = [[cell] if cell else [] for cell in cells]
        own = [confs[c][k] if c in confs else conf for c, conf in enumerate(row.confs)]
        above: list[str | None] = [None] * len(cells) if row.above else []
        pieces.append(replace(row, cells=cells, lines=printed, places=[], line_confs=[], confs=own, above=above))
    return pieces


def piece_confs(row: JoinedRow, col: int, parts: list[str]) -> list[float | None]:
    """Each piece's confidence in a cell cut into pieces: the mean of its own lines' OCR
    confidences (``Cell.line_confs``; a figure re-read alone is doubted alone, not hidden behind
    its neighbours'), the cell's where the cell gave none, or for a blank piece, or where the
    pieces are not the cell's lines taken in order."""
    cell = row.confs[col] if col < len(row.confs) else None
    raw = row.lines[col] if col < len(row.lines) else []
    given = row.line_confs[col] if col < len(row.line_confs) else []
    if len(given) != len(raw):
        return [cell] * len(parts)
    lines = [(line.strip(), conf) for line, conf in zip(raw, given) if line.strip()]
    out: list[float | None] = []
    at = 0
    for part in parts:
        if not part:
            out.append(cell)
            continue
        taken: list[tuple[str, float | None]] = []
        while at < len(lines) and " ".join(t for t, _ in taken) != part:
            taken.append(lines[at])
            at += 1
        if " ".join(t for t, _ in taken) != part:
            return [cell] * len(parts)
        out.append(mean_conf([c for _, c in taken if c is not None]) if any(c is not None for _, c in taken) else cell)
    return out


def _placed(row: JoinedRow, col: int) -> list[tuple[str, float]] | None:
    """A cell's printed lines with their places down the cell, None where the format gave none."""
    if col >= len(row.lines) or col >= len(row.places) or len(row.places[col]) != len(row.lines[col]):
        return None
    return [(line.strip(), place) for line, place in zip(row.lines[col], row.places[col]) if line.strip()]


def slots(row: JoinedRow, columns: dict[str, int], count: int) -> list[float] | None:
    """Where the row's criteria stand down the row: the places of the lines of a cell holding one
    line a criterion, the code cell's or a figure cell's (a wrapped name's lines do not face the
    figures beside it, so the name cell gives none); None when no cell does."""
    for key in ("code", *(k for k in columns if k not in ("code", "name", "explanation"))):
        placed = _placed(row, columns[key]) if key in columns else None
        if placed is not None and len(placed) == count:
            return [place for _, place in placed]
    return None


def placed_lines(row: JoinedRow, col: int, at: list[float] | None) -> list[str] | None:
    """A figure or note cell with fewer lines than criteria (a blank is a line no text marks) given
    to the criteria by its lines' places: each line to the criterion standing nearest, within half
    the criteria's least spacing, one line each; None when a line cannot be placed so."""
    placed = _placed(row, col)
    if at is None or placed is None or len(at) < 2:
        return None
    reach = min(b - a for a, b in zip(at, at[1:])) / 2
    parts = [""] * len(at)
    for text, place in placed:
        k = min(range(len(at)), key=lambda j: abs(at[j] - place))
        if abs(at[k] - place) >= reach or parts[k]:
            return None
        parts[k] = text
    return parts


def name_parts(lines: list[str], count: int, coded: bool) -> list[str] | None:
    """The name cell's lines gathered into ``count`` names: each name opens a line (with its code
    when ``coded``; with a capital otherwise) and the lines after it up to the next run it on."""
    if coded:
        opens = [k for k, line in enumerate(lines) if _CODED_NAME.match(line)]
    else:
        opens = capital_openings(lines, count)
    if len(lines) == count:
        opens = list(range(count))
    return _gathered(lines, opens, count)


def note_parts(lines: list[str], count: int) -> list[str]:
    """The notes cell's lines given to the criteria: one a line when they match; otherwise (a
    blank note is a line the readers drop, a long note wraps) the notes gathered by the lines
    opening with a capital, the first criteria's first, and all of them on the first criterion
    when even that does not match (kept, never dropped)."""
    if not lines:
        return [""] * count
    if len(lines) == count:
        return lines
    opens = capital_openings(lines, count)
    gathered = _gathered(lines, opens, len(opens)) if opens and opens[0] == 0 and len(opens) <= count else None
    if gathered is not None and len(gathered) == count:
        return gathered
    return [" ".join(lines)] + [""] * (count - 1)


def capital_openings(lines: list[str], count: int) -> list[int]:
    """The lines opening with a capital; more of them than ``count``, those opening with a word in
    capitals dropped (a wrap before "UBND tỉnh" runs the text on)."""
    opens = [k for k, line in enumerate(lines) if _OPENS_NAME.match(line)]
    if len(opens) > count:
        opens = [k for k in opens if k == 0 or not _CAPITALS_WORD.match(lines[k])]
    return opens


def _gathered(lines: list[str], opens: list[int], count: int) -> list[str] | None:
    if len(opens) != count or not opens or opens[0] != 0:
        return None
    ends = opens[1:] + [len(lines)]
    return [" ".join(lines[a:b]) for a, b in zip(opens, ends)]


def unsplit_part(row: JoinedRow, settings: PastedRowSettings) -> UnreadPart:
    """A pasted row whose lines could not be matched, told with its text."""
    text = " | ".join(" ".join(c.split()) for c in row.cells if c.strip())
    return UnreadPart(
        page=row.page,
        kind="rows",
        reason=UNSPLIT_REASON,
        text_sample=text[: settings.sample_chars],
        bbox=row_bbox(row),
        line_start=row.line_start,
        line_end=row.line_end,
    )
