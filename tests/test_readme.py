"""The README's promises: its two commands, the CI script, the rule table."""

import re

from tests.helpers import REPO
from notelint.rules import RULES

README = (REPO / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_readme_shows_exactly_two_setup_commands():
    install_and_check, install_and_test = commands()
    assert install_and_check.endswith("notelint check")
    assert install_and_test.endswith("-m pytest")


def test_ci_runs_the_readme_test_command_verbatim():
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in script.splitlines()


def test_every_rule_is_in_the_readme_table():
    for rule in RULES:
        fix = "" if rule.fix.value == "never" else rule.fix.value + ("" if rule.fix_safe else " (unsafe)")
        assert f"| {rule.code} | {rule.name} | {rule.severity.value} | {fix} | {rule.summary}" in README, rule.code
