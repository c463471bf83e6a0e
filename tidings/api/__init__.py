"""The REST API and web app (FastAPI): ``make_app`` builds it, ``serve`` runs it with uvicorn.

Modules: ``settings`` (the API's settings table), ``security`` (auth, body limit, headers),
``coding`` (code a posted document), ``corpus`` (the one door to the store), ``routes`` (the
``/v1`` JSON API), ``pages`` (server-rendered pages; templates and static files in
``tidings.web``), ``app`` (assembly), ``server`` (uvicorn). See docs/api.md and docs/web.md.
"""

from tidings.api.app import make_app
from tidings.api.server import serve
from tidings.api.settings import API_SETTINGS, ApiSettings, load_api_settings

__all__ = ["API_SETTINGS", "ApiSettings", "load_api_settings", "make_app", "serve"]
