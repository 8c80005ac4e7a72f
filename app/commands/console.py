"""Output helpers shared by the commands."""

from __future__ import annotations

import argparse
import sys


def write(text: str) -> None:
    """Print ``text`` as is; a Windows console in a legacy code page cannot encode every Vietnamese letter,
    so fall back to raw UTF-8 rather than stop half-way through an export."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def write_line(text: str) -> None:
    write(text + "\n")


def show_help(parser: argparse.ArgumentParser) -> int:
    """A command group called without its sub-command: show what it offers."""
    parser.print_help()
    return 1
