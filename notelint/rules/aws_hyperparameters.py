"""NL45x: hyperparameters of SageMaker's built-in algorithms and their values.

The names come from the hyperparameter tables of the Amazon SageMaker
Developer Guide (``scripts/sagemaker_hyperparameters.py``).  A section is
about an algorithm when one of its headings names exactly one built-in
algorithm ("### Sequence-to-Sequence (Seq2Seq)"); the snake_case names in
its code spans are then read as that algorithm's hyperparameters.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from notelint import suggest
from notelint.aws.text import runs
from notelint.diagnostic import Finding, Severity
from notelint.note import Note
from notelint.rule import Context, example, rule

if TYPE_CHECKING:  # the data module loads when a note has a snake_case code span, not on every start
    from notelint.aws.hyperparameters import Algorithm, Algorithms

# a whole code span that is one snake_case name: `rnn_type`, `enc0_network`
_SNAKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
# how close an unknown name must be to a real one to be read as a mistyped hyperparameter
_CUTOFF = 0.75


@rule(
    "NL450",
    "unknown-hyperparameter",
    Severity.WARNING,
    "A section about a SageMaker built-in algorithm names a hyperparameter it does not have.",
    bad=example("## Sequence-to-Sequence\n\n* `rnn_type`: lstm or gru", title="Algorithms"),
    good=example("## Sequence-to-Sequence\n\n* `rnn_cell_type`: lstm or gru", title="Algorithms"),
)
def unknown_hyperparameter(note: Note, ctx: Context) -> Iterator[Finding]:
    """In a section whose heading names one built-in algorithm (XGBoost,
    Object2Vec, Seq2Seq, k-NN ...), a code span holding a snake_case name
    that no built-in algorithm takes, and that is close to one this
    algorithm takes, is reported with the real name: ``rnn_type`` for
    Seq2Seq's ``rnn_cell_type``, ``enc2_network`` for Object2Vec's
    ``enc0_network``.  Names far from every hyperparameter (a metric, a
    channel, a variable) are left alone, as are the values the guide lists."""
    about: dict[tuple[str, ...], Algorithm | None] = {}
    for run in runs(note, prose=False):
        name = run.text.strip()
        if not _SNAKE.fullmatch(name):
            continue
        from notelint.aws.hyperparameters import algorithms_for

        algorithms = algorithms_for(ctx)  # loaded only for a note with snake_case code spans
        if name in algorithms.all_hyperparameters or name in algorithms.all_values:
            continue
        if run.headings not in about:
            about[run.headings] = _algorithm_of(run.headings, algorithms)
        algorithm = about[run.headings]
        if algorithm is None:
            continue
        close = suggest.close(name, algorithm.hyperparameters, cutoff=_CUTOFF)
        if not close:
            continue
        start, end = run.span(0, len(run.text))
        message = f"'{name}' is not a hyperparameter of SageMaker's {algorithm.name} algorithm ({algorithm.source})"
        yield suggest.finding(start, end, message, close, {"source": algorithm.source})


# three or more lowercase names in a row, as a list: "pooled_embedding, hcnn, bilstm or attentional_bilstm"
_VALUE_LIST = re.compile(
    r"(?<![\w.])[a-z][a-z0-9_]*(?:[ \t]*(?:,|/|\bor\b|\band\b)[ \t]*(?:(?:or|and)[ \t]+)?[a-z][a-z0-9_]*){2,}(?![\w.(])"
)
_LIST_ITEM = re.compile(r"(?<![\w.])[a-z][a-z0-9_]*(?![\w.])")


@rule(
    "NL451",
    "unknown-hyperparameter-value",
    Severity.WARNING,
    "A list of a SageMaker built-in algorithm's hyperparameter values holds one it does not take.",
    bad=example("## Object2Vec\n\n* encoders: pooled_embedding, hcnn, bilstm, attentional_bilstm", title="Algorithms"),
    good=example("## Object2Vec\n\n* encoders: pooled_embedding, hcnn, bilstm", title="Algorithms"),
)
def unknown_hyperparameter_value(note: Note, ctx: Context) -> Iterator[Finding]:
    """In a section whose heading names one built-in algorithm, a list of
    values ("pooled_embedding, hcnn, bilstm, attentional_bilstm") in which
    at least two are values the guide lists for that algorithm's
    hyperparameters and another, a snake_case name, is not a value or a
    hyperparameter of any built-in algorithm: the writer has the enum wrong.
    Lists of other words, and plain words (which may be prose), are left alone."""
    about: dict[tuple[str, ...], Algorithm | None] = {}
    seen: set[int] = set()
    for run in runs(note):
        if id(run.block_text) in seen or "_" not in run.block_text:
            continue
        seen.add(id(run.block_text))  # the runs of one block share its text: read it once
        for listed in _VALUE_LIST.finditer(run.block_text):
            items = list(_LIST_ITEM.finditer(listed.group()))
            from notelint.aws.hyperparameters import algorithms_for

            algorithms = algorithms_for(ctx)
            if run.headings not in about:
                about[run.headings] = _algorithm_of(run.headings, algorithms)
            algorithm = about[run.headings]
            if algorithm is None:
                continue
            known = [item.group() for item in items if item.group() in algorithm.values]
            if len(known) < 2:
                continue
            for item in items:
                value = item.group()
                if "_" not in value or value in algorithms.all_values or value in algorithms.all_hyperparameters:
                    continue
                close = suggest.close(value, algorithm.values, cutoff=0.6) or tuple(known[:3])
                at = listed.start() + item.start() - run.offset
                start, end = run.span(at, at + len(value))
                message = f"'{value}' is not a value of SageMaker's {algorithm.name} hyperparameters ({algorithm.source})"
                yield suggest.finding(start, end, message, close, {"source": algorithm.source})


def _algorithm_of(headings: tuple[str, ...], algorithms: Algorithms) -> Algorithm | None:
    """The algorithm named by the nearest heading that names one (None if it names several)."""
    for heading in reversed(headings):
        named = algorithms.named_in(heading)
        if named:
            return named[0] if len(named) == 1 else None
    return None


RULES = (unknown_hyperparameter, unknown_hyperparameter_value)
