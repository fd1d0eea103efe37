"""The yearly report's legal deadline: 7 working days after 31 December."""

from __future__ import annotations

import datetime as dt

from service.reports.deadline import add_working_days, is_working_day, report_deadline


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
