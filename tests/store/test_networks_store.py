"""Stored criminal networks on SQLite and PostgreSQL: name, country, markets, notes, round trip."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from octa.exc import InvalidInput, NotFound
from octa.network.model import Network
from octa.store.db import Store
from octa.store.networks import delete_network, find_network, list_networks, load_network, save_network


def small_network() -> Network:
    return Network(
        ["boss", "broker", "courier"],
        [("boss", "broker", 3.0), ("broker", "courier", 1.0)],
        False,
        {"boss": {"role": "leader"}},
        {"source_file": "calls.csv"},
    )


def test_save_load_list_delete(any_store: Store) -> None:
    with any_store.session() as session:
        network_id = save_network(
            session, small_network(), "op-tulip", iso3="BEL", markets=["cocaine-trade"], notes="wiretaps 2023"
        )
    with any_store.session() as session:
        summary, net = load_network(session, find_network(session, "op-tulip"))
        assert (summary["name"], summary["iso3"], summary["markets"], summary["notes"]) == (
            "op-tulip",
            "BEL",
            ["cocaine-trade"],
            "wiretaps 2023",
        )
        assert net.nodes == ["boss", "broker", "courier"]
        assert net.edges == [("boss", "broker", 3.0), ("broker", "courier", 1.0)]
        assert net.attributes == {"boss": {"role": "leader"}}
        assert [n["nodes"] for n in list_networks(session)] == [3]
        delete_network(session, network_id)
    with any_store.session() as session, pytest.raises(NotFound):
        find_network(session, "op-tulip")


def test_bad_network_leaves_store_unchanged(any_store: Store) -> None:
    with any_store.session() as session:
        save_network(session, small_network(), "op-tulip")
    for kwargs, message in (
        ({"markets": ["tulips"]}, "unknown market 'tulips'"),
        ({}, "a network named 'op-tulip' already exists"),
    ):
        with pytest.raises(InvalidInput, match=message), any_store.session() as session:
            save_network(session, small_network(), "op-tulip", **kwargs)  # type: ignore[arg-type]
    with any_store.session() as session:
        assert len(list_networks(session)) == 1


def test_cli_saves_and_lists(tmp_path: Path) -> None:
    octa = str(Path(sys.executable).with_name("octa"))
    edges = tmp_path / "calls.csv"
    edges.write_text("a b 2\nb c 1\nc a 1\n", encoding="utf-8")
    db = str(tmp_path / "octa.db")
    saved = subprocess.run(
        [
            octa,
            "network",
            "import",
            str(edges),
            "--save",
            "calls",
            "--country",
            "NL",
            "--market",
            "synthetic-drug-trade",
            "--json",
            "--db",
            db,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(saved.stdout)["stored_as"] == 1
    listed = subprocess.run(
        [octa, "network", "list", "--format", "json", "--db", db], capture_output=True, text=True, check=True
    )
    row = json.loads(listed.stdout)[0]
    assert (row["name"], row["iso3"], row["nodes"], row["edges"]) == ("calls", "NLD", 3, 3)


def test_cli_analyses_a_stored_network(tmp_path: Path) -> None:
    octa = str(Path(sys.executable).with_name("octa"))
    edges = tmp_path / "calls.csv"
    edges.write_text("a b 2\nb c 1\nc d 1\n", encoding="utf-8")
    db = str(tmp_path / "octa.db")
    subprocess.run(
        [octa, "network", "import", str(edges), "--save", "calls", "--db", db],
        check=True,
        capture_output=True,
    )
    metrics = subprocess.run(
        [octa, "network", "metrics", "db:calls", "--format", "json", "--db", db],
        capture_output=True,
        text=True,
        check=True,
    )
    assert {n["node"] for n in json.loads(metrics.stdout)["nodes"]} == {"a", "b", "c", "d"}
    attack = subprocess.run(
        [octa, "network", "attack", "db:calls", "--strategy", "degree", "--steps", "1", "--db", db],
        capture_output=True,
        text=True,
        check=True,
    )
    assert attack.stdout.splitlines()[0] == "step,removed,lcc_fraction,efficiency"
    missing = subprocess.run(
        [octa, "network", "metrics", "db:nope", "--db", db], capture_output=True, text=True, check=False
    )
    assert missing.returncode == 1 and missing.stderr.strip() == "Error: no stored network 'nope'"
