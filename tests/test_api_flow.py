"""The whole way: upload real PDFs, a worker reads them, a reviewer corrects."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_api_support import add_key, agreement_pdf, client, make_settings, running_server, wait_job

pytestmark = pytest.mark.slow


def test_upload_extract_correct_history_and_duplicates(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, embedded_worker=True)
    staff, reviewer = add_key(settings, "staff"), add_key(settings, "reviewer")
    original, copy = agreement_pdf(""), agreement_pdf("Salinan untuk arsip")
    with running_server(settings) as base, client(base, staff) as up, client(base, reviewer) as rv:
        response = up.post(
            "/api/v1/uploads",
            files=[("files", ("nk-sidoarjo.pdf", original)), ("files", ("salinan.pdf", copy))],
        )
        assert response.status_code == 202
        first, second = (item["job"] for item in response.json()["items"])
        assert first["status"] == "queued"
        first, second = wait_job(up, first["id"]), wait_job(up, second["id"])
        assert first["status"] == "done", first
        assert first["outcome"] == "filed"
        agreement_id = first["agreement_id"]
        # The second file is the same agreement with a line more: a candidate.
        assert second["outcome"] == "duplicate_candidate"
        assert second["duplicate_of"] == agreement_id

        # The very same bytes again answer with the existing record at once.
        again = up.post("/api/v1/uploads", files={"files": ("again.pdf", original)}).json()
        assert again["items"][0]["job"]["outcome"] == "exact_duplicate"
        assert again["items"][0]["job"]["agreement_id"] == agreement_id

        response = rv.get(f"/api/v1/agreements/{agreement_id}")
        view = response.json()
        assert response.headers["ETag"] == f'"{view["version"]}"'
        assert view["fields"]["doc_type"]["value"] == "NK"
        assert "119/123/404.1.1.3/2019" in view["fields"]["numbers"]["value"]
        assert view["fields"]["signing_date"]["value"] == "2019-03-27"
        assert view["fields"]["signing_date"]["evidence"][0]["page"] == 1
        assert view["fields"]["signing_date"]["source"] == "extraction"
        codes = {p["region_code"] for p in view["fields"]["parties"]["value"]}
        assert "35.15" in codes
        [file_info] = view["files"]
        png = rv.get(f"/api/v1/files/{file_info['sha256']}/pages/1.png", params={"dpi": 50})
        assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
        assert rv.get(f"/api/v1/files/{file_info['sha256']}").content == original

        found = rv.get("/api/v1/agreements", params={"q": "sampah", "region_code": "35"}).json()
        assert agreement_id in [item["id"] for item in found["items"]]
        assert rv.get("/api/v1/agreements", params={"q": "tembakau"}).json()["total"] == 0

        etag = response.headers["ETag"]
        body = {
            "changes": {
                "signing_place": "Kabupaten Sidoarjo",
                "duration": {"value": 3, "unit": "tahun"},
            },
            "reason": "checked against the signed original",
        }
        changed = rv.patch(
            f"/api/v1/agreements/{agreement_id}", json=body, headers={"If-Match": etag}
        )
        assert changed.status_code == 200
        assert changed.headers["ETag"] != etag
        fields = changed.json()["fields"]
        assert fields["signing_place"]["value"] == "Kabupaten Sidoarjo"
        assert fields["signing_place"]["source"] == "correction"
        assert fields["duration"]["value"] == {"value": 3, "unit": "tahun"}

        # Someone who still holds the old version is refused and changes nothing.
        stale = rv.patch(
            f"/api/v1/agreements/{agreement_id}",
            json={"changes": {"signing_place": "Surabaya"}, "reason": "x"},
            headers={"If-Match": etag},
        )
        assert stale.status_code == 412 and stale.json()["error"] == "precondition_failed"
        history = rv.get(f"/api/v1/agreements/{agreement_id}/history").json()
        assert sorted(c["field"] for c in history) == ["duration", "signing_place"]
        assert all(c["reason"] == "checked against the signed original" for c in history)
        place = next(c for c in history if c["field"] == "signing_place")
        assert place["old_value"] == "Sidoarjo" and place["user"].startswith("key:")

        # The candidate: staff may not decide it, a reviewer confirms it.
        link = next(
            link for link in changed.json()["links"] if link["kind"] == "duplicate_candidate"
        )
        path = f"/api/v1/agreements/{agreement_id}/links/{link['id']}"
        assert up.post(path, json={"decision": "confirm"}).status_code == 403
        decided = rv.post(path, json={"decision": "confirm"})
        assert decided.status_code == 200 and decided.json()["status"] == "confirmed"

        queue = rv.get("/api/v1/review-queue").json()["items"]
        assert agreement_id in [item["id"] for item in queue]
        current = rv.get(f"/api/v1/agreements/{agreement_id}").headers["ETag"]
        done = rv.post(f"/api/v1/agreements/{agreement_id}/reviewed", headers={"If-Match": current})
        assert done.status_code == 200 and done.json()["status"] == "reviewed"
        queue = rv.get("/api/v1/review-queue").json()["items"]
        assert agreement_id not in [item["id"] for item in queue]

        # A file that cannot be read fails with its reason.
        broken = b"%PDF-1.7\n" + b"\x00garbage" * 200
        response = up.post("/api/v1/uploads", files={"files": ("rusak.pdf", broken)})
        assert response.status_code == 202
        job = wait_job(up, response.json()["items"][0]["job"]["id"])
        assert job["status"] == "failed"
        assert job["error"] == "corrupt_file" and job["message"]
        assert job["agreement_id"] is None
