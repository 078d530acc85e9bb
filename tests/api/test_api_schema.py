"""Property-based API test: schemathesis drives every operation of /openapi.json in-process.

It must find no server error (5xx) and every response must conform to the documented status
codes, content types and schemas (errors included, as application/problem+json).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import checks

from octa.api.app import create_app
from octa.settings import Settings

EXAMPLES = 25
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture(scope="module")
def api_schema(default_db: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    target = Path(tmp_path_factory.mktemp("schemathesis")) / "octa.db"
    shutil.copy(default_db, target)
    app = create_app(Settings(db=str(target), max_document_bytes=100_000))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema):  # type: ignore[no-untyped-def]
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_api_conforms_and_never_fails(api_schema, mode: str) -> None:  # type: ignore[no-untyped-def]
    """Each operation gets its own Hypothesis run (schemathesis' pytest plugin and fixtures clash).

    Positive data must be handled; negative data (wrong types, patterns, bodies) must be
    rejected with a documented 4xx problem, never a 5xx.
    """
    ops = operations(api_schema)
    assert len(ops) >= 15
    generation = (
        schemathesis.GenerationMode.POSITIVE if mode == "positive" else schemathesis.GenerationMode.NEGATIVE
    )
    checks_for_mode = CHECKS if mode == "positive" else [*CHECKS, checks.negative_data_rejection]
    for operation in ops:

        @given(case=operation.as_strategy(generation_mode=generation))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(checks=checks_for_mode)

        try:
            run()
        except Unsatisfiable:
            assert mode == "negative"  # an operation without parameters has no invalid input
