"""The HTTP face of the reference server (Starlette). Endpoints and shapes follow :mod:`sync.protocol`.

Every error reply is JSON ``{"code": <machine code>, "message": <Vietnamese text>, ...}``. Database work
runs in the thread pool so a slow disk never stalls the event loop that is streaming other uploads.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email.utils import formatdate
from importlib import metadata
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.i18n import tr
from sync.protocol import IDEMPOTENCY_HEADER, PROTOCOL_HEADER, SUPPORTED_VERSIONS, Hello
from sync.server import audit_heads, store, tus
from sync.server.code_counters import code_counters, parse_days
from sync.server.db import ServerDatabase, local_now
from sync.server.errors import ApiError

DEFAULT_MAX_UPLOAD = 512 * 1024 * 1024
DEFAULT_MAX_BODY = 8 * 1024 * 1024


def _app_version() -> str:
    try:
        return metadata.version("motcua")
    except metadata.PackageNotFoundError:
        return "0.0.0"


class DateHeaderMiddleware:
    """Adds an RFC 9110 ``Date`` to every reply (clients measure clock skew with it) unless one is present.

    Run uvicorn with ``date_header=False`` so the header is not sent twice.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_date(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"date" for name, _ in headers):
                    headers.append((b"date", formatdate(usegmt=True).encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_date)


def _error_response(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    if request.method == "HEAD":
        return Response(status_code=exc.status, headers=exc.headers)
    return JSONResponse(exc.body(), status_code=exc.status, headers=exc.headers)


def _internal_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"code": "internal_error", "message": tr("Lỗi máy chủ, hãy thử lại sau.")},
                        status_code=500)


def _check_protocol_header(request: Request) -> None:
    raw = request.headers.get(PROTOCOL_HEADER)
    if raw is None:
        return
    if not raw.strip().isdigit() or int(raw) not in SUPPORTED_VERSIONS:
        raise ApiError(400, "unsupported_protocol",
                       tr("Phiên bản giao thức {version} không được hỗ trợ. Hãy cập nhật ứng dụng.", version=raw),
                       extra={"protocol_versions": list(SUPPORTED_VERSIONS)})


async def _read_json(request: Request, limit: int) -> Any:
    """The JSON body, gunzipped if the client compressed it; size-capped before and after decompression."""
    content_type = request.headers.get("Content-Type", "application/json").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(415, "unsupported_media_type", tr("Nội dung phải là JSON (application/json)."))
    encoding = request.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "deflate"):
        raise ApiError(415, "unsupported_encoding", tr("Kiểu nén {name} không được hỗ trợ.", name=encoding))
    too_big = ApiError(413, "body_too_large", tr("Nội dung gửi lên quá lớn (tối đa {n} byte).", n=limit))
    raw = bytearray()
    async for piece in request.stream():
        raw += piece
        if len(raw) > limit:
            raise too_big
    data = bytes(raw)
    if encoding != "identity":
        # wbits 47 accepts both gzip and zlib headers; max_length guards against decompression bombs.
        inflater = zlib.decompressobj(47)
        try:
            data = inflater.decompress(data, limit + 1)
        except zlib.error as exc:
            raise ApiError(400, "invalid_encoding", tr("Nội dung nén bị hỏng.")) from exc
        if len(data) > limit or inflater.unconsumed_tail:
            raise too_big
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(400, "invalid_json", tr("Nội dung gửi lên không phải JSON hợp lệ."),
                       extra={"detail": str(exc)[:200]}) from exc


def create_app(database_url: str, storage_dir: str | Path, *, max_upload_size: int = DEFAULT_MAX_UPLOAD,
               max_body_size: int = DEFAULT_MAX_BODY, min_client_version: str = "0.1.0",
               latest_client_version: str | None = None, in_flight_wait: float = 2.0,
               in_flight_lease: float = 60.0) -> Starlette:
    """Build the server application over ``database_url`` (SQLAlchemy URL or SQLite path) and ``storage_dir``."""
    db = ServerDatabase(database_url)
    storage = Path(storage_dir)
    storage.mkdir(parents=True, exist_ok=True)
    uploads = tus.TusStore(db, storage, max_upload_size)
    latest = latest_client_version or _app_version()

    async def principal(request: Request) -> store.Principal:
        _check_protocol_header(request)
        return await run_in_threadpool(store.authenticate, db, request.headers.get("Authorization"))

    async def hello(request: Request) -> Response:
        body = Hello(protocol_versions=tuple(SUPPORTED_VERSIONS), server_time=local_now().isoformat(),
                     min_client_version=min_client_version, latest_client_version=latest)
        return JSONResponse(body.to_json(), headers={"Cache-Control": "no-store"})

    async def put_dossier(request: Request) -> Response:
        who = await principal(request)
        dossier_id = request.path_params["dossier_id"]
        key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
        if not key:
            raise ApiError(400, "idempotency_key_required", tr("Thiếu tiêu đề Idempotency-Key."))
        body = store.validate_dossier_body(dossier_id, await _read_json(request, max_body_size))
        result = await run_in_threadpool(store.put_dossier, db, who, dossier_id, key, body,
                                         in_flight_wait=in_flight_wait, lease=in_flight_lease)
        headers = {"Idempotent-Replayed": "true"} if result.replayed else {}
        return JSONResponse(result.reply, status_code=result.status, headers=headers)

    async def changes(request: Request) -> Response:
        who = await principal(request)
        since = store.parse_cursor(request.query_params.get("since"))
        limit = store.parse_limit(request.query_params.get("limit"))
        page = await run_in_threadpool(store.changes_since, db, who, since, limit)
        return JSONResponse(page, headers={"Cache-Control": "no-store"})

    async def catalogue_changes(request: Request) -> Response:
        await principal(request)
        since = store.parse_cursor(request.query_params.get("since"))
        store.parse_limit(request.query_params.get("limit"))  # accepted for symmetry; a release is one page
        page = await run_in_threadpool(store.catalogue_since, db, since)
        return JSONResponse(page, headers={"Cache-Control": "no-store"})

    async def put_audit_head(request: Request) -> Response:
        who = await principal(request)
        head = audit_heads.parse_head(await _read_json(request, 64 * 1024))
        reply = await run_in_threadpool(audit_heads.put_head, db, who, head)
        return JSONResponse(reply, headers={"Cache-Control": "no-store"})

    async def get_code_counters(request: Request) -> Response:
        who = await principal(request)
        days = parse_days(request.query_params.get("days"))
        reply = await run_in_threadpool(code_counters, db, who, days)
        return JSONResponse(reply, headers={"Cache-Control": "no-store"})

    async def uploads_collection(request: Request) -> Response:
        who = await principal(request)
        if request.method == "OPTIONS":
            return await tus.options(request, uploads)
        return await tus.create(request, uploads, who)

    async def upload_resource(request: Request) -> Response:
        who = await principal(request)
        attachment_id = request.path_params["attachment_id"]
        if request.method == "OPTIONS":
            return await tus.options(request, uploads)
        if request.method == "HEAD":
            return await tus.head(request, uploads, who, attachment_id)
        if request.method == "PATCH":
            return await tus.patch(request, uploads, who, attachment_id)
        return await tus.delete(request, uploads, who, attachment_id)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        db.close()

    routes = [
        Route("/v1/hello", hello, methods=["GET"]),
        Route("/v1/dossiers/{dossier_id}", put_dossier, methods=["PUT"]),
        Route("/v1/changes", changes, methods=["GET"]),
        Route("/v1/catalogue/changes", catalogue_changes, methods=["GET"]),
        Route("/v1/workstations/me/audit-head", put_audit_head, methods=["PUT"]),
        Route("/v1/workstations/me/code-counters", get_code_counters, methods=["GET"]),
        Route(tus.UPLOADS_PATH, uploads_collection, methods=["OPTIONS", "POST"]),
        Route(tus.UPLOADS_PATH + "/{attachment_id}", upload_resource,
              methods=["OPTIONS", "HEAD", "PATCH", "DELETE"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(DateHeaderMiddleware), Middleware(GZipMiddleware, minimum_size=1024)],
        exception_handlers={ApiError: _error_response, Exception: _internal_error},
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.uploads = uploads
    return app
