"""The words notelint knows, from every source, put together once per run.

* English: pyspellchecker's dictionary (word -> frequency), copied to the user
  cache keyed by pyspellchecker's version, so a run reads one JSON file
  instead of unpacking the dictionary;
* AWS: the catalog's words (every service, operation and shape name split
  into words) and its single-token product names;
* curated lists shipped under ``notelint/data/words/`` (reviewed, sorted, one
  word a line);
* names whose case is fixed: ``casing.txt`` (mixed case: PyTorch), ``names.txt``
  (Databricks, and names of several words: Apache Spark, Docker Hub) and
  ``casing-prose.txt`` (names that are English words too: Python, Java);
* the project's ``words`` and ``word-files`` settings;
* words that English lists barely know and that are one edit from a word AWS
  prose uses far more (``rare-words.txt``: "withing", "metics"): not known when
  written in lowercase (capitalised, they may be names: "Livy"), unless a
  domain list or the project's settings have them;
* a note's own front matter ``words:`` list (passed per note, not stored here).

The misspelling map and the canonical casings are data too; the map wins over
every list, so a misspelling that some source happens to contain (botocore has
``upto`` in a shape name) is still reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import AbstractSet, Any, Iterable, Mapping

from notelint.cache import cache_root, load_json, store_json, store_text
from notelint.config import Config, ConfigError
from notelint.derived import stored
from notelint.shipped import data_text
from notelint.sortedtable import SortedWords, words_text
from notelint.values import FrozenValue
from notelint.versions import package_version

SCHEMA = 2
CURATED = ("aws.txt", "english.txt", "ml.txt", "software.txt")
CASING = "casing.txt"
NAMES = "names.txt"
PROSE_NAMES = "casing-prose.txt"
MISSPELLINGS = "misspellings.txt"
RARE = "rare-words.txt"
_MAP_LINE = re.compile(r"([a-z]+)->([A-Za-z]+(?: [A-Za-z]+)?)")


class Vocabulary(FrozenValue):
    """Every word list put together (written out, not a dataclass: ``notelint.values`` says why)."""

    __slots__ = FIELDS = (
        "english", "domain", "curated", "products", "casing", "misspellings", "operations", "botocore_version",
        "phrases", "joined", "prose_names", "british", "rare",
    )
    english: Mapping[str, int]  # lowercase word -> frequency
    # (the sets of words are frozensets when built, SortedWords when loaded from the derived-data store)
    domain: AbstractSet[str]  # lowercase words of the AWS catalog, curated lists, project settings
    curated: frozenset[str]  # the curated lists, casing names and project settings (not the catalog)
    products: Mapping[str, str]  # casefold -> canonical AWS product name (NL3xx owns their case)
    casing: Mapping[str, str]  # casefold -> canonical one-word name with a fixed case (NL2xx checks these)
    misspellings: Mapping[str, str]  # lowercase misspelling -> its one correct form
    operations: AbstractSet[str]  # casefolded AWS operation and IAM action names (NL4xx owns them)
    botocore_version: str
    phrases: Mapping[str, str]  # "apache spark" -> Apache Spark
    joined: Mapping[str, str]  # "dockerhub" -> Docker Hub
    prose_names: Mapping[str, str]  # "python" -> Python (English words too)
    british: bool  # language = "en-GB": a British spelling of a known word is known
    rare: Mapping[str, tuple[str, ...]]  # "withing" -> (within,): see rare-words.txt

    def __init__(
        self, english: Mapping[str, int], domain: AbstractSet[str], curated: frozenset[str],
        products: Mapping[str, str], casing: Mapping[str, str], misspellings: Mapping[str, str],
        operations: AbstractSet[str],
        botocore_version: str = "", phrases: Mapping[str, str] | None = None, joined: Mapping[str, str] | None = None,
        prose_names: Mapping[str, str] | None = None, british: bool = False,
        rare: Mapping[str, tuple[str, ...]] | None = None,
    ):
        self._fill(english, domain, curated, products, casing, misspellings, operations, botocore_version,
                   {} if phrases is None else phrases, {} if joined is None else joined,
                   {} if prose_names is None else prose_names, british, {} if rare is None else rare)

    def knows(self, word: str) -> bool:
        """``word`` (any case) or its singular is a known word."""
        lower = word.lower()
        if lower in self.misspellings:
            return False
        if word.islower() and lower in self.rare and lower not in self.domain:
            # a slip for a frequent word ("withing"), unless a British spelling ("instals");
            # a rare word written capitalised may be a name: "Livy"
            return self._british(lower)
        if self._has(lower) or any(self._has(stem) for stem in singulars(lower)):
            return True
        return self._british(lower)

    def _british(self, lower: str) -> bool:
        """Under en-GB, ``lower`` is the British spelling of a known word."""
        return self.british and any(
            self._has(us) or any(self._has(stem) for stem in singulars(us)) for us in american_forms(lower)
        )

    def _has(self, lower: str) -> bool:
        return lower in self.english or lower in self.domain or lower in self.products

    def is_domain(self, lower: str) -> bool:
        return lower in self.domain or lower in self.products

    def is_jargon(self, lower: str) -> bool:
        """A domain word that English does not have: what suggestions offer first."""
        return lower in self.curated or lower in self.products or (lower in self.domain and lower not in self.english)

    def canonical_name(self, word: str) -> str:
        """The fixed spelling of a name NL203 reports (one of its lists has it)."""
        lower = word.lower()
        return self.casing.get(lower) or self.prose_names[lower]

    def canonical(self, lower: str) -> str | None:
        """The canonical spelling of a name whose case matters, if it has one."""
        return self.products.get(lower) or self.casing.get(lower)


def singulars(lower: str) -> list[str]:
    """Candidate singular forms: ``gpus`` -> gpu, ``indexes`` -> index, ``proxies`` -> proxy."""
    if len(lower) < 4 or not lower.endswith("s") or lower.endswith("ss"):
        return []
    stems = [lower[:-1]]
    if lower.endswith("es"):
        stems.append(lower[:-2])
    if lower.endswith("ies"):
        stems.append(lower[:-3] + "y")
    return stems


# British endings and their American forms, tried in turn on a word's end (or, for
# "our", anywhere in it): organisation -> organization, analyse -> analyze,
# colourful -> colorful, centre -> center, catalogue -> catalog, licence -> license,
# modelling -> modeling, programme -> program.
_BRITISH_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
    ("ising", "izing"), ("iser", "izer"), ("isers", "izers"), ("isable", "izable"),
    ("yse", "yze"), ("ysed", "yzed"), ("yses", "yzes"), ("ysing", "yzing"),
    ("tre", "ter"), ("tres", "ters"), ("tred", "tered"),
    ("ogue", "og"), ("ogues", "ogs"), ("ence", "ense"), ("ences", "enses"),
    ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
    ("mme", "m"), ("mmes", "ms"),
    ("lment", "llment"), ("lments", "llments"),
)
# verbs British English writes with one final l: instal -> install, enrol -> enroll
_BRITISH_SINGLE_L = ("instal", "enrol", "fulfil", "distil", "enthral", "appal")


def american_forms(lower: str) -> list[str]:
    """American spellings a British-spelled word may stand for (language = "en-GB")."""
    forms = [lower[: -len(gb)] + us for gb, us in _BRITISH_ENDINGS if lower.endswith(gb) and len(lower) > len(gb) + 2]
    if "our" in lower[1:]:
        forms.append(lower[0] + lower[1:].replace("our", "or"))
    if lower.rstrip("s") in _BRITISH_SINGLE_L:
        forms.append(lower.rstrip("s") + "l" + lower[len(lower.rstrip("s")):])
    return forms


# -- sources ----------------------------------------------------------------------
class EnglishWords(Mapping[str, int]):
    """pyspellchecker's English words; their frequencies are read only when asked for.

    Checking a word needs only the set of words, one line each in a text file
    (fast to read); ranking suggestions needs the frequencies, a JSON file read
    the first time ``get`` is called, which a clean note never triggers.

    Loaded from the derived-data store, the words come as one sorted text
    (``SortedWords``): a clean note asks about a few hundred words, and
    putting 128,000 into a set costs ~25 ms, a third of what a one-note
    ``--no-cache`` run spent outside Python's start.
    """

    def __init__(self, words: AbstractSet[str] | None, frequencies_path: Path, *, sorted_text: str = ""):
        """``words``, or (None and) ``sorted_text``: the words sorted, one a line."""
        self.words: AbstractSet[str] = SortedWords(sorted_text) if words is None else words
        self._path = frequencies_path
        self._frequencies: dict[str, int] | None = None

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __iter__(self):
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, word: str) -> int:
        if self._frequencies is None:
            data = load_json(self._path)
            self._frequencies = data["words"] if isinstance(data, dict) and "words" in data else _frequencies()
        return self._frequencies[word]

    def get(self, word: str, default=None):
        try:
            return self[word]
        except KeyError:
            return default


def _frequencies() -> dict[str, int]:
    from spellchecker import SpellChecker

    frequencies = SpellChecker(language="en", distance=1).word_frequency.dictionary
    return {word: int(count) for word, count in frequencies.items() if word.isalpha()}


def pyspellchecker_version() -> str:
    return package_version("spellchecker", "info.py")  # (importlib.metadata costs ~10 ms to import)


def _frequencies_path() -> Path:
    """The JSON file of pyspellchecker's word frequencies (written by ``english_words``)."""
    return (cache_root() / f"spelling-en-s{SCHEMA}-pyspellchecker-{pyspellchecker_version()}").with_suffix(".json")


def english_words() -> EnglishWords:
    """pyspellchecker's English words (letters only), cached per version."""
    version = pyspellchecker_version()
    frequencies_path = _frequencies_path()
    words_path = frequencies_path.with_suffix(".txt")
    try:
        words = frozenset(words_path.read_text(encoding="utf-8").split("\n"))
    except OSError:
        words = frozenset()
    if len(words) < 1000:  # missing or damaged: build both files again
        frequencies = _frequencies()
        store_json(frequencies_path, {"schema": SCHEMA, "pyspellchecker": version, "words": frequencies})
        store_text(words_path, "\n".join(sorted(frequencies)))
        words = frozenset(frequencies)
    return EnglishWords(words, frequencies_path)


def data_lines(name: str) -> list[str]:
    """The entries of a shipped data file: stripped lines, blank lines and ``#`` comments left out."""
    text = data_text("words", name)
    return parse_lines(text)


def parse_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def curated_words() -> set[str]:
    words: set[str] = set()
    for name in CURATED:
        words.update(data_lines(name))
    return words


def casing_names() -> dict[str, str]:
    """One-word names with a fixed case: the mixed-case names (``casing.txt``) and
    the one-word entries of ``names.txt`` (Databricks, Kubernetes)."""
    names = data_lines(CASING) + [name for name in data_lines(NAMES) if " " not in name]
    return {name.casefold(): name for name in names}


def phrase_names() -> dict[str, str]:
    """Names of several words (``names.txt``: Apache Spark, Docker Hub), casefolded -> canonical."""
    return {name.casefold(): name for name in data_lines(NAMES) if " " in name}


def prose_names() -> dict[str, str]:
    """Names that are English words too (``casing-prose.txt``: Python, Java), lowercase -> canonical."""
    return {name.lower(): name for name in data_lines(PROSE_NAMES)}


def misspelling_map() -> dict[str, str]:
    """``typo->correction`` lines (codespell's format, one correction each)."""
    result = {}
    for line in data_lines(MISSPELLINGS):
        match = _MAP_LINE.fullmatch(line)
        if match is None:
            raise ValueError(f"{MISSPELLINGS}: bad line {line!r}; expected 'typo->correction'")
        result[match.group(1)] = match.group(2)
    return result


def entry_words(entries: Iterable[str]) -> set[str]:
    """Lowercase words of ``words`` entries; an entry may hold several words."""
    return {word.lower() for entry in entries for word in re.findall(r"[^\W\d_]+", entry)}


def project_words(config: Config | None) -> set[str]:
    """The ``words`` setting plus every line of the ``word-files`` (relative to the config)."""
    if config is None:
        return set()
    words = entry_words(config.words)
    for name in config.word_files:
        path = Path(config.root) / name
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            where = f"{config.file}: " if config.file else ""
            reason = getattr(exc, "strerror", None) or str(exc)
            raise ConfigError(f"{where}'word-files' entry {name!r} cannot be read ({path}): {reason}") from None
        words |= entry_words(parse_lines(text))
    return words


def build(catalog, config: Config | None) -> Vocabulary:
    """Every source put together; ``catalog`` is the AWS catalog (or None without one).

    Kept in the derived-data cache (``notelint.derived``), keyed by the catalog's
    file, pyspellchecker's version and the project's words: putting 128,000 English
    words together with the catalog's and the curated lists cost every process
    ~60 ms of CPU, loading them back ~30 ms."""
    project = project_words(config)
    if catalog is not None and catalog.path is None:
        return _build(catalog, config, project)  # a catalog made in memory (a test's): nothing to key it by
    inputs = (
        catalog.path.name if catalog is not None else "no catalog",
        pyspellchecker_version(),
        config is not None and config.language or "",
        "\n".join(sorted(project)),
    )
    return _from_plain(stored("spelling-vocabulary", lambda: _plain(_build(catalog, config, project)), inputs=inputs))


# the vocabulary's sets of words stored as their sorted text (``SortedWords``)
_SORTED = ("domain", "operations")


def _plain(vocabulary: Vocabulary) -> dict[str, Any]:
    """``vocabulary`` as plain data, to be stored."""
    plain = {name: getattr(vocabulary, name) for name in vocabulary.FIELDS}
    english = vocabulary.english
    plain["english"] = words_text(english.words if isinstance(english, EnglishWords) else english)
    for name in _SORTED:
        plain[name] = words_text(plain[name])
    return plain


def _from_plain(plain: dict[str, Any]) -> Vocabulary:
    english = EnglishWords(None, _frequencies_path(), sorted_text=plain["english"])
    return Vocabulary(**{**plain, "english": english, **{name: SortedWords(plain[name]) for name in _SORTED}})


def _build(catalog, config: Config | None, project: set[str]) -> Vocabulary:
    casing = casing_names()
    phrases = phrase_names()
    curated = frozenset(curated_words() | project | set(casing))
    domain = set(curated)
    products: Mapping[str, str] = {}
    operations: frozenset[str] = frozenset()
    version = ""
    if catalog is not None:
        domain |= catalog.words
        products = catalog.product_names
        # IAM actions too ("passrole" for iam:PassRole): names NL4xx owns, in any case
        operations = frozenset(catalog.operations_by_casefold) | frozenset(catalog.iam_action_prefixes)
        version = catalog.botocore_version
    return Vocabulary(
        english=english_words(),
        domain=frozenset(domain),
        curated=curated,
        products=products,
        casing=casing,
        misspellings=misspelling_map(),
        operations=operations,
        botocore_version=version,
        phrases=phrases,
        joined={name.replace(" ", ""): canonical for name, canonical in phrases.items()},
        prose_names=prose_names(),
        british=config is not None and config.language == "en-GB",
        rare=rare_words(),
    )


def rare_words() -> dict[str, tuple[str, ...]]:
    """Words English lists barely know, each with the far more used words one edit away
    (``rare-words.txt``, from ``scripts/build_rare_words.py``): "withing" -> within."""
    pairs = {}
    for line in data_lines(RARE):
        word, *nears = line.split()
        pairs[word] = tuple(nears)
    return pairs
