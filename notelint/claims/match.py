"""Does a statement make the outdated claim a knowledge entry describes?

A matcher names the subject (or other names of it), and may add words the
sentence must contain and an assertion it must make about that subject.
"""

from __future__ import annotations

from notelint.claims.assertions import Assertion
from notelint.claims.extract import Statement, Subject
from notelint.claims.knowledge import AssertionPattern, Matcher


def _value_matches(value: str, wanted: tuple[str, ...]) -> bool:
    for pattern in wanted:
        if pattern.endswith("*") and value.startswith(pattern[:-1].lower()):
            return True
        if value == pattern.lower():
            return True
    return False


# a data store keeps data for days; it does not run for days: an unlabelled limit of a day or more
# ("stored for 24 hours, up to 7 days") is the retention of a subject whose entry is about retention
_RETENTION_SPAN = 86400.0


def _same_attribute(assertion: Assertion, pattern: AssertionPattern) -> bool:
    if assertion.attribute == pattern.attribute:
        return True
    return (pattern.attribute == "retention" and assertion.attribute == "duration" and not assertion.explicit
            and assertion.quantity is not None and assertion.quantity >= _RETENTION_SPAN)


def _assertion_matches(assertion: Assertion, pattern: AssertionPattern) -> bool:
    if assertion.relation != pattern.relation or not _same_attribute(assertion, pattern):
        return False
    if pattern.bound is not None and assertion.bound != pattern.bound:
        return False
    if pattern.values_any:
        if assertion.relation == "only":
            # the outdated "only CSV" is not "only CSV or Parquet": nothing beyond the listed values
            if not all(_value_matches(v, pattern.values_any) for v in assertion.values):
                return False
        elif not any(_value_matches(v, pattern.values_any) for v in assertion.values):
            return False
    if pattern.below is not None and not (assertion.quantity is not None and assertion.quantity < pattern.below * (1 - 1e-9)):
        return False
    if pattern.above is not None and not (assertion.quantity is not None and assertion.quantity > pattern.above + 1e-9):
        return False
    return True


def _conditions(matcher: Matcher, statement: Statement, subject: Subject) -> bool:
    text = statement.text
    if any(not pattern.search(text) for pattern in matcher.words_all):
        return False
    if matcher.words_any is not None and not matcher.words_any.search(text):
        return False
    if matcher.words_none is not None and matcher.words_none.search(text):
        return False
    if matcher.assertion is not None:
        if not any(_assertion_matches(a, matcher.assertion) for a in statement.about(subject.name)):
            return False
    if matcher.any_of and not any(_conditions(option, statement, subject) for option in matcher.any_of):
        return False
    return True


def match(matcher: Matcher, statement: Statement) -> Subject | None:
    """The subject mention through which ``statement`` makes the claim, or None.

    When naming the subject is the whole claim (a renamed or retired service),
    only a name the sentence itself writes counts; a claim with conditions may
    be about a subject inherited from a heading or parent item.
    """
    subject = statement.mention_of(matcher.mentions)
    if subject is None or (subject.inherited and matcher.mentions_only):
        return None
    return subject if _conditions(matcher, statement, subject) else None
