"""Evidence search and review, document upload (a background ingest job) and job progress."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Path, Query, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from octa.api import evidence
from octa.api.deps import Ctx, Db
from octa.api.pagination import Page, PageParams, page_params
from octa.api.problems import COMMON_RESPONSES, problem_response
from octa.api.uploads import ingest_job, save_uploads
from octa.countries import get_country

router = APIRouter(prefix="/api/v1", tags=["evidence"], responses=COMMON_RESPONSES)
Paging = Annotated[PageParams, Depends(page_params)]
DateQ = Annotated[
    str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")
]


@router.get("/evidence", summary="Search evidence sentences (full text) with filters")
def search_evidence(
    session: Db,
    paging: Paging,
    q: Annotated[str | None, Query(max_length=500, description="Words to find (all must match)")] = None,
    country: Annotated[str | None, Query(max_length=100)] = None,
    indicator: Annotated[str | None, Query(max_length=100)] = None,
    grade: Annotated[
        str | None, Query(pattern=r"^[A-Fa-f][1-6]?$", description="At least this grade, e.g. B or B2")
    ] = None,
    date_from: DateQ = None,
    date_to: DateQ = None,
    status: Annotated[Literal["pending", "accepted", "rejected"] | None, Query()] = None,
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> Page:
    flt = evidence.EvidenceFilter(
        q=q,
        iso3=get_country(country).iso3 if country else None,
        indicator=indicator,
        grade=grade,
        date_from=date_from,
        date_to=date_to,
        status=status,
        document_id=document,
    )
    total, items = evidence.search(session, flt, paging.limit, paging.offset)
    return Page(total=total, limit=paging.limit, offset=paging.offset, items=items)


class StatusChange(BaseModel):
    status: Literal["accepted", "rejected", "pending"]


ItemId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


@router.post("/evidence/{item_id}/status", summary="Accept or reject an extracted item")
def change_status(context: Ctx, session: Db, item_id: ItemId, change: StatusChange) -> dict[str, Any]:
    item = evidence.set_status(session, item_id, change.status)
    context.invalidate()
    return item


@router.get("/documents", summary="Ingested documents, newest first")
def list_documents(session: Db, paging: Paging) -> Page:
    total, items = evidence.list_documents(session, paging.limit, paging.offset)
    return Page(total=total, limit=paging.limit, offset=paging.offset, items=items)


DocId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/documents/{document_id}", summary="One document's metadata and item count")
def get_document(session: Db, document_id: DocId) -> dict[str, Any]:
    return evidence.get_document(session, document_id)


class JobOut(BaseModel):
    id: str
    kind: str
    status: str
    progress: float
    message: str
    result: dict[str, Any]
    error: str | None


@router.post(
    "/documents",
    status_code=202,
    response_model=JobOut,
    summary="Upload a document; ingest and extraction run as a job",
    responses={413: problem_response("File larger than the configured limit")},
)
async def upload_document(
    context: Ctx,
    file: Annotated[
        list[UploadFile], File(description="One or more txt, md, html, pdf, docx or jsonl files")
    ],
    country: Annotated[str | None, Form(max_length=100)] = None,
    source: Annotated[str | None, Form(max_length=200)] = None,
    grade: Annotated[str | None, Form(pattern=r"^[A-Fa-f][1-6]$")] = None,
    date: Annotated[str | None, Form(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
) -> JSONResponse:
    if country:
        country = get_country(country).iso3
    files = await save_uploads(context, file)
    meta = {"country": country, "source": source, "grade": grade.upper() if grade else None, "date": date}
    job = context.jobs.submit("ingest", ingest_job(context, files, meta))
    return JSONResponse(job.to_dict(), status_code=202, headers={"Location": f"/api/v1/jobs/{job.id}"})


@router.get("/jobs/{job_id}", summary="Progress of a background job")
def get_job(context: Ctx, job_id: Annotated[str, Path(max_length=64)]) -> JobOut:
    return JobOut(**context.jobs.get(job_id).to_dict())


@router.get("/actors", summary="Actor graph (actors, targets and their relations) from evidence")
def actors(session: Db, country: Annotated[str, Query(min_length=1, max_length=100)]) -> dict[str, Any]:
    return evidence.actor_graph(session, get_country(country).iso3)
