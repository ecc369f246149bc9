"""The generalisation benchmark's fault scoring with reconcile's own checks (planted faults flagged,
misreadings' false alarms, faults through a row's match, statistics and narrative faults) and the
script run on a real DOCX corpus."""

import copy
import importlib.machinery
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus_scoring import (
    score_document,
)
from cchc_extract.reconcile import reconcile
from schemas.records import (
    Count,
    CountPart,
    ExtractionResult,
    ScoreRow,
    ScoreTable,
    StatAnnex,
    StatRow,
    to_dict,
)
from test_generalisation_scoring import ROOT, TRUTH_ROWS, output_from, perfect_rows, truth_doc, truth_row

# --------------------------------------------------------------------------- faults, with reconcile's own checks


def reconciled(result: ExtractionResult) -> dict:
    reconcile(result)
    return to_dict(result)


def score_result(rows, total_max=20.0, total_self=17.0) -> ExtractionResult:
    table = ScoreTable(
        title="Bảng điểm",
        pages=[1],
        stated_total_max=total_max,
        stated_total_self=total_self,
        rows=[
            ScoreRow(code=c, name=n, max_points=m, self_points=s, parent=p, level=c.count(".") + 1)
            for c, p, n, m, s in rows
        ],
    )
    return ExtractionResult(score_tables=[table])


def rows_of(truth_rows):
    return [(r["code"], r["parent"], r["name"], r["max_points"], r["self_points"]) for r in truth_rows]


def test_planted_parent_sum_fault_is_flagged_by_reconcile():
    rows = copy.deepcopy(TRUTH_ROWS)
    rows[1]["max_points"] = 7.0  # parent 1 states 7, its children add to 6
    fault = {
        "kind": "parent_max_sum",
        "table": "score",
        "code": "1",
        "field": "max_points",
        "note": "parent 1 max 7 but children add to 6",
    }
    truth = truth_doc(rows, faults=[fault])
    truth["score_tables"][0]["stated_total_max"] = 21.0
    output = reconciled(score_result(rows_of(rows), total_max=21.0))
    assert any(c["kind"] == "sum_children" and c["status"] == "mismatch" for c in output["checks"])
    result = score_document(truth, output)
    assert (result["tally"]["faults"], result["tally"]["faults_flagged"], result["tally"]["false_alarms"]) == (1, 1, 0)
    assert result["faults"][0]["by"][0].startswith("check sum_children:")


def test_misread_cell_gives_false_alarms_and_misses_the_fault():
    rows = copy.deepcopy(TRUTH_ROWS)
    fault = {"kind": "parent_max_sum", "table": "score", "code": "1", "field": "max_points"}
    rows[1]["max_points"] = 7.0
    truth = truth_doc(rows, faults=[fault])
    truth["score_tables"][0]["stated_total_max"] = 21.0
    read = rows_of(rows)
    read[1] = ("1", "I", "Công tác chỉ đạo, điều hành CCHC", 6.0, 5.0)  # the wrong 7 read as 6: fault hidden
    read[4] = ("2", "I", "Cải cách thể chế", 4.0, 5.0)  # self 4 misread as 5: self > max, total self off
    output = reconciled(score_result(read, total_max=21.0))
    result = score_document(truth, output)
    assert result["tally"]["faults_flagged"] == 0
    alarms = {(a["kind"], a["code"], a["field"]) for a in result["false_alarms"]}
    assert ("self_le_max", "2", "self_points") in alarms and ("stated_total", None, "self_points") in alarms


def test_self_above_max_fault_explains_its_parents_broken_sum():
    rows = copy.deepcopy(TRUTH_ROWS)
    rows[3]["self_points"] = 4.0  # 1.2 self 4 > max 3.5; parent 1 self 5 no longer its children's 6
    fault = {"kind": "self_gt_max", "table": "score", "code": "1.2", "field": "self_points"}
    output = reconciled(score_result(rows_of(rows)))
    kinds = {(c["kind"], c["code"]) for c in output["checks"] if c["status"] == "mismatch"}
    assert ("self_le_max", "1.2") in kinds and ("sum_self", "1") in kinds
    c = score_document(truth_doc(rows, faults=[fault]), output)["tally"]
    assert (c["faults_flagged"], c["false_alarms"]) == (1, 0)


def test_fault_flagged_by_a_review_entry_naming_its_row():
    rows = copy.deepcopy(TRUTH_ROWS)
    fault = {"kind": "self_gt_max", "table": "score", "code": "1.2", "field": "self_points"}
    output = output_from(
        perfect_rows(),
        review=[
            {
                "item": "/score_tables/0/rows/3",
                "field": "self_points",
                "code": "1.2",
                "reason": "confidence 0.42 below 0.80",
            }
        ],
    )
    c = score_document(truth_doc(rows, faults=[fault]), output)["tally"]
    assert c["faults_flagged"] == 1
    output["review"][0]["item"] = "/score_tables/0/rows/2"  # another row: not this fault
    output["review"][0]["code"] = "1.1"
    assert score_document(truth_doc(rows, faults=[fault]), output)["tally"]["faults_flagged"] == 0


def test_a_sum_fault_is_flagged_by_an_entry_on_a_child_that_states_its_sum():
    """A parent's sum the commune broke, queued on a child as the reading that may explain it: the
    entry's reason states the parent's sum, so it names the fault; a child's entry for its own
    doubt (confidence alone) or an entry stating another sum does not."""
    rows = copy.deepcopy(TRUTH_ROWS)
    rows[1]["self_points"] = 5.5  # parent 1 states 5,5, its children add to 5
    fault = {"kind": "parent_self_sum", "table": "score", "code": "1", "field": "self_points"}
    child = {
        "item": "/score_tables/0/rows/2",
        "field": "self_points",
        "code": "1.1",
        "reason": "1: self-assessed points of its 2 sub-criteria add up to 5, the row states 5,5; explained by a"
        " misreading: 1.1 self_points read as '2' may be 2,5\nconfidence 0.77 below 0.80",
    }
    output = output_from(perfect_rows(), review=[child])
    result = score_document(truth_doc(rows, faults=[fault]), output)
    assert result["tally"]["faults_flagged"] == 1
    assert result["faults"][0]["by"][0].startswith("review /score_tables/0/rows/2")
    for reason in ("confidence 0.42 below 0.80", "2: self-assessed points of its 0 sub-criteria add up to 4"):
        output["review"][0]["reason"] = reason
        assert score_document(truth_doc(rows, faults=[fault]), output)["tally"]["faults_flagged"] == 0


def test_fault_on_a_row_found_under_another_code_is_flagged_through_the_match():
    rows = copy.deepcopy(TRUTH_ROWS)
    rows[3]["self_points"] = 4.0
    rows[1]["self_points"] = 6.0
    truth = truth_doc(rows, faults=[{"kind": "self_gt_max", "table": "score", "code": "1.2", "field": "self_points"}])
    truth["score_tables"][0]["stated_total_self"] = 18.0
    read = rows_of(rows)
    read[3] = ("1.3", "1", *read[3][2:])  # the code misread, the row's content right
    output = reconciled(score_result(read, total_self=18.0))
    c = score_document(truth, output)["tally"]
    assert (c["found"], c["code_ok"], c["faults_flagged"], c["false_alarms"]) == (7, 6, 1, 0)


def test_statistics_ratio_fault():
    truth = truth_doc(
        [],
        statistics=[
            {
                "annex": "1",
                "title": "Phụ lục 1",
                "rows": [
                    {"code": "1", "indicator": "Tỷ lệ hồ sơ giải quyết đúng hạn", "unit": "%", "value": 80.0},
                    {"code": "1.1", "indicator": "Tổng số hồ sơ tiếp nhận", "unit": "hồ sơ", "value": 200.0},
                    {"code": "1.2", "indicator": "Số hồ sơ giải quyết đúng hạn", "unit": "hồ sơ", "value": 150.0},
                ],
            }
        ],
        faults=[{"kind": "ratio", "table": "statistics", "code": "1", "field": "value", "note": "150/200 is 75%"}],
    )
    truth["score_tables"] = []
    annex = StatAnnex(
        annex="Phụ lục 1",
        rows=[
            StatRow(code="1", indicator="Tỷ lệ hồ sơ giải quyết đúng hạn", unit="%", value=80.0, value_raw="80"),
            StatRow(code="1.1", indicator="Tổng số hồ sơ tiếp nhận", unit="hồ sơ", value=200.0, value_raw="200"),
            StatRow(code="1.2", indicator="Số hồ sơ giải quyết đúng hạn", unit="hồ sơ", value=150.0, value_raw="150"),
        ],
    )
    output = reconciled(ExtractionResult(statistics=[annex]))
    assert any(c["kind"] == "ratio" and c["status"] == "mismatch" for c in output["checks"])
    c = score_document(truth, output)["tally"]
    assert (c["rows"], c["found"], c["numbers_right"], c["faults_flagged"], c["false_alarms"]) == (3, 3, 3, 1, 0)
    assert (c["stat_rows"], c["stat_found"], c["score_rows"]) == (3, 3, 0)


def test_narrative_count_found_and_its_fault_flagged():
    text = "Tuyên truyền 48 lượt (qua loa truyền thanh 20 lượt; qua hội nghị 17 lượt; qua mạng xã hội 13 lượt)."
    other = "Đã giải quyết 402 hồ sơ, trong đó trước hạn 377, đúng hạn 22, trễ hạn 03."
    truth = truth_doc(
        [],
        counts=[
            {"text": other, "total": 402, "parts": [377, 22, 3], "unit": "hồ sơ"},
            {"text": text, "total": 48, "parts": [20, 17, 13], "unit": "lượt"},
        ],
        faults=[
            {"kind": "count_sum", "table": "counts", "code": None, "field": "value", "note": "48 but parts add to 50"}
        ],
    )
    truth["score_tables"] = []
    counts = [
        Count(
            text=other,
            total=402.0,
            unit="hồ sơ",
            parts=[CountPart("trước hạn", 377.0), CountPart("đúng hạn", 22.0), CountPart("trễ hạn", 3.0)],
        ),
        # a parenthetical list states the whole (extract/segment/counts.py marks it complete), so
        # parts short of the total are a fault, not a list naming only some parts
        Count(
            text=text,
            total=48.0,
            unit="lượt",
            complete=True,
            parts=[CountPart("qua loa truyền thanh", 20.0), CountPart("qua hội nghị", 17.0)],
        ),
    ]
    output = reconciled(ExtractionResult(counts=counts))
    c = score_document(truth, output)["tally"]
    # the 13 was missed: the count is not found, though its check (20 + 17 ≠ 48) still names the faulty sentence
    assert (c["counts"], c["counts_found"], c["faults_flagged"], c["false_alarms"]) == (2, 1, 1, 0)
    counts[1].parts.append(CountPart("qua mạng xã hội", 13.0))
    output = reconciled(ExtractionResult(counts=counts))
    result = score_document(truth, output)
    assert (result["tally"]["counts_found"], result["tally"]["faults_flagged"], result["tally"]["false_alarms"]) == (
        2,
        1,
        0,
    )


def test_failed_document_scores_as_read_nothing():
    output = {"errors": [{"stage": "ingest", "message": "the conversion took longer than 300 s"}]}
    c = score_document(truth_doc(), output)["tally"]
    assert (c["failed"], c["found"], c["numbers_right"], c["meta_right"]) == (1, 0, 0, 0)
    assert c["name_errors"] == c["name_chars"] > 0


# --------------------------------------------------------------------------- the script, end to end


def _script():
    path = ROOT / "benchmarks" / "generalisation"
    loader = importlib.machinery.SourceFileLoader("cchc_generalisation", str(path))
    spec = importlib.util.spec_from_loader("cchc_generalisation", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_script_on_a_real_docx_corpus(tmp_path, capsys):
    docx = pytest.importorskip("docx")
    family = tmp_path / "F00_plain_table"
    family.mkdir()
    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN XÃ TÂN LẠC")
    d.add_paragraph("Số: 15/BC-UBND")
    d.add_paragraph("Tân Lạc, ngày 12 tháng 3 năm 2024")
    d.add_paragraph("BÁO CÁO")
    d.add_paragraph("Kết quả tự đánh giá chỉ số cải cách hành chính năm 2024")
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"),
        ("1", "Công tác chỉ đạo, điều hành CCHC", "6", "5"),
        ("1.1", "Kế hoạch CCHC năm", "2,5", "2"),
        ("1.2", "Báo cáo CCHC định kỳ", "3,5", "3"),
        ("2", "Cải cách thể chế", "4", "4"),
        ("", "Tổng điểm", "10", "9"),
    ]
    table = d.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        for k, value in enumerate(values):
            table.cell(r, k).text = value
    d.add_paragraph("CHỦ TỊCH")
    d.add_paragraph("Nguyễn Văn An")
    d.save(family / "f00-i1.docx")
    truth = {
        "family": "F00_plain_table",
        "instance": "f00-i1",
        "format": "docx",
        "split": "heldout",
        "document": {
            "number": "15/BC-UBND",
            "date": "2024-03-12",
            "commune": "Tân Lạc",
            "signer": "Nguyễn Văn An",
            "title": "Kết quả tự đánh giá chỉ số cải cách hành chính năm 2024",
        },
        "score_tables": [
            {
                "pages": [1],
                "stated_total_max": 10.0,
                "stated_total_self": 9.0,
                "rows": [
                    truth_row("1", None, "Công tác chỉ đạo, điều hành CCHC", 6.0, 5.0),
                    truth_row("1.1", "1", "Kế hoạch CCHC năm", 2.5, 2.0),
                    truth_row("1.2", "1", "Báo cáo CCHC định kỳ", 3.5, 3.0),
                    truth_row("2", None, "Cải cách thể chế", 4.0, 4.0),
                ],
            }
        ],
        "statistics": [],
        "counts": [],
        "faults": [],
    }
    (family / "f00-i1.docx.truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    manifest = {
        "generator_version": 1,
        "documents": [
            {
                "path": "F00_plain_table/f00-i1.docx",
                "family": "F00_plain_table",
                "instance": "f00-i1",
                "format": "docx",
                "variant": "grid",
                "criteria_set": "test",
                "commune": "Xã Tân Lạc",
                "split": "heldout",
                "faults": 0,
            }
        ],
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")

    out_json = tmp_path / "results.json"
    assert _script().main(["--corpus", str(tmp_path), "--workers", "1", "--json", str(out_json), "-v"]) == 0
    printed = capsys.readouterr().out
    assert "F00_plain_table docx" in printed and "split heldout" in printed and "TOTAL" in printed
    data = json.loads(out_json.read_text(encoding="utf-8"))
    total = data["total"]
    assert (total["docs"], total["failed"], total["rows"], total["numbers"], total["meta_fields"]) == (1, 0, 4, 8, 5)
    # a plain grid table in a typed DOCX is read: every row and number
    assert (total["found"], total["numbers_right"], total["invented"]) == (4, 8, 0)
    assert data["documents"][0]["path"] == "F00_plain_table/f00-i1.docx"


def test_script_on_documents_of_the_corpus_generator(tmp_path):
    """The contract between tools/make_corpus.py and the benchmark: every generated document is
    converted and scored, its planted faults and truth rows all counted."""
    from corpus_helpers import make_corpus, manifest_documents, read_truth

    corpus = make_corpus(tmp_path / "corpus", "F10,F12,F13", formats="docx,txt,md")
    docs = manifest_documents(corpus)
    out_json = tmp_path / "results.json"
    assert _script().main(["--corpus", str(corpus), "--workers", "2", "--json", str(out_json)]) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert len(data["documents"]) == len(docs) > 0
    total = data["total"]
    assert total["docs"] == len(docs) and total["failed"] == 0
    assert total["faults"] == sum(d["faults"] for d in docs)
    truths = [read_truth(corpus, d) for d in docs]
    assert total["rows"] == sum(
        len(t["rows"]) for truth in truths for kind in ("score_tables", "statistics") for t in truth[kind]
    )
    assert total["counts"] == sum(len(truth["counts"]) for truth in truths) > 0
    assert total["meta_fields"] == 5 * len(truths)
    assert 0 < total["found"] <= total["rows"] and 0 < total["numbers_right"] <= total["numbers"]


def test_a_given_corpus_folder_without_manifest_is_an_error_and_is_not_written(tmp_path):
    # Another seed's corpus still being made has no manifest yet: the benchmark must not fill the
    # folder with the default corpus (it did, and mixed seed 0's documents into seed 111's).
    folder = tmp_path / "corpus-s111"
    folder.mkdir()
    (folder / "F01_x").mkdir()
    with pytest.raises(SystemExit) as stop:
        _script().main(["--corpus", str(folder), "--family", "F01"])
    assert "no " in str(stop.value) and "manifest.json" in str(stop.value)
    assert sorted(p.name for p in folder.iterdir()) == ["F01_x"]
