"""Every integer parameter is bounded: 10**20 answers 422, never a 500 (issue 9.4).

The list and both exports are asked directly; then every integer query or path
parameter the OpenAPI schema declares is checked for a maximum and sent
10**20 on a real server, so a parameter added later cannot be forgotten.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_api_support import add_key, client, file_records, make_settings, record, running_server

pytestmark = pytest.mark.slow

HUGE = str(10**20)


def _value(schema: dict[str, Any]) -> str:
    """A valid value for a parameter that is not the one under test."""
    if "anyOf" in schema:
        schema = next(s for s in schema["anyOf"] if s.get("type") != "null")
    if "enum" in schema:
        return str(schema["enum"][0])
    if schema.get("type") == "integer":
        return str(schema.get("minimum", 1))
    if schema.get("pattern") == r"^[0-9a-f]{64}$":
        return "0" * 64
    return "35"


def _int_schema(schema: dict[str, Any]) -> dict[str, Any] | None:
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "integer":
            return option
    return None


def test_huge_integers_on_the_list_and_exports_are_422(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    file_records(settings, [record("Kerja sama air", ["35.15"])])
    with running_server(settings) as base, client(base, add_key(settings, "viewer")) as http:
        for path in ("/api/v1/agreements", "/api/v1/export/agreements.csv"):
            for name in ("offset", "limit", "year", "expires_within_days"):
                response = http.get(path, params={name: HUGE})
                assert response.status_code == 422, (path, name, response.text)
                assert response.json()["error"] == "invalid_input"
        response = http.get("/api/v1/export/agreements.xlsx", params={"year": HUGE})
        assert response.status_code == 422
        assert http.get("/api/v1/agreements", params={"expires_within_days": 3650}).is_success


def test_every_integer_parameter_has_a_maximum_and_refuses_10_20(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    with running_server(settings) as base, client(base, add_key(settings, "admin")) as http:
        schema = http.get("/api/v1/openapi.json").json()
        checked = 0
        for path, operations in schema["paths"].items():
            for method, operation in operations.items():
                params = operation.get("parameters", [])
                for param in params:
                    int_schema = _int_schema(param["schema"])
                    if int_schema is None or param["in"] not in ("query", "path"):
                        continue
                    assert "maximum" in int_schema, (method, path, param["name"])
                    url, query = path, {}
                    for other in params:
                        if other["in"] == "header":
                            continue
                        value = HUGE if other is param else _value(other["schema"])
                        if other["in"] == "path":
                            url = url.replace("{" + other["name"] + "}", value)
                        elif other is param or other.get("required"):
                            query[other["name"]] = value
                    response = http.request(method.upper(), url, params=query, json={})
                    assert response.status_code == 422, (method, url, query, response.text)
                    checked += 1
        assert checked >= 15
