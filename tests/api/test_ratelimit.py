"""Rate-limit counters: the Redis limiter's one-call Lua script against a real Redis, and the in-memory
limiter of embedded mode."""

import logging
from collections.abc import AsyncIterator

import pytest

from api.ratelimit import MemoryRateLimiter, RedisRateLimiter, address_key


@pytest.fixture
async def redis_limiter(redis_url: str | None) -> AsyncIterator[RedisRateLimiter]:
    if redis_url is None:
        pytest.skip("needs Redis (CANYU_TEST_DATABASE=postgresql)")
    limiter = RedisRateLimiter(redis_url)
    await limiter._redis.delete("canyu:rl:test:a", "canyu:rl:test:b")
    yield limiter
    await limiter._redis.delete("canyu:rl:test:a", "canyu:rl:test:b")
    await limiter.close()


async def test_redis_hit_counts_and_starts_the_window_once(redis_limiter):
    assert [await redis_limiter.hit("test:a", window_seconds=600) for _ in range(3)] == [1, 2, 3]
    assert await redis_limiter.peek("test:a") == 3
    ttl = await redis_limiter._redis.ttl("canyu:rl:test:a")
    assert 595 <= ttl <= 600
    # A later hit with another window does not move the end of the current one.
    assert await redis_limiter.hit("test:a", window_seconds=30) == 4
    assert await redis_limiter._redis.ttl("canyu:rl:test:a") > 30
    assert await redis_limiter.hit("test:b", window_seconds=600) == 1


async def test_redis_hit_is_one_command(redis_limiter, monkeypatch):
    await redis_limiter.hit("test:a", window_seconds=600)  # the script is loaded by now
    sent: list[str] = []
    execute = redis_limiter._redis.execute_command

    async def counting(*args, **kwargs):
        sent.append(str(args[0]))
        return await execute(*args, **kwargs)

    monkeypatch.setattr(redis_limiter._redis, "execute_command", counting)
    assert await redis_limiter.hit("test:a", window_seconds=600) == 2
    assert sent == ["EVALSHA"]


async def test_a_counter_left_without_expiry_gets_one(redis_limiter):
    await redis_limiter._redis.set("canyu:rl:test:a", 7)
    assert await redis_limiter.hit("test:a", window_seconds=600) == 8
    assert 0 < await redis_limiter._redis.ttl("canyu:rl:test:a") <= 600


async def test_the_script_is_loaded_again_after_redis_forgot_it(redis_limiter):
    assert await redis_limiter.hit("test:a", window_seconds=600) == 1
    await redis_limiter._redis.script_flush()  # as after a Redis restart
    assert await redis_limiter.hit("test:a", window_seconds=600) == 2


async def test_redis_down_lets_the_request_through_and_logs(caplog):
    limiter = RedisRateLimiter("redis://127.0.0.1:1/0")
    try:
        with caplog.at_level(logging.WARNING, logger="canyu.ratelimit"):
            assert await limiter.hit("test:a", window_seconds=600) == 0
        assert "rate limiter unavailable" in caplog.text
    finally:
        await limiter.close()


async def test_memory_limiter_counts_per_key_until_the_window_ends(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("api.ratelimit.time.monotonic", lambda: clock[0])
    limiter = MemoryRateLimiter()
    assert [await limiter.hit("a", window_seconds=60) for _ in range(3)] == [1, 2, 3]
    assert await limiter.hit("b", window_seconds=60) == 1
    clock[0] += 61
    assert await limiter.peek("a") == 0
    assert await limiter.hit("a", window_seconds=60) == 1


async def test_redis_undo_takes_back_one_hit_each_but_never_revives_a_window(redis_limiter):
    assert [await redis_limiter.hit("test:a", window_seconds=600) for _ in range(2)] == [1, 2]
    await redis_limiter.undo_many(["test:a", "test:b"])  # test:b has no window (it expired)
    assert await redis_limiter.peek("test:a") == 1
    assert 595 <= await redis_limiter._redis.ttl("canyu:rl:test:a") <= 600  # the window's end stays
    assert await redis_limiter._redis.exists("canyu:rl:test:b") == 0  # nothing taken back, none created


async def test_memory_undo_takes_back_one_hit_within_the_window(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("api.ratelimit.time.monotonic", lambda: clock[0])
    limiter = MemoryRateLimiter()
    assert [await limiter.hit("a", window_seconds=60) for _ in range(2)] == [1, 2]
    await limiter.undo_many(["a", "b"])
    assert (await limiter.peek("a"), await limiter.peek("b")) == (1, 0)
    clock[0] += 61
    await limiter.undo_many(["a"])
    assert await limiter.hit("a", window_seconds=60) == 1


async def test_redis_hit_many_counts_every_key_in_one_command(redis_limiter, monkeypatch):
    await redis_limiter.hit("test:a", window_seconds=600)  # the script is loaded by now
    sent: list[str] = []
    execute = redis_limiter._redis.execute_command

    async def counting(*args, **kwargs):
        sent.append(str(args[0]))
        return await execute(*args, **kwargs)

    monkeypatch.setattr(redis_limiter._redis, "execute_command", counting)
    a, b = await redis_limiter.hit_many([("test:a", 600), ("test:b", 60)])
    assert sent == ["EVALSHA"]
    assert (a.count, b.count) == (2, 1)
    assert 595 <= a.retry_after <= 600 and 55 <= b.retry_after <= 60


async def test_redis_down_hit_many_lets_through_without_naming_the_address(caplog):
    limiter = RedisRateLimiter("redis://127.0.0.1:1/0")
    try:
        with caplog.at_level(logging.WARNING, logger="canyu.ratelimit"):
            counted = await limiter.hit_many([("comment:7", 600), ("comment-ip:198.51.100.20", 600)])
        assert [(w.count, w.retry_after) for w in counted] == [(0, 0), (0, 0)]
        assert "comment, comment-ip" in caplog.text and "198.51.100.20" not in caplog.text
    finally:
        await limiter.close()


async def test_memory_hit_many_tells_when_each_window_ends(monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("api.ratelimit.time.monotonic", lambda: clock[0])
    limiter = MemoryRateLimiter()
    await limiter.hit("a", window_seconds=600)
    clock[0] += 100
    a, b = await limiter.hit_many([("a", 600), ("b", 60)])
    assert (a.count, a.retry_after, b.count, b.retry_after) == (2, 500, 1, 60)


def test_addresses_are_counted_by_ipv4_address_and_ipv6_network():
    assert address_key("198.51.100.20") == "198.51.100.20"
    assert address_key("::ffff:198.51.100.20") == "198.51.100.20"
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert address_key("unknown") == "unknown"
