"""Wording and thresholds of the reports, loaded once from the YAML files beside this module.

Bands, disagreement thresholds and sentence templates are data, so an analyst can retune the
wording (or translate it) without touching the code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from octa.exc import InvalidInput

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Band:
    id: str
    below: float
    criminality: str
    resilience: str
    colour: str

    def word(self, pillar: str) -> str:
        """The adjective for this band, read the right way for the pillar."""
        return self.resilience if pillar == "resilience" else self.criminality


@cache
def settings() -> dict[str, Any]:
    return _load("bands.yaml")


@cache
def phrases() -> dict[str, list[str]]:
    data = _load("phrases.yaml")
    for key, value in data.items():
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise InvalidInput(f"{key}: expected a non-empty list of sentence templates", file="phrases.yaml")
    return data


@cache
def bands() -> tuple[Band, ...]:
    return tuple(Band(**b) for b in settings()["bands"])


def band_of(score: float) -> Band:
    """The band a score or an aggregate falls in (NaN counts as the lowest band)."""
    if math.isnan(score):
        return bands()[0]
    return next((b for b in bands() if score < b.below), bands()[-1])


def threshold(name: str) -> float:
    value = settings()["disagreement"].get(name, settings().get(name))
    return float(value)


def quadrant_label(code: str) -> str:
    return str(settings()["quadrants"].get(code, code))


def _load(name: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InvalidInput(f"not valid YAML: {exc}".splitlines()[0], file=name) from None
    if not isinstance(data, dict):
        raise InvalidInput("expected a mapping", file=name)
    return data
