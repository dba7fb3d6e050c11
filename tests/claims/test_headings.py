"""A heading that names a retired or closed service presents a section about it: the service as a
whole is reported at the heading, even when the section's sentences never repeat the name; a
name inside a longer title-cased phrase is not a mention; renames are left to the sentences."""

from tests.helpers import lint, note


def _stale(body: str) -> list[tuple[int, str, str]]:
    return [(d.line, d.code, d.meta.get("knowledge_id") or d.meta.get("client", ""))
            for d in lint(note(body), select="NL5")]


def test_a_heading_naming_a_retired_service_is_reported_once():
    found = _stale("""
        # AWS DeepLens

        * Runs computer vision models on the device.
        * Deploys models trained elsewhere.
        """)
    assert found == [(5, "NL502", "deeplens-end-of-life")]  # front matter is 4 lines


def test_a_closed_service_heading_and_its_section():
    found = _stale("""
        ## AWS Data Pipeline vs Glue

        * Schedules copies between stores.
        """)
    assert [(code, entry) for _line, code, entry in found] == [("NL503", "data-pipeline-closed-to-new-customers")]


def test_a_name_inside_a_longer_title_is_not_a_mention():
    assert _stale("""
        ## Big Data Pipeline

        ## Data Pipeline Selection

        * Choose the tool by latency.
        """) == []


def test_a_heading_that_says_what_happened_is_not_reported():
    assert _stale("""
        ## AWS DeepLens (retired in 2024)

        * Ran computer vision models on the device.
        """) == []


def test_a_rename_is_reported_in_the_sentences_not_the_heading():
    found = _stale("""
        ## Kinesis Data Firehose

        * Kinesis Data Firehose delivers streams to S3.
        """)
    assert [(line, entry) for line, _code, entry in found] == [(7, "kinesis-data-firehose-renamed-data-firehose")]


def test_a_feature_entry_needs_a_claim_not_a_heading():
    # emr-ganglia-removed needs the word Ganglia in a claim about EMR; a heading asserts nothing
    assert _stale("""
        ## EMR and Ganglia

        Clusters run Spark.
        """) == []
