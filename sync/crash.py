"""Named crash points for the subprocess crash tests: the engine dies there like ``kill -9`` would.

Inactive unless ``MOTCUA_CRASH_AT`` is set, e.g. ``MOTCUA_CRASH_AT=after_put_before_ack`` or
``mid_upload:3`` (the third time the point is reached). ``os._exit`` skips every ``finally``, atexit hook and
buffer flush, so what survives is exactly what a power cut or a killed process would leave: committed
transactions and fsynced files, nothing else.
"""

from __future__ import annotations

import os
from collections import Counter

CRASH_ENV = "MOTCUA_CRASH_AT"
CRASH_EXIT_CODE = 137  # what a shell reports for a process killed by SIGKILL

AFTER_PUT_BEFORE_ACK = "after_put_before_ack"  # the server stored the dossier; the outbox row is still there
MID_UPLOAD = "mid_upload"  # the server accepted a chunk; more of the file is still to send
AFTER_UPLOAD_BEFORE_ACK = "after_upload_before_ack"  # the server verified the whole file; not recorded locally
AFTER_PULL_BEFORE_COMMIT = "after_pull_before_commit"  # a page of changes applied and flushed, not committed
POINTS = (AFTER_PUT_BEFORE_ACK, MID_UPLOAD, AFTER_UPLOAD_BEFORE_ACK, AFTER_PULL_BEFORE_COMMIT)

_hits: Counter[str] = Counter()


def crash_point(name: str) -> None:
    wanted = os.environ.get(CRASH_ENV)
    if not wanted:
        return
    point, _, nth = wanted.partition(":")
    if point != name:
        return
    _hits[name] += 1
    if _hits[name] >= (int(nth) if nth.isdigit() else 1):
        os._exit(CRASH_EXIT_CODE)
