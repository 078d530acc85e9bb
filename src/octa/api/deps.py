"""Request dependencies (the app context, a session, an assessor) and JSON-safe values."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Annotated, Any

import numpy as np
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from octa.api.context import AppContext, CachedAssessor


async def get_context(request: Request) -> AppContext:
    """Async on purpose: a sync dependency would cost a thread-pool hop per request."""
    return request.app.state.octa  # type: ignore[no-any-return]


def get_session(context: Annotated[AppContext, Depends(get_context)]) -> Iterator[Session]:
    """One transaction per request: committed when the handler returns, rolled back on error."""
    with context.session() as session:
        yield session


def get_assessor(
    context: Annotated[AppContext, Depends(get_context)], session: Annotated[Session, Depends(get_session)]
) -> CachedAssessor:
    return context.assessor(session)


Ctx = Annotated[AppContext, Depends(get_context)]
Db = Annotated[Session, Depends(get_session)]
Assess = Annotated[CachedAssessor, Depends(get_assessor)]


def plain(value: Any) -> Any:
    """numpy scalars to Python, NaN and infinities to null: JSON must stay valid."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
