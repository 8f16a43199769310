"""The built web app (frontend/dist) served at `/` beside the API, with the single-page-app fallback.

The app is served from the router's *default* handler, which Starlette calls only when no route
matched. So the API's own routes (/graphql, /healthz, /statements/…, routers added later) always win,
whatever order they are registered in, and the app can never shadow them. On top of that, the API's
path prefixes are reserved: an unknown path under one of them is a 404, never the app's index.html.

- `/assets/*` are Vite's content-hashed files: cached for a year as immutable; a missing one is a 404
  (an HTML page served as a script would only hide a stale deploy).
- other files at the top of dist (icons, robots.txt) are served with a short cache;
- any other GET or HEAD of a path without a file extension is a client-side route: index.html, which
  is never cached (`no-cache`), so a new deploy is picked up on the next visit.

The dist folder is looked up on each request, so building the app while the server runs works.
"""

import logging
import mimetypes
from pathlib import Path, PurePosixPath
from typing import Any

from fastapi import FastAPI
from starlette.responses import FileResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from api.settings import Settings

log = logging.getLogger("canyu.frontend")

DEFAULT_DIST = Path(__file__).resolve().parent.parent / "frontend" / "dist"

# Paths that belong to the API: never answered with the web app.
# /hearings/… is the app's (its hearing pages); the API's /hearings/{id}/draw.json is a route and wins.
RESERVED_PREFIXES = ("/graphql", "/healthz", "/readyz", "/metrics", "/statements/", "/exports/")

ASSET_CACHE = "public, max-age=31536000, immutable"
FILE_CACHE = "public, max-age=3600"
INDEX_CACHE = "no-cache"

mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("application/manifest+json", ".webmanifest")


def is_reserved(path: str) -> bool:
    """Whether a path belongs to the API (so the web app must not answer it)."""
    return any(path == prefix.rstrip("/") or path.startswith(prefix) for prefix in RESERVED_PREFIXES)


def resolve_file(dist: Path, path: str) -> Path | None:
    """The file under dist that a URL path names, or None (missing, a folder, or outside dist)."""
    parts = PurePosixPath(path).parts[1:]  # drop the leading "/"
    if not parts or any(part in ("", ".", "..") or "\\" in part or "\x00" in part for part in parts):
        return None
    candidate = dist.joinpath(*parts)
    try:
        candidate = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not candidate.is_file() or not candidate.is_relative_to(dist.resolve()):
        return None
    return candidate


class FrontendFallback:
    """The router's default handler: the web app for unmatched GET/HEAD paths, else the usual 404."""

    def __init__(self, dist: Path, not_found: ASGIApp):
        self.dist = dist
        self.not_found = not_found

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = self.response_for(scope) if scope["type"] == "http" else None
        if response is None:
            await self.not_found(scope, receive, send)
            return
        await response(scope, receive, send)

    def response_for(self, scope: Scope) -> Response | None:
        if scope["method"] not in ("GET", "HEAD"):
            return None
        path: str = scope["path"]
        if is_reserved(path):
            return None
        index = self.dist / "index.html"
        if not index.is_file():
            return None  # not built: the API alone, as before
        if path.startswith("/assets/"):
            asset = resolve_file(self.dist, path)
            return None if asset is None else FileResponse(asset, headers={"Cache-Control": ASSET_CACHE})
        if path != "/" and (found := resolve_file(self.dist, path)) is not None:
            if found.name == "index.html":
                return _index(found)
            return FileResponse(found, headers={"Cache-Control": FILE_CACHE})
        if "." in PurePosixPath(path).name:
            return None  # a missing file, not a page of the app
        return _index(index)


def _index(index: Path) -> Response:
    return FileResponse(index, media_type="text/html; charset=utf-8", headers={"Cache-Control": INDEX_CACHE})


def mount_frontend(app: FastAPI, settings: Settings, dist: Path | None = None) -> None:
    """Serve the built web app at / with the single-page-app fallback (call once, after the routes)."""
    folder = dist or settings.frontend_dist or DEFAULT_DIST
    if not (folder / "index.html").is_file():
        log.info("web app not built (%s missing): `make frontend` builds it", folder / "index.html")
    router: Any = app.router
    router.default = FrontendFallback(folder, router.default)
