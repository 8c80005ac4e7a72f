"""Cold start to a usable main window, against a bare Qt start in the same run (subprocesses, offscreen)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench
ROOT = Path(__file__).resolve().parents[2]

APP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
def ready():
    visible = [w for w in app.topLevelWidgets() if w.isVisible() and w.windowTitle()]
    print("READY", len(visible), flush=True)
    app.quit()
QTimer.singleShot(0, ready)
from ui.main import run_gui
run_gui(data_dir=sys.argv[1])
"""

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1366, 768); w.show()
QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
app.exec()
"""


def time_to_ready(script: str, *args: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=env)
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - t0
            break
    else:
        raise AssertionError("the window never became ready")
    proc.wait(timeout=30)
    return elapsed


def test_startup_time(tmp_path):
    data = str(tmp_path / "data")
    first = time_to_ready(APP, data)  # creates and seeds the database
    app_runs = [time_to_ready(APP, data) for _ in range(5)]
    bare_runs = [time_to_ready(BARE) for _ in range(5)]
    app_ms, bare_ms = statistics.median(app_runs) * 1000, statistics.median(bare_runs) * 1000
    print(f"\nfirst start (creates and seeds the database): {first * 1000:.0f} ms")
    print(f"start to main window: median {app_ms:.0f} ms; bare Qt window: {bare_ms:.0f} ms; "
          f"ratio {app_ms / bare_ms:.2f}x; target <= 1500 ms")
