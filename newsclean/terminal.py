"""What the command line shares: exit statuses, usage errors, safe terminal text, colour
choice and atomic file writes. Imports nothing heavy (``newsclean --help`` stays fast)."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import IO

EXIT_OK = 0
EXIT_FATAL = 1  # bad arguments, unreadable configuration, unwritable output
EXIT_RECORDS_FAILED = 2  # the run finished, but some records carry an "error" object
EXIT_INTERRUPTED = 130  # SIGINT (Ctrl-C)
EXIT_PIPE_CLOSED = 141  # the reader of the output went away (SIGPIPE's status)
EXIT_TERMINATED = 143  # SIGTERM
WHEN_CHOICES = ["auto", "always", "never"]


class UsageError(Exception):
    """A command line that cannot run (exit status 1)."""


_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_COLOUR = re.compile("(\x1b\\[[0-9;]*m)")


def printable(text: str) -> str:
    """``text`` with control characters shown as escapes, never sent raw to a terminal.

    >>> printable("rule\\x1b]0;owned\\x07")
    'rule\\\\x1b]0;owned\\\\x07'
    """
    return _CONTROLS.sub(lambda found: found.group().encode("unicode_escape").decode(), text)


def printable_keeping_colour(text: str) -> str:
    """Control characters escaped, but for the colour sequences explain writes itself."""
    pieces = _COLOUR.split(text)
    return "".join(piece if index % 2 else printable(piece) for index, piece in enumerate(pieces))


def wanted(choice: str, stream: IO[str]) -> bool:
    """An ``auto|always|never`` option's answer: ``auto`` means "when it is a terminal"."""
    return choice == "always" or (choice == "auto" and stream.isatty())


def wanted_colour(choice: str, stream: IO[str]) -> bool:
    """Whether to colour ``stream``: ``always``/``never`` as said; ``auto`` follows the
    ``NO_COLOR`` and ``FORCE_COLOR`` conventions (a non-empty value; ``NO_COLOR`` wins),
    else colours a terminal."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file renamed into place."""
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below, then renamed)
        "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
    )
    try:
        with handle:
            handle.write(content)
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
