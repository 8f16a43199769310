"""Fixed-window counters for rate limits and login throttling: Redis when configured, memory otherwise.

When Redis is unreachable the limiter lets requests through (and logs it): a citizen's comment is
worth more than a limit that cannot be checked for a moment.
"""

import ipaddress
import logging
import math
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from api.errors import RateLimited

log = logging.getLogger("canyu.ratelimit")


@dataclass(frozen=True)
class Window:
    """One counter after a hit: the events counted in its current window, and the seconds until that
    window ends (both 0 when the limiter was unavailable and let the request through)."""

    count: int
    retry_after: int


def too_often(what: str, *, retry_after: int, code: str, scope: str) -> RateLimited:
    """The refusal of a limited request: what was too frequent, and when to try again (「N 分钟」 or
    「N 秒」), with `retryAfter` in seconds and the `scope` counted (account, contact or address)."""
    wait = f"{math.ceil(retry_after / 60)} 分钟" if retry_after >= 60 else f"{max(retry_after, 1)} 秒"
    return RateLimited(f"{what}，请 {wait}后再试", code=code, retry_after=retry_after, scope=scope)


def address_key(client_ip: str) -> str:
    """The client address as counted: an IPv6 address by its /64 (one subscriber's network, whose host
    part a client can change at will), an IPv4 address as it is."""
    try:
        address = ipaddress.ip_address(client_ip)
    except ValueError:
        return client_ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


class RateLimiter:
    async def hit_many(self, windows: Sequence[tuple[str, int]]) -> list[Window]:
        """Count one event under each (key, window_seconds), in one call (one Redis round trip)."""
        raise NotImplementedError

    async def hit(self, key: str, *, window_seconds: int) -> int:
        """Count one event in the current window and return the count so far."""
        return (await self.hit_many([(key, window_seconds)]))[0].count

    async def undo_many(self, keys: Sequence[str]) -> None:
        """Take back one event under each key, counted by `hit_many` for something that turned out not to
        count (a replay, a refusal), in one call."""
        raise NotImplementedError

    async def peek(self, key: str) -> int:
        raise NotImplementedError

    async def reset(self, key: str) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        return None


class MemoryRateLimiter(RateLimiter):
    def __init__(self) -> None:
        self._windows: dict[str, tuple[float, int]] = {}

    def _current(self, key: str) -> tuple[float, int]:
        expires, count = self._windows.get(key, (0.0, 0))
        if expires <= time.monotonic():
            return 0.0, 0
        return expires, count

    async def hit_many(self, windows: Sequence[tuple[str, int]]) -> list[Window]:
        counted = []
        now = time.monotonic()
        for key, window_seconds in windows:
            expires, count = self._current(key)
            if not expires:
                expires = now + window_seconds
            self._windows[key] = (expires, count + 1)
            counted.append(Window(count + 1, max(1, math.ceil(expires - now))))
        if len(self._windows) > 100_000:
            self._windows = {k: v for k, v in self._windows.items() if v[0] > now}
        return counted

    async def undo_many(self, keys: Sequence[str]) -> None:
        for key in keys:
            expires, count = self._current(key)
            if count > 0:
                self._windows[key] = (expires, count - 1)

    async def peek(self, key: str) -> int:
        return self._current(key)[1]

    async def reset(self, key: str) -> None:
        self._windows.pop(key, None)


# For each key: INCR and, when the key has no expiry yet, EXPIRE (as EXPIRE … NX does on Redis 7, but
# also on older servers); returns count and seconds left, key after key. One server-side call: one command
# and one round trip for every counter of a request (the comment path counts its citizen, its address and
# the address's burst window at once). The keys of one call must share a hash slot on Redis Cluster.
_HIT_SCRIPT = """
local result = {}
for i = 1, #KEYS do
    local count = redis.call('INCR', KEYS[i])
    local ttl = redis.call('TTL', KEYS[i])
    if ttl == -1 then
        ttl = tonumber(ARGV[i])
        redis.call('EXPIRE', KEYS[i], ttl)
    end
    result[2 * i - 1] = count
    result[2 * i] = ttl
end
return result
"""

# DECR only live counters: a window that expired meanwhile stays gone instead of restarting at -1.
_UNDO_SCRIPT = """
for i = 1, #KEYS do
    if redis.call('GET', KEYS[i]) then
        redis.call('DECR', KEYS[i])
    end
end
"""


def _kinds(keys: Iterable[str]) -> str:
    """What was counted ("login-fail, login-fail-ip"), without the phone number or address in the keys."""
    return ", ".join(key.split(":", 1)[0] for key in keys)


class RedisRateLimiter(RateLimiter):
    def __init__(self, redis_url: str):
        from redis.asyncio import Redis

        self._redis: Any = Redis.from_url(redis_url, socket_timeout=1, socket_connect_timeout=1)
        # EVALSHA, loading the script on the server's first NOSCRIPT (after a restart or SCRIPT FLUSH).
        self._hit: Any = self._redis.register_script(_HIT_SCRIPT)
        self._undo: Any = self._redis.register_script(_UNDO_SCRIPT)

    async def hit_many(self, windows: Sequence[tuple[str, int]]) -> list[Window]:
        keys = [f"canyu:rl:{key}" for key, _ in windows]
        try:
            flat = await self._hit(keys=keys, args=[seconds for _, seconds in windows])
        except Exception as error:
            log.warning("rate limiter unavailable (%s); allowing %s", error, _kinds(k for k, _ in windows))
            return [Window(0, 0) for _ in windows]
        return [Window(int(flat[i]), int(flat[i + 1])) for i in range(0, len(flat), 2)]

    async def undo_many(self, keys: Sequence[str]) -> None:
        try:
            await self._undo(keys=[f"canyu:rl:{key}" for key in keys])
        except Exception as error:
            log.warning("rate limiter unavailable (%s); could not take back %s", error, _kinds(keys))

    async def peek(self, key: str) -> int:
        try:
            return int(await self._redis.get(f"canyu:rl:{key}") or 0)
        except Exception as error:
            log.warning("rate limiter unavailable (%s); allowing %s", error, _kinds([key]))
            return 0

    async def reset(self, key: str) -> None:
        try:
            await self._redis.delete(f"canyu:rl:{key}")
        except Exception as error:
            log.warning("rate limiter unavailable (%s); could not reset %s", error, _kinds([key]))

    async def close(self) -> None:
        await self._redis.aclose()
