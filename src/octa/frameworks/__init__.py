"""Indicator frameworks: YAML data files, loaded and cross-checked in one pass.

A framework declares its indicators, the pillars they belong to, how pillars combine into
composites (criminality) and the quadrant threshold. The engine reads only this spec, so a user
framework with other indicators, weights or thresholds works the same way as the GI-TOC ones.
"""

from __future__ import annotations

from octa.frameworks.spec import (
    CompositeSpec,
    FrameworkSpec,
    IndicatorSpec,
    PillarSpec,
    builtin_frameworks,
    framework_for_edition,
    get_framework,
    known_frameworks,
    load_framework,
    register_framework,
)

__all__ = [
    "CompositeSpec",
    "FrameworkSpec",
    "IndicatorSpec",
    "PillarSpec",
    "builtin_frameworks",
    "framework_for_edition",
    "get_framework",
    "known_frameworks",
    "load_framework",
    "register_framework",
]
