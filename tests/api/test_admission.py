"""The admission limit: at most N GraphQL requests in the app at once, the rest admitted in arrival order;
other paths never wait."""

import asyncio
from typing import Any

from api.admission import AdmissionLimit


class SlowApp:
    """Records when each request enters and leaves; each one waits until released."""

    def __init__(self) -> None:
        self.inside: set[str] = set()
        self.most_inside = 0
        self.entered: list[str] = []
        self.release = asyncio.Event()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        name = scope["name"]
        self.inside.add(name)
        self.entered.append(name)
        self.most_inside = max(self.most_inside, len(self.inside))
        await self.release.wait()
        self.inside.discard(name)


def request(path: str, name: str) -> dict[str, Any]:
    return {"type": "http", "path": path, "name": name}


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


async def test_graphql_requests_beyond_the_limit_wait_and_enter_in_arrival_order():
    app = SlowApp()
    limited = AdmissionLimit(app, limit=2)
    calls = []
    for n in range(5):
        calls.append(asyncio.create_task(limited(request("/graphql", f"g{n}"), None, None)))
        await settle()
    assert app.entered == ["g0", "g1"]
    app.release.set()
    await asyncio.gather(*calls)
    assert app.entered == ["g0", "g1", "g2", "g3", "g4"]
    assert app.most_inside == 2


async def test_probes_downloads_and_pages_do_not_queue_behind_graphql():
    app = SlowApp()
    limited = AdmissionLimit(app, limit=1)
    busy = asyncio.create_task(limited(request("/graphql", "busy"), None, None))
    await settle()
    others = [
        asyncio.create_task(limited(request(path, path), None, None))
        for path in ["/readyz", "/healthz", "/metrics", "/statements/1/v1.pdf", "/"]
    ]
    await settle()
    assert set(app.inside) == {"busy", "/readyz", "/healthz", "/metrics", "/statements/1/v1.pdf", "/"}
    app.release.set()
    await asyncio.gather(busy, *others)
