"""report.html: self-contained, escaped, and showing each finding in context."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest
from tests.report.report_builders import STRUCTURE_RULES, EVIDENCE, diagnostic, hostile_report, location, note, report

from notelint.report.render_html import render_html

# what report.html may contain: the page's own elements, and links only to
# anchors in the page or to http(s) sources
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "h1", "h2", "h3",
    "p", "div", "span", "strong", "small", "time", "table", "colgroup", "col", "thead", "tbody", "tr", "th",
    "td", "ul", "li", "dl", "dt", "dd", "mark", "code", "a", "svg", "rect", "text",
}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_nothing_from_a_note_becomes_markup():
    html = render_html(hostile_report())
    tags = tags_of(html)
    assert {tag for tag, _attrs in tags} <= ALLOWED_TAGS
    assert [(tag, name) for tag, attrs in tags for name in attrs if name.startswith("on")] == []
    assert [attrs["href"] for tag, attrs in tags if tag == "a" and not attrs["href"].startswith("#")] == []
    assert "<script" not in html and "<img" not in html and "<b>" not in html


def test_hostile_text_is_shown_escaped():
    html = render_html(hostile_report())
    assert (
        "KMS encrypts &lt;script&gt;document.body.dataset.pwned=&#x27;claim&#x27;&lt;/script&gt; data "
        "<mark>(at</mark> rest."
    ) in html
    assert (
        "Rotate keys <mark>&lt;img src=x onerror=&quot;document.body.dataset.pwned=&#x27;img&#x27;&quot;&gt;</mark> "
        "every &quot;year&quot; &amp; more."
    ) in html
    assert "&lt;script&gt;document.body.dataset.pwned=&#x27;title&#x27;&lt;/script&gt;" in html
    assert "notes/&lt;img src=x onerror=document.body.dataset.pwned=1&gt;.md" in html
    assert "<p>&#x27;(&#x27; is never closed &lt;b&gt;</p>" in html
    assert "<p>x&quot; onclick=&quot;alert(4)</p>" in html
    assert "<code>&lt;i&gt;x&lt;/i&gt;</code>" in html
    # a source that is not http(s) is shown, never linked
    assert "<dt>Source</dt><dd>javascript:alert(5)</dd>" in html
    assert "<dt>Current fact</dt><dd>&lt;svg onload=alert(6)&gt;</dd>" in html
    assert "&lt;em&gt;see&lt;/em&gt;: notes/other.md:1:3" in html
    assert "Keys &lt;u onmouseover=alert(2)&gt;<mark>here</mark>&lt;/u&gt;" in html


def test_self_contained():
    html = render_html(report([note("* S3 stores objects.\n")], []))
    tags = tags_of(html)
    assert not [tag for tag, _ in tags if tag in ("script", "link", "img", "iframe", "object", "embed", "image", "use")]
    assert not [attrs for _, attrs in tags if "src" in attrs or "href" in attrs and not attrs["href"].startswith("#")]
    assert "url(" not in html and "@import" not in html
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
            "img-src data:; form-action 'none'; base-uri 'none'\">") in html
    assert "@media print" in html


def test_summary_states_formula_versions_and_scope(sample):
    html = render_html(sample)
    assert (
        '<p class="formula"><strong>Correctness score.</strong> Score = 100 × (claims with no warning or error) ÷ '
        "claims, rounded down; info findings and findings outside claims do not count.</p>"
    ) in html
    assert (
        f'<p class="meta">How far these notes can be trusted: as of <time>2026-11-25</time> · '
        f"botocore {sample.botocore_version} · notelint {sample.notelint_version}</p>"
    ) in html
    assert (
        f'<p class="scope">Checked: NL1 structure ({len(STRUCTURE_RULES)} rules). Not checked: NL2 spelling, NL3 aws-naming, NL4 aws-api, '
        "NL5 stale-claims, NL6 contradictions; the score says nothing about what was not checked.</p>"
    ) in html
    assert '<div class="label">Score</div><div class="value">50<small> / 100</small></div>' in html


def test_finding_in_context_with_evidence_and_both_sides(sample):
    html = render_html(sample)
    assert (
        '<div class="excerpt prose"><div class="crumbs">Storage</div><p class="text">Glacier retrieval takes '
        "<mark>12 hours</mark>.\nExpedited retrieval exists too.</p></div>"
    ) in html
    assert (
        '<dl class="evidence"><dt>Current fact</dt><dd>Standard retrieval takes 3-5 hours.</dd>'
        "<dt>Effective date</dt><dd>2024-01-01</dd>"
        f'<dt>Source</dt><dd><a href="{EVIDENCE["source"]}" rel="noreferrer">{EVIDENCE["source"]}</a></dd></dl>'
    ) in html
    assert (
        '<div class="side"><div class="muted">other side: notes/glacier.md:5:3</div><div class="excerpt prose">'
        '<p class="text"><mark>Glacier retrieval takes 5 hours.</mark></p></div></div>'
    ) in html
    assert '<p class="muted">Unsafe fix available: quote the title</p>' in html
    assert "<p>Suggestion: <code>Amazon S3</code></p>" in html


def test_a_table_per_note_with_findings(sample):
    html = render_html(sample)
    # notes are numbered in path order: glacier (no findings, no table), s3
    assert '<section class="note" id="note-1">' not in html
    assert '<section class="note" id="note-2">\n<h2>Amazon S3 <span class="muted">(notes/s3.md)</span></h2>' in html
    assert html.count('<tr class="finding">') == 5 + 5  # "Fix first" repeats the five


def test_charts_have_a_bar_per_family_with_findings(sample):
    html = render_html(sample)
    start = html.index('<svg class="chart"', html.index('id="notes"'))
    chart = html[start : html.index("</svg>", start)]
    assert chart.count("<rect") == 5
    assert "<title>notes/s3.md: 1 NL5 stale-claims</title>" in chart



PAYLOAD = "<script>alert(\"1 & 2\")</script> 'q'"
ESCAPED = "&lt;script&gt;alert(&quot;1 &amp; 2&quot;)&lt;/script&gt; &#x27;q&#x27;"


def test_script_quotes_and_ampersands_are_escaped_everywhere():
    from notelint.report.model import FileProblem

    bad = note(f"* Lambda runs {PAYLOAD} code.\n", f"notes/{PAYLOAD}.md")
    finding = diagnostic(bad, PAYLOAD, message=f"says {PAYLOAD}", suggestions=(PAYLOAD,),
                         meta={"source": f"https://example.com/?q={PAYLOAD}&x=1", "current_fact": f"now {PAYLOAD}"},
                         related=(location(bad, "Lambda", PAYLOAD),))
    html = render_html(replace(report([bad], [finding]), errors=(FileProblem(f"notes/{PAYLOAD}", PAYLOAD),)))
    assert "<script" not in html and "'q'" not in html and '"1 &' not in html
    assert f"Lambda runs <mark>{ESCAPED}</mark> code." in html  # the claim
    assert f"<p>says {ESCAPED}</p>" in html  # the message
    assert f'<a href="#note-1">notes/{ESCAPED}.md</a>' in html  # the path
    assert f"<h2>notes/{ESCAPED}.md</h2>" in html
    assert f"<title>notes/{ESCAPED}.md</title>" in html  # in the chart
    assert f"<code>{ESCAPED}</code>" in html  # a suggestion
    assert f"<dt>Current fact</dt><dd>now {ESCAPED}</dd>" in html
    # a link keeps its address inside the attribute
    assert f'<a href="https://example.com/?q={ESCAPED}&amp;x=1" rel="noreferrer">' in html
    assert f'<div class="muted">{ESCAPED}: notes/{ESCAPED}.md:1:3</div>' in html  # the other side
    assert f"<li><code>notes/{ESCAPED}</code>: {ESCAPED}</li>" in html  # an error


def test_a_missing_value_fails_loudly(sample):
    from jinja2 import UndefinedError

    from notelint.report.render_html import _environment

    with pytest.raises(UndefinedError, match="'report' is undefined"):
        _environment().get_template("report.html.j2").render()
    with pytest.raises(UndefinedError, match="no attribute 'as_of'"):
        _environment().get_template("report.html.j2").render(report=object())
    with pytest.raises(UndefinedError, match="'nowhere' is undefined"):
        _environment().from_string("<p>{{ nowhere }}</p>").render()
    with pytest.raises(TypeError, match="None"):  # None is not printed as "None"
        render_html(replace(sample, as_of=None))
