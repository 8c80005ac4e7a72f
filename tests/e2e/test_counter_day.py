"""End to end, as an official meets it: the real window on a real X server, a real provincial server behind
the fault proxy, the SANE test scanner, a real PDF.

This test owns the X server (Xvfb on a display it picks itself) and runs the scenario
(``tests/e2e/scenario_counter_day.py``) in a child pytest with ``QT_QPA_PLATFORM=xcb``, so the rest of the
suite keeps its offscreen platform and ``make test`` stays one command. Screenshots of every step land in
``tests/artifacts/e2e/``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.server.probe import stop_process

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = Path(__file__).with_name("scenario_counter_day.py")
ARTIFACTS = ROOT / "tests" / "artifacts" / "e2e"
SCENARIO_TIMEOUT_S = 240


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """A private X server; ``-displayfd`` lets Xvfb pick a free display number and tell us which."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (make test installs it)")
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten",
                                "tcp", "-noreset"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # blocks until the server is ready, empty if it died
        if not number.isdigit():
            raise RuntimeError(f"Xvfb did not start (exit status {process.poll()})")
        yield f":{number}"
    finally:
        stop_process(process)


def test_a_counter_day_end_to_end(xvfb_display, tmp_path):
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "PYTEST_"))}
    env.update({"DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
                "MOTCUA_E2E_TMP": str(tmp_path)})
    env.pop("WAYLAND_DISPLAY", None)
    # Its own session, so a hung scenario can be stopped together with the server and proxy it started.
    scenario = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=", str(SCENARIO)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        output, _ = scenario.communicate(timeout=SCENARIO_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(scenario.pid, signal.SIGKILL)
        output, _ = scenario.communicate()
        pytest.fail(f"the scenario did not finish in {SCENARIO_TIMEOUT_S} s:\n{output[-6000:]}")
    assert scenario.returncode == 0, output[-6000:]
    shots = sorted(p.name for p in ARTIFACTS.glob("*.png"))
    assert len(shots) >= 10, shots
