"""Streaming body limit, security headers, the cookie and the API (issue 9.7, 9.9).

All against the real server: a chunked upload without Content-Length over a
raw socket, headers on API JSON, pages and files, a cookie-only cross-site
POST to the API, and the OpenAPI schema's declared answers.
"""

from __future__ import annotations

import logging
import re
import socket
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from test_api_support import (
    add_key,
    agreement_pdf,
    client,
    file_records,
    make_settings,
    record,
    running_server,
    web_login,
)

pytestmark = pytest.mark.slow

LIMIT = 200_000


def _chunked_upload(base: str, key: str, total: int) -> bytes:
    """POST a multipart body in 64 KiB chunks, no Content-Length; the raw answer."""
    url = urlsplit(base)
    boundary = "xYzBoundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
        'filename="besar.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
    ).encode()
    with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
        sock.sendall(
            (
                "POST /api/v1/uploads HTTP/1.1\r\n"
                f"Host: {url.hostname}\r\nAuthorization: Bearer {key}\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            ).encode()
        )
        chunks = [head, *([b"%PDF" + b"0" * 65532] * (total // 65536 + 1))]
        try:
            for chunk in chunks:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may stop reading once it has answered
        answer = b""
        while True:
            try:
                data = sock.recv(65536)
            except ConnectionResetError:
                break
            if not data:
                break
            answer += data
    return answer


def test_chunked_upload_over_the_limit_is_413(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, max_request_bytes=LIMIT)
    key = add_key(settings, "staff")
    with running_server(settings) as base:
        answer = _chunked_upload(base, key, 5 * LIMIT)
        status_line = answer.split(b"\r\n", 1)[0]
        assert b" 413 " in status_line, answer[:300]
        assert b'"file_too_large"' in answer
        with client(base, key) as http:  # a small upload still goes through
            small = http.post("/api/v1/uploads", files={"files": ("k.pdf", agreement_pdf("k"))})
            assert small.status_code == 202, small.text


def test_security_headers_cookie_and_readiness(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    (agreement_id,) = file_records(settings, [record("Kerja sama air", ["35.15"])])
    reviewer = add_key(settings, "reviewer")
    with running_server(settings) as base, client(base, reviewer) as http:
        for path in ("/api/v1/agreements", "/review/login", f"/api/v1/agreements/{agreement_id}"):
            response = http.get(path)
            assert response.status_code == 200
            headers = response.headers
            assert "frame-ancestors 'none'" in headers["content-security-policy"]
            assert headers["x-frame-options"] == "DENY"
            assert headers["x-content-type-options"] == "nosniff"
            assert headers["referrer-policy"] == "no-referrer"
            assert "server" not in headers
        assert http.get("/api/v1/agreements").headers["cache-control"] == "no-store"
        # a cross-site form rides on the cookie only: the API does not take it
        with client(base, None) as browser:
            assert web_login(browser, reviewer).status_code in (200, 303)
            assert browser.cookies.get("kerjasama_session")
            assert browser.get(f"/api/v1/agreements/{agreement_id}").status_code == 200
            posted = browser.post(f"/api/v1/agreements/{agreement_id}/reviewed")
            assert posted.status_code == 401, posted.text
            upload = browser.post("/api/v1/uploads", files={"files": ("x.pdf", agreement_pdf("x"))})
            assert upload.status_code == 401
        assert http.get(f"/api/v1/agreements/{agreement_id}").json()["status"] == "needs_review"
        schema = http.get("/api/v1/openapi.json").json()
        patch = schema["paths"]["/api/v1/agreements/{agreement_id}"]["patch"]["responses"]
        assert "428" in patch
        original = schema["paths"]["/api/v1/files/{sha256}"]["get"]["responses"]["200"]
        assert "application/pdf" in original["content"]


def test_scoped_reupload_of_another_regions_file_does_not_name_its_agreement(
    tmp_path: Path,
) -> None:
    settings = make_settings(tmp_path)
    theirs_rec = record("Kerja sama maluku", ["81.71"])
    mine_rec = record("Kerja sama jabar", ["32.73"])
    _, mine = file_records(settings, [theirs_rec, mine_rec])
    staff = add_key(settings, "staff", region="32")
    with running_server(settings) as base, client(base, staff) as http:
        for data, expected in ((theirs_rec[0], None), (mine_rec[0], mine)):
            answer = http.post("/api/v1/uploads", files={"files": ("lagi.pdf", data)})
            assert answer.status_code == 202, answer.text
            job = answer.json()["items"][0]["job"]
            assert job["outcome"] == "exact_duplicate"
            assert job["agreement_id"] == expected and job["duplicate_of"] == expected
            polled = http.get(f"/api/v1/jobs/{job['id']}").json()
            assert polled["agreement_id"] == expected


def test_first_start_admin_key_is_on_the_terminal_and_never_in_a_log(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(tmp_path)
    caplog.set_level(logging.DEBUG)
    with running_server(settings) as base, client(base, None) as http:
        assert http.get("/api/v1/health").status_code == 200
    shown = re.search(
        r"kunci admin dibuat \(hanya ditampilkan sekali\): (\S+)", capfd.readouterr().err
    )
    assert shown, "the first-start key was not shown on the terminal"
    key = shown.group(1)
    assert all(key not in record.getMessage() for record in caplog.records)
    with running_server(settings) as base, client(base, key) as http:  # and it works, once made
        assert http.get("/api/v1/agreements").status_code == 200
    assert key not in capfd.readouterr().err
