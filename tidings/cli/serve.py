"""`tidings serve`: the REST API and web app (FastAPI + uvicorn)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="The store: a DuckDB file (default: $TIDINGS_DB, else ./tidings.duckdb).")]


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on; 127.0.0.1 keeps the server on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="TIDINGS_API_TOKEN", show_envvar=True,
        help="Bearer token that writes (POST /v1/articles) need; without one, writes are "
             "disabled and the store is opened read-only.")] = None,
    reads: Annotated[str | None, typer.Option(
        "--reads", help="`open` (default): reads need no token; `token`: the API and pages "
                        "need the token too.")] = None,
    max_body: Annotated[int | None, typer.Option(
        "--max-body", min=1, help="Largest request body in bytes (default 2 MiB); larger → "
                                  "413.")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Allow cross-origin requests from this origin (repeatable); "
                              "CORS is off by default.")] = None,
    no_warm: Annotated[bool, typer.Option(
        "--no-warm", help="Load the language model on the first /v1/code request instead of "
                          "at start-up.")] = False,
    log_level: Annotated[str, typer.Option(
        "--log-level", help="uvicorn log level: critical, error, warning, info, debug.")
    ] = "info",
) -> None:
    """Serve the REST API (/v1, docs at /docs) and the web app (code page, events table,
    network, dyad timeline, map) on a store."""
    from tidings.api import load_api_settings, serve
    from tidings.store import default_db_path

    settings = load_api_settings({
        "api_token": token, "api_reads": reads, "api_max_body": max_body,
        "api_cors_origins": ",".join(cors_origin) if cors_origin else None,
    })
    path = default_db_path(db)
    store = path if settings.writes_enabled or Path(path).exists() else "no store"
    typer.echo(f"tidings: serving {store} on http://{host}:{port}/ (writes "
               f"{'on' if settings.writes_enabled else 'off'}, reads {settings.api_reads})",
               err=True)
    serve(settings, db=path, host=host, port=port, warm=not no_warm, log_level=log_level)
