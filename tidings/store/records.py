"""Records back from their stored JSON (``Event.to_dict`` has no inverse in ``models``)."""

from __future__ import annotations

from typing import Any

from tidings.models import ActorRef, Event, Location, Plover, Span


def _actor(d: dict[str, Any] | None) -> ActorRef | None:
    if not d:
        return None
    return ActorRef(d.get("text") or "", d.get("code"), d.get("start"), d.get("end"))


def _span(d: dict[str, Any] | None) -> Span | None:
    if not d:
        return None
    return Span(d.get("text") or "", d.get("start") or 0, d.get("end") or 0)


def event_from_dict(d: dict[str, Any]) -> Event:
    """An ``Event`` from ``Event.to_dict()`` output."""
    plover = d.get("plover")
    loc = d.get("location")
    source = _actor(d.get("source")) or ActorRef("", None)
    trigger = _span(d.get("trigger")) or Span("", 0, 0)
    return Event(
        article_id=d["article_id"], event_id=d["event_id"],
        sentence_index=d.get("sentence_index", 0), sentence=d.get("sentence", ""),
        source=source, target=_actor(d.get("target")),
        cameo=d["cameo"], cameo_root=d.get("cameo_root") or d["cameo"][:2],
        cameo_name=d.get("cameo_name", ""), goldstein=d.get("goldstein"),
        quad_class=d.get("quad_class", 0),
        plover=Plover(plover.get("type"), plover.get("mode")) if plover else None,
        status=d.get("status", "asserted"), condition=_span(d.get("condition")),
        claimant=_actor(d.get("claimant")), trigger=trigger,
        date=d.get("date"), date_precision=d.get("date_precision"),
        location=Location(loc.get("name", ""), loc.get("country"), loc.get("lat"),
                          loc.get("lon"), loc.get("precision", "")) if loc else None,
        confidence=d.get("confidence", 0.5), coder=d.get("coder", ""),
        evidence=tuple(s for s in (_span(x) for x in d.get("evidence") or ()) if s),
    )


__all__ = ["event_from_dict"]
