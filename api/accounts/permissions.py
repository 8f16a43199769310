"""Who the caller is, and whether they hold a role on a unit (a grant covers the unit's children)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from api.accounts.models import Role
from api.audit import Actor
from api.errors import NotAuthenticated, PermissionDenied


@dataclass(frozen=True)
class Grant:
    role: str
    unit_id: int
    unit_path: str


@dataclass(frozen=True)
class Principal:
    user_id: int
    kind: str
    display_name: str
    verified: bool
    contact: str = ""
    grants: tuple[Grant, ...] = field(default=())

    @property
    def is_staff(self) -> bool:
        return self.kind == "staff"

    @property
    def actor(self) -> Actor:
        return Actor(id=self.user_id, label=f"{self.kind}:{self.user_id}:{self.display_name}")

    def has_role(self, roles: Iterable[str], unit_path: str) -> bool:
        """True if a grant of one of `roles` (or admin) sits on this unit or one of its ancestors."""
        wanted = {*roles, Role.ADMIN}
        return any(g.role in wanted and unit_path.startswith(g.unit_path) for g in self.grants)

    @property
    def is_deployment_admin(self) -> bool:
        """An admin of a top-level unit (path "/<id>/") runs the deployment: top-level units, the outbox."""
        return any(g.role == Role.ADMIN and g.unit_path.count("/") == 2 for g in self.grants)

    def unit_paths(self, roles: Iterable[str]) -> list[str]:
        wanted = {*roles, Role.ADMIN}
        return [g.unit_path for g in self.grants if g.role in wanted]


def require_user(principal: Principal | None) -> Principal:
    if principal is None:
        raise NotAuthenticated("请先登录")
    return principal


def require_role(principal: Principal | None, roles: Iterable[str], unit_path: str) -> Principal:
    """Return the principal if they hold one of `roles` on the unit, else raise."""
    principal = require_user(principal)
    roles = tuple(roles)
    if not principal.has_role(roles, unit_path):
        names = "、".join(ROLE_LABELS[r] for r in sorted(roles, key=list(ROLE_LABELS).index))
        raise PermissionDenied(f"没有权限：此操作需要本单位的{names}角色")
    return principal


def require_role_somewhere(principal: Principal | None, roles: Iterable[str]) -> Principal:
    """Permission first: refuse a caller who holds none of `roles` (nor admin) on any unit, before the
    operation looks up what it was asked about, so a refusal is the same whether the id exists or not.
    Only staff holding such a role on some unit get as far as "not found" or "not your unit"."""
    principal = require_user(principal)
    roles = tuple(roles)
    if not principal.unit_paths(roles):
        names = "、".join(ROLE_LABELS[r] for r in sorted(roles, key=list(ROLE_LABELS).index))
        raise PermissionDenied(f"没有权限：此操作需要本单位的{names}角色")
    return principal


def require_deployment_admin(principal: Principal | None) -> Principal:
    principal = require_user(principal)
    if not principal.is_deployment_admin:
        raise PermissionDenied("没有权限：此操作需要顶级单位的管理员角色")
    return principal


def require_system_admin(principal: Principal | None, top_level_unit_ids: Iterable[int]) -> Principal:
    """An admin of every top-level unit: the one who runs the deployment for all the bodies it serves.
    What belongs to no unit (every citizen's verification codes and receipts: the outbox) is theirs only;
    an admin of one body's top-level unit, in a deployment shared by several, is not one."""
    principal = require_deployment_admin(principal)
    administered = {
        g.unit_id for g in principal.grants if g.role == Role.ADMIN and g.unit_path.count("/") == 2
    }
    if not set(top_level_unit_ids) <= administered:
        raise PermissionDenied("没有权限：通知发件箱仅限系统管理员（所有顶级单位的管理员）查看")
    return principal


def require_any_admin(principal: Principal | None) -> Principal:
    principal = require_user(principal)
    if not principal.unit_paths([Role.ADMIN]):
        raise PermissionDenied("没有权限：此操作需要管理员角色")
    return principal


ROLE_LABELS: dict[str, str] = {
    Role.ADMIN: "管理员",
    Role.DRAFTER: "起草人",
    Role.REVIEWER: "审核人",
    Role.APPROVER: "批准人",
    Role.ORGANIZER: "会议组织者",
}
