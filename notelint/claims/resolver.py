"""Which entities a piece of text names: AWS services and products from the
alias table and botocore (through the NL3xx name index), plus the entities of
the knowledge base (algorithms, features, retired services, certifications).

Claims are read more strictly than names are checked: a name that is also
plain English ("glue", "batch jobs", "forecast") is a subject only when it is
capitalised as AWS writes it, or has its vendor prefix.
"""

from __future__ import annotations

import re
from functools import cached_property

from notelint.aws.names import NameIndex
from notelint.claims.assertions import FORMATS
from notelint.claims.extract import NameMention
from notelint.claims.knowledge import Knowledge
from notelint.memo import TextMemo


class NameResolver:
    def __init__(self, index: NameIndex, knowledge: Knowledge):
        self.index = index
        known = {entry.name.casefold() for entry in self.index.by_words.values()}
        forms: dict[str, str] = {}
        for entity in knowledge.entities:
            for written in (entity.name, *entity.forms):
                if written.casefold() not in known:
                    forms.setdefault(written, entity.name)
        self.entity_names = forms
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        self.entity_pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if forms else None

    def mentions(self, text: str) -> list[NameMention]:
        return list(self._memo(text))

    @cached_property
    def _memo(self) -> TextMemo[tuple[NameMention, ...]]:
        return TextMemo(lambda text: tuple(self._scan(text)))

    def _scan(self, text: str) -> list[NameMention]:
        found: list[NameMention] = []
        for mention in self.index.mentions(text):
            entry = mention.entry
            if entry.canonical_name.casefold() in FORMATS:
                continue  # RecordIO is a data format, not what a claim is about
            has_vendor = bool(mention.vendor_written)
            if entry.english and not has_vendor:
                canonical = entry.canonical_name if not entry.form else entry.name
                if mention.written != canonical and mention.written != entry.name:
                    continue  # "glue", "batch jobs", "Data pipeline"
            start = mention.vendor_start if has_vendor and mention.vendor_start is not None else mention.start
            found.append(NameMention(entry.canonical_name, text[start : mention.end], start, mention.end))
        if self.entity_pattern is not None:
            for match in self.entity_pattern.finditer(text):
                if any(m.start < match.end() and match.start() < m.end for m in found):
                    continue
                found.append(NameMention(self.entity_names[match.group(0)], match.group(0), match.start(), match.end()))
        found.sort(key=lambda m: m.start)
        return found
