"""SortedTable: a name index kept as sorted text answers as the dict it stands for."""

from __future__ import annotations

import pytest

from notelint.sortedtable import SortedTable, line_values, searches_before_loading, table_text

TABLE = {
    "GetObject": ("s3", "mediastore-data"),
    "Get": ("x",),
    "GetObjectAcl": ("s3",),
    "ListBuckets": ("s3",),
    "Zeta": (),
    "aardvark": ("lower",),
}


def _unused() -> dict[str, tuple[str, ...]]:
    raise AssertionError("the dict was loaded")


def _searched(table: dict[str, tuple[str, ...]], whole=_unused) -> SortedTable:
    """A table answered by search alone (a table of six keys would load its dict at once)."""
    searched = SortedTable(table_text(table) or "", whole)
    searched.SEARCHES_BEFORE_DICT = 10**9
    return searched


def test_the_text_is_one_sorted_line_a_key():
    assert table_text(TABLE) == "Get\tx\nGetObject\ts3\tmediastore-data\nGetObjectAcl\ts3\nListBuckets\ts3\nZeta\naardvark\tlower"


@pytest.mark.parametrize("key", sorted(TABLE))
def test_every_key_is_found_with_its_values(key):
    table = _searched(TABLE)
    assert table.get(key) == TABLE[key] and table[key] == TABLE[key] and key in table


@pytest.mark.parametrize("key", ["", "G", "Ge", "GetObjectA", "GetObjectAclX", "getobject", "A", "zzz", "Zet", "a\tb", "s3"])
def test_other_keys_are_not_found(key):
    table = _searched(TABLE)
    assert table.get(key) is None and table.get(key, "default") == "default" and key not in table
    with pytest.raises(KeyError):
        table[key]


def test_a_table_is_searched_about_once_a_forty_keys_before_its_dict_loads():
    keys = {f"Key{n:05}": ("x",) for n in range(18_000)}
    assert 440 <= SortedTable(table_text(keys) or "", _unused).SEARCHES_BEFORE_DICT <= 460
    assert SortedTable(table_text(TABLE) or "", _unused).SEARCHES_BEFORE_DICT == 0  # six keys: the dict at once
    ragged = "\n".join(sorted(f"{n}" * (1 + n % 7) for n in range(40_000)))  # lines of many lengths
    assert abs(searches_before_loading(ragged) - 1_000) <= 150


def test_an_empty_table():
    assert table_text({}) == "" and line_values("", "x") is None and SortedTable("", dict).get("x") is None


@pytest.mark.parametrize("bad", [{"a\tb": ("x",)}, {"a": ("x\ny",)}, {"": ("x",)}, {"a": ("x\ty",)}])
def test_a_table_the_text_cannot_hold_is_kept_as_a_dict(bad):
    assert table_text(bad) is None


def test_walking_the_table_or_many_questions_load_the_dict():
    loaded: list[int] = []

    def whole() -> dict[str, tuple[str, ...]]:
        loaded.append(1)
        return dict(TABLE)

    table = SortedTable(table_text(TABLE) or "", whole)
    table.SEARCHES_BEFORE_DICT = 3
    assert [table.get("Get"), table.get("Nope"), "Zeta" in table] == [("x",), None, True] and not loaded
    assert table.get("Get") == ("x",) and loaded == [1]  # the fourth question: from the dict
    assert list(SortedTable("", whole)) == list(TABLE) and len(SortedTable("", whole)) == len(TABLE)


@pytest.mark.parametrize("index", ["operation_services", "operations_by_casefold", "iam_action_prefixes", "method_services"])
def test_the_catalogs_tables_answer_as_their_dicts(catalog, index):
    """Every key of the catalog's stored index, and keys next to each, searched in its text."""
    from notelint.aws.catalog import Catalog

    fresh = Catalog(catalog.data, catalog.path)  # (the session's catalog may have loaded its dicts)
    table = getattr(fresh, index)
    assert isinstance(table, SortedTable)
    table.SEARCHES_BEFORE_DICT = 10**9
    whole = table._whole()
    assert len(whole) > 1000
    assert [key for key, values in whole.items() if table.get(key) != values] == []
    near = {variant for key in list(whole)[::5] for variant in (key + "s", key[:-1], key.upper(), "X" + key)}
    assert [key for key in sorted(near - whole.keys()) if table.get(key) is not None] == []
    assert table._dict is None  # all of it by search
