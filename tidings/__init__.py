"""tidings: political event data from news — who did what to whom, when, where, according to
whom, and how certain."""

from tidings.errors import TidingsError
from tidings.models import (
    Actor,
    ActorRef,
    Article,
    Event,
    Location,
    Mention,
    ParsedSentence,
    Plover,
    Rejection,
    Span,
    Token,
)
from tidings.pipeline import ArticleResult, Pipeline, code

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorRef",
    "Article",
    "ArticleResult",
    "Event",
    "Location",
    "Mention",
    "ParsedSentence",
    "Pipeline",
    "Plover",
    "Rejection",
    "Span",
    "TidingsError",
    "Token",
    "__version__",
    "code",
]
