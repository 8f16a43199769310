"""May this principal do this action on a hearing of this unit?"""

from api.accounts.models import Role
from api.accounts.permissions import Principal, require_role, require_role_somewhere

ACTION_ROLES: dict[str, frozenset[str]] = {
    # Preparing and running hearings, meetings and their observers is the organizer's work.
    "organize": frozenset({Role.ORGANIZER}),
    # Staff of the unit may read what is not public (registrations' contacts stay organizer-only).
    "read_internal": frozenset({Role.ORGANIZER, Role.DRAFTER, Role.REVIEWER, Role.APPROVER}),
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
