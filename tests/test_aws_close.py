"""notelint.aws.close: the pre-filtered search answers exactly what suggest.close answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint import suggest
from notelint.aws.close import close_names
from tests.aws_helpers import lint

NAMES = st.text(alphabet="abcAB_-", max_size=9)
CUTOFFS = st.sampled_from([0.5, 0.6, 0.75, 0.8, 0.85, 0.88])


@settings(max_examples=400, deadline=None)
@given(word=NAMES, pool=st.lists(NAMES, max_size=25), cutoff=CUTOFFS, preferred=st.integers(0, 5))
def test_same_answer_as_suggest_close(word, pool, cutoff, preferred):
    prefer = pool[:preferred]
    expected = suggest._close.__wrapped__(word, frozenset(pool), cutoff, frozenset(prefer), suggest.MAX_SUGGESTIONS)
    assert close_names(word, pool, cutoff=cutoff, prefer=prefer) == expected


def test_a_candidate_exactly_at_the_cutoff_is_kept():
    # difflib's ratio and the Indel similarity are both 0.85 here (34 of 40); rapidfuzz alone at
    # score_cutoff=0.85 drops it
    assert suggest.ratio("AttachThingPricnipal", "DetachThingPrincipal") == 0.85
    assert close_names("AttachThingPricnipal", ["DetachThingPrincipal", "ListThings"], cutoff=0.85) == (
        "DetachThingPrincipal",
    )


def test_case_is_ignored_and_preferred_names_rank_first_on_near_ties():
    pool = {"GetObject", "GetObjects", "PutObject", "ListBuckets"}
    assert close_names("getobjekt", pool) == ("GetObject", "GetObjects", "PutObject")
    assert close_names("getobjekt", pool, prefer={"GetObjects"}) == ("GetObjects", "GetObject", "PutObject")


def test_nothing_close_and_an_empty_pool():
    assert close_names("Zzzzzz", ["GetObject", "PutObject"]) == ()
    assert close_names("GetObject", []) == ()
    assert close_names("GetObject", ["GetObject"]) == ()  # the word itself is never suggested


def test_rules_keep_their_suggestions():
    # the answers of the tree before the pre-filter (main 88e6f64)
    assert lint("* DescribeTrainingJobz returns the status of a training job.\n", "NL401") == [
        ("NL401", 1, 3, ("DescribeTrainingJob", "DescribeSigningJob", "DescribeTrainingPlan")),
    ]
    assert lint("* Reading lifecycle rules needs s3:GetBucketLifecycle.\n", "NL431") == [
        ("NL431", 1, 33, ("s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:DeleteBucketPolicy")),
    ]
    assert lint("* The role needs sagemkr:CreateTrainingJob.\n", "NL430") == [
        ("NL430", 1, 18, ("sagemaker:CreateTrainingJob",)),
    ]
    assert lint("* Train on ml.p3.4xlarge for a single-GPU job.\n", "NL440") == [
        ("NL440", 1, 12, ("ml.p3.2xlarge", "ml.p3.8xlarge", "ml.p3.16xlarge")),
    ]
    code = '```python\nsm = boto3.client("sagemaker")\nsm.decribe_training_job(TrainingJobName="job")\n```\n'
    assert lint(code, "NL410") == [
        ("NL410", 3, 4, ("describe_training_job", "create_training_job", "delete_training_job")),
    ]
    assert lint("* DescribeTrainingJob returns the status of a training job.\n", "NL401") == []
