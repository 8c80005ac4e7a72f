"""``motcua calendar`` through the command line, against a throw-away data directory."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

from app import paths
from app.commands import calendar_cmd
from app.errors import UserError


def _fallback_main(argv: list[str]) -> int:
    # Mirrors app.cli.main for the calendar command alone, for when sibling command modules are missing.
    parser = argparse.ArgumentParser(prog="motcua")
    parser.add_argument("--data-dir")
    calendar_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return 2


def _main(argv: list[str]) -> int:
    try:
        from app import cli

        cli.build_parser()
    except ModuleNotFoundError:
        return _fallback_main(argv)
    return cli.main(argv)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    def _run(*args: str) -> tuple[int, list[str], str]:
        code = _main(["--data-dir", str(tmp_path), "calendar", *args])
        captured = capsys.readouterr()
        return code, captured.out.splitlines(), captured.err

    yield _run
    paths.set_data_dir(None)


def test_due_days_across_tet(run) -> None:
    code, out, _ = run("due", "--received", "2027-02-04 16:20", "--days", "3")
    assert code == 0
    assert out[0] == "2027-02-15 17:00"
    text = "\n".join(out[1:])
    assert "29 Tết" in text and "Mùng năm Tết Nguyên Đán" in text


def test_due_hours_and_same_day(run) -> None:
    code, out, _ = run("due", "--received", "2027-03-04 16:20", "--hours", "2")
    assert (code, out[0]) == (0, "2027-03-05 08:20")
    code, out, _ = run("due", "--received", "05/03/2027 15:30", "--same-day")
    assert (code, out[0]) == (0, "2027-03-08 17:00")
    code, out, _ = run("due", "--received", "2027-03-05 14:00", "--same-day")
    assert (code, out[0]) == (0, "2027-03-05 17:00")


def test_due_honours_settings(run, tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"saturday_morning": True}), encoding="utf-8")
    code, out, _ = run("due", "--received", "2027-03-05 15:30", "--same-day")
    assert (code, out[0]) == (0, "2027-03-06 11:30")


def test_set_day_changes_due_and_holidays_lists_it(run) -> None:
    code, out, _ = run("set-day", "2027-02-11", "--off", "--note", "Nghỉ thêm theo quyết định của tỉnh")
    assert code == 0
    assert "ngày nghỉ" in out[0]
    code, out, _ = run("set-day", "13/02/2027", "--work")
    assert code == 0
    # Thu 11/2 off now; Fri 12/2, Sat 13/2 (swapped, full day), Mon 15/2 -> Mon 17:00.
    code, out, _ = run("due", "--received", "2027-02-04 16:20", "--days", "3")
    assert out[0] == "2027-02-15 17:00"
    assert "Nghỉ thêm theo quyết định của tỉnh" in "\n".join(out)
    # Without the swapped Saturday the third day moves to Tuesday.
    code, out, _ = run("remove-day", "2027-02-13")
    assert code == 0
    code, out, _ = run("due", "--received", "2027-02-04 16:20", "--days", "3")
    assert out[0] == "2027-02-16 17:00"

    code, out, _ = run("holidays", "--year", "2027")
    assert code == 0
    lines = {line.split()[0]: line for line in out if line[:4] == "2027"}
    assert "Tết Dương lịch" in lines["2027-01-01"]
    assert "Mùng ba Tết Nguyên Đán" in lines["2027-02-08"]
    assert "Nghỉ thêm theo quyết định của tỉnh" in lines["2027-02-11"]
    assert "2027-02-13" not in lines
    assert "Quốc khánh" in lines["2027-09-02"]


def test_holidays_shows_swapped_working_days(run) -> None:
    run("set-day", "2027-03-06", "--work", "--note", "Làm bù cho ngày 11/02")
    code, out, _ = run("holidays", "--year", "2027")
    line = next(line for line in out if line.startswith("2027-03-06"))
    assert "làm bù" in line


def test_version_printed_and_changes(run) -> None:
    _, before, _ = run("due", "--received", "2027-03-04 16:20", "--days", "1")
    run("set-day", "2027-03-05", "--off")
    _, after, _ = run("due", "--received", "2027-03-04 16:20", "--days", "1")
    assert before[-1].startswith("Phiên bản lịch:") and after[-1].startswith("Phiên bản lịch:")
    assert before[-1] != after[-1]


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--received", "2027-02-30 10:00", "--days", "1"),
        ("due", "--received", "2027-02-04 25:00", "--days", "1"),
        ("due", "--received", "2027-02-04 10:00", "--days", "-1"),
        ("set-day", "2027-02-30", "--off"),
        ("remove-day", "2027-03-09"),
    ],
)
def test_user_errors_exit_2_with_vietnamese_message(run, args: tuple[str, ...]) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == []
    assert any(word in err for word in ("không tồn tại", "không được âm", "không có trong bảng"))
