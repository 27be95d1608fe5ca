"""Shared test fixtures: the seed articles, and a data folder of the test's own for anything that writes."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = {path.name[:3]: path for path in sorted(SEEDS.glob("*.txt"))}


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """No test ever touches the user's real library."""
    data = tmp_path / "data"
    monkeypatch.setenv("FRAMING_VIEWER_DATA", str(data))
    return data


@pytest.fixture
def seed_path():
    """Path of a seed article by its number: seed_path("003") is People's original interview."""
    return lambda number: SEED_FILES[number]
