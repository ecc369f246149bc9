"""The review page (``cchc-extract review OUT``) driven in a real headless Chromium on a real output
folder (a LibreOffice PDF with a planted self > max row, and the OCR-dump sample): the queue, the
crop and the fields shown; a value typed and a value confirmed from the keyboard leave the queue and
leave the same corrections log as ``apply-review``; and the guards of its writes."""

from __future__ import annotations

import io
import json
import os
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest

from browser import chromium, save_screenshot
from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.desk import DeskSettings, bind, close, create_app, crop_file, new_desk
from cchc_extract.pipeline import PipelineOptions
from cchc_extract.review import CORRECTIONS_LOG, REVIEW_COLUMNS, REVIEW_XLSX, apply_review, load_log
from cchc_extract.review_queue import apply_page_decisions, queue_entries
from test_crops import _planted_pdf

ROOT = Path(__file__).resolve().parent.parent
TEXT_SAMPLE = ROOT / "samples" / "003_ngoc-ky_2023_bang-diem-ocr.txt"
SCREENS = os.environ.get("CCHC_SCREENS")  # a folder to keep the page's screenshot in


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    from extract.external import libreoffice_problem

    if libreoffice_problem() is not None:
        pytest.skip(libreoffice_problem())  # conftest fails instead on CI, through the marker below
    folder = tmp_path_factory.mktemp("in")
    out = tmp_path_factory.mktemp("out") / "out"
    _planted_pdf(folder)
    shutil.copy(TEXT_SAMPLE, folder)
    run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1), stream=io.StringIO())
    return out


@pytest.fixture
def out(converted, tmp_path):
    """A copy of the converted folder of one's own (the page writes into it)."""
    copy = tmp_path / "out"
    shutil.copytree(converted, copy)
    return copy


@contextmanager
def running(out: Path):
    desk, server = bind(out, DeskSettings(open_browser=False))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield desk
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
        close(desk)


def _wait(driver, condition, timeout: float = 30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _detail(driver) -> dict[str, str]:
    from selenium.webdriver.common.by import By

    return {td.get_attribute("data-field"): td.text for td in driver.find_elements(By.CSS_SELECTOR, "#fields td")}


def _planted(entries: list[dict]) -> int:
    return next(
        i
        for i, e in enumerate(entries)
        if e["document"] == "planted.pdf" and e["code"] == "1.1.2" and e["field"] == "self_points"
    )


def _sheet_keys(out: Path) -> set[str]:
    sheet = openpyxl.load_workbook(out / REVIEW_XLSX).worksheets[0]
    col = REVIEW_COLUMNS.index("key")
    return {cells[col].value for cells in sheet.iter_rows(min_row=2)}


def _json(out: Path, name: str) -> dict:
    return json.loads((out / name).read_text(encoding="utf-8"))


def _log(data: dict) -> list[tuple]:
    return [(c["item"], c["field"], c["old"], c["new"]) for c in data.get("corrections", [])]


@pytest.mark.needs_libreoffice
@pytest.mark.needs_chromium
def test_keyboard_review_saves_through_the_apply_path(out, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    entries = queue_entries(out, "vi")
    planted = _planted(entries)
    sheet_copy = tmp_path / "by-sheet"
    shutil.copytree(out, sheet_copy)
    with running(out) as desk, chromium() as driver:
        driver.get(desk.url)
        _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#queue li")) == len(entries))
        # The token was traded for a cookie: it is gone from the address bar.
        assert driver.current_url == f"http://127.0.0.1:{desk.port}/"
        body = driver.find_element(By.TAG_NAME, "body")
        for _ in range(planted):
            body.send_keys("j")
        _wait(driver, lambda d: (_detail(d).get("code"), _detail(d).get("document")) == ("1.1.2", "planted.pdf"))
        shown = _detail(driver)
        assert shown["field"].startswith("self_points") and shown["value"] == "9" and shown["max_points"] == "1"
        assert shown["name"] == entries[planted]["name"] and len(shown["name"]) > 10  # the criterion's name
        assert len(shown["reasons"].splitlines()) == 2  # self > max, and the sum it breaks: one entry
        assert "vượt điểm tối đa" in shown["reasons"]  # the reasons in Vietnamese
        crop = driver.find_element(By.ID, "crop")
        assert crop.get_attribute("src").endswith(entries[planted]["crop"])
        _wait(driver, lambda d: d.execute_script("return arguments[0].naturalWidth", crop) > 300)
        assert "Hàng đợi" in driver.page_source  # Vietnamese by default
        if SCREENS:
            save_screenshot(driver, Path(SCREENS) / "review-page.png")

        # e: type the value; Enter saves it.
        body.send_keys("e")
        value = driver.find_element(By.ID, "value")
        assert driver.switch_to.active_element == value
        value.send_keys("1", Keys.ENTER)
        _wait(driver, lambda d: d.find_element(By.ID, "message").text == "Đã lưu")
        row = _json(out, "planted.pdf.json")["score_tables"][0]["rows"]
        fixed = next(r for r in row if r["code"] == "1.1.2")
        assert fixed["self_points"] == 1 and fixed["confidence"] == 1.0
        keys = {e["key"] for e in queue_entries(out, "vi")}
        assert entries[planted]["key"] not in keys  # the corrected value left the queue
        _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#queue li")) == len(keys))

        # c: confirm the entry now shown, as read; d: dismiss the next one.
        decided = set()
        for key, action in (("c", "confirmed"), ("d", "dismissed")):
            current = driver.find_element(By.CSS_SELECTOR, "#queue li.current").get_attribute("data-key")
            assert current in {e["key"] for e in queue_entries(out, "vi")}
            body.send_keys(key)
            _wait(driver, lambda d, current=current: current not in {e["key"] for e in queue_entries(out, "vi")})
            assert load_log(out)[-1].key == current and load_log(out)[-1].action == action
            decided.add(current)
        # The two decided entries left; a decision re-runs the checks, which may settle others
        # (a code confirmed makes its sum vouch for its siblings' values): the page shows the queue
        # the folder now holds.
        left = {e["key"] for e in queue_entries(out, "vi")}
        assert not decided & left and len(left) <= len(keys) - 2
        _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#queue li")) == len(left))

    log = load_log(out)
    assert [line.action for line in log] == ["corrected", "confirmed", "dismissed"]
    assert {line.source for line in log} == {"page"}
    data = _json(out, "planted.pdf.json")
    assert _log(data)[0] == (entries[planted]["key"].split("#")[1], "self_points", 9, 1)
    # The server closed: the review files were written again without the decided entries.
    assert entries[planted]["key"] not in _sheet_keys(out)

    # The same correction typed into review.xlsx and applied: the same corrections log.
    book = openpyxl.load_workbook(sheet_copy / REVIEW_XLSX)
    sheet = book.worksheets[0]
    col = {name: i for i, name in enumerate(REVIEW_COLUMNS)}
    for cells in sheet.iter_rows(min_row=2):
        if cells[col["key"]].value == entries[planted]["key"]:
            cells[col["corrected_value"]].value = "1"
    book.save(sheet_copy / REVIEW_XLSX)
    report = apply_review(sheet_copy / REVIEW_XLSX, sheet_copy)
    assert report.applied == 1 and not report.problems
    assert _log(_json(sheet_copy, "planted.pdf.json")) == _log(data)[:1]
    by_sheet = load_log(sheet_copy)[0]
    assert (by_sheet.key, by_sheet.action, by_sheet.old, by_sheet.new) == (log[0].key, log[0].action, 9, 1)
    assert (sheet_copy / CORRECTIONS_LOG).is_file() and (out / CORRECTIONS_LOG).is_file()


@pytest.mark.needs_libreoffice
def test_guards_of_the_page(out):
    desk = new_desk(out, DeskSettings(open_browser=False))
    desk.port = 8123
    client = create_app(desk, queue_entries, apply_page_decisions).test_client()
    host = {"Host": "127.0.0.1:8123"}
    token = {"X-CCHC-Token": desk.token}
    # No token, a wrong token: refused. The opened URL sets the cookie and takes the token away.
    assert client.get("/", headers=host).status_code == 403
    assert client.get("/api/queue", headers={**host, "X-CCHC-Token": "x" * 43}).status_code == 403
    opened = client.get(f"/?token={desk.token}", headers=host)
    assert opened.status_code == 303 and opened.headers["Location"] == "/"
    cookie = opened.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = client.get("/", headers=host)
    assert page.status_code == 200 and "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["Referrer-Policy"] == "no-referrer"
    # DNS rebinding: a page of another name that resolves to 127.0.0.1 sends its own Host.
    assert client.get("/api/queue", headers={"Host": "attacker.example:8123", **token}).status_code == 403
    assert client.get("/api/queue", headers={"Host": "localhost:8123", **token}).status_code == 200
    # Writes: the cookie alone is not enough (a cross-site form sends it); nor a foreign Origin.
    entry = queue_entries(out, "vi")[0]
    decision = {"decisions": [{"key": entry["key"], "code": entry["code"], "status": "correct", "value": "1"}]}
    before = {p.name: p.read_bytes() for p in out.glob("*.json")}
    assert client.post("/api/decisions", json=decision, headers=host).status_code == 403
    foreign = {**host, **token, "Origin": "http://attacker.example"}
    assert client.post("/api/decisions", json=decision, headers=foreign).status_code == 403
    assert client.post("/api/decisions", json={"decisions": "x"}, headers={**host, **token}).status_code == 400
    assert before == {p.name: p.read_bytes() for p in out.glob("*.json")}  # nothing written
    assert not (out / CORRECTIONS_LOG).exists()
    # Files: only the crops the manifest lists, whatever the path says.
    crop = next(e["crop"] for e in queue_entries(out, "vi") if e["crop"])
    assert client.get(f"/crop/{crop}", headers=host).status_code == 200
    (out / "review" / "crops" / "planted.pdf" / "extra.png").write_bytes(b"\x89PNG not ours")
    for path in ("review/crops/planted.pdf/extra.png", "review/crops/../summary.json", "summary.json", "../etc/passwd"):
        assert client.get(f"/crop/{path}", headers=host).status_code == 404, path
        assert crop_file(out, path) is None
    # A listed crop replaced by a link to a file outside: not served.
    (out / crop).unlink()
    (out / crop).symlink_to(out / "summary.json")
    assert client.get(f"/crop/{crop}", headers=host).status_code == 404


@pytest.mark.needs_libreoffice
@pytest.mark.needs_chromium
def test_a_page_of_another_origin_cannot_write(out, tmp_path):
    """A page on another port of the same machine posts to the desk (with the cookie the browser
    holds): the desk refuses it and the outputs stay as they were."""
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from selenium.webdriver.common.by import By

    before = {p.name: p.read_bytes() for p in out.glob("*.json")}
    entry = queue_entries(out, "vi")[0]
    with running(out) as desk, chromium() as driver:
        driver.get(desk.url)  # the browser now holds the desk's cookie
        _wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#queue li"))
        site = tmp_path / "site"
        site.mkdir()
        body = json.dumps({"decisions": [{"key": entry["key"], "status": "correct", "value": "0"}]})
        (site / "index.html").write_text(
            "<script>for (const type of ['application/json', 'text/plain']) {"
            f"fetch('http://127.0.0.1:{desk.port}/api/decisions', {{method: 'POST', credentials: 'include',"
            f" mode: 'no-cors', headers: {{'Content-Type': type}}, body: {json.dumps(body)}}})"
            ".then(() => document.title += 'sent ', () => document.title += 'failed ');}</script>",
            encoding="utf-8",
        )

        class Quiet(SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site), **kwargs)

            def log_message(self, *args):
                pass

        other = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
        threading.Thread(target=other.serve_forever, daemon=True).start()
        try:
            driver.get(f"http://127.0.0.1:{other.server_port}/index.html")
            _wait(driver, lambda d: d.title.count("sent") + d.title.count("failed") == 2)
        finally:
            other.shutdown()
            other.server_close()
    assert before == {p.name: p.read_bytes() for p in out.glob("*.json")}
    assert not (out / CORRECTIONS_LOG).exists()
