"""Claims in Markdown tables and in HTML lists (issue 15).

A table row is read cell by cell, each cell after its column's header as a label
("Max retention: 7 days"); a cell inherits the names the row's other cells write
(the subject column) and the names in its header (a comparison "| Redis | Memcached |").
An HTML ``<li>`` is read like a list item, tags dropped and entities decoded, every
character keeping its place in the source."""

from datetime import date

from notelint.claims.assertions import extract
from tests.claims.test_reading import statements
from tests.helpers import FRONT, lint

AS_OF = date(2026, 12, 2)
LINE = FRONT.count("\n") + 1  # the first line after the front matter


def found(body: str, select: str = "NL5") -> list[tuple[str, int, int, int]]:
    return [(d.code, d.line, d.column, d.end_column) for d in lint(FRONT + body, select, as_of=AS_OF)]


# -- tables -----------------------------------------------------------------------------------------------


def test_a_cell_is_read_after_its_header_and_about_the_rows_subject():
    body = "| Stream | Max retention |\n| --- | --- |\n| Kinesis Data Streams | 7 days |\n"
    _, read = statements(body)
    cells = [(s.text, [(x.name, x.inherited) for x in s.subjects]) for s in read]
    assert cells == [
        ("Stream: Kinesis Data Streams", [("Kinesis Data Streams", False)]),
        ("Max retention: 7 days", [("Kinesis Data Streams", True)]),
    ]
    # the finding is on the cell that states the limit (the header's words stand for its start)
    assert found(body, "NL505") == [("NL505", LINE + 2, 26, 32)]


def test_a_name_in_a_cell_is_reported_where_it_is_written():
    body = "|Service|Description|\n|---|---|\n|Kinesis Data Analytics|Real-time analytics on streams.|\n"
    assert found(body, "NL501") == [("NL501", LINE + 2, 2, 24)]


def test_a_header_lends_its_name_to_the_cells_of_its_column():
    body = ("| Feature | Kinesis Data Streams | SQS |\n| --- | --- | --- |\n"
            "| Retention | up to 7 days | up to 14 days |\n")
    _, read = statements(body)
    assert [(s.text, sorted(s.names())) for s in read] == [
        ("Feature: Retention", []),
        ("Kinesis Data Streams: up to 7 days", ["Kinesis Data Streams"]),
        ("SQS: up to 14 days", ["SQS"]),
    ]
    assert found(body, "NL505") == [("NL505", LINE + 2, 15, 27)]


def test_a_name_in_a_header_is_not_reported_as_if_the_row_wrote_it():
    # the header row presents columns; the rows under it inherit the name and assert nothing renamed
    body = "| Kinesis Data Analytics | Notes |\n| --- | --- |\n| SQL or Flink | streams |\n"
    assert found(body, "NL501") == []


def test_words_of_one_cell_do_not_complete_a_claim_in_another():
    # "only" and "Spark" make the claim "Glue only runs Spark"; here they sit in two cells
    body = "| Service | Engine | Jobs |\n| --- | --- | --- |\n| AWS Glue | Spark | only one at a time per DPU |\n"
    assert found(body, "NL508") == []
    same_cell = "| Service | Jobs |\n| --- | --- |\n| AWS Glue | only runs Spark jobs |\n"
    assert found(same_cell, "NL508") == [("NL508", LINE + 2, 14, 34)]


def test_the_row_subject_is_what_its_other_cells_are_about():
    body = "| Service | What |\n| --- | --- |\n| Athena | Interactive SQL (uses Presto under the hood) |\n"
    assert found(body, "NL504") == [("NL504", LINE + 2, 12, 56)]


def test_a_change_is_reported_once_per_row_and_once_per_lending_header():
    body = ("| Feature | Glacier Vault Lock |\n| --- | --- |\n"
            "| WORM | Write once, read many with a vault lock policy |\n"
            "| Lock | A vault lock policy cannot be changed once locked |\n")
    assert [code for code, *_ in found(body)] == ["NL503"]


def test_a_quoted_request_does_not_name_a_plain_word_service():
    body = '| Request | Service |\n| --- | --- |\n| "Forecast sales for next quarter" | SageMaker (DeepAR) |\n'
    assert found(body, "NL503") == []
    named = "| Need | Service |\n| --- | --- |\n| Time series | Forecast |\n"
    assert found(named, "NL503") == [("NL503", LINE + 2, 17, 25)]


# -- HTML lists -------------------------------------------------------------------------------------------


def test_an_html_list_item_is_a_claim_with_exact_positions():
    body = '<ul>\n  <li>An RDS &quot;MySQL&quot; instance can have up to 5 read replicas</li>\n</ul>\n'
    assert found(body, "NL505") == [("NL505", LINE + 1, 50, 71)]


def test_an_html_list_item_inherits_its_section_and_keeps_variant_exceptions():
    body = "## RDS\n\n<ol>\n<li>You can have up to 5 <b>read replicas</b></li>\n<li>RDS for Oracle: up to 5 read replicas</li>\n</ol>\n"
    assert found(body, "NL505") == [("NL505", LINE + 3, 18, 42)]


def test_html_outside_list_items_is_not_read():
    assert found("<div>RDS can have up to 5 read replicas</div>\n", "NL505") == []


# -- a labelled maximum -----------------------------------------------------------------------------------


def test_a_maximum_written_as_a_label():
    assert [(a.attribute, a.quantity, a.bound) for a in extract("Maximum execution time: 300 seconds (5 minutes)")] == [
        ("duration", 300.0, "max")]
    body = "## Lambda\n\n- Maximum execution time: 300 seconds (5 minutes)\n"
    assert found(body, "NL505") == [("NL505", LINE + 2, 3, 50)]


def test_a_labelled_minimum_is_not_read_as_a_limit():
    # "minimum storage duration: 90 days" is a billing term, not the smallest value of a setting
    assert [a for a in extract("minimum storage duration: 90 days") if a.relation == "limit"] == []


# -- retired services inside a current service's name ------------------------------------------------------


def test_a_retired_name_that_heads_a_current_services_name_is_not_reported():
    # (CodeStar Connections was renamed, which is another finding: not end of life, no missing client)
    assert found("* Pass AWS CodeStar connections to AWS CodeBuild.\n", "NL5") == [("NL501", LINE, 8, 32)]
    # CodeStar itself is retired (the knowledge base's entry reports it before botocore's list does)
    assert found("* AWS CodeStar sets up projects.\n", "NL5") == [("NL502", LINE, 3, 15)]


def test_one_finding_per_line_for_one_change():
    body = "* DeepLens films video. DeepLens runs models on the device.\n"
    assert [code for code, *_ in found(body, "NL502")] == ["NL502"]


def test_a_format_required_under_a_condition_is_not_the_only_format():
    # (what it does say: JSON Lines is a format it takes)
    assert [(a.relation, a.values) for a in extract("If you use a JSON file, it must be in JSON Lines format.")] == [
        ("supports", ("jsonlines",))]
    assert [(a.relation, a.values) for a in extract("The input must be in JSON Lines format.")] == [
        ("only", ("jsonlines",))]


# -- a retired exam named only in a link's address ---------------------------------------------------------------


def test_a_retired_exam_named_only_in_a_link_is_reported_at_the_link():
    url = "https://d1.awsstatic.com/training/AWS-Certified-Data-Analytics-Specialty_Sample-Questions.pdf"
    assert found(f"* DA sample questions {url}\n", "NL502") == [("NL502", LINE, 23, 23 + len(url))]
    link = "* [DA sample questions](https://example.com/aws-certified-data-analytics-specialty/questions)\n"
    assert found(link, "NL502") == [("NL502", LINE, 3, 94)]


def test_an_address_naming_a_service_or_a_current_exam_is_not_a_claim():
    assert found("* Product page: https://aws.amazon.com/deeplens/\n", "NL502") == []
    assert found("* https://aws.amazon.com/certification/certified-data-engineer-associate/\n", "NL5") == []


def test_a_note_that_says_the_exam_was_retired_is_not_told_again_at_its_links():
    front = "---\ntitle: T\nreviewed: 2025-06-01\nexam: AWS Certified Data Analytics - Specialty (retired)\n---\n"
    url = "https://d1.awsstatic.com/training/AWS-Certified-Data-Analytics-Specialty_Sample-Questions.pdf"
    assert lint(front + f"* DA sample questions {url}\n", "NL502", as_of=AS_OF) == []
