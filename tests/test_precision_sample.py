"""bench/precision_sample.py: the seeded, stratified sample and the verdict keying (synthetic findings; no corpus runs)."""

from __future__ import annotations

import random
import sys

import pytest

from tests.helpers import load_bench

ps = load_bench("precision_sample")
Finding = ps.Finding
Sampled = ps.Sampled


def _finding(code: str, line: int, path: str = "a.md", column: int = 1, end_column: int = 5, message: str = "m") -> Finding:
    return Finding(path=path, line=line, column=column, end_line=line, end_column=end_column, code=code, message=message)


def _population(counts: dict[str, int], corpora: tuple[str, ...] = ("c1", "c2", "c3")) -> list:
    """`counts[code]` findings of each code, spread over the corpora and files."""
    items = []
    for code, count in counts.items():
        for n in range(count):
            corpus = corpora[n % len(corpora)]
            items.append(Sampled(corpus, _finding(code, line=n + 1, path=f"f{n % 7}.md")))
    return items


COUNTS = {"NL101": 60, "NL113": 50, "NL201": 25, "NL301": 3, "NL501": 41, "NL601": 1}


def _keys(sample: dict) -> dict:
    return {family: [ps.sort_key(item) for item in items] for family, items in sample.items()}


# -- sampling -------------------------------------------------------------------


def test_the_sample_is_deterministic_for_a_seed_whatever_the_order_of_the_findings():
    items = _population(COUNTS)
    shuffled = items[:]
    random.Random(1).shuffle(shuffled)
    first = ps.draw_sample(items, seed=16, per_family=40)
    assert _keys(ps.draw_sample(shuffled, seed=16, per_family=40)) == _keys(first)
    assert _keys(ps.draw_sample(items, seed=16, per_family=40)) == _keys(first)
    other = ps.draw_sample(items, seed=17, per_family=40)
    assert _keys(other)["structure"] != _keys(first)["structure"]


def test_the_sample_is_stratified_by_family_and_capped_per_family():
    items = _population(COUNTS)
    sample = ps.draw_sample(items, seed=16, per_family=40)
    assert list(sample) == list(ps.FAMILIES.values())
    sizes = {family: len(chosen) for family, chosen in sample.items()}
    # structure has 110, stale claims 41: capped at 40; spelling 25, naming 3, contradictions 1: all of them
    assert sizes == {"structure": 40, "spelling": 25, "aws-naming": 3, "aws-api": 0, "stale-claims": 40, "contradictions": 1}
    for family, chosen in sample.items():
        assert all(item.family == family for item in chosen)
        assert len(set(chosen)) == len(chosen), "drawn without replacement"
        assert set(chosen) <= set(items)
        assert [ps.sort_key(i) for i in chosen] == sorted(ps.sort_key(i) for i in chosen)
    # a family with fewer findings than the cap is taken whole
    assert set(sample["spelling"]) == {item for item in items if item.family == "spelling"}
    # both structure rules can be drawn: the family, not the rule, is the stratum
    assert {item.finding.code for item in sample["structure"]} == {"NL101", "NL113"}


def test_a_family_sample_does_not_change_when_another_family_changes():
    items = _population(COUNTS)
    more = items + _population({"NL201": 30, "NL113": 0}, corpora=("c4",))
    before, after = ps.draw_sample(items, 16, 10), ps.draw_sample(more, 16, 10)
    assert _keys(before)["structure"] == _keys(after)["structure"]
    assert _keys(before)["stale-claims"] == _keys(after)["stale-claims"]
    assert _keys(before)["spelling"] != _keys(after)["spelling"]


def test_within_a_family_the_draw_is_uniform_over_all_corpora():
    # 90 findings in one corpus, 10 in another: about 10% of each sample comes from the small one
    items = [Sampled("big", _finding("NL201", n)) for n in range(1, 91)]
    items += [Sampled("small", _finding("NL201", n)) for n in range(1, 11)]
    share = [
        sum(item.corpus == "small" for item in ps.draw_sample(items, seed, 20)["spelling"]) / 20
        for seed in range(300)
    ]
    assert 0.08 < sum(share) / len(share) < 0.12


def test_per_family_must_be_positive():
    with pytest.raises(SystemExit):
        ps.main(["--per-family", "0"])


# -- verdict keys -----------------------------------------------------------------


TEXTS = {
    ("c1", "a.md"): ["Use Sagemaker and café\tnow.", "the the end"],
    ("c2", "a.md"): ["Use Sagemaker and café\tnow."],
}


def test_the_key_is_corpus_file_line_code_and_the_exact_text_under_the_finding():
    finding = _finding("NL301", 1, column=5, end_column=14)
    key = ps.verdict_key(Sampled("c1", finding), TEXTS)
    assert key == ("c1", "a.md", 1, "NL301", "Sagemaker")
    # non-ASCII text and a tab (written as a space, as real_recall does) under the span
    wide = _finding("NL201", 1, column=19, end_column=28)
    assert ps.verdict_key(Sampled("c1", wide), TEXTS)[4] == "café now."
    # the same file, line, rule and text in another corpus is another finding
    assert ps.verdict_key(Sampled("c2", finding), TEXTS) != key
    # the message is not part of the key: a reworded message keeps its verdict
    reworded = _finding("NL301", 1, column=5, end_column=14, message="other words")
    assert ps.verdict_key(Sampled("c1", reworded), TEXTS) == key


def test_the_key_follows_real_recall():
    finding = _finding("NL204", 2, column=1, end_column=8)
    ours = ps.verdict_key(Sampled("c1", finding), TEXTS)
    theirs = sys.modules["real_recall"].verdict_key(finding, {"a.md": TEXTS[("c1", "a.md")]})
    assert ours == ("c1", *theirs)


def test_update_appends_only_unjudged_findings_once_and_a_rerun_appends_nothing(tmp_path):
    path = tmp_path / "precision" / "verdicts.tsv"
    first = Sampled("c1", _finding("NL301", 1, column=5, end_column=14))
    twin = Sampled("c1", _finding("NL301", 1, column=5, end_column=14, message="same key"))
    second = Sampled("c1", _finding("NL204", 2, column=1, end_column=8))
    assert ps.append_unjudged([first, twin, second], TEXTS, {}, path) == 2
    verdicts = ps.read_verdicts(path)
    assert verdicts[ps.verdict_key(first, TEXTS)][0] == "?"
    assert path.read_text(encoding="utf-8").splitlines()[0].split("\t") == list(ps.COLUMNS)
    row = path.read_text(encoding="utf-8").splitlines()[1].split("\t")
    assert row[ps.COLUMNS.index("context")] == "Use Sagemaker and café now."
    assert ps.append_unjudged([first, twin, second], TEXTS, verdicts, path) == 0

    # judge by hand: a judged key is never asked about again, a new finding is
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("\t?\t", "\ttrue\t", 1)
    lines[2] = lines[2].replace("\t?\t", "\tquestionable\t", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    verdicts = ps.read_verdicts(path)
    third = Sampled("c2", _finding("NL301", 1, column=5, end_column=14))
    assert ps.append_unjudged([first, second, third], TEXTS, verdicts, path) == 1
    assert len(ps.read_verdicts(path)) == 3


def test_bad_verdict_files_are_refused(tmp_path):
    path = tmp_path / "v.tsv"
    header = "\t".join(ps.COLUMNS)
    path.write_text(f"{header}\nc1\ta.md\t1\tNL301\tSagemaker\tmaybe\t\t\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="verdict must be"):
        ps.read_verdicts(path)
    row = "c1\ta.md\t1\tNL301\tSagemaker\ttrue\t\t"
    path.write_text(f"{header}\n{row}\n{row.replace('true', 'false')}\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="second row"):
        ps.read_verdicts(path)


# -- figures --------------------------------------------------------------------------


def test_precision_is_true_over_judged_and_a_second_figure_counts_questionable():
    texts = {("c1", "a.md"): [f"word{n} here" for n in range(1, 11)]}
    items = [Sampled("c1", _finding("NL201", n, end_column=6)) for n in range(1, 11)]
    sample = ps.draw_sample(items, 16, 40)
    verdict_for = ["true"] * 5 + ["questionable"] * 2 + ["false"] * 2 + ["?"]
    verdicts = {ps.verdict_key(item, texts): (v, "") for item, v in zip(sample["spelling"], verdict_for) if v != "?"}
    rows = {row["family"]: row for row in ps.tally(items, sample, texts, verdicts)}
    spelling = rows["spelling"]
    assert (spelling["findings"], spelling["sampled"], spelling["judged"], spelling["unjudged"]) == (10, 10, 9, 1)
    assert spelling["precision"] == round(5 / 9, 4)
    assert spelling["precision_with_questionable"] == round(7 / 9, 4)
    low, high = spelling["interval"]
    assert low < 5 / 9 < high
    assert spelling["rules"]["NL201"] == {"true": 5, "questionable": 2, "false": 2, "?": 1}
    assert rows["structure"]["precision"] is None and rows["structure"]["interval"] is None
    text = ps.render(items, {"notelint_version": "0", "botocore_version": "1"}, ["c1"], sample,
                     list(rows.values()), texts, verdicts, 16, 40)
    assert "| NL2 spelling | 10 | 10 | 5 | 2 | 2 | 1 | **56%** |" in text
    assert "## Sampled findings not yet judged (1)" in text


def test_wilson_interval():
    assert ps.wilson(0, 0) is None
    low, high = ps.wilson(40, 40)
    assert high == 1.0 and 0.9 < low < 0.92


def test_a_new_finding_replaces_at_most_one_in_the_sample():
    items = _population(COUNTS)
    more = items + _population({"NL201": 1}, corpora=("c9",))
    before, after = _keys(ps.draw_sample(items, 16, 10))["spelling"], _keys(ps.draw_sample(more, 16, 10))["spelling"]
    assert len(set(before) - set(after)) <= 1
