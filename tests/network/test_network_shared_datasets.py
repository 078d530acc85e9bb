"""Load every dataset of ../shared/data/networks the way docs/networks.md says.

The shared folder sits beside the checkout in CI only; elsewhere this module is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from octa.network.io import read_network
from octa.network.metrics import compute_metrics

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "networks"

if not SHARED.is_dir():
    pytest.skip(f"{SHARED} is absent: the shared datasets ship beside the checkout in CI only",
                allow_module_level=True)

COVERT = "mcmacdonald_ucinet_covert"
#: relative path: (read_network keywords, nodes, edges, directed)
CASES: dict[str, tuple[dict, int, int, bool]] = {
    "montagna/Montagna_meetings_edgelist.csv": (
        {"label_prefix": "N",
         "attributes": "montagna/attributes_mcmacdonald/montagna_attributes.csv"}, 101, 256, False),
    "montagna/Montagna_phonecalls_edgelist.csv": ({}, 100, 124, False),
    "krebs_911_latora/terrorists.net": (
        {"labels": "krebs_911_latora/terrorists_node_map.txt"}, 34, 93, False),
    "corenets/madrid_train_bombings_2004/Madrid_Relations_Public_Version2.csv": (
        {"source_column": "ID", "target_column": "Tie_ID",
         "attributes": "corenets/madrid_train_bombings_2004/Madrid_Nodes_Public_Version2.csv"},
        54, 226, False),
    "corenets/london_gang/LONDON_GANG.csv": (
        {"attributes": "corenets/london_gang/LONDON_GANG_ATTR.csv"}, 54, 315, False),
    "corenets/montreal_street_gangs/MONTREALGANG.csv": (
        {"attributes": "corenets/montreal_street_gangs/MONTREALGANG_ATTR.csv"}, 35, 153, True),
    "corenets/ciel/CIELNET.csv": ({}, 25, 45, True),
    "corenets/siren/SIREN.csv": ({}, 44, 103, False),
    "corenets/cocaine_smuggling_acero/COCAINE_ACERO.csv": ({}, 25, 70, True),
    "corenets/cocaine_smuggling_jake/COCAINE_JAKE.csv": ({}, 38, 68, True),
    "corenets/cocaine_smuggling_juanes/COCAINE_JUANES.csv": ({}, 51, 171, True),
    "corenets/cocaine_smuggling_mambo/COCAINE_MAMBO.csv": ({}, 31, 110, True),
    f"{COVERT}/NDRANGHETAMAFIA_2M.csv": ({}, 156, 1619, False),
    f"{COVERT}/ITALIAN_GANGS.csv": ({}, 67, 114, False),
    f"{COVERT}/LONDON_GANG.csv": ({}, 54, 315, False),
    f"{COVERT}/MONTREALGANG.csv": ({}, 35, 153, True),
    f"{COVERT}/berlusconietal_oversize.csv": ({}, 89, 146, False),
    f"{COVERT}/luciaetal_montagna.csv": ({}, 40, 72, True),
    f"{COVERT}/macdonald_tfc.csv": ({}, 112, 361, False),
    f"{COVERT}/morselli_caviar.csv": ({}, 110, 295, True),
    f"{COVERT}/morselli_cielnet.csv": ({}, 25, 45, True),
    f"{COVERT}/morselli_siren.csv": ({}, 44, 103, False),
    f"{COVERT}/morselli_togo.csv": ({}, 33, 47, False),
    f"{COVERT}/natajaran_cocaine.csv": ({}, 28, 40, True),
    f"{COVERT}/natajaran_heroin.csv": ({}, 38, 168, True),
    **{f"caviar_phases/phase{k}.csv": ({}, n, m, True) for k, n, m in [
        (1, 15, 26), (2, 24, 35), (3, 33, 68), (4, 33, 65), (5, 32, 50), (6, 27, 68),
        (7, 36, 63), (8, 42, 75), (9, 34, 60), (10, 42, 68), (11, 41, 72)]},
}


def test_every_network_file_in_the_shared_folder_is_covered() -> None:
    files = {str(p.relative_to(SHARED)) for p in SHARED.rglob("*")
             if p.suffix in {".csv", ".net"} and "ATTR" not in p.name and "Nodes" not in p.name
             and "attributes" not in p.parts[-2]}
    assert files == set(CASES)


@pytest.mark.parametrize("relative", sorted(CASES))
def test_shared_dataset_loads_and_measures(relative: str) -> None:
    kwargs, n, m, directed = CASES[relative]
    kwargs = {k: SHARED / v if k in {"attributes", "labels"} else v for k, v in kwargs.items()}
    net = read_network(SHARED / relative, **kwargs)
    assert (net.n, net.m, net.directed) == (n, m, directed)
    if "attributes" in kwargs:
        assert net.meta["nodes_without_attributes"] == 0
    result = compute_metrics(net)
    assert len(result.nodes) == n and result.graph["edges"] == m
