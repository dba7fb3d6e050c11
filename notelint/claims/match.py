"""Does a statement make the outdated claim a knowledge entry describes?

A matcher names the subject (or other names of it), and may add words the
sentence must contain and an assertion it must make about that subject.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from notelint.claims.assertions import Assertion, holds_a_word
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


def _line_spans(statement: Statement) -> list[tuple[int, int, int]]:
    """(offset into note.text, start, end in ``statement.text``) of each line of the statement."""
    spans, begin = [], 0
    for line in statement.text.split("\n"):
        spans.append((statement.span(begin, begin + len(line))[0], begin, begin + len(line)))
        begin += len(line) + 1
    return spans


def _readings(statement: Statement, mentions: list[Subject]) -> Iterator[tuple[Subject, str]]:
    """Each mention with the text its claim is read in, the first mention of each line only.
    Notes write one terse statement a line with no full stop ("Encrypt data stored in AWS
    including S3, RDS" / "**KMS always uses symmetric keys**"), so the words a claim needs
    are looked for on the mention's own line; a subject inherited from a heading or a
    parent item is read in the whole statement."""
    text = statement.text
    if "\n" not in text:
        yield mentions[0], text  # one line: every mention reads the same text
        return
    lines = _line_spans(statement)
    starts = [offset for offset, _, _ in lines]
    seen: set[int] = set()
    for subject in mentions:
        index = -1 if subject.inherited else max(bisect.bisect_right(starts, subject.start) - 1, 0)
        if index in seen:
            continue
        seen.add(index)
        yield subject, text if index < 0 else text[lines[index][1] : lines[index][2]]


def _conditions(matcher: Matcher, statement: Statement, subject: Subject, text: str) -> bool:
    if any(not pattern.search(text) for pattern in matcher.words_all):
        return False
    if matcher.words_any is not None and not matcher.words_any.search(text):
        return False
    if matcher.words_none is not None and matcher.words_none.search(text):
        return False
    if matcher.assertion is not None:
        if not any(_assertion_matches(a, matcher.assertion) for a in statement.about(subject.name)):
            return False
    if matcher.any_of and not any(_conditions(option, statement, subject, text) for option in matcher.any_of):
        return False
    return True


def may_match(matcher: Matcher, statement: Statement, lowered: str | None) -> bool:
    """False only where ``match(matcher, statement)`` is None, told cheaply: the statement lacks every
    word of one of the matcher's word patterns, or it asserts nothing where the matcher needs an
    assertion.  ``lowered``: the statement's text in lower case if it is ASCII, else None (then
    only the assertion is looked at).

    Exact: a word pattern is read in the statement's text or one of its lines, and where it is
    found (case aside) the text holds its word; in ASCII text case aside is lower case.  Most
    statements that name a subject make none of its entries' claims: the test spares them the
    regular expressions (about 20,000 matches tried on every fifth page of the SageMaker guide)."""
    if matcher.assertion is not None and not statement.assertions:
        return False
    if lowered is not None:
        for words in matcher.literals:
            if not holds_a_word(lowered, words):
                return False
    return not matcher.any_of or any(may_match(option, statement, lowered) for option in matcher.any_of)


def holds_in(matcher: Matcher, statement: Statement, subject: Subject, text: str) -> bool:
    """Does ``text`` (a part of ``statement``) have the words and assertion the matcher asks of a claim about ``subject``?"""
    return _conditions(matcher, statement, subject, text)


def match(matcher: Matcher, statement: Statement) -> Subject | None:
    """The subject mention through which ``statement`` makes the claim, or None.

    When naming the subject is the whole claim (a renamed or retired service),
    only a name the sentence itself writes counts; a claim with conditions may
    be about a subject inherited from a heading or parent item.
    """
    mentions = statement.mentions_of(matcher.mentions)
    if not mentions or (mentions[0].inherited and matcher.mentions_only):
        return None
    # the first mention whose line makes the claim ("**AWS Glue version** ... / ... default to AWS Glue 0.9")
    for subject, text in _readings(statement, mentions):
        if not (subject.inherited and matcher.mentions_only) and _conditions(matcher, statement, subject, text):
            return subject
    return None
