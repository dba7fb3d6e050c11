"""notelint.hashing.sha256 is SHA-256: the same digests as hashlib's, whichever module gives it."""

from __future__ import annotations

import hashlib
import importlib
import subprocess
import sys

import pytest

from notelint import hashing


@pytest.mark.parametrize("data", [b"", b"abc", bytes(range(256)) * 4099])
def test_the_digests_are_hashlibs(data):
    assert hashing.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    incremental = hashing.sha256()
    for start in range(0, len(data), 1000):
        incremental.update(data[start:start + 1000])
    assert incremental.digest() == hashlib.sha256(data).digest()


def test_without_pythons_own_module_hashlib_is_used(monkeypatch):
    real = importlib.import_module

    def missing(name, *args):
        if name in ("_sha256", "_sha2"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", missing)
    assert hashing._sha256() is hashlib.sha256


def test_a_run_answered_from_the_cache_does_not_load_openssl():
    """What the module is for: importing the result cache loads no hashlib (libcrypto)."""
    code = "import sys, notelint.resultcache; print('hashlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
