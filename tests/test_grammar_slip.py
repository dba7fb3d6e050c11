"""NL209 (grammar-slip): real words that the grammar around them rules out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notelint.spelling.collocation import load
from notelint.spelling.grammar import slips
from tests.helpers import FRONT, lint

BODY_LINE = FRONT.count("\n") + 1  # the first line after the front matter


def nl209(body: str, front: str = FRONT) -> list[tuple[int, int, int, str, tuple[str, ...]]]:
    return [(d.line, d.column, d.end_column, d.message, tuple(d.suggestions)) for d in lint(front + body, ("NL209",))]


def test_an_before_a_verb_form_is_reported_with_its_position_message_and_unsafe_fix():
    body = "* Update the agent by downloading an installing the new version.\n"
    (d,) = lint(FRONT + body, ("NL209",))
    assert (d.code, d.line, d.column, d.end_column) == ("NL209", BODY_LINE, 35, 37)
    assert d.message == "'an' before the verb form 'installing': 'and'?"
    assert tuple(d.suggestions) == ("and",)
    assert d.fix is not None and not d.fix.safe
    assert [e.text for e in d.fix.edits] == ["and"]


@pytest.mark.parametrize(
    "body, column, written, likely",
    [
        # two -ing forms joined: "creating and adding"
        ("* Start by creating an adding a rule to the web ACL.\n", 21, "an", ("and",)),
        # "better of" before a participle: "better off"
        ("* You are better of using a larger shard count.\n", 18, "of", ("off", "if")),
        # "better of" before a clause: "better if"
        ("* It is better of each consumer reads from its own shard.\n", 16, "of", ("if", "off")),
        # a verb between "the" and "of", one edit from a noun AWS prose writes there
        ("* Use CloudWatch to monitor the heal of the cluster.\n", 33, "heal", ("health",)),
        # an adjective as the subject of "the ... is that": its noun
        ("* The resilient is that a Multi-AZ cluster survives the loss of one zone.\n", 7, "resilient", ("resilience",)),
        # an -ed form before "based": the noun makes the compound
        ("* Route requests with a tagged based policy.\n", 25, "tagged", ("tag",)),
    ],
)
def test_each_pattern_is_reported_at_the_word_it_rules_out(body, column, written, likely):
    (found,) = nl209(body)
    line, col, end, message, suggestions = found
    assert (line, col, end) == (BODY_LINE, column, column + len(written))
    assert message.startswith(f"'{written}' ")
    assert suggestions[: len(likely)] == likely


@pytest.mark.parametrize(
    "body",
    [
        "* Update the agent by downloading and installing the new version.\n",  # the right words
        "* Attach an existing role to the instance.\n",  # English writes "an existing"
        "* The response from an integrating AI service.\n",  # no sign of a verb: maybe an adjective
        "* Pick the better of the two instance types.\n",  # "the better of" is right
        "* It has got better of late.\n",  # "of late"
        "* Use CloudWatch to monitor the health of the cluster.\n",
        "* Pass an assert for errors in the transformations.\n",  # only "of" makes a noun slot
        "* The resilience is that a Multi-AZ cluster survives the loss of one zone.\n",
        "* The incident is that the cluster failed.\n",  # a noun in -ent: English writes "the incident"
        "* The important is that the table has a sort key.\n",  # English writes "the important" (thing): not judged
        "* Route requests with a tag based policy.\n",
        "* The table is partitioned based on the date.\n",  # a participle before "based on" is right
        "* Pick the seed based on the run.\n",  # a noun in -eed is no -ed form
        "* An Installing guide.\n",  # a capitalised word is not judged
        "* Create an `installing` step.\n",  # code is not prose
    ],
)
def test_right_words_and_what_the_patterns_cannot_judge_are_left_alone(body):
    assert nl209(body) == []


def test_words_the_note_declares_are_left_alone():
    body = "* Use CloudWatch to monitor the heal of the cluster.\n"
    assert nl209(body, front="---\ntitle: T\nreviewed: 2026-11-01\nwords: [heal]\n---\n") == []


def test_a_span_another_real_word_rule_reports_is_not_reported_twice():
    body = "* With provisioned capability mode you set the reads.\n"
    assert lint(FRONT + body, ("NL208", "NL209"))[0].code == "NL208"
    assert nl209(body) == []


def test_slips_of_a_text_give_offsets_and_the_words_that_fit():
    text = "monitor the heal of our streams, then better of using it"
    found = list(slips(text, load()))
    assert [(text[s.start : s.end], s.likely[0]) for s in found] == [("heal", "health"), ("of", "off")]


@pytest.mark.parametrize(
    "body, column, written, verb, likely",
    [
        # a verb's -s form as the object of "can reduce": the plural noun one letter away
        ("* Averaging can reduce affects of noise on the metric.\n", 24, "affects", "reduce", ("effects",)),
        # an adverb between the modal and its verb
        ("* You should also compare analyzes of both runs.\n", 27, "analyzes", "compare", ("analyses",)),
        # other modals
        ("* Checkpoints might prevent loses when a Spot Instance stops.\n", 29, "loses", "prevent", ("loss", "losses")),
    ],
)
def test_a_verb_form_as_the_object_of_a_modals_verb_is_reported(body, column, written, verb, likely):
    (found,) = nl209(body)
    line, col, end, message, suggestions = found
    assert (line, col, end) == (BODY_LINE, column, column + len(written))
    assert message == f"'{written}' is a verb form, where '{verb}' needs an object: '{likely[0]}'?"
    assert suggestions == likely


@pytest.mark.parametrize(
    "body",
    [
        "* Averaging can reduce effects of noise on the metric.\n",  # the noun
        "* You can run tests nightly.\n",  # a noun too: English writes "the tests"
        "* Amazon Comprehend analyzes text in many languages.\n",  # no modal: the subject's verb
        "* The job can be analyzes later.\n",  # "be" is no verb to take an object
        "* Changes to Redshift affects performance.\n",  # "to" is no modal: the sentence's own verb
        "* You can also export analyzes from a visual.\n".replace("analyzes", "analyses"),
        "* You can easily register devises with IoT Core.\n",  # no count shows 'devises' as a verb's form
        "* You can Export Analyzes from a visual.\n",  # capitalised words are not judged
    ],
)
def test_nouns_and_verbs_outside_a_modals_object_slot_are_left_alone(body):
    assert nl209(body) == []


@pytest.mark.parametrize(
    "body, column, written, modal, likely",
    [
        # a final t made e: the plain verb first, though "last" and "list" are one edit too
        ("* A Spot Instance can lost its capacity at any time.\n", 23, "lost", "can", ("lose", "last", "list")),
        # a vowel changed; "help" is one edit too, but no irregular verb makes its past so
        ("* The writer should held the lock until it commits.\n", 21, "held", "should", ("hold",)),
        # an adverb between the modal and the verb; a vowel dropped
        ("* One slow shard will also led the whole stream to lag.\n", 28, "led", "will", ("lead",)),
    ],
)
def test_a_past_form_after_a_modal_is_reported_with_the_plain_verb(body, column, written, modal, likely):
    (found,) = nl209(body)
    line, col, end, message, suggestions = found
    assert (line, col, end) == (BODY_LINE, column, column + len(written))
    assert message == f"'{written}' is a past form after '{modal}', which takes the plain verb: '{likely[0]}'?"
    assert suggestions == likely


@pytest.mark.parametrize(
    "body",
    [
        "* A Spot Instance can lose its capacity at any time.\n",  # the plain verb
        "* You can tail the log group from the CLI.\n",  # a plain verb the counts barely know: no past form
        "* The data can be lost if the volume fails.\n",  # "be" stands between: a passive
        "* The records are lost if the stream expires.\n",  # no modal
        "* It might ran for hours.\n",  # "ran" is no participle ("have ran" is not counted): not judged
    ],
)
def test_plain_verbs_and_past_forms_outside_a_modals_slot_are_left_alone(body):
    assert nl209(body) == []


@pytest.mark.parametrize(
    "body, column, written, be, verb, likely",
    [
        # AWS prose writes "be prompted to save" and never "be promoted to save"
        ("* Users are promoted to save their work before the session ends.\n", 13, "promoted", "are", "save", ("prompted",)),
        # "be changed to include": "charged" fills the frame in AWS prose, but never before "include"
        ("* The plan was charged to include the new Region.\n", 16, "charged", "was", "include", ("changed",)),
    ],
)
def test_an_ed_form_in_a_passive_frame_another_verb_fills_is_reported(body, column, written, be, verb, likely):
    (found,) = nl209(body)
    line, col, end, message, suggestions = found
    assert (line, col, end) == (BODY_LINE, column, column + len(written))
    assert message == (
        f"'{written}' after '{be}' and before 'to {verb}', where AWS prose writes another verb: '{likely[0]}'?"
    )
    assert suggestions == likely


@pytest.mark.parametrize(
    "body",
    [
        "* Users are prompted to save their work before the session ends.\n",  # the frame AWS prose writes
        "* The standby is promoted to be the new primary.\n",
        "* A standby is promoted to the primary role.\n",  # "to" before a noun phrase: not judged
        "* The role is assured to be valid.\n",  # AWS prose too seldom writes "be assured to": nothing to compare
        "* Users prompted to save their work lose nothing.\n",  # no form of "be" before it
    ],
)
def test_passive_frames_aws_prose_writes_or_cannot_judge_are_left_alone(body):
    assert nl209(body) == []


HTML_LIST = (
    '<div class="alert" role="alert">\n'
    "  <ol>\n"
    "    <li>Drafts won&#39;t sync: users are promoted to save their work</li>\n"
    "    <li>Run <code>downloading an installing</code> as is</li>\n"
    "  </ol>\n"
    "</div>\n"
)


def test_the_list_items_of_an_html_block_are_read_with_their_positions():
    # notes written for a web page keep lists in HTML; an entity before the word does not shift it
    (found,) = nl209(HTML_LIST)
    assert found[:3] == (BODY_LINE + 2, 42, 50)
    assert found[4] == ("prompted",)


def test_code_inside_an_html_list_item_is_not_read():
    body = HTML_LIST.replace("users are promoted", "users are prompted")
    assert nl209(body) == []


def test_out_of_place_words_are_read_in_html_list_items_too():
    body = "<ul>\n  <li>With provisioned capability mode you set the reads.</li>\n</ul>\n"
    found = lint(FRONT + body, ("NL208",))
    assert [(d.code, d.line, d.column, d.end_column, d.suggestions[0]) for d in found] == [
        ("NL208", BODY_LINE + 1, 24, 34, "capacity")
    ]


def test_the_passive_frame_counts_name_their_sources_and_the_pinned_botocore():
    """Rebuild them (scripts/build_aws_passive_frames.py) after a botocore bump."""
    from pathlib import Path

    from notelint.shipped import data_text
    from notelint.spelling.grammar import PASSIVE_FRAMES_FILE, passive_frames

    header = "\n".join(line for line in data_text("words", PASSIVE_FRAMES_FILE).splitlines()[:8] if line.startswith("#"))
    pinned = next(
        line.split("==")[1].strip()
        for line in (Path(__file__).resolve().parent.parent / "constraints.txt").read_text().splitlines()
        if line.lower().startswith("botocore==")
    )
    assert f"botocore {pinned} documentation strings (Apache-2.0)" in header
    assert "CC BY-SA 4.0" in header and "SageMaker developer guide" in header
    assert passive_frames()["prompted"]["choose"] >= 1 and "be" not in passive_frames()["prompted"]


@given(st.lists(st.sampled_from(
    ["an", "of", "better", "can", "may", "also", "quickly", "based", "is", "was", "to", "the", "data", "spent", "be"]
), max_size=12))
def test_the_positions_read_are_every_position_a_pattern_may_match(words):
    """``slips`` reads only these positions: the patterns, word by word, ask of no other."""
    from notelint.spelling.grammar import _TELLING_NEXT, MODALS, _pattern_positions

    modals = {index for index, word in enumerate(words) if word in MODALS}
    expected = [
        index for index, word in enumerate(words)
        if word == "an"
        or word == "of" and index >= 2 and words[index - 1] == "better"
        or any(index - back in modals for back in (1, 2, 3))
        or index + 1 < len(words) and words[index + 1] in _TELLING_NEXT
    ]
    assert _pattern_positions(words, modals) == expected


def test_positions_cases():
    from notelint.spelling.grammar import _pattern_positions

    words = "you can also export analyzes of the better of an applying based".split()
    assert _pattern_positions(words, {1}) == [2, 3, 4, 7, 8, 9, 10]
    assert _pattern_positions(["data"], ()) == [] and _pattern_positions([], ()) == []
