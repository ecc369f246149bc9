"""The batch report: ``OUT/report.html``, one page a person opens by double-click, offline.

Built from the output JSONs of a folder (``tables.iter_outputs``): per commune the total
self-assessed score and the score of each section of its score tables, a plot of the totals and a
heat-map of the sections (matplotlib, inline SVG: no file beside the page, no network), the checks
that failed and what they say, the review load, the parts not read and the files that failed.
Vietnamese by default. Every text taken from a document is escaped: document text is hostile.
"""

from __future__ import annotations

import gc
import html
import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from unidecode import unidecode

from cchc_extract.i18n import DEFAULT_LANG, N_, translator
from cchc_extract.outdir import atomic_write
from cchc_extract.tables import iter_outputs
from schemas.records import PIPELINE_VERSION

REPORT_NAME = "report.html"

# The report's words, in English in the code and translated by the catalogue (cchc_extract/i18n.py).
LABELS: dict[str, str] = {
    "title": N_("Batch report"),
    "made": N_("Made at"),
    "version": N_("version"),
    "documents": N_("Documents"),
    "communes": N_("Communes/wards"),
    "commune": N_("Commune/ward"),
    "unknown_commune": N_("(commune/ward not known)"),
    "document": N_("Document"),
    "number": N_("Document number"),
    "period": N_("Period"),
    "table": N_("Score table"),
    "total_self": N_("Total self-assessed score"),
    "total_max": N_("Maximum score"),
    "share": N_("Share"),
    "totals_heading": N_("Total self-assessed score by commune/ward"),
    "fields_heading": N_("Score by section"),
    "fields_note": N_("Colour: self-assessed score against the section's maximum; grey cell: no figures."),
    "field": N_("Section"),
    "code": N_("Code"),
    "self": N_("Self-assessed score"),
    "max": N_("Maximum score"),
    "detail_heading": N_("Each commune/ward in detail"),
    "no_scores": N_("No score table."),
    "problems_heading": N_("Inconsistencies and figures to check"),
    "problems_none": N_("No inconsistency."),
    "kind": N_("Kind"),
    "message": N_("What it says"),
    "review_heading": N_("To review"),
    "review_items": N_("Items to review"),
    "unread_parts": N_("Parts not read"),
    "unread_heading": N_("Parts that could not be read"),
    "unread_none": N_("Every document was read whole."),
    "page": N_("Page"),
    "reason": N_("Reason"),
    "errors_heading": N_("Files with errors"),
    "errors_none": N_("No file with errors."),
    "stage": N_("Stage"),
    "failed": N_("Not read"),
    "with_problems": N_("With inconsistencies"),
    "no_plot": N_("The plot could not be drawn"),
    "plot_self": N_("Self-assessed score"),
    "plot_max": N_("Maximum score"),
    "plot_points": N_("Points"),
    "plot_share": N_("% of the maximum score"),
}
# Check statuses that ask nothing of a reader; every other status (mismatch, misread, incomplete,
# and any added later) is listed with its message.
QUIET_STATUSES = frozenset({"ok", "repaired", "skipped"})
STATUS_LABELS: dict[str, str] = {
    "mismatch": N_("Inconsistent"),
    "misread": N_("Misread"),
    "incomplete": N_("Not read whole"),
}


def translated(table: Mapping[str, str], lang: str) -> dict[str, str]:
    _ = translator(lang)
    return {key: _(text) for key, text in table.items()}


@dataclass(frozen=True)
class ReportSettings:
    """``report_settings(lang)`` gives the labels of another language."""

    lang: str = DEFAULT_LANG  # the <html lang> of the page; the labels below are in it
    labels: Mapping[str, str] = field(default_factory=lambda: translated(LABELS, DEFAULT_LANG))
    status_labels: Mapping[str, str] = field(default_factory=lambda: translated(STATUS_LABELS, DEFAULT_LANG))
    # Sections shown per score table: the top rows (depth 0) and their children (depth 1). Deeper
    # criteria are in the tables and the JSON; a page of every criterion would not be read.
    max_depth: int = 1
    # Longer names are cut in plot labels ("…"): the axes must stay readable.
    label_chars: int = 34
    # The heat-map shows at most this many sections (the most common first): past it the cells are
    # too narrow to read on A4.
    max_fields: int = 24
    # Plot width in inches: the printable width of A4 portrait.
    plot_width_in: float = 7.0


def report_settings(lang: str = DEFAULT_LANG) -> ReportSettings:
    return ReportSettings(lang=lang, labels=translated(LABELS, lang), status_labels=translated(STATUS_LABELS, lang))


# --- what the report shows, read from the output JSON ----------------------------------------


@dataclass
class Section:
    """One row of a score table shown in the report (a section or field and its first criteria)."""

    code: str
    name: str
    depth: int
    self_points: float | None
    max_points: float | None


@dataclass
class TableView:
    title: str
    total_self: float | None
    total_max: float | None
    sections: list[Section]


@dataclass
class DocumentView:
    file: str  # the source path as the output records it
    commune: str | None
    number: str | None
    period: str | None
    tables: list[TableView]
    problems: list[dict]  # checks with a status that asks for attention
    review: int
    unread: list[dict] | None  # None: an older output with no "unread" at all
    errors: list[dict]
    failed: bool  # not read at all (an ingest error)


def _depths(rows: list[dict]) -> list[int]:
    """Each row's depth in its table's tree, from the parent links (levels differ by layout: a
    table may start at "I" or at "1")."""
    parent_of = {r.get("code"): r.get("parent") for r in rows if r.get("code")}

    def depth(code, seen: int = 0) -> int:
        parent = parent_of.get(code)
        if parent is None or parent not in parent_of or seen > len(parent_of):
            return 0
        return 1 + depth(parent, seen + 1)

    return [depth(r.get("code")) if r.get("code") else 0 for r in rows]


def _total(stated, rows: list[dict], depths: list[int], name: str) -> float | None:
    """The table's stated total, else the sum of its top rows (None when none has a value)."""
    if isinstance(stated, (int, float)):
        return float(stated)
    values = [float(r[name]) for r, d in zip(rows, depths) if d == 0 and isinstance(r.get(name), (int, float))]
    return round(sum(values), 4) if values else None


def table_view(table: dict, settings: ReportSettings) -> TableView:
    rows = table.get("rows") or []
    depths = _depths(rows)
    sections = [
        Section(str(r.get("code")), str(r.get("name") or ""), d, r.get("self_points"), r.get("max_points"))
        for r, d in zip(rows, depths)
        if r.get("code") and d <= settings.max_depth
    ]
    return TableView(
        title=str(table.get("title") or ""),
        total_self=_total(table.get("stated_total_self"), rows, depths, "self_points"),
        total_max=_total(table.get("stated_total_max"), rows, depths, "max_points"),
        sections=sections,
    )


def document_view(data: dict, settings: ReportSettings = ReportSettings()) -> DocumentView:
    doc, source = data.get("document") or {}, data.get("source") or {}
    errors = [e for e in data.get("errors", []) if isinstance(e, dict)]
    return DocumentView(
        file=str(source.get("path") or ""),
        commune=doc.get("commune"),
        number=doc.get("number"),
        period=doc.get("period") or (str(doc["year"]) if doc.get("year") else None),
        tables=[table_view(t, settings) for t in data.get("score_tables", []) if t.get("rows")],
        problems=[c for c in data.get("checks", []) if c.get("status") not in QUIET_STATUSES],
        review=len(data.get("review", [])),
        unread=data.get("unread") if isinstance(data.get("unread"), list) else None,
        errors=errors,
        failed=any(e.get("stage") == "ingest" for e in errors),
    )


# --- plots ------------------------------------------------------------------------------------


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg(fig) -> str:
    """A figure as inline SVG (text kept as text: smaller, and searchable in the page)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def _plot_context():
    import matplotlib

    # Document text is never mathtext ("$" in a name is a dollar sign); fonts are the reader's.
    return matplotlib.rc_context({"svg.fonttype": "none", "text.parse_math": False, "font.size": 8})


def totals_plot(bars: list[tuple[str, float | None, float | None]], settings: ReportSettings) -> str:
    """Horizontal bars: each document's total self score over its maximum."""
    from matplotlib.figure import Figure

    labels = settings.labels
    with _plot_context():
        fig = Figure(figsize=(settings.plot_width_in, 0.9 + 0.28 * len(bars)))
        ax = fig.subplots()
        ys = list(range(len(bars)))[::-1]
        maxes = [m if m is not None else 0.0 for _, _, m in bars]
        selfs = [s if s is not None else 0.0 for _, s, _ in bars]
        ax.barh(ys, maxes, color="#dde3ea", label=labels["plot_max"])
        ax.barh(ys, selfs, color="#2f6690", height=0.6, label=labels["plot_self"])
        for y, s in zip(ys, bars):
            if s[1] is not None:
                ax.text(s[1], y, f" {_number(s[1])}", va="center", fontsize=7)
        ax.set_yticks(ys, [_short(name, settings.label_chars) for name, _, _ in bars])
        ax.set_xlabel(labels["plot_points"])
        ax.legend(loc="lower right", fontsize=7)
        ax.spines[["top", "right"]].set_visible(False)
        return _svg(fig)


def fields_plot(rows: list[str], codes: list[str], shares: list[list[float | None]], settings: ReportSettings) -> str:
    """Heat-map: documents × sections, coloured by self score as a share of the section's maximum."""
    import matplotlib
    import numpy as np
    from matplotlib.figure import Figure

    grid = np.array([[np.nan if v is None else v for v in row] for row in shares], dtype=float)
    with _plot_context():
        fig = Figure(figsize=(settings.plot_width_in, 1.2 + 0.32 * len(rows)))
        ax = fig.subplots()
        cmap = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#d9d9d9")  # grey: no figure
        # interpolation "none": the SVG holds one pixel per cell, drawn scaled (and pixelated) by
        # the browser; resampled, the raster was the page's size and grew with every document
        # (≈0.13 MB of memory each, most of a large batch's report).
        image = ax.imshow(np.ma.masked_invalid(grid), aspect="auto", cmap=cmap, vmin=0, vmax=100, interpolation="none")
        ax.set_xticks(range(len(codes)), codes, rotation=90 if len(codes) > 12 else 0)
        ax.set_yticks(range(len(rows)), [_short(r, settings.label_chars) for r in rows])
        if len(codes) <= 16:  # room for the figure in each cell
            for (i, j), value in np.ndenumerate(grid):
                if not np.isnan(value):
                    ax.text(j, i, f"{value:.0f}", ha="center", va="center", fontsize=6)
        fig.colorbar(image, ax=ax, label=settings.labels["plot_share"], fraction=0.04)
        return _svg(fig)


# --- the page ---------------------------------------------------------------------------------

_STYLE = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; margin: 1.5em; color: #222; }
h1 { font-size: 16pt; margin-bottom: 0.2em; } h2 { font-size: 13pt; border-bottom: 1px solid #999;
margin-top: 1.6em; } h3 { font-size: 11pt; margin-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0.4em 0 1em; width: 100%; }
th, td { border: 1px solid #bbb; padding: 2px 5px; vertical-align: top; text-align: left; }
th { background: #eef1f5; } td.n { text-align: right; white-space: nowrap; }
tr.d0 td { font-weight: bold; } tr.d1 td.name { padding-left: 1.5em; } tr.d2 td.name { padding-left: 3em; }
.meta { color: #555; } .bad { color: #a00; font-weight: bold; }
svg { max-width: 100%; height: auto; } .plot { margin: 0.5em 0; }
.summary td { width: auto; } .legend { font-size: 8.5pt; color: #444; }
@media print {
  body { margin: 0; font-size: 9pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr, .plot, svg { break-inside: avoid; page-break-inside: avoid; }
  section.commune { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _number(value) -> str:
    """Points as Vietnamese write them: decimal comma."""
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",")


def _share(self_points, max_points) -> float | None:
    if isinstance(self_points, (int, float)) and isinstance(max_points, (int, float)) and max_points > 0:
        return 100.0 * self_points / max_points
    return None


def _table(head: Iterable[str], rows: Iterable[Iterable[str]], row_classes: Iterable[str] | None = None) -> str:
    """An HTML table from cells that are already HTML (escaped by the caller)."""
    classes = list(row_classes) if row_classes is not None else None
    body = []
    for i, cells in enumerate(rows):
        cls = f' class="{classes[i]}"' if classes else ""
        body.append(f"<tr{cls}>" + "".join(cells) + "</tr>")
    if not body:
        return ""
    return (
        "<table><thead><tr>"
        + "".join(f"<th>{h}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def _td(value, numeric: bool = False, cls: str = "") -> str:
    classes = " ".join(c for c in ("n" if numeric else "", cls) if c)
    attr = f' class="{classes}"' if classes else ""
    return f"<td{attr}>{_number(value) if numeric else _e(value)}</td>"


def _sort_key(name: str) -> tuple[str, str]:
    return unidecode(name).casefold(), name


def _commune_name(view: DocumentView, labels: Mapping[str, str]) -> str:
    return view.commune or labels["unknown_commune"]


def _doc_label(view: DocumentView, labels: Mapping[str, str]) -> str:
    parts = [_commune_name(view, labels)] + [p for p in (view.period, view.number) if p]
    return " – ".join(parts)


def _plot_or_note(draw, labels: Mapping[str, str]) -> str:
    """A plot, or why there is none: a plot that cannot be drawn must not cost the report."""
    try:
        return f'<div class="plot">{draw()}</div>'
    except Exception as exc:  # matplotlib missing or failing: the tables still stand
        return f'<p class="bad">{_e(labels["no_plot"])}: {_e(type(exc).__name__)}: {_e(exc)}</p>'
    finally:
        # A figure is a web of cycles (artists and their axes): freed now, not at some later
        # collection, so the next plot does not peak on top of it (a 400-document batch: -2.5 MB).
        gc.collect()


def _totals_section(views: list[DocumentView], settings: ReportSettings) -> str:
    labels = settings.labels
    scored = [(v, t) for v in views for t in v.tables]
    out = [f"<h2>{_e(labels['totals_heading'])}</h2>"]
    if not scored:
        return out[0] + f"<p>{_e(labels['no_scores'])}</p>"
    bars = [(_doc_label(v, labels), t.total_self, t.total_max) for v, t in scored]
    out.append(_plot_or_note(lambda: totals_plot(bars, settings), labels))
    head = [labels[k] for k in ("commune", "document", "period", "table", "total_self", "total_max", "share")]
    rows = [
        [
            _td(_commune_name(v, labels)),
            _td(v.file),
            _td(v.period),
            _td(t.title),
            _td(t.total_self, True),
            _td(t.total_max, True),
            f'<td class="n">{_share_text(t.total_self, t.total_max)}</td>',
        ]
        for v, t in scored
    ]
    out.append(_table(map(_e, head), rows))
    return "".join(out)


def _share_text(self_points, max_points) -> str:
    share = _share(self_points, max_points)
    return "" if share is None else f"{share:.1f}%".replace(".", ",")


def _fields_section(views: list[DocumentView], settings: ReportSettings) -> str:
    labels = settings.labels
    scored = [(v, t) for v in views for t in v.tables]
    if not scored:
        return ""
    names: dict[str, str] = {}
    seen: dict[str, int] = {}
    for _, t in scored:
        for s in t.sections:
            names.setdefault(s.code, s.name)
            seen[s.code] = seen.get(s.code, 0) + 1
    order = {code: i for i, code in enumerate(names)}
    codes = sorted(sorted(seen, key=lambda c: -seen[c])[: settings.max_fields], key=order.__getitem__)
    shares = []
    for _, t in scored:
        by_code = {s.code: _share(s.self_points, s.max_points) for s in t.sections}
        shares.append([by_code.get(code) for code in codes])
    rows = [_doc_label(v, labels) for v, _ in scored]
    out = [f"<h2>{_e(labels['fields_heading'])}</h2>"]
    out.append(_plot_or_note(lambda: fields_plot(rows, codes, shares, settings), labels))
    legend = "; ".join(f"<b>{_e(code)}</b> {_e(_short(names[code], 80))}" for code in codes)
    out.append(f'<p class="legend">{_e(labels["fields_note"])} {legend}</p>')
    return "".join(out)


def _detail_section(views: list[DocumentView], settings: ReportSettings) -> str:
    labels = settings.labels
    out = [f"<h2>{_e(labels['detail_heading'])}</h2>"]
    by_commune: dict[str, list[DocumentView]] = {}
    for v in views:
        by_commune.setdefault(_commune_name(v, labels), []).append(v)
    for commune in sorted(by_commune, key=_sort_key):
        out.append(f'<section class="commune"><h3>{_e(labels["commune"])}: {_e(commune)}</h3>')
        for v in by_commune[commune]:
            meta = " · ".join(_e(p) for p in (v.file, v.number, v.period) if p)
            out.append(f'<p class="meta">{_e(labels["document"])}: {meta}</p>')
            if not v.tables:
                out.append(f"<p>{_e(labels['no_scores'])}</p>")
            for t in v.tables:
                total = (
                    f"{_e(labels['total_self'])}: <b>{_number(t.total_self) or '–'}</b> / {_number(t.total_max) or '–'}"
                )
                out.append(f"<p><i>{_e(t.title)}</i> — {total}</p>")
                head = [labels[k] for k in ("code", "field", "self", "max")]
                rows = [
                    [_td(s.code), _td(s.name, cls="name"), _td(s.self_points, True), _td(s.max_points, True)]
                    for s in t.sections
                ]
                out.append(_table(map(_e, head), rows, [f"d{s.depth}" for s in t.sections]))
        out.append("</section>")
    return "".join(out)


def _problems_section(views: list[DocumentView], settings: ReportSettings) -> str:
    labels, status_labels = settings.labels, settings.status_labels
    rows = [
        [
            _td(_commune_name(v, labels)),
            _td(v.file),
            _td(status_labels.get(str(c.get("status")), c.get("status")), cls="bad"),
            _td(c.get("code")),
            _td(c.get("message")),
        ]
        for v in views
        for c in v.problems
    ]
    head = [labels[k] for k in ("commune", "document", "kind", "code", "message")]
    body = _table(map(_e, head), rows) or f"<p>{_e(labels['problems_none'])}</p>"
    return f"<h2>{_e(labels['problems_heading'])}</h2>{body}"


def _review_section(views: list[DocumentView], settings: ReportSettings) -> str:
    labels = settings.labels
    ordered = sorted(views, key=lambda v: -v.review)
    rows = [
        [
            _td(v.file),
            _td(_commune_name(v, labels)),
            _td(v.review, True),
            _td(None if v.unread is None else len(v.unread), True),
            _td(len(v.problems), True),
        ]
        for v in ordered
    ]
    head = [labels[k] for k in ("document", "commune", "review_items", "unread_parts", "with_problems")]
    out = [f"<h2>{_e(labels['review_heading'])}</h2>", _table(map(_e, head), rows)]
    unread = [
        [_td(v.file), _td(p.get("kind")), _td(_pages(p)), _td(p.get("reason"))] for v in views for p in v.unread or []
    ]
    out.append(f"<h3>{_e(labels['unread_heading'])}</h3>")
    head = [labels[k] for k in ("document", "kind", "page", "reason")]
    out.append(_table(map(_e, head), unread) or f"<p>{_e(labels['unread_none'])}</p>")
    return "".join(out)


def _pages(part: dict) -> str:
    page, end = part.get("page"), part.get("page_end")
    if page is None:
        return ""
    return f"{page}–{end}" if end not in (None, page) else str(page)


def _errors_section(views: list[DocumentView], settings: ReportSettings) -> str:
    labels = settings.labels
    rows = [
        [
            _td(v.file),
            _td(_commune_name(v, labels)),
            _td(e.get("stage")),
            _td((labels["failed"] + ": " if v.failed and e.get("stage") == "ingest" else "") + str(e.get("message"))),
        ]
        for v in views
        for e in v.errors
    ]
    head = [labels[k] for k in ("document", "commune", "stage", "message")]
    body = _table(map(_e, head), rows) or f"<p>{_e(labels['errors_none'])}</p>"
    return f"<h2>{_e(labels['errors_heading'])}</h2>{body}"


def report_html(views: list[DocumentView], settings: ReportSettings = ReportSettings(), made: str = "") -> str:
    """The whole page: inline style, inline SVG plots, no reference to any other file."""
    return "".join(report_parts(views, settings, made))


def report_parts(
    views: list[DocumentView], settings: ReportSettings = ReportSettings(), made: str = ""
) -> Iterator[str]:
    """``report_html`` part by part, each section made when its turn comes: a large batch's page
    is written as it is made, never held whole (with its copies) in memory."""
    labels = settings.labels
    # Communes in alphabetical order (Đ among the D), so a commune is found where one looks for it.
    views = sorted(views, key=lambda v: (_sort_key(_commune_name(v, labels)), v.file))
    communes = {_commune_name(v, labels) for v in views}
    figures = [
        (labels["documents"], len(views)),
        (labels["communes"], len(communes)),
        (labels["with_problems"], sum(bool(v.problems) for v in views)),
        (labels["review_items"], sum(v.review for v in views)),
        (labels["errors_heading"], sum(v.failed for v in views)),
    ]
    summary = "".join(f"<tr><th>{_e(k)}</th><td class='n'>{_e(n)}</td></tr>" for k, n in figures)
    parts: list[Callable[[], str]] = [
        lambda: "<!DOCTYPE html>",
        lambda: f'<html lang="{_e(settings.lang)}"><head><meta charset="utf-8">',
        lambda: '<meta name="viewport" content="width=device-width, initial-scale=1">',
        lambda: f"<title>{_e(labels['title'])}</title><style>{_STYLE}</style></head><body>",
        lambda: f"<h1>{_e(labels['title'])}</h1>",
        lambda: (
            f'<p class="meta">{_e(labels["made"])} {_e(made)} · cchc-extract {_e(labels["version"])} '
            f"{_e(PIPELINE_VERSION)}</p>"
        ),
        lambda: f'<table class="summary" style="width:auto">{summary}</table>',
        lambda: _totals_section(views, settings),
        lambda: _fields_section(views, settings),
        lambda: _problems_section(views, settings),
        lambda: _review_section(views, settings),
        lambda: _errors_section(views, settings),
        lambda: _detail_section(views, settings),
        lambda: "</body></html>",
    ]
    for make in parts:
        part = make()
        if part:  # an empty section leaves no line
            yield part + "\n"


def write_report(out_dir: Path, settings: ReportSettings = ReportSettings()) -> Path:
    """Write ``OUT/report.html`` from every output JSON in ``out_dir``."""
    views = [document_view(data, settings) for _, data in iter_outputs(out_dir)]
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    path = out_dir / REPORT_NAME

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.writelines(report_parts(views, settings, made))

    atomic_write(out_dir, path, write)  # no half page, no planted link followed
    return path
