"""Reading what a sentence claims about whether an API operation exists.

``claim(sentence, start, end)`` looks at the words around the name at
``sentence[start:end]`` and answers ``True`` ("MoveObject is a valid S3
API"), ``False`` ("MoveObject API call is illegal", "there is no MoveObject
in S3", "S3 has no RenameObject API") or ``None`` (the sentence only uses the
name).  It is deliberately small: a handful of English patterns, no parser;
the general claim extractor (issue 5) may reuse or replace it.
"""

from __future__ import annotations

import re

# what may stand between the name and the verb: "API call", "operation",
# "in S3", "and PutObject", a comma ...  A capitalised word ends where no capital follows: two
# fillers written together ("FooBar", "AKIA...") are one filler already, and letting the engine
# also split them at each capital made a failed search exponential in the capitals after the
# name (2.2 s for 20 capitals, minutes for an access key); the sentences matched are the same.
_FILLER = r"(?:(?i:apis?|calls?|operations?|actions?|methods?|requests?|functions?|in|of|on|for|the|and|or|an?)\b|[A-Z][\w-]*(?![A-Z]))"
_BETWEEN = r"(?:[\s,()`'/]*" + _FILLER + r")*?[\s,()`'/]*"
_NEGATIVE_AFTER = re.compile(
    r"^" + _BETWEEN + r"(?:is|are)\s+(?:an?\s+)?(?:illegal|invalid|fake|nonexistent|non-existent|made[- ]up"
    r"|not\s+(?:an?\s+)?(?:valid|legal|real|existing|actual)\b)"
    r"|^" + _BETWEEN + r"(?:does\s+not|doesn't|do\s+not|don't)\s+exist\b",
)
_POSITIVE_AFTER = re.compile(
    r"^" + _BETWEEN + r"(?:is|are)\s+(?:an?\s+)?(?:valid|legal|real|existing)\b"
    r"|^" + _BETWEEN + r"exists?\b",
)
_NEGATIVE_BEFORE = re.compile(
    r"(?i:\bthere\s+(?:is|are)\s+no|\bthere's\s+no|\bhas\s+no|\bhave\s+no|\bno\s+such)\s+"
    r"(?:(?:(?i:such|APIs?|operations?|methods?|calls?|actions?|as)|[A-Z][\w-]*)\s+){0,3}$",
)


def claim(sentence: str, start: int, end: int) -> bool | None:
    """Does the sentence claim the name at ``[start:end]`` exists (True), does not (False), or neither?"""
    after = sentence[end:]
    before = sentence[:start]
    if _NEGATIVE_BEFORE.search(before) or _NEGATIVE_AFTER.search(after):
        return False
    if _POSITIVE_AFTER.search(after):
        return True
    return None
