"""NL1xx structure rules: exact codes and positions, positives and negatives."""

from tests.helpers import FRONT, found, lint, note


REQUIRED = {"front_matter": "required"}


def test_missing_front_matter():
    assert found("# Title\n", "NL101", **REQUIRED) == [("NL101", 1, 1, 1, 2)]
    assert found(note("# Title\n"), "NL101", **REQUIRED) == []
    assert found("", "NL101", **REQUIRED) == [("NL101", 1, 1, 1, 1)]


def test_front_matter_is_not_required_by_default():
    """The notes schema is notelint's convention: a repository opts in with
    front-matter = "required"; by default a note without front matter is fine."""
    assert found("# Title\n", "NL101") == []
    assert found("", "NL1") == []


def test_invalid_front_matter_points_at_yaml_error():
    assert found("---\ntitle: T\nreviewed: [2025\n---\n", "NL102") == [("NL102", 4, 1, 4, 4)]
    assert found("---\ntitle: T\n# never closed\n", "NL102") == [("NL102", 1, 1, 1, 4)]
    assert found("---\n- a list\n---\n", "NL102") == [("NL102", 2, 1, 2, 9)]
    unsafe = lint("---\ntitle: !!python/object/apply:os.system [ls]\n---\n", "NL102")
    assert [(d.line, d.column) for d in unsafe] == [(2, 8)]
    assert "python/object" in unsafe[0].message


def test_missing_required_field():
    assert found("---\ntags: [x]\n---\n", "NL103", **REQUIRED) == [("NL103", 1, 1, 1, 4), ("NL103", 1, 1, 1, 4)]
    assert [d.message for d in lint("---\ntitle: T\n---\n", "NL103", **REQUIRED)] == [
        "front matter has no 'reviewed' field (the ISO date (YYYY-MM-DD) its claims were last checked)"
    ]
    assert found(FRONT, "NL103", **REQUIRED) == []
    # by default only front matter that uses the schema (has `reviewed`) is held to it
    assert found("---\ntitle: T\n---\n", "NL103") == []
    assert found("---\nreviewed: 2025-06-01\n---\n", "NL103") == [("NL103", 1, 1, 1, 4)]


JEKYLL = "---\nlayout: post\ntitle: Amazon S3\ndate: 2020-06-12 10:00:00 +0800\ncategories: [AWS-SAA, S3]\ntags: aws s3\n---\n"


def test_a_site_generators_front_matter_is_not_judged():
    """Jekyll, Hugo and MkDocs pages carry their own fields: none is reported."""
    assert found(JEKYLL, "NL1") == []
    # a note that adopts the schema keeps its site fields, and its own fields are checked
    adopted = JEKYLL.replace("tags: aws s3\n", "tags: aws s3\nreviewed: 2025-06-01\nrevieved: x\n")
    assert found(adopted, "NL10") == [("NL104", 6, 7, 6, 13), ("NL105", 8, 1, 8, 9)]


def test_invalid_field_value():
    text = "---\ntitle: 3\nreviewed: soon\ntags: tag\nsources: [https://ok.example, ftp://x]\nexam: E\n---\n"
    assert [(d.line, d.column, d.message) for d in lint(text, "NL104")] == [
        (2, 8, "'title' must be a non-empty string"),
        (3, 11, "'reviewed' must be a date written YYYY-MM-DD, not 'soon'"),
        (4, 7, "'tags' must be a list of strings"),
        (5, 10, "'sources' entry 'ftp://x' is not an http(s) URL"),
    ]
    assert found("---\ntitle: T\nreviewed: '2025-06-01'\nnotelint: {ignore: [NL2]}\n---\n", "NL104") == []
    assert [d.message for d in lint("---\ntitle: T\nreviewed: 2025-06-01\nnotelint: {ignore: [spelling]}\n---\n", "NL104")] == [
        "'notelint.ignore' entry 'spelling' is not a rule code or prefix"
    ]


def test_unknown_field_suggests_the_close_one():
    diagnostics = lint("---\ntitle: T\nreviewed: 2025-06-01\ntag: [x]\nauthr: me\n---\n", "NL105")
    assert [(d.line, d.column, d.end_column, d.suggestions) for d in diagnostics] == [(4, 1, 4, ("tags",)), (5, 1, 6, ())]
    assert diagnostics[0].message.startswith("unknown front matter field 'tag'; did you mean 'tags'?")


def test_reviewed_in_future_uses_as_of_date():
    text = "---\ntitle: T\nreviewed: 2026-12-01\n---\n"
    assert found(text, "NL106") == [("NL106", 3, 11, 3, 21)]
    from datetime import date

    assert found(text, "NL106", as_of=date(2027, 1, 1)) == []


def test_duplicate_field():
    assert found("---\ntitle: T\nreviewed: 2025-06-01\ntitle: U\n---\n", "NL107") == [("NL107", 4, 1, 4, 6)]


def test_heading_level_skipped():
    assert found(note("# A\n### C\n## B\n#### D\n"), "NL110") == [("NL110", 6, 1, 6, 6), ("NL110", 8, 1, 8, 7)]
    assert found(note("### Start deep\n#### D\n## B\n"), "NL110") == []


def test_duplicate_heading_only_among_siblings():
    assert found(note("## A\n### X\n## B\n### X\n## a\n"), "NL111") == [("NL111", 9, 1, 9, 5)]
    assert found(note("## A\n### X\n### x\n"), "NL111") == [("NL111", 7, 1, 7, 6)]


def test_empty_list_item_and_its_fix():
    diagnostics = lint(note("* one\n*\n* two\n\n  * \n"), "NL112")
    assert [(d.line, d.column, d.end_column) for d in diagnostics] == [(6, 1, 2), (9, 3, 4)]
    edits = [d.fix.edits for d in diagnostics]
    assert [(e.line, e.column, e.end_line, e.end_column, e.text) for (e,) in edits] == [(6, 1, 7, 1, ""), (9, 1, 10, 1, "")]
    assert found(note("* one\n* two\n"), "NL112") == []
    assert found(note("*\n  nested paragraph continues\n"), "NL112") == []
    assert found(note("* two\n  * \n"), "NL112") == []  # an empty item cannot interrupt a paragraph


def test_duplicate_claim_within_and_across_notes(tmp_path):
    text = note("* S3 stores objects in buckets.\n* other claim here now\n* s3 stores objects in BUCKETS\n* Glue: ETL\n* Glue: ETL\n")
    diagnostics = lint(text, "NL113")
    assert [(d.line, d.column, d.end_line, d.end_column) for d in diagnostics] == [(7, 3, 7, 31)]
    assert [(r.line, r.column, r.message) for r in diagnostics[0].related] == [(5, 3, "first made here")]


def test_image_missing_alt():
    assert found(note("![](a.png) and ![ ](b.png) ![ok](c.png)\n"), "NL114") == [
        ("NL114", 5, 1, 5, 11),
        ("NL114", 5, 16, 5, 27),
    ]


def test_trailing_blank_lines():
    diagnostics = lint(note("* a\n\n\n"), "NL115")
    assert [(d.line, d.column, d.end_line, d.end_column) for d in diagnostics] == [(6, 1, 8, 1)]
    assert diagnostics[0].message == "2 blank lines at the end of the file"
    assert found(note("* a\n"), "NL115") == []
    assert found(note("* a"), "NL115") == []


def test_unclosed_parenthesis_in_prose_only():
    assert found(note("* Data Pipeline (creates resources in your own\n"), "NL116") == [("NL116", 5, 17, 5, 18)]
    assert found(note("* a) first b) second (ok) `f(x`\n* [link (text](u)\n"), "NL116") == [("NL116", 6, 9, 6, 10)]
    assert found(note("# Heading (draft\n"), "NL116") == []


def test_tab_labels_are_not_sections():
    """Docs toolchains render tab widgets as headings: '#### [ AWS CLI ]' after '##'."""
    text = note("## Create a job\n#### [ AWS CLI ]\ntext\n#### [ Python ]\ntext\n#### [ AWS CLI ]\n")
    assert found(text, "NL110") == [] and found(text, "NL111") == []
    assert found(note("## Create a job\n#### AWS CLI\n"), "NL110") == [("NL110", 6, 1, 6, 13)]


def test_a_half_open_interval_closes_its_parenthesis():
    assert found(note("* eta: Range: (0,1]\n* alpha: (-inf, 0] or (0, 1.5]\n"), "NL116") == []
    assert found(note("* Range: (0,1 and more\n"), "NL116") == [("NL116", 5, 10, 5, 11)]


def test_an_interval_with_code_bounds_closes_its_parenthesis():
    assert found(note("* rsm: range: (`0.0`, `1.0`]. Default: 1.\n"), "NL116") == []


def test_an_interval_with_a_bound_in_scientific_notation_closes_its_parenthesis():
    # blazingtext_hyperparameters.md: "The recommended range is \(0, 1e\-3\]"
    assert found(note("* The recommended range is \\(0, 1e\\-3\\] Default: 0.0001\n"), "NL116") == []
    assert found(note("* lr: (1E-5, 1e+2] or (-inf, 1e3]\n"), "NL116") == []
    # a bound that is no number, or no closing bracket: still unclosed
    assert found(note("* The range is (0, 1e-3 and more\n"), "NL116") == [("NL116", 5, 16, 5, 17)]
    assert found(note("* The range is (0, e3]\n"), "NL116") == [("NL116", 5, 16, 5, 17)]


def test_a_literal_backtick_between_parentheses_closes_them():
    # Glue's DropFields page: "The backticks \(`\) around `.zip`": the ')' went into a code span
    assert found(note("* The backticks \\(`\\) around `.zip` are needed.\n"), "NL116") == []
    assert found(note("* A backtick (`) and `x` here.\n"), "NL116") == []
    # a code span right after '(' that does not start with ')' closes nothing
    assert found(note("* As the destination \\(`disk_path)`\\. Then more.\n"), "NL116") == [("NL116", 5, 22, 5, 24)]
    assert found(note("* A dash (`-`) and (`x` more.\n"), "NL116") == [("NL116", 5, 20, 5, 21)]
