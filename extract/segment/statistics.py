"""Statistics annexes (indicator / unit / value).

Reports carry their figures in annex forms ("Phụ lục 4 — BIỂU MẪU THỐNG KÊ SỐ LIỆU ..."): a code
column ("1.", "1.1.", "2.2.1."), the indicator, its unit, the figure and a note. Columns are found
by their header words (accent-free, so OCR'd headers work too), the annex label and title from
the lines above the table. A figure is parsed with the kind of number its unit implies: "%" and
scaled money ("Triệu đồng") read the Vietnamese way with a decimal comma (a lone three-digit
group after the separator is taken as thousands for money and flagged), counts as whole
numbers; enumerated units ("Có = 1; Không = 0") give the allowed values and the figure is checked
against them.

Codes are read as a column, not cell by cell (``normalize.code_repair.repair_codes``): on OCR'd pages a
misread code ("9.2" between 5.1 and 5.3) is repaired from its neighbours and an unreadable one
("A." for 4., "Z1" for 7.1) is inferred from order; a row with an empty code cell but an
indicator of its own is a row whose code is inferred, never glued to the row above unless it
reads as wrapped text (lower-case start, no unit, no figure). Printed codes of typed pages are
kept as printed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.model import IngestedDocument
from extract.segment.annex_captions import annex_caption
from extract.segment.column_labels import ANNEX_ROLE_WORDS
from extract.segment.fields_across import fields_turned
from extract.segment.header_groups import grouped_labels
from extract.segment.joined import JoinedRow, JoinedTable, row_bbox
from extract.segment.points_words import SCORE_HEADER_WORDS, share_label
from extract.segment.score_tables import map_columns
from extract.segment.stat_across import across_rows, label_unit
from extract.segment.stat_code_column import (
    StatDraft,
    items_of_a_lost_count,
    new_sections,
    settle_codes,
)
from extract.segment.stat_group_sums import closed_groups
from extract.segment.stat_item_letters import bare_letter, follows_items, garbled_letter_above
from extract.segment.stat_key_value import figure_and_unit, key_code, key_value_roles, keys_coded, unmarked_items
from extract.segment.stat_label_rows import LabelRowSettings, is_label_row
from extract.segment.stat_numbering import enclosing_code
from extract.segment.stat_part_whole import part_over_whole
from extract.segment.stat_period_parts import whole_period_column
from extract.segment.stat_periods import names_earlier, this_period_column
from extract.segment.stat_row_conf import content_conf
from extract.segment.stat_running_total import running_total_column
from extract.segment.stat_unit_once import own_unit
from extract.segment.stat_values import DOUBTED_READINGS, parse_stat_value
from extract.segment.table_join import join_tables
from extract.segment.target_tables import is_target_table
from extract.segment.task_tables import names_task_columns
from normalize.codes import letter_item
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import SPACE_RUN, any_word, fold
from schemas.records import MISSING_FLAG, SourceRef, StatAnnex, StatRow


@dataclass(frozen=True)
class StatisticsSettings:
    # Header words that make a table someone else's: score tables (`points_words`), task frameworks.
    score_header_words: tuple[str, ...] = SCORE_HEADER_WORDS
    task_header_words: tuple[str, ...] = ("chu tri", "phoi hop", "thoi gian hoan thanh", "san pham")
    # Lines above a table searched for its annex label and title.
    caption_lines: int = 8
    # Confidence of a figure that needed a guess (separator, value outside the allowed set).
    ambiguous_confidence: float = 0.6
    not_allowed_confidence: float = 0.5
    unparsed_confidence: float = 0.3
    # Confidence of a figure read from the first of several columns that could as well hold it
    # (``rival_value_columns``), where those columns print other figures on its row.
    guessed_column_confidence: float = 0.5
    # Confidence of a row whose code was inferred from order / repaired from a misread token.
    inferred_code_confidence: float = 0.5
    repaired_code_confidence: float = 0.7
    # An OCR'd code cell this short with a digit or a dot is a garbled code ("A.", "Z1"), not
    # words of the indicator.
    garbled_code_chars: int = 5
    # Rows that total the table: never given a code.
    total_words: tuple[str, ...] = ("tong cong", "cong", "tong")
    # Enumerated units: a last label printed without its "= n" (lost by OCR) continues the
    # sequence when it is at most this many words.
    enum_tail_words: int = 3
    # Two OCR'd units are one when their letters, spaces dropped, are this alike (rapidfuzz
    # ratio): "Phananh", "Phản ánh" and "Phapanh" all count complaints.
    same_unit_ratio: float = 75.0
    # A code column OCR lost prints a token on at most one row in so many (a speck, a code a second
    # page printed): its groups are then placed by the shares closing them (``wholes_closed_by_shares``).
    lost_code_column_rows: int = 4
    # Rows that only open a count's breakdown ("Trong đó:", "Chia ra:"): dropped (stat_label_rows).
    label_rows: LabelRowSettings = LabelRowSettings()


# Words of a figures column's label that name the plan, and those that name what was done: a label
# with the first and none of the second is the plan's column ("Số lượng theo kế hoạch").
_PLAN_WORDS = ("ke hoach", "kh", "du kien", "chi tieu giao")
_RESULT_WORDS = ("thuc hien", "ket qua", "dat duoc", "th")
_CODE = lazy_compile(r"^\s*((?:\d{1,2}\s*\.\s*)*\d{1,2})\s*\.?\s*$")
_ROMAN = lazy_compile(r"^\s*([IVXLC]{1,5})\s*\.?\s*$")
_ALLOWED = lazy_compile(r"\s*([^=;,]+?)\s*=\s*(\d+(?:[.,]\d+)?)")
# A code column's cell that is a letter alone ("a", "b"): a lettered item as "a)" is; a bullet
# ("-", "+", "•"): an item of the coded row above, printing no code of its own.
_BARE_LETTER = lazy_compile(r"[a-zđ]")
_BULLET = lazy_compile(r"[-+•–*]")
# A row whose figure is the first of several columns its header names alike, another of which
# prints another figure on the row (``rival_value_columns``): which is the row's value is a guess.
COLUMN_GUESSED_FLAG = "value_column_guessed"
_SCALED_MONEY = ("trieu", "ty ", "ty", "nghin", "ngan")


def _names_plan(text: str) -> bool:
    """A folded label that names the plan's figure and not the result ("Kế hoạch", "Số lượng theo kế
    hoạch", "Chỉ tiêu KH"; not "Kết quả thực hiện kế hoạch")."""
    return _PLAN_WORD.search(text) is not None and _RESULT_WORD.search(text) is None


def _names_result(label: str) -> bool:
    """A label naming what was done and not the plan ("Thực hiện", "TH", "Kết quả")."""
    folded = fold(label)
    return _RESULT_WORD.search(folded) is not None and not _names_plan(folded)


# The words as whole words of a folded label, each list one pattern.
_ROLE_PATTERNS = {role: any_word(words) for role, words in ANNEX_ROLE_WORDS}
_PLAN_WORD = any_word(_PLAN_WORDS)
_RESULT_WORD = any_word(_RESULT_WORDS)


def column_roles(labels: list[str]) -> dict[str, int]:
    """Role → column index from the stacked header labels; each role once, each column once. Of
    the columns whose labels could hold the figures, one naming the plan is the figures' only when
    no other can ("Số lượng theo kế hoạch" beside "Số lượng thực hiện": the plan is a note). A
    header comparing two periods gives its own period's column as the figures' (``stat_periods``)."""
    roles: dict[str, int] = {}
    taken: set[int] = set()
    for role, pattern in _ROLE_PATTERNS.items():
        found = [c for c, label in enumerate(labels) if c not in taken and pattern.search(fold(label))]
        if role == "value":
            found = sorted(
                (c for c in found if not names_earlier(labels[c])), key=lambda c: _names_plan(fold(labels[c]))
            )
            this = this_period_column(labels)
            if not found and this is not None and this not in taken:
                found = [this]  # "Kỳ này | Cùng kỳ năm trước": the report's own period (stat_periods)
            whole = whole_period_column(labels, names_result=_names_result)
            if whole is not None and whole not in taken:
                found = [whole]  # "Quý I | … | Cả năm": the whole period's, parts noted (stat_period_parts)
            running = running_total_column(labels, _names_plan)
            if whole is None and running is not None and running not in taken:
                found = [running]  # "Quý III | Lũy kế 9 tháng": the year to date (stat_running_total)
        if found:
            roles[role] = found[0]
            taken.add(found[0])
    return roles


def rival_value_columns(table: JoinedTable, labels: list[str], roles: dict[str, int]) -> list[int]:
    """The grid columns besides the value's that could as well hold the figures, where nothing chose
    among them and ``column_roles`` took the first: the unlabelled columns the value's label spans
    ("Kết quả thực hiện" over "1 | 2 | 3 | 14 | 5 | 76 | Cộng": the months' row, T6 read "76",
    counted no months, so it stayed a body row and the year's column was never named), and, where no
    period's word (this period, the whole, a running total) chose, the other columns the value's
    words name, neither a plan's nor an earlier period's nor a share's. Empty where the value's
    column was chosen by its words."""
    value = roles.get("value")
    if value is None:
        return []
    spanned = [c for c in table.columns_of(value) if c != value]
    if this_period_column(labels) is not None or whole_period_column(labels, names_result=_names_result) is not None:
        return spanned
    if running_total_column(labels, _names_plan) is not None:
        return spanned
    pattern = _ROLE_PATTERNS["value"]
    taken = set(roles.values())
    named = [
        c
        for c, label in enumerate(labels)
        if c not in taken
        and pattern.search(folded := fold(label))
        and not names_earlier(label)
        and not _names_plan(folded)
        and not share_label(label)
    ]
    return [*spanned, *(c for c in named if c not in spanned)]


def another_kind_of_table(table: JoinedTable, settings: StatisticsSettings = StatisticsSettings()) -> bool:
    """A score table, a task framework or a plan's targets by year: never an annex."""
    header = fold(" ".join(table.header_text))
    if any(w in header for w in settings.score_header_words + settings.task_header_words):
        return True
    if names_task_columns(list(table.header_text)) is not None:
        return True  # ("Đơn vị thực hiện | Thời gian thực hiện": a lead and a deadline, no unit and figure)
    if len(table.header) > 1 and any(names_task_columns(list(row)) is not None for row in table.header):
        # One row of a header of several names a task framework's columns: the rows joined to it are
        # a section's line the join took for a header line (an OCR'd "Í | Công tác chỉ đạo …", its
        # numeral no code), whose words in the labels hide the code and task columns.
        return True
    if fields_turned(table, map_columns) is not table:
        return True  # the fields across over "Điểm tối đa" / "Điểm tự chấm": a score summary (fields_across)
    return is_target_table(table)  # indicators by year: the plan's targets (target_tables), no annex


def is_statistics_table(table: JoinedTable, settings: StatisticsSettings = StatisticsSettings()) -> bool:
    if another_kind_of_table(table, settings):
        return False
    roles = column_roles(grouped_labels(table)) or key_value_roles(table)  # no labels: a key-value table
    return "indicator" in roles and ("unit" in roles or "value" in roles)


def normalise_code(raw: str) -> str | None:
    """ "1." → "1", "2.2.1." → "2.2.1", "I" → "I"; None when the cell is not a code."""
    m = _CODE.match(raw or "")
    if m:
        return SPACE_RUN.sub("", m.group(1))
    m = _ROMAN.match(raw or "")
    return m.group(1) if m else None


def code_level(code: str | None) -> int:
    if not code:
        return 0
    if _ROMAN.match(code):
        return 0
    return code.count(".") + 1


def allowed_values(unit: str, settings: StatisticsSettings = StatisticsSettings()) -> dict[str, float] | None:
    """ "Có = 1; Không = 0" → {"Có": 1, "Không": 0}; "Chưa có = 0 2 cấp = 1 3 cấp = 2" →
    {"Chưa có": 0, "2 cấp": 1, "3 cấp": 2}. None for an ordinary unit.

    A short last label with its "= n" lost ("Trực tuyến = 0 Phát phiếu = 1 Kết hợp") takes the
    next number when the codes before it count up from their first one (see ``enum_tail``)."""
    if "=" not in (unit or ""):
        return None
    out: dict[str, float] = {}
    end = 0
    for m in _ALLOWED.finditer(unit):
        label = m.group(1).strip(" -:")
        if label:
            out[label] = float(m.group(2).replace(",", "."))
        end = m.end()
    tail = enum_tail(unit[end:], out, settings)
    if tail:
        out[tail[0]] = tail[1]
    return out or None


def enum_tail(
    rest: str, codes: dict[str, float], settings: StatisticsSettings = StatisticsSettings()
) -> tuple[str, float] | None:
    """(label, code) for the text after an enumeration's last "= n" when it is a label whose
    number was lost: a few words, after codes that run 0, 1, 2... without gaps."""
    label = rest.strip(" ;,.-:")
    if not label or "=" in label or len(label.split()) > settings.enum_tail_words or not codes:
        return None
    if not label[:1].isalpha() or not label[:1].isupper():
        return None
    values = sorted(codes.values())
    if any(v != int(v) for v in values) or values != [values[0] + k for k in range(len(values))]:
        return None
    return label, values[-1] + 1


def enumerated_value(raw: str, allowed: dict[str, float]) -> float | None:
    """The code of a figure written as one of its unit's labels: "Có" under "Có = 1; Không = 0"
    reads 1 (accents and case ignored, so OCR'd "co" / "KHONG" read too)."""
    key = fold(raw or "").strip(" .;:-")
    matches = [code for label, code in allowed.items() if fold(label).strip() == key]
    return matches[0] if key and len(matches) == 1 else None


def _cell(row: JoinedRow, col: int | None) -> str:
    if col is None or col >= len(row.cells):
        return ""
    return row.cells[col].strip()


def stat_rows(
    table: JoinedTable, settings: StatisticsSettings = StatisticsSettings(), ocr_pages: frozenset[int] = frozenset()
) -> list[StatRow]:
    """The annex's rows. ``ocr_pages``: pages whose text came from OCR (codes repaired, figures
    read with OCR look-alikes, cell confidences in the row confidence)."""
    labels = grouped_labels(table)
    roles = column_roles(labels) or key_value_roles(table)
    code_col = roles.get("code", 0 if roles.get("indicator") != 0 else None)
    # (no code column: the codes may open the indicator cells, "2.1. Số hồ sơ …" — stat_key_value)
    keyed = code_col is None and keys_coded([_cell(r, roles.get("indicator")) for r in table.rows])
    # (a count's breakdown closed by a "Cộng" row: its figure the count's, stat_group_sums)
    drafts = closed_groups(unmarked_items(_drafts(table, roles, code_col, ocr_pages, settings, keyed), keyed))
    codes: list[tuple[str | None, str | None]] = (
        settle_codes(drafts, settings) if code_col is not None or keyed else [(d.printed, None) for d in drafts]
    )
    codes = new_sections(drafts, codes)
    codes = items_of_a_lost_count(drafts, codes)
    out: list[StatRow] = []
    seen: set[str] = set()
    # (no column the figures' by its label: figures printed in the others are not read, and said so)
    unroled = [] if "value" in roles else [c for c, _ in _unroled_columns(table, roles, code_col)]
    rivals = rival_value_columns(table, labels, roles)
    for draft, (code, how) in zip(drafts, codes):
        row = draft.row
        value, flags, _alt = parse_stat_value(draft.value_raw, draft.unit, draft.indicator, ocr=draft.ocr)
        if any(parse_number(_cell(row, c), kind="auto") is not None for c in unroled):
            flags.append(MISSING_FLAG["value"])  # a figure printed in a column not known as this period's
        allowed = allowed_values(draft.unit, settings)
        if value is None and allowed is not None:
            value = enumerated_value(draft.value_raw, allowed)
            if value is not None:
                flags.remove("value_unparsed")
        confidence = 1.0
        if how == "inferred":
            flags.append("code_inferred")
            confidence = min(confidence, settings.inferred_code_confidence)
        elif how == "repaired":
            flags.append("code_repaired")
            confidence = min(confidence, settings.repaired_code_confidence)
        if allowed is not None and len(allowed) > len(_ALLOWED.findall(draft.unit)):
            flags.append("allowed_value_inferred")
        if allowed is not None and value is not None and value not in allowed.values():
            flags.append("value_not_allowed")
            confidence = min(confidence, settings.not_allowed_confidence)
        if draft.share_doubt:
            flags.append("share_not_part_over_whole")  # a misprint or a misreading: to review
        if any(f in flags for f in DOUBTED_READINGS) or draft.share_doubt:
            confidence = min(confidence, settings.ambiguous_confidence)
        if "value_unparsed" in flags or MISSING_FLAG["value"] in flags:
            confidence = min(confidence, settings.unparsed_confidence)
        if _rival_differs(row, rivals, value, draft.unit, draft.ocr):
            # (a column as likely the figures' prints another figure here: ours is the first's, a
            # guess the annex's sums cannot settle, since each column's figures add up alike)
            flags.append(COLUMN_GUESSED_FLAG)
            confidence = min(confidence, settings.guessed_column_confidence)
        conf = content_conf(row, code_col, roles)
        if conf is not None:
            confidence = min(confidence, conf)
        if row.joined_across_break:
            flags.append("joined_across_page_break")
        if row.realigned:
            flags.append("realigned")
        parent = enclosing_code(code, seen) if not draft.bullet else (out[-1].code or out[-1].parent if out else None)
        if code:
            seen.add(code)
        out.append(
            StatRow(
                code=code,
                indicator=draft.indicator,
                unit=draft.unit,
                value=value,
                value_raw=draft.value_raw,
                allowed_values=allowed,
                note=draft.note,
                level=code_level(code),
                parent=parent,
                confidence=round(confidence, 3),
                flags=flags,
                source=SourceRef(
                    page=row.page,
                    line_start=row.line_start or None,
                    line_end=draft.line_end or None,
                    bbox=row_bbox(row),
                ),
            )
        )
    return out


def _rival_differs(row: JoinedRow, rivals: list[int], value: float | None, unit: str, ocr: bool) -> bool:
    """Whether a rival value column (``rival_value_columns``) prints a figure other than the value on
    the row: a stock, the same in every column, is right whichever is taken."""
    if value is None:
        return False
    figures = (parse_stat_value(_cell(row, c), unit, ocr=ocr)[0] for c in rivals)
    return any(f is not None and f != value for f in figures)


def _drafts(
    table: JoinedTable,
    roles: dict[str, int],
    code_col: int | None,
    ocr_pages: frozenset[int],
    settings: StatisticsSettings,
    keyed: bool = False,
) -> list[StatDraft]:
    """Rows with their cells, wrapped indicator text folded into the row above. A labelled column
    no role takes ("Kế hoạch", "Tỷ lệ" beside "Thực hiện") is kept in the note as "label: text":
    its figures are the commune's too, and nothing printed is dropped silently."""
    drafts: list[StatDraft] = []
    extra = _unroled_columns(table, roles, code_col)
    for row in table.rows:
        code_raw = _cell(row, code_col)
        indicator = _cell(row, roles.get("indicator"))
        if keyed:
            code_raw, indicator = key_code(indicator)
        unit = _cell(row, roles.get("unit"))
        value_raw = _cell(row, roles.get("value"))
        over = part_over_whole(value_raw)  # "259/282 hồ sơ (91,84%)": the part, whole and share noted
        if over is not None:
            value_raw, unit = over.part, unit or over.unit
        elif "unit" not in roles:  # no unit column: the unit may follow the figure ("669 hồ sơ")
            value_raw, unit = figure_and_unit(value_raw)
        others = [f"{label}: {_cell(row, c)}" for c, label in extra if _cell(row, c)]
        whole = [over.note] if over is not None else []
        note = "; ".join(t for t in (_cell(row, roles.get("note")), *others, *whole) if t)
        if not any((code_raw, indicator, unit, value_raw, note)):
            continue
        if is_label_row(code_raw, (indicator, unit, value_raw, note), settings.label_rows):
            continue  # "Trong đó:" between a count and its items: no row, the items stay its parts
        ocr = row.page in ocr_pages
        # (on OCR'd lines a dash alone may be a speck or a code OCR garbled: a bullet there is one
        # the page's ink shows, ``ocr_bullets``)
        shown = roles.get("indicator") if keyed else code_col
        bullet = (not ocr or shown in row.bulleted) and (code_col is not None or keyed)
        bullet = bullet and bool(_BULLET.fullmatch(code_raw)) and bool(indicator)
        mended = garbled_letter_above(code_raw, drafts) if ocr and code_col is not None else None
        if mended is not None:  # ("bì" read for the "a" above this "b": stat_item_letters)
            drafts[-1].token, drafts[-1].indicator = mended
        code_raw = "" if bullet else f"{code_raw})" if _item_letter(code_raw, ocr, drafts) else code_raw
        printed = normalise_code(code_raw)
        token: str | None = code_raw or None
        coded = True
        if printed is None and code_raw:
            if letter_item(code_raw):
                pass  # a lettered item ("a)"): the column repair places it under the row above
            elif ocr and _garbled_code(code_raw, settings):
                pass  # a misread code: the column repair reads or infers it
            else:
                indicator = f"{code_raw} {indicator}".strip()
                token = None
                coded = ocr  # typed text in the code column ("a)", "-") is no code to infer
        if token is None and drafts and not value_raw and not unit and indicator[:1].islower():
            above = drafts[-1]
            above.indicator = f"{above.indicator} {indicator}".strip()  # wrapped indicator text
            above.line_end = max(above.line_end, row.line_end)
            continue
        unit_col = roles.get("unit")
        merged = row.above[unit_col] if unit_col is not None and unit_col < len(row.above) else None
        unit = own_unit(unit, merged, drafts[-1].unit if drafts else "")  # printed once for a run (stat_unit_once)
        if printed is None and fold(indicator).strip(" .:") in settings.total_words:
            coded = False
        coded = coded and not bullet
        doubt = over is not None and over.doubtful
        drafts.append(
            StatDraft(row, indicator, unit, value_raw, note, printed, token, ocr, coded, row.line_end, bullet, doubt)
        )
    if "unit" not in roles:  # no unit column: the unit an indicator names ("Số cuộc kiểm tra (cuộc)")
        for draft in drafts:
            draft.unit = draft.unit or label_unit(draft.indicator)
    return drafts


def _item_letter(code_raw: str, ocr: bool, drafts: list[StatDraft]) -> bool:
    """Whether a code cell's bare letter ("a", "b") is a lettered item: always on typed pages; on
    OCR'd ones where the letters run as items do (``stat_item_letters.follows_items``), as a lone
    letter may be a code OCR garbled there."""
    if not _BARE_LETTER.fullmatch(code_raw):
        return False
    if not ocr:
        return True
    letter = bare_letter(code_raw)
    above = drafts[-1] if drafts else None
    # (the row above counts as coded when its code cell shows a code, even one OCR garbled: "341")
    coded_above = above is not None and above.coded and above.token is not None and not letter_item(above.token)
    return letter is not None and above is not None and follows_items(letter, above.token, coded_above)


def _unroled_columns(table: JoinedTable, roles: dict[str, int], code_col: int | None) -> list[tuple[int, str]]:
    """(column, label) of the header's labelled columns that no role took and no other column's
    header spans."""
    taken = set(roles.values()) | ({code_col} if code_col is not None else set())
    owners = table.owners or list(range(table.n_cols))
    return [
        (c, label.strip())
        for c, label in enumerate(table.header_text)
        if label.strip() and c not in taken and (c >= len(owners) or owners[c] == c)
    ]


def _garbled_code(text: str, settings: StatisticsSettings) -> bool:
    compact = SPACE_RUN.sub("", text)
    return len(compact) <= settings.garbled_code_chars and bool(re.search(r"[\d.,:]", compact))


def find_statistics(
    doc: IngestedDocument, settings: StatisticsSettings = StatisticsSettings(), joins: list[JoinedTable] | None = None
) -> list[StatAnnex]:
    """The statistics annexes among the document's tables (``joins``: them joined already)."""
    annexes: list[StatAnnex] = []
    ocr_pages = frozenset(p.number for p in doc.pages if p.method == "ocr")
    for table in join_tables(doc) if joins is None else joins:
        if is_statistics_table(table, settings):
            rows = stat_rows(table, settings, ocr_pages)
        elif not another_kind_of_table(table, settings):  # indicators as columns (stat_across)
            rows = across_rows(table, ocr=bool(ocr_pages & set(table.pages))) or []
        else:
            continue
        if not rows:
            continue
        label, title = annex_caption(doc, table, settings.caption_lines)
        annexes.append(StatAnnex(annex=label, title=title, pages=list(table.pages), rows=rows, read_from=table.source))
    return annexes
