"""bench/mutation.py keeps pointing at real modules and tests, and its equivalents list is well-formed."""

from __future__ import annotations

import csv

from tests.helpers import REPO, load_bench


def test_every_target_names_an_existing_module_and_tests():
    mutation = load_bench("mutation")
    assert [t.name for t in mutation.TARGETS][:2] == ["cli-exit-codes", "existence"]
    for target in mutation.TARGETS:
        assert (REPO / target.path).is_file(), target
        assert target.tests and all((REPO / t).exists() for t in target.tests), target


def test_list_runs_nothing(capsys):
    mutation = load_bench("mutation")
    assert mutation.main(["--list", "existence"]) == 0
    assert capsys.readouterr().out.split() == [
        "existence", "notelint/aws/existence.py", "tests/test_aws_existence.py", "tests/test_aws_api.py"]


def test_equivalent_mutants_are_listed_with_a_reason():
    mutation = load_bench("mutation")
    with mutation.EQUIVALENT.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    names = {t.name for t in mutation.TARGETS}
    for row in rows:
        assert row["module"] in names and row["mutant"] and " => " in row["change"] and len(row["reason"]) > 20, row
