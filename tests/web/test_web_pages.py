"""Server-rendered pages: every page renders, the map draws countries, filters work, errors are pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apihelpers import HOSTILE_HTML, upload
from fastapi.testclient import TestClient

from octa.web.worldmap import world_map

NETWORKS = Path(__file__).parent.parent / "data" / "networks"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/?measure=resilience&edition=2021",
        "/?measure=cocaine-trade",
        "/rankings",
        "/rankings?continent=Africa&by=resilience",
        "/countries/BEL",
        "/countries/BEL?edition=2021",
        "/compare?c=BE&c=NL",
        "/evidence",
        "/evidence?q=cocaine",
        "/documents",
        "/networks",
        "/docs",
    ],
)
def test_pages_render(web: TestClient, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text


def test_no_asset_from_elsewhere(web: TestClient) -> None:
    for path in ["/", "/countries/BEL", "/networks", "/docs"]:
        html = web.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert url.startswith(("/", "?", "#")), f"{path} loads {url}"
    assert "default-src 'self'" in web.get("/").headers["content-security-policy"]


def test_map_draws_countries_and_lists_small_states(web: TestClient) -> None:
    html = web.get("/").text
    drawn = set(re.findall(r'data-iso3="([A-Z]{3})"', html))
    shapes = world_map()
    assert drawn == set(shapes["shapes"]) and len(drawn) + len(shapes["missing"]) == 193
    assert {"FRA", "NOR", "BEL", "RUS", "USA"} <= drawn
    assert "MLT" in shapes["missing"] and 'href="/countries/MLT?edition=2025"' in html
    assert "Natural Earth" in html


def test_map_edition_and_measure_switch(web: TestClient) -> None:
    latest = web.get("/").text
    older = web.get("/", params={"edition": 2021}).text
    assert 'data-edition="2025"' in latest and 'data-edition="2021"' in older
    fill = re.compile(r'fill="(#[0-9a-f]{6})" data-iso3="BEL"')
    assert fill.search(web.get("/", params={"measure": "resilience"}).text).group(1) != fill.search(
        latest
    ).group(1)


def test_unknown_measure_or_country_is_an_error_page(web: TestClient) -> None:
    response = web.get("/", params={"measure": "nothing"})
    assert response.status_code == 422 and "<h1>422" in response.text
    missing = web.get("/countries/Atlantis")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_country_page_redirects_codes_and_shows_figures(web: TestClient) -> None:
    assert web.get("/countries/be", follow_redirects=False).headers["location"] == "/countries/BEL"
    html = web.get("/countries/BEL").text
    assert "Belgium" in html and "4.82" in html and "90% rank interval" in html
    assert "Since 2023" in html and "Cocaine trade" in html


def test_rankings_filter(web: TestClient) -> None:
    html = web.get("/rankings", params={"region": "Western Europe"}).text
    assert "Belgium" in html and "Nigeria" not in html


def test_compare_caps_at_five(web: TestClient) -> None:
    html = web.get("/compare", params={"c": ["BE", "NL", "FR", "DE", "IT", "ES"]}).text
    assert len(re.findall(r"<th><a href=\"/countries/", html)) == 5
    assert "Not found" in web.get("/compare", params={"c": ["BE", "Atlantis"]}).text


def test_upload_form_review_and_evidence_search(web: TestClient) -> None:
    with HOSTILE_HTML.open("rb") as handle:
        response = web.post(
            "/documents",
            files={"file": ("report.html", handle)},
            data={"country": "Belgium", "grade": "b2"},
            follow_redirects=False,
        )
    assert response.status_code == 303
    job_id = response.headers["location"].split("job=")[1]
    job = web.app.state.octa.jobs.wait(job_id)  # type: ignore[attr-defined]
    assert job.status == "done", job.error
    document_id = job.result["documents"][0]
    page = web.get(f"/documents/{document_id}").text
    item = re.search(r'action="/documents/\d+/items/([0-9a-f]+)"', page).group(1)
    done = web.post(f"/documents/{document_id}/items/{item}", data={"status": "accepted"})
    assert done.status_code == 200 and "status-accepted" in done.text
    found = web.get("/evidence", params={"q": "banana", "country": "BE"}).text
    assert "<mark>banana</mark>" in found
    country = web.get("/countries/BEL").text
    assert "evidence-profile" in country and 'id="actor-data"' in country


def test_network_pages(web: TestClient) -> None:
    path = NETWORKS / "Montagna_meetings_edgelist.csv"
    response = web.post(
        "/networks",
        files={"file": (path.name, path.read_bytes())},
        data={"name": "Montagna"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    html = web.get(response.headers["location"]).text
    assert "Key players" in html and 'id="network-data"' in html and "<polyline" in html
    assert "Montagna" in web.get("/networks").text


def test_upload_then_pages_still_render(web: TestClient) -> None:
    upload(web, HOSTILE_HTML, country="BE")
    for path in ["/", "/documents", "/countries/BEL", "/evidence?q=cocaine"]:
        assert web.get(path).status_code == 200


def test_cached_pages_and_json_follow_writes(web: TestClient) -> None:
    """Responses are replayed from memory, but a write (upload, review) must show at once."""
    before = web.get("/countries/BEL").text
    assert "No evidence about Belgium yet" in before and web.get("/countries/BEL").text == before
    first = web.get("/api/v1/countries/BE").json()
    upload(web, HOSTILE_HTML, country="BE")
    after = web.get("/countries/BEL").text
    assert "No evidence about Belgium yet" not in after and 'li class="evidence"' in after
    assert web.get("/api/v1/countries/BE").json() == first
