"""Shared test options and fixtures, and the skip of tests whose external program is missing."""

import os

import pytest

from browser import chromium_problem
from extract.base import IngestError, IngestOptions
from extract.external import libreoffice_problem
from extract.ocr import check_tesseract


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden/*.json from the current pipeline output (refused when CI is set)",
    )


def pytest_configure(config):
    if config.getoption("--update-golden") and os.environ.get("CI"):
        raise pytest.UsageError(
            "--update-golden is refused on CI: goldens are regenerated and checked by hand, then committed"
        )
    for name, what in EXTERNAL_PROGRAMS.items():
        config.addinivalue_line("markers", f"{name}: {what[1]} (skipped, naming the package, where it cannot)")


def tesseract_problem() -> str | None:
    """None when Tesseract answers with the model the pipeline reads with, else the product's own
    one-line message naming the packages."""
    try:
        check_tesseract(IngestOptions().ocr_lang)
    except IngestError as exc:
        return str(exc)
    return None


# marker -> (probe returning None or the message naming the missing package, what the test needs).
# The probes are the product's: a test skips exactly where the product would report the program missing.
EXTERNAL_PROGRAMS = {
    "needs_libreoffice": (libreoffice_problem, "converts a document to PDF with LibreOffice Writer"),
    "needs_tesseract": (tesseract_problem, "OCRs with Tesseract and its Vietnamese model"),
    "needs_chromium": (chromium_problem, "drives a headless Chromium (chromium, chromium-driver, selenium)"),
}


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures, which may already run the program
def pytest_runtest_setup(item):
    for name, (probe, _) in EXTERNAL_PROGRAMS.items():
        if item.get_closest_marker(name) is None:
            continue
        problem = probe()
        if problem is None:
            continue
        if os.environ.get("CI"):  # CI installs every program (tools/install.sh): a skip there would hide a gap
            pytest.fail(f"{problem} (CI must run this test: see tools/install.sh)", pytrace=False)
        pytest.skip(problem)


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
