"""CORS for browser clients on other origins, off unless ``FACTDESK_CORS_ORIGINS`` is set.

Named origins may read and write (writes still need the API key when one is configured: CORS
only lets the browser send the request). ``*`` lets any origin read: GET and HEAD only, and no
credentials, so a page anywhere can search but cannot ingest or delete through a visitor.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

READ_METHODS = ["GET", "HEAD"]
ALL_METHODS = ["GET", "HEAD", "POST", "DELETE"]
# Headers a browser client sends: JSON bodies and the API key.
ALLOWED_HEADERS = ["Authorization", "Content-Type"]
EXPOSED_HEADERS = ["Server-Timing"]
PREFLIGHT_MAX_AGE = 600


def install_cors(app: FastAPI, origins: list[str]) -> None:
    """Answer preflights and add CORS headers for ``origins``; nothing when it is empty."""
    if not origins:
        return
    any_origin = "*" in origins
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"] if any_origin else origins,
        allow_methods=READ_METHODS if any_origin else ALL_METHODS,
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=PREFLIGHT_MAX_AGE,
    )
