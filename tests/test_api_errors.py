"""Every refusal is a JSON body with a stable code and the right status."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from test_api_support import (
    add_key,
    agreement_pdf,
    client,
    file_records,
    make_settings,
    record,
    running_server,
)

from models.errors import PreconditionFailedError, PreconditionRequiredError
from service.api.deps import parse_if_match
from service.jobs.receive import display_name


@pytest.mark.slow
def test_uploads_are_checked_and_errors_have_codes(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_file_bytes=50_000)
    data, document, extraction = record("Kerja sama air minum", ["35.15"])
    [agreement_id] = file_records(settings, [(data, document, extraction)])
    key = add_key(settings, "staff")
    with running_server(settings) as base, client(base, key) as http:
        # Bytes already filed answer at once with the existing agreement.
        response = http.post("/api/v1/uploads", files={"files": ("again.pdf", data)})
        assert response.status_code == 202
        [item] = response.json()["items"]
        assert item["job"]["status"] == "done"
        assert item["job"]["outcome"] == "exact_duplicate"
        assert item["job"]["agreement_id"] == agreement_id

        # Type is judged by content, not by the name.
        response = http.post("/api/v1/uploads", files={"files": ("scan.pdf", b"GIF89a not a pdf")})
        assert response.status_code == 415
        assert response.json()["error"] == "unsupported_type"

        response = http.post("/api/v1/uploads", files={"files": ("empty.pdf", b"")})
        assert response.status_code == 422
        assert response.json()["error"] == "empty_file"

        big = b"%PDF-1.4\n" + b"0" * 60_000
        response = http.post("/api/v1/uploads", files={"files": ("big.pdf", big)})
        assert response.status_code == 413
        assert response.json()["error"] == "file_too_large"

        # Several files: the good one is queued, the bad one reported beside it,
        # and a path-like name is only a display name.
        fresh = agreement_pdf("fresh bytes")
        response = http.post(
            "/api/v1/uploads",
            files=[
                ("files", ("../../etc/passwd.pdf", fresh)),
                ("files", ("notes.txt", b"hello")),
            ],
        )
        assert response.status_code == 202
        good, bad = response.json()["items"]
        assert good["file"] == "passwd.pdf"
        assert good["job"]["status"] == "queued"
        assert bad["error"] == "unsupported_type" and bad["job"] is None

        # The same bytes while the first job is still waiting: the same job.
        response = http.post("/api/v1/uploads", files={"files": ("copy.pdf", fresh)})
        assert response.json()["items"][0]["job"]["id"] == good["job"]["id"]

        # A body larger than any acceptable upload is refused before it is read.
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as raw:
            raw.sendall(
                b"POST /api/v1/uploads HTTP/1.1\r\nHost: x\r\n"
                b"Content-Type: multipart/form-data; boundary=b\r\n"
                b"Content-Length: 999999999999\r\n\r\n"
            )
            answer = raw.recv(4096).decode()
        assert answer.startswith("HTTP/1.1 413") and '"error":"file_too_large"' in answer

        response = http.post("/api/v1/uploads", data={"x": "1"})
        assert response.status_code == 422
        assert response.json()["error"] == "invalid_input"


@pytest.mark.slow
def test_reads_and_changes_refuse_with_codes(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    [agreement_id] = file_records(settings, [record("Kerja sama jalan", ["33.01"])])
    key = add_key(settings, "reviewer")
    with running_server(settings) as base, client(base, key) as http:
        assert http.get("/api/v1/agreements/999").json()["error"] == "not_found"
        response = http.get("/api/v1/agreements", params={"limit": 0})
        assert response.status_code == 422 and response.json()["error"] == "invalid_input"
        response = http.get("/api/v1/agreements", params={"sort": "bogus"})
        assert response.status_code == 422

        body = {"changes": {"signing_place": "Semarang"}, "reason": "typo"}
        response = http.patch(f"/api/v1/agreements/{agreement_id}", json=body)
        assert response.status_code == 428
        assert response.json()["error"] == "precondition_required"
        response = http.patch(
            f"/api/v1/agreements/{agreement_id}", json=body, headers={"If-Match": '"abc"'}
        )
        assert response.status_code == 412
        response = http.patch(
            f"/api/v1/agreements/{agreement_id}",
            json={"changes": {"colour": "red"}, "reason": "x"},
            headers={"If-Match": '"1"'},
        )
        assert response.status_code == 422 and "colour" in response.json()["message"]
        response = http.patch(
            f"/api/v1/agreements/{agreement_id}",
            json={"changes": {"signing_date": "not a date"}, "reason": "x"},
            headers={"If-Match": '"1"'},
        )
        assert response.status_code == 422 and response.json()["error"] == "invalid_input"
        assert http.get(f"/api/v1/agreements/{agreement_id}").headers["ETag"] == '"1"'

        assert http.get("/api/v1/jobs/nope").json()["error"] == "not_found"
        assert http.get("/api/v1/nowhere").json()["error"] == "not_found"
        assert http.delete("/api/v1/agreements/1").json()["error"] == "method_not_allowed"

        # Health and readiness need no key; the counts are only for a caller with one.
        assert client(base, None).get("/api/v1/health").json() == {"status": "ok"}
        anonymous = client(base, None).get("/api/v1/ready").json()
        assert anonymous["status"] == "ready" and anonymous["registry"] is None
        assert anonymous["jobs"] is None and anonymous["queue_pending"] is None
        ready = http.get("/api/v1/ready").json()
        assert ready["status"] == "ready" and ready["registry"]["agreements"] == 1


def test_names_and_versions_from_clients_are_parsed_strictly() -> None:
    assert display_name("C:\\scans\\..\\nk 2019.pdf") == "nk 2019.pdf"
    assert display_name("a\x00b\x1b[31m.pdf") == "ab[31m.pdf"
    assert display_name(None) == "upload"
    assert display_name("x" * 500) == "x" * 200
    assert parse_if_match('"7"') == 7
    assert parse_if_match('W/"7"') == 7
    assert parse_if_match("*") is None
    assert parse_if_match(None, required=False) is None
    with pytest.raises(PreconditionRequiredError):
        parse_if_match(None)
    with pytest.raises(PreconditionFailedError):
        parse_if_match('"7abc"')
