"""Region scope cannot be crossed: every agreement an action touches must be in scope.

A region-32 reviewer is given a duplicate candidate between its own agreement
and a region-81 one; confirming or rejecting it, moving its own agreement to
region 81 by a correction, and reading the other region's file must all be
refused. The last test walks ``app.routes`` so a route added later with an
agreement, file or link in its path is checked too.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_api_support import add_key, client, file_records, make_settings, record, running_server

from service.api.app import create_app
from service.registry.linking import add_link

pytestmark = pytest.mark.slow


def _setup(tmp_path: Path) -> tuple[Any, int, int, int, str, str]:
    settings = make_settings(tmp_path)
    mine_rec = record("Kerja sama jabar", ["32.73"], number="32/2020")
    theirs_rec = record("Kerja sama maluku", ["81.71"], number="81/2020")
    mine, theirs = file_records(settings, [mine_rec, theirs_rec])
    conn = sqlite3.connect(settings.database)
    with conn:
        add_link(conn, "duplicate_candidate", "candidate", mine, theirs, 0.95, ["test"])
    link_id = int(conn.execute("SELECT max(id) FROM links").fetchone()[0])
    conn.close()
    key = add_key(settings, "reviewer", region="32")
    return settings, mine, theirs, link_id, theirs_rec[1].sha256, key


def test_scoped_reviewer_cannot_cross_its_region(tmp_path: Path) -> None:
    settings, mine, theirs, link_id, their_sha, key = _setup(tmp_path)
    with running_server(settings) as base, client(base, key) as http:
        for decision in ("confirm", "reject"):
            response = http.post(
                f"/api/v1/agreements/{mine}/links/{link_id}", json={"decision": decision}
            )
            assert response.status_code == 404, response.text
        mine_view = http.get(f"/api/v1/agreements/{mine}")
        assert mine_view.status_code == 200
        parties = mine_view.json()["fields"]["parties"]["value"]
        moved = [{**party, "region_code": "81.71"} for party in parties]
        response = http.patch(
            f"/api/v1/agreements/{mine}",
            json={"changes": {"parties": moved}, "reason": "pindah"},
            headers={"If-Match": mine_view.headers["ETag"]},
        )
        assert response.status_code == 403, response.text
        assert response.json()["error"] == "forbidden"
        kept = [{**party, "institution": "Pemerintah Kota Bandung"} for party in parties]
        response = http.patch(
            f"/api/v1/agreements/{mine}",
            json={"changes": {"parties": kept}, "reason": "nama"},
            headers={"If-Match": mine_view.headers["ETag"]},
        )
        assert response.status_code == 200, response.text
        for path in (
            f"/api/v1/files/{their_sha}",
            f"/api/v1/files/{their_sha}/pages/1.png",
            f"/api/v1/files/{their_sha}/pages/1/text",
        ):
            assert http.get(path).status_code == 404, path
        admin = client(base, add_key(settings, "admin"))
        assert admin.get(f"/api/v1/agreements/{theirs}").json()["status"] == "needs_review"
        assert admin.get(f"/api/v1/files/{their_sha}").status_code == 200


PARAM = re.compile(r"\{(agreement_id|sha256|link_id)\}")


def test_every_route_with_an_agreement_file_or_link_refuses_other_regions(
    tmp_path: Path,
) -> None:
    settings, mine, theirs, link_id, their_sha, key = _setup(tmp_path)
    values = {"agreement_id": str(theirs), "sha256": their_sha, "link_id": str(link_id)}
    routes = [
        (method, path)
        for path, methods in _route_table(create_app(settings).routes)
        if PARAM.search(path)
        for method in sorted(methods)
        if method != "HEAD"
    ]
    assert len(routes) >= 12, routes
    with running_server(settings) as base, client(base, key) as http:
        http.cookies.set("kerjasama_key", key)
        for method, path in routes:
            url = PARAM.sub(lambda m: values[m.group(1)], path)
            url = url.replace("{page}", "1")
            body: dict[str, Any] = {}
            if method != "GET":
                body = {"json": {}} if path.startswith("/api/") else {"data": {}}
            response = http.request(method, url, **body)
            if path.startswith("/review") and method == "POST" and response.status_code == 403:
                # the page form token comes first; with a valid token the scope answers
                token = _csrf(http, mine)
                response = http.request(method, url, data={"csrf": token})
            assert response.status_code in (403, 404, 422), (method, url, response.status_code)
            assert their_sha not in response.text and "maluku" not in response.text.lower()


def _route_table(routes: Any) -> list[tuple[str, set[str]]]:
    """(path, methods) of every route; newer FastAPI nests included routers."""
    table = []
    for route in routes:
        contexts = getattr(route, "effective_route_contexts", None)
        if contexts is not None:
            table += [(c.path, set(c.methods or ())) for c in contexts()]
        elif getattr(route, "methods", None):
            table.append((route.path, set(route.methods)))
    return table


def _csrf(http: Any, mine: int) -> str:
    page = http.get(f"/review/agreements/{mine}").text
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found is not None
    return found.group(1)
