"""The ``netpay`` command: take-home pay, the tables netpay ships, its cities, offer comparisons (also for
the first year in Canada) and the first year's pay cheques.

``main(argv)`` returns the exit code: 0 on success, 2 on bad input (one line on stderr naming the option,
what was wrong and the fix; never a traceback). Each command is a module of this package with
``add_parser(subparsers)`` and ``run(args)``; the options they share are declared once, in
:mod:`netpay.cli.args`. Run ``netpay --help`` or ``netpay <command> --help`` for every option.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from typing import Any, NoReturn

from netpay.cli import cash_flow, cities, compare, tables, take_home
from netpay.cli.parse import PROG, UsageError, library_message, parse_amount, parse_amount_or_percent, parse_date
from netpay.errors import NetpayError

__all__ = ["PROG", "UsageError", "build_parser", "main", "parse_amount", "parse_amount_or_percent", "parse_date"]

#: The commands, in the order of ``netpay --help``.
COMMANDS = (take_home, tables, cities, compare, cash_flow)


class _ParseError(Exception):
    """A command line argparse cannot read; the message is the whole line to print."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors raise instead of printing the usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise _ParseError(f"{self.prog}: {message} (see {self.prog} --help)")


def build_parser() -> argparse.ArgumentParser:
    """The ``netpay`` parser: one subparser per module of :data:`COMMANDS`."""
    from netpay import __version__

    parser = _Parser(
        prog=PROG,
        description="What a Canadian job offer is really worth: take-home pay, rent and disposable income.",
        epilog=f"Run `{PROG} <command> --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="<command>", parser_class=_Parser)
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def _note(where: str, offers_file: bool = False) -> Any:
    """Print a warning as one line, ``netpay <command>: note: ...``, with the CLI's option names (with
    ``--offers``, the file's key: ``--rrsp-room`` is refused there)."""
    room = "give rrsp_room = ... in the file's [move] table" if offers_file else "give --rrsp-room"

    def show(message: Any, *_: Any, **__: Any) -> None:
        text = str(message).replace("give rrsp_room= to use it", f"{room} to use it")
        print(f"{where}: note: {text}", file=sys.stderr)

    return show


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``netpay`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help and --version
        return exc.code if isinstance(exc.code, int) else 0
    except _ParseError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.command is None:
        parser.print_help()
        return 2
    where = f"{PROG} {args.command}"
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _note(where, getattr(args, "offers", None) is not None)  # one line each
            return int(args.run(args))
    except BrokenPipeError:  # `netpay tables | head`: the reader left; not an error
        _silence_stdout()
        return 0
    except UsageError as exc:
        print(f"{where}: {exc}", file=sys.stderr)
    except (NetpayError, ValueError, KeyError, OSError, ImportError) as exc:
        print(f"{where}: error: {library_message(exc)}", file=sys.stderr)
    return 2


def _silence_stdout() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
