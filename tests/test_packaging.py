"""The package metadata: every package folder is installed (a non-editable install of a subpackage
left out fails at import), the page and the catalogues ship as package data, and the metadata a
package index shows is there."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the metadata is the same on 3.10

ROOT = Path(__file__).resolve().parent.parent


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_folder_is_listed():
    listed = set(_project()["tool"]["setuptools"]["packages"])
    found = {
        init.parent.relative_to(ROOT).as_posix().replace("/", ".")
        for top in ("cchc_extract", "extract", "normalize", "schemas")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert found <= listed, found - listed


def test_page_and_catalogues_are_package_data():
    patterns = _project()["tool"]["setuptools"]["package-data"]["cchc_extract"]
    package = ROOT / "cchc_extract"
    shipped = {p.relative_to(package) for pattern in patterns for p in package.glob(pattern)}
    for needed in ("desk_page/desk.html", "desk_page/static/desk.js", "locale/vi/LC_MESSAGES/cchc_extract.po"):
        assert Path(needed) in shipped, needed


def test_metadata():
    project = _project()["project"]
    assert project["license"] and project["authors"] and len(project["classifiers"]) > 5
    assert (ROOT / "LICENSE").is_file()
    assert {"flask", "babel"} <= {d.split(">")[0].split("=")[0].strip() for d in project["dependencies"]}
