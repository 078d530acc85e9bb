"""REST API: countries, editions, scores, rankings, errors as problem+json, pagination."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def assert_problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert "Traceback" not in response.text and 'File "' not in response.text
    return body  # type: ignore[no-any-return]


def test_countries_paginated_with_total(client: TestClient) -> None:
    body = client.get("/api/v1/countries", params={"limit": 10, "offset": 5}).json()
    assert body["total"] == 193 and body["limit"] == 10 and body["offset"] == 5
    assert len(body["items"]) == 10
    assert {"iso3", "iso2", "criminality", "resilience", "quadrant"} <= set(body["items"][0])


def test_countries_filter_by_continent(client: TestClient) -> None:
    body = client.get("/api/v1/countries", params={"continent": "europe", "limit": 1000}).json()
    assert body["total"] == len(body["items"]) > 30
    assert {row["continent"] for row in body["items"]} == {"Europe"}


@pytest.mark.parametrize("code", ["BE", "BEL", "be"])
def test_country_by_iso2_or_iso3(client: TestClient, code: str) -> None:
    body = client.get(f"/api/v1/countries/{code}").json()
    assert body["iso3"] == "BEL" and body["edition"] == 2025
    assert body["aggregates"]["criminality"] == 4.82
    assert body["ranks"]["criminality"]["world"] == 114
    assert body["quadrant"] == "LC-HR"
    assert body["change"]["from"] == 2023
    interval = body["rank_interval"]["criminality"]
    assert interval["low"] <= interval["median"] <= interval["high"]


def test_country_older_edition(client: TestClient) -> None:
    body = client.get("/api/v1/countries/BEL", params={"edition": 2021}).json()
    assert body["edition"] == 2021 and body["change"] is None


def test_unknown_country_is_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/api/v1/countries/ZZ"), 404)
    assert_problem(client.get("/api/v1/scores", params={"country": "Atlantis"}), 404)


def test_unknown_edition_is_404(client: TestClient) -> None:
    assert_problem(client.get("/api/v1/countries/BE", params={"edition": 1999}), 404)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/countries", {"limit": 0}),
        ("/api/v1/countries", {"offset": -1}),
        ("/api/v1/countries", {"edition": "soon"}),
        ("/api/v1/rankings", {"by": "no-such-measure"}),
        ("/api/v1/rankings", {"region": "Atlantis"}),
        ("/api/v1/scores", {"indicator": "nope"}),
        ("/api/v1/evidence", {"grade": "Z9"}),
        ("/api/v1/countries/B3", {}),
    ],
)
def test_invalid_parameters_are_422_problem(client: TestClient, path: str, params: dict) -> None:
    assert_problem(client.get(path, params=params), 422)


def test_editions_and_indicators(client: TestClient) -> None:
    editions = client.get("/api/v1/editions").json()
    assert [e["edition"] for e in editions] == [2021, 2023, 2025]
    indicators = client.get("/api/v1/indicators", params={"edition": 2021}).json()
    assert "criminality" in indicators["aggregates"]
    assert any(i["id"] == "cocaine-trade" for i in indicators["indicators"])


def test_scores_filters(client: TestClient) -> None:
    body = client.get("/api/v1/scores", params={"country": "BE", "indicator": "cocaine-trade"}).json()
    assert body["total"] == 1
    assert body["items"][0] == {
        "edition": 2025,
        "iso3": "BEL",
        "measure": "cocaine-trade",
        "kind": "indicator",
        "value": 8.0,
    }
    regional = client.get(
        "/api/v1/scores", params={"region": "Western Europe", "indicator": "criminality", "limit": 1000}
    ).json()
    assert regional["total"] == len(regional["items"]) >= 5
    assert all(row["kind"] == "aggregate" for row in regional["items"])


def test_rankings(client: TestClient) -> None:
    body = client.get("/api/v1/rankings", params={"by": "criminality", "limit": 3}).json()
    assert body["total"] == 193
    assert [row["rank"] for row in body["items"]] == sorted(row["rank"] for row in body["items"])
    europe = client.get("/api/v1/rankings", params={"continent": "Europe", "limit": 1000}).json()
    assert europe["items"][0]["rank"] == 1 and {r["continent"] for r in europe["items"]} == {"Europe"}


def test_unknown_route_is_problem(client: TestClient) -> None:
    assert_problem(client.get("/api/v1/nothing-here"), 404)


def test_unexpected_error_hides_internals(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from octa.api import countries

    def boom(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("secret internal path /etc/passwd")

    monkeypatch.setattr(countries, "country_list", boom)
    from octa.api import routes_countries

    monkeypatch.setattr(routes_countries, "country_list", boom)
    body = assert_problem(client.get("/api/v1/countries"), 500)
    assert "secret" not in body["detail"] and "passwd" not in client.get("/api/v1/countries").text


def test_openapi_and_local_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/countries/{code}" in spec["paths"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle-5.35.0.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs.replace("https://fastapi", "")
    assert client.get("/static/vendor/swagger-ui-bundle-5.35.0.js").status_code == 200


def test_cache_survives_and_invalidates(client: TestClient) -> None:
    context = client.app.state.octa  # type: ignore[attr-defined]
    first = client.get("/api/v1/countries/BE").json()
    generation = context.generation
    context.invalidate()
    assert context.generation == generation + 1
    assert client.get("/api/v1/countries/BE").json() == first
