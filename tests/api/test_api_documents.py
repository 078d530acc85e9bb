"""Document upload (background ingest job), size limit, generated names, review of items."""

from __future__ import annotations

from pathlib import Path

from apihelpers import HOSTILE_HTML, upload, wait_job
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def test_upload_ingests_and_items_can_be_accepted_or_rejected(client: TestClient) -> None:
    job = upload(client, HOSTILE_HTML, country="BE", grade="B2", source="Test")
    assert job["status"] == "done", job
    assert job["progress"] == 1.0
    [document_id] = job["result"]["documents"]
    document = client.get(f"/api/v1/documents/{document_id}").json()
    assert document["iso3"] == "BEL" and document["grade"] == "B2" and document["items"] > 0
    items = client.get("/api/v1/evidence", params={"document": document_id, "limit": 100}).json()["items"]
    assert items and all(item["status"] == "pending" for item in items)
    accepted = client.post(f"/api/v1/evidence/{items[0]['id']}/status", json={"status": "accepted"})
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    rejected = client.post(f"/api/v1/evidence/{items[1]['id']}/status", json={"status": "rejected"})
    assert rejected.json()["status"] == "rejected"
    counts = client.get("/api/v1/evidence", params={"document": document_id, "status": "accepted"}).json()
    assert counts["total"] == 1


def test_evidence_full_text_search_and_filters(client: TestClient) -> None:
    upload(client, HOSTILE_HTML, country="BE", grade="B2", date="2024-05-01")
    found = client.get("/api/v1/evidence", params={"q": "banana", "country": "BEL"}).json()
    assert found["total"] >= 1 and all("banana" in i["sentence"] for i in found["items"])
    assert client.get("/api/v1/evidence", params={"q": "zanzibarian"}).json()["total"] == 0
    assert client.get("/api/v1/evidence", params={"grade": "A"}).json()["total"] == 0
    assert client.get("/api/v1/evidence", params={"grade": "C"}).json()["total"] >= 1
    assert client.get("/api/v1/evidence", params={"date_from": "2025"}).json()["total"] == 0
    assert client.get("/api/v1/evidence", params={"q": '"); DROP TABLE evidence; --'}).status_code == 200


def test_upload_over_limit_is_413(client: TestClient) -> None:
    big = b"cocaine " * 40_000  # 320 kB > the 200 kB limit of the test app
    response = client.post("/api/v1/documents", files={"file": ("big.txt", big)})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith(PROBLEM)
    assert not any(client.app.state.octa.uploads.iterdir())  # type: ignore[attr-defined]


def test_unsupported_or_empty_upload_is_422(client: TestClient) -> None:
    assert client.post("/api/v1/documents", files={"file": ("x.exe", b"MZ")}).status_code == 422
    assert client.post("/api/v1/documents", files={"file": ("x.txt", b"")}).status_code == 422


def test_file_name_never_becomes_a_path(client: TestClient, tmp_path: Path) -> None:
    job = upload(client, HOSTILE_HTML, name="../../../../tmp/evil/../owned.html")
    assert job["status"] == "done"
    uploads = client.app.state.octa.uploads  # type: ignore[attr-defined]
    names = [p.name for p in uploads.iterdir()]
    assert names and all(len(n) == len("0" * 32 + ".html") for n in names)
    assert not Path("/tmp/owned.html").exists()
    document = client.get(f"/api/v1/documents/{job['result']['documents'][0]}").json()
    assert "/" not in (document["title"] or "")


def test_unknown_job_and_document_are_404(client: TestClient) -> None:
    assert client.get("/api/v1/jobs/abc").status_code == 404
    assert client.get("/api/v1/documents/999").status_code == 404
    missing = client.post("/api/v1/evidence/nope/status", json={"status": "accepted"})
    assert missing.status_code == 404


def test_duplicate_upload_reports_duplicate(client: TestClient) -> None:
    upload(client, HOSTILE_HTML)
    again = upload(client, HOSTILE_HTML)
    assert again["status"] == "done" and again["result"]["duplicates"] == 1


def test_actor_graph(client: TestClient) -> None:
    upload(client, HOSTILE_HTML, country="BE")
    graph = client.get("/api/v1/countries/BE/actors").json()
    assert graph["iso3"] == "BEL" and graph["nodes"]
    assert client.get("/api/v1/actors", params={"country": "BEL"}).json() == graph


def test_declared_oversize_upload_is_refused_before_reading(client: TestClient) -> None:
    big = b"x" * 400_000  # the test app's limit is 200 kB (+ 64 kB for the envelope)
    response = client.post("/api/v1/documents", files={"file": ("big.txt", big)})
    assert response.status_code == 413 and response.json()["status"] == 413
    page = client.post("/documents", files={"file": ("big.txt", big)}, headers={"accept": "application/json"})
    assert page.status_code == 413


def test_several_files_in_one_upload(client: TestClient, tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Dutch police said synthetic drug production in Limburg grew in 2024.", encoding="utf-8")
    files = [("file", ("a.html", HOSTILE_HTML.read_bytes())), ("file", ("note.txt", note.read_bytes()))]
    response = client.post("/api/v1/documents", files=files, data={"country": "NL"})
    assert response.status_code == 202
    job = wait_job(client, response.json()["id"])
    assert job["status"] == "done" and job["result"]["ingested"] == 2 and len(job["result"]["documents"]) == 2
    titles = {client.get(f"/api/v1/documents/{d}").json()["title"] for d in job["result"]["documents"]}
    assert len(titles) == 2 and any(t.startswith("Dutch police") for t in titles)
