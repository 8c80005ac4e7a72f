"""From an empty data folder to a printed form 01, with the command line only (a real subprocess)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def motcua(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "ui.launcher", "--data-dir", str(data_dir), *args]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_intake_then_form_01_from_the_cli(tmp_path):
    data = tmp_path / "data"
    done = motcua(data, "dossier", "receive", "--procedure", "1.004873", "--name", "Nguyễn Văn Đạt",
                  "--id-number", "001099012345", "--birth-date", "1999-08-15", "--sex", "Nam",
                  "--address", "Thôn Phước Hưng, xã Tân Lập", "--received", "2026-02-12 16:20")
    assert done.returncode == 0, done.stderr
    code = done.stdout.splitlines()[0]
    assert code == "000.00.06.H56-260212-1000"
    # Thursday 16:20 + 24 working hours, skipping the weekend and Tết (16–20/02/2026): Tuesday 24/02 16:20.
    assert "16:20 24/02/2026" in done.stdout

    listed = motcua(data, "dossier", "list", "nguyen van dat")
    assert code in listed.stdout

    pdf = tmp_path / "giay-tiep-nhan.pdf"
    printed = motcua(data, "forms", "render", code, "--form", "01", "-o", str(pdf))
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "Nguyễn Văn Đạt" in text
    assert code in text
    assert "24/02/2026" in text


def test_user_errors_exit_2_with_a_vietnamese_message(tmp_path):
    data = tmp_path / "data"
    missing = motcua(data, "forms", "render", "000.00.06.H56-270204-9999", "--form", "01", "-o",
                     str(tmp_path / "x.pdf"))
    assert missing.returncode == 2
    assert "Không tìm thấy hồ sơ" in missing.stderr
    bad_date = motcua(data, "calendar", "due", "--received", "2027-02-30 09:00", "--days", "1")
    assert bad_date.returncode == 2
    assert "không tồn tại" in bad_date.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_version_does_not_need_a_display(tmp_path):
    out = motcua(tmp_path, "--version")
    assert out.returncode == 0 and out.stdout.startswith("motcua ")
