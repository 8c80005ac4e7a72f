"""Content-addressed attachment store: layout, durability order, dedupe, verification, cipher seam."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from app import imaging
from app.attachments import AttachmentStore, MediaKind
from app.errors import StorageError, ValidationError


def small_pdf(pages: int = 2) -> bytes:
    page = imaging.encode_page(imaging.process_page(Image.new("L", (400, 560), 255), 100))
    return imaging.build_pdf([page] * pages)


def test_put_writes_under_hash_fanout(data_dir):
    store = AttachmentStore()
    data = small_pdf(3)
    stored = store.put_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    assert stored.sha256 == digest
    assert stored.path == data_dir / "attachments" / digest[:2] / digest[2:]
    assert stored.path.read_bytes() == data
    assert (stored.size, stored.pages, stored.kind, stored.created) == (len(data), 3, MediaKind.PDF, True)
    assert not list(stored.path.parent.glob("*.tmp"))
    assert store.read(digest) == data


def test_same_content_is_stored_once(data_dir):
    store = AttachmentStore()
    data = small_pdf()
    first, second = store.put_bytes(data), store.put_bytes(data)
    assert first.path == second.path and not second.created
    assert list(store.all_hashes()) == [first.sha256]
    assert store.orphans({first.sha256}) == []
    assert store.orphans(set()) == [first.sha256]


def test_damaged_file_is_detected_and_rewritten(data_dir):
    store = AttachmentStore()
    data = small_pdf()
    stored = store.put_bytes(data)
    stored.path.write_bytes(data[:-10])
    with pytest.raises(StorageError) as err:
        store.read(stored.sha256)
    assert "bị hỏng" in err.value.message
    assert store.put_bytes(data).created  # a later put repairs it
    assert store.read(stored.sha256) == data


def test_images_and_rejections(data_dir):
    store = AttachmentStore()
    buf = io.BytesIO()
    Image.new("RGB", (20, 20), (200, 0, 0)).save(buf, "JPEG")
    photo = store.put_bytes(buf.getvalue())
    assert (photo.kind, photo.pages) == (MediaKind.JPEG, 1)
    with pytest.raises(ValidationError):
        store.put_bytes(b"not a document")
    with pytest.raises(ValidationError):
        store.put_bytes(b"%PDF-1.4\nbroken")


def test_missing_file_is_a_storage_error(data_dir):
    with pytest.raises(StorageError):
        AttachmentStore().read("0" * 64)


def test_cipher_seam_stores_ciphertext_but_hashes_plain(data_dir):
    class XorCipher:
        name = "xor-test"

        def encrypt(self, plain: bytes) -> bytes:
            return bytes(b ^ 0x5A for b in plain)

        def decrypt(self, stored: bytes) -> bytes:
            return bytes(b ^ 0x5A for b in stored)

    store = AttachmentStore(cipher=XorCipher())
    data = small_pdf()
    stored = store.put_bytes(data)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.path.read_bytes() != data
    assert store.read(stored.sha256) == data
    assert not store.put_bytes(data).created


def test_put_file_keeps_bytes_unchanged(data_dir, tmp_path):
    source = tmp_path / "signed.pdf"
    source.write_bytes(small_pdf(1))
    stored = AttachmentStore().put_file(source)
    assert stored.path.read_bytes() == source.read_bytes()
