"""HTML: the readable text, without scripts, styles, navigation, footers and other boilerplate."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, Comment, Doctype, Tag

from octa.ingest.loaders.base import Loaded, RawDocument
from octa.ingest.metadata import DocumentMeta

#: Elements never holding the article's text.
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
             "iframe", "svg", "button", "menu", "object", "embed")
#: ARIA roles and class/id fragments that mark page furniture.
DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search")
DROP_CLASS_HINTS = ("cookie", "navbar", "breadcrumb", "sidebar", "advert", "share", "newsletter", "footer")
BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "blockquote", "pre", "table", "ul", "ol", "dd", "dt")
_WHITESPACE = re.compile(r"\s+")
TITLE_META = ("og:title", "twitter:title", "dc.title")
DATE_META = ("article:published_time", "date", "dc.date", "pubdate", "publication_date", "og:published_time")
SOURCE_META = ("og:site_name", "publisher", "dc.publisher")


def load_html(path: Path) -> Iterator[Loaded]:
    soup = BeautifulSoup(path.read_bytes(), "lxml")  # bytes: the parser honours <meta charset>
    meta = _meta(soup)
    _drop_boilerplate(soup)
    root = soup.find("main") or soup.find("article") or soup.body or soup
    yield RawDocument(text=_text(root), path=str(path), media_type="text/html", meta=meta)


def _drop_boilerplate(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_furniture):
        tag.decompose()


def _is_furniture(tag: Tag) -> bool:
    if tag.name in ("html", "body", "main", "article") or tag.attrs is None:
        return False
    if tag.get("role") in DROP_ROLES or tag.get("aria-hidden") == "true":
        return True
    hints = " ".join([*tag.get_attribute_list("class"), str(tag.get("id") or "")]).casefold()
    return any(hint in hints for hint in DROP_CLASS_HINTS)


def _text(root: Tag | BeautifulSoup) -> str:
    """Text with a line break after every block element, so paragraphs stay apart.

    Line breaks inside the source are only layout in HTML, so they become spaces first.
    """
    for string in root.find_all(string=True):
        if not isinstance(string, Comment | Doctype) and string.parent and string.parent.name != "pre":
            string.replace_with(_WHITESPACE.sub(" ", str(string)))
    for tag in root.find_all(BLOCK_TAGS):
        tag.insert_after("\n\n" if tag.name != "br" else "\n")
    return root.get_text()


def _meta(soup: BeautifulSoup) -> DocumentMeta:
    named: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = str(tag.get("property") or tag.get("name") or "").casefold()
        if key and tag.get("content"):
            named.setdefault(key, str(tag["content"]).strip())
    title = _first(named, TITLE_META) or _title(soup)
    html = soup.find("html")
    lang = str(html.get("lang", "")).split("-")[0].casefold() or None if isinstance(html, Tag) else None
    return DocumentMeta(title=title, source=_first(named, SOURCE_META), language=lang,
                        date=_first(named, DATE_META))


def _title(soup: BeautifulSoup) -> str | None:
    for tag in (soup.title, soup.find("h1")):
        if tag is not None and tag.get_text(strip=True):
            return " ".join(tag.get_text().split())
    return None


def _first(named: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((named[k] for k in keys if k in named), None)
