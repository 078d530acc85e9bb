"""The 'change since the previous edition' section.

Indicators the previous edition did not assess are reported as new, never as a change from
zero; indicators it assessed but this edition dropped are named, so no movement is implied.
"""

from __future__ import annotations

from octa.report import config
from octa.report.model import Fragment, Measure, Paragraph, ReportData, Sentence, TrendPoint
from octa.report.text import lower_name, ordinal, say, score, signed

#: Indicator moves smaller than this are not listed as movers.
MOVER_MIN = 0.5
MOVERS = 3


def write_change(data: ReportData, seed: str) -> list[Paragraph]:
    if data.previous_edition is None:
        return [[say(seed, "change_first", edition=data.edition)]]
    before = _point(data, data.previous_edition)
    now = _point(data, data.edition)
    if data.change is None or before is None or now is None:
        return [[say(seed, "change_absent", country=data.country, previous=data.previous_edition)]]
    first = [
        say(
            seed,
            "change_aggregates",
            previous=data.previous_edition,
            crim_move=_move(before.criminality, now.criminality),
            res_move=_move(before.resilience, now.resilience),
        ),
        say(
            seed,
            "change_ranks",
            crim_rank_move=_rank_move(before.criminality_rank, now.criminality_rank),
            res_rank_move=_rank_move(before.resilience_rank, now.resilience_rank),
        ),
        _quadrant(data, seed),
    ]
    return [first, _movers(data, seed)]


def _point(data: ReportData, edition: int) -> TrendPoint | None:
    return next((p for p in data.trend if p.edition == edition), None)


def _move(before: float, now: float) -> str:
    delta = round(now - before, 2)
    if delta == 0:
        return f"stayed level at {score(now, True)}"
    verb = "risen" if delta > 0 else "fallen"
    return f"{verb} by {score(abs(delta), True)}, from {score(before, True)} to {score(now, True)}"


def _rank_move(before: int, now: int) -> str:
    if before == now:
        return f"stayed at {ordinal(now)}"
    return f"moved from {ordinal(before)} to {ordinal(now)}"


def _quadrant(data: ReportData, seed: str) -> Sentence:
    previous = str((data.change or {}).get("previous_quadrant", data.quadrant))
    if previous == data.quadrant:
        return say(seed, "change_quadrant_same", quadrant=data.quadrant_label)
    return say(
        seed, "change_quadrant_moved", before=config.quadrant_label(previous), after=data.quadrant_label
    )


def _movers(data: ReportData, seed: str) -> Paragraph:
    changed = [m for m in data.indicators if m.delta is not None and abs(m.delta) >= MOVER_MIN]
    up = sorted((m for m in changed if (m.delta or 0) > 0), key=lambda m: -(m.delta or 0))[:MOVERS]
    down = sorted((m for m in changed if (m.delta or 0) < 0), key=lambda m: m.delta or 0)[:MOVERS]
    out: Paragraph = []
    if up:
        out.append(say(seed, "change_movers_up", items=[_mover(m) for m in up]))
    if down:
        out.append(say(seed, "change_movers_down", items=[_mover(m) for m in down]))
    if not changed:
        out.append(say(seed, "change_no_movers"))
    new = [m for m in data.indicators if m.is_new]
    if new:
        out.append(
            say(
                seed,
                "change_new",
                items=[[Fragment(lower_name(m.name))] for m in new],
                are="is" if len(new) == 1 else "are",
                are_pron="it is" if len(new) == 1 else "they are",
            )
        )
    if data.dropped:
        out.append(say(seed, "change_dropped", items=[[Fragment(lower_name(n))] for n in data.dropped]))
    return out


def _mover(measure: Measure) -> list[Fragment]:
    return [Fragment(f"{lower_name(measure.name)} ({signed(measure.delta or 0)}, to {score(measure.score)})")]
