"""GraphQL types and operations for accounts: registration, verification, login, staff and units."""

from datetime import datetime
from typing import Annotated

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from api.accounts import service
from api.accounts.models import Role, Unit
from api.accounts.permissions import (
    Principal,
    require_deployment_admin,
    require_system_admin,
    require_user,
)
from api.context import CSRF_COOKIE, SESSION_COOKIE, Context, parse_id
from api.outbox import Notification
from api.pagination import page_size

ContextInfo = Info[Context, None]

strawberry.enum(Role, name="Role")


@strawberry.type(name="Unit")
class UnitType:
    id: strawberry.ID
    name: str
    code: str
    region_code: str
    parent_id: strawberry.ID | None

    @classmethod
    def from_row(cls, unit: Unit) -> "UnitType":
        return cls(
            id=strawberry.ID(str(unit.id)),
            name=unit.name,
            code=unit.code,
            region_code=unit.region_code,
            parent_id=strawberry.ID(str(unit.parent_id)) if unit.parent_id else None,
        )


@strawberry.type
class RoleGrantType:
    role: Role
    unit_id: strawberry.ID


@strawberry.type
class Me:
    id: strawberry.ID
    kind: str
    display_name: str
    verified: bool
    roles: list[RoleGrantType]

    @classmethod
    def from_principal(cls, principal: Principal) -> "Me":
        return cls(
            id=strawberry.ID(str(principal.user_id)),
            kind=principal.kind,
            display_name=principal.display_name,
            verified=principal.verified,
            roles=[
                RoleGrantType(role=Role(g.role), unit_id=strawberry.ID(str(g.unit_id)))
                for g in principal.grants
            ],
        )


@strawberry.type
class Registration:
    user_id: strawberry.ID
    contact: str
    verification_required: bool


@strawberry.type
class LoginResult:
    token: str | None = strawberry.field(description="Bearer token for API clients; null for cookie logins.")
    csrf_token: str = strawberry.field(description="Echo in the X-CSRF-Token header with cookie sessions.")
    expires_at: datetime
    user_id: strawberry.ID
    kind: str
    display_name: str


@strawberry.type
class StaffUser:
    id: strawberry.ID
    username: str
    display_name: str


@strawberry.type
class OutboxMessage:
    id: strawberry.ID
    channel: str
    recipient: str
    kind: str
    subject: str
    body: str
    status: str
    attempts: int
    created_at: datetime
    sent_at: datetime | None


@strawberry.type
class AccountQuery:
    @strawberry.field(description="The signed-in user, or null.")
    async def me(self, info: ContextInfo) -> Me | None:
        principal = await info.context.principal()
        return Me.from_principal(principal) if principal else None

    @strawberry.field(description="Government units (public), for filtering consultations.")
    async def units(self, info: ContextInfo) -> list[UnitType]:
        async with info.context.session() as session:
            rows = await session.scalars(select(Unit).order_by(Unit.path))
            return [UnitType.from_row(u) for u in rows]

    @strawberry.field(
        description="Notification outbox, every unit's and every citizen's (the system admin: an admin of "
        "every top-level unit; shows codes in embedded mode)."
    )
    async def outbox(self, info: ContextInfo, first: int = 50) -> list[OutboxMessage]:
        principal = require_deployment_admin(await info.context.principal())  # before any lookup
        async with info.context.session() as session:
            require_system_admin(
                principal, await session.scalars(select(Unit.id).where(Unit.parent_id.is_(None)))
            )
            rows = await session.scalars(
                select(Notification).order_by(Notification.id.desc()).limit(page_size(first))
            )
            return [
                OutboxMessage(
                    id=strawberry.ID(str(n.id)),
                    channel=n.channel,
                    recipient=n.recipient,
                    kind=n.kind,
                    subject=n.subject,
                    body=n.body,
                    status=n.status,
                    attempts=n.attempts,
                    created_at=n.created_at,
                    sent_at=n.sent_at,
                )
                for n in rows
            ]


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Register a citizen with a phone number or email; a code is sent to it.")
    async def register_citizen(
        self, info: ContextInfo, contact: str, password: str, display_name: str = ""
    ) -> Registration:
        ctx = info.context
        user = await ctx.mutate(
            lambda s: service.register_citizen(
                s,
                contact=contact,
                password=password,
                display_name=display_name,
                settings=ctx.settings,
                limiter=ctx.state.limiter,
                client_ip=ctx.client_ip,
            )
        )
        await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return Registration(
            user_id=strawberry.ID(str(user.id)), contact=user.contact, verification_required=True
        )

    @strawberry.mutation(description="Send a new verification code to an unverified contact.")
    async def request_verification_code(self, info: ContextInfo, contact: str) -> bool:
        ctx = info.context
        await ctx.mutate(
            lambda s: service.resend_code(
                s, contact=contact, settings=ctx.settings, limiter=ctx.state.limiter, client_ip=ctx.client_ip
            )
        )
        await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return True

    @strawberry.mutation(description="Verify a phone number or email with the code sent to it.")
    async def verify_contact(self, info: ContextInfo, contact: str, code: str) -> bool:
        await info.context.mutate(lambda s: service.verify_contact(s, contact=contact, code=code))
        return True

    @strawberry.mutation(
        description="Sign in: a bearer token for API clients, or (useCookie) session cookies."
    )
    async def login(
        self,
        info: ContextInfo,
        identifier: str,
        password: str,
        use_cookie: Annotated[
            bool,
            strawberry.argument(
                description="Browsers: keep the session in an HttpOnly cookie and return no token to scripts."
            ),
        ] = False,
    ) -> LoginResult:
        ctx = info.context
        user, token, auth_session = await ctx.mutate(
            lambda s: service.login(
                s,
                identifier=identifier,
                password=password,
                limiter=ctx.state.limiter,
                settings=ctx.settings,
                client_ip=ctx.client_ip,
            )
        )
        if use_cookie and ctx.response is not None:
            max_age = ctx.settings.session_days * 86400
            secure = ctx.settings.secure_cookies
            ctx.response.set_cookie(
                SESSION_COOKIE, token, max_age=max_age, httponly=True, secure=secure, samesite="lax"
            )
            ctx.response.set_cookie(
                CSRF_COOKIE,
                auth_session.csrf_token,
                max_age=max_age,
                httponly=False,
                secure=secure,
                samesite="lax",
            )
        return LoginResult(
            token=None if use_cookie else token,
            csrf_token=auth_session.csrf_token,
            expires_at=auth_session.expires_at,
            user_id=strawberry.ID(str(user.id)),
            kind=user.kind,
            display_name=user.display_name,
        )

    @strawberry.mutation(description="Sign out: revoke the current session.")
    async def logout(self, info: ContextInfo) -> bool:
        ctx = info.context
        require_user(await ctx.acting_principal())
        token, _ = ctx._token()
        assert token is not None
        await ctx.mutate(lambda s: service.logout(s, token=token))
        if ctx.response is not None:
            ctx.response.delete_cookie(SESSION_COOKIE)
            ctx.response.delete_cookie(CSRF_COOKIE)
        return True

    @strawberry.mutation(
        description="Create a government unit: under a unit you administer, or top-level (deployment admins)."
    )
    async def create_unit(
        self, info: ContextInfo, name: str, code: str, region_code: str = "", parent_code: str | None = None
    ) -> UnitType:
        principal = require_user(await info.context.acting_principal())
        unit = await info.context.mutate(
            lambda s: service.create_unit(
                s,
                name=name,
                code=code,
                region_code=region_code,
                parent_code=parent_code,
                by=principal,
            )
        )
        return UnitType.from_row(unit)

    @strawberry.mutation(description="Create a staff account (admins); grant it roles with grantRole.")
    async def create_staff_user(
        self, info: ContextInfo, username: str, password: str, display_name: str, email: str | None = None
    ) -> StaffUser:
        principal = require_user(await info.context.acting_principal())
        user = await info.context.mutate(
            lambda s: service.create_staff_user(
                s,
                username=username,
                password=password,
                display_name=display_name,
                email=email,
                by=principal,
            )
        )
        return StaffUser(
            id=strawberry.ID(str(user.id)), username=user.username or "", display_name=user.display_name
        )

    @strawberry.mutation(description="Grant a staff role on a unit and its children (admins of that unit).")
    async def grant_role(
        self,
        info: ContextInfo,
        user_id: strawberry.ID,
        unit_code: str,
        role: Role,
    ) -> bool:
        principal = require_user(await info.context.acting_principal())
        await info.context.mutate(
            lambda s: service.grant_role(
                s, user_id=parse_id(user_id, "用户编号"), unit_code=unit_code, role=role.value, by=principal
            )
        )
        return True
