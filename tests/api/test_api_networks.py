"""Networks through the API: import a file, list, metrics, attack curves, delete."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

NETWORKS = Path(__file__).parent.parent / "data" / "networks"


def import_montagna(client: TestClient) -> dict:  # type: ignore[type-arg]
    path = NETWORKS / "Montagna_meetings_edgelist.csv"
    with path.open("rb") as handle:
        response = client.post(
            "/api/v1/networks",
            files={"file": (path.name, handle)},
            data={"name": "Montagna meetings", "country": "IT"},
        )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def test_import_list_metrics_attack_delete(client: TestClient) -> None:
    summary = import_montagna(client)
    assert summary["name"] == "Montagna meetings" and summary["iso3"] == "ITA" and summary["nodes"] > 50
    assert [n["id"] for n in client.get("/api/v1/networks").json()] == [summary["id"]]
    full = client.get(f"/api/v1/networks/{summary['id']}").json()
    assert len(full["graph"]["nodes"]) == summary["nodes"]
    metrics = client.get(f"/api/v1/networks/{summary['id']}/metrics").json()
    assert metrics["graph"]["nodes"] == summary["nodes"]
    assert {"node", "degree", "betweenness"} <= set(metrics["nodes"][0])
    attack = client.get(
        f"/api/v1/networks/{summary['id']}/attack", params={"strategy": ["degree", "random"], "steps": 5}
    ).json()
    assert set(attack["curves"]) == {"degree", "random"}
    degree = attack["curves"]["degree"]
    assert len(degree) == 6 and degree[0]["lcc_fraction"] == 1.0
    assert degree[-1]["lcc_fraction"] <= degree[0]["lcc_fraction"]
    assert client.delete(f"/api/v1/networks/{summary['id']}").status_code == 204
    assert client.get(f"/api/v1/networks/{summary['id']}").status_code == 404


def test_duplicate_name_and_bad_file_are_422(client: TestClient) -> None:
    import_montagna(client)
    path = NETWORKS / "Montagna_meetings_edgelist.csv"
    again = client.post(
        "/api/v1/networks", files={"file": (path.name, path.read_bytes())}, data={"name": "Montagna meetings"}
    )
    assert again.status_code == 422
    bad = client.post("/api/v1/networks", files={"file": ("x.exe", b"MZ")})
    assert bad.status_code == 422


def test_unknown_network_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/networks/42/metrics").status_code == 404
    assert client.get("/api/v1/networks/42/attack").status_code == 404
