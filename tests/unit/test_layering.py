"""The dependency rule: app/ imports neither Qt, ui nor sync; sync/ imports neither Qt nor ui."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = {"app": {"PySide6", "ui", "sync", "shiboken6"}, "sync": {"PySide6", "ui", "shiboken6"}}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_layering_rule(package):
    offenders = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_top_levels(path) & FORBIDDEN[package]
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_rule_detects_a_violation(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6" in imported_top_levels(sample)


def test_headless_cli_does_not_load_qt():
    import subprocess
    import sys

    code = "import sys; from app import cli; cli.build_parser(); print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"
