"""The language server: notelint's findings, fixes and explanations in any LSP editor.

Built on pygls (the protocol, JSON-RPC over stdio, the open documents' text)
and lsprotocol (the message types).  It checks a note when it is opened, after
an edit (once typing pauses: ``debounce``), and when it is saved; publishes
each finding with its code, name, severity, exact range and, for duplicates
and contradictions, the other places; offers fixes, suppressions and "add to
the word list" as code actions; and explains a finding on hover.

What is checked and how lives in ``session`` (the engine's own steps); how
positions are counted in ``positions``; what a suppression or a new word looks
like in ``edits``.  This module only translates between those and the protocol.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from notelint import __version__
from notelint.config import Config, ConfigError, discover
from notelint.diagnostic import Diagnostic, Severity
from notelint.files import NOTE_SUFFIXES
from notelint.rule import FixAvailability, Rule
from notelint.rules import RULES
from notelint.server import edits
from notelint.server.positions import UTF16, PositionMap
from notelint.server.session import Checked, Session
from notelint.source import SourceError, read_source

log = logging.getLogger("notelint.server")

SOURCE = "notelint"
FIX_ALL = "source.fixAll.notelint"
ADD_WORD = "notelint.addWord"
UNTITLED = "untitled:"  # the scheme editors give a buffer that is not yet a file
CONFIG_NAMES = ("notelint.toml", "pyproject.toml")
DEFAULT_DEBOUNCE_MS = 200
_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_RULES: dict[str, Rule] = {rule.code: rule for rule in RULES}
# the rule whose findings a project's word list answers
UNKNOWN_WORD = "NL201"


def docs_url() -> str | None:
    """Where a rule's code links to: the README's rule table, when the README is installed beside the package."""
    readme = Path(__file__).resolve().parents[2] / "README.md"
    return readme.as_uri() + "#rules" if readme.is_file() else None


@dataclass
class Document:
    """What the server knows of one open note."""

    uri: str
    path: Path  # an untitled buffer's is made up: in the workspace folder, named by its URI
    session: Session | None = None
    untitled: bool = False  # no file: checked, but not a note of the corpus
    checked: Checked | None = None
    version: int | None = None
    positions: PositionMap | None = None
    published: list[tuple[lsp.Diagnostic, Diagnostic]] = field(default_factory=list)
    # the LSP form of each finding of the last publication that points only into this note, by
    # what decides it (``lsp_key``): after an edit most findings are the same, on the same lines
    converted: dict[tuple, lsp.Diagnostic] = field(default_factory=dict)
    pending: asyncio.TimerHandle | None = None  # the check waiting for typing to pause

    def cancel(self) -> None:
        """Drop the waiting check (one is about to run, or the note is closed)."""
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None


class Protocol(LanguageServerProtocol):
    """pygls's protocol, without its memory creep.

    pygls 2.1 files the future of every notification handled by a generator,
    coroutine or thread handler (``didChange``, ``didOpen``, ...) among the
    in-flight requests, under a fresh id, and never takes it out: about 0.8 kB a
    keystroke for as long as the server runs.  A notification's future is done
    when its result is checked, so it is dropped there."""

    def _check_handler_result(self, future: Any) -> None:
        super()._check_handler_result(future)
        for msg_id in [key for key, pending in self._request_futures.items() if pending is future]:
            del self._request_futures[msg_id]


class NotelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("notelint", __version__, protocol_cls=Protocol)
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.timings = False  # log each check's duration (the benchmark reads it)
        self.documents: dict[str, Document] = {}
        self.sessions: dict[str, Session] = {}  # config file (or folder without one) -> session
        self.shared: dict[str, Any] = {}  # loaded data that outlives a configuration
        self.config_errors: set[str] = set()
        self.frozen: list[Session] = []  # sessions whose loaded data the garbage collector no longer scans
        # position maps of notes on disk that findings point to, by path, with the file's stamp when read
        self.disk_positions: dict[Path, tuple[tuple[int, int, str], PositionMap]] = {}
        self.docs_url = docs_url()

    # -- configuration ---------------------------------------------------------------
    @property
    def encoding(self) -> str:
        try:
            encoding = self.workspace.position_encoding
        except RuntimeError:  # not initialised
            return UTF16
        return str(getattr(encoding, "value", encoding) or UTF16)

    def folder_of(self, path: Path) -> Path:
        """The workspace folder holding ``path`` (the innermost), else the note's own folder."""
        best: Path | None = None
        folders = [*self.workspace.folders.values()] if self.protocol._workspace is not None else []
        roots = [to_fs_path(f.uri) for f in folders]
        if self.protocol._workspace is not None and self.workspace.root_path:
            roots.append(self.workspace.root_path)
        for root in roots:
            if root is None:
                continue
            candidate = Path(os.path.abspath(root))
            if (candidate == path or candidate in path.parents) and (best is None or best in candidate.parents):
                best = candidate
        return best or path.parent

    def untitled_path(self, uri: str) -> Path:
        """A made-up path for an untitled buffer: in the workspace folder (whose configuration
        governs it), named by the URI so that it cannot be taken for a note on disk."""
        folders = [*self.workspace.folders.values()] if self.protocol._workspace is not None else []
        roots = [root for root in (to_fs_path(f.uri) for f in folders) if root]
        if not roots and self.protocol._workspace is not None and self.workspace.root_path:
            roots.append(self.workspace.root_path)
        folder = Path(os.path.abspath(roots[0])) if roots else Path.cwd()
        return folder / uri.replace("/", "_")

    def session_for(self, path: Path) -> Session | None:
        """The session of the configuration that governs ``path``, as the CLI finds it."""
        try:
            config = discover(path.parent)
        except ConfigError as exc:
            self._config_error(str(exc))
            return None
        if config.file is None:  # no configuration: the workspace folder is the corpus
            config = Config(root=self.folder_of(path))
        key = str(config.file or config.root)
        session = self.sessions.get(key)
        if session is None:
            for other in self.sessions.values():  # what another configuration loaded is not loaded again
                self.shared.update(other.shared_data())
            try:
                session = Session(config, RULES, shared=self.shared)
            except ConfigError as exc:
                self._config_error(str(exc))
                return None
            self.sessions[key] = session
        return session

    def _config_error(self, message: str) -> None:
        log.error("%s", message)
        if message not in self.config_errors:
            self.config_errors.add(message)
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"notelint: {message}"))

    def reload(self) -> None:
        """Read the configuration (and word lists) again and check every open note anew.

        The loaded catalog and knowledge base are kept; what is built from the
        settings (the vocabulary) is built again."""
        for session in self.sessions.values():
            self.shared.update(session.shared_data())
        self.sessions.clear()
        self.config_errors.clear()
        # the old sessions' data may now be collected: thaw it (what is still used is frozen again)
        self.frozen.clear()
        gc.unfreeze()
        for document in self.documents.values():
            document.session = None
        for uri in list(self.documents):
            self.check(uri)

    def is_config(self, path: Path) -> bool:
        if path.name in CONFIG_NAMES:
            return True
        return any(
            Path(os.path.abspath(session.root / name)) == Path(os.path.abspath(path))
            for session in self.sessions.values()
            for name in session.config.word_files
        )

    # -- checking --------------------------------------------------------------------
    def schedule(self, uri: str) -> None:
        document = self.documents.get(uri)
        if document is None:
            return
        document.cancel()
        if self.debounce <= 0:
            self.check(uri)
            return
        loop = asyncio.get_running_loop()
        document.pending = loop.call_later(self.debounce, self.check, uri)

    def flush(self, uri: str) -> Document | None:
        """The document, checked against its current text (a pending check runs now)."""
        document = self.documents.get(uri)
        if document is not None and (document.pending is not None or document.checked is None):
            self.check(uri)
        return document

    def check(self, uri: str) -> None:
        document = self.documents.get(uri)
        if document is None:
            return
        document.cancel()
        text_document = self.workspace.get_text_document(uri)
        if document.session is None:
            document.session = self.session_for(document.path)
        session = document.session
        if session is None or session.excluded(document.path):
            document.checked, document.published = None, []
            self.publish(document, [])
            return
        checked = session.check(document.path, text_document.source, indexed=not document.untitled)
        self.collect(session)
        document.checked = checked
        document.version = text_document.version
        document.positions = PositionMap(checked.source, self.encoding)
        for error in checked.errors:
            self.window_log_message(lsp.LogMessageParams(lsp.MessageType.Error, f"notelint: {error.path}: {error.message}"))
        if self.timings:
            self.window_log_message(lsp.LogMessageParams(
                lsp.MessageType.Log, f"notelint: checked {checked.path} in {checked.seconds * 1000:.2f} ms"))
        self.publish(document, checked.diagnostics, errors=[e.message for e in checked.errors])
        self.refresh_corpus(session, but=uri)

    def collect(self, session: Session) -> None:
        """Free the garbage of a check now, so that memory stays flat over any number of edits.

        The data a session loads (catalog, vocabulary, knowledge base: most of the
        heap) is frozen after its first check, so this full collection scans only
        what the check made (about half a millisecond for a 10 kB note, against
        some 40 ms with the loaded data in every scan)."""
        if session not in self.frozen:
            gc.collect()
            gc.freeze()
            self.frozen.append(session)
        gc.collect()

    def refresh_corpus(self, session: Session, but: str | None = None) -> None:
        """Corpus findings of the other open notes of a session, after the index changed."""
        if not session.linter.corpus_rules:
            return
        for uri, document in self.documents.items():
            checked = document.checked
            if uri == but or document.session is not session or checked is None or checked.summary is None \
                    or document.pending:
                continue
            corpus, _errors = session.compare(checked.summary, checked.path)
            if corpus != checked.corpus_diagnostics:
                checked.corpus_diagnostics = corpus
                self.publish(document, checked.diagnostics)

    def publish(self, document: Document, diagnostics: list[Diagnostic], errors: Sequence[str] = ()) -> None:
        published = []
        converted: dict[tuple, lsp.Diagnostic] = {}
        for d in diagnostics:
            key = self.lsp_key(document, d)
            item = document.converted.get(key) if key is not None else None
            if item is None:
                item = self.to_lsp(document, d)
            if key is not None:
                converted[key] = item
            published.append((item, d))
        document.published, document.converted = published, converted
        items = [item for item, _ in published]
        for message in errors:  # a file-level problem (a rule that failed, text not checked)
            items.append(lsp.Diagnostic(
                range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
                message=f"notelint: {message}",
                severity=lsp.DiagnosticSeverity.Warning,
                source=SOURCE,
            ))
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=document.uri, diagnostics=items, version=document.version)
        )

    # -- conversions -----------------------------------------------------------------
    def lsp_key(self, document: Document, d: Diagnostic) -> tuple | None:
        """Everything ``to_lsp`` reads of a finding that points into its own note alone: the
        finding's fields and the text of its lines (which convert its columns); None for a
        finding with related places, which may be in other notes."""
        if d.related or document.positions is None:
            return None
        positions = document.positions
        count = positions.source.line_count
        # a position past the last line (the end of a note that ends with a line break) is the end of its last line
        past_the_end = (count, positions.line_text(count)) if max(d.line, d.end_line) > count else None
        return (
            d.code, d.name, d.severity, d.message, d.suggestions, None if d.fix is None else d.fix.safe,
            d.line, d.column, d.end_line, d.end_column,
            positions.encoding, positions.line_text(d.line), positions.line_text(d.end_line), past_the_end, self.docs_url,
        )

    def to_lsp(self, document: Document, d: Diagnostic) -> lsp.Diagnostic:
        assert document.positions is not None and document.session is not None
        message = d.message
        if d.suggestions:
            message += f" (did you mean: {', '.join(d.suggestions)}?)"
        related = []
        for location in d.related:
            path = document.session.absolute(location.path)
            here = path == document.path
            positions = document.positions if here else self.positions_of(path, document.session)
            related.append(lsp.DiagnosticRelatedInformation(
                location=lsp.Location(
                    uri=document.uri if here else from_fs_path(str(path)) or path.as_uri(),
                    range=_range(positions, location.line, location.column, location.end_line, location.end_column),
                ),
                message=location.message or "the other place",
            ))
        return lsp.Diagnostic(
            range=_range(document.positions, d.line, d.column, d.end_line, d.end_column),
            message=f"{message} [{d.name}]",
            severity=_SEVERITY[d.severity],
            code=d.code,
            code_description=lsp.CodeDescription(href=self.docs_url) if self.docs_url else None,
            source=SOURCE,
            related_information=related or None,
            data={"name": d.name, "fix": None if d.fix is None else ("safe" if d.fix.safe else "unsafe")},
        )

    def positions_of(self, path: Path, session: Session) -> PositionMap | None:
        """The position map of another note: its open text, else the file on disk."""
        for document in self.documents.values():
            if document.path == path and document.checked is not None:
                return document.positions
        try:
            stat = path.stat()
        except OSError:
            return None
        stamp = (stat.st_mtime_ns, stat.st_size, self.encoding)
        known = self.disk_positions.get(path)
        if known is not None and known[0] == stamp:  # related places are published on every check: read once
            return known[1]
        try:
            source = read_source(path, str(path), session.config.max_file_size)
        except SourceError:
            return None
        positions = PositionMap(source, self.encoding)
        self.disk_positions[path] = (stamp, positions)
        return positions

    def lsp_edit(self, document: Document, line: int, column: int, end_line: int, end_column: int,
                 text: str) -> lsp.TextEdit:
        assert document.positions is not None
        return lsp.TextEdit(range=_range(document.positions, line, column, end_line, end_column), new_text=text)

    # -- code actions ----------------------------------------------------------------
    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        document = self.flush(params.text_document.uri)
        if document is None or document.checked is None or document.session is None:
            return []
        actions: list[lsp.CodeAction] = []
        for item, d in document.published:
            if not _overlaps(item.range, params.range):
                continue
            actions.extend(self.actions_for(document, item, d))
        if any(d.fix is not None and d.fix.safe for _, d in document.published):
            actions.append(self.fix_all_action(document))
        only = params.context.only
        if only:
            actions = [a for a in actions if any(str(a.kind).startswith(str(kind)) for kind in only)]
        return actions

    def actions_for(self, document: Document, item: lsp.Diagnostic, d: Diagnostic) -> list[lsp.CodeAction]:
        assert document.checked is not None and document.session is not None
        actions = []
        uri = document.uri
        if d.fix is not None:
            changes = [self.lsp_edit(document, e.line, e.column, e.end_line, e.end_column, e.text) for e in d.fix.edits]
            title = f"{d.code}: {d.fix.description}" if d.fix.safe else f"{d.code}: {d.fix.description} (unsafe fix: may change the meaning)"
            actions.append(lsp.CodeAction(
                title=title,
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[item],
                is_preferred=d.fix.safe,
                edit=lsp.WorkspaceEdit(changes={uri: changes}),
            ))
        session = document.session
        if d.code == UNKNOWN_WORD:
            source = document.checked.source
            word = source.norm[source.offset(d.line, d.column):source.offset(d.end_line, d.end_column)]
            if word and "\n" not in word:
                target = word_list(session)
                where = target.name if session.config.word_files else f"the words of {target.name}"
                actions.append(lsp.CodeAction(
                    title=f"Add '{word}' to {where}",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[item],
                    command=lsp.Command(title="Add to the word list", command=ADD_WORD, arguments=[uri, word]),
                ))
        inserts = edits.suppress(document.checked.source, d.code, d.line)
        if inserts is not None:
            actions.append(lsp.CodeAction(
                title=f"Suppress {d.code} ({d.name}) on this line" if len(inserts) == 1
                else f"Suppress {d.code} ({d.name}) in this code block",
                kind=lsp.CodeActionKind.QuickFix,
                diagnostics=[item],
                edit=lsp.WorkspaceEdit(changes={uri: [
                    self.lsp_edit(document, i.line, i.column, i.line, i.column, i.text) for i in inserts
                ]}),
            ))
        return actions

    def fix_all_action(self, document: Document) -> lsp.CodeAction:
        assert document.checked is not None and document.session is not None and document.positions is not None
        source = document.checked.source
        text = (("\ufeff" if source.bom else "") + source.text)
        fixed = document.session.fix_all(document.path, text)
        last = source.line_count
        end = document.positions.to_lsp(last, len(source.line_text(last)) + 1)
        return lsp.CodeAction(
            title="Apply every safe notelint fix in this file",
            kind=FIX_ALL,
            edit=lsp.WorkspaceEdit(changes={document.uri: [
                lsp.TextEdit(range=lsp.Range(lsp.Position(0, 0), lsp.Position(*end)), new_text=fixed)
            ]}),
        )

    def add_word(self, uri: str, word: str) -> bool:
        document = self.documents.get(uri)
        session = document.session if document is not None else None
        if session is None:
            return False
        target = word_list(session)
        try:
            added = edits.add_word(target, word) if session.config.word_files else edits.add_word_to_config(target, word)
        except OSError as exc:
            self.window_show_message(lsp.ShowMessageParams(
                lsp.MessageType.Error, f"notelint: cannot write {target}: {exc.strerror or exc}"))
            return False
        self.reload()
        return added

    # -- hover -----------------------------------------------------------------------
    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        document = self.flush(params.text_document.uri)
        if document is None:
            return None
        here = params.position
        found = [(item, d) for item, d in document.published if _contains(item.range, here)]
        if not found:
            return None
        text = "\n\n---\n\n".join(explain(d) for _, d in found)
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text), range=found[0][0].range)


def word_list(session: Session) -> Path:
    """Where "add to the word list" writes: the first word file, else the configuration's ``words``
    (a new ``notelint.toml`` in the folder notelint treats as the project when there is no configuration)."""
    if session.config.word_files:
        return session.root / session.config.word_files[0]
    return session.config.file or session.root / "notelint.toml"


def explain(d: Diagnostic) -> str:
    """A finding's explanation, in Markdown: the message, the rule, and the evidence."""
    rule = _RULES.get(d.code)
    lines = [f"**{d.code} {d.name}** ({d.severity.value})", "", d.message]
    meta = d.meta
    if meta.get("source") or meta.get("effective_date"):
        lines += ["", "**Knowledge entry**" + (f" `{meta['knowledge_id']}`" if meta.get("knowledge_id") else "")]
        if meta.get("current_fact"):
            lines.append(f"- now: {meta['current_fact']}")
        if meta.get("effective_date"):
            lines.append(f"- since: {meta['effective_date']}" + ("" if meta.get("date_known", True) else " (date approximate)"))
        if meta.get("source"):
            lines.append(f"- source: <{meta['source']}>")
    if meta.get("botocore_version"):
        lines += ["", f"Checked against botocore {meta['botocore_version']}."]
    if rule is not None:
        lines += ["", f"*{rule.summary}*", "", rule.doc]
        if rule.fix is not FixAvailability.NEVER and not rule.fix_safe:
            lines += ["", "Its fix is unsafe (it may change the meaning): offered, never applied by fix-all."]
    return "\n".join(lines)


def _range(positions: PositionMap | None, line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
    if positions is None:  # the other note cannot be read: code points, which is right for most text
        return lsp.Range(lsp.Position(line - 1, column - 1), lsp.Position(end_line - 1, end_column - 1))
    return lsp.Range(lsp.Position(*positions.to_lsp(line, column)), lsp.Position(*positions.to_lsp(end_line, end_column)))


def _key(position: lsp.Position) -> tuple[int, int]:
    return position.line, position.character


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return _key(a.start) <= _key(b.end) and _key(b.start) <= _key(a.end)


def _contains(r: lsp.Range, position: lsp.Position) -> bool:
    return _key(r.start) <= _key(position) <= _key(r.end)


def _path(uri: str) -> Path | None:
    path = to_fs_path(uri)
    return Path(os.path.abspath(path)) if path and uri.startswith("file:") else None


def create() -> NotelintServer:
    """The server with every feature registered."""
    server = NotelintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: NotelintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounce"), (int, float)):
            ls.debounce = max(float(options["debounce"]), 0.0) / 1000
        if isinstance(options, dict):
            ls.timings = options.get("timings") is True

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: NotelintServer, params: lsp.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace
        dynamic = watched is not None and watched.did_change_watched_files is not None and \
            bool(watched.did_change_watched_files.dynamic_registration)
        if dynamic:
            globs = ["**/notelint.toml", "**/pyproject.toml", "**/*.md", "**/*.markdown", "**/*.txt"]
            ls.client_register_capability(lsp.RegistrationParams(registrations=[lsp.Registration(
                id="notelint-watched-files",
                method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                    watchers=[lsp.FileSystemWatcher(glob_pattern=glob) for glob in globs]
                ),
            )]))

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NotelintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = _path(uri)
        markdown = params.text_document.language_id == "markdown"
        if path is not None and (markdown or path.suffix.lower() in NOTE_SUFFIXES):
            ls.documents[uri] = Document(uri, path)
        elif path is None and markdown and uri.startswith(UNTITLED):
            ls.documents[uri] = Document(uri, ls.untitled_path(uri), untitled=True)
        else:
            return  # a file the editor shares with every server (a config file, say), or not a file: not a note
        ls.check(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NotelintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: NotelintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and ls.is_config(path):
            ls.reload()
        elif params.text_document.uri in ls.documents:
            ls.check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NotelintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        document = ls.documents.pop(params.text_document.uri, None)
        if document is None:
            return
        document.cancel()
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=document.uri, diagnostics=[]))
        if document.session is not None and not document.untitled:
            document.session.closed(document.path)
            ls.refresh_corpus(document.session)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: NotelintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        paths = [p for p in (_path(change.uri) for change in params.changes) if p is not None]
        if any(ls.is_config(path) for path in paths):
            ls.reload()
            return
        for session in ls.sessions.values():
            changed = [session.disk_changed(path) for path in paths]  # every path, not up to the first
            if any(changed):
                ls.refresh_corpus(session)

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: NotelintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: NotelintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)

    @server.command(ADD_WORD)
    def add_word(ls: NotelintServer, *args: Any) -> bool:
        if len(args) != 2 or not all(isinstance(a, str) for a in args):
            raise ValueError(f"{ADD_WORD} takes a document URI and a word")
        return ls.add_word(args[0], args[1])

    return server


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="notelint server: %(levelname)s: %(message)s")
    create().start_io()
