"""Fixed-window counters for rate limits and login throttling: Redis when configured, memory otherwise.

When Redis is unreachable the limiter lets requests through (and logs it): a citizen's comment is
worth more than a limit that cannot be checked for a moment.
"""

import logging
import time
from typing import Any

log = logging.getLogger("canyu.ratelimit")


class RateLimiter:
    async def hit(self, key: str, *, window_seconds: int) -> int:
        """Count one event in the current window and return the count so far."""
        raise NotImplementedError

    async def undo(self, key: str) -> None:
        """Take back one event counted by `hit` (one that turned out not to count, such as a replay)."""
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

    async def hit(self, key: str, *, window_seconds: int) -> int:
        expires, count = self._current(key)
        if not expires:
            expires = time.monotonic() + window_seconds
        self._windows[key] = (expires, count + 1)
        if len(self._windows) > 100_000:
            self._windows = {k: v for k, v in self._windows.items() if v[0] > time.monotonic()}
        return count + 1

    async def undo(self, key: str) -> None:
        expires, count = self._current(key)
        if count > 0:
            self._windows[key] = (expires, count - 1)

    async def peek(self, key: str) -> int:
        return self._current(key)[1]

    async def reset(self, key: str) -> None:
        self._windows.pop(key, None)


# INCR and, when the key has no expiry yet, EXPIRE (as EXPIRE … NX does on Redis 7, but also on older
# servers), in one server-side call: one command and one round trip per hit instead of a two-command pipeline.
_HIT_SCRIPT = """
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) == -1 then
    redis.call('EXPIRE', KEYS[1], ARGV[1])
end
return count
"""

# DECR only a live counter: a window that expired meanwhile stays gone instead of restarting at -1.
_UNDO_SCRIPT = """
if redis.call('GET', KEYS[1]) then
    redis.call('DECR', KEYS[1])
end
"""


class RedisRateLimiter(RateLimiter):
    def __init__(self, redis_url: str):
        from redis.asyncio import Redis

        self._redis: Any = Redis.from_url(redis_url, socket_timeout=1, socket_connect_timeout=1)
        # EVALSHA, loading the script on the server's first NOSCRIPT (after a restart or SCRIPT FLUSH).
        self._hit: Any = self._redis.register_script(_HIT_SCRIPT)
        self._undo: Any = self._redis.register_script(_UNDO_SCRIPT)

    async def hit(self, key: str, *, window_seconds: int) -> int:
        try:
            return int(await self._hit(keys=[f"canyu:rl:{key}"], args=[window_seconds]))
        except Exception as error:
            log.warning("rate limiter unavailable (%s); allowing %s", error, key)
            return 0

    async def undo(self, key: str) -> None:
        try:
            await self._undo(keys=[f"canyu:rl:{key}"])
        except Exception as error:
            log.warning("rate limiter unavailable (%s); could not take back %s", error, key)

    async def peek(self, key: str) -> int:
        try:
            return int(await self._redis.get(f"canyu:rl:{key}") or 0)
        except Exception as error:
            log.warning("rate limiter unavailable (%s); allowing %s", error, key)
            return 0

    async def reset(self, key: str) -> None:
        try:
            await self._redis.delete(f"canyu:rl:{key}")
        except Exception as error:
            log.warning("rate limiter unavailable (%s); could not reset %s", error, key)

    async def close(self) -> None:
        await self._redis.aclose()
