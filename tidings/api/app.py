"""The FastAPI application: ``make_app(settings, db=..., pipeline=...)``.

One handler renders every ``TidingsError`` as ``{"error": {"status", "message", "hint"}}``
with the error's ``http_status``; validation errors are 422, a too-large body 413.
CORS is off unless ``api_cors_origins`` names origins.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from tidings import __version__
from tidings.api.coding import Coder
from tidings.api.corpus import Corpus
from tidings.api.security import LimitsMiddleware
from tidings.api.settings import ApiSettings, load_api_settings
from tidings.errors import TidingsError
from tidings.web import STATIC_DIR

logger = logging.getLogger(__name__)

DESCRIPTION = """Code news articles into CAMEO events (with status, claimant, evidence
offsets, place and date) and explore a tidings store. Writes need
`Authorization: Bearer <token>`; see docs/api.md."""


def _error(status: int, message: str, hint: str | None = None,
           detail: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "message": message}
    if hint:
        body["hint"] = hint
    if detail is not None:
        body["detail"] = detail
    headers = {"www-authenticate": "Bearer"} if status == 401 else None
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def make_app(settings: ApiSettings | None = None, *, db: str | Path | None = None,
             pipeline: Any = None, corpus: Corpus | None = None) -> FastAPI:
    """The app. ``db``: the store file (None: no store pages/routes work, coding does);
    ``pipeline``: a ``tidings.Pipeline`` to share (default: one built on first use)."""
    from tidings.api import pages, routes

    settings = settings or load_api_settings()
    app = FastAPI(title="tidings", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.coder = Coder(pipeline)
    app.state.corpus = corpus or Corpus(db, writable=settings.writes_enabled)

    @app.exception_handler(TidingsError)
    async def tidings_error(request: Request, exc: TidingsError) -> JSONResponse:
        if exc.http_status >= 500:
            logger.error("%s %s: %s", request.method, request.url.path, exc)
        return _error(exc.http_status, exc.message, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")}
                    for e in exc.errors()]
        return _error(422, "invalid request", detail=problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"],
                           allow_headers=["authorization", "content-type"])
    app.add_middleware(LimitsMiddleware, max_body=settings.api_max_body,
                       body_timeout=settings.api_body_timeout)

    return app


__all__ = ["make_app"]
