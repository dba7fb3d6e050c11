"""Compiled regular expressions kept between processes (notelint/regexcache.py)."""

from __future__ import annotations

import re

import pytest

from notelint import regexcache

SAMPLES = [
    (r"(?P<word>[a-z]+)-(?P=word)", re.IGNORECASE, ["Go-go", "no-yes", "ab-AB"]),
    (r"\bAmazon\s+(SageMaker|S3)\b", 0, ["Amazon  SageMaker AI", "amazon s3", "Amazon S3."]),
    (r"^\s*[-*]\s+(.*)$", re.MULTILINE, ["text\n * item\n- two"]),
    (r"(?<![\w-])ml\.[a-z0-9]+\.(?:x?large|\d+xlarge)", 0, ["ml.m5.xlarge and ml.p4d.24xlarge"]),
    (rb"\x00+(?=end)", 0, [b"a\x00\x00end"]),
]


@pytest.fixture
def kept(tmp_path, monkeypatch):
    """The look-up installed over an empty cache; removed afterwards."""
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    regexcache.uninstall()
    yield tmp_path
    regexcache.uninstall()
    re.purge()


def behaviour(pattern: re.Pattern) -> tuple:
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)


def findings(pattern: re.Pattern, texts) -> list:
    return [[(m.span(), m.groups()) for m in pattern.finditer(text)] for text in texts]


def test_patterns_built_from_kept_code_behave_as_re_builds_them(kept):
    plain = [(re.compile(p, f), texts) for p, f, texts in SAMPLES]
    regexcache.install()
    re.purge()
    for pattern, flags, texts in SAMPLES:  # compiled through the look-up, kept
        built = re.compile(pattern, flags)
        assert built is not plain[SAMPLES.index((pattern, flags, texts))][0]
    for count in range(regexcache.MIN_NEW):  # enough new patterns for a save
        re.compile(f"filler{count}")
    regexcache.save()
    regexcache.uninstall()
    regexcache.install()  # a later process: the kept code is read back
    re.purge()
    assert len(regexcache._known) >= len(SAMPLES) + regexcache.MIN_NEW
    for (pattern, flags, texts), (reference, _texts) in zip(SAMPLES, plain):
        loaded = re.compile(pattern, flags)
        assert behaviour(loaded) == behaviour(reference)
        assert findings(loaded, texts) == findings(reference, texts)
    assert regexcache._new == 0  # every one came from the file


def test_a_run_with_few_new_patterns_writes_nothing(kept):
    regexcache.install()
    re.purge()
    re.compile("only-one-new-pattern")
    regexcache.save()
    assert not list(kept.glob("derived/regex-*"))


def test_a_damaged_file_is_ignored(kept):
    regexcache.install()
    path = regexcache._path
    regexcache.uninstall()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    regexcache.install()
    re.purge()
    assert re.compile(r"a(b)c").fullmatch("abc").group(1) == "b"


def test_errors_are_raised_as_re_raises_them(kept):
    regexcache.install()
    re.purge()
    with pytest.raises(re.error):
        re.compile(r"(unclosed")


def test_uninstall_puts_res_own_compile_back(kept):
    from re import _compiler

    original = _compiler.compile
    regexcache.install()
    assert _compiler.compile is not original
    regexcache.uninstall()
    assert _compiler.compile is original
