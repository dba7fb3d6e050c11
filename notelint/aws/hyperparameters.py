"""The hyperparameters of SageMaker's built-in algorithms, and which algorithm a heading names.

Read from ``notelint/data/aws/sagemaker-hyperparameters.yaml``, which
``scripts/sagemaker_hyperparameters.py`` derives from the hyperparameter
tables of the Amazon SageMaker Developer Guide (botocore does not model them:
a training job takes a free-form string map).
"""

from __future__ import annotations

import re
from functools import cached_property

from notelint.rule import Context
from notelint.shipped import data_yaml
from notelint.values import FrozenValue


# written out, not a dataclass: notelint.values says why
class Algorithm(FrozenValue):
    __slots__ = FIELDS = ("name", "source", "hyperparameters", "values")
    name: str  # as the guide's page title writes it
    source: str
    hyperparameters: frozenset[str]
    values: frozenset[str]  # values the guide lists for its hyperparameters ("bilstm", "hcnn")

    def __init__(
        self, name: str, source: str, hyperparameters: frozenset[str], values: frozenset[str],
    ):
        self._fill(name, source, hyperparameters, values)


class Algorithms:
    def __init__(self, data: dict):
        self.source = data["source"]
        self.by_alias: dict[str, list[Algorithm]] = {}
        for spec in data["algorithms"]:
            algorithm = Algorithm(spec["names"][0], spec["source"], frozenset(spec["hyperparameters"]), frozenset(spec["values"]))
            for alias in spec["names"]:
                self.by_alias.setdefault(_fold(alias), []).append(algorithm)
        self.all_hyperparameters = frozenset().union(*(a.hyperparameters for group in self.by_alias.values() for a in group))
        self.all_values = frozenset().union(*(a.values for group in self.by_alias.values() for a in group))

    @cached_property
    def _alias_pattern(self) -> re.Pattern[str]:
        # longest first: "Object Detection - TensorFlow" before "Object Detection"
        aliases = sorted(self.by_alias, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(_loose(a) for a in aliases) + r")(?![\w-])", re.IGNORECASE)

    def named_in(self, heading: str) -> tuple[Algorithm, ...]:
        """The algorithms a heading names ("Sequence-to-Sequence (Seq2Seq)" -> one)."""
        found: dict[str, Algorithm] = {}
        for match in self._alias_pattern.finditer(heading):
            for algorithm in self.by_alias[_fold(match.group())]:
                found.setdefault(algorithm.name, algorithm)
        return tuple(found.values())


def _fold(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.casefold()).strip()


def _loose(alias: str) -> str:
    """An alias as a pattern that lets a hyphen and a space stand for each other."""
    return r"[\s-]+".join(re.escape(part) for part in re.split(r"[\s-]+", alias))


def algorithms_for(ctx: Context) -> Algorithms:
    return ctx.shared("aws.sagemaker-algorithms", lambda: Algorithms(data_yaml("aws", "sagemaker-hyperparameters.yaml")))
