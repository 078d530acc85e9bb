"""Report download: HTML and PDF when the report module is installed, a 503 problem otherwise."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from octa.api.reports import report_available


def test_report_html_and_pdf(client: TestClient) -> None:
    if not report_available():
        response = client.get("/api/v1/countries/BE/report")
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")
        pytest.skip("the report module is not installed in this build")
    html = client.get("/api/v1/countries/BE/report", params={"format": "html", "download": True})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "attachment" in html.headers["content-disposition"] and "Belgium" in html.text
    pdf = client.get("/api/v1/countries/BE/report", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_report_unknown_country_and_format(client: TestClient) -> None:
    assert client.get("/api/v1/countries/QQ/report").status_code == 404
    assert client.get("/api/v1/countries/BE/report", params={"format": "docx"}).status_code == 422
