"""Accounts through GraphQL: registration and verification, login and throttling, sessions and CSRF,
and the root admin's operations on units, staff and roles."""

import re

import pytest
from sqlalchemy import func, select

from api.accounts import service
from api.accounts.models import User, VerificationCode
from api.context import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from api.db import transaction
from api.errors import DomainError
from api.outbox import Notification
from tests.conftest import error_code

REGISTER = """
mutation($c: String!, $p: String!, $n: String! = "") {
  registerCitizen(contact: $c, password: $p, displayName: $n) { userId contact verificationRequired }
}"""
VERIFY = "mutation($c: String!, $code: String!) { verifyContact(contact: $c, code: $code) }"
RESEND = "mutation($c: String!) { requestVerificationCode(contact: $c) }"
LOGIN = """
mutation($i: String!, $p: String!) {
  login(identifier: $i, password: $p) { token csrfToken userId kind displayName }
}"""
LOGOUT = "mutation { logout }"
ME = "{ me { id kind displayName verified roles { role unitId } } }"
CREATE_UNIT = """
mutation($name: String!, $code: String!, $parent: String) {
  createUnit(name: $name, code: $code, regionCode: "330100", parentCode: $parent) {
    id name code regionCode parentId
  }
}"""
CREATE_STAFF = """
mutation($u: String!, $p: String!) {
  createStaffUser(username: $u, password: $p, displayName: "李审核") { id username displayName }
}"""
GRANT = """
mutation($user: ID!, $unit: String!, $role: Role!) { grantRole(userId: $user, unitCode: $unit, role: $role) }
"""
OUTBOX = "{ outbox { channel recipient kind body status } }"
PASSWORD = "citizen-pass-1"


def ok(result):
    assert "errors" not in result, result
    return result["data"]


async def latest_code(state, recipient: str) -> str:
    """The verification code in the newest outbox row for this recipient."""
    async with state.sessionmaker() as session:
        body = await session.scalar(
            select(Notification.body)
            .where(Notification.recipient == recipient, Notification.kind == "verification_code")
            .order_by(Notification.id.desc())
            .limit(1)
        )
    assert body is not None, f"no verification code was queued for {recipient}"
    match = re.search(r"验证码是 (\d{6})", body)
    assert match, body
    return match.group(1)


async def code_attempts(state, contact: str) -> list[int]:
    async with state.sessionmaker() as session:
        rows = await session.scalars(
            select(VerificationCode.attempts)
            .join(User, User.id == VerificationCode.user_id)
            .where((User.phone == contact) | (User.email == contact))
            .order_by(VerificationCode.id)
        )
        return list(rows)


async def user_count(state) -> int:
    async with state.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(User))


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


async def login_token(gql, identifier: str, password: str = PASSWORD) -> str:
    token = ok(await gql(LOGIN, {"i": identifier, "p": password}))["login"]["token"]
    gql.http.cookies.clear()  # act as a bearer-token client
    return token


# --- registration and verification -------------------------------------------------------------------


async def test_register_with_phone_queues_an_sms_code_and_verifying_it_marks_the_account(gql, state):
    registered = ok(await gql(REGISTER, {"c": "+86 138-0000-0001", "p": PASSWORD, "n": "张三"}))
    assert registered["registerCitizen"]["contact"] == "13800000001"
    assert registered["registerCitizen"]["verificationRequired"] is True

    async with state.sessionmaker() as session:
        queued = (await session.scalars(select(Notification))).all()
    assert [(n.channel, n.recipient, n.kind, n.status) for n in queued] == [
        ("sms", "13800000001", "verification_code", "pending")
    ]

    token = await login_token(gql, "13800000001")
    me = ok(await gql(ME, token=token))["me"]
    assert me == {
        "id": registered["registerCitizen"]["userId"],
        "kind": "citizen",
        "displayName": "张三",
        "verified": False,
        "roles": [],
    }
    code = await latest_code(state, "13800000001")
    assert ok(await gql(VERIFY, {"c": "13800000001", "code": code})) == {"verifyContact": True}
    assert ok(await gql(ME, token=token))["me"]["verified"] is True


async def test_register_with_email_lowercases_it_and_sends_the_code_by_email(gql, state):
    registered = ok(await gql(REGISTER, {"c": " Citizen@Example.COM ", "p": PASSWORD}))
    assert registered["registerCitizen"]["contact"] == "citizen@example.com"
    async with state.sessionmaker() as session:
        channel = await session.scalar(select(Notification.channel))
    assert channel == "email"

    code = await latest_code(state, "citizen@example.com")
    ok(await gql(VERIFY, {"c": "CITIZEN@example.com", "code": code}))
    token = await login_token(gql, "citizen@example.com")
    assert ok(await gql(ME, token=token))["me"]["verified"] is True


async def test_wrong_code_is_rejected_and_counted(gql, state):
    ok(await gql(REGISTER, {"c": "13800000001", "p": PASSWORD}))
    code = await latest_code(state, "13800000001")

    result = await gql(VERIFY, {"c": "13800000001", "code": wrong(code)})
    assert error_code(result) == "CODE_INVALID"
    assert result["errors"][0]["message"] == "验证码错误或已过期，请重新获取"
    assert await code_attempts(state, "13800000001") == [1]
    token = await login_token(gql, "13800000001")
    assert ok(await gql(ME, token=token))["me"]["verified"] is False


async def test_after_five_wrong_codes_even_the_right_code_fails(gql, state):
    ok(await gql(REGISTER, {"c": "13800000001", "p": PASSWORD}))
    code = await latest_code(state, "13800000001")
    for _ in range(5):
        assert error_code(await gql(VERIFY, {"c": "13800000001", "code": wrong(code)})) == "CODE_INVALID"
    assert await code_attempts(state, "13800000001") == [5]

    assert error_code(await gql(VERIFY, {"c": "13800000001", "code": code})) == "CODE_INVALID"
    token = await login_token(gql, "13800000001")
    assert ok(await gql(ME, token=token))["me"]["verified"] is False


async def test_a_new_code_replaces_the_previous_one(gql, state):
    ok(await gql(REGISTER, {"c": "13800000001", "p": PASSWORD}))
    first = await latest_code(state, "13800000001")
    assert ok(await gql(RESEND, {"c": "13800000001"})) == {"requestVerificationCode": True}
    second = await latest_code(state, "13800000001")
    if first == second:  # one chance in a million
        pytest.skip("the two random codes happen to be equal")

    assert error_code(await gql(VERIFY, {"c": "13800000001", "code": first})) == "CODE_INVALID"
    assert ok(await gql(VERIFY, {"c": "13800000001", "code": second})) == {"verifyContact": True}


async def test_code_request_for_unknown_contact_says_yes_and_sends_nothing(gql, state):
    assert ok(await gql(RESEND, {"c": "13900000009"})) == {"requestVerificationCode": True}
    async with state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Notification)) == 0


async def test_verifying_an_unknown_contact_fails_like_a_wrong_code(gql):
    assert error_code(await gql(VERIFY, {"c": "13900000009", "code": "123456"})) == "CODE_INVALID"


async def test_registering_a_verified_contact_again_is_refused(gql, state):
    for contact in ("13800000001", "a@example.com"):
        ok(await gql(REGISTER, {"c": contact, "p": PASSWORD}))
        ok(await gql(VERIFY, {"c": contact, "code": await latest_code(state, contact)}))

    assert error_code(await gql(REGISTER, {"c": "+8613800000001", "p": "other-pass-2"})) == "CONTACT_TAKEN"
    assert error_code(await gql(REGISTER, {"c": "A@Example.com", "p": "other-pass-2"})) == "CONTACT_TAKEN"
    assert await user_count(state) == 2


async def test_an_unverified_contact_can_be_registered_again_by_whoever_reads_its_codes(gql, state):
    ok(await gql(REGISTER, {"c": "13800000001", "p": "squatter-pass-1"}))
    again = ok(await gql(REGISTER, {"c": "13800000001", "p": "owner-pass-1", "n": "真正的机主"}))
    ok(await gql(VERIFY, {"c": "13800000001", "code": await latest_code(state, "13800000001")}))

    assert await user_count(state) == 1
    assert error_code(await gql(LOGIN, {"i": "13800000001", "p": "squatter-pass-1"})) == "LOGIN_FAILED"
    token = await login_token(gql, "+86 138 0000 0001", "owner-pass-1")
    me = ok(await gql(ME, token=token))["me"]
    assert (me["id"], me["displayName"], me["verified"]) == (
        again["registerCitizen"]["userId"],
        "真正的机主",
        True,
    )


async def test_codes_to_one_contact_are_limited(gql):
    ok(await gql(REGISTER, {"c": "13800000001", "p": PASSWORD}))
    for _ in range(4):
        ok(await gql(RESEND, {"c": "13800000001"}))
    assert error_code(await gql(RESEND, {"c": "13800000001"})) == "CODE_RATE_LIMITED"
    assert error_code(await gql(REGISTER, {"c": "13800000001", "p": PASSWORD})) == "CODE_RATE_LIMITED"


@pytest.mark.parametrize("contact", ["12345", "1380000000", "23800000001", "not-an-email", "a@b", ""])
async def test_invalid_contact_is_refused_and_nothing_is_created(gql, state, contact):
    result = await gql(REGISTER, {"c": contact, "p": PASSWORD})
    assert error_code(result) == "CONTACT_INVALID"
    assert result["errors"][0]["message"] == "请填写有效的手机号码（11位）或电子邮箱"
    assert await user_count(state) == 0


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("abcdefgh", "PASSWORD_TOO_WEAK"),
        ("12345678", "PASSWORD_TOO_WEAK"),
        ("pass1", "PASSWORD_INVALID"),
        ("a1" * 65, "PASSWORD_INVALID"),
    ],
)
async def test_weak_or_badly_sized_password_is_refused(gql, state, password, code):
    assert error_code(await gql(REGISTER, {"c": "13800000001", "p": password})) == code
    assert await user_count(state) == 0


# --- login, throttling, logout ---------------------------------------------------------------------


async def test_login_with_wrong_password_or_unknown_account_fails_the_same_way(gql, people):
    await people.citizen("13800000001")
    wrong_password = await gql(LOGIN, {"i": "13800000001", "p": "wrong-pass-1"})
    unknown = await gql(LOGIN, {"i": "13900000009", "p": PASSWORD})
    assert error_code(wrong_password) == error_code(unknown) == "LOGIN_FAILED"
    assert wrong_password["errors"][0]["message"] == unknown["errors"][0]["message"] == "账号或密码错误"


async def test_login_checks_a_password_even_for_an_unknown_account(gql, monkeypatch):
    checked: list[str | None] = []
    real_verify = service.verify_password

    def spy(password_hash, password):
        checked.append(password_hash)
        return real_verify(password_hash, password)

    monkeypatch.setattr(service, "verify_password", spy)
    assert error_code(await gql(LOGIN, {"i": "13900000009", "p": PASSWORD})) == "LOGIN_FAILED"
    assert checked == [None]  # the dummy hash is verified, so unknown accounts take as long as known ones


async def test_repeated_failures_throttle_login_even_with_the_right_password(gql, people, state):
    await people.citizen("13800000001")
    for _ in range(state.settings.login_max_failures):
        assert error_code(await gql(LOGIN, {"i": "13800000001", "p": "wrong-pass-1"})) == "LOGIN_FAILED"

    result = await gql(LOGIN, {"i": "13800000001", "p": PASSWORD})
    assert error_code(result) == "LOGIN_THROTTLED"
    assert result["errors"][0]["extensions"]["retryable"] is True


async def test_successful_login_resets_the_account_failure_count(gql, people, state):
    await people.citizen("13800000001")
    below_limit = state.settings.login_max_failures - 1
    for _ in range(below_limit):
        assert error_code(await gql(LOGIN, {"i": "13800000001", "p": "wrong-pass-1"})) == "LOGIN_FAILED"
    ok(await gql(LOGIN, {"i": "13800000001", "p": PASSWORD}))
    for _ in range(below_limit):
        assert error_code(await gql(LOGIN, {"i": "13800000001", "p": "wrong-pass-1"})) == "LOGIN_FAILED"

    assert ok(await gql(LOGIN, {"i": "13800000001", "p": PASSWORD}))["login"]["kind"] == "citizen"


async def test_logout_revokes_the_token(gql, people):
    token = await people.citizen("13800000001")
    other = await people.login("13800000001", PASSWORD)
    assert ok(await gql(ME, token=token))["me"]["kind"] == "citizen"

    assert ok(await gql(LOGOUT, token=token)) == {"logout": True}
    assert ok(await gql(ME, token=token)) == {"me": None}
    assert ok(await gql(ME, token=other))["me"]["kind"] == "citizen"  # only this session ended


async def test_logout_without_a_session_is_unauthenticated(gql):
    assert error_code(await gql(LOGOUT)) == "UNAUTHENTICATED"


async def test_unknown_token_is_anonymous(gql):
    assert ok(await gql(ME, token="not-a-real-token")) == {"me": None}


# --- cookie sessions and CSRF ----------------------------------------------------------------------


COOKIE_LOGIN = """
mutation($i: String!, $p: String!) {
  login(identifier: $i, password: $p, useCookie: true) { token csrfToken userId kind displayName }
}"""


async def cookie_login(client, people) -> dict:
    await people.citizen("13800000001")
    response = await client.post(
        "/graphql", json={"query": COOKIE_LOGIN, "variables": {"i": "13800000001", "p": PASSWORD}}
    )
    assert response.status_code == 200, response.text
    login = response.json()["data"]["login"]
    return {"response": response, "login": {**login, "token": response.cookies[SESSION_COOKIE]}}


async def test_cookie_login_sets_an_httponly_session_cookie_and_returns_no_token(client, people):
    response = (await cookie_login(client, people))["response"]
    login = response.json()["data"]["login"]
    set_cookies = {h.split("=", 1)[0]: h for h in response.headers.get_list("set-cookie")}

    assert set(set_cookies) == {SESSION_COOKIE, CSRF_COOKIE}
    assert login["token"] is None
    assert response.cookies[CSRF_COOKIE] == login["csrfToken"]
    assert "httponly" in set_cookies[SESSION_COOKIE].lower()
    assert "httponly" not in set_cookies[CSRF_COOKIE].lower()
    assert "samesite=lax" in set_cookies[SESSION_COOKIE].lower()


async def test_cookie_session_answers_queries_without_csrf_header(client, gql, people):
    await cookie_login(client, people)
    assert ok(await gql(ME))["me"]["kind"] == "citizen"


async def test_cookie_mutation_without_csrf_header_is_refused(client, gql, people):
    login = (await cookie_login(client, people))["login"]

    result = await gql(LOGOUT)
    assert error_code(result) == "CSRF_FAILED"
    assert ok(await gql(ME, token=login["token"]))["me"] is not None  # nothing happened


async def test_cookie_mutation_with_a_wrong_csrf_header_is_refused(client, gql, people):
    await cookie_login(client, people)
    assert error_code(await gql(LOGOUT, headers={CSRF_HEADER: "forged"})) == "CSRF_FAILED"


async def test_cookie_mutation_with_the_csrf_header_works(client, gql, people):
    login = (await cookie_login(client, people))["login"]

    assert ok(await gql(LOGOUT, headers={CSRF_HEADER: login["csrfToken"]})) == {"logout": True}
    assert SESSION_COOKIE not in client.cookies  # logout deleted the cookies
    assert ok(await gql(ME, token=login["token"])) == {"me": None}


async def test_bearer_login_sets_no_cookie(client, people):
    await people.citizen("13800000001")
    response = await client.post(
        "/graphql", json={"query": LOGIN, "variables": {"i": "13800000001", "p": PASSWORD}}
    )
    assert response.json()["data"]["login"]["token"]
    assert response.headers.get_list("set-cookie") == []


async def test_bearer_token_needs_no_csrf_header(client, gql, people):
    login = (await cookie_login(client, people))["login"]
    client.cookies.clear()

    assert ok(await gql(LOGOUT, token=login["token"])) == {"logout": True}


# --- units, staff and roles (root admins) ---------------------------------------------------------


@pytest.fixture
async def prov(people) -> int:
    return await people.unit("prov")


async def test_units_query_is_public_and_lists_units_parents_first(gql, people, prov):
    city = await people.unit("city", parent="prov", region="330100")
    units = ok(await gql("{ units { id name code regionCode parentId } }"))["units"]
    assert units == [
        {"id": str(prov), "name": "prov 单位", "code": "prov", "regionCode": "330000", "parentId": None},
        {"id": str(city), "name": "city 单位", "code": "city", "regionCode": "330100", "parentId": str(prov)},
    ]


async def test_root_admin_creates_a_unit(gql, people, prov):
    admin = await people.staff("admin", ["admin"])
    created = ok(await gql(CREATE_UNIT, {"name": "杭州市", "code": "hz", "parent": "prov"}, token=admin))
    assert created["createUnit"]["name"] == "杭州市"
    assert created["createUnit"]["parentId"] == str(prov)
    codes = [u["code"] for u in ok(await gql("{ units { code } }"))["units"]]
    assert codes == ["prov", "hz"]


async def test_root_admin_cannot_reuse_a_unit_code(gql, people, prov):
    admin = await people.staff("admin", ["admin"])
    assert (
        error_code(await gql(CREATE_UNIT, {"name": "重复", "code": "prov"}, token=admin)) == "UNIT_CODE_TAKEN"
    )


async def test_unit_input_is_checked_after_the_callers_right_and_changes_nothing(gql, people, prov):
    mutation = """
    mutation($name: String!, $code: String!, $region: String!) {
      createUnit(name: $name, code: $code, regionCode: $region) { id }
    }"""
    citizen = await people.citizen()
    # A refused caller is refused before the input is looked at (a taken code, bad text).
    refused = {"name": "意见\u0000截断", "code": "prov", "region": "3301"}
    assert error_code(await gql(mutation, refused, token=citizen)) == "FORBIDDEN"
    admin = await people.staff("admin", ["admin"])
    for variables, code in (
        ({"name": "某市", "code": "city", "region": "3301000000000"}, "REGION_CODE_INVALID"),
        ({"name": "某市", "code": "city", "region": "33010x"}, "REGION_CODE_INVALID"),
        ({"name": "某市\u0000", "code": "city", "region": "330100"}, "UNIT_INVALID"),
        ({"name": "某市", "code": "市 局", "region": "330100"}, "UNIT_INVALID"),
    ):
        assert error_code(await gql(mutation, variables, token=admin)) == code, variables
    units = ok(await gql("{ units { code } }"))["units"]
    assert [u["code"] for u in units] == ["prov"]


async def test_root_admin_creates_staff_and_grants_a_role(gql, people, prov):
    admin = await people.staff("admin", ["admin"])
    staff = ok(await gql(CREATE_STAFF, {"u": "Li.Reviewer", "p": "staff-pass-2"}, token=admin))[
        "createStaffUser"
    ]
    assert staff["username"] == "li.reviewer"
    assert staff["displayName"] == "李审核"

    granted = await gql(GRANT, {"user": staff["id"], "unit": "prov", "role": "REVIEWER"}, token=admin)
    assert ok(granted) == {"grantRole": True}
    token = await login_token(gql, "li.reviewer", "staff-pass-2")
    assert ok(await gql(ME, token=token))["me"]["roles"] == [{"role": "REVIEWER", "unitId": str(prov)}]


async def test_root_admin_granting_to_unknown_user_or_unit_fails(gql, people, prov):
    admin = await people.staff("admin", ["admin"])
    staff = ok(await gql(CREATE_STAFF, {"u": "reviewer1", "p": "staff-pass-2"}, token=admin))[
        "createStaffUser"
    ]
    missing_user = await gql(GRANT, {"user": "999999", "unit": "prov", "role": "REVIEWER"}, token=admin)
    missing_unit = await gql(GRANT, {"user": staff["id"], "unit": "nowhere", "role": "REVIEWER"}, token=admin)
    assert error_code(missing_user) == "USER_NOT_FOUND"
    assert error_code(missing_unit) == "UNIT_NOT_FOUND"


async def test_root_admin_reads_the_outbox_with_the_verification_code(gql, people, prov, state):
    admin = await people.staff("admin", ["admin"])
    ok(await gql(REGISTER, {"c": "13800000001", "p": PASSWORD}))
    outbox = ok(await gql(OUTBOX, token=admin))["outbox"]
    assert [(m["channel"], m["recipient"], m["kind"]) for m in outbox] == [
        ("sms", "13800000001", "verification_code")
    ]
    assert await latest_code(state, "13800000001") in outbox[0]["body"]


async def test_drafter_gets_forbidden_from_admin_mutations(gql, people, prov):
    drafter = await people.staff("drafter", ["drafter"])
    drafter_id = ok(await gql(ME, token=drafter))["me"]["id"]
    calls = [
        (CREATE_UNIT, {"name": "越权单位", "code": "x"}),
        (CREATE_STAFF, {"u": "intruder", "p": "staff-pass-2"}),
        (GRANT, {"user": drafter_id, "unit": "prov", "role": "ADMIN"}),
    ]
    for query, variables in calls:
        assert error_code(await gql(query, variables, token=drafter)) == "FORBIDDEN"
    assert ok(await gql(ME, token=drafter))["me"]["roles"] == [{"role": "DRAFTER", "unitId": str(prov)}]
    assert [u["code"] for u in ok(await gql("{ units { code } }"))["units"]] == ["prov"]


async def test_child_unit_admin_administers_only_its_own_subtree(gql, people, prov):
    await people.unit("city", parent="prov", region="330100")
    city_admin = await people.staff("cityadmin", ["admin"], unit="city")
    district = ok(await gql(CREATE_UNIT, {"name": "区", "code": "d", "parent": "city"}, token=city_admin))
    assert district["createUnit"]["code"] == "d"
    for parent in ("prov", None):
        variables = {"name": "越权单位", "code": f"x-{parent}", "parent": parent}
        assert error_code(await gql(CREATE_UNIT, variables, token=city_admin)) == "FORBIDDEN"
    staff = ok(await gql(CREATE_STAFF, {"u": "districtstaff", "p": "staff-pass-2"}, token=city_admin))
    user_id = staff["createStaffUser"]["id"]
    assert ok(await gql(GRANT, {"user": user_id, "unit": "d", "role": "DRAFTER"}, token=city_admin))
    grant_above = await gql(GRANT, {"user": user_id, "unit": "prov", "role": "DRAFTER"}, token=city_admin)
    assert error_code(grant_above) == "FORBIDDEN"
    assert error_code(await gql(OUTBOX, token=city_admin)) == "FORBIDDEN"


async def test_anonymous_callers_are_unauthenticated_for_admin_mutations(gql, prov):
    calls = [
        (CREATE_UNIT, {"name": "匿名单位", "code": "x"}),
        (CREATE_STAFF, {"u": "intruder", "p": "staff-pass-2"}),
        (GRANT, {"user": "1", "unit": "prov", "role": "ADMIN"}),
    ]
    for query, variables in calls:
        assert error_code(await gql(query, variables)) == "UNAUTHENTICATED"


async def test_outbox_is_forbidden_to_citizens_and_anonymous_callers(gql, people):
    citizen = await people.citizen("13800000001")
    assert error_code(await gql(OUTBOX, token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(OUTBOX)) == "UNAUTHENTICATED"


# --- staff accounts at the service level ---------------------------------------------------------------


async def create_staff(state, username: str, email: str) -> None:
    async with transaction(state.sessionmaker) as session:
        await service.create_staff_user(
            session, username=username, password="staff-pass-2", display_name="", email=email
        )


async def test_staff_email_already_used_by_a_citizen_is_a_clear_conflict(state, people):
    await people.citizen("a@example.com")
    with pytest.raises(DomainError) as raised:
        await create_staff(state, "staff1", "A@Example.com")
    assert raised.value.code == "EMAIL_TAKEN"
    assert await user_count(state) == 1


async def test_staff_email_must_be_an_email(state):
    with pytest.raises(DomainError) as raised:
        await create_staff(state, "staff1", "13800000001")
    assert raised.value.code == "EMAIL_INVALID"
    assert await user_count(state) == 0


async def test_staff_email_is_stored_lower_cased(state):
    await create_staff(state, "staff1", "Li.Si@Example.GOV.cn")
    async with state.sessionmaker() as session:
        assert (
            await session.scalar(select(User.email).where(User.username == "staff1"))
            == "li.si@example.gov.cn"
        )


async def test_grant_role_refuses_non_admins_before_looking_at_the_user(gql, people, prov):
    citizen = await people.citizen("13800000009")
    for user_id in ("1", "999999"):
        result = await gql(GRANT, {"user": user_id, "unit": "prov", "role": "ADMIN"}, token=citizen)
        assert error_code(result) == "FORBIDDEN"


async def test_refused_mutations_release_their_database_connection(client, gql, people, settings):
    await cookie_login(client, people)
    # More refusals than the pool holds connections: a leaked connection would stall the next call.
    for _ in range(settings.db_pool_size * 3):
        assert error_code(await gql(LOGOUT)) == "CSRF_FAILED"
    assert ok(await gql(ME))["me"]["kind"] == "citizen"
