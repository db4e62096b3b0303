"""``dlglossary-lsp`` / ``python -m dlglossary_lsp``: run the language server (stdio)."""

from __future__ import annotations

import argparse
import logging
import sys

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run the server over stdio, or over TCP with ``--tcp``; returns the exit code."""
    parser = argparse.ArgumentParser(prog="dlglossary-lsp", description=__doc__)
    parser.add_argument("--stdio", action="store_true", help="talk over stdin/stdout (the default)")
    parser.add_argument("--tcp", action="store_true", help="listen on a TCP port (for debugging)")
    parser.add_argument("--host", default="127.0.0.1", help="TCP host (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=2087, help="TCP port (default 2087)")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    args = parser.parse_args(argv)
    if args.version:
        from importlib.metadata import PackageNotFoundError, version

        try:
            print(version("dlglossary"))
        except PackageNotFoundError:
            print("0.0.0")
        return 0
    from .server import server

    if args.tcp:
        logging.getLogger("asyncio").addFilter(_CleanExit())
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
    return 0


class _CleanExit(logging.Filter):
    """Drop asyncio's report of the ``exit`` notification as an unhandled exception.

    pygls ends a TCP session with ``sys.exit`` inside the connection's task; the process
    exits cleanly, but asyncio first logs the SystemExit with a traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], SystemExit))


if __name__ == "__main__":
    sys.exit(main())
