"""`canyu serve` plus the web app, for the browser tests while api/app.py does not mount it yet.

Used by e2e/server.mjs only when `canyu serve` answers / without the app; once api/app.py calls
`mount_frontend`, the tests run against `canyu serve` itself and this file is not used.
"""

import os

import uvicorn
from fastapi import FastAPI

from api.app import create_app
from api.frontend import FrontendFallback, mount_frontend
from api.settings import get_settings


def app() -> FastAPI:
    application = create_app()
    if not isinstance(application.router.default, FrontendFallback):
        mount_frontend(application, get_settings())
    return application


if __name__ == "__main__":
    settings = get_settings()
    uvicorn.run(
        "serve_with_frontend:app",
        factory=True,
        app_dir=os.path.dirname(os.path.abspath(__file__)),
        host=settings.host,
        port=settings.port,
        log_level="info",
        access_log=False,
    )
