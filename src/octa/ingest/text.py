"""Text clean-up and the content hash that deduplicates documents."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Stored form: NFC, Unix newlines, single spaces, at most one blank line between paragraphs."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: A line that starts a new block even without a blank line before it: a list item or a heading.
_BLOCK_START = re.compile(r"^\s*(?:[-*•–]\s|\d{1,3}[.)]\s|#{1,6}\s|\|)")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines of a paragraph, so a sentence is not cut at a line end.

    Plain text, Markdown and PDF text layers break lines for layout; sentence splitting (and so
    evidence) must not see those breaks. Blank lines, list items and headings stay breaks.
    """
    return "\n\n".join(_unwrap_paragraph(p) for p in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")))


def _unwrap_paragraph(paragraph: str) -> str:
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    out: list[str] = []
    for line in lines:
        if out and not _BLOCK_START.match(line) and (not _BLOCK_START.match(out[-1]) or _continues(out[-1])):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return "\n".join(out)


def _continues(previous: str) -> bool:
    """A list item or heading whose text runs on to the next line (no final punctuation)."""
    return not previous.lstrip().startswith("#") and not previous.rstrip().endswith((".", ":", "!", "?"))


def _join(left: str, right: str) -> str:
    """Join two wrapped lines; a hyphen at the line end keeps the halves together ('Albanian-speaking')."""
    if left.endswith("-") and not left.endswith(" -"):
        return left + right
    return f"{left} {right}"


def content_hash(text: str) -> str:
    """SHA-256 of the text with all whitespace collapsed, so re-wrapped copies are duplicates."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return len(text.split())
