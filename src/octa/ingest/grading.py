"""The Admiralty (NATO) source grading: reliability A–F and credibility 1–6.

A grade is written as two characters, e.g. `B2`. Lower is better on both axes; F6 (reliability
cannot be judged, truth cannot be judged) is the default for an unknown source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from octa.exc import InvalidInput

#: Source reliability, best first.
RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
#: Information credibility, best first.
CREDIBILITY: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}
DEFAULT_GRADE = "F6"
_GRADE = re.compile(r"^\s*([A-Fa-f])\s*-?\s*([1-6])\s*$")


@dataclass(frozen=True, order=True)
class Grade:
    reliability: str
    credibility: int

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def description(self) -> str:
        return f"{RELIABILITY[self.reliability]}; {CREDIBILITY[self.credibility]}"


def parse_grade(text: str | None, *, file: str | None = None) -> Grade:
    """A grade from `B2` (case and a dash tolerated); anything else is an `InvalidInput`."""
    match = _GRADE.match(text or "")
    if match is None:
        raise InvalidInput(
            f"invalid source grade {text!r}: expected reliability A–F and credibility 1–6, e.g. B2",
            file=file,
        )
    return Grade(match.group(1).upper(), int(match.group(2)))


def format_grade(reliability: str | None, credibility: int | None) -> str | None:
    if not reliability or credibility is None:
        return None
    return f"{reliability}{credibility}"
