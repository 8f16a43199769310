"""Domain errors: raised by services, mapped once at the API edge to a stable code and a Chinese message."""

from typing import Any


class DomainError(Exception):
    """A rule was broken by the request; nothing was changed."""

    code = "DOMAIN_ERROR"
    retryable = False

    def __init__(
        self, message: str, *, code: str | None = None, keep_changes: bool = False, **details: Any
    ) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        # True when what the request already wrote must still be committed (a failed code attempt).
        self.keep_changes = keep_changes
        self.details = details


class NotFound(DomainError):
    code = "NOT_FOUND"


class PermissionDenied(DomainError):
    code = "FORBIDDEN"


class NotAuthenticated(DomainError):
    code = "UNAUTHENTICATED"


class InvalidInput(DomainError):
    code = "INVALID_INPUT"


class Conflict(DomainError):
    code = "CONFLICT"


class RateLimited(DomainError):
    code = "RATE_LIMITED"
    retryable = True


class InvalidTransition(DomainError):
    code = "INVALID_TRANSITION"


class ServiceUnavailable(DomainError):
    code = "SERVICE_UNAVAILABLE"
    retryable = True
