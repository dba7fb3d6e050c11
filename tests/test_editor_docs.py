"""Every set-up snippet in docs/editors.md parses, and starts `notelint server` on Markdown.

JSON and TOML are parsed; the Neovim Lua is *run* (by a real Lua, from lupa)
against a stand-in ``vim`` table that records the configuration; Rust and
Emacs Lisp, for which no parser is at hand, are checked for balanced brackets
and strings.
"""

from __future__ import annotations

import json
import re
import sys

import pytest
from lupa import LuaRuntime

from tests.helpers import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DOC = REPO / "docs" / "editors.md"
_FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _snippets(language: str) -> list[str]:
    return [body for lang, body in _FENCE.findall(DOC.read_text(encoding="utf-8")) if lang == language]


def _section(title: str, language: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return [body for lang, body in _FENCE.findall(text[start : end if end > 0 else None]) if lang == language]


def test_every_snippet_is_in_a_language_this_test_checks():
    languages = {lang for lang, _ in _FENCE.findall(DOC.read_text(encoding="utf-8"))}
    assert languages == {"sh", "json", "lua", "toml", "rust", "elisp"}


def test_vs_code_settings_start_the_server_on_markdown():
    (settings,) = _section("VS Code", "json")
    data = json.loads(settings)
    assert data["glspc.server.command"] == "notelint"
    assert data["glspc.server.commandArguments"] == ["server"]
    assert data["glspc.server.languageId"] == ["markdown"]


def test_neovim_config_runs_and_configures_the_server():
    (snippet,) = _section("Neovim", "lua")
    lua = LuaRuntime(unpack_returned_tuples=True)
    lua.execute("""
        calls = {}
        vim = { lsp = {
            config = function(name, settings) calls.config_name = name; calls.settings = settings end,
            enable = function(name) calls.enabled = name end,
        } }
    """)
    lua.execute(snippet)
    calls = lua.globals().calls
    settings = calls.settings
    assert calls.config_name == "notelint" and calls.enabled == "notelint"
    assert list(settings.cmd.values()) == ["notelint", "server"]
    assert list(settings.filetypes.values()) == ["markdown"]
    assert "notelint.toml" in list(settings.root_markers.values())
    assert settings.init_options.debounce == 200


def test_helix_languages_toml_adds_the_server_to_markdown():
    (snippet,) = _section("Helix", "toml")
    data = tomllib.loads(snippet)
    assert data["language-server"]["notelint"] == {"command": "notelint", "args": ["server"], "config": {"debounce": 200}}
    (markdown,) = [language for language in data["language"] if language["name"] == "markdown"]
    assert "notelint" in markdown["language-servers"]


def test_zed_extension_and_settings():
    extension, cargo = (tomllib.loads(s) for s in _section("Zed", "toml"))
    assert extension["language_servers"]["notelint"]["languages"] == ["Markdown"]
    assert extension["schema_version"] == 1
    assert cargo["lib"]["crate-type"] == ["cdylib"]
    assert "zed_extension_api" in cargo["dependencies"]
    (rust,) = _section("Zed", "rust")
    _balanced(rust)
    assert 'which("notelint")' in rust and 'vec!["server".to_string()]' in rust
    (settings,) = _section("Zed", "json")
    data = json.loads(settings)
    assert data["languages"]["Markdown"]["language_servers"][0] == "notelint"
    assert data["lsp"]["notelint"]["binary"] == {"path": "notelint", "arguments": ["server"]}


def test_emacs_eglot_form_is_balanced_and_names_the_command():
    (snippet,) = _snippets("elisp")
    _balanced(snippet)
    assert '("notelint" "server")' in snippet


def _balanced(code: str) -> None:
    """Brackets pair up outside strings and comments (a syntax check short of a parser)."""
    pairs = {")": "(", "]": "[", "}": "{"}
    stack: list[str] = []
    in_string = False
    index = 0
    while index < len(code):
        char = code[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif code.startswith("//", index) or char == ";":  # a Rust or Lisp comment
            index = code.find("\n", index)
            if index < 0:
                break
        elif char in "([{":
            stack.append(char)
        elif char in pairs and (not stack or stack.pop() != pairs[char]):
            pytest.fail(f"unbalanced {char!r} at offset {index}")
        index += 1
    assert not in_string and not stack, f"unclosed: {stack or 'string'}"


def test_the_bracket_check_catches_what_it_is_for():
    with pytest.raises(pytest.fail.Exception):
        _balanced("fn f() { (1]; }")
    with pytest.raises(AssertionError):
        _balanced('(a "b)')
    _balanced('(a "b)" ; comment )\n)')
