"""Framework files: the built-ins match the published index and the guidelines' ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.conftest import DATA, shared_path

from octa.exc import InvalidFramework
from octa.frameworks import builtin_frameworks, framework_for_edition, load_framework


def test_builtin_frameworks_have_published_shape() -> None:
    frameworks = builtin_frameworks()
    counts = {
        fid: {p.id: len(spec.indicators_of(p.id)) for p in spec.pillars} for fid, spec in frameworks.items()
    }
    assert counts["ocindex-2021"] == {"criminal-markets": 10, "criminal-actors": 4, "resilience": 12}
    assert counts["ocindex-2023"] == {"criminal-markets": 15, "criminal-actors": 5, "resilience": 12}


@pytest.mark.parametrize(
    ("edition", "framework_id"), [(2021, "ocindex-2021"), (2023, "ocindex-2023"), (2025, "ocindex-2023")]
)
def test_framework_for_edition(edition: int, framework_id: str) -> None:
    assert framework_for_edition(edition).id == framework_id


def test_indicator_ids_are_those_of_the_guidelines() -> None:
    guidelines = shared_path("eval/GUIDELINES.md").read_text(encoding="utf-8")
    label_ids = set(re.findall(r"^\| `([a-z-]+)` \|", guidelines, flags=re.MULTILINE))
    assert set(builtin_frameworks()["ocindex-2023"].indicator_ids) == label_ids


def test_indicator_names_are_the_published_headers() -> None:
    from openpyxl import load_workbook

    book = load_workbook(shared_path("data/ocindex/global_oc_index.xlsx"), read_only=True)
    header = {str(h).strip() for h in next(book["2025_dataset"].iter_rows(values_only=True))}
    names = {i.name for i in builtin_frameworks()["ocindex-2023"].indicators}
    assert names <= header, names - header


def test_user_framework_loads() -> None:
    spec = load_framework(DATA / "scores" / "custom_framework.yaml")
    assert spec.indicator_ids == ["cocaine-trade", "cannabis-trade", "criminal-networks", "law-enforcement"]
    assert spec.quadrant.threshold == 6


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "id: x\nname: X\npillars: []\nindicators: [{id: a, name: A, pillar: nope}]",
            "field indicators.0.pillar: unknown pillar 'nope'",
        ),
        (
            "id: x\nname: X\npillars: [{id: p, name: P}]\n"
            "indicators: [{id: a, name: A, pillar: p, weight: -1}]",
            "field indicators.0.weight: Input should be greater than 0",
        ),
        (
            "id: x\nname: X\npillars: [{id: p, name: P}]\nindicators: [{id: a, name: A, pillar: p}]\n"
            "composites: [{id: c, name: C, of: [p, q]}]",
            "field composites.0.of: unknown pillar or composite 'q'",
        ),
        (
            "id: x\nname: X\npillars: [{id: p, name: P}]\n"
            "indicators: [{id: a, name: A, pillar: p, colour: red}]",
            "field indicators.0.colour: Extra inputs are not permitted",
        ),
        ("- just a list", "a framework file must be a YAML mapping"),
        ("id: [unclosed", "not valid YAML"),
    ],
)
def test_invalid_framework_names_file_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFramework) as caught:
        load_framework(path)
    assert str(caught.value).startswith(f"{path}: "), str(caught.value)
    assert message in str(caught.value), str(caught.value)
