"""Per-address abuse limits on accounts through GraphQL: login attempts and failures across accounts,
verification codes and registrations, the window's end, and a Redis outage (let through). Runs with the
memory limiter (SQLite) and the real Redis limiter (PostgreSQL mode)."""

import asyncio

import pytest

from api.accounts import service as accounts
from api.ratelimit import RedisRateLimiter
from tests import addresses
from tests.addresses import Unreachable
from tests.conftest import error_code

REGISTER = 'mutation($c: String!) { registerCitizen(contact: $c, password: "citizen-pass-1") { userId } }'
RESEND = "mutation($c: String!) { requestVerificationCode(contact: $c) }"
LOGIN = "mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }"
PASSWORD = "citizen-pass-1"  # People.citizen's
OFFICE, HOME = "198.51.100.20", "203.0.113.9"
gql_from = addresses.gql_from  # the fixture


def ok(result):
    assert "errors" not in result, result
    return result["data"]


def limits(monkeypatch: pytest.MonkeyPatch, state, **values: int) -> None:
    for name, value in values.items():
        monkeypatch.setattr(state.settings, name, value)


def refusal(result) -> tuple[str, str, str]:
    error = result["errors"][0]
    return error["extensions"]["code"], error["extensions"]["scope"], error["message"]


async def test_login_attempts_from_one_address_are_limited_across_accounts(
    gql_from, people, state, monkeypatch
):
    contacts = [f"1380000{n:04d}" for n in range(1, 6)]
    for contact in contacts:
        await people.citizen(contact)
    limits(monkeypatch, state, login_ip_rate_limit=3)
    office = gql_from(OFFICE)
    for contact in contacts[:3]:  # successful logins count too
        ok(await office(LOGIN, {"i": contact, "p": PASSWORD}))
    code, scope, message = refusal(await office(LOGIN, {"i": contacts[3], "p": PASSWORD}))
    assert (code, scope) == ("LOGIN_THROTTLED", "address") and "后再试" in message
    ok(await gql_from(HOME)(LOGIN, {"i": contacts[3], "p": PASSWORD}))


async def test_failed_logins_from_one_address_lock_it_across_accounts(gql_from, people, state, monkeypatch):
    contacts = [f"1380000{n:04d}" for n in range(1, 6)]
    for contact in contacts:
        await people.citizen(contact)
    limits(monkeypatch, state, login_ip_max_failures=3)
    office = gql_from(OFFICE)
    for contact in contacts[:3]:  # one wrong password each: no account reaches its own throttle
        assert error_code(await office(LOGIN, {"i": contact, "p": "wrong-pass-1"})) == "LOGIN_FAILED"
    code, scope, message = refusal(await office(LOGIN, {"i": contacts[4], "p": PASSWORD}))
    assert (code, scope) == ("LOGIN_THROTTLED", "address") and "15 分钟" in message
    ok(await gql_from(HOME)(LOGIN, {"i": contacts[4], "p": PASSWORD}))


async def test_codes_from_one_address_are_limited_across_contacts(gql_from, state, monkeypatch):
    limits(monkeypatch, state, code_ip_rate_limit=3)
    office = gql_from(OFFICE)
    ok(await office(REGISTER, {"c": "13800000001"}))
    ok(await office(RESEND, {"c": "13800000001"}))
    ok(await office(RESEND, {"c": "13800000002"}))  # unknown contacts count too: the answer is the same
    code, scope, message = refusal(await office(RESEND, {"c": "13800000003"}))
    assert (code, scope) == ("CODE_RATE_LIMITED", "address") and "分钟后再试" in message
    assert refusal(await office(REGISTER, {"c": "13800000004"}))[:2] == ("CODE_RATE_LIMITED", "address")
    ok(await gql_from(HOME)(REGISTER, {"c": "13800000004"}))


async def test_registrations_from_one_address_are_limited(gql_from, state, monkeypatch):
    limits(monkeypatch, state, registration_ip_rate_limit=2)
    office = gql_from(OFFICE)
    ok(await office(REGISTER, {"c": "13800000001"}))
    ok(await office(REGISTER, {"c": "13800000002"}))
    code, scope, _ = refusal(await office(REGISTER, {"c": "13800000003"}))
    assert (code, scope) == ("REGISTRATION_RATE_LIMITED", "address")
    ok(await office(RESEND, {"c": "13800000001"}))  # a code for an account being registered still goes out
    ok(await gql_from(HOME)(REGISTER, {"c": "13800000003"}))


async def test_the_address_may_ask_again_after_the_window(gql_from, state, monkeypatch):
    limits(monkeypatch, state, code_ip_rate_limit=1)
    monkeypatch.setattr(accounts, "HOUR", 1)
    office = gql_from(OFFICE)
    ok(await office(REGISTER, {"c": "13800000001"}))
    assert error_code(await office(REGISTER, {"c": "13800000002"})) == "CODE_RATE_LIMITED"
    await asyncio.sleep(1.3)
    ok(await office(REGISTER, {"c": "13800000002"}))


async def test_redis_down_lets_account_requests_through(gql_from, people, state, monkeypatch):
    limits(
        monkeypatch,
        state,
        login_ip_rate_limit=1,
        login_ip_max_failures=1,
        code_ip_rate_limit=1,
        registration_ip_rate_limit=1,
    )
    down = RedisRateLimiter(Unreachable.url)
    monkeypatch.setattr(state, "limiter", down)
    try:
        office = gql_from(OFFICE)
        for n in range(1, 4):
            ok(await office(REGISTER, {"c": f"1380000{n:04d}"}))
        await people.citizen("13900000001")
        assert error_code(await office(LOGIN, {"i": "13900000001", "p": "wrong-pass-1"})) == "LOGIN_FAILED"
        for _ in range(3):
            ok(await office(LOGIN, {"i": "13900000001", "p": PASSWORD}))
    finally:
        await down.close()
