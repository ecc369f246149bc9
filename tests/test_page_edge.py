"""A task grid wider than its page (extract/page_edge.py): the page's edge cut its last column, so
the criterion codes printed past it are not in the file. The reader tells the cut grid by its
rules running on to the page's edge; each of its task rows carries a doubt and so a review entry,
instead of codes read as absent without a word. A grid closed inside the page (even squeezed to
2.3 points of its edge) is whole and carries none."""

from dataclasses import replace
from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.base import ingest
from extract.page_edge import RIGHT, cut_sides, fields_read, runs_off_page, sides_crossed, sides_touching
from extract.pdf_turn import sideways_turn
from extract.segment.task_tables import PAGE_EDGE_DOUBT, find_task_tables
from schemas.records import ScoreRow, SourceRef

WIDTH, HEIGHT = 595.3, 841.9
# Column borders of a six-column plan grid on a portrait A4 page (the points LibreOffice uses).
BORDERS = [51.0, 80.0, 264.0, 349.0, 428.0, 502.0, 592.7]
HEADER = ["TT", "Nhiem vu", "Chu tri", "Phoi hop", "Thoi gian", "San pham"]
ROWS = [
    ["1", "Niem yet thu tuc hanh chinh", "Van phong", "Cong an xa", "Quy I/2025", "Bien ban"],
    ["2", "Ra soat van ban quy pham", "Tu phap", "Cac doan the", "Quy II/2025", "Bao cao"],
    ["3", "Cap nhat trang thong tin", "Van hoa", "Van phong", "Thang 12/2025", "Danh muc"],
]


def _grid_pdf(path: Path, rule_end: float) -> Path:
    """A one-page PDF: a title, then the grid with its rows' rules running from the left border to
    ``rule_end`` (the page's edge when the page cut the grid) and a vertical at each border."""
    top, step = 700.0, 30.0
    ys = [top - step * k for k in range(len(ROWS) + 2)]
    ops = ["0.5 w"]
    ops += [f"{BORDERS[0]} {y} m {rule_end} {y} l S" for y in ys]
    ops += [f"{x} {ys[-1]} m {x} {ys[0]} l S" for x in [*BORDERS, rule_end] if x <= WIDTH]
    text = [(BORDERS[0], 760.0, "KE HOACH CAI CACH HANH CHINH NAM 2025")]
    for r, cells in enumerate([HEADER, *ROWS]):
        text += [(BORDERS[c] + 2, ys[r] - 18, cell) for c, cell in enumerate(cells)]
    ops += [f"BT /F1 8 Tf {x} {y} Td ({t}) Tj ET" for x, y, t in text]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {WIDTH} {HEIGHT}] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_a_rule_reaching_the_page_edge_marks_the_grid_cut():
    box = (51.0, 100.0, 592.7, 300.0)
    rule = {"x0": 51.5, "x1": 595.0, "top": 150.0}
    assert runs_off_page(box, [rule], WIDTH)
    assert not runs_off_page(box, [dict(rule, x1=593.0)], WIDTH)  # squeezed to the page, closed
    assert not runs_off_page(box, [dict(rule, top=400.0)], WIDTH)  # another grid's rule, lower down


def test_a_grid_cut_by_the_page_edge_has_its_task_rows_doubted(tmp_path):
    pdf = _grid_pdf(tmp_path / "cut.pdf", WIDTH)
    doc = ingest(pdf)
    [table] = list(doc.tables())
    assert table.cut_by_page_edge
    [tasks] = find_task_tables(doc)
    assert [r.code for r in tasks.rows] == ["1", "2", "3"]
    assert all(PAGE_EDGE_DOUBT in r.flags and r.criterion_code is None for r in tasks.rows)
    output = result_to_json(convert_file(pdf, "cut.pdf", PipelineOptions()))
    queued = {r["item"] for r in output["review"]}
    assert {f"/task_tables/0/rows/{k}" for k in range(3)} <= queued


def test_a_grid_closed_inside_the_page_is_whole(tmp_path):
    doc = ingest(_grid_pdf(tmp_path / "whole.pdf", BORDERS[-1] + 0.3))
    [table] = list(doc.tables())
    assert not table.cut_by_page_edge
    [tasks] = find_task_tables(doc)
    assert len(tasks.rows) == 3 and not any(PAGE_EDGE_DOUBT in r.flags for r in tasks.rows)


def test_the_cut_side_is_the_edge_the_grid_rules_reach():
    box = (0.0, 100.0, 592.7, 300.0)
    assert cut_sides(box, [{"x0": 0.2, "x1": 400.0, "top": 150.0}], WIDTH) == ("left",)
    assert cut_sides(box, [{"x0": 0.2, "x1": 595.0, "top": 150.0}], WIDTH) == ("left", "right")
    assert cut_sides(box, [{"x0": 30.0, "x1": 560.0, "top": 150.0}], WIDTH) == ()


def test_a_word_past_the_paper_names_the_edges_it_crosses():
    assert sides_crossed((-23.4, 100.0, -5.9, 110.0), WIDTH, HEIGHT) == ("left",)
    assert sides_crossed((586.2, 100.0, 615.4, 110.0), WIDTH, HEIGHT) == ("right",)
    assert sides_crossed((560.0, 100.0, 595.8, 110.0), WIDTH, HEIGHT) == ()  # within the edge's margin


def test_a_page_whose_characters_run_one_way_sideways_is_turned_to_read_them():
    def chars(matrix, n=30):
        return [{"text": "a", "matrix": matrix} for _ in range(n)]

    assert sideways_turn(chars((1, 0, 0, 1, 0, 0))) == 0
    assert sideways_turn(chars((0, -1, 1, 0, 0, 0))) == 270  # running down the page
    assert sideways_turn(chars((0, 1, -1, 0, 0, 0))) == 90  # running up it
    assert sideways_turn(chars((0, 1, -1, 0, 0, 0), 10) + chars((1, 0, 0, 1, 0, 0))) == 0  # a stamp on a page
    assert sideways_turn(chars((0, 1, -1, 0, 0, 0), 5)) == 0  # too few to say


def test_a_cut_grid_doubts_the_rows_its_edge_touches_not_the_others():
    # A right cut: row 1 lost a word past the paper; row 2 read every figure; row 3's self cell is
    # blank in a column the grid printed for the others (inside the page: printed blank); row 4's
    # self column was read by no row of the grid (past the edge: not printed).
    def row(code: str, top: float, self_points: float | None) -> ScoreRow:
        box = [51.0, top, 595.3, top + 20]
        return ScoreRow(code=code, max_points=1.0, self_points=self_points, source=SourceRef(1, bbox=box))

    past = [((RIGHT,), (590.0, 105.0, 610.0, 115.0))]  # a word of row 1's band running past the paper
    grid = [row("1", 100.0, 1.0), row("2", 120.0, 1.0), row("3", 140.0, None)]
    read = fields_read(grid)
    assert [sides_touching(r, (RIGHT,), past, read) for r in grid] == [(RIGHT,), (), ()]
    lost = row("4", 160.0, None)
    assert sides_touching(lost, (RIGHT,), past, fields_read([lost])) == (RIGHT,)
    assert sides_touching(replace(lost, source=SourceRef(1)), (RIGHT,), [], read) == (RIGHT,)  # no box: kept
