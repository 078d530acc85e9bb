"""`limit`/`offset` pagination with the total in the body, shared by every list endpoint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import Query
from pydantic import BaseModel

MAX_LIMIT = 1000


class PageParams(BaseModel):
    limit: int = 100
    offset: int = 0


async def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip")] = 0,
) -> PageParams:
    return PageParams(limit=limit, offset=offset)


class Page(BaseModel):
    """One page of a list: `total` counts every match, `items` holds at most `limit`."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


def paginate(items: Sequence[dict[str, Any]], page: PageParams) -> Page:
    return Page(
        total=len(items),
        limit=page.limit,
        offset=page.offset,
        items=list(items[page.offset : page.offset + page.limit]),
    )
