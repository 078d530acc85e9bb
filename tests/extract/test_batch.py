"""Batch running: JSON Lines input errors, the process pool and a Dask LocalCluster."""

import json

import pytest

from octa.exc import InvalidInput
from octa.extract.batch import predict_all, read_jsonl, run_dask

DOCS = [
    {"id": "a", "text": "Mexican cartels supply cocaine to biker gangs in Sydney.", "subject": "AU"},
    {"id": "b", "text": "Serbian clans smuggle heroin through Belgrade into Hungary."},
    {"id": "c", "text": "Ransomware crews based in Bucharest attack Romanian hospitals."},
]


def _write(tmp_path, lines):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_jsonl_reports_row_of_bad_json(tmp_path):
    path = _write(tmp_path, [json.dumps(DOCS[0]), "{not json"])
    with pytest.raises(InvalidInput) as err:
        read_jsonl(path)
    assert err.value.row == 2 and err.value.file == str(path)


def test_read_jsonl_requires_text(tmp_path):
    path = _write(tmp_path, [json.dumps({"id": "x"})])
    with pytest.raises(InvalidInput, match="text"):
        read_jsonl(path)


def test_missing_file(tmp_path):
    with pytest.raises(InvalidInput, match="cannot read"):
        read_jsonl(tmp_path / "nope.jsonl")


def test_subject_detected_when_absent():
    preds = predict_all(DOCS)
    assert [p["subject"] for p in preds] == ["AU", "RS", "RO"]


def test_dask_local_cluster_matches_in_process():
    expected = predict_all(DOCS)
    got = run_dask(DOCS, "local", workers=1, processes=False)
    assert got == expected
