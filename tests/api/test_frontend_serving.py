"""The built web app at / beside the API: files, cache headers, the SPA fallback, and what it never shadows.

Builds nothing: each test writes a small dist folder of its own.
"""

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.frontend import ASSET_CACHE, INDEX_CACHE, mount_frontend
from api.settings import Settings

INDEX = '<!doctype html><html lang="zh-CN"><body><div id="root"></div></body></html>'


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    folder = tmp_path / "dist"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(INDEX, encoding="utf-8")
    (folder / "assets" / "index-AbC123.js").write_text("console.log('app')", encoding="utf-8")
    (folder / "assets" / "index-AbC123.css").write_text("body{}", encoding="utf-8")
    (folder / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside dist", encoding="utf-8")
    return folder


def api_like_app() -> FastAPI:
    """Routes standing in for the API's: the fallback must leave every one of them alone."""
    app = FastAPI()

    @app.post("/graphql")
    async def graphql() -> dict[str, str]:
        return {"data": "graphql"}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/statements/{consultation_id}/v{version}.{fmt}")
    async def statement(consultation_id: int, version: int, fmt: str) -> dict[str, str]:
        return {"statement": f"{consultation_id}-{version}.{fmt}"}

    return app


async def client_for(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
async def http(dist: Path, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = api_like_app()
    mount_frontend(app, Settings(env="test", data_dir=tmp_path), dist=dist)

    # A route registered after the mount still wins: the app only answers what nothing else matched.
    @app.get("/hearings/{hearing_id}/notice.pdf")
    async def hearing_notice(hearing_id: int) -> dict[str, int]:
        return {"hearing": hearing_id}

    async for client in client_for(app):
        yield client


async def test_root_and_client_routes_get_index_html_never_cached(http):
    for path in ("/", "/consultations/4", "/receipt", "/my/comments", "/consultations/4/statement"):
        response = await http.get(path)
        assert response.status_code == 200, path
        assert response.text == INDEX
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["cache-control"] == INDEX_CACHE


async def test_hashed_assets_are_cached_for_a_year(http):
    response = await http.get("/assets/index-AbC123.js")
    assert response.status_code == 200
    assert response.text == "console.log('app')"
    assert response.headers["cache-control"] == ASSET_CACHE
    assert "javascript" in response.headers["content-type"]
    css = await http.get("/assets/index-AbC123.css")
    assert css.headers["content-type"].startswith("text/css")


async def test_top_level_files_are_served_with_a_short_cache(http):
    response = await http.get("/favicon.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "immutable" not in response.headers["cache-control"]


async def test_missing_assets_and_files_are_404_not_the_app(http):
    for path in ("/assets/index-old999.js", "/assets/", "/robots.txt", "/wp-login.php"):
        response = await http.get(path)
        assert response.status_code == 404, path
        assert INDEX not in response.text


async def test_paths_outside_dist_are_never_served(http):
    tricks = (
        "/../secret.txt",
        "/assets/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
    )
    for path in tricks:
        response = await http.get(path)
        assert "outside dist" not in response.text, path


async def test_api_routes_are_never_shadowed(http):
    assert (await http.post("/graphql", json={})).json() == {"data": "graphql"}
    assert (await http.get("/healthz")).json() == {"status": "ok"}
    assert (await http.get("/statements/4/v1.pdf")).json() == {"statement": "4-1.pdf"}
    assert (await http.get("/hearings/7/notice.pdf")).json() == {"hearing": 7}


async def test_unknown_paths_under_api_prefixes_are_404_not_the_app(http):
    api_paths = ("/graphql/x", "/statements/4", "/exports/consultations/4", "/readyz/x")
    for path in api_paths:
        response = await http.get(path)
        assert response.status_code in (404, 405), path
        assert INDEX not in response.text, path


async def test_hearing_pages_are_the_apps_and_the_draw_route_still_wins(http):
    page = await http.get("/hearings/7")
    assert page.status_code == 200 and INDEX in page.text
    assert (await http.get("/hearings/7/notice.pdf")).json() == {"hearing": 7}


async def test_only_get_and_head_reach_the_app(http):
    head = await http.head("/consultations/4")
    assert head.status_code == 200
    assert head.headers["cache-control"] == INDEX_CACHE
    assert (await http.post("/consultations/4")).status_code in (404, 405)
    assert (await http.delete("/")).status_code in (404, 405)


async def test_without_a_build_the_api_answers_404_as_before(tmp_path: Path):
    app = api_like_app()
    mount_frontend(app, Settings(env="test", data_dir=tmp_path), dist=tmp_path / "no-dist")
    async for http in client_for(app):
        assert (await http.get("/")).status_code == 404
        assert (await http.get("/consultations/4")).status_code == 404
        assert (await http.get("/healthz")).status_code == 200


async def test_a_build_made_while_the_server_runs_is_picked_up(tmp_path: Path, dist: Path):
    later = tmp_path / "later"
    app = api_like_app()
    mount_frontend(app, Settings(env="test", data_dir=tmp_path), dist=later)
    async for http in client_for(app):
        assert (await http.get("/")).status_code == 404
        dist.rename(later)  # noqa: ASYNC240 (a test's own folder, instantly)
        assert (await http.get("/")).text == INDEX


async def test_the_real_app_keeps_its_routes(tmp_path: Path, dist: Path):
    settings = Settings(env="test", data_dir=tmp_path, redis_url=None)
    app = create_app(settings, start_cron=False)
    mount_frontend(app, settings, dist=dist)
    async for http in client_for(app):
        assert (await http.get("/healthz")).json() == {"status": "ok"}
        assert (await http.get("/")).text == INDEX
        graphiql = await http.get("/graphql", headers={"accept": "text/html"})
        assert INDEX not in graphiql.text
        missing = await http.get("/statements/4")  # no such route, and the prefix is the API's
        assert missing.status_code == 404
        assert INDEX not in missing.text
