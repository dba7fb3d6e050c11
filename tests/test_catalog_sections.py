"""The catalog file read a section at a time, through the derived-data store."""

from __future__ import annotations

import json
import os

import pytest

from notelint.aws import catalog as catalog_module
from notelint.aws.catalog import _Sections, load_catalog


def test_a_loaded_catalog_reads_the_file_a_section_at_a_time(catalog, monkeypatch):
    whole = json.loads(catalog.path.read_text(encoding="utf-8"))
    load_catalog()  # the keys and sections are stored from here on (if they were not)
    for key in whole:
        load_catalog().data[key]
    monkeypatch.setattr(catalog_module, "load_json", lambda path: pytest.fail("the file was parsed again"))
    again = load_catalog()
    assert isinstance(again.data, _Sections)
    assert list(again.data) == list(whole) and len(again.data) == len(whole)
    assert again.data["services"] == whole["services"] and again.data["iam"] == whole["iam"]
    assert again.data._loaded.keys() == {"services", "iam"}  # nothing else was loaded
    assert again.data.get("no such section") is None and "iam" in again.data
    with pytest.raises(KeyError):
        again.data["no such section"]


def _write(path, data):
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_missing_or_invalid_file_has_no_sections(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "catalog-test.json"
    assert _Sections.of(path) is None
    _write(path, {"schema": -1, "services": {}})
    assert _Sections.of(path) is None
    path.write_text("{not json", encoding="utf-8")
    os.utime(path, ns=(1, 1))  # (another identity than the invalid document above, whatever the clock)
    assert _Sections.of(path) is None


def test_a_rewritten_file_is_read_again(tmp_path, monkeypatch):
    """The stored sections are keyed by the file's identity: a rebuilt catalog is not read from old entries."""
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(catalog_module, "_valid", lambda data: isinstance(data, dict) and "services" in data)
    path = tmp_path / "catalog-test.json"
    _write(path, {"services": {"a": 1}, "verbs": {}})
    os.utime(path, ns=(10**18, 10**18))
    first = _Sections.of(path)
    assert first is not None and first["services"] == {"a": 1}
    _write(path, {"services": {"b": 2}, "verbs": {}, "iam": {}})
    os.utime(path, ns=(2 * 10**18, 2 * 10**18))
    second = _Sections.of(path)
    assert second is not None and second["services"] == {"b": 2} and list(second) == ["services", "verbs", "iam"]


def test_service_labels_are_the_services_names(catalog):
    """What the name index and the retired-service check read of every service, without its section."""
    from notelint.aws.catalog import Catalog

    load_catalog().service_labels  # stored from here on (if it was not)
    fresh = load_catalog()
    assert fresh.service_labels == {
        name: (service.service_id, service.abbreviation, service.full_name) for name, service in catalog.services.items()
    }
    assert "services" not in fresh.data._loaded  # (stored: the section was not read for them)
    assert Catalog(dict(catalog.data), None).service_labels == fresh.service_labels  # a catalog made in memory
