"""Fixtures for ingest tests: a small stand-in extractor and real files of every format."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

#: keyword → (family, label, polarity); the stand-in extractor's whole lexicon.
LEXICON = {
    "cocaine": ("market", "cocaine-trade", None),
    "albanian": ("origin", "AL", None),
    "dock workers": ("actor", "private-sector-actors", None),
    "judiciary": ("resilience", "judicial-system-detention", 1),
    "corruption": ("resilience", "law-enforcement", -1),
}
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


def fake_extract(text: str, subject: str | None = None) -> SimpleNamespace:
    """Items for each lexicon keyword, in the shape octa.extract returns; plus a link per origin."""
    items: list[Any] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group().strip()
        lowered = sentence.casefold()
        for keyword, (family, label, polarity) in LEXICON.items():
            at = lowered.find(keyword)
            if at < 0:
                continue
            start = match.start() + match.group().find(sentence) + at
            item = dict(family=family, label=label, polarity=polarity, sentence=sentence, start=start,
                        end=start + len(keyword), confidence=0.8, modality="asserted",
                        actor=None, market=None, with_=None)
            items.append(SimpleNamespace(**item))
            if family == "origin" and "cocaine" in lowered:
                items.append(SimpleNamespace(**{**item, "family": "link", "label": "link",
                                                "actor": f"foreign:{label}", "market": "cocaine-trade"}))
    detected = subject or ("BE" if "belgium" in text.casefold() else None)
    return SimpleNamespace(subject=detected, subject_confidence=1.0 if detected else 0.0, items=items)


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the real extractor, so ingest tests do not depend on its lexicons."""
    import octa.extract

    monkeypatch.setattr(octa.extract, "extract", fake_extract, raising=False)


BELGIUM = ("Belgium is a hub. Cocaine arrives through the port of Antwerp. Albanian networks import "
           "cocaine with the help of dock workers. Corruption at the port is widespread. "
           "The judiciary is independent.")


def make_pdf(path: Path, text: str, title: str = "A PDF report") -> Path:
    """A real PDF with a text layer, rendered by WeasyPrint."""
    from weasyprint import HTML

    HTML(string=f"<html><head><title>{title}</title></head><body><p>{text}</p></body></html>").write_pdf(path)
    return path


def make_docx(path: Path, text: str, title: str = "A Word report") -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for paragraph in text.split(". "):
        document.add_paragraph(paragraph)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Seizures", "cocaine in containers"
    document.save(str(path))
    return path


def make_encrypted_pdf(source: Path, path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(source).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture(scope="session")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf", BELGIUM, title="Antwerp report")
