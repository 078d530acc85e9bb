"""Country reports through the report module (`octa.report.render_country_report`).

Rendering runs the Monte Carlo rank intervals, so each (country, edition, format) is rendered
once and kept until the next write.
"""

from __future__ import annotations

from octa.api.context import AppContext
from octa.exc import OctaError


class Unavailable(OctaError):
    """A feature whose module is not installed in this build."""

    status = 503


def report_available() -> bool:
    try:
        from octa.report import render_country_report  # noqa: F401
    except ImportError:
        return False
    return True


def render(context: AppContext, iso3: str, edition: int, fmt: str) -> bytes:
    """Report bytes (HTML or PDF), cached until the next write."""

    def compute() -> bytes:
        try:
            from octa.report import render_country_report
        except ImportError:
            raise Unavailable("country reports are not available in this installation") from None
        with context.session() as session:
            result = render_country_report(session, iso3, edition, fmt)
        return result.encode("utf-8") if isinstance(result, str) else bytes(result)

    return context.memo(("report", iso3, edition, fmt), compute)  # type: ignore[no-any-return]
