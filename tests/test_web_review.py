"""The review pages in a browser's shoes: login, queue, one agreement, edit form."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from test_api_support import (
    add_key,
    agreement_pdf,
    file_records,
    make_settings,
    record,
    running_server,
)

pytestmark = pytest.mark.slow


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert match, "the page has no form token"
    return match.group(1)


def test_review_pages_escape_and_save_corrections(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    hostile = '<script>alert("x")</script> Kerja sama'
    [agreement_id] = file_records(settings, [record(hostile, ["35.15"], confidence=0.3)])
    key = add_key(settings, "reviewer")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        response = browser.get("/review")
        assert response.status_code == 303 and response.headers["location"] == "/review/login"
        assert (
            browser.post("/review/login", data={"key": "wrong-key-0123456789"}).status_code == 401
        )
        response = browser.post("/review/login", data={"key": key})
        assert response.status_code == 303
        assert "httponly" in response.headers["set-cookie"].lower()

        queue = browser.get("/review").text
        assert "&lt;script&gt;" in queue and "<script>alert" not in queue
        assert f"/review/agreements/{agreement_id}" in queue

        page = browser.get(f"/review/agreements/{agreement_id}")
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
        match = re.search(r'<img src="(/api/v1/files/[0-9a-f]{64}/pages/1\.png[^"]*)"', page.text)
        assert match, "no page image beside the fields"
        image = browser.get(match.group(1).replace("&amp;", "&"))
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
        token = _csrf(page.text)

        form = {
            "csrf": token,
            "version": "1",
            "reason": "read from the signed copy",
            "f_signing_place": "Sidoarjo",
            "f_numbers": '["119/123/404.1.1.3/2019"]',
        }
        # Without the page's token the form is refused.
        assert (
            browser.post(
                f"/review/agreements/{agreement_id}/correct", data={**form, "csrf": "0" * 64}
            ).status_code
            == 403
        )
        saved = browser.post(f"/review/agreements/{agreement_id}/correct", data=form)
        assert saved.status_code == 303
        history = httpx.get(
            f"{base}/api/v1/agreements/{agreement_id}/history",
            headers={"X-API-Key": key},
        ).json()
        assert {c["field"]: c["new_value"] for c in history} == {
            "signing_place": "Sidoarjo",
            "numbers": ["119/123/404.1.1.3/2019"],
        }
        assert all(c["reason"] == "read from the signed copy" for c in history)

        # The same stale form again: nothing saved, the reviewer is told why.
        stale = browser.post(
            f"/review/agreements/{agreement_id}/correct",
            data={**form, "f_signing_place": "Surabaya"},
        )
        assert stale.status_code == 412 and "changed this agreement" in stale.text

        # Uploading from the browser goes to the same intake as the API.
        form_page = browser.get("/review/upload").text
        sent = browser.post(
            "/review/upload",
            data={"csrf": _csrf(form_page)},
            files=[
                ("files", ("<img src=x onerror=alert(1)>.pdf", agreement_pdf("web"))),
                ("files", ("x.txt", b"hi")),
            ],
        )
        assert sent.status_code == 200
        assert "&lt;img src=x onerror=alert(1)&gt;.pdf: queued" in sent.text
        assert "<img src=x" not in sent.text
        assert "unsupported_type" in sent.text

        page = browser.get(f"/review/agreements/{agreement_id}").text
        done = browser.post(
            f"/review/agreements/{agreement_id}/reviewed",
            data={"csrf": _csrf(page), "version": "2"},
        )
        assert done.status_code == 303
        view = httpx.get(
            f"{base}/api/v1/agreements/{agreement_id}", headers={"X-API-Key": key}
        ).json()
        assert view["status"] == "reviewed"


def test_viewers_see_pages_without_edit_forms(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    [agreement_id] = file_records(settings, [record("Kerja sama pariwisata", ["51.71"])])
    key = add_key(settings, "viewer")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        browser.post("/review/login", data={"key": key})
        page = browser.get(f"/review/agreements/{agreement_id}").text
        assert "Kerja sama pariwisata" in page and 'name="reason"' not in page
        refused = browser.post(
            f"/review/agreements/{agreement_id}/correct",
            data={"csrf": _csrf(page), "version": "1", "reason": "x", "f_title": "y"},
        )
        assert refused.status_code == 403
        upload_page = browser.get("/review/upload").text
        assert 'type="file"' not in upload_page
        refused = browser.post(
            "/review/upload",
            data={"csrf": _csrf(upload_page)},
            files={"files": ("a.pdf", agreement_pdf("viewer"))},
        )
        assert refused.status_code == 403
