"""Each loader on real files of its format, including broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import DATA
from tests.ingest.conftest import BELGIUM, make_docx, make_encrypted_pdf

from octa.exc import InvalidInput
from octa.ingest.loaders import LoadFailure, RawDocument, loader_for
from octa.ingest.metadata import DocumentMeta
from octa.ingest.prepare import Failed, Prepared, prepare

DOCS = DATA / "documents"


def load(path: Path) -> list[RawDocument | LoadFailure]:
    loader = loader_for(path)
    assert loader is not None, path
    return list(loader(path))


def prepared(path: Path, max_bytes: int = 10_000_000) -> list[Prepared | Failed]:
    items = list(prepare([path], DocumentMeta(), max_bytes=max_bytes, known=set()))
    assert all(isinstance(i, Prepared | Failed) for i in items)
    return items  # type: ignore[return-value]


def test_txt() -> None:
    [doc] = load(DOCS / "belgium-note.txt")
    assert isinstance(doc, RawDocument) and doc.media_type == "text/plain"
    assert "port of Antwerp" in doc.text


def test_markdown_keeps_text_drops_markup() -> None:
    [doc] = load(DOCS / "notes.md")
    assert isinstance(doc, RawDocument)
    assert doc.meta.title == "Notes on the port of Antwerp"
    assert "**" not in doc.text and "https://" not in doc.text and "judiciary is independent" in doc.text


def test_html_drops_scripts_and_boilerplate() -> None:
    [item] = prepared(DOCS / "hostile.html")
    assert isinstance(item, Prepared)
    assert item.meta.title == "Hostile page"
    assert "alert" not in item.text and "injected" not in item.text and "color: red" not in item.text
    assert "Home | News" not in item.text and "Copyright" not in item.text
    assert "<script>" in item.text  # escaped markup in the page is kept as plain text
    assert "<img" not in item.text and "onerror" not in item.text
    assert "Corruption at the port is widespread." in item.text


def test_pdf(pdf_file: Path) -> None:
    [doc] = load(pdf_file)
    assert isinstance(doc, RawDocument) and doc.media_type == "application/pdf"
    assert "port of Antwerp" in " ".join(doc.text.split())
    assert doc.meta.title == "Antwerp report"


def test_docx(tmp_path: Path) -> None:
    [doc] = load(make_docx(tmp_path / "report.docx", BELGIUM))
    assert isinstance(doc, RawDocument)
    assert "dock workers" in doc.text and "cocaine in containers" in doc.text
    assert doc.meta.title == "A Word report"


def test_jsonl_lines_and_bad_lines() -> None:
    loaded = load(DOCS / "batch.jsonl")
    docs = [d for d in loaded if isinstance(d, RawDocument)]
    failures = [str(d) for d in loaded if isinstance(d, LoadFailure)]
    assert [d.meta.title for d in docs] == ["Italy item", "j2", "j3"]
    assert docs[0].meta == DocumentMeta(title="Italy item", source="Newswire", date="2023-05-01",
                                        country="ITA", grade="C3")
    assert docs[0].path.endswith("batch.jsonl#j1")
    assert len(failures) == 3
    assert failures[0].endswith("row 4: not JSON: Expecting value")
    assert failures[1].endswith("row 5: expected an object with a 'text' string")
    assert "row 6" in failures[2] and "invalid source grade 'Z9'" in failures[2]


def test_encrypted_pdf_is_refused(pdf_file: Path, tmp_path: Path) -> None:
    path = make_encrypted_pdf(pdf_file, tmp_path / "locked.pdf")
    with pytest.raises(InvalidInput, match="encrypted PDF"):
        load(path)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("truncated.pdf", None, "corrupt PDF"),
    ("fake.pdf", b"this is not a PDF at all", "corrupt PDF"),
    ("fake.docx", b"this is not a zip file", "not a valid DOCX file"),
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"   \n\n  ", "no text found"),
    ("binary.txt", b"\x00\x01\x02binary", "binary data"),
    ("data.xlsx", b"PK", "unsupported format '.xlsx'"),
])
def test_broken_files_fail_with_one_line(name: str, content: bytes | None, reason: str, tmp_path: Path,
                                         pdf_file: Path) -> None:
    path = tmp_path / name
    path.write_bytes(content if content is not None else pdf_file.read_bytes()[:400])
    [item] = prepared(path)
    assert isinstance(item, Failed), item
    assert reason in item.message and str(path) in item.message
    assert "\n" not in item.message


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    [item] = prepared(path, max_bytes=100)
    assert isinstance(item, Failed) and "too large (5,000 bytes; the limit is 100)" in item.message


def test_oversized_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "a", "text": "short"}\n{"id": "b", "text": "' + "long " * 100 + '"}\n')
    items = prepared(path, max_bytes=100)
    assert isinstance(items[0], Prepared) and isinstance(items[1], Failed)
    assert "row 2: too large" in items[1].message


def test_sidecar_metadata_applies() -> None:
    [item] = prepared(DOCS / "belgium-note.txt")
    assert isinstance(item, Prepared)
    assert item.meta == DocumentMeta(title="Port security note", source="Test police service",
                                     url="https://example.org/note", date="2024-02-01", country="BEL",
                                     grade="B2", language="en")


def test_bad_sidecar_fails_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Some text about the port.")
    (tmp_path / "a.txt.meta.yaml").write_text("grade: Z9\n")
    [item] = prepared(path)
    assert isinstance(item, Failed)
    assert "a.txt.meta.yaml, column 'grade': invalid source grade 'Z9'" in item.message


def test_jsonl_line_metadata_beats_its_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text('{"id": "a", "text": "One.", "country": "IT"}\n{"id": "b", "text": "Two."}\n')
    (tmp_path / "lines.jsonl.meta.json").write_text('{"country": "BE", "source": "Feed", "grade": "B3"}')
    first, second = prepared(path)
    assert isinstance(first, Prepared) and isinstance(second, Prepared)
    assert (first.meta.country, first.meta.source, first.meta.grade) == ("ITA", "Feed", "B3")
    assert (second.meta.country, second.meta.source) == ("BEL", "Feed")


def test_sidecar_beats_html_title(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes("<html><head><title>Page title</title><meta charset='windows-1252'></head>"
                     "<body><p>Caf\xe9 owners pay protection money.</p></body></html>".encode("cp1252"))
    (tmp_path / "page.html.meta.json").write_text('{"title": "Curated title"}')
    [item] = prepared(path)
    assert isinstance(item, Prepared) and item.meta.title == "Curated title"
    assert "Café owners" in item.text


def test_yaml_sidecar(tmp_path: Path) -> None:
    path = tmp_path / "memo.md"
    path.write_text("# Memo\n\nCocaine is seized at the port, and the police say the trade is growing.\n")
    (tmp_path / "memo.md.meta.yaml").write_text("source: Customs\ndate: 2023-04-05\ncountry: Netherlands\n"
                                                "grade: c2\nurl: https://example.org/memo\n")
    [item] = prepared(path)
    assert isinstance(item, Prepared)
    assert item.meta == DocumentMeta(title="Memo", source="Customs", url="https://example.org/memo",
                                     date="2023-04-05", country="NLD", grade="C2", language="en")
