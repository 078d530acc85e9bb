"""Evidence search, document upload with progress, and review of extracted items."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from octa.api import evidence
from octa.api.deps import Assess, Ctx, Db
from octa.api.uploads import DOCUMENT_SUFFIXES, ingest_job, save_uploads
from octa.countries import find_country
from octa.exc import InvalidInput
from octa.web.render import page

router = APIRouter(include_in_schema=False)
PAGE = 50
Text = Annotated[str | None, Query(max_length=500)]


@router.get("/evidence", response_class=HTMLResponse)
def evidence_search(
    request: Request,
    session: Db,
    assessor: Assess,
    q: Text = None,
    country: Text = None,
    indicator: Text = None,
    grade: Text = None,
    status: Text = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    found = find_country(country) if country else None
    if country and found is None:
        raise InvalidInput(f"unknown country {country!r}")
    flt = evidence.EvidenceFilter(
        q=q,
        iso3=found.iso3 if found else None,
        indicator=indicator or None,
        grade=grade or None,
        status=status or None,
    )
    total, items = evidence.search(session, flt, PAGE, offset)
    framework = assessor.edition().framework
    return page(
        request,
        "evidence.html",
        title="Evidence",
        items=items,
        total=total,
        offset=offset,
        page_size=PAGE,
        words=evidence.terms(q),
        q=q or "",
        country=found,
        indicator=indicator or "",
        grade=grade or "",
        status=status or "",
        indicators=framework.indicators,
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(
    request: Request,
    context: Ctx,
    session: Db,
    job: Annotated[str | None, Query(max_length=64, pattern="^[a-f0-9]+$")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> HTMLResponse:
    total, rows = evidence.list_documents(session, PAGE, offset)
    current = context.jobs.get(job).to_dict() if job else None
    return page(
        request,
        "documents.html",
        title="Documents",
        documents=rows,
        total=total,
        offset=offset,
        page_size=PAGE,
        job=current,
        max_bytes=context.settings.max_document_bytes,
        suffixes=", ".join(DOCUMENT_SUFFIXES),
    )


@router.post("/documents")
async def upload(
    context: Ctx,
    file: Annotated[list[UploadFile], File()],
    country: Annotated[str | None, Form(max_length=100)] = None,
    source: Annotated[str | None, Form(max_length=200)] = None,
    grade: Annotated[str | None, Form(max_length=2)] = None,
    date: Annotated[str | None, Form(max_length=10)] = None,
) -> RedirectResponse:
    """Form upload without JavaScript: start the job, then show its progress on /documents."""
    iso3 = None
    if country:
        found = find_country(country)
        if found is None:
            raise InvalidInput(f"unknown country {country!r}")
        iso3 = found.iso3
    files = await save_uploads(context, file)
    meta = {
        "country": iso3,
        "source": source or None,
        "grade": (grade or "").upper() or None,
        "date": date or None,
    }
    job = context.jobs.submit("ingest", ingest_job(context, files, meta))
    return RedirectResponse(f"/documents?job={job.id}", status_code=303)


DocId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def review(
    request: Request,
    session: Db,
    document_id: DocId,
    status: Annotated[Literal["pending", "accepted", "rejected"] | None, Query()] = None,
) -> HTMLResponse:
    document = evidence.get_document(session, document_id)
    total, items = evidence.search(
        session, evidence.EvidenceFilter(document_id=document_id, status=status), 500, 0
    )
    return page(
        request,
        "document.html",
        title=document["title"] or f"Document {document_id}",
        document=document,
        items=items,
        total=total,
        status=status or "",
    )


@router.post("/documents/{document_id}/items/{item_id}")
def review_item(
    context: Ctx,
    session: Db,
    document_id: DocId,
    item_id: Annotated[str, Path(max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
    status: Annotated[Literal["accepted", "rejected", "pending"], Form()],
) -> RedirectResponse:
    evidence.set_status(session, item_id, status)
    context.invalidate()
    return RedirectResponse(f"/documents/{document_id}#item-{item_id}", status_code=303)
