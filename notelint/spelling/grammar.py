"""Real words that the grammar around them rules out (NL209): "uploading an applying lexicons".

Eight patterns in the spirit of LanguageTool's, each right in general English
and each checked against counts before it speaks (the counts of NL208,
``aws-bigrams.tsv``: AWS prose and symspellpy's general English; the passive
frame has counts of its own, ``aws-passive-frames.tsv``):

* ``an`` before a verb's -ing form that neither AWS prose nor English writes
  after an article, with a sign of two verbs joined: another -ing form before
  ``an``, or an object after ("uploading an applying lexicons" -> "and
  applying"; "an existing", "an offering" are written after articles, and
  "from an integrating service" shows no verb, so they pass);
* ``better of`` after anything but a determiner ("it is better of each ..."
  -> "better if", "you are better of using" -> "better off"; "the better of
  the two" passes);
* a word in a noun's place, between a determiner and ``of``, that neither
  source ever writes after an article while English writes it after ``to``
  (a verb), where a frequent noun one or two edits away makes both set
  phrases of AWS prose ("the heal of our streams" -> "the health of");
* an adjective in -ent or -ant as the subject of "the ... is that", which
  neither source writes after "the", where its noun in -ence or -ance is
  written after "the" ("the inconvenient is that" -> "the inconvenience");
* a verb's -ed form between a determiner and ``based``, which neither source
  writes before "based", where the noun it is made from is written after an
  article ("a paged based view" -> "a page based view": an -based compound
  is made with a noun);
* a verb's -s form as the object of a modal's verb ("you can export
  analyzes" -> analyses, "you can reduce affects" -> effects): a word that
  neither source writes after an article and that one of them writes after
  "it", "that" or "which" (a verb, no noun), where a noun in -s one edit
  away, which AWS prose uses, is written after an article and is at least
  as frequent;
* a verb's past form where a modal takes the plain verb ("the pool can spent
  up to 3,000" -> spend): a word written after "have", "has" or "had" and
  never after "to" or a modal, where a verb one edit away is written after
  both; the edit must be one that makes an irregular past form (a vowel,
  or a final t: held/hold, lost/lose, spent/spend);
* a verb's -ed form in a passive frame "be ... to <verb>" that AWS prose
  never fills with that verb though it writes the -ed form there at least
  three times with others, where a frequent -ed form one edit away fills it
  at least three times ("read replicas can be prompted to be the primary" ->
  promoted; counted in ``aws-passive-frames.tsv``, since "be prompted" and
  "prompted to" are both common and only the word after "to" tells).

Only lowercase words of one run of prose are read (``collocation.lowered_runs``).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from typing import Collection, Iterable, Iterator, NamedTuple, Sequence

from notelint.shipped import data_text
from notelint.spelling.collocation import (
    FUNCTION_WORDS, MIN_CANDIDATE, MIN_LETTERS, MIN_RATIO, MIN_STRONG, Model, Run, inflected, lowered_runs,
)
from notelint.spelling.suggest import distance, edits1

ARTICLES = ("a", "an", "the")
# determiners that open a noun phrase whose noun the next word must be
DETERMINERS = frozenset(("the", "a", "an", "this", "its", "our", "your", "their"))
# what may come before "better of" when "of" is right: "the better of the two", "got the better of him"
BEFORE_BETTER_OF = frozenset(("the", "a", "an", "any", "no"))
# "better of late": the idiom "of late" (recently)
AFTER_BETTER_OF = frozenset(("late",))
# words after "better of" that start a clause ("better if each player ..."), not a participle ("better off using")
CLAUSE_STARTS = frozenset(
    "each every all the a an this that these those it its you we they he she i there some any one your our their".split()
)
MIN_VERB_USES = 5000  # thousands of uses in general English under which an -ing form's absence after articles says nothing
MIN_ING_LETTERS = 6
NOUN_SLOT_FOLLOWERS = ("of",)  # measured: "for" let "An assert for errors" (code named as a noun) through
MAX_NOUN_EDITS = 2
MAX_SUGGESTIONS = 3
MIN_PARTICIPLE_LETTERS = 5
ADJECTIVE_ENDINGS = ("ent", "ant")  # adjectives whose noun ends in -ence, -ance: inconvenient, important
MODALS = frozenset("can could may might will would shall should must".split())
# adverbs that may stand between a modal and its verb ("can also export"); any word in -ly too
MODAL_ADVERBS = frozenset("also then still now only even just always never first often".split())
# words whose verb form follows them as a subject: a word written after one of these is a verb's -s form
SUBJECTS = ("it", "that", "which")
PERFECT = ("have", "has", "had")  # a word written after these is a past participle
BE_FORMS = frozenset("be is are was were been being".split())
PASSIVE_FRAMES_FILE = "aws-passive-frames.tsv"
VERB_FUNCTION_WORDS = frozenset(("be", "have", "do"))  # function words that are verbs: "to be" is an infinitive
MIN_FRAME = 3  # uses of "be <verb>-ed to <word>" in AWS prose for a verb to fill that frame
VOWELS = frozenset("aeiou")  # the letters an irregular past form changes (held/hold, ran/run)
MIN_VERB_FORM_LETTERS = 5


class Slip(NamedTuple):
    """A word the grammar rules out, the words that fit, and why."""

    start: int
    end: int
    written: str
    likely: tuple[str, ...]
    why: str


def _never_after_article(model: Model, word: str) -> bool:
    return not any(model.pair(article, word) or model.general_pair(article, word) for article in ARTICLES)


def _article_before_verb(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """``an`` at ``index`` before an -ing form that no article precedes in either source: "and"."""
    if index + 1 >= len(words) or index == 0:
        return ()
    verb = words[index + 1]
    if not verb.endswith("ing") or len(verb) < MIN_ING_LETTERS or model.general(verb) < MIN_VERB_USES:
        return ()
    if not _never_after_article(model, verb):
        return ()  # "an existing cluster", "an offering": English writes it after an article
    if not (model.pair("and", verb) or model.general_pair("and", verb)):
        return ()  # "and" is never seen before it either
    object_next = index + 2 < len(words) and words[index + 2] in DETERMINERS
    if not (words[index - 1].endswith("ing") or object_next):
        return ()  # no sign of a verb: "from an integrating AI service" may be an adjective
    return ("and",)


def _better_of(words: Sequence[str], index: int) -> tuple[str, ...]:
    """``of`` at ``index`` after ``better``, where a determiner would make it "the better of"."""
    if index < 2 or words[index - 1] != "better" or words[index - 2] in BEFORE_BETTER_OF:
        return ()
    after = words[index + 1] if index + 1 < len(words) else None
    if after in AFTER_BETTER_OF:
        return ()
    if after is not None and after in CLAUSE_STARTS:
        return ("if", "off")
    return ("off", "if")


def _noun_slot(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """A word between a determiner and ``of`` that English uses as a verb and never after an article,
    where a frequent AWS noun a letter or two away makes set phrases with both neighbours."""
    if index == 0 or index + 1 >= len(words):
        return ()
    word, before, after = words[index], words[index - 1], words[index + 1]
    if before not in DETERMINERS or after not in NOUN_SLOT_FOLLOWERS or word in FUNCTION_WORDS:
        return ()
    if model.count(word) or not model.general(word):
        return ()  # AWS prose writes it (so its counts would speak for it), or English does not know it
    if not (model.general_pair("to", word) or model.pair("to", word)) or not _never_after_article(model, word):
        return ()  # not a verb, or a noun too
    if model.pair(word, after) or model.general_pair(word, after) or model.pair(before, word):
        return ()
    near, group = model.candidates(word)
    found = []
    own = model.chain(word, before, after)
    for noun in (*near, *group):
        if noun in FUNCTION_WORDS or inflected(word, noun) or distance(word, noun, MAX_NOUN_EDITS) > MAX_NOUN_EDITS:
            continue
        if model.pair(before, noun) < MIN_STRONG or model.pair(noun, after) < MIN_STRONG:
            continue
        if not model.general_pair(noun, after):
            continue  # English does not make it a phrase either
        ratio = model.chain(noun, before, after) / own
        if ratio >= MIN_RATIO:
            found.append((ratio, noun))
    return tuple(noun for _, noun in sorted(found, reverse=True)[:MAX_SUGGESTIONS])


def _adjective_as_subject(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """An adjective in -ent or -ant as the subject of "the ... is that", where its noun in -ence or -ance
    is meant ("the inconvenient is that" -> inconvenience)."""
    if index == 0 or words[index - 1] != "the" or tuple(words[index + 1 : index + 3]) not in (("is", "that"), ("was", "that")):
        return ()
    word = words[index]
    if not word.endswith(ADJECTIVE_ENDINGS) or not _never_after_article(model, word):
        return ()  # a noun ("the incident is that"), or an adjective English writes as a noun ("the relevant")
    noun = word[:-1] + "ce"
    if not (model.general_pair("the", noun) or model.pair("the", noun)):
        return ()  # no such noun, or one English never writes after "the"
    return (noun,)


def _participle_before_based(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """A verb's -ed form between a determiner and "based", where the noun it is made from is meant: an
    "-based" compound is made with a noun ("a paged based view" -> "a page based view")."""
    if index == 0 or index + 1 >= len(words) or words[index - 1] not in DETERMINERS or words[index + 1] != "based":
        return ()
    word = words[index]
    if not word.endswith("ed") or word.endswith("eed") or len(word) < MIN_PARTICIPLE_LETTERS:
        return ()  # "the seed based", "a speed based": nouns in -eed, no -ed forms
    if model.pair(word, "based") or model.general_pair(word, "based"):
        return ()  # AWS prose or English writes it before "based"
    stems = (word[:-1], word[:-2], word[:-3] if word[-3:-2] == word[-4:-3] else word[:-2])
    for noun in dict.fromkeys(stems):  # "paged" -> page, "indexed" -> index, "tagged" -> tag
        if any(model.pair(article, noun) or model.general_pair(article, noun) for article in ARTICLES):
            return (noun,)
    return ()


def _follows_modal(words: Sequence[str], index: int) -> bool:
    """``words[index]`` is the verb slot of a modal: right after it, or after it and an adverb ("can
    export", "can also export"); the word itself no adverb."""
    word = words[index]
    if index < 1 or word in FUNCTION_WORDS or word in MODAL_ADVERBS or word.endswith("ly"):
        return False  # "can be", "can also", "can easily": no verb yet
    before = words[index - 1]
    if before in MODALS:
        return True
    return (before in MODAL_ADVERBS or before.endswith("ly")) and index >= 2 and words[index - 2] in MODALS


def _modal_verb_before(words: Sequence[str], index: int) -> str | None:
    """The verb at ``index - 1`` when it stands in a modal's verb slot; else None."""
    return words[index - 1] if index >= 1 and _follows_modal(words, index - 1) else None


def _after_modal_in_counts(model: Model, word: str) -> bool:
    return any(model.pair(modal, word) or model.general_pair(modal, word) for modal in MODALS)


def _past_form_after_modal(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """A verb's past form in a modal's verb slot, where the plain verb one edit away is meant ("the pool
    can spent up to 3,000" -> spend): a modal takes the plain form."""
    word = words[index]
    if len(word) < MIN_LETTERS or not _follows_modal(words, index):
        return ()
    if model.pair("to", word) or model.general_pair("to", word) or _after_modal_in_counts(model, word):
        return ()  # a plain verb too ("can set"), or written after a modal all the same
    if not any(model.pair(have, word) or model.general_pair(have, word) for have in PERFECT):
        return ()  # no sign of a past participle ("can tail logs", "can hover": verbs the counts barely know)
    found = []
    for verb in edits1(word):
        if verb in FUNCTION_WORDS or inflected(word, verb) or model.count(verb) < MIN_CANDIDATE:
            continue
        if not _plain_of_past(word, verb):
            continue
        if (model.pair("to", verb) or model.general_pair("to", verb)) and _after_modal_in_counts(model, verb):
            # likeliest first: the verb English writes most after a modal ("can lost": lose before last, list)
            found.append((sum(model.general_pair(modal, verb) for modal in MODALS), model.count(verb), verb))
    return tuple(verb for *_, verb in sorted(found, reverse=True)[:MAX_SUGGESTIONS])


def _plain_of_past(past: str, verb: str) -> bool:
    """``verb`` may be the plain form of the one-edit ``past`` as English's irregular verbs make them: a
    vowel changed, added or dropped (held/hold, ran/run, led/lead), or a final t made d or e, or dropped
    (spent/spend, lost/lose, meant/mean).  Any other edit (held/help) is a different verb."""
    if past.endswith("t") and verb in (past[:-1] + "d", past[:-1] + "e", past[:-1]):
        return True
    if len(past) == len(verb):
        changed = [(a, b) for a, b in zip(past, verb) if a != b]
        return len(changed) == 1 and changed[0][0] in VOWELS and changed[0][1] in VOWELS
    short, long = sorted((past, verb), key=len)
    return any(long[:i] + long[i + 1 :] == short and long[i] in VOWELS for i in range(len(long)))


def _verb_form_as_object(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """A verb's -s form as the object of the verb after a modal, where a plural noun one edit away is
    meant ("you can also export analyzes from a visual" -> analyses)."""
    word = words[index]
    if not word.endswith("s") or len(word) < MIN_VERB_FORM_LETTERS or word in FUNCTION_WORDS:
        return ()
    verb = _modal_verb_before(words, index)
    if verb is None or not (model.pair("to", verb) or model.general_pair("to", verb)):
        return ()  # no modal and verb before it, or the word before is not a verb English writes after "to"
    if model.pair(verb, word) or model.general_pair(verb, word) or not _never_after_article(model, word):
        return ()  # written as that verb's object, or a noun too ("can run tests")
    if not any(model.pair(subject, word) or model.general_pair(subject, word) for subject in SUBJECTS):
        return ()  # no sign that it is a verb's -s form
    own = model.prior(word)
    found = []
    for noun in edits1(word):
        if not noun.endswith("s") or inflected(word, noun) or noun in FUNCTION_WORDS:
            continue
        if not model.count(noun) or _never_after_article(model, noun):
            continue  # a word AWS prose never writes ("avoid loses": roses), or never written as a noun
        if model.prior(noun) >= own:
            found.append((model.prior(noun), noun))
    return tuple(noun for _, noun in sorted(found, reverse=True)[:MAX_SUGGESTIONS])


@lru_cache(maxsize=1)
def passive_frames() -> dict[str, dict[str, int]]:
    """For each -ed form, the words AWS prose writes after "be <it> to" and how often
    (``aws-passive-frames.tsv``, ``scripts/build_aws_passive_frames.py``; read when a frame is first met)."""
    frames: dict[str, dict[str, int]] = {}
    for line in data_text("words", PASSIVE_FRAMES_FILE).splitlines():
        if line and not line.startswith("#"):
            word, _, after = line.split("\t")
            frames[word] = {w: int(c) for w, _, c in (item.rpartition(":") for item in after.split())}
    return frames


def _participle_in_passive_frame(model: Model, words: Sequence[str], index: int) -> tuple[str, ...]:
    """A verb's -ed form in "be ... to <verb>" that AWS prose never writes there, where a verb one edit
    away fills the frame ``MIN_FRAME`` times ("read replicas can be prompted to be ..." -> promoted).
    Only an infinitive after "to" is judged ("be", or a word written after a modal), and only a word AWS
    prose writes in the frame ``MIN_FRAME`` times with other verbs ("be prompted to choose", never "to be")."""
    word = words[index]
    if index == 0 or index + 2 >= len(words) or words[index - 1] not in BE_FORMS or words[index + 1] != "to":
        return ()
    if not word.endswith("ed") or word in FUNCTION_WORDS:
        return ()
    after = words[index + 2]
    if not (after in VERB_FUNCTION_WORDS or after not in FUNCTION_WORDS and _after_modal_in_counts(model, after)):
        return ()  # "to" before a noun phrase ("is filled to the top"): any verb of motion fits; judged only "to" + verb
    frames = passive_frames()
    own = frames.get(word, {})
    if own.get(after) or sum(own.values()) < MIN_FRAME:
        return ()  # AWS prose writes it so, or too seldom in the frame to say what follows it ("is assured to")
    near, _ = model.candidates(word)
    found = sorted(
        ((frames.get(verb, {}).get(after, 0), verb) for verb in near if verb.endswith("ed")), reverse=True
    )
    return tuple(verb for count, verb in found[:MAX_SUGGESTIONS] if count >= MIN_FRAME)


# the words after a word that the patterns other than the modal ones look for: "based", "is"/"was" (that),
# "of" (a noun's slot and "better of"), "to" (a passive frame, after a form of "be"); most words are
# followed by none, and are passed over without asking each pattern
_TELLING_NEXT = frozenset(("based", "is", "was", "to", *NOUN_SLOT_FOLLOWERS))
# a run with none of these words holds no position where a pattern may match (``_pattern_positions``)
_OPENERS = MODALS | _TELLING_NEXT | {"an"}


def _pattern_positions(words: list[str], modals: Collection[int]) -> list[int]:
    """The positions in ``words`` where a pattern may match, in order: each "an", each "of" after
    "better", the three words after a modal, and the word before a telling word (``_TELLING_NEXT``).
    Found by searches in C: a run holds a few of them among dozens of words."""
    count = len(words)
    found = set(compress(range(-1, count - 1), map(_TELLING_NEXT.__contains__, words)))
    found.discard(-1)
    if "an" in words:
        found.update(compress(range(count), map("an".__eq__, words)))
    if "better" in words:
        found.update(index for index in range(2, count) if words[index] == "of" and words[index - 1] == "better")
    for modal in modals:
        found.update(range(modal + 1, min(modal + 4, count)))
    return sorted(found)


def slips(text: str, model: Model) -> Iterator[Slip]:
    """Each word of ``text`` that the words around it rule out, with the words that fit."""
    return slips_in_runs(lowered_runs(text), model)


def slips_in_runs(runs: Iterable[Run], model: Model) -> Iterator[Slip]:
    """``slips`` of the text these are the runs of (``lowered_runs``)."""
    for run in runs:
        words = run.words
        if _OPENERS.isdisjoint(words):
            continue  # no pattern can match in it (two runs in three of a guide, two words in five)
        # the modal patterns look at most three words back: most runs hold no modal
        modals = () if MODALS.isdisjoint(words) else {index for index, word in enumerate(words) if word in MODALS}
        tokens = run.tokens
        for index in _pattern_positions(words, modals):
            token = tokens[index]
            if not token.islower():
                continue
            near_modal = bool(modals) and (index - 1 in modals or index - 2 in modals or index - 3 in modals)
            if token == "an":
                likely = _article_before_verb(model, words, index)
                why = f"before the verb form '{words[index + 1]}'" if likely else ""
            elif token == "of":
                likely = _better_of(words, index)
                why = "after 'better' ('better off', 'better if')"
            elif likely := _participle_before_based(model, words, index):
                why = "before 'based', where a noun makes the compound"
            elif likely := _adjective_as_subject(model, words, index):
                why = "is an adjective, where 'the ... is that' needs a noun"
            elif near_modal and (likely := _verb_form_as_object(model, words, index)):
                why = f"is a verb form, where '{words[index - 1]}' needs an object"
            elif index and words[index - 1] in BE_FORMS and (likely := _participle_in_passive_frame(model, words, index)):
                why = f"after '{words[index - 1]}' and before 'to {words[index + 2]}', where AWS prose writes another verb"
            elif near_modal and (likely := _past_form_after_modal(model, words, index)):
                modal = next(w for w in reversed(words[:index]) if w in MODALS)
                why = f"is a past form after '{modal}', which takes the plain verb"
            else:
                likely = _noun_slot(model, words, index)
                why = f"between '{words[index - 1]}' and '{words[index + 1]}', where a noun is expected" if likely else ""
            if likely:
                yield Slip(*run.span(index), token, likely, why)
