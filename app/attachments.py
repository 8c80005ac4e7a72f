"""Content-addressed store for scanned documents and imported files.

A file lives at ``<data dir>/attachments/ab/cdef…`` where ``abcdef…`` is the SHA-256 of its plain content.
:meth:`AttachmentStore.put_bytes` writes it durably (temporary file, fsync, rename, fsync of the folders)
and returns only then: the caller records size and hash in the dossier transaction afterwards, so a power
cut can leave an unreferenced file (harmless, see :meth:`AttachmentStore.orphans`) but never a database row
pointing at a missing or torn file. Storing the same content twice is a no-op.

Encryption at rest plugs in through :class:`Cipher`; the hash is always of the plain content, so it stays
the identity used by sync (the server checks the same SHA-256) whatever the local cipher.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from app import paths
from app.errors import StorageError, ValidationError
from app.fsutil import atomic_write_bytes, fsync_dir, storage_error
from app.i18n import tr

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class Cipher(Protocol):
    """Encrypts stored bytes. ``name`` is recorded so a later key or algorithm change can be migrated."""

    name: str

    def encrypt(self, plain: bytes) -> bytes: ...

    def decrypt(self, stored: bytes) -> bytes: ...


class IdentityCipher:
    """No encryption (the default until keys are managed by the security module)."""

    name = "identity"

    def encrypt(self, plain: bytes) -> bytes:
        return plain

    def decrypt(self, stored: bytes) -> bytes:
        return stored


class MediaKind(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    TIFF = "tiff"


_MAGIC: tuple[tuple[bytes, MediaKind], ...] = (
    (b"%PDF-", MediaKind.PDF),
    (b"\xff\xd8\xff", MediaKind.JPEG),
    (b"\x89PNG\r\n\x1a\n", MediaKind.PNG),
    (b"II*\x00", MediaKind.TIFF),
    (b"MM\x00*", MediaKind.TIFF),
)


def sniff_kind(data: bytes) -> MediaKind:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    raise ValidationError(tr("Tệp không phải PDF hoặc ảnh (JPEG, PNG, TIFF) nên không lưu được vào hồ sơ."))


def count_pages(data: bytes, kind: MediaKind) -> int:
    """Pages of a PDF (read with pdfium, which also proves the file opens) or frames of an image."""
    if kind is MediaKind.PDF:
        import pypdfium2 as pdfium  # heavy native module: load only when a PDF is stored

        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise ValidationError(
                tr("Tệp PDF bị hỏng hoặc có mật khẩu, không mở được."), detail=repr(exc)
            ) from exc
        try:
            return len(document)
        finally:
            document.close()
    if kind is MediaKind.TIFF:
        import io

        from PIL import Image

        with Image.open(io.BytesIO(data)) as img:
            return getattr(img, "n_frames", 1)
    return 1


@dataclass(frozen=True)
class StoredAttachment:
    sha256: str
    size: int  # bytes of the plain content
    pages: int
    kind: MediaKind
    path: Path
    created: bool  # False when identical content was already stored


class AttachmentStore:
    def __init__(self, root: Path | None = None, cipher: Cipher | None = None) -> None:
        self._root = root
        self.cipher: Cipher = cipher or IdentityCipher()

    @property
    def root(self) -> Path:
        # Resolved lazily so a test or the CLI can change the data directory first.
        return self._root if self._root is not None else paths.data_dir() / "attachments"

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def _ensure_dir(self, directory: Path) -> None:
        """Create the fan-out folder and make its own directory entry durable."""
        if directory.is_dir():
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            fsync_dir(directory.parent)
        except OSError as exc:
            raise storage_error(exc, directory) from exc

    def put_bytes(self, data: bytes, *, pages: int | None = None) -> StoredAttachment:
        """Store ``data`` durably and return its identity. Returns only after the file is on disk."""
        kind = sniff_kind(data)
        page_count = pages if pages is not None else count_pages(data, kind)
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if target.exists() and self._matches(target, digest):
            return StoredAttachment(digest, len(data), page_count, kind, target, created=False)
        self._ensure_dir(target.parent)
        atomic_write_bytes(target, self.cipher.encrypt(data))  # temp + fsync + rename + fsync dir
        return StoredAttachment(digest, len(data), page_count, kind, target, created=True)

    def put_file(self, source: Path, *, pages: int | None = None) -> StoredAttachment:
        """Copy a file (an imported PDF or photo) into the store unchanged, keeping any signature intact."""
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise StorageError(
                tr("Không đọc được tệp {path}: {error}", path=source, error=exc.strerror or exc), detail=repr(exc)
            ) from exc
        return self.put_bytes(data, pages=pages)

    def _matches(self, path: Path, digest: str) -> bool:
        try:
            return hashlib.sha256(self.cipher.decrypt(path.read_bytes())).hexdigest() == digest
        except Exception:  # unreadable or undecryptable: rewrite it
            return False

    def read(self, sha256: str) -> bytes:
        """The plain content, verified against its hash (a damaged file is an error, not wrong data)."""
        path = self.path_for(sha256)
        try:
            data = self.cipher.decrypt(path.read_bytes())
        except FileNotFoundError as exc:
            raise StorageError(
                tr("Không tìm thấy tệp đính kèm {sha} trong kho lưu trữ.", sha=sha256[:12]), detail=str(path)
            ) from exc
        except OSError as exc:
            raise storage_error(exc, path) from exc
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StorageError(
                tr("Tệp đính kèm {sha} bị hỏng (mã băm không khớp). Hãy quét hoặc nhập lại tài liệu.", sha=sha256[:12]),
                detail=str(path),
            )
        return data

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def all_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder.is_dir() and len(folder.name) == 2:
                for item in sorted(folder.iterdir()):
                    name = folder.name + item.name
                    if _SHA256.match(name):
                        yield name

    def orphans(self, referenced: set[str]) -> list[str]:
        """Stored hashes no database row refers to (left by a crash between write and commit)."""
        return [h for h in self.all_hashes() if h not in referenced]
