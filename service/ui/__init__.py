"""The dashboard at ``/``: one HTML page and its own small scripts, served from package data.

The page is a client of the public API (same origin, no build step, no CDN); every view keeps
its state in the query string of ``/`` (``/?q=Tharda``, ``/?view=article&id=3&fact=12``), so a
view can be shared and reloaded and no page path can shadow an API route.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"
STATIC_URL = "/ui/static"
# Everything from this origin only: no inline script or style, no other host.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"])
def dashboard() -> FileResponse:
    """The dashboard page; its scripts pick the view from the query string."""
    return FileResponse(
        STATIC_DIR / "index.html",
        media_type="text/html",
        headers={
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "no-cache",
        },
    )


def install_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page at ``/`` and its assets under ``/ui/static``."""
    app.include_router(router)
    app.mount(STATIC_URL, StaticFiles(directory=STATIC_DIR), name="ui-static")
