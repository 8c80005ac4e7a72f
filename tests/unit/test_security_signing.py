"""Ed25519 on catalogue updates and transfer files: forged, altered or unsigned files are refused."""

from __future__ import annotations

import json

import pytest

from app.catalogue import seed_catalogue_path
from app.security import signing
from app.security.signing import SignatureError


@pytest.fixture
def province():
    return signing.generate_private_key()


@pytest.fixture
def catalogue_file(tmp_path):
    path = tmp_path / "danh-muc.json"
    path.write_bytes(seed_catalogue_path().read_bytes())
    return path


def test_correctly_signed_catalogue_is_accepted_and_parsed(province, catalogue_file):
    sig = signing.sign_file(catalogue_file, province, signing.CATALOGUE)
    assert sig.name == "danh-muc.json.sig"
    trusted = [signing.public_key_text(province)]
    assert signing.verify_catalogue_file(catalogue_file, trusted) == catalogue_file.read_bytes()
    catalogue = signing.load_verified_catalogue(catalogue_file, trusted)
    assert catalogue.procedures


def test_unsigned_catalogue_is_refused(province, catalogue_file):
    with pytest.raises(SignatureError) as info:
        signing.verify_catalogue_file(catalogue_file, [signing.public_key_text(province)])
    assert "chưa được ký số" in info.value.message and "danh-muc.json.sig" in info.value.message


def test_altered_catalogue_is_refused(province, catalogue_file):
    signing.sign_file(catalogue_file, province, signing.CATALOGUE)
    data = catalogue_file.read_bytes()
    catalogue_file.write_bytes(data + b" ")  # one byte more: still valid JSON, no longer the signed file
    with pytest.raises(SignatureError) as info:
        signing.verify_catalogue_file(catalogue_file, [signing.public_key_text(province)])
    assert "đã bị sửa" in info.value.message


def test_forged_catalogue_signed_by_another_key_is_refused(province, catalogue_file):
    forger = signing.generate_private_key()
    signing.sign_file(catalogue_file, forger, signing.CATALOGUE)
    with pytest.raises(SignatureError) as info:
        signing.verify_catalogue_file(catalogue_file, [signing.public_key_text(province)])
    assert "không nằm trong danh sách tin cậy" in info.value.message
    # Relabelling the forged signature with the province's key id does not help either.
    sig = signing.signature_path(catalogue_file)
    doc = json.loads(sig.read_text())
    doc["key_id"] = signing.key_id(province.public_key())
    sig.write_text(json.dumps(doc))
    with pytest.raises(SignatureError) as info:
        signing.verify_catalogue_file(catalogue_file, [signing.public_key_text(province)])
    assert "đã bị sửa" in info.value.message


@pytest.mark.parametrize("content", [b"", b"not json", b'{"format": "motcua-signature/1", "alg": "Ed25519", '
                                     b'"purpose": "catalogue", "signature": "@@@"}', b"[]"])
def test_garbage_signature_file_is_refused(province, catalogue_file, content):
    signing.signature_path(catalogue_file).write_bytes(content)
    with pytest.raises(SignatureError):
        signing.verify_catalogue_file(catalogue_file, [signing.public_key_text(province)])


def test_no_trusted_key_or_a_broken_one_is_an_error(province, catalogue_file):
    signing.sign_file(catalogue_file, province, signing.CATALOGUE)
    with pytest.raises(SignatureError, match="Chưa cấu hình khoá công khai"):
        signing.verify_catalogue_file(catalogue_file, [])
    with pytest.raises(SignatureError, match="bị hỏng"):
        signing.verify_catalogue_file(catalogue_file, ["not-a-key"])


def test_envelope_round_trip_and_tampering(province, tmp_path):
    payload = json.dumps({"dossiers": ["000.00.06.H56-270304-1000"]}).encode()
    path = signing.write_envelope(tmp_path / "chuyen.motcua", payload, province, signing.TRANSFER)
    trusted = [signing.public_key_text(province)]
    assert signing.verify_transfer_file(path, trusted) == payload
    doc = json.loads(path.read_bytes())
    doc["payload"] = signing._b64(payload.replace(b"1000", b"1001"))
    path.write_text(json.dumps(doc))
    with pytest.raises(SignatureError, match="đã bị sửa"):
        signing.verify_transfer_file(path, trusted)


def test_a_genuine_transfer_file_is_not_a_catalogue(province, tmp_path):
    path = signing.write_envelope(tmp_path / "x.json", b"{}", province, signing.TRANSFER)
    trusted = [signing.public_key_text(province)]
    with pytest.raises(SignatureError, match="không phải loại tệp"):
        signing.verify_catalogue_file(path, trusted)
    # Even with the label changed, the purpose is inside the signed message.
    doc = json.loads(path.read_bytes())
    doc["purpose"] = signing.CATALOGUE
    path.write_text(json.dumps(doc))
    with pytest.raises(SignatureError, match="đã bị sửa"):
        signing.verify_catalogue_file(path, trusted)


def test_keys_round_trip_as_text(province):
    again = signing.private_key_from_text(signing.private_key_text(province))
    assert signing.public_key_text(again) == signing.public_key_text(province)
    assert len(signing.key_id(signing.public_key_text(province))) == 16


def test_missing_file_is_a_clear_error(province, tmp_path):
    with pytest.raises(SignatureError, match="Không tìm thấy"):
        signing.verify_catalogue_file(tmp_path / "none.json", [signing.public_key_text(province)])


def test_an_envelope_received_as_json_is_verified_in_memory(province):
    data = b'{"seq": 3}'
    doc = signing.make_envelope_doc(data, province, signing.CATALOGUE)
    trusted = [signing.public_key_text(province)]
    assert signing.verify_envelope(doc, trusted, signing.CATALOGUE, name="release") == data
    assert json.loads(signing.make_envelope(data, province, signing.CATALOGUE)) == doc
    with pytest.raises(SignatureError) as info:
        signing.verify_envelope({"procedures": []}, trusted, signing.CATALOGUE, name="release")
    assert "chưa được ký số" in info.value.message
    with pytest.raises(SignatureError):
        signing.verify_envelope(doc, trusted, signing.TRANSFER, name="release")
    with pytest.raises(SignatureError):
        signing.verify_envelope(doc, [signing.public_key_text(signing.generate_private_key())], signing.CATALOGUE,
                                name="release")
    with pytest.raises(SignatureError):
        signing.verify_envelope(doc, [], signing.CATALOGUE, name="release")
