"""The engine reproduces every published figure of the 2021, 2023 and 2025 indices."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pytest

from octa import engine

if TYPE_CHECKING:
    from conftest import Edition

BELGIUM_CRIMINALITY_RANK = {2021: 127, 2023: 129, 2025: 114}
QUADRANT_COUNTS = {
    2021: {"LC-HR": 50, "LC-LR": 77, "HC-LR": 57, "HC-HR": 9},
    2023: {"LC-HR": 47, "LC-LR": 71, "HC-LR": 63, "HC-HR": 12},
    2025: {"LC-HR": 46, "LC-LR": 72, "HC-LR": 66, "HC-HR": 9},
}


def test_every_published_aggregate_is_reproduced(edition: Edition) -> None:
    computed = engine.aggregate_rounded(edition.scores, edition.framework)
    assert len(edition.iso3) == 193
    assert set(edition.published) == {"criminality", "criminal-markets", "criminal-actors", "resilience"}
    for key, published in edition.published.items():
        wrong = [
            (iso3, float(c), float(p))
            for iso3, c, p in zip(edition.iso3, computed[key], published, strict=True)
            if c != p
        ]
        assert wrong == [], f"{edition.year} {key}: {wrong[:5]}"


def test_naive_rounding_would_not_reproduce(edition: Edition) -> None:
    """Why round_half_up exists: numpy's round-half-even on binary floats gets some wrong."""
    unrounded = engine.aggregate(edition.scores, edition.framework)
    misses = sum(int((np.round(unrounded[k], 2) != edition.published[k]).sum()) for k in edition.published)
    if edition.year == 2021:
        assert misses > 0


def test_criminality_from_unrounded_pillars(edition: Edition) -> None:
    """Criminality averages the unrounded pillar means, not the published (rounded) pillars."""
    unrounded = engine.aggregate(edition.scores, edition.framework)
    expected = (unrounded["criminal-markets"] + unrounded["criminal-actors"]) / 2
    np.testing.assert_allclose(unrounded["criminality"], expected, rtol=0, atol=1e-12)
    from_rounded = engine.round_half_up(
        (edition.published["criminal-markets"] + edition.published["criminal-actors"]) / 2, 2
    )
    assert (from_rounded != edition.published["criminality"]).any()


def test_belgium_criminality_rank(edition: Edition) -> None:
    published = engine.aggregate_rounded(edition.scores, edition.framework)
    ranks = engine.competition_rank(published["criminality"])
    assert ranks[edition.iso3.index("BEL")] == BELGIUM_CRIMINALITY_RANK[edition.year]


def test_quadrant_counts(edition: Edition) -> None:
    published = engine.aggregate_rounded(edition.scores, edition.framework)
    spec = edition.framework.quadrant
    codes = engine.quadrants(published[spec.x], published[spec.y], spec.threshold)
    assert {q: int((codes == q).sum()) for q in engine.QUADRANTS} == QUADRANT_COUNTS[edition.year]


def test_quadrant_rule_is_inclusive(editions: dict[int, Edition]) -> None:
    """``>`` would move the countries sitting exactly on 5.50 and miss the published counts."""
    ed = editions[2021]
    published = engine.aggregate_rounded(ed.scores, ed.framework)
    strict = engine.quadrants(published["criminality"], published["resilience"], 5.5, inclusive=False)
    assert {q: int((strict == q).sum()) for q in engine.QUADRANTS} != QUADRANT_COUNTS[2021]
    unrounded = engine.aggregate(ed.scores, ed.framework)
    same = engine.quadrants(unrounded["criminality"], unrounded["resilience"], 5.5)
    assert (same == engine.quadrants(published["criminality"], published["resilience"], 5.5)).all()


def test_group_ranks_match_world_ranks_within_group(edition: Edition) -> None:
    published = engine.aggregate_rounded(edition.scores, edition.framework)["resilience"]
    by_region = engine.competition_rank(published, groups=edition.region)
    for region in np.unique(edition.region):
        members = edition.region == region
        np.testing.assert_array_equal(by_region[members], engine.competition_rank(published[members]))


def test_indicator_ranks(edition: Edition) -> None:
    column = edition.scores[:, 0]
    ranks = engine.competition_rank(column)
    assert ranks[np.argmax(column)] == 1
    assert np.all(ranks == 1 + (column[None, :] > column[:, None]).sum(axis=1))


def test_continental_averages(edition: Edition) -> None:
    unrounded = engine.aggregate(edition.scores, edition.framework)["criminality"]
    labels, means = engine.group_means(unrounded, edition.continent)
    assert set(labels) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    for label, mean in zip(labels, means, strict=True):
        assert mean == pytest.approx(unrounded[edition.continent == label].mean())


def test_edition_change_handles_new_indicators(editions: dict[int, Edition]) -> None:
    old, new = editions[2021], editions[2023]
    old_values = {**engine.aggregate(old.scores, old.framework)}
    old_values.update(dict(zip(old.framework.indicator_ids, old.scores.T, strict=True)))
    new_values = {**engine.aggregate(new.scores, new.framework)}
    new_values.update(dict(zip(new.framework.indicator_ids, new.scores.T, strict=True)))
    change = engine.edition_change(old.iso3, old_values, new.iso3, new_values)
    bel = list(change.countries).index("BEL")
    assert change.old_rank["criminality"][bel] == 127
    assert change.new_rank["criminality"][bel] == 129
    assert change.rank_delta["criminality"][bel] == 2
    assert change.delta["criminality"][bel] == pytest.approx(
        change.new["criminality"][bel] - change.old["criminality"][bel]
    )
    # Indicators new in 2023 have no 2021 value, so no delta either.
    assert np.isnan(change.delta["cyber-dependent-crimes"]).all()
    assert not np.isnan(change.new["cyber-dependent-crimes"]).any()


def test_edition_change_with_countries_missing() -> None:
    change = engine.edition_change(
        ["AAA", "BBB"], {"x": [1.0, 2.0]}, ["BBB", "CCC"], {"x": [3.0, 1.0], "y": [1.0, 1.0]}
    )
    assert change.countries.tolist() == ["BBB", "CCC", "AAA"]
    np.testing.assert_array_equal(change.delta["x"], [1.0, np.nan, np.nan])
    np.testing.assert_array_equal(change.old_rank["x"], [1.0, np.nan, 2.0])
    np.testing.assert_array_equal(change.rank_delta["x"], [0.0, np.nan, np.nan])
    assert np.isnan(change.old["y"]).all()


def test_missing_indicators_are_skipped(editions: dict[int, Edition]) -> None:
    """2021 scores under the 2023 framework (new indicators blank) still give the 2021 figures."""
    old, new_framework = editions[2021], editions[2023].framework
    columns = dict(zip(old.framework.indicator_ids, old.scores.T, strict=True))
    matrix = engine.indicator_matrix(columns, new_framework)
    assert np.isnan(matrix).any()
    computed = engine.aggregate_rounded(matrix, new_framework)
    for key, published in old.published.items():
        np.testing.assert_array_equal(computed[key], published)
