"""``python -m sync.server``: the operator command line."""

from sync.server.cli import main

raise SystemExit(main())
