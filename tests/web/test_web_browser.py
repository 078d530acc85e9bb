"""Browser tests: Playwright drives Debian's Chromium against a real `octa serve` on localhost.

Screenshots go to $OCTA_SCREENSHOTS (or a temp dir) so a person can look at them.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from apihelpers import HOSTILE_HTML

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NETWORKS = Path(__file__).parent.parent / "data" / "networks"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="browser tests need /usr/bin/chromium (apt-get install chromium)"
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(default_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`octa serve` in a subprocess on a free port, with a private copy of the default store."""
    db = tmp_path_factory.mktemp("browser") / "octa.db"
    shutil.copy(default_db, db)
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from octa.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read().decode() if process.stdout else ""
            raise RuntimeError(f"octa serve exited: {output}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/editions", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("octa serve did not start within 30 s")


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("OCTA_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(
        viewport={"width": 1360, "height": 900}, accept_downloads=True, base_url=server
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert not errors, f"browser errors: {errors}"


def test_map_edition_switch_and_country_click(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    assert page.locator("#world-map path[data-iso3]").count() >= 160
    page.locator('path[data-iso3="BRA"]').hover()
    assert "Brazil" in page.locator("#map-tooltip").inner_text()
    page.screenshot(path=str(shots / "01-map.png"), full_page=True)
    with page.expect_navigation():
        page.select_option("#edition-select", "2021")
    assert page.locator("#world-map").get_attribute("data-edition") == "2021"
    page.screenshot(path=str(shots / "02-map-2021.png"))
    with page.expect_navigation():
        page.locator('path[data-iso3="BRA"]').click()
    assert re.search(r"/countries/BRA\?edition=2021$", page.url)
    assert "Brazil" in page.locator("h1").inner_text()
    page.screenshot(path=str(shots / "03-country.png"), full_page=True)


def test_upload_review_and_accept(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/documents")
    page.set_input_files("#upload-file", str(HOSTILE_HTML))
    page.fill("#upload-form input[name=country]", "BE")
    page.fill("#upload-form input[name=grade]", "B2")
    page.click("#upload-button")
    page.wait_for_url(re.compile(r"/documents\?job=[0-9a-f]+$"), timeout=60_000)
    page.wait_for_selector('#job[data-status="done"]', timeout=60_000)
    assert page.locator("table.data tbody tr").count() == 1  # the list shows the new document
    page.screenshot(path=str(shots / "04-upload-done.png"))
    with page.expect_navigation():
        page.locator("#job-documents a").first.click()
    first = page.locator("li.evidence").first
    with page.expect_navigation():
        first.locator("button.ok").click()
    assert page.locator(".status-accepted").count() == 1
    page.screenshot(path=str(shots / "05-review.png"), full_page=True)


def test_country_evidence_and_report_download(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/countries/BEL")
    assert page.locator("li.evidence").count() >= 1  # the upload of the previous test
    page.screenshot(path=str(shots / "06-country-evidence.png"), full_page=True)
    if page.locator("#report-pdf").count():
        with page.expect_download(timeout=120_000) as info:
            page.click("#report-pdf")
        download = info.value
        assert Path(download.path()).read_bytes().startswith(b"%PDF")
        assert download.suggested_filename.endswith(".pdf")
    with page.expect_navigation():
        page.click("#all-evidence")
    assert page.locator("li.evidence").count() >= 1
    page.fill("main input[name=q]", "cocaine")
    with page.expect_navigation():
        page.click("main button.primary")
    assert page.locator("mark").count() >= 1
    page.screenshot(path=str(shots / "07-evidence-search.png"), full_page=True)


def test_network_page(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/networks")
    page.set_input_files("#network-form input[type=file]", str(NETWORKS / "Montagna_meetings_edgelist.csv"))
    page.fill("#network-form input[name=name]", "Montagna meetings")
    with page.expect_navigation():
        page.click("#network-form button")
    page.wait_for_selector('#network-graph[data-ready="1"]', timeout=30_000)
    assert page.locator("#node-metrics tbody tr").count() > 50
    page.locator("#node-metrics th", has_text="betweenness").click()
    page.screenshot(path=str(shots / "08-network.png"), full_page=True)


def test_rankings_compare_and_docs(page, shots: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/rankings?continent=Europe")
    page.screenshot(path=str(shots / "09-rankings.png"))
    page.goto("/compare?c=BE&c=NL&c=IT")
    page.screenshot(path=str(shots / "10-compare.png"))
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    page.screenshot(path=str(shots / "11-docs.png"))
