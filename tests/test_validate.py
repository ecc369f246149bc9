"""``cchc-extract validate``: schema, rebuild, re-run the checks, report differences."""

import json

from cchc_extract.cli import main
from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, StatAnnex, StatRow, to_dict


def converted(tmp_path, name="doc.json"):
    result = ExtractionResult(
        score_tables=[
            ScoreTable(
                title="Chỉ số",
                rows=[
                    ScoreRow(code="1.3", level=2, max_points=2, self_points=2),
                    ScoreRow(code="1.3.1", level=3, max_points=1, self_points=1),
                    ScoreRow(code="1.3.2", level=3, max_points=1, self_points=1),
                ],
            )
        ],
        statistics=[
            StatAnnex(
                annex="Phụ lục 8",
                rows=[
                    StatRow(
                        code="2.",
                        indicator="Xây dựng và vận hành Hệ thống họp trực tuyến",
                        unit="Chưa có = 0 2 cấp = 1 3 cấp = 2",
                        value=3,
                        value_raw="3",
                    )
                ],
            )
        ],
    )
    reconcile(result)
    path = tmp_path / name
    path.write_text(json.dumps(to_dict(result), ensure_ascii=False), encoding="utf-8")
    return path


def test_valid_file_passes(tmp_path, capsys):
    path = converted(tmp_path)
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.strip() == f"{path}: ok"


def test_changed_checks_are_reported_and_fail(tmp_path, capsys):
    path = converted(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["score_tables"][0]["rows"][0]["self_points"] = 1.5  # edited after conversion
    data["checks"] = [c for c in data["checks"] if c["kind"] != "allowed_code"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["validate", str(path)]) == 1  # any difference: a script checking a folder must know
    out = capsys.readouterr().out.splitlines()
    assert any("sum_self:/score_tables/0/rows/0:self_points" in line and "'ok' → 'mismatch'" in line for line in out)
    assert any(line.startswith(f"{path}: check allowed_code:/statistics/0/rows/0:value: new, mismatch") for line in out)


def test_unreadable_and_schema_breaking_files_fail(tmp_path, capsys):
    good = converted(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": "1.0",', encoding="utf-8")
    wrong = tmp_path / "wrong.json"
    data = json.loads(good.read_text(encoding="utf-8"))
    data["checks"][0]["status"] = "fine"
    del data["counts"]
    wrong.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(good), str(broken), str(wrong)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert f"{good}: ok" in out
    assert any(line.startswith(f"{broken}: not JSON:") for line in out)
    assert any(line.startswith(f"{wrong}: schema: /checks/0/status:") for line in out)
    assert any(line.startswith(f"{wrong}: schema: /:") and "counts" in line for line in out)
    assert main(["validate", str(tmp_path / "missing.json")]) == 1
    other = tmp_path / "summary.json"
    other.write_text('{"converted": 5}', encoding="utf-8")
    assert main(["validate", str(other)]) == 1
    assert capsys.readouterr().out.count("\n") == 2  # missing file + not an output: one line each
