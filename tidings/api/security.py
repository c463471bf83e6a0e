"""Who may do what, and the limits every request meets.

- writes need ``Authorization: Bearer <api_token>`` (no header → 401, a wrong token → 403,
  no token configured → 403 "writes are disabled");
- reads are open, or (``api_reads = "token"``) need the same bearer token or the
  ``tidings_token`` cookie that the /login page sets (pages cannot send headers);
- a request body larger than ``api_max_body`` is refused with 413 before it is read whole;
- every response carries a strict Content-Security-Policy (scripts and styles only from this
  server, no inline script), ``nosniff``, no framing and no referrer.
"""

from __future__ import annotations

import asyncio
import hmac
import json
from typing import Any

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tidings.api.settings import ApiSettings
from tidings.errors import TidingsError

COOKIE = "tidings_token"

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     b"form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)


class Unauthorized(TidingsError):
    http_status = 401


class Forbidden(TidingsError):
    http_status = 403


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def require_write(request: Request) -> None:
    settings: ApiSettings = request.app.state.settings
    if not settings.writes_enabled:
        raise Forbidden("writes are disabled on this server",
                        hint="start it with an API token: TIDINGS_API_TOKEN=... tidings serve")
    token = bearer(request)
    if token is None:
        raise Unauthorized("this route needs `Authorization: Bearer <token>`")
    if not _same(token, settings.api_token):
        raise Forbidden("wrong token")


def can_read(request: Request) -> bool:
    settings: ApiSettings = request.app.state.settings
    if not settings.reads_need_token:
        return True
    token = bearer(request) or request.cookies.get(COOKIE)
    return token is not None and _same(token, settings.api_token)


def require_read(request: Request) -> None:
    if not can_read(request):
        raise Unauthorized("reads on this server need a token",
                           hint="send `Authorization: Bearer <token>` or log in at /login")


def check_token(settings: ApiSettings, token: str) -> bool:
    return bool(settings.api_token) and _same(token, settings.api_token)


class LimitsMiddleware:
    """Refuses bodies over ``max_body`` bytes with 413 (by Content-Length, and by counting
    the bytes of a chunked body) and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, max_body: int, body_timeout: float = 10.0) -> None:
        self.app = app
        self.max_body = max_body
        self.body_timeout = body_timeout  # seconds a request may take to send its body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = True
            if too_big:
                await self._too_large(send)
                return
        seen = 0
        started = False
        body_done = False

        async def limited_receive() -> Message:
            nonlocal seen, body_done
            if body_done:  # afterwards receive() waits for a disconnect: no deadline then
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), timeout=self.body_timeout)
            except TimeoutError:
                raise _BodyTimeout() from None  # a slow body (slowloris) is cut
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _BodyTooLarge()
                body_done = not message.get("more_body", False)
            return message

        async def secure_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        try:
            await self.app(scope, limited_receive, secure_send)
        except _BodyTooLarge:
            if not started:
                await self._too_large(send)
        except _BodyTimeout:
            if not started:
                await self._error(send, 408, "the request body did not arrive in time",
                                  "send the whole body within api_body_timeout seconds")

    async def _too_large(self, send: Send) -> None:
        await self._error(send, 413, f"request body over {self.max_body:,} bytes",
                          "send a smaller document (the limit is the api_max_body setting)")

    @staticmethod
    async def _error(send: Send, status: int, message: str, hint: str) -> None:
        body = json.dumps({"error": {"status": status, "message": message,
                                     "hint": hint}}).encode()
        headers: list[Any] = [(b"content-type", b"application/json"),
                              (b"content-length", str(len(body)).encode()),
                              (b"connection", b"close"), *SECURITY_HEADERS]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _BodyTimeout(HTTPException):
    """Raised from ``receive`` when the body stalls past ``body_timeout``."""

    def __init__(self) -> None:
        super().__init__(408, "request body timed out")


class _BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a chunked body passes the limit; FastAPI lets an
    ``HTTPException`` out of body parsing, so the app's handler renders it as 413."""

    def __init__(self) -> None:
        super().__init__(413, "request body too large")


__all__ = ["COOKIE", "Forbidden", "LimitsMiddleware", "Unauthorized", "bearer", "can_read",
           "check_token", "require_read", "require_write"]
