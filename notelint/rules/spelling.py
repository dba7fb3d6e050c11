"""NL2xx: spelling that knows AWS and machine learning.

Prose only: code spans, fenced code, URLs, paths, file names, instance types,
calls and numbers are never checked.  A word is known when pyspellchecker's
English dictionary, the AWS catalog (every service, operation and shape name
from botocore), notelint's curated lists, the project's ``words`` /
``word-files`` settings or the note's own front matter ``words:`` list has it.
AWS product names are known in any case here: their casing is NL3xx's.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, Callable, Iterator

from notelint.diagnostic import Edit, Finding, Fix, Severity
from notelint.memo import TextMemo
from notelint.note import Block, Kind, Note, Segment
from notelint.rule import Context, FixAvailability, Rule, example, rule
from notelint.spelling.check import MISCASED, MISSPELLED, PROSE_KINDS, UNKNOWN, Problem, Speller, own_words
from notelint.spelling.context import Confusable, Hit, confusions, confusions_in, load_confusables, repeats
from notelint.spelling.tokens import UNSHIFTED, shifted_characters
from notelint.spelling.vocab import build

if TYPE_CHECKING:  # these modules load when their rules first run (NL206, NL203/NL207)
    from notelint.spelling.collocation import Misplaced
    from notelint.spelling.collocation import Model as CollocationModel
    from notelint.spelling.confusion import Confusion, Model
    from notelint.spelling.names import NameFinder
    from notelint.spelling.realword import Reading


def speller(ctx: Context) -> Speller:
    """The run's speller: vocabularies built once and shared by every NL2xx rule."""
    return ctx.shared("spelling.speller", lambda: Speller(build(_catalog(ctx), ctx.settings)))


def _prepare_speller(ctx: Context) -> None:
    """The vocabularies, built before files are read (and timed, and workers forked)."""
    speller(ctx)


def _catalog(ctx: Context):
    """The AWS catalog, or None where botocore is not installed (fewer known words)."""
    try:
        from notelint.aws.catalog import catalog_for

        return catalog_for(ctx)
    except ImportError:
        return None


def _problems(note: Note, ctx: Context, kind: str) -> Iterator[Problem]:
    return (p for p in speller(ctx).problems(note) if p.kind == kind)


def _where(problem: Problem) -> str:
    return f" in '{problem.unit.token}'" if problem.word != problem.unit.token else ""


@rule(
    "NL201",
    "unknown-word",
    Severity.WARNING,
    "A word that no dictionary or word list knows.",
    bad=example("* Build the image from the DocerFile and push it to Amazon ECR.", title="SageMaker notes"),
    good=example("* Build the image from the Dockerfile and push it to Amazon ECR.", title="SageMaker notes"),
    prepare=lambda ctx: _prepare_speller(ctx),
)
def unknown_word(note: Note, ctx: Context) -> Iterator[Finding]:
    """Reported with up to three suggestions: a swap of two letters first,
    then domain words ("Sagemkaer" -> SageMaker), then English words, then
    the two words it may be glued from ("arelegal" -> are legal).

    Parts of identifiers (``decribe_training_job``, ``DocerFile``, a lone word
    in a table cell) are reported only when one edit turns them into a known
    word, since programmers coin names.  ALL-CAPS words of up to five letters
    are acronyms and not checked.  A word that is right: add it to the note's
    front matter ``words:`` list, or to the project's ``words`` or
    ``word-files`` settings.

    A word that English lists barely know and that is one letter from a word
    AWS prose uses far more ("withing", "metics", "choses":
    ``notelint/data/words/rare-words.txt``) is reported too, naming that word,
    when written in lowercase (capitalised, it may be a name: "Livy").

    A word with a stray ``#``, ``<`` or ``>`` glued to its end ("S#", "OS<",
    "MFA>": the shift key held on the key after it) is reported too, with the
    unshifted character suggested, unless the character is markup
    (``<bucket name>``) or part of a name (``C#``)."""
    suggester = speller(ctx).suggester
    rare = speller(ctx).vocab.rare
    for problem in _problems(note, ctx, UNKNOWN):
        nears = rare.get(problem.word.lower())
        if nears and _VERSION_AFTER.match(note.text, problem.end):
            continue  # "cycler—0.10.0": a package with its version, a name
        if nears:
            yield Finding(problem.start, problem.end, _rare(problem, nears), suggestions=nears)
            continue
        yield Finding(
            problem.start,
            problem.end,
            f"unknown word '{problem.word}'{_where(problem)}",
            suggestions=suggester.suggest(problem.word),
        )
    yield from _shifted(note)


# a package's version right after its name: "cycler—0.10.0", "numpy==1.26", "boto3 1.34"
_VERSION_AFTER = re.compile(r"\s*(?:[—–=-]+\s*|\s)v?\d")
# what may follow a word's last character in the source: a space, punctuation, the end
_ENDS_WORD = re.compile(r"[\s.,;:)!?]|$")


def _rare(problem: Problem, nears: tuple[str, ...]) -> str:
    likely = " or ".join(f"'{near}'" for near in nears)
    return f"'{problem.word}' is a word English barely uses{_where(problem)}; AWS prose writes {likely}, one letter away"


def _shifted(note: Note) -> Iterator[Finding]:
    """Words with a stray shifted character glued to their end ("S#", "OS<", "MFA>")."""
    for block, segment, text in _prose(note):
        if "#" not in text and "<" not in text and ">" not in text:
            continue  # (nearly every text: no character a held shift key makes here)
        for hit in shifted_characters(text):
            start, end = block.span(segment.start + hit.start, segment.start + hit.end)
            if note.text[start:end] != hit.written or not _ENDS_WORD.match(note.text, end):
                continue  # markup inside the span, or a code span right after it ("probability>`0.5`")
            line_start = note.text.rfind("\n", 0, start) + 1
            if hit.char == "#" and not note.text[line_start:start].strip() and note.text[end : end + 1] == " ":
                # "B# Amazon Kinesis" on a line of its own: a heading with a stray letter before its '#'
                stray = hit.written[:-1]
                yield Finding(
                    start, end, f"'{hit.written}' starts a line: a heading with a stray '{stray}' before its '#'?", suggestions=("#",)
                )
                continue
            meant = hit.written[:-1] + UNSHIFTED[hit.char]
            yield Finding(
                start,
                end,
                f"'{hit.written}' ends in a stray '{hit.char}': the shift key held for '{UNSHIFTED[hit.char]}'?",
                suggestions=(meant,),
            )


@rule(
    "NL202",
    "misspelled-word",
    Severity.WARNING,
    "A common misspelling with one correct form.",
    bad=example("* A Deployement container reads the model from /opt/ml/model.", title="SageMaker notes"),
    good=example("* A Deployment container reads the model from /opt/ml/model.", title="SageMaker notes"),
    fix=FixAvailability.ALWAYS,
)
def misspelled_word(note: Note, ctx: Context) -> Iterator[Finding]:
    """The curated misspelling map (``notelint/data/words/misspellings.txt``,
    codespell's ``typo->correction`` format) lists misspellings that have
    exactly one correct form.  The fix replaces the word, keeping its case;
    it is safe for a word in prose, and offered as unsafe inside an
    identifier (``decribe_training_job``), which may name something real."""
    suggester = speller(ctx).suggester
    for problem in _problems(note, ctx, MISSPELLED):
        correct = suggester.suggest(problem.word)[0]
        fix = None
        if note.text[problem.start : problem.end] == problem.word:
            safe = not problem.in_identifier
            fix = Fix((Edit(problem.start, problem.end, correct),), f"replace '{problem.word}' with '{correct}'", safe)
        yield Finding(
            problem.start,
            problem.end,
            f"'{problem.word}' is a misspelling of '{correct}'{_where(problem)}",
            suggestions=(correct,),
            fix=fix,
        )


@rule(
    "NL203",
    "name-case",
    Severity.WARNING,
    "A technology name spelled right but with the wrong case.",
    bad=example("* SageMaker has prebuilt containers for Tensorflow and pytorch.", title="SageMaker notes"),
    good=example("* SageMaker has prebuilt containers for TensorFlow and PyTorch.", title="SageMaker notes"),
)
def name_case(note: Note, ctx: Context) -> Iterator[Finding]:
    """Names with a fixed case (``notelint/data/words/casing.txt``:
    TensorFlow, PyTorch, XGBoost, MLlib ...; ``names.txt``: Databricks,
    Kubernetes, and names of several words such as Apache Spark) written
    standalone in prose with another case.  ALL CAPS is accepted; a name
    inside an identifier (``sagemaker-pytorch``) or a lone lowercase list item
    (``* mysql`` in a list of engine values) is not checked; AWS product names
    (SageMaker, QuickSight) are NL3xx's.  A plain name that is also an English
    word ("spark") is left alone, except the few of ``casing-prose.txt``
    (Python, Java ...) that in technical notes always name the technology:
    those are reported when written all in lowercase."""
    vocab = speller(ctx).vocab
    finder = _names(ctx)
    phrases = []
    for block, segment, text in _prose(note):
        for hit in finder.phrase_hits(text):
            start, end = block.span(segment.start + hit.start, segment.start + hit.end)
            phrases.append(Finding(start, end, _miscased(hit.written, hit.name), suggestions=(hit.name,)))
    for problem in _problems(note, ctx, MISCASED):
        if any(f.start <= problem.start < f.end for f in phrases):
            continue  # "spark" of "apache spark": reported as the whole name
        canonical = vocab.canonical_name(problem.word)
        yield Finding(problem.start, problem.end, _miscased(problem.word, canonical), suggestions=(canonical,))
    yield from phrases


def _miscased(written: str, name: str) -> str:
    return f"'{written}' is spelled right but with the wrong case: {name}"


def _names(ctx: Context) -> NameFinder:
    from notelint.spelling.names import NameFinder  # loaded when a rule first needs it, not on every start

    return ctx.shared("spelling.names", lambda: NameFinder(speller(ctx).vocab))


def _prose(note: Note) -> tuple[tuple[Block, Segment, str], ...]:
    """The prose segments of the note with their blocks and texts, images' alt text left out (listed
    once per note: NL201, NL203 and NL207 read them)."""
    return note.cached("spelling.prose", lambda: tuple(
        found for found in _prose_and_alt_text(note) if found[1].kind is not Kind.IMAGE
    ))


def _prose_and_alt_text(note: Note) -> tuple[tuple[Block, Segment, str], ...]:
    """The prose segments of the note with their blocks and texts, images' alt text included (the
    note's blocks walked once: ``_prose`` and NL208/NL209 read them)."""
    return note.cached("spelling.prose-and-alt-text", lambda: tuple(
        (block, segment, text) for block in note.blocks for segment, text in block.iter_segments(*PROSE_KINDS)
    ))


@rule(
    "NL204",
    "repeated-word",
    Severity.WARNING,
    "The same word twice in a row.",
    bad=example("* Firehose can convert from JSON to to Parquet.", title="SageMaker notes"),
    good=example("* Firehose can convert from JSON to Parquet.", title="SageMaker notes"),
    fix=FixAvailability.ALWAYS,
    fix_safe=False,  # "that that", "had had": deleting a word may change the sentence
)
def repeated_word(note: Note, ctx: Context) -> Iterator[Finding]:
    """A doubled word ("to to", "the the") is a slip of editing.  "had had" and
    "that that" are allowed, as is a particle that ends a phrasal verb and
    starts the next phrase ("logged in in order to", "turned on on Monday"),
    and so is a repeat whose second word is
    capitalised (names such as "Walla Walla"), one with markup between the two
    (a bold label followed by its text), and one that is part of a longer
    token (``--token-code code-from-token``).  The fix that deletes the second
    word is offered as unsafe: review it."""
    for block in note.blocks:
        for first, second in repeats(block):
            cut_start = block.span(first.start, first.end)[1]
            start, end = block.span(second.start, second.end)
            if note.text[cut_start:start].strip():
                continue  # markup between the two ("**parameter store**\nstore ..."): a label, not a slip
            fix = Fix((Edit(cut_start, end, ""),), f"delete the second '{second.text}'", safe=False)
            yield Finding(start, end, f"'{second.text}' is repeated", fix=fix)


def _confusables(ctx: Context) -> tuple[Confusable, ...]:
    return ctx.shared("spelling.confusables", load_confusables)


def _confusions_by_text(ctx: Context) -> TextMemo[tuple[tuple[Hit, Confusable], ...]]:
    """``confusions_in`` the shipped confusables, kept by text (an editor's re-check
    meets the same prose again: every pattern is searched only in text that changed)."""
    entries = _confusables(ctx)
    return ctx.shared("spelling.confusions-by-text", lambda: TextMemo(lambda text: tuple(confusions_in(text, entries))))


@rule(
    "NL205",
    "confusable-word",
    Severity.INFO,
    "A real word where the context makes another near-certain.",
    bad=example("* The probability of a person contacting a disease is Binomial.", title="SageMaker notes"),
    good=example("* The probability of a person contracting a disease is Binomial.", title="SageMaker notes"),
)
def confusable_word(note: Note, ctx: Context) -> Iterator[Finding]:
    """No spell checker sees these: every word is a real word.  A short list
    (``notelint/data/words/confusables.yaml``) pairs each with the context that
    gives it away: "contacting a disease", "mango DB", a sentence that starts
    "similarity when", "U pay", "on-premise"."""
    entries = _confusables(ctx)
    found_in = _confusions_by_text(ctx)
    for block in note.blocks:
        for hit, entry in confusions(block, entries, found_in):
            start, end = block.span(hit.start, hit.end)
            correct = entry.correct
            if hit.text[:1].isupper() and correct[:1].islower():
                correct = correct[:1].upper() + correct[1:]
            yield Finding(start, end, f"'{hit.text}' where '{correct}' fits: {entry.why}", suggestions=(correct,))


def _confusion_model(ctx: Context) -> Model:
    """The confusion sets and counts, read once per run, when the rule first runs
    (the module too: a run answered from the result cache never imports it)."""
    from notelint.spelling.confusion import load

    return ctx.shared("spelling.confusion", load)


@rule(
    "NL206",
    "confused-word",
    Severity.INFO,
    "A real word where its neighbours make a similar word far more likely.",
    bad=example("* If the instance stops, you may loose the data on its instance store.", title="EC2 notes"),
    good=example("* If the instance stops, you may lose the data on its instance store.", title="EC2 notes"),
    fix=FixAvailability.ALWAYS,
    fix_safe=False,  # counts make a word likely, not certain
)
def confused_word(note: Note, ctx: Context) -> Iterator[Finding]:
    """No spell checker sees these: every word is a real word.  A word of a
    confusion set (``notelint/data/words/confusion-sets.txt``: loose/lose,
    than/then, affect/effect, lead/led ..., plus rare words one edit from a
    far more frequent one: wether/whether, planing/planning) is compared
    with the rest of its set in its context, the word before and the word
    after it, using bigram counts of general English and of AWS prose
    (``context-counts.tsv``).  Reported only when another word of the set is
    far more likely there and the words as written are never seen side by
    side; the message names the neighbour that gives it away.  The fix is
    offered as unsafe: the counts make a word likely, not certain.  A word in
    the note's ``words:`` or in its code spans is left alone, as is a rare
    word that notelint's domain words know (botocore's names: "decider"),
    and a span NL205 already reports.  "it's" before a word that AWS prose
    writes only after the possessive "its" (``its-words.txt``, from botocore's
    documentation: "it's target value") is reported as "its", unless the next
    word makes it "it is" ("it's new to")."""
    skip = own_words(note)
    domain = speller(ctx).vocab.is_domain
    rare = speller(ctx).vocab.rare
    taken = _reported_spans(confusable_word, note, ctx)
    found_in = _confused_by_text(ctx)
    for block in note.blocks:
        for segment, text in block.iter_segments(*PROSE_KINDS):
            confused, slips = found_in(text)
            # ``confused(text, model, skip)``: the note's own words are left out after the fact
            for hit in chain((c for c in confused if c.written not in skip), slips):
                start, end = block.span(segment.start + hit.start, segment.start + hit.end)
                if (start, end) in taken or note.text[start:end] != hit.written or (hit.generated and domain(hit.written)):
                    continue  # NL205's, or a rare word that AWS itself uses ("decider")
                if hit.written in rare:
                    continue  # NL201 reports it ("withing")
                yield _likely_word_finding(start, end, hit.written, (hit.likely,),
                                           f"'{hit.written}' where '{hit.likely}' is expected {_because(hit)}")


@rule(
    "NL207",
    "split-name",
    Severity.WARNING,
    "A technology name split in two, or two names run together.",
    bad=example("* SageMaker has prebuilt containers for Py Torch and Java Script.", title="SageMaker notes"),
    good=example("* SageMaker has prebuilt containers for PyTorch and JavaScript.", title="SageMaker notes"),
    fix=FixAvailability.SOMETIMES,
)
def split_name(note: Note, ctx: Context) -> Iterator[Finding]:
    """Each half of "Py Torch" is a fine word (or a short unknown one), so no
    spell checker sees it; joined, the two are a name of ``casing.txt`` or
    ``names.txt``.  Reported when the second word starts with a capital, as
    the name's own inner capital does ("tensor flow" in lowercase may be two
    words), when the joined letters are the name or one edit from it ("Py
    Troch"; only with a half that no list knows and a name of six letters or
    more), and when one word is a name of two ("DockerHub" -> Docker Hub).
    The fix, safe, is offered only when the letters are the name's; one edit
    away it is a suggestion.  AWS product names split in two ("Sage Maker")
    are NL3xx's."""
    finder = _names(ctx)
    for block, segment, text in _prose(note):
        for hit in finder.spacing_hits(text):
            start, end = block.span(segment.start + hit.start, segment.start + hit.end)
            if note.text[start:end] != hit.written:
                continue  # markup between the words
            how = "is one name" if " " in hit.written else "is two words"
            fix = Fix((Edit(start, end, hit.name),), f"replace '{hit.written}' with '{hit.name}'", True) if hit.exact else None
            yield Finding(start, end, f"'{hit.written}' {how}: {hit.name}", suggestions=(hit.name,), fix=fix)


def _confused_by_text(ctx: Context) -> TextMemo[tuple[tuple[Confusion, ...], tuple[Confusion, ...]]]:
    """The confused words and the "it's" slips of a text, kept by text (an editor's re-check)."""
    from notelint.spelling.confusion import confused, its_words, possessive_slips

    model = _confusion_model(ctx)
    nouns = ctx.shared("spelling.its", its_words)
    return ctx.shared("spelling.confused-by-text", lambda: TextMemo(
        lambda text: (tuple(confused(text, model)), tuple(possessive_slips(text, nouns)))))


def _because(hit: Confusion) -> str:
    if hit.before and hit.after:
        return f"between '{hit.before}' and '{hit.after}'"
    return f"after '{hit.before}'" if hit.before else f"before '{hit.after}'"


def _collocation_model(ctx: Context) -> CollocationModel:
    """AWS prose counts, read once per run when the rule first runs (2 MB; the module too)."""
    from notelint.spelling.collocation import load

    return ctx.shared("spelling.collocation", load)


@rule(
    "NL208",
    "out-of-place-word",
    Severity.INFO,
    "A real word where AWS prose puts a similar word between the same neighbours.",
    bad=example("* With provisioned capability mode you set the reads and writes per second.", title="DynamoDB notes"),
    good=example("* With provisioned capacity mode you set the reads and writes per second.", title="DynamoDB notes"),
    fix=FixAvailability.ALWAYS,
    fix_safe=False,  # counts make a word likely, not certain
    prepare=lambda ctx: _collocation_model(ctx).load_for_many_notes() if ctx.many_notes else None,
)
def out_of_place_word(note: Note, ctx: Context) -> Iterator[Finding]:
    """Every word is a real word, and no list of confusable pairs knows
    these: they are slips that AWS prose itself gives away ("streaming bit
    data", "provisioned capability mode", "relevant tuning", "stored ion
    SSD").  A lowercase word that AWS prose (botocore's documentation and the
    AWS Glue guide: ``aws-bigrams.tsv``, counts only) never writes beside
    either neighbour is compared with the frequent AWS words one edit from it
    (or a few edits, with the same first letters); it is reported when one of
    them is seen beside those neighbours and the counts make it far more
    likely there.  The message names the neighbours; the fix is offered as
    unsafe.  Words in the note's ``words:``, its code spans, the project's
    words and domain names are left alone, as are spans NL205 and NL206
    report."""
    vocab = speller(ctx).vocab
    own = own_words(note)
    taken: frozenset[tuple[int, int]] | None = None  # NL205's and NL206's spans, found only once NL208 has a hit

    def skip(word: str) -> bool:
        # the note's own words, notelint's and AWS's names ("asg"), and words NL201 reports ("withing")
        return word in own or vocab.is_jargon(word) or word in vocab.rare or not vocab.knows(word)

    model = _collocation_model(ctx)
    read = _real_word_readings(ctx)
    for text, span in _real_word_prose(note):
        # skip judges the word alone, so it is applied after the memo
        for hit in (hit for hit in read(text).misplaced(model) if not skip(hit.written)):
            start, end = span(hit.start, hit.end)
            if taken is None:
                taken = _reported_spans(confusable_word, note, ctx) | _reported_spans(confused_word, note, ctx)
            if (start, end) in taken or note.text[start:end] != hit.written:
                continue
            yield _likely_word_finding(start, end, hit.written, hit.likely,
                                       f"'{hit.written}' where AWS prose writes '{hit.likely[0]}' {_beside(hit)}")


def _reported_spans(reporter: Rule, note: Note, ctx: Context) -> frozenset[tuple[int, int]]:
    """The spans another NL2 rule reports in the note, which a later rule leaves to it (kept per note:
    NL206 asks NL205's of every note, NL208 and NL209 ask again when they have a hit)."""
    return note.cached(f"spelling.reported-spans.{reporter.code}",
                       lambda: frozenset((f.start, f.end) for f in reporter.check(note, ctx)))


def _likely_word_finding(start: int, end: int, written: str, likely: tuple[str, ...], message: str) -> Finding:
    """A real word where the context makes another likely (NL206, NL208, NL209): the likeliest as an unsafe
    fix, since context makes a word likely, not certain."""
    return Finding(
        start, end, message, suggestions=likely,
        fix=Fix((Edit(start, end, likely[0]),), f"replace '{written}' with '{likely[0]}'", safe=False),
    )


def _real_word_prose(note: Note) -> tuple[tuple[str, Callable[[int, int], tuple[int, int]]], ...]:
    """The prose NL208 and NL209 read, each text with a map from its offsets to the note's: the prose
    segments, and the ``<li>`` items of raw HTML blocks (notes written for a web page keep lists in
    HTML, and the claim rules read them too), a code element in them cut out.  Built once per note
    (a guide page's HTML items are cut out a character at a time)."""
    return note.cached("spelling.real-word-prose", lambda: tuple(_each_real_word_prose(note)))


def _each_real_word_prose(note: Note) -> Iterator[tuple[str, Callable[[int, int], tuple[int, int]]]]:
    from notelint.htmltext import list_items

    for block, segment, text in _prose_and_alt_text(note):
        yield text, partial(_block_span, block, segment.start)
    for item in list_items(note, cut_code=" | "):
        yield item.text, item.span


def _block_span(block: Block, offset: int, i: int, j: int) -> tuple[int, int]:
    return block.span(offset + i, offset + j)


# texts whose readings a process keeps: a run over the SageMaker guide reads 4 % fewer texts than
# with 4,096 (the memo's default) and all but 5 % of those it would with no limit (~3 MB kept)
READINGS_KEPT = 16_384


def _real_word_readings(ctx: Context) -> TextMemo[Reading]:
    """What NL208 and NL209 find in a text, whatever the note and the project's words, kept by
    text (a guide repeats a text in one page out of two; an editor's re-check meets the same prose
    again)."""
    from notelint.spelling.realword import Reading

    return ctx.shared("spelling.real-word-readings", lambda: TextMemo(Reading, READINGS_KEPT))


def _beside(hit: Misplaced) -> str:
    if hit.before and hit.after:
        return f"between '{hit.before}' and '{hit.after}'"
    return f"after '{hit.before}'" if hit.before else f"before '{hit.after}'"


@rule(
    "NL209",
    "grammar-slip",
    Severity.INFO,
    "A real word that the grammar around it rules out, where a similar word fits.",
    bad=example("* Update the agent by downloading an installing the new version.", title="EC2 notes"),
    good=example("* Update the agent by downloading and installing the new version.", title="EC2 notes"),
    fix=FixAvailability.ALWAYS,
    fix_safe=False,  # the pattern makes a word likely, not certain
)
def grammar_slip(note: Note, ctx: Context) -> Iterator[Finding]:
    """Every word is a real word, but the words around it rule it out:
    "an" before a verb's -ing form that takes an object or follows another
    ("downloading an installing the agent" -> and), "better of" after anything
    but a determiner ("you are better of using" -> better off; "it is better
    of each shard" -> better if; "the better of the two" passes), and a verb
    in a noun's place between a determiner and "of" where a frequent noun a
    letter or two away fits ("monitor the heal of the cluster" -> health),
    and an adjective in -ent or -ant as the subject of "the ... is that"
    ("the resilient is that" -> resilience), a verb's -ed form between
    a determiner and "based" ("a tagged based policy" -> tag), a verb's
    -s form as the object of a modal's verb ("you can export analyzes" ->
    analyses), a past form where a modal takes the plain verb ("can
    spent" -> spend), and an -ed form in a passive frame that AWS prose
    fills with a verb one edit away ("can be prompted to be" -> promoted).
    The ``<li>`` items of raw HTML blocks are read too.
    The -ing form and the verb are judged by the counts of NL208
    (``aws-bigrams.tsv``): a word that AWS prose or English writes after an
    article is a noun or an adjective too, and passes.  The fix, the first
    suggestion, is offered as unsafe; spans NL205, NL206 and NL208 report,
    and the note's own words, are left alone."""
    own = own_words(note)
    taken: frozenset[tuple[int, int]] | None = None
    model = _collocation_model(ctx)
    read = _real_word_readings(ctx)
    for text, span in _real_word_prose(note):
        for hit in read(text).slips(model):
            if hit.written in own:
                continue
            start, end = span(hit.start, hit.end)
            if note.text[start:end] != hit.written:
                continue
            if taken is None:
                taken = (_reported_spans(confusable_word, note, ctx) | _reported_spans(confused_word, note, ctx)
                         | _reported_spans(out_of_place_word, note, ctx))
            if (start, end) in taken:
                continue
            yield _likely_word_finding(start, end, hit.written, hit.likely, f"'{hit.written}' {hit.why}: '{hit.likely[0]}'?")


RULES = (
    unknown_word, misspelled_word, name_case, repeated_word, confusable_word, confused_word, split_name, out_of_place_word,
    grammar_slip,
)
