"""Hostile document text never reaches a page or an API response as markup.

The fixture HTML carries raw <script>, an <img onerror=…>, and entity-escaped payloads that
become literal "<script>…" text after extraction: all of it must come back escaped.
"""

from __future__ import annotations

import re

from apihelpers import HOSTILE_HTML, upload
from fastapi.testclient import TestClient

from octa.web.render import highlight

ACTIVE = re.compile(
    r"<script(?![^>]*(?:src=\"/static/|type=\"application/json\"))|<(?:img|svg)[^>]*\son\w+=|"
    r"javascript:",
    re.IGNORECASE,
)


def payload_free(html: str) -> bool:
    """No active markup except octa's own scripts (static files and inert JSON data blocks)."""
    return ACTIVE.search(html) is None and "alert(1" not in re.sub(r"&[#\w]+;", "", _tags_only(html))


def _tags_only(html: str) -> str:
    return " ".join(re.findall(r"<[^>]*>", html))


def test_hostile_document_is_escaped_everywhere(web: TestClient) -> None:
    job = upload(web, HOSTILE_HTML, country="BE", grade="B2")
    assert job["status"] == "done", job
    document_id = job["result"]["documents"][0]
    items = web.get("/api/v1/evidence", params={"document": document_id, "limit": 100}).json()["items"]
    assert any("<script>" in i["sentence"] or "onerror" in i["sentence"] for i in items), (
        "payload not extracted"
    )
    web.post(f"/api/v1/evidence/{items[0]['id']}/status", json={"status": "accepted"})
    pages = [
        "/",
        "/countries/BEL",
        "/evidence",
        "/evidence?q=cocaine",
        "/evidence?q=script",
        "/evidence?q=onerror",
        "/documents",
        f"/documents/{document_id}",
        "/compare?c=BE",
    ]
    for path in pages:
        html = web.get(path).text
        assert payload_free(html), path
    review = web.get(f"/documents/{document_id}").text
    assert "&lt;script&gt;alert(13)&lt;/script&gt;" in review  # shown as text, not run
    assert "&lt;img src=x onerror=alert(15)&gt;" in review and "Port report &lt;img" in review
    report = web.get("/api/v1/countries/BE/report", params={"format": "html"})
    if report.status_code == 200:
        assert payload_free(report.text)
    for path in [
        "/api/v1/evidence?q=cocaine",
        f"/api/v1/documents/{document_id}",
        "/api/v1/countries/BE/actors",
        "/api/v1/documents",
        f"/api/v1/jobs/{job['id']}",
    ]:
        response = web.get(path)
        assert response.headers["content-type"].startswith("application/json"), path
        assert response.headers["x-content-type-options"] == "nosniff"


def test_highlight_escapes_before_marking() -> None:
    marked = str(highlight('<img src=x onerror="alert(1)"> cocaine & <b>', ["cocaine", "img", "lt"]))
    assert "<img" not in marked and "<b>" not in marked
    assert "<mark>cocaine</mark>" in marked and "&lt;<mark>img</mark>" in marked
    assert "&<mark>lt" not in marked  # entities stay intact
    assert str(highlight("<script>", span=(0, 8))) == "<mark>&lt;script&gt;</mark>"
