"""Every curated data file follows the JSON Schema shipped beside it, plus the
rules a schema cannot say (order, unique ids, references between entries)."""

from __future__ import annotations

import datetime
import json

import jsonschema
import pytest

from notelint.claims.knowledge import KINDS
from notelint.shipped import data_file, data_text, data_yaml

# (YAML file, its schema), both under notelint/data/
FILES = [
    (("aws", "aliases.yaml"), ("aws", "aliases.schema.json")),
    (("aws", "sagemaker-hyperparameters.yaml"), ("aws", "sagemaker-hyperparameters.schema.json")),
    (("knowledge", "changes.yaml"), ("knowledge", "changes.schema.json")),
    (("knowledge", "facts.yaml"), ("knowledge", "facts.schema.json")),
    (("knowledge", "entities.yaml"), ("knowledge", "entities.schema.json")),
    (("knowledge", "retired-clients.yaml"), ("knowledge", "retired-clients.schema.json")),
    (("knowledge", "botocore-limits.yaml"), ("knowledge", "botocore-limits.schema.json")),
    (("words", "confusables.yaml"), ("words", "confusables.schema.json")),
]


def as_json(value):
    """YAML's dates as the ISO strings JSON Schema sees."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else v))


def problems(data, schema_parts) -> list[str]:
    schema = json.loads(data_text(*schema_parts))
    validator = jsonschema.Draft202012Validator(schema)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
        for error in sorted(validator.iter_errors(as_json(data)), key=lambda e: list(map(str, e.absolute_path)))
    ]


@pytest.mark.parametrize(("data_parts", "schema_parts"), FILES, ids=lambda parts: "/".join(parts))
def test_data_file_follows_its_schema(data_parts, schema_parts):
    jsonschema.Draft202012Validator.check_schema(json.loads(data_text(*schema_parts)))
    assert problems(data_yaml(*data_parts), schema_parts) == []


def test_every_data_file_has_a_schema():
    root = data_file()
    yamls = {f"{d.name}/{f.name}" for d in root.iterdir() if d.is_dir() for f in d.iterdir() if f.name.endswith(".yaml")}
    assert yamls == {"/".join(parts) for parts, _ in FILES}


def test_a_broken_entry_is_reported_with_its_place_and_reason():
    data = data_yaml("knowledge", "changes.yaml")
    broken = dict(data["entries"][0], kind="renamd", source="http://example.com", colour="red")
    found = problems({"entries": [broken]}, ("knowledge", "changes.schema.json"))
    assert any(p.startswith("entries/0/kind:") and "renamd" in p for p in found)
    assert any(p.startswith("entries/0/source:") for p in found)
    assert any("colour" in p for p in found)


def test_knowledge_kinds_are_the_schemas():
    schema = json.loads(data_text("knowledge", "changes.schema.json"))
    assert list(KINDS) == schema["$defs"]["entry"]["properties"]["kind"]["enum"]


def test_change_ids_are_unique_and_references_resolve():
    entries = data_yaml("knowledge", "changes.yaml")["entries"]
    ids = [entry["id"] for entry in entries]
    assert len(set(ids)) == len(ids)
    assert {e["superseded_by"] for e in entries if "superseded_by" in e} <= set(ids)
    facts = [fact["id"] for fact in data_yaml("knowledge", "facts.yaml")["facts"]]
    assert len(set(facts)) == len(facts)


def test_alias_table_is_sorted_and_unique():
    data = data_yaml("aws", "aliases.yaml")
    names = [entry["name"].casefold() for entry in data["names"]]
    assert names == sorted(names) and len(set(names)) == len(names)
    not_operations = [entry["name"] for entry in data["not_operations"]]
    assert not_operations == sorted(set(not_operations))
    assert data["cli"]["top_level"] == sorted(data["cli"]["top_level"])
    assert list(data["cli"]["commands"]) == sorted(data["cli"]["commands"])
    for service, commands in data["cli"]["commands"].items():
        assert commands == sorted(commands), service


def test_covered_by_names_a_rule():
    from notelint.rules import find

    entries = data_yaml("knowledge", "changes.yaml")["entries"]
    missing = {e["id"]: e["covered_by"] for e in entries if "covered_by" in e and find(e["covered_by"]) is None}
    assert missing == {}
