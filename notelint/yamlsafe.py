"""The one YAML set-up: safe loading only (no tag may build a Python object),
with libyaml's C loader where it is installed (several times faster, same rules)."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)
