"""The versioned JSON API, ``/v1``. Each handler builds its data once and renders JSON (or
CSV for ``/v1/events?format=csv``); errors are rendered by the app's one handler."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Any, Literal

import anyio
import anyio.to_thread
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response

from tidings.api.coding import Coder, Document, code_document, to_article
from tidings.api.corpus import EVENT_FIELDS, Corpus
from tidings.api.security import require_read, require_write
from tidings.api.settings import ApiSettings

router = APIRouter(prefix="/v1")

Unit = Literal["events", "reports"]


def _q(description: str, **kw: Any) -> Any:
    return Query(description=description, max_length=200, **kw)


def filter_params(
    actor: Annotated[str | None, _q("Actor on either side: a CAMEO code prefix (EGY, "
                                    "EGYGOV) or a group code (HMS).")] = None,
    source: Annotated[str | None, _q("Source actor (as `actor`).")] = None,
    target: Annotated[str | None, _q("Target actor (as `actor`).")] = None,
    code: Annotated[str | None, _q("CAMEO event code prefix (19, 190, 0231).")] = None,
    root: Annotated[str | None, _q("CAMEO root code, exact (19).")] = None,
    status: Annotated[str | None, _q("Event status: asserted, negated, denied, claimed, "
                                     "planned, conditional, hypothetical.")] = None,
    since: Annotated[date | None, Query(description="First event day (YYYY-MM-DD).")] = None,
    until: Annotated[date | None, Query(description="Last event day (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, _q("Location country code (EGY) or part of the place "
                                    "name.")] = None,
    outlet: Annotated[str | None, _q("Reporting outlet (exact, any case).")] = None,
    min_sources: Annotated[int | None, Query(ge=1, description="Only events whose cluster "
                                             "has at least this many outlets.")] = None,
) -> Any:
    from tidings.analysis import Filters

    return Filters(actor=actor or None, source=source or None, target=target or None,
                   code=code or None, root=root or None, status=status or None, since=since,
                   until=until, place=place or None, outlet=outlet or None,
                   min_sources=min_sources)


FilterDep = Annotated[Any, Depends(filter_params)]


def corpus(request: Request) -> Corpus:
    c: Corpus = request.app.state.corpus
    return c


def settings(request: Request) -> ApiSettings:
    s: ApiSettings = request.app.state.settings
    return s


def coder(request: Request) -> Coder:
    c: Coder = request.app.state.coder
    return c


@router.get("/health", summary="Liveness and what this server offers")
def health(request: Request) -> dict[str, Any]:
    """Always open. Says whether the model is loaded, whether a store is attached and whether
    writes and closed reads are configured (never the token)."""
    s = settings(request)
    c = corpus(request)
    from tidings import __version__

    return {"status": "ok", "version": __version__, "model_loaded": coder(request).loaded,
            "store": c.available, "writable": c.writable and s.writes_enabled,
            "reads": s.api_reads}


@router.post("/code", summary="Code one document; nothing is stored",
             dependencies=[Depends(require_read)])
async def code(doc: Document, request: Request) -> dict[str, Any]:
    """Body ``{"text": ...}`` or ``{"html": ...}`` with optional ``published``, ``outlet``,
    ``url``, ``title``, ``id`` and ``clean``. Returns ``{"article", "events"}``: every event's
    offsets index ``article.text`` (the cleaned text)."""
    # the pipeline codes one document at a time: waiting requests queue on their own limiter,
    # not in the shared thread pool, so reads are not starved behind them
    result: dict[str, Any] = await anyio.to_thread.run_sync(
        code_document, coder(request), doc, limiter=_coding_limiter(request))
    return result


def _coding_limiter(request: Request) -> anyio.CapacityLimiter:
    limiter = getattr(request.app.state, "coding_limiter", None)
    if limiter is None:
        limiter = anyio.CapacityLimiter(1)
        request.app.state.coding_limiter = limiter
    return limiter


@router.post("/articles", summary="Ingest one document into the store",
             dependencies=[Depends(require_write)], status_code=201)
def post_article(doc: Document, request: Request) -> JSONResponse:
    """Needs ``Authorization: Bearer <token>``. Parses, codes and stores the document (an
    unchanged article already stored is not parsed again: status ``present``, 200)."""
    article = to_article(doc)
    c = coder(request)
    out = corpus(request).ingest(c.pipeline, article, c.process)
    return JSONResponse(out, status_code=201 if out["status"] != "present" else 200)


@router.get("/articles/{article_id}", summary="A stored article with its events",
            dependencies=[Depends(require_read)])
def get_article(article_id: str, request: Request) -> dict[str, Any]:
    """The article (text and metadata) and every event coded from it, each with its evidence
    spans, cluster id and number of outlets in the cluster."""
    return corpus(request).article(article_id)


@router.get("/events", summary="Stored events: filters, sorting, cursor pagination, CSV",
            dependencies=[Depends(require_read)], response_model=None)
def list_events(
    request: Request,
    filters: FilterDep,
    unit: Annotated[Unit, Query(description="reports: every stored report; events: one row "
                                            "per event cluster.")] = "reports",
    sort: Annotated[str, Query(max_length=40, description="Column to sort by; `-` first "
                                                          "for descending (-day).")] = "day",
    limit: Annotated[int | None, Query(ge=1, description="Rows per page (default: "
                                                          "api_page_size).")] = None,
    cursor: Annotated[str | None, Query(max_length=200, description="The `next` value of "
                                                                    "the previous page.")] = None,
    cluster: Annotated[str | None, _q("Only the reports of this event cluster.")] = None,
    article: Annotated[str | None, _q("Only the events of this article.")] = None,
    located: Annotated[bool, Query(description="Only events with coordinates.")] = False,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv.")] = "json",
) -> Any:
    """JSON: ``{"events": [...], "total", "next"}``; pass ``next`` back as ``cursor`` for the
    following page (null on the last page). CSV: every matching row up to 50 × the largest
    page, as a download."""
    s = settings(request)
    cap = s.api_max_page_size * (50 if format == "csv" else 1)
    n = min(limit or (cap if format == "csv" else s.api_page_size), cap)
    page = corpus(request).events(filters, unit=unit, sort=sort, limit=n, cursor=cursor,
                                  cluster=cluster, article=article, located=located)
    if format == "csv":
        return Response(to_csv(page.rows), media_type="text/csv; charset=utf-8", headers={
            "content-disposition": 'attachment; filename="tidings-events.csv"'})
    return {"events": page.rows, "total": page.total, "next": page.next_cursor}


def _cell(value: Any) -> Any:
    """A CSV cell safe to open in a spreadsheet: text starting like a formula is quoted."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: list[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EVENT_FIELDS)
    for row in rows:
        writer.writerow([_cell(row.get(f)) for f in EVENT_FIELDS])
    return buf.getvalue()


@router.get("/dyads", summary="Source → target pairs with counts and Goldstein",
            dependencies=[Depends(require_read)])
def dyads(
    request: Request, filters: FilterDep,
    unit: Annotated[Unit, Query(description="events (clusters) or reports.")] = "events",
    limit: Annotated[int, Query(ge=1, le=10000, description="Most active first.")] = 100,
) -> dict[str, Any]:
    """Country/group-level dyads: events, Goldstein sum and mean, QuadClass counts, reports,
    first and last day."""
    return {"dyads": corpus(request).dyads(filters, unit=unit, limit=limit)}


@router.get("/timeseries", summary="Counts and Goldstein per period",
            dependencies=[Depends(require_read)])
def timeseries(
    request: Request, filters: FilterDep,
    freq: Annotated[Literal["day", "week", "month", "year"],
                    Query(description="Period length.")] = "month",
    unit: Annotated[Unit, Query(description="events (clusters) or reports.")] = "events",
    by_dyad: Annotated[bool, Query(description="One series per dyad (true) or one for all "
                                               "matching events (false).")] = False,
) -> dict[str, Any]:
    """Per period (and dyad): events, Goldstein sum and mean, QuadClass counts. Undated
    events are left out."""
    return {"freq": freq, "series": corpus(request).timeseries(
        filters, freq=freq, unit=unit, by_dyad=by_dyad)}


@router.get("/network", summary="The actor network: nodes and weighted edges",
            dependencies=[Depends(require_read)])
def network(
    request: Request, filters: FilterDep,
    unit: Annotated[Unit, Query(description="events (clusters) or reports.")] = "events",
    min_events: Annotated[int, Query(ge=1, description="Leave out dyads with fewer "
                                                       "events.")] = 1,
) -> dict[str, Any]:
    """Nodes (actors at country/group level, with event counts) and directed edges (dyads,
    weighted by events, with Goldstein and the dominant QuadClass)."""
    return corpus(request).network(filters, unit=unit, min_events=min_events)


__all__ = ["filter_params", "router", "to_csv"]
