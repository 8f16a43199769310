import json
from datetime import UTC, date, datetime

import pytest

from consultations.deadlines import (
    HolidayCalendar,
    Period,
    closing_instant,
    last_day_of_window,
    meets_minimum,
    minimum_period,
    period_last_day,
)

CAL = HolidayCalendar.load()
DAYS_30 = Period(30, "calendar_days")
WORKING_7 = Period(7, "working_days")


def test_describe():
    assert DAYS_30.describe() == "30日"
    assert WORKING_7.describe() == "7个工作日"


def test_period_rejects_nonpositive_length():
    with pytest.raises(ValueError):
        Period(0, "calendar_days")


@pytest.mark.parametrize(
    ("kind", "business_related", "expected"),
    [
        ("major_decision", False, DAYS_30),
        ("regulation", False, DAYS_30),
        ("normative_document", False, WORKING_7),
        ("other", False, WORKING_7),
        ("major_decision", True, DAYS_30),
        ("normative_document", True, DAYS_30),
        ("other", True, DAYS_30),
    ],
)
def test_minimum_period(kind, business_related, expected):
    assert minimum_period(kind, business_related=business_related) == expected


def test_unknown_kind():
    with pytest.raises(ValueError, match="unknown instrument kind"):
        minimum_period("notice", business_related=False)


def test_shipped_calendar():
    assert CAL.is_rest_day(date(2026, 10, 1))  # 国庆
    assert CAL.is_rest_day(date(2025, 1, 28))  # 春节 (Tuesday)
    assert CAL.is_working_day(date(2026, 2, 14))  # 调休上班 Saturday
    assert CAL.is_working_day(date(2025, 9, 28))  # 调休上班 Sunday
    assert CAL.is_rest_day(date(2026, 3, 7))  # ordinary Saturday
    assert CAL.is_working_day(date(2026, 3, 9))  # ordinary Monday
    assert CAL.covers(date(2025, 6, 1)) and CAL.covers(date(2026, 12, 31))


def test_calendar_days_start_day_not_counted():
    # Opened Monday 2026-03-02: day 1 is 03-03, day 30 is Wednesday 04-01.
    assert period_last_day(date(2026, 3, 2), DAYS_30, CAL) == date(2026, 4, 1)


def test_calendar_days_rolls_over_holiday():
    # 2026-10-01 is 国庆; the holiday runs to 10-07, so the period ends Thursday 10-08.
    assert period_last_day(date(2026, 9, 1), DAYS_30, CAL) == date(2026, 10, 8)


def test_calendar_days_rolls_over_ordinary_weekend():
    # 2026-02-05 + 30 = Saturday 2026-03-07 -> Monday 03-09.
    assert period_last_day(date(2026, 2, 5), DAYS_30, CAL) == date(2026, 3, 9)


@pytest.mark.parametrize(
    ("start", "saturday"),
    [(date(2026, 9, 10), date(2026, 10, 10)), (date(2026, 1, 15), date(2026, 2, 14))],
)
def test_calendar_days_ending_on_swapped_working_saturday_does_not_roll(start, saturday):
    # 2026-10-10 and 2026-02-14 are Saturdays worked in exchange for holidays (调休上班).
    assert saturday.weekday() == 5
    assert period_last_day(start, DAYS_30, CAL) == saturday


def test_working_days_start_day_not_counted():
    # Opened Monday 2026-03-02: 03-03..03-06 (4), 03-09, 03-10, 03-11 (7).
    assert period_last_day(date(2026, 3, 2), WORKING_7, CAL) == date(2026, 3, 11)


def test_working_days_across_spring_festival_2026():
    # Opened Thu 02-12: Fri 02-13 (1), Sat 02-14 调休 (2), 02-15..02-23 春节,
    # 02-24..02-27 (3-6), Sat 02-28 调休 (7).
    assert period_last_day(date(2026, 2, 12), WORKING_7, CAL) == date(2026, 2, 28)


def test_meets_minimum():
    start = date(2026, 9, 1)
    assert meets_minimum(start, date(2026, 10, 8), DAYS_30, CAL)
    assert meets_minimum(start, date(2026, 10, 20), DAYS_30, CAL)
    assert not meets_minimum(start, date(2026, 10, 1), DAYS_30, CAL)
    assert not meets_minimum(start, date(2026, 10, 7), DAYS_30, CAL)


def test_closing_instant():
    closes = closing_instant(date(2026, 3, 31))
    assert closes == datetime(2026, 3, 31, 16, 0, tzinfo=UTC)
    assert closes.utcoffset().total_seconds() == 0


def test_closing_instant_other_tz():
    assert closing_instant(date(2026, 3, 31), tz="UTC") == datetime(2026, 4, 1, tzinfo=UTC)


@pytest.mark.parametrize("day", [date(2026, 3, 31), date(2025, 12, 31), date(2026, 2, 28)])
def test_last_day_of_window_round_trip(day):
    assert last_day_of_window(closing_instant(day)) == day


def test_last_day_of_window_mid_day_instant():
    # Closing at 18:00 Beijing time on 03-31 still leaves 03-31 as the last day.
    assert last_day_of_window(datetime(2026, 3, 31, 10, 0, tzinfo=UTC)) == date(2026, 3, 31)


def test_last_day_of_window_rejects_naive():
    with pytest.raises(ValueError):
        last_day_of_window(datetime(2026, 4, 1))


def test_extra_file_adds_year_and_replaces_shipped_year(tmp_path):
    extra = tmp_path / "calendar.json"
    extra.write_text(
        json.dumps(
            {
                "years": {
                    "2027": {"holidays": ["2027-01-01"], "working_weekends": ["2027-01-02"]},
                    "2026": {"holidays": ["2026-10-01"], "working_weekends": []},
                }
            }
        ),
        encoding="utf-8",
    )
    cal = HolidayCalendar.load(extra)
    assert cal.covers(date(2027, 1, 1))
    assert cal.is_rest_day(date(2027, 1, 1))  # Friday holiday
    assert cal.is_working_day(date(2027, 1, 2))  # swapped Saturday
    assert cal.is_rest_day(date(2026, 10, 1))
    assert cal.is_working_day(date(2026, 10, 2))  # the deployment's 2026 replaced the shipped one
    assert cal.is_rest_day(date(2026, 2, 14))  # shipped 调休 dropped with it
    assert cal.is_rest_day(date(2025, 1, 28))  # other shipped years kept


def test_extra_file_rejects_date_under_wrong_year(tmp_path):
    extra = tmp_path / "calendar.json"
    extra.write_text(json.dumps({"years": {"2027": {"holidays": ["2028-01-01"]}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="another year"):
        HolidayCalendar.load(extra)


def test_calendar_rejects_weekday_working_weekend():
    with pytest.raises(ValueError):
        HolidayCalendar(working_weekends=[date(2026, 3, 2)])


def test_uncovered_year_uses_weekends_only():
    assert not CAL.covers(date(2030, 1, 1))
    assert CAL.is_working_day(date(2030, 1, 1))  # Tuesday; holidays unknown
    assert CAL.is_rest_day(date(2030, 1, 5))  # Saturday
    # 2030-01-02 + 30 = Friday 02-01.
    assert period_last_day(date(2030, 1, 2), DAYS_30, CAL) == date(2030, 2, 1)
    # 2030-01-04 + 30 = Sunday 02-03 -> Monday 02-04.
    assert period_last_day(date(2030, 1, 4), DAYS_30, CAL) == date(2030, 2, 4)
