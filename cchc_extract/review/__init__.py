"""The review round-trip: the queue of doubtful values (``model``), the decisions a person makes
about them written back into the outputs (``apply``: one mechanism for the sheet and the review
page), the review sheet (``sheet``) and what a review may change (``fields``).

For a caller (the review page):
    entries = build_queue(out_dir)                         # open entries, most serious first
    report = apply_decisions(out_dir, [Decision(key, "confirm")], refresh=False)
    report.outcomes                                        # applied / unchanged / refused, why
"""

from cchc_extract.review.apply import ApplyReport, Decision, Outcome, apply_decisions, recheck, refresh_outputs
from cchc_extract.review.fields import (
    CORRECTABLE,
    ApplySettings,
    gate,
    parse_correction,
    record_type,
    resolve_pointer,
)
from cchc_extract.review.model import (
    ACTIONS,
    CORRECTIONS_LOG,
    SEVERITIES,
    STATUSES,
    LogLine,
    Reason,
    ReviewEntry,
    build_queue,
    load_log,
    make_key,
    split_key,
)
from cchc_extract.review.sheet import (
    REVIEW_COLUMNS,
    REVIEW_CSV,
    REVIEW_XLSX,
    apply_review,
    export_review,
    read_review,
    review_frame,
    sheet_decisions,
)

__all__ = [
    "ACTIONS",
    "CORRECTABLE",
    "CORRECTIONS_LOG",
    "REVIEW_COLUMNS",
    "REVIEW_CSV",
    "REVIEW_XLSX",
    "SEVERITIES",
    "STATUSES",
    "ApplyReport",
    "ApplySettings",
    "Decision",
    "LogLine",
    "Outcome",
    "Reason",
    "ReviewEntry",
    "apply_decisions",
    "apply_review",
    "build_queue",
    "export_review",
    "gate",
    "load_log",
    "make_key",
    "parse_correction",
    "read_review",
    "recheck",
    "record_type",
    "refresh_outputs",
    "resolve_pointer",
    "review_frame",
    "sheet_decisions",
    "split_key",
]
