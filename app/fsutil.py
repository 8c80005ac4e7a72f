"""Atomic file writes: a power cut leaves either the old file or the new one, never a torn one."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from app.errors import StorageError
from app.i18n import tr


def fsync_dir(directory: Path) -> None:
    """Make a directory's entries (a new or renamed file) durable."""
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def storage_error(exc: OSError, path: Path) -> StorageError:
    """Translate an OS error into a message an official can act on."""
    if exc.errno == errno.ENOSPC:
        msg = tr("Ổ đĩa đã đầy, không ghi được {path}. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đang nhập vẫn được giữ.", path=path)
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        msg = tr("Không có quyền ghi vào {path} (ổ đĩa chỉ đọc hoặc bị khoá). Dữ liệu đang nhập vẫn được giữ.", path=path)
    else:
        msg = tr("Không ghi được tệp {path}: {error}", path=path, error=exc.strerror or exc)
    return StorageError(msg, detail=repr(exc))


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file (readable and seekable, as zipfile wants) that becomes ``path`` only if the block ends
    normally: written to a temporary file beside it, fsynced, renamed, and the folder fsynced. Anything raised
    inside leaves the old ``path`` untouched and no temporary file behind; OS errors become a StorageError."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise storage_error(exc, path) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w+b") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise storage_error(exc, path) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file, fsync and rename."""
    with atomic_output(path) as fh:
        fh.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
