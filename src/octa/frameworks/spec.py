"""The shape of a framework file, written down as pydantic models, and its loader."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from octa.exc import InvalidFramework, NotFound

DATA_DIR = Path(__file__).parent / "data"

Aggregation = Literal["mean", "geometric"]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleSpec(_Spec):
    #: Lowest and highest admissible score, and the grid step scores must sit on.
    min: float = 1.0
    max: float = 10.0
    step: float = 0.5


class RoundingSpec(_Spec):
    #: Published aggregates are rounded half-up to this many decimals.
    decimals: int = 2
    mode: Literal["half-up"] = "half-up"


class QuadrantSpec(_Spec):
    #: Composite or pillar on each axis, and the threshold that splits low from high.
    x: str = "criminality"
    y: str = "resilience"
    threshold: float = 5.5


class IndicatorSpec(_Spec):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    pillar: str
    definition: str = ""
    weight: float = Field(default=1.0, gt=0)


class PillarSpec(_Spec):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aggregation: Aggregation = "mean"


class CompositeSpec(_Spec):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    of: list[str]
    weights: list[float] | None = None
    aggregation: Aggregation = "mean"

    @model_validator(mode="after")
    def _weights_match(self) -> CompositeSpec:
        if self.weights is not None and len(self.weights) != len(self.of):
            raise ValueError("weights must have one entry per item of 'of'")
        return self


class FrameworkSpec(_Spec):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    name: str
    publisher: str = ""
    editions: list[int] = Field(default_factory=list)
    scale: ScaleSpec = ScaleSpec()
    rounding: RoundingSpec = RoundingSpec()
    quadrant: QuadrantSpec = QuadrantSpec()
    pillars: list[PillarSpec]
    composites: list[CompositeSpec] = Field(default_factory=list)
    headline: list[str] = Field(default_factory=list)
    indicators: list[IndicatorSpec]

    @model_validator(mode="after")
    def _cross_check(self) -> FrameworkSpec:
        _unique("indicators", [i.id for i in self.indicators])
        _unique("pillars", [p.id for p in self.pillars])
        _unique("composites", [c.id for c in self.composites])
        pillar_ids = {p.id for p in self.pillars}
        for n, indicator in enumerate(self.indicators):
            if indicator.pillar not in pillar_ids:
                raise ValueError(f"indicators.{n}.pillar: unknown pillar {indicator.pillar!r}")
        for pillar in self.pillars:
            if not any(i.pillar == pillar.id for i in self.indicators):
                raise ValueError(f"pillars: pillar {pillar.id!r} has no indicators")
        known = set(pillar_ids)
        for n, composite in enumerate(self.composites):
            for part in composite.of:
                if part not in known:
                    raise ValueError(f"composites.{n}.of: unknown pillar or composite {part!r}")
            known.add(composite.id)
        for key, value in (("quadrant.x", self.quadrant.x), ("quadrant.y", self.quadrant.y)):
            if value not in known:
                raise ValueError(f"{key}: unknown pillar or composite {value!r}")
        for value in self.headline:
            if value not in known:
                raise ValueError(f"headline: unknown pillar or composite {value!r}")
        return self

    # Convenience views used by the engine, the store and the reports.
    @property
    def indicator_ids(self) -> list[str]:
        return [i.id for i in self.indicators]

    def indicator(self, indicator_id: str) -> IndicatorSpec:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise NotFound(f"framework {self.id}: unknown indicator {indicator_id!r}")

    def pillar_of(self, indicator_id: str) -> str:
        return self.indicator(indicator_id).pillar

    def indicators_of(self, pillar_id: str) -> list[IndicatorSpec]:
        return [i for i in self.indicators if i.pillar == pillar_id]

    def aggregate_ids(self) -> list[str]:
        """Pillars then composites, in the order they can be computed."""
        return [p.id for p in self.pillars] + [c.id for c in self.composites]


def _unique(field: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"{field}: duplicate id {value!r}")
        seen.add(value)


def load_framework(path: str | Path) -> FrameworkSpec:
    """Load and validate one framework file; errors name the file and the field."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidFramework(f"cannot read file: {exc.strerror}", file=str(path)) from None
    except yaml.YAMLError as exc:
        raise InvalidFramework(f"not valid YAML: {exc}".splitlines()[0], file=str(path)) from None
    if not isinstance(raw, dict):
        raise InvalidFramework("a framework file must be a YAML mapping", file=str(path))
    try:
        return FrameworkSpec.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        message = error["msg"].removeprefix("Value error, ")
        # cross-checks run on the whole file and name their field in the message itself
        field = ".".join(str(part) for part in error["loc"]) or message.split(":", 1)[0]
        message = message.split(": ", 1)[1] if not error["loc"] and ": " in message else message
        raise InvalidFramework(f"field {field}: {message}", file=str(path)) from None


@cache
def builtin_frameworks() -> dict[str, FrameworkSpec]:
    """The frameworks shipped with octa, keyed by id."""
    specs = [load_framework(path) for path in sorted(DATA_DIR.glob("*.yaml"))]
    return {spec.id: spec for spec in specs}


#: Frameworks a user loaded from their own files in this process (see `register_framework`).
_registered: dict[str, FrameworkSpec] = {}


def register_framework(spec: FrameworkSpec) -> FrameworkSpec:
    """Make a user framework known by id; the store keeps a copy once scores use it."""
    _registered[spec.id] = spec
    return spec


def known_frameworks() -> dict[str, FrameworkSpec]:
    return {**builtin_frameworks(), **_registered}


def get_framework(framework_id: str) -> FrameworkSpec:
    try:
        return known_frameworks()[framework_id]
    except KeyError:
        known = ", ".join(known_frameworks())
        raise NotFound(f"unknown framework {framework_id!r} (known: {known})") from None


def framework_for_edition(edition: int) -> FrameworkSpec:
    """The framework whose editions include this year (the latest built-in otherwise)."""
    specs = list(known_frameworks().values())
    for spec in reversed(specs):  # a user's framework wins over a built-in for its editions
        if edition in spec.editions:
            return spec
    return max(builtin_frameworks().values(), key=lambda s: max(s.editions or [0]))
