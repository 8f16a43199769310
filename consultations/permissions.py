"""May this principal do this action on a consultation of this unit?"""

from api.accounts.models import Role
from api.accounts.permissions import Principal, require_role, require_role_somewhere

ACTION_ROLES: dict[str, frozenset[str]] = {
    "create": frozenset({Role.DRAFTER}),
    "edit_draft": frozenset({Role.DRAFTER}),
    "submit_for_review": frozenset({Role.DRAFTER}),
    "return_to_draft": frozenset({Role.DRAFTER, Role.REVIEWER, Role.APPROVER}),
    "record_review": frozenset({Role.DRAFTER, Role.REVIEWER, Role.APPROVER}),
    "publish": frozenset({Role.DRAFTER, Role.APPROVER}),
    "approve_shortened_period": frozenset({Role.APPROVER}),
    "close_early": frozenset({Role.APPROVER}),
    "close": frozenset({Role.DRAFTER, Role.APPROVER}),
    "withdraw": frozenset({Role.DRAFTER, Role.APPROVER}),
    "record_offline_comment": frozenset({Role.DRAFTER, Role.REVIEWER}),
    "moderate": frozenset({Role.DRAFTER, Role.REVIEWER}),
    "organize_opinions": frozenset({Role.DRAFTER, Role.REVIEWER}),  # aggregation and group corrections
    "propose_disposition": frozenset({Role.REVIEWER}),
    "approve_disposition": frozenset({Role.APPROVER}),
    "generate_statement": frozenset({Role.DRAFTER, Role.REVIEWER}),
    "publish_statement": frozenset({Role.APPROVER}),
    "publish_decision": frozenset({Role.APPROVER}),
    "read_internal": frozenset({Role.DRAFTER, Role.REVIEWER, Role.APPROVER, Role.ORGANIZER}),
}


def can(principal: Principal | None, action: str, unit_path: str) -> bool:
    return principal is not None and principal.has_role(ACTION_ROLES[action], unit_path)


def ensure(principal: Principal | None, action: str, unit_path: str) -> Principal:
    """Return the principal if allowed, else raise a clear permission error."""
    return require_role(principal, ACTION_ROLES[action], unit_path)


def ensure_able(principal: Principal | None, action: str) -> Principal:
    """Refuse, before any lookup, a caller who may do this action on no unit at all (permission first:
    the refusal says nothing about whether the id asked about exists)."""
    return require_role_somewhere(principal, ACTION_ROLES[action])
