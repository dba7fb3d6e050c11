"""Domain-aware spelling for the NL2xx rules.

tokens (prose words and identifiers) -> vocab (English, AWS catalog, curated
and project words) -> check (a verdict per word, cached per run) -> suggest
(corrections, domain first); context holds the repeated-word and confusable
checks.  ``notelint.rules.spelling`` turns all of it into findings.
"""
