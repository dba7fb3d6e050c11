"""NL450: hyperparameters of SageMaker's built-in algorithms, and the data behind it."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from notelint.shipped import data_yaml
from tests.aws_helpers import lint

ROOT = Path(__file__).resolve().parent.parent


def test_a_mistyped_hyperparameter_under_the_algorithm_heading():
    text = """
    ### Sequence-to-Sequence (Seq2Seq) `#exam-tip`

    **Hyperparameters:**
    - `num_layers_encoder` - Encoder depth
    - `rnn_type` - lstm or gru
    - `attention_type` - mlp or dot

    ### Object2Vec

    - `enc1_network`, `enc2_network` - encoder types (`pooled_embedding`, `hcnn`, `bilstm`)
    """
    assert lint(text, "NL450") == [
        ("NL450", 5, 4, ("rnn_cell_type",)),
        ("NL450", 6, 4, ("rnn_attention_type",)),
        ("NL450", 10, 20, ("enc0_network", "enc1_network")),
    ]


def test_names_that_are_not_read_as_hyperparameters():
    text = """
    ### XGBoost

    - `num_round`, `max_depth`, `eval_metric` are hyperparameters
    - `mini_batch_size` belongs to other algorithms; `my_training_script` is a file; `train_data` a variable
    - `validation:rmse` is a metric, `multi:softmax` a value, `binary_logistic_x` is far from every name

    ### XGBoost versus LightGBM

    - `num_rounds` could be either
    """
    assert lint(text, "NL450") == []
    # no heading names an algorithm: nothing to check against
    assert lint("## Training\n\n- `rnn_type` - lstm\n", "NL450") == []


def test_heading_aliases_and_the_nearest_heading_wins():
    text = """
    ## Random Cut Forest

    - `num_tree` sets the forest size

    ### k-nearest neighbours

    - `sample_sizes` for kNN
    """
    assert lint(text, "NL450") == [("NL450", 3, 4, ("num_trees",)), ("NL450", 7, 4, ("sample_size",))]


def test_the_data_is_sorted_and_each_algorithm_has_a_source():
    data = data_yaml("aws", "sagemaker-hyperparameters.yaml")
    assert len(data["algorithms"]) >= 20
    for algorithm in data["algorithms"]:
        assert algorithm["hyperparameters"] == sorted(algorithm["hyperparameters"]), algorithm["names"][0]
        assert algorithm["values"] == sorted(algorithm["values"]), algorithm["names"][0]
        assert not set(algorithm["values"]) & set(algorithm["hyperparameters"])
    seq2seq = next(a for a in data["algorithms"] if "Seq2Seq" in a["names"])
    assert {"rnn_cell_type", "rnn_attention_type", "num_layers_encoder"} <= set(seq2seq["hyperparameters"])


def _generator():
    spec = importlib.util.spec_from_file_location("sagemaker_hyperparameters", ROOT / "scripts" / "sagemaker_hyperparameters.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_generator_reads_a_hyperparameter_page(tmp_path):
    page = tmp_path / "seq.md"
    page.write_text(
        "# Sequence\\-to\\-Sequence Hyperparameters<a name=\"seq\"></a>\n\n"
        "| Parameter Name | Description | \n| --- | --- | \n"
        "| rnn\\_cell\\_type | Cell type\\. Either `lstm` or `gru`\\. | \n"
        "| beam\\_size | Beam length\\. Uses `rnn_cell_type`\\. | \n",
        encoding="utf-8",
    )
    assert _generator().read_page(page) == {"hyperparameters": ["beam_size", "rnn_cell_type"], "values": ["gru", "lstm"]}
    other = tmp_path / "other.md"
    other.write_text("# Something else<a name=\"x\"></a>\n\n| a | b |\n", encoding="utf-8")
    assert _generator().read_page(other) is None


def test_a_value_list_with_one_value_the_algorithm_does_not_take():
    text = """
    ### Object2Vec

    - `enc1_network`, `enc2_network` - Encoder types (pooled_embedding, hcnn, bilstm, attentional_bilstm)
    - encoders: `pooled_embedding`, `hcnn`, `attention_cnn`
    """
    assert lint(text, "NL451") == [
        ("NL451", 3, 83, ("pooled_embedding", "hcnn", "bilstm")),
        ("NL451", 4, 42, ("pooled_embedding", "hcnn")),
    ]


def test_value_lists_that_are_not_checked():
    text = """
    ### Object2Vec

    - pooled_embedding, my_custom_net (one known value is not a list of values)
    - hcnn, bilstm, lstm (a plain word may be prose)
    - enc0_network, enc1_network, hcnn, bilstm (hyperparameters in a list are known names)

    ## Training

    - pooled_embedding, hcnn, attentional_bilstm (no heading names an algorithm)
    """
    assert lint(text, "NL451") == []
