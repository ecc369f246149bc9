"""A "trong đó" list whose parts fall short of its total is not the commune's fault (the list may
name only some parts: the check is ``skipped``), yet a part may be missing from it: the count goes
to the review queue with the reason, ranked lowest (no check failed). Own wording in the style of
six-month reports, fictional figures."""

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.review.model import SEVERITIES, classify
from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts
from schemas.records import ExtractionResult


def reconciled(sentence: str, s: ReconcileSettings = ReconcileSettings()) -> ExtractionResult:
    doc = IngestedDocument(path="x", format="txt", pages=[Page(1, [Line(text=sentence, page=1, number=1)])])
    result = ExtractionResult(counts=find_counts(doc))
    reconcile(result, s)
    return result


SHORT = (
    "UBND xã tiếp nhận 30 phản ánh, kiến nghị của người dân, trong số đó có 25 phản ánh đã được xử lý xong, "
    "0 phản ánh đang xem xét."
)


def test_short_list_is_skipped_and_queued_low():
    result = reconciled(SHORT)
    [check] = [c for c in result.checks if c.kind == "count_parts"]
    assert check.status == "skipped"  # never the commune's fault
    [item] = [r for r in result.review if r.item == "/counts/0"]
    assert item.field == "total" and item.value == 30
    assert "25 + 0 = 25" in (item.reason or "") and "only some of the parts" in (item.reason or "")
    # the queue ranks it last: no failed check stands behind it
    data = {"checks": [c.__dict__ for c in result.checks], "review": [item.__dict__]}
    reason = classify(item.__dict__, {}, data)
    assert reason.severity == SEVERITIES[-1]
    assert reason.text("vi") == (
        "số liệu trong văn bản: tổng 30, các phần cộng lại 25; danh sách có thể chỉ nêu một số phần"
    )
    assert reason.text("en") == item.reason


def test_setting_keeps_it_out():
    result = reconciled(SHORT, ReconcileSettings(queue_short_parts=False))
    assert not [r for r in result.review if r.item == "/counts/0"]


def test_whole_and_faulty_lists_unchanged():
    ok = reconciled("Số hồ sơ đang giải quyết gồm 45 hồ sơ, có 38 hồ sơ chưa đến hạn và 7 hồ sơ đã quá hạn.")
    assert [c.status for c in ok.checks if c.kind == "count_parts"] == ["ok"] and not ok.review
    bad = reconciled("Trong số 126 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 119 hồ sơ và có 6 hồ sơ đã quá hạn.")
    assert [c.status for c in bad.checks if c.kind == "count_parts"] == ["mismatch"]
