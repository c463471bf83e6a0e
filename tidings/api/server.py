"""Run the app with uvicorn (``tidings serve`` calls ``serve``)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from tidings.api.settings import ApiSettings

logger = logging.getLogger(__name__)


def serve(settings: ApiSettings, *, db: str | Path | None, host: str = "127.0.0.1",
          port: int = 8000, warm: bool = True, pipeline: Any = None,
          log_level: str = "info") -> None:
    """Serve the API and pages until interrupted. ``warm`` loads the spaCy model before the
    first request instead of on it."""
    try:
        import uvicorn
    except ImportError as exc:  # pragma: no cover - a declared dependency
        from tidings.errors import ConfigError

        raise ConfigError("serving needs uvicorn", hint="pip install uvicorn") from exc
    from tidings.api.app import make_app

    app = make_app(settings, db=db, pipeline=pipeline)
    if warm:
        logger.info("loading the language model and dictionaries")
        app.state.coder.warm()
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level,
                    limit_concurrency=64, timeout_keep_alive=5)
    finally:
        app.state.corpus.close()


__all__ = ["serve"]
