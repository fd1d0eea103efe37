"""The last few yearly reports, kept for the chart images.

The monev page shows eight charts, each its own PNG request that would
otherwise build the body's whole yearly report again (about a second of CPU
for the ministry at 20,000 agreements). A report is kept while the registry
has not changed since it was built: the key holds a token of what a report
reads (agreement count, newest change, versions, review and merge states,
newest evaluation), checked in one small query per request, and a report is
never kept for longer than ``MAX_AGE_SECONDS`` whatever the token says.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import OrderedDict
from typing import TYPE_CHECKING

from service.reports.yearly import YearlyReport, report_body, yearly_from_registry

if TYPE_CHECKING:
    from service.registry import Registry

MAX_AGE_SECONDS = 120.0
MAX_REPORTS = 8
_TOKEN_SQL = (
    "SELECT count(*), max(updated_at), total(version), total(status = 'reviewed'), "
    "total(status = 'merged'), (SELECT max(id) FROM evaluations) FROM agreements"
)
_lock = threading.Lock()
_kept: OrderedDict[tuple[object, ...], tuple[float, YearlyReport]] = OrderedDict()


def registry_token(registry: Registry) -> tuple[object, ...]:
    with registry.read() as conn:
        return tuple(conn.execute(_TOKEN_SQL).fetchone())


def cached_yearly(
    registry: Registry, fiscal_year: int, *, region_scope: str | None, body: str | None
) -> YearlyReport:
    """``yearly_from_registry``, or the same report built moments ago (the
    body resolved first, so the page's default body and the charts' explicit
    one are the same report)."""
    body = report_body(region_scope, body).code
    key = (
        id(registry),
        registry_token(registry),
        fiscal_year,
        region_scope,
        body,
        dt.date.today(),
    )
    now = time.monotonic()
    with _lock:
        found = _kept.get(key)
        if found is not None and now - found[0] < MAX_AGE_SECONDS:
            _kept.move_to_end(key)
            return found[1]
    report = yearly_from_registry(registry, fiscal_year, region_scope=region_scope, body=body)
    with _lock:
        _kept[key] = (now, report)
        while len(_kept) > MAX_REPORTS:
            _kept.popitem(last=False)
    return report
