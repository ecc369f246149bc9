#!/usr/bin/env bash
# Installs cchc-extract on a fresh Debian/Ubuntu machine, leaving the system's Python alone:
# - system packages, only those missing (apt-get, as root or through sudo): Tesseract with its
#   Vietnamese and orientation data, LibreOffice Writer (DOCX -> PDF in the tests, legacy
#   .doc/.odt/.rtf conversion), Poppler, DejaVu and Liberation fonts
#   (Liberation Serif: a Times-like face, the tests' scanned quarter numerals), Chromium and its driver (the review
#   page's browser tests), python3-venv (Debian's Python has no venv without it);
# - a virtual environment in .venv (PEP 668: Debian 12 and Ubuntu 24.04 refuse `pip install`
#   into the system Python) with the package and its test extras (pytest, ruff, mypy, selenium).
# Then: .venv/bin/cchc-extract ...   and   .venv/bin/python -m pytest
# VENV=path puts the environment elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${VENV:-.venv}"

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
langs="$(tesseract --list-langs 2>/dev/null || true)"
grep -qx vie <<<"$langs" || missing+=(tesseract-ocr-vie)
grep -qx osd <<<"$langs" || missing+=(tesseract-ocr-osd)
# The codes column of a scan is read with the English model (extract/ocr.py).
grep -qx eng <<<"$langs" || missing+=(tesseract-ocr-eng)
# Asked of dpkg, not of the `libreoffice` command: a LibreOffice with Calc only has the command but
# cannot convert a document (it exits 0 and writes nothing).
for pkg in libreoffice-writer poppler-utils fonts-dejavu fonts-liberation chromium chromium-driver; do
  dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed || missing+=("$pkg")
done
# A Python without ensurepip (Debian's, until python3-venv is installed) cannot make a venv.
if [ ! -x "$venv/bin/python" ] && ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing system packages: ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
echo "installed in $venv: run $venv/bin/cchc-extract, tests with $venv/bin/python -m pytest" >&2
