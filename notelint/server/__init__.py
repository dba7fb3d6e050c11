"""``notelint server``: a Language Server Protocol server over stdio, for editors.

pygls and lsprotocol are an optional extra (``pip install 'notelint[server]'``):
importing them takes about half a second, which the CLI never pays, and a
pre-commit or CI install never needs them.  Only ``lsp`` imports them; the
other modules here are plain notelint.
"""

from __future__ import annotations

MISSING = (
    "`notelint server` needs pygls and lsprotocol, which are not installed; "
    "install them with: pip install 'notelint[server]'"
)


class ServerUnavailable(Exception):
    """The server's libraries are not installed."""


def run() -> None:
    """Serve over stdin/stdout until the editor says exit."""
    try:
        from notelint.server.lsp import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] in ("pygls", "lsprotocol", "cattrs", "attrs"):
            raise ServerUnavailable(MISSING) from None
        raise
    serve()
