"""The list/search filters are answered by indexes, never by reading every row.

An agreement row is kilobytes wide, so a plan that scans ``agreements`` (or
every party for a region) is what made a deep or regional page slow at 20,000
agreements. SQLite's plan for the SQL ``queries`` builds is the same on an
empty registry as on a full one (no statistics are gathered), so this checks
the plan, not the clock.
"""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from service.registry import queries
from service.registry.records import AgreementQuery
from service.registry.schema import MIGRATIONS

CASES: list[tuple[dict[str, object], str | None, set[str]]] = [
    ({}, None, {"agreements_id_status"}),
    ({"offset": 2500}, None, {"agreements_id_status"}),
    ({"status": "needs_review", "offset": 1000}, None, {"agreements_status_id"}),
    ({"status": "needs_review", "sort": "confidence"}, None, {"agreements_queue"}),
    ({"region_code": "35", "sort": "-signing_date"}, None, {"parties_region_agreement"}),
    ({}, "35.15", {"parties_region_agreement"}),
    ({"q": "pendidikan", "region_code": "33"}, None, {"parties_region_agreement"}),
    ({"q": "air minum", "sort": "confidence"}, None, set()),
    ({"doc_type": "PKS", "year": 2020}, None, {"agreements_year"}),
    ({"expires_within_days": 365, "sort": "end_date"}, None, {"agreements_end"}),
]


def _plan(db: Database, sql: str, params: list[object]) -> list[str]:
    return [str(row[3]) for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()]


@pytest.mark.parametrize(("params", "scope", "indexes"), CASES)
def test_list_queries_use_indexes(
    params: dict[str, object], scope: str | None, indexes: set[str]
) -> None:
    db = Database(memory=True)
    MIGRATIONS.apply(db)
    query = AgreementQuery.model_validate(params)
    where, args = queries.where(query, region_scope=scope)
    count = _plan(db, f"SELECT COUNT(*) FROM agreements a WHERE {where}", args)
    page = _plan(db, queries.page_sql(where, query.sort), [*args, query.limit, query.offset])
    for plan in (count, page):
        assert "SCAN a" not in plan, plan  # a scan of the wide rows themselves
        assert "SCAN parties" not in plan, plan
    used = " ".join(page)
    assert all(index in used for index in indexes), page


def test_region_range_is_the_code_and_its_children() -> None:
    clause, args = queries.region_clause(" 35.15. ")
    assert "LIKE" not in clause
    assert args == ["35.15", "35.15.", "35.15/"]
    db = Database(memory=True)
    codes = ["35", "35.15", "35.15.01", "35.151", "35.16", "35.1", "35.15/x"]
    db.execute("CREATE TABLE parties (agreement_id INTEGER, region_code TEXT)")
    for n, code in enumerate(codes):
        db.execute("INSERT INTO parties VALUES (?, ?)", [n, code])
    inner = clause.removeprefix("a.id IN (").removesuffix(")")
    found = {codes[r[0]] for r in db.execute(inner, args).fetchall()}
    assert found == {"35.15", "35.15.01"}
