"""The real report.html in headless Chromium: it paints, prints, and runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from tests.report.report_builders import hostile_report

from notelint.cli import main
from notelint.report import render, write_report

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1366, 900  # a laptop screen
NL1_BLUE = (0, 114, 178)  # the structure family's bar colour
TEXT_DARK = 80  # luminance below which a pixel is text


@pytest.fixture(scope="module")
def original_report(tmp_path_factory) -> Path:
    """The report on the raw original notes, linted on their own."""
    folder = tmp_path_factory.mktemp("original")
    config = folder / "notelint.toml"
    config.write_text(f'paths = ["{REPO / "tests/fixtures/original-notes.md"}"]\n', encoding="utf-8")
    assert main(["report", "--config", str(config), "--output-dir", str(folder / "out"), "--as-of", "2026-11-25"]) == 0
    return folder / "out" / "report.html"


def test_screenshot_is_not_blank(chromium, original_report, tmp_path):
    shot = tmp_path / "shot.png"
    done = chromium.run(original_report, f"--window-size={WIDTH},{HEIGHT}", f"--screenshot={shot}")
    assert done.returncode == 0, done.stderr[-2000:]
    with Image.open(shot) as image:
        assert image.size == (WIDTH, HEIGHT)
        data = image.convert("RGB").tobytes()
    pixels = [tuple(data[i : i + 3]) for i in range(0, len(data), 3)]
    white = sum(1 for pixel in pixels if pixel == (255, 255, 255))
    dark = sum(1 for r, g, b in pixels if 0.299 * r + 0.587 * g + 0.114 * b < TEXT_DARK)
    blue = sum(1 for pixel in pixels if pixel == NL1_BLUE)
    assert white < 0.97 * len(pixels)  # something is painted
    assert dark > 2000  # text is there: the title, the summary, the tables
    assert blue > 500  # the family chart's bar and swatches
    assert len(set(pixels)) > 100  # anti-aliased text and colours, not a flat fill


def test_prints_to_pdf(chromium, original_report, tmp_path):
    pdf = tmp_path / "report.pdf"
    done = chromium.run(original_report, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert done.returncode == 0, done.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) >= 2  # the report runs over pages


def test_the_browser_can_see_script_that_runs(chromium, tmp_path):
    """The control: without escaping, the payloads below would be seen to run."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>control</p>"
        "<script>document.body.dataset.pwned='script'</script></body></html>",
        encoding="utf-8",
    )
    assert '<body data-pwned="script">' in chromium.dom(page)


@pytest.mark.parametrize("with_csp", [True, False], ids=["as-written", "without-csp"])
def test_nothing_from_a_note_runs_in_the_browser(chromium, tmp_path, with_csp):
    report = hostile_report()
    if with_csp:
        write_report(report, tmp_path)
    else:
        # the escaping alone must be enough: take away the Content-Security-Policy
        html = render(report)["report.html"]
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        (tmp_path / "report.html").write_text(html[:start] + html[html.index(">", start) + 1 :], encoding="utf-8")
    dom = chromium.dom(tmp_path / "report.html")
    assert "<body>" in dom and "data-pwned" not in dom.replace("dataset.pwned", "")
    assert "<script" not in dom and "<img" not in dom and "<svg onload" not in dom
    # the payloads are on the page as text
    assert "KMS encrypts &lt;script&gt;document.body.dataset.pwned='claim'&lt;/script&gt; data" in dom
    assert "&lt;img src=x onerror=\"document.body.dataset.pwned='img'\"&gt;" in dom


def test_without_chromium_the_browser_tests_fail_under_ci_and_skip_elsewhere():
    from tests.report.report_browser import unavailable

    with pytest.raises(pytest.fail.Exception, match="CI=true and no headless Chromium"):
        unavailable("no apt-get", {"CI": "true"})
    with pytest.raises(pytest.skip.Exception, match="no apt-get"):
        unavailable("no apt-get", {})
