"""Shared test options and fixtures."""

import os

import pytest


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden/*.json from the current pipeline output (refused when CI is set)")


def pytest_configure(config):
    if config.getoption("--update-golden") and os.environ.get("CI"):
        raise pytest.UsageError("--update-golden is refused on CI: goldens are regenerated and checked by hand, "
                                "then committed")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
