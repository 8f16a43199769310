"""GraphQL clients that call from a chosen client address (for the per-address abuse limits)."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from tests.conftest import GraphQL


@pytest.fixture
async def gql_from(app: Any) -> AsyncIterator[Callable[[str], GraphQL]]:
    """`gql_from("203.0.113.7")`: a client whose requests come from that address."""
    clients: dict[str, httpx.AsyncClient] = {}

    def client(address: str) -> GraphQL:
        if address not in clients:
            transport = httpx.ASGITransport(app=app, client=(address, 40000))
            clients[address] = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        return GraphQL(clients[address])

    yield client
    for http in clients.values():
        await http.aclose()


class Unreachable:
    """A Redis limiter on a port where nothing listens: every count fails, so every request is let through."""

    url = "redis://127.0.0.1:1/0"
