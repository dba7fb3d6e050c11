#!/usr/bin/env python3
"""Generate notelint/data/aws/sagemaker-hyperparameters.yaml: the hyperparameter
names of SageMaker's built-in algorithms, read from the hyperparameter tables
of the Amazon SageMaker Developer Guide (awsdocs/amazon-sagemaker-developer-guide,
CC BY-SA 4.0; only the names of hyperparameters and of their listed values are
kept: facts, not the guide's sentences).

botocore does not model these: a training job takes them as a free-form
string map, so the guide is the source.  The guide's repository was archived
on 2023-06-15 (its last commit with content is recorded in the output); the
algorithms' names are stable, but newer hyperparameters are unknown to it, so
the rule that reads this file only reports a name close to a known one.

Every page whose title is "<Algorithm> Hyperparameters" and whose table has
a "Parameter Name" column is read.  The spellings people use for each
algorithm in headings ("Seq2Seq", "k-NN", "Random Cut Forest") are curated
below.

    python scripts/sagemaker_hyperparameters.py GUIDE_DIR            # rewrite the data file
    python scripts/sagemaker_hyperparameters.py GUIDE_DIR --check    # exit 1 if it would change
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import derived_file  # scripts/derived_file.py

OUTPUT = Path(__file__).resolve().parent.parent / "notelint" / "data" / "aws" / "sagemaker-hyperparameters.yaml"
REPOSITORY = "awsdocs/amazon-sagemaker-developer-guide"
PAGE_URL = "https://docs.aws.amazon.com/sagemaker/latest/dg/{page}.html"

# page -> the names an algorithm goes by in notes (the page title's own first)
ALGORITHM_NAMES = {
    "IC-Hyperparameter": ["Image Classification", "Image Classification - MXNet"],
    "IC-TF-Hyperparameter": ["Image Classification - TensorFlow"],
    "PCA-reference": ["PCA", "Principal Component Analysis"],
    "autogluon-tabular-hyperparameters": ["AutoGluon-Tabular", "AutoGluon"],
    "blazingtext_hyperparameters": ["BlazingText"],
    "catboost-hyperparameters": ["CatBoost"],
    "deepar_hyperparameters": ["DeepAR"],
    "fact-machines-hyperparameters": ["Factorization Machines"],
    "ip-insights-hyperparameters": ["IP Insights"],
    "k-means-api-config": ["K-Means", "KMeans", "k-means clustering"],
    "kNN_hyperparameters": ["k-NN", "KNN", "k-nearest neighbors", "k-nearest neighbours"],
    "lda_hyperparameters": ["LDA", "Latent Dirichlet Allocation"],
    "lightgbm-hyperparameters": ["LightGBM"],
    "ll_hyperparameters": ["Linear Learner"],
    "ntm_hyperparameters": ["NTM", "Neural Topic Model"],
    "object-detection-api-config": ["Object Detection", "Object Detection - MXNet"],
    "object-detection-tensorflow-Hyperparameter": ["Object Detection - TensorFlow"],
    "object2vec-hyperparameters": ["Object2Vec"],
    "rcf_hyperparameters": ["RCF", "Random Cut Forest"],
    "segmentation-hyperparameters": ["Semantic Segmentation"],
    "seq-2-seq-hyperparameters": ["Sequence-to-Sequence", "Seq2Seq", "Sequence to Sequence"],
    "tabtransformer-hyperparameters": ["TabTransformer"],
    "text-classification-tensorflow-Hyperparameter": ["Text Classification - TensorFlow"],
    "xgboost_hyperparameters": ["XGBoost"],
}

_TITLE = re.compile(r"^# (.+?) [Hh]yperparameters<a name=")
_ROW = re.compile(r"^\|\s*([a-z][a-z0-9_\\]*[a-z0-9])\s*\|(.*)\|\s*$")
_VALUE = re.compile(r"`([a-z][a-z0-9_\\-]*)`")


def _unescape(text: str) -> str:
    return text.replace("\\", "")


def read_page(path: Path) -> dict[str, list[str]] | None:
    """The hyperparameter names of one page, and the values its descriptions list in code."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not _TITLE.match(lines[0]):
        return None
    if not any(line.startswith("| Parameter Name |") for line in lines):
        return None
    names: set[str] = set()
    values: set[str] = set()
    for line in lines:
        row = _ROW.match(line)
        if row is None:
            continue
        names.add(_unescape(row.group(1)))
        values.update(_unescape(value) for value in _VALUE.findall(row.group(2)))
    return {"hyperparameters": sorted(names), "values": sorted(values - names)}


def derive(guide: Path) -> dict:
    pages = guide / "doc_source"
    algorithms = []
    for page, names in sorted(ALGORITHM_NAMES.items()):
        table = read_page(pages / f"{page}.md")
        if table is None:
            raise SystemExit(f"{page}.md has no hyperparameter table in {pages}")
        algorithms.append({"names": names, "source": PAGE_URL.format(page=page), **table})
    try:
        commit = subprocess.run(["git", "-C", str(guide), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = _recorded_commit(guide)
    return {
        "source": {"repository": REPOSITORY, "commit": commit, "licence": "CC BY-SA 4.0 (names only)", "archived": "2023-06-15"},
        "algorithms": algorithms,
    }


def _recorded_commit(guide: Path) -> str:
    """The commit named for this folder in the corpora's SOURCES.md (the copy is not a git checkout)."""
    sources = guide.parent / "SOURCES.md"
    match = re.search(re.escape(REPOSITORY) + r" @ ([0-9a-f]{40})", sources.read_text(encoding="utf-8")) if sources.exists() else None
    if match is None:
        raise SystemExit(f"cannot tell which commit of {REPOSITORY} {guide} is")
    return match.group(1)


def render(data: dict) -> str:
    header = (
        "# GENERATED by scripts/sagemaker_hyperparameters.py from the Amazon SageMaker Developer Guide; do not edit.\n"
        "# Hyperparameter names of SageMaker's built-in algorithms (NL450), and the values their tables list.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, width=120, allow_unicode=True)


def main(argv: list[str] | None = None) -> int:
    def guide_argument(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("guide", type=Path, help="a copy of awsdocs/amazon-sagemaker-developer-guide (with doc_source/)")

    def rendered(args: argparse.Namespace) -> tuple[str, str]:
        data = derive(args.guide)
        return render(data), f"{len(data['algorithms'])} algorithms, guide {data['source']['commit'][:12]}"

    return derived_file.run(__doc__, OUTPUT, rendered, argv, guide_argument)


if __name__ == "__main__":
    sys.exit(main())
