"""HTTP to the provincial system: one ``requests.Session``, explicit timeouts, typed outcomes.

Nothing here retries: urllib3's Retry would not retry PUT/PATCH safely anyway, and the engine owns retries
(with idempotency keys and backoff). Every reply, or the lack of one, becomes a :class:`Result` whose
``kind`` the engine branches on, never the text of an exception. Messages are for the official, in Vietnamese.

Certificates are always verified, against the system store or, when configured, the province's own CA
bundle. Pins (base64 SHA-256 of the server certificate's SubjectPublicKeyInfo) are checked on every new
connection right after the handshake, before a single byte of the request is written: a mismatch closes the
socket, so neither the token nor a dossier ever reaches an impostor holding a certificate some other CA
issued.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from app.i18n import tr
from sync.backoff import parse_retry_after
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, SUPPORTED_VERSIONS

if TYPE_CHECKING:  # requests loads on the first request, not when the app starts
    import requests

DEFAULT_TIMEOUTS = (5.0, 30.0)  # (connect, read): a commune link connects slowly but must not hang for ever
USER_AGENT = "motcua-sync/1"
# Below this a gzip header and trailer (~20 bytes) are not worth it; a dossier body is several KB of
# repetitive JSON and shrinks to about a quarter, which on a 2G line is seconds per dossier.
GZIP_MIN_BYTES = 512


class Kind(StrEnum):
    OK = "ok"
    OFFLINE = "offline"  # could not connect: refused, timed out connecting, DNS
    INTERRUPTED = "interrupted"  # connected, then the link died or went silent: the server may have acted
    SERVER_ERROR = "server_error"  # 5xx
    THROTTLED = "throttled"  # 429
    AUTH = "auth"  # 401/403: stop, ask for a new login, keep the queue
    CAPTIVE_PORTAL = "captive_portal"  # a 2xx HTML page (hotel/hotspot login) instead of our JSON
    REDIRECT_ELSEWHERE = "redirect_elsewhere"  # 3xx: never followed
    BAD_PAYLOAD = "bad_payload"  # JSON expected, garbage or truncated received
    CLIENT_ERROR = "client_error"  # other 4xx
    TLS = "tls"  # the server's certificate could not be verified (unknown CA, expired, wrong name)
    PIN_MISMATCH = "pin_mismatch"  # a valid certificate, but not the key the province pinned


TRANSIENT = frozenset({Kind.OFFLINE, Kind.INTERRUPTED, Kind.SERVER_ERROR, Kind.THROTTLED, Kind.BAD_PAYLOAD})


@dataclass
class Result:
    kind: Kind
    status: int | None = None
    data: Any = None
    headers: dict[str, str] | None = None
    retry_after: float | None = None  # seconds, from Retry-After
    server_date: datetime | None = None  # UTC, from the Date header
    message: str = ""  # for the official (Vietnamese)
    detail: str = ""  # for "copy details"

    @property
    def ok(self) -> bool:
        return self.kind is Kind.OK

    def header(self, name: str) -> str | None:
        if not self.headers:
            return None
        return self.headers.get(name.lower())


def message_for(kind: Kind, status: int | None = None) -> str:
    """Plain Vietnamese for each outcome; ``status`` only where it helps a technician on the phone."""
    messages = {
        Kind.OK: "",
        Kind.OFFLINE: tr("Không kết nối được tới hệ thống của tỉnh (mất mạng hoặc máy chủ không phản hồi). "
                         "Dữ liệu vẫn được lưu trên máy và sẽ tự gửi khi có mạng."),
        Kind.INTERRUPTED: tr("Kết nối bị ngắt giữa chừng. Ứng dụng sẽ tự gửi lại, không tạo bản trùng."),
        Kind.SERVER_ERROR: tr("Hệ thống của tỉnh đang gặp sự cố (mã {status}). Ứng dụng sẽ tự thử lại sau.",
                              status=status),
        Kind.THROTTLED: tr("Hệ thống của tỉnh đang quá tải và yêu cầu gửi chậm lại. Ứng dụng sẽ tự thử lại sau."),
        Kind.AUTH: tr("Phiên đăng nhập với hệ thống của tỉnh đã hết hạn hoặc không hợp lệ. "
                      "Hãy đăng nhập lại; các hồ sơ chờ gửi vẫn được giữ nguyên."),
        Kind.CAPTIVE_PORTAL: tr("Mạng đang yêu cầu đăng nhập (trang đăng nhập Wi-Fi hoặc nhà mạng) "
                                "nên chưa tới được hệ thống của tỉnh. Hãy mở trình duyệt để đăng nhập mạng."),
        Kind.REDIRECT_ELSEWHERE: tr("Địa chỉ máy chủ chuyển hướng sang nơi khác. Ứng dụng không gửi dữ liệu "
                                    "tới đó; hãy kiểm tra địa chỉ máy chủ trong phần cài đặt."),
        Kind.BAD_PAYLOAD: tr("Phản hồi từ hệ thống của tỉnh bị lỗi hoặc không đầy đủ. Ứng dụng sẽ tự thử lại."),
        Kind.CLIENT_ERROR: tr("Hệ thống của tỉnh từ chối yêu cầu (mã {status}). Hãy báo cho bộ phận kỹ thuật.",
                              status=status),
        Kind.TLS: tr("Không xác minh được chứng thư số của máy chủ tỉnh (chứng thư không do nơi tin cậy cấp, "
                     "đã hết hạn hoặc sai tên máy chủ). Ứng dụng không gửi dữ liệu; hãy báo cho bộ phận kỹ thuật."),
        Kind.PIN_MISMATCH: tr("Máy chủ trả lời không phải máy chủ của tỉnh đã được cài đặt (khoá chứng thư số "
                              "không khớp). Ứng dụng đã ngắt kết nối và không gửi dữ liệu; hãy báo ngay cho bộ "
                              "phận kỹ thuật."),
    }
    return messages[kind]


def _server_date(response: requests.Response) -> datetime | None:
    raw = response.headers.get("Date")
    if not raw:
        return None
    try:
        value = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _is_json(response: requests.Response) -> bool:
    ctype = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    return ctype == "application/json" or ctype.endswith("+json")


class Transport:
    """Talks to one server. ``session`` may be injected (tests, or a session shared with tus uploads)."""

    def __init__(self, base_url: str, token: str | None = None, *, session: requests.Session | None = None,
                 timeouts: tuple[float, float] = DEFAULT_TIMEOUTS, ca_file: str = "",
                 pins: Sequence[str] = ()) -> None:
        """``ca_file``: a PEM bundle trusted instead of the system store; ``pins``: see :func:`spki_pin`."""
        self.base_url = base_url.rstrip("/") + "/"
        self.timeouts = timeouts
        if session is None:
            import requests

            session = requests.Session()
        self.session = session
        # A proxy from the environment would silently route a commune's data elsewhere; be explicit.
        self.session.trust_env = False
        # Never False: with trust_env off, requests would otherwise still honour REQUESTS_CA_BUNDLE & co.
        self.session.verify = ca_file.strip() or True
        self.pins = frozenset(p.strip() for p in pins if p.strip())
        if self.pins:
            self.session.mount("https://", pinned_adapter(self.pins))
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path.lstrip("/"))

    def close(self) -> None:
        self.session.close()

    def request(self, method: str, path: str, *, json_body: Any = None, headers: dict[str, str] | None = None,
                params: dict[str, Any] | None = None, expect_json: bool = True,
                timeouts: tuple[float, float] | None = None, compress: bool = False) -> Result:
        """One request. ``compress`` gzips a JSON body (the server accepts ``Content-Encoding: gzip``)."""
        url = self.url(path)
        if self.pins and urlsplit(url).scheme != "https":
            # Pins configured for a plain-http address would protect nothing: refuse rather than pretend.
            return Result(Kind.PIN_MISMATCH, message=tr(
                "Đã cài đặt khoá chứng thư số của máy chủ tỉnh nhưng địa chỉ máy chủ không dùng https. Ứng dụng "
                "không gửi dữ liệu; hãy sửa địa chỉ máy chủ trong cài đặt."), detail=f"pins set for {url}")
        body = None
        send_headers = dict(headers or {})
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            send_headers["Content-Type"] = "application/json; charset=utf-8"
            if compress and len(body) >= GZIP_MIN_BYTES:
                # mtime=0: the same body always compresses to the same bytes, which keeps retries comparable.
                body = gzip.compress(body, compresslevel=6, mtime=0)
                send_headers["Content-Encoding"] = "gzip"
        import requests

        try:
            response = self.session.request(method, url, data=body, headers=send_headers, params=params,
                                            timeout=timeouts or self.timeouts, allow_redirects=False)
        except requests.exceptions.SSLError as exc:
            return tls_failure(exc)
        except (requests.exceptions.ConnectTimeout, requests.exceptions.ProxyError) as exc:
            return Result(Kind.OFFLINE, message=message_for(Kind.OFFLINE), detail=repr(exc))
        except requests.exceptions.ConnectionError as exc:
            # requests folds "refused before sending" and "reset after sending" into one class; the engine
            # must treat both as "maybe delivered", so only the official-facing wording differs.
            kind = Kind.OFFLINE if _before_sending(exc) else Kind.INTERRUPTED
            return Result(kind, message=message_for(kind), detail=repr(exc))
        except (requests.exceptions.Timeout, requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            return Result(Kind.INTERRUPTED, message=message_for(Kind.INTERRUPTED), detail=repr(exc))
        except requests.exceptions.RequestException as exc:
            return Result(Kind.INTERRUPTED, message=message_for(Kind.INTERRUPTED), detail=repr(exc))
        except OSError as exc:
            # requests checks the CA bundle path only when it opens an HTTPS connection, and says so with a
            # bare OSError: a misconfigured workstation, not a line problem.
            if not isinstance(self.session.verify, str):
                raise
            return Result(Kind.TLS, message=tr(
                "Không đọc được tệp chứng thư gốc của tỉnh ({path}) trong cài đặt. Ứng dụng không gửi dữ liệu; "
                "hãy báo cho bộ phận kỹ thuật.", path=self.session.verify), detail=repr(exc))
        return self.classify(response, expect_json=expect_json)

    def classify(self, response: requests.Response, *, expect_json: bool = True) -> Result:
        status = response.status_code
        headers = {k.lower(): v for k, v in response.headers.items()}
        common = {"status": status, "headers": headers, "server_date": _server_date(response)}
        if 300 <= status < 400:
            location = response.headers.get("Location", "")
            return Result(Kind.REDIRECT_ELSEWHERE, message=message_for(Kind.REDIRECT_ELSEWHERE),
                          detail=f"{status} → {location}", **common)
        if status in (401, 403):
            return Result(Kind.AUTH, message=message_for(Kind.AUTH), detail=_snippet(response), **common)
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if status == 429:
            return Result(Kind.THROTTLED, retry_after=retry_after, message=message_for(Kind.THROTTLED),
                          detail=_snippet(response), **common)
        if status >= 500:
            return Result(Kind.SERVER_ERROR, retry_after=retry_after, message=message_for(Kind.SERVER_ERROR, status),
                          detail=_snippet(response), **common)
        data: Any = None
        if expect_json and status != 204:
            if not _is_json(response):
                # A 2xx page that is not our JSON is a hotspot's login page; a 4xx one is a proxy's error page.
                kind = Kind.CAPTIVE_PORTAL if status < 400 else Kind.CLIENT_ERROR
                return Result(kind, message=message_for(kind, status), detail=_snippet(response), **common)
            try:
                data = json.loads(response.content.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                if status >= 400:
                    return Result(Kind.CLIENT_ERROR, message=message_for(Kind.CLIENT_ERROR, status),
                                  detail=_snippet(response), **common)
                return Result(Kind.BAD_PAYLOAD, message=message_for(Kind.BAD_PAYLOAD),
                              detail=f"{exc!r}: {_snippet(response)}", **common)
        if status >= 400:
            return Result(Kind.CLIENT_ERROR, data=data, message=message_for(Kind.CLIENT_ERROR, status),
                          detail=_snippet(response), **common)
        return Result(Kind.OK, data=data, **common)

    def probe(self) -> Result:
        """Cheap reachability and version check: ``GET /v1/hello`` with a short read timeout."""
        result = self.request("GET", "/v1/hello", timeouts=(self.timeouts[0], min(self.timeouts[1], 10.0)))
        if result.ok and not _valid_hello(result.data):
            return Result(Kind.BAD_PAYLOAD, status=result.status, headers=result.headers,
                          server_date=result.server_date, message=message_for(Kind.BAD_PAYLOAD),
                          detail=f"unexpected hello: {str(result.data)[:200]}")
        return result

    def same_host(self, location: str) -> bool:
        a, b = urlsplit(self.base_url), urlsplit(urljoin(self.base_url, location))
        return (a.scheme, a.netloc) == (b.scheme, b.netloc)


class PinMismatchError(ssl.SSLCertVerificationError):
    """The peer's key is not one of the pins. An ``SSLError`` so urllib3 and requests treat it as a failed
    handshake (no retry, no request sent) and :func:`tls_failure` can tell it from an untrusted CA."""


def spki_pin(certificate_der: bytes) -> str:
    """Base64 SHA-256 of the certificate's SubjectPublicKeyInfo (the HPKP / ``openssl`` pin format)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    spki = x509.load_der_x509_certificate(certificate_der).public_key().public_bytes(
        Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode("ascii")


def pinned_adapter(pins: frozenset[str]) -> requests.adapters.HTTPAdapter:
    """An HTTPS adapter whose connections check the peer's SPKI pin as soon as the handshake completes.

    The pins live on classes made for this adapter: urllib3's pool keys accept no extra keyword, and a
    class attribute keeps two transports with different pins apart.
    """
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class PinnedConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            der = self.sock.getpeercert(binary_form=True) if self.sock is not None else None
            pin = spki_pin(der) if der else ""
            if pin not in pins:
                self.close()
                raise PinMismatchError(f"server key pin {pin or '(none)'} is not among the configured pins")

    class PinnedPool(HTTPSConnectionPool):
        ConnectionCls = PinnedConnection

    class PinnedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": HTTPConnectionPool, "https": PinnedPool}

    return PinnedAdapter()


def tls_failure(exc: BaseException) -> Result:
    """The :class:`Result` of a failed TLS handshake: a pin mismatch or an unverifiable certificate."""
    seen: set[int] = set()
    pending: list[Any] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, PinMismatchError):
            return Result(Kind.PIN_MISMATCH, message=message_for(Kind.PIN_MISMATCH), detail=str(current))
        if isinstance(current, BaseException):
            pending.extend([current.__cause__, current.__context__, *current.args,
                            getattr(current, "reason", None)])
    return Result(Kind.TLS, message=message_for(Kind.TLS), detail=repr(exc))


def _valid_hello(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("protocol_versions"), list)


def common_version(data: dict[str, Any]) -> int | None:
    """Highest protocol version both sides speak, or ``None``."""
    theirs = {v for v in data.get("protocol_versions", []) if isinstance(v, int)}
    both = theirs & set(SUPPORTED_VERSIONS)
    return max(both) if both else None


def _snippet(response: requests.Response) -> str:
    try:
        text = response.content[:300].decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - a detail string must never raise
        text = ""
    return f"HTTP {response.status_code} {response.headers.get('Content-Type', '')}: {text}"


def _before_sending(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the failure happened while connecting (nothing reached the server)."""
    from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NameResolutionError, NewConnectionError

    reason: object = exc.args[0] if exc.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    # NameResolutionError subclasses NewConnectionError in urllib3 2; listed for clarity.
    return isinstance(reason, NewConnectionError | NameResolutionError | ConnectTimeoutError)
