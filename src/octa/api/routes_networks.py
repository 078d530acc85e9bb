"""Criminal networks: list, import (file upload), node metrics, disruption (attack) curves."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Path, Query, UploadFile

from octa.api.context import AppContext
from octa.api.deps import Ctx, Db, plain
from octa.api.problems import COMMON_RESPONSES, problem_response
from octa.api.uploads import NETWORK_SUFFIXES, display_name, save_upload
from octa.countries import get_country
from octa.store import networks

router = APIRouter(prefix="/api/v1", tags=["networks"], responses=COMMON_RESPONSES)
NetId = Annotated[int, Path(ge=1, le=2**31 - 1)]
STRATEGIES = ("degree", "betweenness", "katz", "ci", "random")


@router.get("/networks", summary="Stored networks")
def list_networks(session: Db) -> list[dict[str, Any]]:
    return networks.list_networks(session)


@router.post(
    "/networks",
    status_code=201,
    summary="Import a network file (edge list, matrix, Pajek, GraphML, JSON)",
    responses={413: problem_response("File larger than the configured limit")},
)
async def import_network(
    context: Ctx,
    file: Annotated[UploadFile, File()],
    name: Annotated[str | None, Form(max_length=200)] = None,
    country: Annotated[str | None, Form(max_length=100)] = None,
    input_format: Annotated[
        Literal["edgelist", "matrix", "twomode", "pajek", "graphml", "json"] | None, Form()
    ] = None,
) -> dict[str, Any]:
    iso3 = get_country(country).iso3 if country else None
    path = await save_upload(context, file, NETWORK_SUFFIXES)
    try:
        net = networks.read_uploaded(path, input_format, None)
    finally:
        path.unlink(missing_ok=True)
    label = (name or display_name(file.filename)).strip() or "network"
    with context.session() as session:
        network_id = networks.save_network(session, net, label, iso3=iso3)
    context.invalidate()
    with context.session() as session:
        return networks.load_network(session, network_id)[0]


@router.get("/networks/{network_id}", summary="A network: summary, nodes and edges")
def get_network(session: Db, network_id: NetId) -> dict[str, Any]:
    summary, net = networks.load_network(session, network_id)
    return {**summary, "graph": net.to_records()}


@router.delete("/networks/{network_id}", status_code=204, summary="Delete a network")
def delete_network(context: Ctx, session: Db, network_id: NetId) -> None:
    networks.delete_network(session, network_id)
    context.invalidate()


def metrics_of(context: AppContext, network_id: int) -> dict[str, Any]:
    """Node table and graph summary, computed once per network and kept until the next write."""

    def compute() -> dict[str, Any]:
        from octa.network.metrics import compute_metrics

        with context.session() as session:
            summary, net = networks.load_network(session, network_id)
        result = compute_metrics(net)
        return plain({"network": summary, **result.to_dict()})

    return context.memo(("metrics", network_id), compute)  # type: ignore[no-any-return]


@router.get("/networks/{network_id}/metrics", summary="Node metrics and graph summary")
def network_metrics(context: Ctx, network_id: NetId) -> dict[str, Any]:
    return metrics_of(context, network_id)


def attack_of(
    context: AppContext, network_id: int, strategies: tuple[str, ...], steps: int
) -> dict[str, Any]:
    def compute() -> dict[str, Any]:
        from octa.network.attack import compare

        with context.session() as session:
            summary, net = networks.load_network(session, network_id)
        count = min(steps, max(net.n - 1, 0))
        curves = compare(net, list(strategies), steps=count, runs=5) if count else {s: [] for s in strategies}
        return plain({"network": summary, "steps": count, "curves": curves})

    return context.memo(("attack", network_id, strategies, steps), compute)  # type: ignore[no-any-return]


@router.get("/networks/{network_id}/attack", summary="Disruption curves: remove key players by strategy")
def network_attack(
    context: Ctx,
    network_id: NetId,
    strategy: Annotated[
        list[Literal["degree", "betweenness", "katz", "ci", "random"]] | None, Query()
    ] = None,
    steps: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, Any]:
    chosen = tuple(dict.fromkeys(strategy or ["degree", "betweenness", "random"]))
    return attack_of(context, network_id, chosen, steps)
