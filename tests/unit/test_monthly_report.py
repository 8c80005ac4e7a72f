"""Monthly report: the PDF carries the title and the hand-computed figures, renders, and the exports agree."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from app import cli
from app.errors import ValidationError
from app.reports.monthly import build_monthly, parse_month, render_monthly_pdf, write_csv, write_xlsx
from app.services import dossiers as svc
from app.services.satisfaction import record_rating
from tests.unit.test_dossiers import receive

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
needs_poppler = pytest.mark.skipif(not (shutil.which("pdftotext") and shutil.which("pdftoppm")),
                                   reason="poppler-utils not installed")


@pytest.fixture
def march(db, settings, frozen_now):
    """Four dossiers received Thursday 04/03/2027 (due Tuesday 09/03 09:15): early, on time, late, open.

    The early one is returned and rated 5, the late one returned and rated 4 (overdue, so not counted as
    satisfied): on time 2/3 = 66.7 %, satisfaction 1/2 = 50.0 %.
    """
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    codes = {name: receive(db, settings).code for name in ("early", "on_time", "late", "open")}
    for name, moment in (("early", datetime(2027, 3, 8, 10, 0)), ("on_time", datetime(2027, 3, 9, 9, 0)),
                         ("late", datetime(2027, 3, 9, 10, 0))):
        frozen_now.value = moment
        with db.session() as session:
            svc.mark_resolved(session, settings, codes[name])
    frozen_now.value = datetime(2027, 3, 10, 14, 0)
    with db.session() as session:
        for name, level in (("early", 5), ("late", 4)):
            svc.return_result(session, settings, codes[name], "Nguyễn Văn Đạt", signature_taken=True)
            record_rating(session, settings, codes[name], level)
    return codes


def test_parse_month():
    assert [d.isoformat() for d in parse_month("2027-03")] == ["2027-03-01", "2027-03-31"]
    assert [d.isoformat() for d in parse_month("12/2027")] == ["2027-12-01", "2027-12-31"]
    assert parse_month("2028-02")[1].day == 29
    for bad in ("2027-13", "march", ""):
        with pytest.raises(ValidationError):
            parse_month(bad)


@needs_poppler
def test_pdf_has_title_and_figures_and_renders(db, settings, march, tmp_path):
    with db.session() as session:
        report = build_monthly(session, settings, *parse_month("2027-03"))
    overall = report.overall.overall
    assert (overall.on_time.numerator, overall.on_time.denominator) == (2, 3)
    assert (overall.satisfaction.numerator, overall.satisfaction.denominator) == (1, 2)
    pdf = tmp_path / "report.pdf"
    render_monthly_pdf(report, pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "BÁO CÁO CHỈ SỐ CHẤT LƯỢNG PHỤC VỤ THÁNG 03/2027" in text
    assert "66,7 %" in text and "2/3" in text  # on time
    assert "50,0 %" in text and "1/2" in text  # satisfaction
    assert "Hồ sơ đã giải quyết theo tiến độ" in text and "Theo lĩnh vực" in text
    assert march["late"] in text  # the public late list
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(ARTIFACTS / "monthly_report")], check=True)
    assert (ARTIFACTS / "monthly_report.png").stat().st_size > 10_000


def test_csv_and_xlsx_exports_carry_the_codes(db, settings, march, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    with db.session() as session:
        report = build_monthly(session, settings, *parse_month("2027-03"))
    indicators, dossiers = write_csv(report, tmp_path / "chi-so.csv")
    assert dossiers.name == "chi-so-ho-so.csv"
    with indicators.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    on_time = next(r for r in rows if r["Nhóm"] == "Toàn đơn vị" and r["Mã chỉ số"] == "on_time")
    assert (on_time["Tử số"], on_time["Mẫu số"]) == ("2", "3")
    assert set(on_time["Mã hồ sơ ở mẫu số"].split()) == {march["early"], march["on_time"], march["late"]}
    with dossiers.open(encoding="utf-8-sig") as fh:
        lines = {r["Mã hồ sơ"]: r for r in csv.DictReader(fh)}
    assert set(lines) == set(march.values())
    assert lines[march["late"]]["Tiến độ"] == "Quá hạn" and lines[march["late"]]["Mức hài lòng"] == "4"
    assert "on_time:mau_so" in lines[march["late"]]["Thuộc chỉ số"]

    xlsx = tmp_path / "bao-cao.xlsx"
    write_xlsx(report, xlsx)
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["Chỉ số", "Hồ sơ", "Quá hạn"]
    assert [c.value for c in book["Quá hạn"]["A"]][1:] == [march["late"]]


def test_command_writes_all_files(db, settings, march, tmp_path, monkeypatch, capsys):
    pytest.importorskip("openpyxl")
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("app.commands.monthly_cmd",))
    out = tmp_path / "report.pdf"
    code = cli.main(["report-month", "--month", "2027-03", "-o", str(out), "--xlsx", str(tmp_path / "r.xlsx"),
                     "--csv", str(tmp_path / "r.csv")])
    assert code == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "r.xlsx").exists() and (tmp_path / "r-ho-so.csv").exists()
    assert "4 hồ sơ tiếp nhận" in capsys.readouterr().out
    assert cli.main(["report-month", "--month", "2027-13", "-o", str(out)]) == 2
