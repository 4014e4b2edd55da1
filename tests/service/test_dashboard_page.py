"""The dashboard page and the API docs as HTTP resources: served from package data, a strict
CSP, every script the page loads present, no asset from another host."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

from fastapi.testclient import TestClient

from service.ui import STATIC_DIR

ROOT = Path(__file__).resolve().parents[2]


def test_root_serves_the_dashboard_with_a_self_only_csp(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "http" not in csp
    assert client.head("/").status_code == 200


def test_every_script_and_stylesheet_of_the_page_is_served(client: TestClient) -> None:
    page = client.get("/").text
    assets = re.findall(r'(?:src|href)="(/ui/static/[^"]+)"', page)
    modules = sorted(path.relative_to(STATIC_DIR).as_posix() for path in STATIC_DIR.rglob("*.js"))
    assets += [f"/ui/static/{module}" for module in modules]
    assert "/ui/static/js/main.js" in assets
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
    for module in modules:  # imports between modules resolve to files that exist
        source = (STATIC_DIR / module).read_text(encoding="utf-8")
        for target in re.findall(r'from "(\.[^"]+)"', source):
            assert (STATIC_DIR / module).parent.joinpath(target).resolve().is_file(), (
                module,
                target,
            )


def test_page_and_scripts_load_nothing_from_another_host() -> None:
    for path in STATIC_DIR.rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), path


def test_docs_and_redoc_use_local_assets(client: TestClient) -> None:
    for route in ("/docs", "/redoc"):
        page = client.get(route)
        assert page.status_code == 200
        assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert assets, route
        for asset in assets:
            assert asset.startswith("/"), (route, asset)
            assert client.get(asset).status_code == 200, asset


def test_dashboard_routes_stay_out_of_the_api_contract(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "/" not in paths
    assert not any(path.startswith(("/ui", "/docs", "/redoc")) for path in paths)


def test_every_page_asset_is_package_data() -> None:
    """The wheel (and so the container) carries every file the page needs."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["service"]
    package = STATIC_DIR.parent.parent
    for path in STATIC_DIR.rglob("*"):
        if path.is_file():
            relative = path.relative_to(package).as_posix()
            assert any(
                fnmatch.fnmatchcase(relative, p) and relative.count("/") == p.count("/")
                for p in patterns
            ), relative
