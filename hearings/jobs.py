"""Background jobs of the hearing domain (arq job functions; ctx first)."""

from typing import Any

from api.db import transaction, utcnow
from api.settings import Settings
from hearings import observers


async def remind_observers(ctx: dict[str, Any]) -> str:
    """Remind observers who have not answered their invitation, and those who accepted, the day before
    the hearing. Each reminder goes out once (dedupe keys), so a rerun or a retried job sends nothing
    twice; the cron sweep finds the due ones by their invitations' times."""
    settings: Settings = ctx["settings"]
    async with transaction(ctx["sessionmaker"]) as session:
        queued = await observers.send_due_reminders(session, now=utcnow(), tz=settings.timezone)
    if queued:
        await ctx["queue"].enqueue("deliver_notifications", job_id="deliver_notifications")
    return f"reminded {queued}"
