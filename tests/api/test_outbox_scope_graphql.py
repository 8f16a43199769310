"""The outbox holds every citizen's verification codes and receipts: only the system admin (an admin of
every top-level unit) reads it, never the admin of one body in a deployment several bodies share."""

from api.accounts import service as accounts
from tests.conftest import error_code

OUTBOX = "{ outbox { recipient kind } }"
REGISTER = 'mutation($c: String!) { registerCitizen(contact: $c, password: "citizen-pass-1") { userId } }'


def ok(result):
    assert "errors" not in result, result
    return result["data"]


async def test_with_one_top_level_unit_its_admin_is_the_system_admin(gql, people, state):
    await people.unit("prov")
    admin = await people.staff("admin", ["admin"], unit="prov")
    ok(await gql(REGISTER, {"c": "13800000001"}))
    assert ok(await gql(OUTBOX, token=admin))["outbox"] == [
        {"recipient": "13800000001", "kind": "verification_code"}
    ]


async def test_with_several_top_level_units_only_an_admin_of_all_reads_it(gql, people, state):
    await people.unit("prov")
    await people.unit("other", region="320000")
    await people.unit("city", parent="prov", region="330100")
    prov_admin = await people.staff("prov-admin", ["admin"], unit="prov")
    city_admin = await people.staff("city-admin", ["admin"], unit="city")
    drafter = await people.staff("drafter", ["drafter"], unit="prov")
    system = await people.staff("system", ["admin"], unit="prov")
    async with state.sessionmaker() as session:
        user_id = (await people.principal(system)).user_id
        await accounts.grant_role(session, user_id=user_id, unit_code="other", role="admin")
        await session.commit()
    ok(await gql(REGISTER, {"c": "13800000001"}))
    for token in (prov_admin, city_admin, drafter):
        result = await gql(OUTBOX, token=token)
        assert error_code(result) == "FORBIDDEN" and result["data"] is None
    assert error_code(await gql(OUTBOX)) == "UNAUTHENTICATED"
    assert [m["recipient"] for m in ok(await gql(OUTBOX, token=system))["outbox"]] == ["13800000001"]
