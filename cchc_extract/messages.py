"""What a person reads in the review files, in one place: each string has a key and its English
text; the reader's language comes from the gettext catalogue (cchc_extract/i18n.py: Vietnamese by
default, the reviewer being a district Home Affairs officer; ``en`` the text below). ``{name}``
fields are filled by ``message``.
"""

from __future__ import annotations

from cchc_extract.i18n import DEFAULT_LANG, LANGUAGES, N_, translator

LANGS = LANGUAGES
__all__ = ["DEFAULT_LANG", "LANGS", "MESSAGES", "labels", "message"]

MESSAGES: dict[str, str] = {
    "col.commune": N_("Commune"),
    "col.document": N_("Document"),
    "col.page": N_("Page"),
    "col.code": N_("Code"),
    "col.name": N_("Criterion / indicator"),
    "col.field": N_("Field"),
    "col.value": N_("Value read"),
    "col.max_points": N_("Max points"),
    "col.reasons": N_("Reasons"),
    "col.severity": N_("Severity"),
    "col.confidence": N_("Confidence"),
    "col.crop": N_("Page crop"),
    "col.status": N_("Status"),
    "col.corrected_value": N_("Corrected value"),
    "col.note": N_("Note"),
    "col.key": N_("key"),
    "crop.link": N_("view"),
    "status.open": N_("open"),
    "status.confirmed": N_("confirm"),
    "status.corrected": N_("correct"),
    "status.dismissed": N_("dismiss"),
    "severity.inconsistency": N_("inconsistency"),
    "severity.misreading": N_("possible misreading"),
    "severity.unread": N_("not read"),
    "severity.low_confidence": N_("low confidence"),
    "field.max_points": N_("max points"),
    "field.self_points": N_("self points"),
    "field.appraised_points": N_("appraised points"),
    "field.points": N_("points"),
    "field.value": N_("value"),
    "field.total": N_("total"),
    "field.code": N_("code"),
    "field.name": N_("name"),
    "reason.sum_children": N_("{code}: max points {actual}, its sub-criteria add up to {expected}"),
    "reason.sum_self": N_("{code}: self points {actual}, its sub-criteria add up to {expected}"),
    "reason.sum_appraised": N_("{code}: appraised points {actual}, its sub-criteria add up to {expected}"),
    "reason.self_le_max": N_("{code}: self points {actual} exceed the maximum {expected}"),
    "reason.appraised_le_max": N_("{code}: appraised points {actual} exceed the maximum {expected}"),
    "reason.stated_total": N_("total row ({field}) states {actual}, the top-level rows add up to {expected}"),
    "reason.ocr_reading": N_("{code}: the reading {actual} breaks its sums; {expected} was taken"),
    "reason.code_place": N_("{code}: code placed by the sums (guessed {actual}); check the row's place"),
    "reason.score_column": N_("{code}: the one score read, {expected}, is the appraised points (self points lost)"),
    "reason.score_from_max": N_("{code}: the one figure read, {expected}, is the self points (maximum lost)"),
    "reason.allowed_code": N_("{code}: coded answer {actual} is not one of the allowed codes"),
    "reason.count_value": N_("{code}: a count must be a whole number ≥ 0, read {actual}"),
    "reason.total_parts": N_("{code}: total {actual}, its parts add up to {expected}"),
    "reason.period_parts": N_(
        "{code}: total {actual}, its parts (quarters, months, hamlets or channels) add up to {expected}"
    ),
    "reason.period_change": N_("{code}: its change on last year states {actual}, the figures give {expected}"),
    "reason.ratio": N_("{code}: ratio stated {actual}%, the counts give {expected}%"),
    "reason.text_ratio": N_("ratio in the text states {actual}%, the figures give {expected}%"),
    "reason.count_parts": N_("count in the text: total {actual}, its parts add up to {expected}"),
    "reason.short_parts": N_(
        "count in the text: total {actual}, its parts add up to {expected}; the list may name only some"
    ),
    "reason.narrative_annex": N_("the text says {actual}, the annex {expected}"),
    "reason.group_statement": N_("group {code}: stated {actual}, its criteria add up to {expected}"),
    "reason.misread_suffix": N_("; may be misread, other readings: {alternatives}"),
    "reason.code_inferred": N_("code inferred from the row's position, not read"),
    "reason.low_confidence": N_("confidence {confidence} below {threshold}"),
    "reason.value_column_guessed": N_(
        "the figure was taken from the first of several columns the header names alike, "
        "and another of them prints another figure"
    ),
    "reason.plan_pairs_unplaced": N_(
        "the header pairs plans with results, but the row's pairs could not be placed: "
        "the figure taken may be a plan's or a part's"
    ),
    "reason.period_whole_unplaced": N_(
        "the header splits the period, but which figure of the row is the whole could not be told: "
        "the figure taken may be a part's"
    ),
    "reason.ambiguous": N_("{code}: several readings restore the sums: {alternatives}"),
    "reason.unread": N_("part not read ({kind}, page {page})"),
    "unread.table": N_("table"),
    "unread.page": N_("page"),
    "unread.rows": N_("rows"),
    "apply.second_correction": N_(
        "{key}: already corrected to {previous} ({source}, {at}); a second, different correction ({new}) "
        "is refused. To change it, delete that line of the corrections log {log} and apply again"
    ),
    "apply.unknown_status": N_("status '{status}' not known (choose: {choices})"),
    "apply.correct_without_value": N_("status 'correct' but no corrected value typed"),
    "apply.bad_key": N_("key '{key}' is not <file>#<JSON pointer>#<field>"),
}


def message(msgid: str, lang: str = DEFAULT_LANG, **fields: object) -> str:
    """The string ``msgid`` in ``lang`` (its English when the catalogue lacks it), fields filled."""
    template = translator(lang)(MESSAGES.get(msgid, msgid))
    return template.format(**fields) if fields else template


def labels(prefix: str, lang: str = DEFAULT_LANG) -> dict[str, str]:
    """{name: text} of every key under ``prefix.`` (``labels("col")`` → the column headers)."""
    _ = translator(lang)
    return {k[len(prefix) + 1 :]: _(v) for k, v in MESSAGES.items() if k.startswith(prefix + ".")}
