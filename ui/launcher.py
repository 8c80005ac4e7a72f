"""The ``motcua`` entry point: headless commands go to the CLI, no command opens the window.

This is the composition root, so it lives in ``ui/`` (which may import everything); the headless path
never imports Qt.
"""

from __future__ import annotations

import argparse
import sys

from app import cli


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    known, rest = pre.parse_known_args(argv)
    if rest:  # a command, --help or --version
        return cli.main(argv)
    from ui.main import run_gui

    return run_gui(data_dir=known.data_dir)


if __name__ == "__main__":
    sys.exit(main())
