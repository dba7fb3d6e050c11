"""The ninth session's speed changes keep what they replace: confusable patterns searched only in
texts that hold their literals, NL206's tokens placed only for a word reported, NL207's names one
edit away found through an index."""

from __future__ import annotations

import re

import pytest

from notelint.spelling.context import Confusable, confusions_in, load_confusables, required_literals
from tests.helpers import FRONT, lint

BODY_LINE = FRONT.count("\n") + 1


@pytest.mark.parametrize(
    "pattern, literals",
    [
        (r"(?i)\b(?P<w>contacting) (?:a|an|the) (?:disease|virus)\b", ("contacting ",)),
        (r"(?i)\bmango ?DB\b", ("mango", "db")),  # lower case: the pattern ignores case
        (r"(?:^|[.;!?] )(?P<w>[Ss]imilarity),? (?:when|if)\b", ("imilarity",)),
        (r"\b(?P<w>U) (?:are|can)\b", ("U ",)),  # case kept
        (r"\b(?P<w>ROGUE)(?:-\w+)? (?:score|metric)", ("ROGUE",)),
        (r"(?i:abc)de", ("de",)),  # a group with flags of its own is not read
        (r"(?i)caf\u00e9 x", ()),  # ignoring case beyond ASCII is the engine's
        (r"a|bc", ()),
        (r"x[yz]w", ()),  # runs of one character are not kept
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(re.compile(pattern)) == literals


@pytest.mark.parametrize(
    "text",
    [
        "the odds of contacting a disease",
        "Contacting THE Virus",
        "\u212aontacting a disease",  # the Kelvin sign is a "k" to a case-blind regex
        "a mango DB and a MangoDB; on-premise, on-premi\u017fe",  # long s
        "U can. U  can. u can",
        "nothing to see",
    ],
)
def test_the_literals_only_skip_texts_without_a_match(text):
    entries = load_confusables()
    plain = tuple(Confusable(e.pattern, e.correct, e.why) for e in entries)

    def found(confusables):
        return [(hit.start, hit.end, hit.text, entry.correct) for hit, entry in confusions_in(text, confusables)]

    assert found(entries) == found(plain)


def test_confusable_in_a_text_beyond_ascii_keeps_its_place():
    (d,) = lint(FRONT + "* caf\u00e9 \u00e0 odds of CONTACTING a disease\n", ("NL205",))
    assert (d.line, d.column, d.end_column, d.suggestions) == (BODY_LINE, 18, 28, ("Contracting",))


def test_confusable_not_reported_without_its_literal():
    assert lint(FRONT + "* odds of contracting a disease; U-boats; rouge score\n", ("NL205",)) == []


def test_confused_words_in_one_text_keep_their_places():
    body = "* You may loose the data. A new version will effect the latency.\n"
    found = [(d.line, d.column, d.end_column, d.suggestions) for d in lint(FRONT + body, ("NL206",))]
    assert found == [(BODY_LINE, 11, 16, ("lose",)), (BODY_LINE, 46, 52, ("affect",))]


def test_split_name_one_edit_away_among_other_pairs():
    body = "* Use Py Troch or Tensor Flwo, not Py Torch.\n"
    found = [(d.line, d.column, d.end_column, d.message, d.fix is None) for d in lint(FRONT + body, ("NL207",))]
    assert found == [
        (BODY_LINE, 7, 15, "'Py Troch' is one name: PyTorch", True),
        (BODY_LINE, 19, 30, "'Tensor Flwo' is one name: TensorFlow", True),
        (BODY_LINE, 36, 44, "'Py Torch' is one name: PyTorch", False),
    ]


def test_split_name_not_one_edit_away():
    assert lint(FRONT + "* Use Py Trxxh and Tensor Flwwo here.\n", ("NL207",)) == []  # two edits each


@pytest.mark.parametrize(
    "body, found",
    [
        ("* the the model\n", [(0, 7, 10, "'the' is repeated")]),
        ("* The\n  the model\n", [(1, 3, 6, "'the' is repeated")]),  # the second word, on the next line
        ("* a (the the) b\n", [(0, 10, 13, "'the' is repeated")]),
        ("* the theory; the-the; the.the; the/the\n", []),
        ("* caf\u00e9 is is open\n", [(0, 11, 13, "'is' is repeated")]),  # a text beyond ASCII: searched as before
        ("* had had; that that\n", []),
    ],
)
def test_repeated_words_found_where_two_runs_of_letters_repeat(body, found):
    diagnostics = lint(FRONT + body, ("NL204",))
    assert [(d.line - BODY_LINE, d.column, d.end_column, d.message) for d in diagnostics] == found
