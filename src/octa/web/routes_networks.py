"""Network pages: the list with an import form, and one network's graph, metrics and attacks."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from octa.api.deps import Ctx, Db
from octa.api.routes_networks import attack_of, metrics_of
from octa.api.uploads import NETWORK_SUFFIXES, display_name, save_upload
from octa.countries import find_country
from octa.store import networks
from octa.web.render import page

router = APIRouter(include_in_schema=False)
KEY_MEASURES = ("degree", "betweenness", "eigenvector", "katz")


@router.get("/networks", response_class=HTMLResponse)
def network_list(request: Request, session: Db) -> HTMLResponse:
    return page(
        request,
        "networks.html",
        title="Networks",
        networks=networks.list_networks(session),
        suffixes=", ".join(NETWORK_SUFFIXES),
    )


@router.post("/networks")
async def network_import(
    context: Ctx,
    file: Annotated[UploadFile, File()],
    name: Annotated[str | None, Form(max_length=200)] = None,
    country: Annotated[str | None, Form(max_length=100)] = None,
) -> RedirectResponse:
    found = find_country(country) if country else None
    path = await save_upload(context, file, NETWORK_SUFFIXES)
    try:
        net = networks.read_uploaded(path, None, None)
    finally:
        path.unlink(missing_ok=True)
    label = (name or display_name(file.filename)).strip() or "network"
    with context.session() as session:
        network_id = networks.save_network(session, net, label, iso3=found.iso3 if found else None)
    context.invalidate()
    return RedirectResponse(f"/networks/{network_id}", status_code=303)


def key_players(nodes: list[dict[str, Any]], top: int = 5) -> list[dict[str, Any]]:
    """The top nodes by each centrality: who to watch, who holds the network together."""
    board = []
    for measure in KEY_MEASURES:
        ranked = sorted((n for n in nodes if n.get(measure) is not None), key=lambda n: -float(n[measure]))
        board.append(
            {"measure": measure, "nodes": [{"node": n["node"], "value": n[measure]} for n in ranked[:top]]}
        )
    return board


@router.get("/networks/{network_id}", response_class=HTMLResponse)
def network_page(
    request: Request, context: Ctx, session: Db, network_id: Annotated[int, Path(ge=1, le=2**31 - 1)]
) -> HTMLResponse:
    summary, net = networks.load_network(session, network_id)
    metrics = metrics_of(context, network_id)
    attack = attack_of(context, network_id, ("degree", "betweenness", "random"), 10)
    by_node = {row["node"]: row for row in metrics["nodes"]}
    graph = {
        "nodes": [
            {
                "id": label,
                "degree": by_node[label].get("degree"),
                "community": by_node[label].get("community"),
                "betweenness": by_node[label].get("betweenness"),
            }
            for label in net.nodes
        ],
        "edges": [{"source": u, "target": v, "weight": w} for u, v, w in net.edges],
    }
    return page(
        request,
        "network.html",
        title=summary["name"],
        network=summary,
        metrics=metrics,
        graph=graph,
        key_players=key_players(metrics["nodes"]),
        attack=attack,
    )
