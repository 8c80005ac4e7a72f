# Two entry points for a fresh Debian machine (run as root): `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?= $(CURDIR)/.run-data

# Debian packages: zbar for QR decoding, Qt's xcb/EGL runtime, Xvfb for screenshots,
# poppler-utils for the PDF checks, fonts with full Vietnamese coverage, SANE (and its headers, to build
# the python-sane binding) for scanners.
DEB_PACKAGES := libzbar0 xvfb xauth poppler-utils sqlite3 fonts-noto-core fontconfig \
	libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 \
	libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-xinerama0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 \
	libsane1 libsane-dev sane-utils gcc python3-dev python3-venv

.PHONY: run test e2e lint bench translations system-deps venv clean dist dist-test

system-deps:
	@if command -v dpkg >/dev/null && ! dpkg -s $(DEB_PACKAGES) >/dev/null 2>&1; then \
		echo "Installing Debian packages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEB_PACKAGES); \
	fi

$(VENV)/.installed: pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

venv: system-deps $(VENV)/.installed

# The local demo stack: the reference provincial server on loopback plus the app, syncing with it.
# A root shell on a server has no OS keyring, so the demo runs unencrypted (the window says so).
run: venv
	MOTCUA_INSECURE_PLAINTEXT=1 $(PY) -m ui.local_stack --data-dir $(DATA_DIR)

lint: venv
	$(VENV)/bin/ruff check app ui sync tests

test: venv lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not bench and not dist"

# Only the end-to-end day at the counter (also part of `make test`); it starts its own Xvfb.
e2e: venv
	$(PY) -m pytest -q tests/e2e

bench: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -s -m bench tests/bench

# Refresh the English catalogue after UI strings change (Vietnamese is the source language).
translations: venv
	$(PY) -m tests.i18n_sources build/i18n/ui_wrapped.py
	$(VENV)/bin/pyside6-lupdate -extensions py -recursive ui build/i18n/ui_wrapped.py \
		-source-language vi_VN -target-language en_GB -no-obsolete -locations relative \
		-disable-heuristic sametext -disable-heuristic similartext -ts resources/i18n/ui_en.ts
	$(VENV)/bin/pyside6-lrelease resources/i18n/ui_en.ts -qm resources/i18n/ui_en.qm

dist: venv
	$(PY) -m pip install -q -e '.[dist]'
	$(VENV)/bin/pyinstaller build.spec --noconfirm --distpath dist --workpath build/pyinstaller

dist-test: dist
	MOTCUA_DIST=$(CURDIR)/dist/motcua $(PY) -m pytest -q -m dist tests/dist

clean:
	rm -rf $(VENV) .run-data build dist
