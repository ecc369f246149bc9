"""What every family shares: the instance (family, index, criteria set, seed, whether faults are
planted), the document metadata it prints, the score content, and the outputs a family returns."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from corpusgen.document import (
    DocMeta,
    Document,
    Header,
    PageBreak,
    Para,
    Signature,
    Table,
    Title,
)
from corpusgen.people import citation, make_place, person_name, random_date
from corpusgen.scores import (
    Fault,
    ScoreTable,
    pick_fields,
    plant_score_faults,
    r2,
    score_rows,
    totals,
)
from corpusgen.sets import CriteriaSet


def family_code(family: str) -> str:
    """A family's code, "N100" of "N100_appraised_partly": the codes run past two digits, so never
    the first three letters (those of N100 are N10's)."""
    return family.split("_", 1)[0]


@dataclass(frozen=True)
class Instance:
    family: str
    index: int  # 1-based
    cset: CriteriaSet
    faulty: bool
    # The corpus's seed (make_corpus --seed): 0 gives the standing corpus; another value gives other
    # communes, people, values and degradations of the same families, documents nobody has seen.
    seed: int = 0

    @property
    def name(self) -> str:
        return f"{family_code(self.family).lower()}-i{self.index}"

    def rng(self, salt: str = "") -> random.Random:
        prefix = f"seed{self.seed}/" if self.seed else ""
        return random.Random(f"{prefix}{self.family}/{self.index}/{self.cset.id}/{salt}")


@dataclass(frozen=True)
class Output:
    """One file of an instance: a Document (written as DOCX; a "pdf" or "txt" output of a Document is
    LibreOffice's conversion of that DOCX), or the text of a text export."""

    variant: str
    fmt: str  # docx | pdf | txt | md | tsv
    document: object  # Document (docx, pdf) or str (text formats)
    printed: frozenset | None = None  # metadata fields this file prints (None: all of them)
    # A "txt" output of a Document with this set is an OCR dump (corpusgen.dumps.OcrDump) of its PDF.
    ocr: object | None = None


@dataclass
class Built:
    outputs: list[Output]
    document: dict
    score_tables: list[dict] = field(default_factory=list)
    statistics: list[dict] = field(default_factory=list)
    counts: list[dict] = field(default_factory=list)
    # plans and reports (issue 20): task rows, targets, score statements
    task_rows: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    score_statements: list[dict] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    # truth keys that differ in one output (by variant): a text copy that leaves a table out
    per_output: dict[str, dict] = field(default_factory=dict)
    commune: str = ""
    # first and last row names of the score table, to find the pages it runs over in a PDF
    table_marks: tuple[str, str] | None = None


def evaluation_year(inst: Instance, rng: random.Random) -> int:
    """The year a document reports on: the set's year or the next, before the merger for sets decided
    before it; 2025 for the sets after it (documents are dated up to early 2026)."""
    year = inst.cset.year + rng.choice((0, 1))
    return min(year, 2024) if inst.cset.pre_merger else 2025


def make_meta(
    inst: Instance,
    rng: random.Random,
    kind: str,
    title_lines: tuple[str, ...],
    year: int,
    issuer_style: str | None = None,
    report_date=None,
) -> DocMeta:
    place = make_place(rng, inst.cset.pre_merger or issuer_style == "district")
    if issuer_style is None:
        issuer_style = rng.choice(("full", "full", "short", "oneline"))
    date = report_date or (
        random_date(rng, year, (11, 12)) if rng.random() < 0.5 else random_date(rng, year + 1, (1, 3))
    )
    upper = f"UBND huyện {place.district}" if place.district else f"Sở Nội vụ tỉnh {place.province}"
    recipients = (
        f"{upper} (b/c);",
        "TT Đảng ủy, HĐND xã (b/c);" if rng.random() < 0.5 else "Chủ tịch, các PCT UBND xã;",
        "Lưu: VT, VP.",
    )
    title = tuple(line.format(commune=place.commune, COMMUNE=place.commune.upper()) for line in title_lines)
    return DocMeta(
        place,
        f"{rng.randint(1, 320)}/{kind}-UBND",
        kind,
        title,
        date,
        person_name(rng),
        signer_role=rng.choice(("TM", "KT")),
        issuer_style=issuer_style,
        date_padded=rng.random() < 0.5,
        signed_mark=rng.random() < 0.6,
        recipients=recipients,
        number_spaced=rng.random() < 0.3,
    )


SCORE_TITLES = (  # (kind, kind word, title lines): a plan to raise the index attaches last year's scores
    ("KH", "KẾ HOẠCH", ("Nâng cao Chỉ số cải cách hành chính năm {next}",)),
    (
        "BC",
        "BÁO CÁO",
        ("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính", "năm {year} của UBND xã {commune}"),
    ),
    ("BC", "BÁO CÁO", ("Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm {year}",)),
    ("BC", None, ("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "NĂM {year} CỦA UBND XÃ {COMMUNE}")),
)


def score_meta(inst: Instance, rng: random.Random, year: int, issuer_style: str | None = None) -> tuple[DocMeta, Title]:
    kind, kind_word, lines = rng.choice(SCORE_TITLES)
    lines = tuple(line.replace("{year}", str(year)).replace("{next}", str(year + 1)) for line in lines)
    meta = make_meta(inst, rng, kind, lines, year, issuer_style)
    return meta, Title(kind_word, meta.title_lines)


def score_content(
    inst: Instance,
    rng: random.Random,
    year: int,
    *,
    keep: float = 0.8,
    appraised: bool = False,
    with_total: bool = True,
    transform=None,
) -> ScoreTable:
    """Rows of a subset of the set's fields with points; in a faulty instance one or two planted faults
    (and, where a total row is printed, sometimes a total that is not the sum)."""
    # the set's own codes and maxima, so a catalogue lookup by code holds; a subset of fields is an
    # excerpt and keeps the numbering of the whole (F10 renumbers its parts itself)
    criteria = pick_fields(list(inst.cset.rows), rng, keep)
    if transform is not None:
        criteria = transform(criteria)
    rows = score_rows(criteria, rng, year, blank_survey=rng.random() < 0.3, appraised=appraised)
    faults: list[Fault] = []
    if inst.faulty:
        rows, faults = plant_score_faults(rows, rng, rng.choice((1, 1, 2)))
    total_max, total_self, total_app = totals(rows)
    if inst.faulty and with_total and (not faults or rng.random() < 0.3):
        total_max = r2(total_max + rng.choice((-1.0, 1.0, 2.0)))
        faults.append(
            Fault(
                "total_sum",
                "score",
                None,
                "max_points",
                f"total max {total_max:g} but the top rows add to {totals(rows)[0]:g}",
            )
        )
    if not with_total:
        total_max = total_self = total_app = None
    return ScoreTable(tuple(rows), total_max, total_self, total_app, tuple(faults))


def split_evidence(table: ScoreTable, rng: random.Random, year: int, share: float = 0.3) -> ScoreTable:
    """Some leaf rows cite two documents, each in its own cell (the row is then two grid rows tall)."""
    parents = {r.parent for r in table.rows}
    rows = []
    for r in table.rows:
        if r.code not in parents and rng.random() < share:
            evidence = (citation(rng, year), citation(rng, year))
            r = replace(r, evidence=evidence, explanation=" ".join(evidence))
        rows.append(r)
    return replace(table, rows=tuple(rows))


def intro(meta: DocMeta, rng: random.Random, year: int, subject: str = "kết quả tự đánh giá, chấm điểm") -> Para:
    higher = f"UBND huyện {meta.place.district}" if meta.place.district else f"UBND tỉnh {meta.place.province}"
    return Para(
        f"Thực hiện {citation(rng, year, ('KH', 'Kế hoạch'))} của {higher} về việc triển khai công tác "
        f"cải cách hành chính năm {year}; UBND xã {meta.place.commune} báo cáo {subject} như sau:"
    )


def standard_blocks(
    meta: DocMeta,
    title: Title,
    table: Table,
    rng: random.Random,
    year: int,
    header: str = "table",
    signature: str = "table",
) -> tuple:
    if meta.kind == "KH":
        lead = Para(
            f"Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}, UBND xã "
            f"{meta.place.commune} ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính năm {year + 1}. "
            f"Kết quả tự đánh giá, chấm điểm năm {year} như sau:"
        )
    else:
        lead = intro(meta, rng, year)
    return (Header(header), title, lead, table, Signature(signature))


def score_truth(table: ScoreTable, *, appraised: bool = False, scale: bool = False, pages=None) -> dict:
    return {
        "pages": pages,
        "stated_total_max": table.total_max,
        "stated_total_self": table.total_self,
        "rows": [r.truth(appraised, scale) for r in table.rows],
    }


def score_built(meta, outputs: list[Output], table: ScoreTable | None = None, *, appraised=False, scale=False) -> Built:
    """An instance's outputs and the truth of its metadata and (with ``table``) of its score table:
    the table's rows, its planted faults, and its first and last row names (to find its pages)."""
    built = Built(outputs, meta.truth(), commune=meta.place.commune)
    if table is not None:
        built.score_tables = [score_truth(table, appraised=appraised, scale=scale)]
        built.faults = list(table.faults)
        built.table_marks = (table.rows[0].name, table.rows[-1].name)
    return built


def docx_pdf(variant: str, doc: Document, printed: frozenset | None = None) -> list[Output]:
    """A document written as a DOCX and as the PDF LibreOffice prints of it (``printed``: the
    metadata fields they print, None for all)."""
    return [Output(variant, "docx", doc, printed), Output(variant, "pdf", doc, printed)]


def annex_title(meta: DocMeta, title: str) -> Title:
    """The caption of a report's first annex: "Phụ lục 1", its title, "(Kèm theo Báo cáo số …)"."""
    return Title(
        "Phụ lục 1",
        (title,),
        f"(Kèm theo Báo cáo số {meta.number} ngày {meta.date.strftime('%d/%m/%Y')} của UBND xã {meta.place.commune})",
    )


def report_with_annex(
    meta: DocMeta, rng: random.Random, year: int, body: tuple, signatures: tuple[str, ...], annex: Title, table: Table
) -> Document:
    """A report ("BÁO CÁO", its intro and ``body``), signed in one of the ``signatures`` styles (drawn
    after the intro; a single style draws nothing), then its annex on a page of its own."""
    head = (
        Header(rng.choice(("table", "stacked"))),
        Title("BÁO CÁO", meta.title_lines),
        intro(meta, rng, year, "kết quả công tác cải cách hành chính"),
    )
    signature = Signature(signatures[0] if len(signatures) == 1 else rng.choice(signatures))
    return Document(meta, head + body + (signature, PageBreak(), annex, table))
