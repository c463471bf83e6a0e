"""Server-rendered pages: templates fill in the frame, small vanilla scripts (served from
``tidings/web/static``) fetch ``/v1`` and draw. Jinja autoescaping is on for every template;
page data reaches scripts only as escaped JSON (``tojson``) or through ``textContent``."""

from __future__ import annotations

from typing import Any

import jinja2
from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from tidings.api.security import COOKIE, can_read, check_token
from tidings.web import STATIC_DIR, TEMPLATES_DIR

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)), autoescape=True))

# (path, title) of the pages in the navigation bar, in order.
PAGES: tuple[tuple[str, str], ...] = (
    ("/code", "Code"), ("/events", "Events"), ("/network", "Network"),
    ("/timeline", "Dyad timeline"), ("/map", "Map"), ("/docs", "API"),
)


def _page(request: Request, template: str, title: str, *, store_page: bool = True,
          status_code: int = 200, **context: Any) -> Response:
    if store_page and not can_read(request):
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    from tidings.models import STATUSES

    corpus = request.app.state.corpus
    ctx = {"title": title, "pages": PAGES, "store": corpus.available, "statuses": STATUSES,
           **context}
    return templates.TemplateResponse(request, template, ctx, status_code=status_code)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> Response:
    return RedirectResponse("/code", status_code=307)


@router.get("/code", response_class=HTMLResponse)
def code_page(request: Request) -> Response:
    return _page(request, "code.html", "Code an article",
                 store_page=request.app.state.settings.reads_need_token)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    return _page(request, "article.html", "Article", article_id=article_id)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> Response:
    return _page(request, "events.html", "Events")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Response:
    return _page(request, "network.html", "Actor network")


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request) -> Response:
    return _page(request, "timeline.html", "Dyad timeline")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    return _page(request, "map.html", "Map of located events")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/events") -> Response:
    return _page(request, "login.html", "Log in", store_page=False, next=_local(next))


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, token: str = Form(..., max_length=500),
          next: str = Form("/events", max_length=500)) -> Response:
    if not check_token(request.app.state.settings, token):
        return _page(request, "login.html", "Log in", store_page=False, next=_local(next),
                     error="wrong token", status_code=401)
    resp = RedirectResponse(_local(next), status_code=303)
    resp.set_cookie(COOKIE, token, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https")
    return resp


def _local(path: str) -> str:
    """Only paths on this server may be redirect targets (no open redirect)."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/events"
    return path


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> Response:
    """Swagger UI from the vendored bundle (FastAPI's own page loads it from a CDN)."""
    return templates.TemplateResponse(request, "docs.html", {"title": "tidings API"})


__all__ = ["PAGES", "STATIC_DIR", "router", "templates"]
