"""Country reports through the report module (`octa.report`), found by name when installed."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from octa.api.context import AppContext
from octa.exc import OctaError

CANDIDATES = ("render_country_report", "render_report", "country_report", "render")


class Unavailable(OctaError):
    """A feature whose module is not installed in this build."""

    status = 503


def _renderer() -> Callable[..., Any]:
    try:
        import octa.report as report
    except ImportError:
        raise Unavailable("country reports are not available in this installation") from None
    for name in CANDIDATES:
        function = getattr(report, name, None)
        if callable(function):
            return function  # type: ignore[no-any-return]
    raise Unavailable("country reports are not available in this installation")


def report_available() -> bool:
    try:
        _renderer()
    except Unavailable:
        return False
    return True


def render(context: AppContext, iso3: str, edition: int | None, fmt: str) -> bytes:
    """Report bytes (HTML or PDF), cached until the next write."""

    def compute() -> bytes:
        function = _renderer()
        params = inspect.signature(function).parameters
        kwargs: dict[str, Any] = {}
        if "edition" in params:
            kwargs["edition"] = edition
        if "year" in params:
            kwargs["year"] = edition
        if "fmt" in params:
            kwargs["fmt"] = fmt
        elif "format" in params:
            kwargs["format"] = fmt
        first = next(iter(params))
        with context.session() as session:
            target: Any = context.store if first == "store" else session
            result = function(target, iso3, **kwargs)
        return result.encode("utf-8") if isinstance(result, str) else bytes(result)

    return context.memo(("report", iso3, edition, fmt), compute)  # type: ignore[no-any-return]
