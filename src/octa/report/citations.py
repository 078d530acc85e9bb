"""Numbered references: one number per document, in order of first citation.

Documents are numbered as the narrative cites them, so [1] is the first source the reader
meets; documents with evidence that no sentence cited are still listed, after the cited ones,
so the Sources section shows everything the store holds for the country.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from octa.report.model import EvidenceItem, Reference

#: A statement cites at most this many documents, strongest first, to keep the text readable.
MAX_REFS = 3


class Citations:
    def __init__(self, evidence: Iterable[EvidenceItem]) -> None:
        self._documents: dict[int, EvidenceItem] = {}
        self._items: Counter[int] = Counter()
        for item in evidence:
            self._documents.setdefault(item.document_id, item)
            self._items[item.document_id] += 1
        self._numbers: dict[int, int] = {}

    def cite(self, items: Iterable[EvidenceItem], limit: int = MAX_REFS) -> tuple[int, ...]:
        """Reference numbers for the documents behind `items` (best-graded first)."""
        documents: list[int] = []
        for item in sorted(items, key=lambda i: (i.grade, -i.confidence)):
            if item.document_id not in documents:
                documents.append(item.document_id)
        return tuple(sorted(self._number(d) for d in documents[:limit]))

    def _number(self, document_id: int) -> int:
        if document_id not in self._numbers:
            self._numbers[document_id] = len(self._numbers) + 1
        return self._numbers[document_id]

    def references(self) -> list[Reference]:
        """Every document: cited ones in citation order, then the rest by date."""
        rest = sorted(
            (d for d in self._documents if d not in self._numbers),
            key=lambda d: (self._documents[d].date, d),
            reverse=True,
        )
        for document_id in rest:
            self._number(document_id)
        return [self._reference(number, d) for d, number in sorted(self._numbers.items(), key=lambda p: p[1])]

    def _reference(self, number: int, document_id: int) -> Reference:
        item = self._documents[document_id]
        return Reference(
            number,
            document_id,
            item.title,
            item.source,
            item.date,
            item.grade,
            item.url,
            self._items[document_id],
        )
