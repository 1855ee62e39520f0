#!/usr/bin/env bash
# Create .venv and install the project with every optional part and the test tools.
# Idempotent: a second run only checks that everything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
"$PY" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
  || { echo "setup: Python 3.11 is required (found $("$PY" --version 2>&1))" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
export PIP_DISABLE_PIP_VERSION_CHECK=1
# CPU torch first, so that sentence-transformers does not pull a multi-GB CUDA build.
.venv/bin/python -m pip install -q torch==2.13.0
.venv/bin/python -m pip install -q -e '.[st,llm,ui,eval,dev]'
# The browser tests drive Debian's Chromium (no browser downloads). Installing it needs root.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing chromium, chromium-driver and CJK fonts (browser tests)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  else
    echo "setup: note: chromium and chromium-driver are missing, so browser tests will be skipped;" \
         "install them with: sudo apt-get install chromium chromium-driver fonts-noto-cjk" >&2
  fi
fi
echo "setup: ready (.venv)"
