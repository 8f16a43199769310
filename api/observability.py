"""What operators see: request ids, structured JSON logs, security headers and Prometheus metrics.

One pure ASGI middleware (no BaseHTTPMiddleware: it would cost every request a task hop) gives each
request an id (a sane incoming X-Request-ID is kept, so a load balancer's id follows the request), puts
it in every log line written while the request runs, adds the security headers, and records the
request's latency. `/metrics` serves Prometheus text; with several uvicorn workers, `canyu serve` points
PROMETHEUS_MULTIPROC_DIR at a shared folder so every worker's samples are summed.
"""

import contextvars
import json
import logging
import os
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

from api.settings import Settings

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
access_log = logging.getLogger("canyu.access")

# ---- metrics ---------------------------------------------------------------------------------------------

REQUEST_SECONDS = Histogram(
    "canyu_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10),
)
REQUESTS = Counter("canyu_http_requests_total", "HTTP requests answered.", ["method", "route", "status"])
COMMENTS_RECEIVED = Counter(
    "canyu_comments_received_total", "Comments stored (receipts issued), by channel.", ["channel"]
)
JOB_SECONDS = Histogram(
    "canyu_job_duration_seconds",
    "Time a job function ran, by job and outcome.",
    ["job", "outcome"],
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800),
)

JobFunction = Callable[..., Awaitable[Any]]


def timed_job(function: JobFunction) -> JobFunction:
    """Record a job function's duration and outcome; its name stays the same for arq."""

    @wraps(function)
    async def run(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await function(*args, **kwargs)
            outcome = "ok"
            return result
        finally:
            JOB_SECONDS.labels(function.__name__, outcome).observe(time.perf_counter() - started)

    return run


def metrics_registry() -> CollectorRegistry:
    """The registry to expose: every process's samples when running several workers, else this one's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    return REGISTRY


def render_metrics(queue_depths: dict[str, int]) -> tuple[bytes, str]:
    """The exposition text: the process metrics plus queue depths read at scrape time."""
    live = CollectorRegistry()
    gauge = Gauge("canyu_queue_depth", "Work waiting, read at scrape time.", ["queue"], registry=live)
    for queue, depth in queue_depths.items():
        gauge.labels(queue).set(depth)
    return generate_latest(metrics_registry()) + generate_latest(live), CONTENT_TYPE_LATEST


# ---- headers ---------------------------------------------------------------------------------------------

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; media-src 'self' blob:; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
)


def security_headers(settings: Settings) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"strict-origin-when-cross-origin"),
        (b"cross-origin-opener-policy", b"same-origin"),
        # The check-in screen scans QR codes with the camera; nothing else needs a device.
        (b"permissions-policy", b"camera=(self), microphone=(), geolocation=(), payment=()"),
        (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    ]
    if settings.secure_cookies:
        headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
    return headers


# ---- the middleware --------------------------------------------------------------------------------------

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def _route_label(scope: Scope) -> str:
    """The matched route's template (bounded label values), never the raw path."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


def _incoming_request_id(headers: Iterable[tuple[bytes, bytes]]) -> str | None:
    for name, value in headers:
        if name == b"x-request-id":
            text = value.decode("latin-1").strip()
            return text if _VALID_REQUEST_ID.match(text) else None
    return None


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.headers = security_headers(settings)
        # GraphiQL (development only) loads its scripts from a CDN, which the policy would block.
        self.relax_graphiql = not settings.is_production
        self.access_log = settings.access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope.get("headers", ())) or uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        headers = self.headers
        if self.relax_graphiql and scope["method"] == "GET" and scope["path"].startswith("/graphql"):
            headers = [h for h in headers if h[0] != b"content-security-policy"]

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"x-request-id", request_id.encode()),
                    *headers,
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            elapsed = time.perf_counter() - started
            route = _route_label(scope)
            REQUEST_SECONDS.labels(scope["method"], route).observe(elapsed)
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            if self.access_log:
                access_log.info(
                    "%s %s %s",
                    scope["method"],
                    scope["path"],
                    status,
                    extra={"route": route, "status": status, "duration_ms": round(elapsed * 1000, 2)},
                )
            request_id_var.reset(token)


# ---- logs ------------------------------------------------------------------------------------------------

_STANDARD_RECORD_FIELDS = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "color_message"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if request_id := request_id_var.get():
            entry["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD_RECORD_FIELDS and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_config(settings: Settings) -> dict[str, Any]:
    """A logging.config dict for `canyu serve` and `canyu worker` (uvicorn applies it in each worker)."""
    formatter = (
        {"()": "api.observability.JsonFormatter"}
        if settings.resolved_log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "default"}},
        "root": {"handlers": ["stderr"], "level": settings.log_level},
        "loggers": {
            "uvicorn": {"level": settings.log_level},
            "uvicorn.access": {"level": "WARNING"},  # canyu.access logs each request with its id
        },
    }
