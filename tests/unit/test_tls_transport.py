"""TLS trust of the sync transport against a real HTTPS server on loopback with a throwaway CA."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import ipaddress
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.transport import Kind, Transport, spki_pin


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _issue(tmp: Path) -> tuple[Path, Path, Path, str]:
    """CA file, server certificate chain, server key, and the server key's SPKI pin."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name("Test Province CA")).issuer_name(_name("Test Province CA"))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_file, cert_file, key_file = tmp / "ca.pem", tmp / "server.pem", tmp / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    spki = key.public_key().public_bytes(serialization.Encoding.DER,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)
    return ca_file, cert_file, key_file, base64.b64encode(hashlib.sha256(spki).digest()).decode()


class _Hello(BaseHTTPRequestHandler):
    requests_seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.requests_seen.append(self.path)
        body = json.dumps({"protocol_versions": [1], "server_time": "2026-11-27T08:00:00",
                           "min_client_version": "0.1.0", "latest_client_version": "0.1.0"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def https_server(tmp_path):
    ca_file, cert_file, key_file, pin = _issue(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    seen: list[str] = []
    handler = type("Handler", (_Hello,), {"requests_seen": seen})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": f"https://127.0.0.1:{server.server_address[1]}", "ca_file": str(ca_file), "pin": pin,
               "cert": cert_file, "seen": seen}
    finally:
        server.shutdown()
        server.server_close()


def test_the_province_ca_file_makes_the_server_trusted(https_server):
    transport = Transport(https_server["url"], "token", ca_file=https_server["ca_file"])
    try:
        result = transport.probe()
    finally:
        transport.close()
    assert result.ok, result.detail
    assert https_server["seen"] == ["/v1/hello"]


def test_without_the_ca_file_the_certificate_is_refused(https_server):
    transport = Transport(https_server["url"], "token")
    try:
        result = transport.probe()
    finally:
        transport.close()
    assert result.kind is Kind.TLS
    assert "chứng thư số" in result.message
    assert transport.session.verify is True
    assert https_server["seen"] == []


def test_a_matching_pin_is_accepted(https_server):
    cert = x509.load_pem_x509_certificate(https_server["cert"].read_bytes())
    assert spki_pin(cert.public_bytes(serialization.Encoding.DER)) == https_server["pin"]
    other = base64.b64encode(b"\0" * 32).decode()
    transport = Transport(https_server["url"], "token", ca_file=https_server["ca_file"],
                          pins=[other, https_server["pin"]])
    try:
        assert transport.probe().ok
    finally:
        transport.close()


def test_a_wrong_pin_is_refused_before_anything_is_sent(https_server):
    wrong = base64.b64encode(hashlib.sha256(b"another key").digest()).decode()
    transport = Transport(https_server["url"], "secret-token", ca_file=https_server["ca_file"], pins=[wrong])
    try:
        result = transport.request("PUT", "/v1/dossiers/x", json_body={"id": "x"})
        again = transport.probe()
    finally:
        transport.close()
    assert result.kind is Kind.PIN_MISMATCH and again.kind is Kind.PIN_MISMATCH
    assert "khoá chứng thư số" in result.message
    assert https_server["seen"] == []  # the handshake happened; no request line ever reached the server


def test_the_engine_stops_on_a_pin_mismatch(https_server, tmp_path, monkeypatch):
    from app import paths
    from app.db import open_database
    from sync.engine import NEEDS_ATTENTION, SyncEngine

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(tmp_path / "client")
    db = open_database()
    try:
        engine = SyncEngine(db, https_server["url"], "token", ca_file=https_server["ca_file"],
                            pins=[base64.b64encode(b"\1" * 32).decode()])
        report = engine.run_once()
        engine.close()
    finally:
        db.close()
        paths.set_data_dir(None)
    assert report.state == NEEDS_ATTENTION
    assert any("khoá chứng thư số" in e for e in report.errors)
    assert https_server["seen"] == []


def test_no_code_path_turns_certificate_verification_off():
    root = Path(__file__).resolve().parents[2]
    offenders = [str(path.relative_to(root)) for folder in ("sync", "ui", "app") for path in (root / folder).rglob("*.py")
                 if "verify=False" in path.read_text(encoding="utf-8").replace(" ", "")
                 or "CERT_NONE" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_a_missing_ca_file_is_a_clear_configuration_message(https_server, tmp_path):
    transport = Transport(https_server["url"], "token", ca_file=str(tmp_path / "khong-co.pem"))
    try:
        result = transport.probe()
    finally:
        transport.close()
    assert result.kind is Kind.TLS and "khong-co.pem" in result.message
    assert https_server["seen"] == []


def test_pins_with_a_plain_http_address_send_nothing():
    transport = Transport("http://127.0.0.1:9", "token", pins=[base64.b64encode(b"\0" * 32).decode()])
    try:
        result = transport.probe()
    finally:
        transport.close()
    assert result.kind is Kind.PIN_MISMATCH and "https" in result.message
