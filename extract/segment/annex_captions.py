"""An annex's caption: its label ("Phụ lục 4", "Biểu số 02") and title ("BIỂU MẪU THỐNG KÊ …") from
the lines above its table; without a label, the form's printed title and its upper-case lines."""

from __future__ import annotations

import regex as re

from extract.model import IngestedDocument
from extract.segment.joined import JoinedTable
from extract.segment.stat_unread import is_form_title
from extract.segment.table_join import lines_before
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# (OCR's specks may stand before the label: ': "“Phụlục! _ CUNG'.)
_ANNEX_LABEL = lazy_compile(
    r"^[\s:;.,'\"“”‘’`_~-]*(ph[uụ]\s*l[uụ]c|bi[eể]u(?:\s*m[aẫ]u)?\s*s[oố])\s*[:.]?\s*([0-9IVXLC]+[a-z]?)?\b", re.I
)
_ATTACHED = lazy_compile(r"^\s*\(?\s*(k[eè]m theo|ban h[aà]nh k[eè]m)", re.I)


def annex_caption(doc: IngestedDocument, table: JoinedTable, lines_above: int) -> tuple[str, str]:
    """("Phụ lục 4", "BIỂU MẪU THỐNG KÊ ...") from the lines above the table."""
    lines = lines_before(doc, table, lines_above)
    label = ""
    title_parts: list[str] = []
    for k, line in enumerate(lines):
        m = _ANNEX_LABEL.match(line.text)
        if m and len(line.text) <= 40:
            word = "Phụ lục" if fold(m.group(1)).startswith("phu") else "Biểu số"
            label = f"{word} {m.group(2)}".strip() if m.group(2) else word
            title_parts = []
            for nxt in lines[k + 1 :]:
                if _ATTACHED.match(nxt.text):
                    break
                title_parts.append(nxt.text)
    titles = [k for k, ln in enumerate(lines) if is_form_title(ln.text)]
    if not label and titles:  # the form's printed title and its upper-case lines on to the caption
        title_parts = [lines[titles[-1]].text]
        for nxt in lines[titles[-1] + 1 :]:
            if _ATTACHED.match(nxt.text) or not is_form_title(nxt.text, form_named=False):
                break
            title_parts.append(nxt.text)
    elif not label:  # no label: the title is the last caption line that is not "(Kèm theo ...)"
        title_parts = [ln.text for ln in lines[-3:] if not _ATTACHED.match(ln.text)][-1:]
    return label, re.sub(r"^[\W_]+|[\W_]+$", "", " ".join(title_parts))
