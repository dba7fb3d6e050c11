"""NL2xx on small notes: what is reported, where, and what is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.cli import main
from notelint.config import Config
from tests.helpers import FRONT, lint, note

BODY_LINE = FRONT.count("\n") + 1  # the first line after the front matter


def found(body: str, select: str = "NL2", **kwargs) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.column, d.code, d.message) for d in lint(FRONT + body, (select,), **kwargs)]


def spots(body: str, select: str = "NL2", **kwargs) -> list[tuple[int, int, str]]:
    return [(line - BODY_LINE + 1, column, code) for line, column, code, _ in found(body, select, **kwargs)]


# -- NL201 unknown-word ------------------------------------------------------------
def test_unknown_word_position_message_and_suggestions():
    diagnostics = lint(FRONT + "* Build the image from the DocerFile.\n", ("NL201",))
    assert len(diagnostics) == 1
    d = diagnostics[0]
    assert (d.line, d.column, d.end_column) == (BODY_LINE, 28, 33)
    assert d.message == "unknown word 'Docer' in 'DocerFile'"
    assert d.suggestions[0] == "Docker"


@pytest.mark.parametrize(
    "word, first",
    [
        ("Sagemkaer", "SageMaker"),
        ("Kubernetis", "Kubernetes"),
        ("hyperparamter", "hyperparameter"),
        ("arelegal", "are legal"),
        ("Randomcut", "Random cut"),
        ("rela", "real"),
    ],
)
def test_suggestions_put_domain_words_and_swaps_first(word, first):
    diagnostics = lint(FRONT + f"* {word}\n", ("NL201",))
    assert diagnostics[0].suggestions[0] == first
    assert len(diagnostics[0].suggestions) <= 3


def test_jargon_and_aws_words_are_known():
    body = (
        "* SageMaker, Sagemaker and QuickSight use hyperparameters, protobuf, RecordIO, recordIO, XGBoost, word2vec.\n"
        "* Instances: ml.p3.2xlarge, p4d, S3, EC2, GPUs, AMIs, CNNs; CBOW, LSTM and SSML are acronyms.\n"
        "* GetObject, Putobject, CreateTrainingJob, describe_training_job, SageMakerEstimator, webservers.\n"
        "* Kinesis Data Analytics finds hotspots; libsvm input; multibox detector; Convolutional layers; Caffe.\n"
    )
    assert found(body, "NL201") == []


def test_code_urls_and_paths_are_not_checked():
    body = (
        "* Run `decrbe_jobs --flgs` then see https://example.com/misspeled and /opt/mll/modle.\n"
        "\n"
        "```python\n"
        "decrbe = 'misspeled'\n"
        "```\n"
    )
    assert found(body) == []


def test_identifier_parts_are_reported_only_when_they_look_misspelled():
    assert spots("* Call decrbe_training_job.\n", "NL201") == [(1, 8, "NL201")]
    assert spots("* Set colsample_bylevel and faiss_index_ivf_nlists and projectid_modeldeploy.\n", "NL201") == []


def test_all_caps_acronyms_and_long_caps_words():
    assert spots("* CBOW and QLDB are acronyms.\n", "NL201") == []
    assert spots("* The MINIMUM is one year; the ENCRYTPION is off.\n", "NL201") == [(1, 32, "NL201")]


def test_words_glued_to_punctuation_are_caught():
    assert spots("* In memory BI, rela-time processing (arelegal).\n", "NL201") == [(1, 17, "NL201"), (1, 39, "NL201")]


def test_front_matter_words_are_accepted_in_that_note_only():
    note = "---\ntitle: Test\nreviewed: 2025-06-01\nwords: [Zanko, grobble]\n---\n* Zanko grobbles.\n"
    assert [d.code for d in lint(note, ("NL201",))] == []
    assert len(lint(FRONT + "* Zanko grobbles.\n", ("NL201",))) == 2


def test_words_the_note_writes_as_code_are_known_in_its_prose():
    assert spots("* The `cls` argument: cls is the class.\n", "NL201") == []


def test_config_words_and_word_files(tmp_path: Path):
    (tmp_path / "team.txt").write_text("# our words\ngrobble\n", encoding="utf-8")
    config = Config(root=tmp_path, words=("Zanko",), word_files=("team.txt",))
    assert spots("* Zanko grobbles.\n", "NL201", config=config) == []


def test_unreadable_word_file_is_a_configuration_error(tmp_path: Path, capsys, monkeypatch):
    (tmp_path / "notelint.toml").write_text('word-files = ["missing.txt"]\n', encoding="utf-8")
    (tmp_path / "note.md").write_text(FRONT + "* Hello.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "note.md"]) == 2
    error = capsys.readouterr().err
    assert "notelint.toml" in error and "'word-files' entry 'missing.txt' cannot be read" in error


# -- NL202 misspelled-word ---------------------------------------------------------
def test_misspelling_has_a_safe_fix_that_keeps_case():
    diagnostics = lint(FRONT + "* Deployement and upto 15 minutes.\n", ("NL202",))
    assert [(d.column, d.message) for d in diagnostics] == [
        (3, "'Deployement' is a misspelling of 'Deployment'"),
        (19, "'upto' is a misspelling of 'up to'"),
    ]
    assert [d.fix.edits[0].text for d in diagnostics] == ["Deployment", "up to"]
    assert all(d.fix.safe for d in diagnostics)


def test_misspelling_inside_an_identifier_has_an_unsafe_fix():
    (d,) = lint(FRONT + "* use decribe_training_job\n", ("NL202",))
    assert d.message == "'decribe' is a misspelling of 'describe' in 'decribe_training_job'"
    assert d.fix is not None and not d.fix.safe


def test_fix_writes_the_file(tmp_path: Path, monkeypatch):
    note = tmp_path / "note.md"
    note.write_text(FRONT + "* A Deployement container, upto 2x faster.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--select", "NL202", "--fix", "note.md"]) == 0
    assert note.read_text(encoding="utf-8").endswith("* A Deployment container, up to 2x faster.\n")


def test_misspelling_wins_over_a_source_that_has_the_word():
    # botocore has "upto" and "intances" in shape names; the map still reports them
    assert spots("* upto 4 intances\n", "NL2") == [(1, 3, "NL202"), (1, 10, "NL202")]


# -- NL203 name-case ---------------------------------------------------------------
def test_name_case():
    body = "* Tensorflow, pytorch, MLLib and Xgboost; TENSORFLOW is fine, so is TensorFlow.\n"
    assert [column for _, column, _, _ in found(body, "NL203")] == [3, 15, 24, 34]
    assert found(body, "NL203")[0][3] == "'Tensorflow' is spelled right but with the wrong case: TensorFlow"


def test_name_case_leaves_identifiers_aws_names_and_english_words_alone():
    body = "* sagemaker-pytorch, pytorch_model, Sagemaker, Quicksight, slack, Python.\n"
    assert found(body, "NL2") == []


# -- NL204 repeated-word -----------------------------------------------------------
def test_repeated_word():
    body = "* convert csv to to parquet and the\n  the rest; he had had enough; Walla Walla.\n"
    diagnostics = lint(FRONT + body, ("NL204",))
    assert [(d.line - BODY_LINE + 1, d.column) for d in diagnostics] == [(1, 18), (2, 3)]
    assert diagnostics[0].fix is not None and not diagnostics[0].fix.safe
    assert diagnostics[0].fix.edits[0].text == ""


# -- NL205 confusable-word ---------------------------------------------------------
@pytest.mark.parametrize(
    "body, column, correct",
    [
        ("* prob of person contacting a disease\n", 18, "contracting"),
        ("* Document DB (mango DB)\n", 16, "MongoDB"),
        ("* lower the rate. similarity when they increase\n", 19, "similarly"),
        ("* U pay for compute\n", 3, "You"),
        ("* On-premise data centers\n", 3, "On-premises"),
        ("* We ran it on the same instance type than before.\n", 39, "as"),
        ("* The ROGUE-L score compares summaries.\n", 7, "ROUGE"),
        ("* A BLUE score of 30 is good.\n", 5, "BLEU"),
    ],
)
def test_confusables(body, column, correct):
    (d,) = lint(FRONT + body, ("NL205",))
    assert (d.column, d.suggestions, d.severity.value) == (column, (correct,), "info")


@pytest.mark.parametrize(
    "body",
    [
        "* contacting the project owner\n",
        "* cosine similarity when comparing embeddings\n",
        "* on-premises data centers\n",
        "* the U.S. region\n",
        "* the same or better accuracy than the baseline\n",
        "* more than the same amount\n",
        "* a rogue process; the blue line; the ROUGE score\n",
    ],
)
def test_confusables_need_their_context(body):
    assert lint(FRONT + body, ("NL205",)) == []


# -- NL206 confused-word -----------------------------------------------------------
@pytest.mark.parametrize(
    "body, column, written, likely",
    [
        ("* After a restart you may loose the cached data.\n", 27, "loose", "lose"),
        ("* A new version will effect the latency.\n", 22, "effect", "affect"),
        ("* Check wether it is enabled.\n", 9, "wether", "whether"),
        ("* Capacity planing is done weekly.\n", 12, "planing", "planning"),
    ],
)
def test_confused_words(body, column, written, likely):
    (d,) = lint(FRONT + body, ("NL206",))
    assert (d.line, d.column, d.end_column) == (BODY_LINE, column, column + len(written))
    assert d.suggestions == (likely,) and d.severity.value == "info"
    assert f"'{written}' where '{likely}' is expected" in d.message
    assert d.fix is not None and not d.fix.safe and d.fix.edits[0].text == likely


def test_confused_word_names_its_evidence():
    (d,) = lint(FRONT + "* After a restart you may loose the cached data.\n", ("NL206",))
    assert d.message == "'loose' where 'lose' is expected between 'may' and 'the'"


@pytest.mark.parametrize(
    "body",
    [
        "* Keep the cable loose and the cover closed.\n",  # loose fits
        "* It takes longer than the default, and then the job stops.\n",
        "* The effect of the change is small.\n",
        "* Planing a board and whether it rains.\n",  # capitalised first word; whether is right
        "* You may `loose` the data.\n",  # code span
        "* loose\n",  # no neighbours
        "* the decider to determine the next step\n",  # a rare word with no evidence before it
        "* It is as thorough as the manual.\n",  # not a confusion set
        "* We ran it on the same instance type than before.\n",  # NL205's span
    ],
)
def test_confused_words_need_strong_context(body):
    assert lint(FRONT + body, ("NL206",)) == []


def test_confused_word_respects_the_notes_words():
    front = "---\ntitle: T\nreviewed: 2025-06-01\nwords: [wether]\n---\n"
    assert lint(front + "* Check wether it is enabled.\n", ("NL206",)) == []


def test_pathological_tokens_bound_the_suggestion_search(monkeypatch):
    """Long unknown tokens never reach the distance-2 search (the costly one); over-long ones get no search."""
    from notelint.spelling import suggest

    searched = []
    original = suggest._Index.near2
    monkeypatch.setattr(suggest._Index, "near2", lambda self, word: searched.append(word) or original(self, word))
    word = "abcdefghijklmnopqrstuvwxy"
    found = lint(FRONT + f"* {word} {word[:10]}q {word * 3}\n", ("NL201",))
    assert [d.column for d in found] == [3, 3 + len(word) + 1, 3 + len(word) + 13]
    assert [d.suggestions for d in found][2] == ()  # longer than MAX_LENGTH: no candidates at all
    assert searched and all(len(w) <= suggest.MAX_DISTANCE_2 for w in searched)


@pytest.mark.parametrize(
    "body",
    [
        "* aws sts get-session-token --token-code code-from-token\n",
        '* "blabla.com. 172800 IN NS ns.awsdns.com"\n',
        "* real-time time series\n",
        "* **parameter store**\n  store passwords\n",
    ],
)
def test_repeats_that_are_not_slips(body):
    assert lint(FRONT + body, ("NL204",)) == []


def _model(aws_then: str = "", then_a: int = 30000):
    from notelint.spelling.confusion import Model

    counts = "\n".join(
        [
            "n\t1000000000",
            "m\t1000",
            "u\tmore\t1000000",
            "u\ta\t10000000",
            "u\tthan\t500000",
            "u\tthen\t400000",
            "w\tthan\tmore:200000\ta:50000\t\t",
            f"w\tthen\t\ta:{then_a}\t\t{aws_then}",
        ]
    )
    return Model("than then\n", "", lambda: counts)


def test_confusion_model_weighs_both_neighbours():
    model = _model()
    # P(more|than) / P(more|then): 0.4 / (a missing bigram: chance, 400 of 400,000) = 400; P(a|...): 0.1 / 0.075
    assert model.judge("then", "more", "a") == ("than", "more", "a")
    assert model.judge("than", "more", "a") is None  # the written word fits
    assert _model(then_a=60000).judge("then", "more", "a") is None  # 'a' speaks for 'then' (0.15 > 0.1)


def test_confusion_model_defers_to_aws_prose():
    assert _model(aws_then="a:3").judge("then", "more", "a") is None


def test_the_text_of_a_link_to_a_profile_is_a_name():
    """Contributor lists: '[Ben Kehoe (benkehoe)](https://github.com/benkehoe)' holds a name and a handle."""
    text = note("* [Ben Kehoe (benkehoe)](https://github.com/benkehoe) — expert (IoT)\n"
                "* [Kehoe's benkehoe notes](https://github.com/open-guides/og-aws/issues?q=author%3Abenkehoe)\n")
    assert [(d.code, d.line) for d in lint(text, "NL2")] == [("NL201", 6), ("NL201", 6)]


def test_a_word_in_image_alt_text_is_located_exactly():
    """Not the whole '![…](url)': the word itself (escaped or reference-style alt text falls back to the image)."""
    assert [(d.code, d.line, d.column, d.end_column) for d in lint(note("See ![rek stored video arch](./x.png) here.\n"), "NL201")] == [
        ("NL201", 5, 7, 10)
    ]


# -- context that shows an unknown word is no misspelling (spelling.cues) ------------------
@pytest.mark.parametrize(
    "body",
    [
        "* See [Ruxit](http://ruxit.com/) and [cloudcycler](https://github.com/fairfaxmedia/cloudcycler).\n",
        "* ![rek stored video arch](./rek-stored-video-arch.png)\n",
        "* Tamara G Kolda and Brett W. Bader wrote it, as did Zheng et al. and Dr. Nathalie Rauschmayr.\n",
        "* Sudipto Guha found it.\n",
        '* Output: "Bonjour, comment allez-vous ?" (4 words)\n',
        "* Der Bericht ist nicht fertig, und die Tabelle fehlt.\n",
        "* snap-shotting, tri-grams and re-use are fine.\n",
        "* Encoder types (pooled_embedding, hcnn, bilstm, attentional_bilstm)\n",
    ],
)
def test_names_foreign_text_and_compounds_are_not_reported(body):
    assert found(body, "NL201") == []


@pytest.mark.parametrize(
    ("body", "word"),
    [
        # a fragment is made from a heading, typos and all: no evidence of a name
        ("* [Linear Discrimniant Analysis](./theory.md#linear-discrimniant-analysis)\n", "Discrimniant"),
        ("* Content Delievery Network (CDN) serves it.\n", "Delievery"),  # capitalised, but beside known words
        ("* Use the genenral purpose volumes of the cluster, le disk.\n", "genenral"),  # few foreign words
        ("* snap-shotign is slow.\n", "shotign' in 'snap-shotign"),
        ("* Encoder types (pooled, hcnnn, bilstm)\n", "hcnnn"),  # no identifier among the items
    ],
)
def test_typos_beside_those_cues_are_still_reported(body, word):
    assert [m for *_, m in found(body, "NL201")] == [f"unknown word '{word}'"]


def test_parts_of_plus_and_slash_joined_lists_are_checked():
    body = "* Pandas/Nmupy, Pandas/NumPy/Scikti and Glue+Athenna; opt/ml/model and C++ are fine.\n"
    assert [m for *_, m in found(body, "NL201")] == [
        "unknown word 'Nmupy' in 'Pandas/Nmupy'",
        "unknown word 'Scikti' in 'Pandas/NumPy/Scikti'",
        "unknown word 'Athenna' in 'Glue+Athenna'",
    ]


# -- NL203 for names that are English words, and names of several words -------------------
def test_name_case_of_prose_names_phrases_and_mixed_case_english_forms():
    body = "* Write it in python or java with Javascript, on apache spark, into microsoft excel.\n"
    assert [m for *_, m in found(body, "NL203")] == [
        "'python' is spelled right but with the wrong case: Python",
        "'java' is spelled right but with the wrong case: Java",
        "'Javascript' is spelled right but with the wrong case: JavaScript",
        "'apache spark' is spelled right but with the wrong case: Apache Spark",
        "'microsoft excel' is spelled right but with the wrong case: Microsoft Excel",
    ]


def test_name_case_leaves_values_code_and_capitals_alone():
    body = "* engines:\n  * mysql\n  * postgresql\n* `python` and PYTHON and python-dateutil and APACHE SPARK.\n"
    assert found(body, "NL203") == []


# -- NL207 split-name --------------------------------------------------------------
def test_split_and_joined_names():
    body = "* Py Torch, Java Script and Open API; Py Troch; images on DockerHub.\n"
    diagnostics = lint(FRONT + body, ("NL207",))
    assert [(d.column, d.message) for d in diagnostics] == [
        (3, "'Py Torch' is one name: PyTorch"),
        (13, "'Java Script' is one name: JavaScript"),
        (29, "'Open API' is one name: OpenAPI"),
        (39, "'Py Troch' is one name: PyTorch"),
        (59, "'DockerHub' is two words: Docker Hub"),
    ]
    assert [d.fix is not None for d in diagnostics] == [True, True, True, False, True]


@pytest.mark.parametrize(
    "body",
    [
        "* the tensor flow through the graph\n",  # lowercase: may be two words
        "* Sage Maker and Dyna Mo are NL3xx's\n",  # AWS product names
        "* see py/Torch and py.Torch\n",
        "* New Year and Open Data\n",
    ],
)
def test_split_name_leaves_these_alone(body):
    assert found(body, "NL207") == []


def test_split_name_needs_an_unknown_half_for_a_near_name_and_the_names_first_case():
    assert found("* Open MPI runs it; no SQL here.\n", "NL207") == []


def test_quoted_values_extensions_and_alt_text_from_a_file_name_keep_their_case():
    body = "* One of “avro” or ‘parquet’; a .parquet file; ![iot spark s3](iot-spark-s3.png).\n"
    assert found(body, "NL203") == []
    # a link's URL is lowercase by habit: it says nothing of the name's case
    body = "* See [Github](https://github.com/aws/sagemaker/tree/main) and [Tensorflow](#tensorflow-title).\n"
    assert [m for *_, m in found(body, "NL203")] == [
        "'Github' is spelled right but with the wrong case: GitHub",
        "'Tensorflow' is spelled right but with the wrong case: TensorFlow",
    ]


# -- language = "en-GB" ------------------------------------------------------------
BRITISH = "* The organisation will vectorise and normalise the catalogue; a favourite programme.\n"


def test_british_spellings_pass_with_en_gb_only():
    assert [m for *_, m in found(BRITISH, "NL201")] == [
        "unknown word 'organisation'",
        "unknown word 'vectorise'",
        "unknown word 'normalise'",
        "unknown word 'favourite'",
        "unknown word 'programme'",
    ]
    assert found(BRITISH, "NL201", language="en-GB") == []
    # a British ending on no word at all is still reported
    assert [m for *_, m in found("* The grobbalisation of data.\n", "NL201", language="en-GB")] == [
        "unknown word 'grobbalisation'"
    ]


def test_british_one_l_verbs_pass_with_en_gb_while_rare_slips_stay_reported():
    body = "* It instals the agent, enrols devices and fulfils requests; the instalment is withing budget.\n"
    instals, withing = body.index("instals") + 1, body.index("withing") + 1
    assert [(line, col) for line, col, *_ in spots(body, "NL201")] == [(1, instals), (1, withing)]
    assert [(line, col) for line, col, *_ in spots(body, "NL201", language="en-GB")] == [(1, withing)]


def test_language_setting_is_read_and_checked(tmp_path: Path, capsys, monkeypatch):
    (tmp_path / "note.md").write_text(FRONT + BRITISH, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notelint.toml").write_text('select = ["NL201"]\n', encoding="utf-8")
    assert main(["check", "note.md"]) == 1
    (tmp_path / "notelint.toml").write_text('language = "en-GB"\nselect = ["NL201"]\n', encoding="utf-8")
    assert main(["check", "note.md"]) == 0  # the setting is part of the result cache's key
    (tmp_path / "notelint.toml").write_text('language = "fr"\n', encoding="utf-8")
    assert main(["check", "note.md"]) == 2
    assert """'language' must be "en-US" | "en-GB", got 'fr'""" in capsys.readouterr().err


def test_a_rare_word_is_judged_with_one_neighbour_and_a_curated_one_is_not():
    from notelint.spelling.confusion import Model, confused

    counts = "\n".join(
        [
            "n\t100000000000",
            "m\t100",
            "u\tresource\t1000000",
            "u\tplanning\t2000000",
            "u\tplaning\t2000",
            "u\tthan\t500000",
            "u\tthen\t400000",
            "w\tplanning\tresource:40000\t\t\t",
            "w\tplaning\t\t\t\t",
            "w\tthan\tresource:20000\t\t\t",
        ]
    )
    model = Model("than then\n", "planing planning\n", lambda: counts)
    assert model.rare("planing") and not model.rare("then")
    # 'resource' then ',': one word neighbour; P(resource|planning) = 0.02 against chance (1e-5) for planing
    assert [(c.written, c.likely, c.before) for c in confused("resource planing, and", model)] == [
        ("planing", "planning", "resource")
    ]
    assert list(confused("resource then, and", model)) == []  # a curated set needs both neighbours


def test_a_shift_slip_on_a_common_word_is_reported():
    body = "* THis is it, WHen it runs; IDs, GBs, MXNet, IPsec, OAuth and **HI**gh **D**ensity are fine.\n"
    assert [m for *_, m in found(body, "NL201")] == ["unknown word 'THis'", "unknown word 'WHen'"]


# -- issue 16: cues measured on the public corpora (names in lists, formulas, abbreviations,
#    cited misspellings, identifier names, ALL-CAPS constants) ---------------------------------
@pytest.mark.parametrize(
    "body",
    [
        "* Test: CodeBuild, HOE StormRunner, Load BlazeMeter, Nouvola, Runscope, Ghost Inspector\n",
        "* Devices from companies like Huawei, Meizu, Lenovo, etc. are missing.\n",
        "* Animashree Anandkumar, Rong Ge, Daniel Hsu, Sham M Kakade, and Matus Telgarsky wrote it.\n",
        "* In this example, Dwin\u200b is the data and bwin\u200b the bias on it.\n",
        "* MSE is in the range \\[0, infty\\] and R2 in \\[-infty, 1\\].\n",
        "* Workloads where data is infreq. accessed.\n",
        "* insertion => aquire -> acquire; deletion => \"neccessary\" to \"necessary\"; absense to absence\n",
        "* Set the projectid, bucketname, customerid and the joinkeys.\n",
        "* The API returns INSYNC for the STATEMACHINEARN; see LICENSE-SAMPLECODE.\n",
        "* The user needs only the passrole permission.\n",  # iam:PassRole: an IAM action is NL4xx's
    ],
)
def test_names_formulas_abbreviations_cited_typos_and_constants_are_not_reported(body):
    assert found(body, "NL2") == []


@pytest.mark.parametrize(
    ("body", "spot"),
    [
        # one edit from a known word: a typo, even in a list of names
        ("* Lamda, Athena, Redshift and Glue run it.\n", (1, 3, "NL201")),
        ("* Services: Athena, Quiksight, Redshift\n", (1, 21, "NL201")),
        # two names only: no list
        ("* Emily Webber, AWS Specialist\n", (1, 9, "NL201")),
        # a period that ends the sentence: no abbreviation
        ("* The data is infreq. Then it is read.\n", (1, 15, "NL201")),
        # one edit from a known word, before a period in mid-sentence: a typo
        ("* Grant acces. to the data.\n", (1, 9, "NL202")),
        # the correction is not beside it, or the word after the arrow is no correction
        ("* We aquire data, then acquire more.\n", (1, 6, "NL202")),
        ("* Convert the absense -> presence flag.\n", (1, 15, "NL202")),
        # no formula: an invisible character missing, or a LaTeX name in plain prose
        ("* In this example, Dwin is the data.\n", (1, 20, "NL201")),
        # ALL CAPS: a known word typed twice, or no known words run together
        ("* Keys stored in AWSAWS Key Management Service.\n", (1, 18, "NL201")),
        ("* It needs CUBLAS installed.\n", (1, 12, "NL201")),
        # a known word and a suffix that is no identifier suffix
        ("* The bucketnaem is set.\n", (1, 7, "NL201")),
        ("* The user needs only the pasrole permission.\n", (1, 27, "NL201")),
    ],
)
def test_typos_beside_the_new_cues_are_still_reported(body, spot):
    assert spots(body, "NL2") == [spot]


# -- NL201: a stray shifted character glued to a word ---------------------------
def test_a_stray_shifted_character_is_reported_with_the_unshifted_key():
    diagnostics = lint(FRONT + "* Policies for S#. The OS< network and MFA> done.\n", ("NL201",))
    assert [(d.code, d.line, d.column, d.end_column, d.suggestions) for d in diagnostics] == [
        ("NL201", 5, 16, 18, ("S3",)),
        ("NL201", 5, 24, 27, ("OS,",)),
        ("NL201", 5, 40, 44, ("MFA.",)),
    ]
    assert diagnostics[0].message == "'S#' ends in a stray '#': the shift key held for '3'?"


def test_markup_and_names_ending_in_shifted_characters_are_not_slips():
    body = (
        "* Use <bucket name> and Map<String, Object> in C# or F#.\n"
        "* Breadcrumbs: Settings > Security, a>b, x=# and `S#` in code.\n"
    )
    assert [d.code for d in lint(FRONT + body, ("NL201",))] == []


# -- NL201: words English barely knows, one letter from a word AWS prose uses ----
def test_a_barely_known_word_next_to_a_frequent_one_is_reported_with_it():
    diagnostics = lint(FRONT + "* Detect content withing videos; a car choses one, withing a day.\n", "NL2")
    assert [(d.code, d.line, d.column, d.end_column, d.suggestions) for d in diagnostics] == [
        ("NL201", 5, 18, 25, ("within",)),
        ("NL201", 5, 40, 46, ("chooses",)),
        ("NL201", 5, 52, 59, ("within",)),
    ]
    assert diagnostics[0].message == "'withing' is a word English barely uses; AWS prose writes 'within', one letter away"
    # NL206 leaves these to NL201: one finding per span
    assert [(d.code, d.suggestions) for d in lint(FRONT + "* A policy that myst be attached.\n", "NL2")] == [("NL201", ("must", "most"))]


def test_barely_known_words_pass_when_the_project_or_the_note_lists_them():
    assert spots("* Detect content withing videos.\n", "NL201", config=Config(root=Path("."), words=("withing",))) == []
    assert [d.code for d in lint(note("* Detect content withing videos.\n", front="---\ntitle: T\nreviewed: 2025-06-01\nwords: [withing]\n---\n"), "NL2")] == []
    assert spots("* Detect content within videos and choose the metrics.\n", "NL201") == []
    assert spots("* Submit the code to the Livy server.\n", "NL201") == []  # capitalised: a name


def test_a_barely_known_word_with_a_version_after_it_is_a_package_name():
    assert spots("* Installed: cycler—0.10.0 and numpy.\n", "NL201") == []
    assert spots("* The cycler turns.\n", "NL201") == [(1, 7, "NL201")]


def test_a_comparison_written_against_a_code_span_is_not_a_stray_character():
    assert spots("* Keep it if probability>`0.5` holds.\n", "NL201") == []


# -- NL206: "it's" for the possessive "its" --------------------------------------
def test_its_written_as_it_is_before_a_noun_is_reported():
    body = "* A volume as it’s root device; compare it's performance against the old one.\n"
    diagnostics = lint(FRONT + body, ("NL206",))
    assert [(d.code, d.line, d.column, d.end_column, d.suggestions) for d in diagnostics] == [
        ("NL206", 5, 15, 19, ("its",)),
        ("NL206", 5, 41, 45, ("its",)),
    ]
    assert diagnostics[0].message == "'it’s' where 'its' is expected before 'root'"
    assert diagnostics[0].fix is not None and not diagnostics[0].fix.safe


def test_its_as_it_is_is_left_alone():
    body = (
        "* It's not possible; it's new to us and it's full of data; it's available now.\n"
        "* The role and its target value; it's root.\n"
    )
    assert [d.code for d in lint(FRONT + body, ("NL206",))] == []


def test_a_stray_letter_before_a_headings_hash_is_named_as_such():
    # "B# Amazon Kinesis" opening a line is a heading with a stray 'B', not the shift key held for "B3"
    (d,) = lint(FRONT + "B# Amazon Kinesis\n\nText.\n", ("NL201",))
    assert (d.line, d.column, d.end_column) == (BODY_LINE, 1, 3)
    assert d.message == "'B#' starts a line: a heading with a stray 'B' before its '#'?"
    assert d.suggestions == ("#",)
    # in mid-line the shift key is still the likelier slip
    (d,) = lint(FRONT + "* Use the S# endpoint.\n", ("NL201",))
    assert d.suggestions == ("S3",)


# -- session 5: a slug cut short, lists of values, names in a table cell ------------------
@pytest.mark.parametrize(
    "body",
    [
        # an app name's prefix as the console shows it, beside the name it comes from
        "* The Data Wrangler app name starts with **sagemaker\\-data\\-wrang**.\n",
        "* To update Data Wrangler, delete the app that starts with sagemaker-data-wrang.\n",
        # a list of column names, one lowercase token an item
        "1. Drop these columns:\n   + cabin\n   + ticket\n   + sibsp\n   + home\\.dest\n",
        "* pclass\n* sibsp\n\n* parch\n",
        # names in a table cell: two capitalised items are a list of names
        "| Task | Others |\n| --- | --- |\n| Speech | Ambiverse Natural Language API, Cloud Speech API |\n",
        "| Task | Others |\n| --- | --- |\n| Image recognition | IBM Watson, Clarifai |\n| Metrics | Borgmon, TSDB |\n",
    ],
)
def test_cut_slugs_value_lists_and_names_in_a_cell_are_not_reported(body):
    assert found(body, "NL2") == []


@pytest.mark.parametrize(
    ("body", "spot"),
    [
        # the text writes no name that completes the slug's last piece
        ("* The app name starts with **sagemaker-data-wrang**.\n", (1, 45, "NL201")),
        ("* Data Wrangler runs sagemaker-data-wrnagler apps.\n", (1, 37, "NL201")),
        # a value list still reports a value one edit from a known word, and a list
        # with an item of several words is prose
        ("* cabin\n* tickett\n* sibsp\n", (2, 3, "NL201")),
        ("* cabin\n* ticket\n* sibsp is a column\n", (3, 3, "NL201")),
        # two items: enough in a table cell, not in a sentence
        ("* Emily Webber, AWS Specialist\n", (1, 9, "NL201")),
        # a name one edit from a known word stays a typo in a cell too
        ("| Task | Others |\n| --- | --- |\n| Image | IBM Watson, Rekognitoin |\n", (3, 23, "NL201")),
    ],
)
def test_typos_beside_slugs_value_lists_and_cells_are_still_reported(body, spot):
    assert spots(body, "NL2") == [spot]


@pytest.mark.parametrize(
    "body",
    [
        # a prefix written solid before a known word
        "* Misspecifying a model; a misdetection; overallocate memory; unbiasing terms; overprovisioned DPUs.\n",
        # a list of type mappings and of ALL-CAPS values
        "The mappings are:\n+ DATE \\-> DATE\n+ VARCHAR \\-> STRING\n+ LONGNVARCHAR \\-> STRING\n",
        # a literal after "ends with" / "starts with", checked as an identifier
        "* Clone the repository that ends with **modelbuild**.\n",
        "* Pick the bucket that starts with 'mlopsdata'.\n",
        # a name that a link of the same paragraph spells
        "* [This page](http://awslimitchecker.readthedocs.io/en/latest/limits.html) from the awslimitchecker tool.\n",
    ],
)
def test_prefixed_words_value_mappings_affix_literals_and_linked_names_are_not_reported(body):
    assert found(body, "NL2") == []


@pytest.mark.parametrize(
    ("body", "spot"),
    [
        # one edit from a known word: a typo, prefix or not ("recoder": recorder)
        ("* The recoder setup.\n", (1, 7, "NL201")),
        ("* An overprovisoned volume.\n", (1, 6, "NL201")),
        # the rest after the prefix is no known word
        ("* Unmanagable code.\n", (1, 3, "NL201")),
        # a value of a mapping list one edit from a known word
        ("+ DATE \\-> DATE\n+ VARCHAR \\-> STRING\n+ CHAR \\-> STRNIG\n", (3, 12, "NL201")),
        # after "ends with", a value one edit from a known word is still a typo
        ("* The name ends with **trainingg**.\n", (1, 24, "NL201")),
        # a link's URL spells the name, not a near spelling of it
        ("* [This page](http://awslimitchecker.readthedocs.io/) from the awslimitcheckr tool.\n", (1, 64, "NL201")),
        # a piece of a URL shorter than four letters excuses nothing
        ("* [Docs](https://example.com/dat/x) for the dat source.\n", (1, 45, "NL201")),
    ],
)
def test_typos_beside_prefixes_mappings_affixes_and_links_are_still_reported(body, spot):
    assert spots(body, "NL2") == [spot]


# -- the speller's kept verdicts ----------------------------------------------------
def test_kept_word_verdicts_are_bounded_and_forgetting_them_changes_no_finding(monkeypatch):
    from notelint.engine import Linter
    from notelint.rules import RULES
    from notelint.spelling import check
    from tests.helpers import AS_OF, REPO

    text = FRONT + "".join(f"* The modle{n} trainig job writes artefact number {n} to the bukcet.\n" for n in range(30))
    expected = [(d.line, d.column, d.code, d.message) for d in lint(text, ("NL2",))]
    monkeypatch.setattr(check, "VERDICTS_KEPT", 5)
    linter = Linter(Config(root=REPO, select=("NL2",)), RULES, AS_OF)
    bounded = [(d.line, d.column, d.code, d.message) for d in linter.check_text(text, "note.md")]
    kept = linter.context.shared_data["spelling.speller"]
    assert bounded == expected
    assert 'trainig' in {m.split("'")[1] for *_, m in expected}
    assert 0 < len(kept._verdicts) <= 5
    assert len(kept._fine) <= 5


def test_a_surname_after_by_or_and_and_a_given_name_is_not_reported():
    assert found("* The dataset by Ronny Kohavi and Barry Becker.\n", "NL2") == []
    assert found("* Thomas L Griffiths and Mark Steyvers. *Finding Scientific Topics*.\n", "NL2") == []
    # one edit from a known word, or no "by" / "X and" before the given name: still reported
    assert spots("* Trained by Amazon Sagemkaer.\n", "NL2") == [(1, 21, "NL201")]
    assert spots("* Mark Steyvers wrote it.\n", "NL2") == [(1, 8, "NL201")]


# -- the typo guard weighs its neighbours; inflections; options ------------------------------------
def test_a_name_or_prefixed_word_whose_only_neighbours_are_rare_words_is_not_reported():
    # "ivanovo", "unshared", "rematching": words pyspellchecker barely saw are no sign of a typo
    assert found("* Authors: Kenji Tanaka, Ana Ivanova, Luis Moreno.\n", "NL2") == []
    assert found("* Read the unsharded table, then start rebatching the rows.\n", "NL2") == []


def test_a_name_or_prefixed_word_one_edit_from_a_common_word_is_still_reported():
    # "petrol", "recorder" and "recorded" are words writers use: the guard holds
    assert spots("* Authors: Kenji Tanaka, Ivan Petrov, Luis Moreno.\n", "NL2") == [(1, 31, "NL201")]
    assert spots("* The recoder setup; the recored logs.\n", "NL2") == [(1, 7, "NL201"), (1, 26, "NL201")]


def test_a_prefix_before_a_common_four_letter_word_and_another_inflection_of_a_known_word_are_not_reported():
    # "un" + "bias" (a common four-letter word); "unbiases" is one edit from "unbiased", its own other ending
    assert found("* The step unbiases each feature and can unbias the label.\n", "NL2") == []


def test_typos_of_prefixed_four_letter_words_are_still_reported():
    assert spots("* The step unbaises each feature and can unbais the label.\n", "NL2") == [(1, 12, "NL201"), (1, 42, "NL201")]
    # a rare four-letter word after a prefix is too easy to hit by a slip ("untill": until)
    assert spots("* Wait untill the job ends.\n", "NL2") == [(1, 8, "NL201")]


def test_command_line_options_in_prose_are_not_reported_but_words_after_one_dash_are():
    assert found("* Run it with --dryrun or --outfile out.png.\n", "NL2") == []
    assert spots("* Run it with -outfle.\n", "NL2") == [(1, 16, "NL201")]


def test_hashmark_is_a_word():
    assert found("* Names may hold letters, digits and hashmarks.\n", "NL2") == []


def test_alt_text_initials_of_the_image_file_name_and_ordinals_of_italic_symbols_are_not_reported():
    # "pof": point-of-failure, as the file name spells it; "*x*th": the x-th, a symbol in italics
    assert found("![single pof](./single-point-of-failure.png)\n\n* Keep every *x*th sample and the *t*th row.\n", "NL2") == []


def test_initials_the_file_name_does_not_have_and_ordinals_without_markup_are_still_reported():
    assert spots("![single pfo](./single-point-of-failure.png)\n", "NL2") == [(1, 10, "NL201")]
    assert spots("* Keep every xth sample.\n", "NL2") == [(1, 14, "NL201")]


def test_a_particle_that_ends_a_phrasal_verb_and_starts_the_next_phrase_is_no_repeat():
    body = "* Users must be signed in in order to open it.\n* The alarm turned on on Monday; set up up front.\n"
    assert found(body, "NL204") == []


def test_a_doubled_preposition_after_other_words_is_still_a_repeat():
    assert spots("* It is based on on the data.\n* It depends on on nothing.\n", "NL204") == [(1, 18, "NL204"), (2, 17, "NL204")]
    # a bare verb that is as often a noun: "the scale on on which" is a slip
    assert spots("* We set the scale on\non which to search.\n", "NL204") == [(2, 1, "NL204")]


def test_a_term_that_opens_its_definition_is_checked_like_an_identifier():
    body = (
        "+ *dbtable* \\(required\\) — The name of the JDBC table.\n"
        "+ *fetchrows* (optional) – The rows read at once.\n"
        "+ **hashfield** - The column that splits the reads.\n"
    )
    assert found(body, "NL2") == []


def test_a_defined_term_that_looks_misspelled_or_a_word_outside_a_definition_is_still_reported():
    body = "+ *databse* (required) — The database.\n+ *dbtable* is the name.\n+ Dbtable (required) - The name.\n"
    assert spots(body, "NL2") == [(1, 4, "NL201"), (2, 4, "NL201"), (3, 3, "NL201")]
