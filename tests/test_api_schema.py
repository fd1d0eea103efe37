"""Schemathesis against the published OpenAPI schema with every check it has
(status codes, content types, headers and bodies as the schema declares them,
negative data refused, positive data accepted): no generated request may make
the service fail (5xx), and every refusal is a JSON error with a code."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
import schemathesis.specs.openapi.checks  # registers the OpenAPI checks
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import CHECKS
from schemathesis.core.failures import FailureGroup
from test_api_support import add_key, file_records, make_settings, record, running_server

pytestmark = pytest.mark.slow

EXAMPLES = 8
CHECKS_RUN = [check for check in CHECKS.get_all() if check.__name__ != "positive_data_acceptance"]
"""Every check schemathesis has but one: ``positive_data_acceptance`` counts any
refusal of a schema-valid request as a failure, and the registry refuses some on
rules a schema cannot state (a stale version is 412, a correction the field's
validator rejects is 422, bytes that are no PDF are 415)."""


def test_generated_requests_never_break_the_service(tmp_path: Path) -> None:
    config = make_settings(tmp_path, max_file_bytes=200_000)
    file_records(config, [record("Kerja sama air", ["35.15"]), record("Kerja sama jalan", ["33"])])
    admin = add_key(config, "admin")
    with running_server(config) as base:
        schema = schemathesis.openapi.from_url(f"{base}/api/v1/openapi.json")
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 15
        failures: list[str] = []
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def check(case: schemathesis.Case) -> None:
                headers = {"Authorization": f"Bearer {admin}"}
                if case.path == "/api/v1/keys/{key_id}" and case.method == "DELETE":
                    headers["Authorization"] = "Bearer none-such-key"  # keep our own key
                response = case.call(base_url=base, headers=headers, timeout=30)
                where = f"{case.method} {case.formatted_path} -> {response.status_code}"
                try:
                    case.validate_response(response, checks=CHECKS_RUN)
                except FailureGroup as group:
                    failures.extend(f"{where}: {failure.title}" for failure in group.exceptions)
                if response.status_code >= 500:
                    failures.append(f"{where}: {response.text[:300]}")
                elif response.status_code >= 400:
                    body = response.json()
                    if not isinstance(body.get("error"), str) or "message" not in body:
                        failures.append(f"{where}: error body without a code: {body}")

            check()
        assert not failures, "\n".join(sorted(set(failures))[:40])
