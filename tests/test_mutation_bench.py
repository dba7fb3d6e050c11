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


def test_the_map_of_tests_to_functions_is_made_again_when_the_module_or_its_tests_change(tmp_path, monkeypatch):
    # mutmut adds to its map only tests it has not seen: a function added since had no test and its mutants
    # counted as surviving unrun; bench/mutation.py deletes the map whenever the module or its tests differ
    mutation = load_bench("mutation")
    (tmp_path / "repo" / "pkg").mkdir(parents=True)
    (tmp_path / "repo" / "pkg" / "mod.py").write_text("x = 1\n")
    (tmp_path / "repo" / "test_mod.py").write_text("def test_x(): pass\n")
    monkeypatch.setattr(mutation, "REPO", tmp_path / "repo")
    monkeypatch.setattr(mutation, "_tracked", lambda *paths: list(paths))
    target = mutation.Target("mod", "pkg/mod.py", ("test_mod.py",))
    folder = tmp_path / "work"
    stats = folder / "mutants" / "mutmut-stats.json"

    def map_made_again() -> bool:
        stats.parent.mkdir(parents=True, exist_ok=True)
        stats.write_text("{}")
        mutation._fresh_stats(target, folder)
        return not stats.exists()

    assert map_made_again()  # a folder from before the stamp: made again once
    assert not map_made_again()
    (tmp_path / "repo" / "test_mod.py").write_text("def test_x(): pass\ndef test_y(): pass\n")
    assert map_made_again()
    assert not map_made_again()
    (tmp_path / "repo" / "pkg" / "mod.py").write_text("x = 2\n")
    assert map_made_again()
    folder.joinpath("mutants").mkdir(exist_ok=True)
    stats.unlink(missing_ok=True)
    mutation._fresh_stats(target, folder)  # no map yet: nothing to delete, no error
