"""Account operations: citizen registration and verification, login/logout, staff, units and grants."""

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.accounts.models import AuthSession, Role, RoleGrant, Unit, User, UserKind, VerificationCode
from api.accounts.permissions import (
    Grant,
    Principal,
    require_any_admin,
    require_deployment_admin,
    require_role,
)
from api.audit import SYSTEM, Actor
from api.db import utcnow
from api.errors import Conflict, InvalidInput, NotFound
from api.outbox import queue_notification
from api.precompiled import Precompiled
from api.ratelimit import RateLimiter, address_key, too_often
from api.security import (
    constant_time_equals,
    hash_password,
    new_numeric_code,
    new_token,
    token_digest,
    verify_password,
)
from api.settings import Settings

PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
MAX_CODE_ATTEMPTS = 5
UNIT_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")
REGION_CODE = re.compile(r"(\d{6}|\d{9}|\d{12})?")  # 行政区划代码 (county, township, village level)


def normalize_contact(contact: str) -> str:
    """Return a phone number (digits, +86 dropped) or a lower-cased email; raise if it is neither."""
    value = contact.strip().replace(" ", "").replace("-", "")
    if value.startswith("+86"):
        value = value[3:]
    if PHONE_RE.match(value):
        return value
    if EMAIL_RE.match(value):
        return value.lower()
    raise InvalidInput("请填写有效的手机号码（11位）或电子邮箱", code="CONTACT_INVALID")


def check_password(password: str) -> None:
    if len(password) < 8 or len(password) > 128:
        raise InvalidInput("密码长度应为 8 到 128 个字符", code="PASSWORD_INVALID")
    if password.isdigit() or password.isalpha():
        raise InvalidInput("密码须同时包含字母和数字（或符号）", code="PASSWORD_TOO_WEAK")


def _contact_column(contact: str):  # type: ignore[no-untyped-def]
    return User.email if "@" in contact else User.phone


HOUR = 3600


async def _check_code_rate(
    limiter: RateLimiter | None, contact: str, client_ip: str, settings: Settings, *, registering: bool
) -> None:
    """Refuse to flood a phone or mailbox with codes, to send codes en masse from one address (SMS
    costs money and annoys whoever owns the numbers), or to register en masse from one address.
    Every counter of the request is counted in one limiter call."""
    if limiter is None:
        return
    client_ip = address_key(client_ip)
    windows = [(f"codes:{contact}", HOUR), (f"codes-ip:{client_ip}", HOUR)]
    if registering:
        windows.append((f"register-ip:{client_ip}", HOUR))
    per_contact, per_address, *registrations = await limiter.hit_many(windows)
    if per_contact.count > settings.codes_per_contact_per_hour:
        raise too_often(
            "验证码发送过于频繁",
            retry_after=per_contact.retry_after,
            code="CODE_RATE_LIMITED",
            scope="contact",
        )
    if per_address.count > settings.code_ip_rate_limit:
        raise too_often(
            "该网络地址获取验证码过于频繁",
            retry_after=per_address.retry_after,
            code="CODE_RATE_LIMITED",
            scope="address",
        )
    if registrations and registrations[0].count > settings.registration_ip_rate_limit:
        raise too_often(
            "该网络地址注册过于频繁",
            retry_after=registrations[0].retry_after,
            code="REGISTRATION_RATE_LIMITED",
            scope="address",
        )


async def _issue_code(session: AsyncSession, *, user: User, contact: str, settings: Settings) -> None:
    code = new_numeric_code()
    session.add(
        VerificationCode(
            user_id=user.id,
            code_hash=token_digest(f"{user.id}:{code}"),
            expires_at=utcnow() + timedelta(minutes=settings.verification_code_minutes),
            attempts=0,
        )
    )
    await queue_notification(
        session,
        recipient=contact,
        user_id=user.id,
        kind="verification_code",
        subject="参与平台验证码",
        body=f"您的验证码是 {code}，{settings.verification_code_minutes} 分钟内有效。如非本人操作，请忽略。",
    )


async def register_citizen(
    session: AsyncSession,
    *,
    contact: str,
    password: str,
    display_name: str,
    settings: Settings,
    limiter: RateLimiter | None = None,
    client_ip: str = "",
) -> User:
    """Create an unverified citizen account and send a verification code through the outbox.

    Registering again on a contact that was never verified starts over (new password, new code): whoever
    can read the code owns the contact, so nobody can hold someone else's phone number hostage.
    """
    contact = normalize_contact(contact)
    check_password(password)
    display_name = display_name.strip()[:100]
    await _check_code_rate(limiter, contact, client_ip, settings, registering=True)
    user = await session.scalar(select(User).where(_contact_column(contact) == contact))
    if user is not None and (user.verified_at is not None or user.is_staff):
        raise Conflict("该手机号码或邮箱已注册，请直接登录", code="CONTACT_TAKEN")
    action = "user.registration_restarted" if user is not None else "user.registered"
    if user is None:
        user = User(
            kind=UserKind.CITIZEN,
            phone=None if "@" in contact else contact,
            email=contact if "@" in contact else None,
            is_active=True,
        )
        session.add(user)
    user.display_name = display_name
    user.password_hash = hash_password(password)
    try:
        await session.flush()
    except IntegrityError as error:
        raise Conflict("该手机号码或邮箱已注册，请直接登录", code="CONTACT_TAKEN") from error
    await _issue_code(session, user=user, contact=contact, settings=settings)
    await audit.record(
        session,
        actor=Actor(id=user.id, label=f"citizen:{user.id}"),
        action=action,
        subject_type="user",
        subject_id=user.id,
        after={"kind": user.kind, "contact_type": "email" if user.email else "phone"},
    )
    return user


async def resend_code(
    session: AsyncSession,
    *,
    contact: str,
    settings: Settings,
    limiter: RateLimiter | None = None,
    client_ip: str = "",
) -> None:
    """Send a new code to an unverified account (silently nothing for unknown or verified contacts)."""
    contact = normalize_contact(contact)
    await _check_code_rate(limiter, contact, client_ip, settings, registering=False)
    user = await session.scalar(select(User).where(_contact_column(contact) == contact))
    if user is None or user.verified_at is not None:
        return
    await _issue_code(session, user=user, contact=contact, settings=settings)


async def verify_contact(session: AsyncSession, *, contact: str, code: str) -> User:
    """Mark the account verified if the code is the latest unexpired one."""
    contact = normalize_contact(contact)
    invalid = InvalidInput("验证码错误或已过期，请重新获取", code="CODE_INVALID")
    user = await session.scalar(select(User).where(_contact_column(contact) == contact))
    if user is None:
        raise invalid
    if user.verified_at is not None:
        return user
    latest = await session.scalar(
        select(VerificationCode)
        .where(VerificationCode.user_id == user.id, VerificationCode.used_at.is_(None))
        .order_by(VerificationCode.id.desc())
        .limit(1)
    )
    if latest is None or latest.expires_at < utcnow() or latest.attempts >= MAX_CODE_ATTEMPTS:
        raise invalid
    if not constant_time_equals(latest.code_hash, token_digest(f"{user.id}:{code.strip()}")):
        latest.attempts += 1
        # The failed attempt must count even though the request fails.
        raise InvalidInput("验证码错误或已过期，请重新获取", code="CODE_INVALID", keep_changes=True)
    latest.used_at = user.verified_at = utcnow()
    await audit.record(
        session,
        actor=Actor(id=user.id, label=f"citizen:{user.id}"),
        action="user.verified",
        subject_type="user",
        subject_id=user.id,
    )
    return user


async def login(
    session: AsyncSession,
    *,
    identifier: str,
    password: str,
    limiter: RateLimiter,
    settings: Settings,
    client_ip: str,
) -> tuple[User, str, AuthSession]:
    """Check the password and open a session; repeated failures lock the account and the address."""
    try:
        key = normalize_contact(identifier)  # "+86 138-…" finds the phone number it was registered as
    except InvalidInput:
        key = identifier.strip().lower()  # a staff username
    throttle_keys = (f"login-fail:{key}", f"login-fail-ip:{address_key(client_ip)}")
    limits = (settings.login_max_failures, settings.login_ip_max_failures)
    for throttle_key, limit in zip(throttle_keys, limits, strict=True):
        if await limiter.peek(throttle_key) >= limit:
            raise too_often(
                "登录失败次数过多",
                retry_after=settings.login_lockout_seconds,
                code="LOGIN_THROTTLED",
                scope="account" if throttle_key == throttle_keys[0] else "address",
            )
    # Every attempt from the address, failed or not, across accounts: a script logging in many accounts
    # it holds the passwords of fails no password, yet is refused here.
    attempts = (await limiter.hit_many([(f"login-ip:{address_key(client_ip)}", HOUR)]))[0]
    if attempts.count > settings.login_ip_rate_limit:
        raise too_often(
            "该网络地址登录过于频繁",
            retry_after=attempts.retry_after,
            code="LOGIN_THROTTLED",
            scope="address",
        )
    user = await session.scalar(
        select(User).where(or_(User.phone == key, User.email == key, User.username == key))
    )
    # Check a password even for an unknown account (against a dummy hash) so both take as long.
    password_ok = verify_password(user.password_hash if user is not None else None, password)
    if user is None or not password_ok or not user.is_active:
        await limiter.hit_many([(k, settings.login_lockout_seconds) for k in throttle_keys])
        raise InvalidInput("账号或密码错误", code="LOGIN_FAILED")
    await limiter.reset(throttle_keys[0])
    token = new_token()
    auth_session = AuthSession(
        token_hash=token_digest(token),
        csrf_token=new_token(),
        user_id=user.id,
        expires_at=utcnow() + timedelta(days=settings.session_days),
    )
    session.add(auth_session)
    await session.flush()
    return user, token, auth_session


async def logout(session: AsyncSession, *, token: str) -> None:
    """Revoke the session behind this token."""
    auth_session = await session.scalar(
        select(AuthSession).where(AuthSession.token_hash == token_digest(token))
    )
    if auth_session is not None and auth_session.revoked_at is None:
        auth_session.revoked_at = utcnow()


_sessions, _users = AuthSession.__table__, User.__table__
# Built once, in plain Core: it runs on every authenticated request.
_AUTHENTICATE = Precompiled(
    select(
        _sessions.c.csrf_token,
        _sessions.c.expires_at,
        _sessions.c.revoked_at,
        _users.c.id,
        _users.c.kind,
        _users.c.display_name,
        _users.c.verified_at,
        _users.c.is_active,
        _users.c.email,
        _users.c.phone,
        _users.c.username,
    )
    .join(_users, _users.c.id == _sessions.c.user_id)
    .where(_sessions.c.token_hash == bindparam("token_hash"))
)


@dataclass(frozen=True)
class Authenticated:
    principal: Principal
    csrf_token: str


async def authenticate(session: AsyncSession, *, token: str) -> Authenticated | None:
    """Resolve a session token to the caller, or None if it is unknown, expired or revoked.

    Runs on every authenticated request: one prebuilt statement, no ORM objects.
    """
    rows = await _AUTHENTICATE.rows(await session.connection(), {"token_hash": token_digest(token)})
    if not rows:
        return None
    (
        csrf_token,
        expires_at,
        revoked_at,
        user_id,
        kind,
        display_name,
        verified_at,
        is_active,
        email,
        phone,
        username,
    ) = rows[0]
    if revoked_at is not None or expires_at < utcnow() or not is_active:
        return None
    grants: tuple[Grant, ...] = ()
    if kind == UserKind.STAFF:
        granted = await session.execute(
            select(RoleGrant.role, Unit.id, Unit.path)
            .join(Unit, Unit.id == RoleGrant.unit_id)
            .where(RoleGrant.user_id == user_id)
        )
        grants = tuple(Grant(role=r, unit_id=u, unit_path=p) for r, u, p in granted)
    principal = Principal(
        user_id=user_id,
        kind=kind,
        display_name=display_name,
        verified=verified_at is not None,
        contact=email or phone or username or "",
        grants=grants,
    )
    return Authenticated(principal=principal, csrf_token=csrf_token)


async def create_unit(
    session: AsyncSession,
    *,
    name: str,
    code: str,
    region_code: str = "",
    parent_code: str | None = None,
    by: Principal | None = None,
) -> Unit:
    """Create a government unit under an optional parent (`by` None: the command line)."""
    name, code, region_code = name.strip(), code.strip(), region_code.strip()
    parent = None
    if parent_code:
        parent = await session.scalar(select(Unit).where(Unit.code == parent_code.strip()[:64]))
    if by is not None:  # who may ask comes first: a refused caller learns nothing about the input
        if parent_code:
            if parent is None:
                require_deployment_admin(by)
            else:
                require_role(by, [Role.ADMIN], parent.path)
        else:
            require_deployment_admin(by)
    if parent_code and parent is None:
        raise NotFound(f"上级单位 {parent_code.strip()[:64]} 不存在", code="UNIT_NOT_FOUND")
    if not name or not code:
        raise InvalidInput("单位名称和代码不能为空", code="UNIT_INVALID")
    if len(name) > 200 or not name.isprintable() or not UNIT_CODE.fullmatch(code):
        raise InvalidInput(
            "单位名称最多 200 字且不含控制字符；单位代码为 1–64 位字母、数字、连字符或下划线",
            code="UNIT_INVALID",
        )
    if not REGION_CODE.fullmatch(region_code):
        raise InvalidInput("行政区划代码须为 6、9 或 12 位数字（可不填）", code="REGION_CODE_INVALID")
    if await session.scalar(select(Unit.id).where(Unit.code == code)) is not None:
        raise Conflict(f"单位代码 {code} 已存在", code="UNIT_CODE_TAKEN")
    unit = Unit(name=name, code=code, region_code=region_code, parent_id=parent.id if parent else None)
    session.add(unit)
    await session.flush()
    unit.path = f"{parent.path if parent else '/'}{unit.id}/"
    await audit.record(
        session,
        actor=by.actor if by else SYSTEM,
        action="unit.created",
        subject_type="unit",
        subject_id=unit.id,
        after={"name": name, "code": code, "parent": parent_code},
    )
    return unit


async def create_staff_user(
    session: AsyncSession,
    *,
    username: str,
    password: str,
    display_name: str,
    email: str | None = None,
    by: Principal | None = None,
) -> User:
    """Create a staff account, verified by whoever creates it (an admin, or the command line)."""
    if by is not None:
        require_any_admin(by)
    username = username.strip().lower()
    if not re.fullmatch(r"[a-z0-9_.-]{3,64}", username):
        raise InvalidInput("用户名须为 3 到 64 位字母、数字或 _ . -", code="USERNAME_INVALID")
    check_password(password)
    if email:
        email = email.strip().lower()
        if not EMAIL_RE.match(email):
            raise InvalidInput("请填写有效的电子邮箱", code="EMAIL_INVALID")
    if await session.scalar(select(User.id).where(User.username == username)) is not None:
        raise Conflict(f"用户名 {username} 已存在", code="USERNAME_TAKEN")
    if email and await session.scalar(select(User.id).where(User.email == email)) is not None:
        raise Conflict(f"邮箱 {email} 已被其他账号使用", code="EMAIL_TAKEN")
    user = User(
        kind=UserKind.STAFF,
        username=username,
        email=email or None,
        display_name=display_name.strip() or username,
        password_hash=hash_password(password),
        verified_at=utcnow(),
        is_active=True,
    )
    session.add(user)
    await session.flush()
    await audit.record(
        session,
        actor=by.actor if by else SYSTEM,
        action="user.staff_created",
        subject_type="user",
        subject_id=user.id,
        after={"username": username},
    )
    return user


async def grant_role(
    session: AsyncSession, *, user_id: int, unit_code: str, role: str, by: Principal | None = None
) -> RoleGrant:
    """Grant a staff role on a unit (and so on its children); an admin grants only within their units."""
    if role not in set(Role):
        raise InvalidInput(f"未知角色 {role}", code="ROLE_INVALID")
    unit = await session.scalar(select(Unit).where(Unit.code == unit_code))
    if unit is None:
        raise NotFound(f"单位 {unit_code} 不存在", code="UNIT_NOT_FOUND")
    if by is not None:  # before looking at the user, so nobody can probe which accounts exist
        require_role(by, [Role.ADMIN], unit.path)
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("用户不存在", code="USER_NOT_FOUND")
    if not user.is_staff:
        raise InvalidInput("只能为工作人员账号授予角色", code="ROLE_NOT_STAFF")
    existing = await session.scalar(
        select(RoleGrant).where(
            RoleGrant.user_id == user.id, RoleGrant.unit_id == unit.id, RoleGrant.role == role
        )
    )
    if existing is not None:
        return existing
    grant = RoleGrant(user_id=user.id, unit_id=unit.id, role=role)
    session.add(grant)
    await session.flush()
    await audit.record(
        session,
        actor=by.actor if by else SYSTEM,
        action="role.granted",
        subject_type="user",
        subject_id=user.id,
        after={"role": role, "unit": unit_code},
    )
    return grant
