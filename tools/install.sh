#!/usr/bin/env bash
# Installs everything cchc-extract needs on a fresh Debian/Ubuntu machine: Tesseract with its
# Vietnamese and orientation data, LibreOffice Writer (DOCX -> PDF in the tests, legacy .doc/.odt/.rtf
# conversion), Poppler and DejaVu fonts (system packages, only when missing), then the package with
# its test extras (pytest, ruff, mypy).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr)
langs="$(tesseract --list-langs 2>/dev/null || true)"
grep -qx vie <<<"$langs" || missing+=(tesseract-ocr-vie)
grep -qx osd <<<"$langs" || missing+=(tesseract-ocr-osd)
# Asked of dpkg, not of the `libreoffice` command: a LibreOffice with Calc only has the command but
# cannot convert a document (it exits 0 and writes nothing).
# chromium + chromium-driver: the review page's browser tests drive a headless Chromium.
for pkg in libreoffice-writer poppler-utils fonts-dejavu chromium chromium-driver; do
  dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  echo "installing system packages: ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test]'
