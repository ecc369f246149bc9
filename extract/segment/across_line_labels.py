"""The coded labels of an annex turned over (``stat_across_lines``) as an OCR dump prints its
header (issues 11, 16).

The header's cells run on one line, each opening on its printed code ("1. Số văn bản 2. Số nhiệm
vụ 2.1. Số nhiệm vụ đã …"). OCR bends that line three ways, each seen on the corpus's dumps:
- page segmentation (psm 3) lifts some cells out of the line and prints them on lines of their
  own above it ("2.2. Số nhiệm vụ chưa" / "2.3. Tỷ lệ hoàn thành Kế" / "3. Số cuộc tuyên truyền",
  then "STT | Thôn … 1. Số văn bản … 2.1. Số nhiệm vụ …"): the lines just above the header that
  print nothing but coded labels are gathered, and every label is put back in code order;
- a group's items are lettered ("3.1. Số hồ sơ … a) Giải quyết trước hạn b) … c) …"): a letter
  is an item of the numbered code before it (3.1.a);
- a parent's code is glued to its first word read as digits ("2. Số" → "2.86") just before its
  first child ("2.1."): a token opening on the missing parent's code there is that parent.
The codes must still run in the hierarchy's order (no number skipped, no letter out of turn), else
the line is no header."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Line
from normalize.codes import CriterionCode, item_letter, item_place, letter_item, transition_cost
from normalize.lazy_regex import lazy_compile


@dataclass(frozen=True)
class LabelSettings:
    # Printed codes a header line must open labels on: two codes are a sentence's list as often.
    min_codes: int = 3
    # A step between two printed codes at most this dear (``normalize.codes.transition_cost``): a
    # first child, a next sibling, a climb back up; no number skipped.
    max_step: float = 0.1
    # Lines above the header searched for labels OCR lifted out of it (one a line, or a few).
    lines_above: int = 6


# A code opening a label: "2.1. Số …" (its last dot printed), standing apart from the words, or
# glued by OCR to a label's capital ("3.1.Số": the space a narrow column's cell lost; a capital,
# not a lower-case letter or a digit, so that no decimal or lettered code is taken for one); or a
# lettered item "a) Giải quyết …" (its letter as a scan may print it: ``letter_item``).
_LABEL_CODE = lazy_compile(
    r"(?<![\w.,])(?:(?P<code>\d{1,2}(?:\.\d{1,2})*)\.(?:\s+|(?=\p{Lu}\w))|(?P<letter>\S\))\s+)(?=\p{L})"
)
# A token opening on a code glued to a word read as digits or letters: "2.86" ("2. Số").
_GLUED_CODE = lazy_compile(r"(?<![\w.,])(?P<code>\d{1,2}(?:\.\d{1,2})*)\.[\w]{1,3}(?=\s|$)")

# A label's place in the hierarchy: its numbered path, and a lettered item's place after it.
Key = tuple[int, ...]


def header_labels(text: str, settings: LabelSettings = LabelSettings()) -> tuple[str, list[tuple[Key, str]]] | None:
    """(the stub's words, each label with its key) of a header line printing at least
    ``min_codes`` numbered codes in the hierarchy's order; None for any other line."""
    found = _labels(text)
    if sum(1 for key, _ in found if key[-1] < _LETTER) < settings.min_codes:
        return None
    if not in_order([key for key, _ in found], settings):
        return None
    return text[: found[0][1]].strip(), _spans(found, text)


def labels_above(lines: list[Line], head: int, settings: LabelSettings = LabelSettings()) -> list[tuple[Key, str]]:
    """The labels OCR printed on lines of their own just above the header line ``head``: the
    lines up from it whose text opens on a coded label, as long as they run."""
    out: list[tuple[Key, str]] = []
    for line in reversed(lines[max(0, head - settings.lines_above) : head]):
        found = _labels(line.text)
        if not found or found[0][1] > 0 or any(key[-1] >= _LETTER for key, _ in found):
            break
        out.extend(_spans(found, line.text))
    return out


def merged(
    header: list[tuple[Key, str]], above: list[tuple[Key, str]], settings: LabelSettings = LabelSettings()
) -> list[tuple[Key, str]] | None:
    """The header's labels and those lifted above it, in code order; None when a code repeats
    or the codes together skip one."""
    keys = [key for key, _ in header + above]
    if len(set(keys)) != len(keys):
        return None
    ordered = sorted(header + above)
    return ordered if in_order([key for key, _ in ordered], settings) else None


def in_order(keys: list[Key], settings: LabelSettings = LabelSettings()) -> bool:
    """Whether the codes run in the hierarchy's order: each numbered code one step from the last
    numbered one, each letter the next item of the numbered code before it."""
    prev = CriterionCode(0, ())
    letter = 0
    for key in keys:
        if key[-1] >= _LETTER:
            if key[:-1] != prev.path or key[-1] - _LETTER != letter + 1:
                return False
            letter += 1
            continue
        step = transition_cost(prev, CriterionCode(0, key))
        if step is None or step > settings.max_step:
            return False
        prev, letter = CriterionCode(0, key), 0
    return True


# A lettered item's key: its parent's path, then this plus its place (kept after any numbered child).
_LETTER = 1000


def code_text(key: Key) -> str:
    """The code a key stands for: "2.1", a lettered item "3.1.a"."""
    if key[-1] >= _LETTER:
        return ".".join(map(str, key[:-1])) + "." + item_letter(key[-1] - _LETTER)
    return ".".join(map(str, key))


def _labels(text: str) -> list[tuple[Key, int]]:
    """Each label's key and where it opens in ``text``; a lettered item keyed under the numbered
    code before it, a parent's glued code put back before its first child."""
    out: list[tuple[Key, int]] = []
    last: Key = ()
    for m in _LABEL_CODE.finditer(text):
        if m["code"]:
            key = _key(m["code"])
            glued = _glued_parent(text, out[-1][1] if out else 0, m.start(), key)
            if glued is not None and (not out or out[-1][0] != key[:-1]):
                out.append((key[:-1], glued))
            out.append((key, m.start()))
            last = key
            continue
        letter = letter_item(m["letter"])
        if letter and last:
            out.append((last + (_LETTER + item_place(letter),), m.start()))
    return out


def _key(code: str) -> Key:
    return tuple(int(c) for c in code.split("."))


def _glued_parent(text: str, start: int, end: int, key: Key) -> int | None:
    """Where the parent of a first child ``key`` ("2.1") opens glued to its garbled first word
    ("2.86 2.1. Số …"): the last such token between the previous label and this one."""
    if len(key) < 2 or key[-1] != 1:
        return None
    found = [
        m for m in _GLUED_CODE.finditer(text, start, end) if tuple(int(c) for c in m["code"].split(".")) == key[:-1]
    ]
    return found[-1].start() if found else None


def _spans(found: list[tuple[Key, int]], text: str) -> list[tuple[Key, str]]:
    """Each label's key and text (up to where the next one opens); a glued parent's code set
    apart from its word ("2.86" → "2. 86"), so the label reads as coded."""
    ends = [start for _, start in found[1:]] + [len(text)]
    out = []
    for (key, start), end in zip(found, ends):
        label = text[start:end].strip(" |")  # (a bar after it is the cell's rule)
        code = code_text(key) + "."
        if key[-1] < _LETTER and not label[len(code) :][:1].isspace():
            label = f"{code} {label[len(code) :]}"
        out.append((key, label))
    return out
