"""The yearly report's legal deadline: 7 working days after 31 December."""

from __future__ import annotations

import datetime as dt

from service.reports.deadline import (
    add_working_days,
    is_working_day,
    report_deadline,
    working_days_between,
)


def test_new_year_and_weekends_are_not_working_days() -> None:
    assert not is_working_day(dt.date(2025, 1, 1))  # Tahun Baru
    assert not is_working_day(dt.date(2025, 1, 4))  # Saturday
    assert is_working_day(dt.date(2025, 1, 2))


def test_deadline_for_2024_skips_new_year_and_the_weekend() -> None:
    # 2025: Jan 1 holiday (Wed); working days Jan 2,3,6,7,8,9,10 -> the 7th is Fri 10 Jan.
    assert report_deadline(2024) == dt.date(2025, 1, 10)


def test_deadline_skips_isra_miraj_2027() -> None:
    # 2027: Jan 1 Fri (holiday); Jan 4 Mon, Jan 5 Isra' Mi'raj, then 6,7,8,11,12,13 -> Wed 13 Jan.
    assert report_deadline(2026) == dt.date(2027, 1, 13)


def test_add_working_days_counts_from_the_next_day() -> None:
    assert add_working_days(dt.date(2025, 3, 3), 1) == dt.date(2025, 3, 4)
    assert add_working_days(dt.date(2025, 3, 7), 1) == dt.date(2025, 3, 10)


def test_deadlines_over_several_years() -> None:
    # 2025: Jan 1 Thu; working 2,5,6,7,8,9,12. 2027 (for 2027): Jan 1 Sat, 3..11.
    # 2028 (for 2028): Jan 1 Mon 2029; working 2,3,4,5,8,9,10.
    assert report_deadline(2025) == dt.date(2026, 1, 12)
    assert report_deadline(2027) == dt.date(2028, 1, 11)
    assert report_deadline(2028) == dt.date(2029, 1, 10)
    for year in range(2020, 2031):
        deadline = report_deadline(year)
        assert is_working_day(deadline)
        assert working_days_between(dt.date(year, 12, 31), deadline) == 7


def test_cuti_bersama_and_lebaran_are_skipped() -> None:
    # Nyepi cuti bersama Fri 28 Mar 2025, Idul Fitri 31 Mar-1 Apr, cuti bersama 2-7 Apr.
    assert not is_working_day(dt.date(2025, 3, 28))
    assert not is_working_day(dt.date(2025, 4, 7))
    assert add_working_days(dt.date(2025, 3, 27), 1) == dt.date(2025, 4, 8)
    # Christmas cuti bersama Thu 24 Dec 2026.
    assert add_working_days(dt.date(2026, 12, 23), 1) == dt.date(2026, 12, 28)


def test_working_days_between_is_signed() -> None:
    start, end = dt.date(2025, 3, 27), dt.date(2025, 4, 9)
    assert working_days_between(start, end) == 2
    assert working_days_between(end, start) == -2
    assert working_days_between(start, start) == 0
