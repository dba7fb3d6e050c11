"""The text of HTML list items (``notelint.htmltext``): what the claim rules, NL208 and NL209 read."""

from __future__ import annotations

from notelint.htmltext import list_items
from notelint.note import parse_note
from notelint.source import decode


def parsed(body: str):
    return parse_note(decode("n.md", ("---\ntitle: T\n---\n" + body).encode("utf-8")))


def test_each_list_item_gives_its_text_without_tags_and_maps_each_character_to_the_note():
    note = parsed('<div class="alert">\n  <ol>\n    <li>Read <b>replicas</b> scale reads</li>\n    <li>Two</li>\n  </ol>\n</div>\n')
    items = list(list_items(note))
    assert [item.text for item in items] == ["Read replicas scale reads", "Two"]
    first = items[0]
    start, end = first.span(5, 13)  # "replicas", inside <b>
    assert note.text[start:end] == "replicas"
    assert note.text[slice(*first.span(0, 4))] == "Read"


def test_an_entity_is_decoded_and_maps_to_the_entity():
    note = parsed("<ul>\n<li>won&#39;t work</li>\n</ul>\n")
    (item,) = list_items(note)
    assert item.text == "won't work"
    assert note.text[slice(*item.span(3, 4))] == "&"  # the decoded quote points at its entity
    assert note.text[slice(*item.span(6, 10))] == "work"


def test_code_elements_are_cut_when_asked_and_kept_otherwise():
    note = parsed("<ul>\n<li>Run <code>pip install x</code> first</li>\n</ul>\n")
    (kept,) = list_items(note)
    (cut,) = list_items(note, cut_code=" | ")
    assert kept.text == "Run pip install x first"
    assert cut.text == "Run  |  first"
    assert note.text[slice(*cut.span(8, 13))] == "first"


def test_blocks_without_list_items_and_empty_items_give_nothing():
    assert list(list_items(parsed("<div>\n<p>Only a paragraph</p>\n</div>\n"))) == []
    assert list(list_items(parsed("<ul>\n<li> </li>\n</ul>\n"))) == []
    assert list(list_items(parsed("A paragraph with an inline <li>item</li> tag.\n"))) == []
