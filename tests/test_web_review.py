"""The review pages over HTTP, as a browser without JavaScript would use them:
signing in, the queue, one agreement, the correction form and the upload page."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from test_api_support import (
    add_key,
    add_user,
    agreement_pdf,
    file_misread,
    file_records,
    make_settings,
    record,
    running_server,
    web_login,
)

pytestmark = pytest.mark.slow


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    assert match, "the page has no form token"
    return match.group(1)


def _form(agreement_id: int, token: str, version: str, **fields: str) -> dict[str, str]:
    return {"csrf": token, "version": version, "page": "1", **fields}


def test_review_pages_escape_and_save_corrections(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    hostile = '<script>alert("x")</script> Kerja sama'
    [agreement_id] = file_records(settings, [record(hostile, ["35.15"], confidence=0.3)])
    password = add_user(settings, "rina", "reviewer")
    key = add_key(settings, "admin")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        response = browser.get("/review")
        assert response.status_code == 303 and response.headers["location"] == "/review/login"
        # The login form needs its own token; a wrong password is refused in Indonesian.
        assert browser.post("/review/login", data={"name": "rina"}).status_code == 403
        wrong = web_login(browser, name="rina", password="salah-sekali")
        assert wrong.status_code == 401 and "tidak cocok" in wrong.text
        response = web_login(browser, name="rina", password=password)
        assert response.status_code == 303 and response.headers["location"] == "/review"
        cookie = response.headers["set-cookie"]
        assert "httponly" in cookie.lower() and password not in cookie and key not in cookie

        queue = browser.get("/review").text
        assert "&lt;script&gt;" in queue and "<script>alert" not in queue
        assert f"/review/agreements/{agreement_id}" in queue

        page = browser.get(f"/review/agreements/{agreement_id}")
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "&lt;script&gt;" in page.text
        assert 'name="viewport"' in page.text and "Tanggal penandatanganan" in page.text
        match = re.search(
            r'<img id="page-img" src="(/api/v1/files/[0-9a-f]{64}/pages/1\.png[^"]*)"', page.text
        )
        assert match, "no page image beside the fields"
        image = browser.get(match.group(1).replace("&amp;", "&"))
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
        token = _csrf(page.text)

        form = _form(
            agreement_id,
            token,
            "1",
            reason="dibaca dari salinan bertanda tangan",
            signing_place="Sidoarjo",
            numbers_present="1",
            numbers="119/123/404.1.1.3/2019",
        )
        assert (
            browser.post(
                f"/review/agreements/{agreement_id}/correct", data={**form, "csrf": "0" * 64}
            ).status_code
            == 403
        )
        # A mistake (a duration without a unit) is reported next to the field; the other
        # edits are shown again, nothing is saved.
        bad = browser.post(
            f"/review/agreements/{agreement_id}/correct",
            data={**form, "duration_value": "2", "duration_unit": ""},
        )
        assert bad.status_code == 422 and "Pilih satuan" in bad.text
        assert 'value="Sidoarjo"' in bad.text
        saved = browser.post(f"/review/agreements/{agreement_id}/correct", data=form)
        assert saved.status_code == 303
        history = httpx.get(
            f"{base}/api/v1/agreements/{agreement_id}/history", headers={"X-API-Key": key}
        ).json()
        assert {c["field"]: c["new_value"] for c in history} == {
            "signing_place": "Sidoarjo",
            "numbers": ["119/123/404.1.1.3/2019"],
        }
        assert all(c["user"] == "rina" for c in history)
        page = browser.get(f"/review/agreements/{agreement_id}").text
        assert "Tempat penandatanganan: ‘Jakarta’ → ‘Sidoarjo’" in page

        # The same stale form again: nothing saved, the reviewer is told why, edits kept.
        stale = browser.post(
            f"/review/agreements/{agreement_id}/correct",
            data={**form, "signing_place": "Surabaya"},
        )
        assert stale.status_code == 412 and "Orang lain mengubah" in stale.text
        assert 'value="Surabaya"' in stale.text

        done = browser.post(
            f"/review/agreements/{agreement_id}/reviewed",
            data={"csrf": _csrf(page), "version": "2"},
        )
        assert done.status_code == 303
        view = httpx.get(
            f"{base}/api/v1/agreements/{agreement_id}", headers={"X-API-Key": key}
        ).json()
        assert view["status"] == "reviewed"
        assert "Ditandai sudah ditinjau" in browser.get(f"/review/agreements/{agreement_id}").text


def test_staff_land_on_upload_and_refusals_stay_listed(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    password = add_user(settings, "budi", "staff")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        response = web_login(browser, name="budi", password=password)
        assert response.headers["location"] == "/review/upload"
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
        assert "&lt;img src=x onerror=alert(1)&gt;.pdf: diterima" in sent.text
        assert "<img src=x" not in sent.text
        assert "Jenis berkas tidak didukung" in sent.text
        jobs = browser.get("/review/upload/jobs").json()["jobs"]
        refused = [j for j in jobs if j["file"] == "x.txt"]
        assert refused and refused[0]["status"] == "failed"
        assert refused[0]["reason"].startswith("Jenis berkas tidak didukung")


def test_viewers_see_pages_without_edit_forms(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    [agreement_id] = file_records(settings, [record("Kerja sama pariwisata", ["51.71"])])
    key = add_key(settings, "viewer")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        web_login(browser, key)
        page = browser.get(f"/review/agreements/{agreement_id}").text
        assert "Kerja sama pariwisata" in page and 'name="reason"' not in page
        refused = browser.post(
            f"/review/agreements/{agreement_id}/correct",
            data=_form(agreement_id, _csrf(page), "1", reason="x", title="y"),
        )
        assert refused.status_code == 403 and "Kerja Sama" in refused.text
        upload_page = browser.get("/review/upload").text
        assert 'type="file"' not in upload_page
        refused = browser.post(
            "/review/upload",
            data={"csrf": _csrf(upload_page)},
            files={"files": ("a.pdf", agreement_pdf("viewer"))},
        )
        assert refused.status_code == 403


def test_search_over_http_follows_corrections(tmp_path: Path) -> None:
    """The API and the list page search current values; the page text apart; a number
    a reviewer corrected no longer finds the agreement by its OCR misreading."""
    settings = make_settings(tmp_path)
    agreement_id = file_misread(settings)
    key = add_key(settings, "reviewer")
    with running_server(settings) as base, httpx.Client(base_url=base, timeout=60) as browser:
        api = {"X-API-Key": key}

        def found(q: str, where_in: str = "fields") -> list[int]:
            params = {"q": q, "search_in": where_in}
            page = httpx.get(f"{base}/api/v1/agreements", params=params, headers=api).json()
            return [item["id"] for item in page["items"]]

        assert found("415.4/8B/2020") == [agreement_id]
        patched = httpx.patch(
            f"{base}/api/v1/agreements/{agreement_id}",
            headers={**api, "If-Match": '"1"'},
            json={
                "changes": {
                    "numbers": ["415.4/88/2020"],
                    "parties": [
                        {"institution": "Pemerintah Kabupaten Sukabumi", "region_code": "32.02"}
                    ],
                },
                "reason": "nomor dari salinan",
            },
        )
        assert patched.status_code == 200, patched.text
        assert found("415.4/88/2020") == [agreement_id]
        assert found("415.4/8B/2020") == [] and found("415.4/8B/2020", "text") == []
        for q in ("Kab. Sukabumi", "Pemkab Sukabumi", "Sukab", "pemerintah kab sukabu"):
            assert found(q) == [agreement_id], q
        assert found("Kota Sukabumi") == [] and found("Pemkot Sukabumi") == []
        assert found("bendungan") == [] and found("bendungan", "text") == [agreement_id]

        web_login(browser, key)
        listed = browser.get("/review", params={"view": "all", "q": "bendungan"}).text
        assert "Juga disebut di teks halaman" in listed
        assert f"/review/agreements/{agreement_id}" not in listed
        listed = browser.get("/review", params={"view": "all", "q": "bendungan", "dalam": "teks"})
        assert "hanya disebut di teks halaman" in listed.text
        assert f"/review/agreements/{agreement_id}" in listed.text
        wrong = browser.get("/review", params={"view": "all", "q": "415.4/8B/2020"}).text
        assert f"/review/agreements/{agreement_id}" not in wrong
        assert "Juga disebut" not in wrong
