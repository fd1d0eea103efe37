"""The published schema says what the service answers: 400 for a malformed
body on every route that takes one, 428 for a missing If-Match, and the real
media types of file downloads."""

from __future__ import annotations

from pathlib import Path

import httpx
from test_api_support import add_key, make_settings, running_server


def test_openapi_declares_400_428_and_download_types(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    key = add_key(settings, "reviewer")
    with running_server(settings) as base:
        paths = httpx.get(f"{base}/api/v1/openapi.json").json()["paths"]
        malformed = httpx.patch(
            f"{base}/api/v1/agreements/1",
            content=b'{"changes": ',
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )
    assert "428" in paths["/api/v1/agreements/{agreement_id}"]["patch"]["responses"]
    takes_body = [
        (method, path)
        for path, operations in paths.items()
        for method, operation in operations.items()
        if "requestBody" in operation
    ]
    assert len(takes_body) >= 5
    for method, path in takes_body:
        assert "400" in paths[path][method]["responses"], (method, path)
    assert (
        str(malformed.status_code)
        in paths["/api/v1/agreements/{agreement_id}"]["patch"]["responses"]
    )
    download = paths["/api/v1/files/{sha256}"]["get"]["responses"]["200"]["content"]
    assert {"application/pdf", "image/jpeg", "image/png", "image/tiff"} <= set(download)
