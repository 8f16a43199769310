"""Comment-period deadlines: minimum periods, date counting and closing instants.

Pure functions, no database or web code.

Counting follows 民法典 §201 and §203:
- a period of N 日 opened on day D ends on D + N (the starting day is not counted);
- if that last day is a statutory rest day, the period ends on the next working day;
- a period of N 个工作日 ends on the Nth working day after D.

A window closes at 24:00 local time on its last day, stored as an aware UTC datetime.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

SHIPPED_CALENDAR = Path(__file__).parent / "data" / "holidays_cn.json"
DEFAULT_TZ = "Asia/Shanghai"

Unit = Literal["calendar_days", "working_days"]


@dataclass(frozen=True)
class Period:
    length: int
    unit: Unit

    def __post_init__(self) -> None:
        if self.length < 1:
            raise ValueError(f"period length must be positive, got {self.length}")
        if self.unit not in ("calendar_days", "working_days"):
            raise ValueError(f"unknown period unit {self.unit!r}")

    def describe(self) -> str:
        return f"{self.length}日" if self.unit == "calendar_days" else f"{self.length}个工作日"


class HolidayCalendar:
    """Statutory holidays and swapped working weekends (调休上班).

    Outside the covered years holidays are unknown and only weekends count as rest days;
    callers should check ``covers()`` and warn.
    """

    def __init__(
        self,
        holidays: Iterable[date] = (),
        working_weekends: Iterable[date] = (),
        covered_years: Iterable[int] = (),
    ) -> None:
        self.holidays = frozenset(holidays)
        self.working_weekends = frozenset(working_weekends)
        self.covered_years = frozenset(covered_years)
        if clash := self.holidays & self.working_weekends:
            raise ValueError(f"dates both holiday and working day: {sorted(clash)}")
        if weekdays := {d for d in self.working_weekends if d.weekday() < 5}:
            raise ValueError(f"working_weekends must be Saturdays or Sundays: {sorted(weekdays)}")

    @classmethod
    def load(cls, extra_file: Path | None = None) -> HolidayCalendar:
        """Shipped calendar, with any year in ``extra_file`` replacing the shipped data for that year."""
        years = _read_years(SHIPPED_CALENDAR)
        if extra_file is not None:
            years.update(_read_years(Path(extra_file)))
        return cls(
            holidays=[d for holidays, _ in years.values() for d in holidays],
            working_weekends=[d for _, weekends in years.values() for d in weekends],
            covered_years=years,
        )

    def is_working_day(self, day: date) -> bool:
        if day in self.working_weekends:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def is_rest_day(self, day: date) -> bool:
        return not self.is_working_day(day)

    def covers(self, day: date) -> bool:
        return day.year in self.covered_years


def _read_years(path: Path) -> dict[int, tuple[list[date], list[date]]]:
    """Parse a calendar file into {year: (holidays, working_weekends)}."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    years: dict[int, tuple[list[date], list[date]]] = {}
    for key, entry in data["years"].items():
        year = int(key)
        holidays = [date.fromisoformat(s) for s in entry.get("holidays", [])]
        weekends = [date.fromisoformat(s) for s in entry.get("working_weekends", [])]
        if stray := [d for d in holidays + weekends if d.year != year]:
            raise ValueError(f"{path}: dates listed under {year} belong to another year: {stray}")
        years[year] = (holidays, weekends)
    return years


_MINIMUM_PERIODS: dict[str, Period] = {
    "major_decision": Period(30, "calendar_days"),  # 重大行政决策
    "regulation": Period(30, "calendar_days"),  # 规章
    "normative_document": Period(7, "working_days"),  # 规范性文件
    "other": Period(7, "working_days"),
}
_BUSINESS_MINIMUM = Period(30, "calendar_days")


def minimum_period(kind: str, *, business_related: bool) -> Period:
    """Minimum comment period for an instrument kind; drafts affecting businesses get at least 30日."""
    try:
        period = _MINIMUM_PERIODS[kind]
    except KeyError:
        known = ", ".join(sorted(_MINIMUM_PERIODS))
        raise ValueError(f"unknown instrument kind {kind!r}; expected one of: {known}") from None
    shorter = period.unit == "working_days" or period.length < _BUSINESS_MINIMUM.length
    if business_related and shorter:
        # 30 calendar days always outlasts 7 working days, even across the longest holiday block.
        return _BUSINESS_MINIMUM
    return period


def period_last_day(start: date, period: Period, calendar: HolidayCalendar) -> date:
    """Last day of a period opened on ``start`` (the start day itself is not counted)."""
    one_day = timedelta(days=1)
    if period.unit == "calendar_days":
        day = start + timedelta(days=period.length)
        while calendar.is_rest_day(day):
            day += one_day
        return day
    day, counted = start, 0
    while counted < period.length:
        day += one_day
        if calendar.is_working_day(day):
            counted += 1
    return day


def today_in(tz: str = DEFAULT_TZ) -> date:
    """Today's date in the deployment's time zone."""
    return datetime.now(ZoneInfo(tz)).date()


def closing_instant(last_day: date, tz: str = DEFAULT_TZ) -> datetime:
    """24:00 local on ``last_day`` (00:00 local the next day), as an aware UTC datetime."""
    local_midnight = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=ZoneInfo(tz))
    return local_midnight.astimezone(UTC)


def last_day_of_window(closes_at: datetime, tz: str = DEFAULT_TZ) -> date:
    """Inverse of ``closing_instant``: the last local day on which the window is still open."""
    if closes_at.tzinfo is None or closes_at.utcoffset() is None:
        raise ValueError("closes_at must be timezone-aware")
    local = closes_at.astimezone(ZoneInfo(tz))
    # Open until just before closes_at; an instant at exactly midnight belongs to the previous day.
    return (local - timedelta(microseconds=1)).date()


def meets_minimum(start: date, last_day: date, period: Period, calendar: HolidayCalendar) -> bool:
    return last_day >= period_last_day(start, period, calendar)
