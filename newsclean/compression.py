"""Compressed files by name: ``.gz`` and ``.bz2`` (standard library) and ``.zst``
(``pip install "newsclean[zstd]"``), read and written as byte streams."""

from __future__ import annotations

import bz2
import functools
import gzip
import io
import zlib
from typing import IO, Any, BinaryIO, cast

SUFFIXES = (".gz", ".bz2", ".zst")
ZSTD_MISSING = ".zst files need the zstandard package: pip install 'newsclean[zstd]'"


def suffix(path: str) -> str:
    """The compression suffix of ``path`` (``".gz"``, ``".bz2"``, ``".zst"``), or ``""``.

    >>> suffix("crawl/part-0.jsonl.ZST"), suffix("notes.txt")
    ('.zst', '')
    """
    name = path.lower()
    return next((ending for ending in SUFFIXES if name.endswith(ending)), "")


def without_suffix(path: str) -> str:
    """``path`` without its compression suffix: the name that tells the format.

    >>> without_suffix("part-0.jsonl.bz2")
    'part-0.jsonl'
    """
    ending = suffix(path)
    return path[: -len(ending)] if ending else path


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise OSError(ZSTD_MISSING) from None
    return zstandard


def open_read(path: str) -> BinaryIO:
    """``path`` opened for reading, decompressed by its suffix. Raises ``OSError`` (a
    missing file, or ``.zst`` without zstandard)."""
    ending = suffix(path)
    if ending == ".gz":
        return cast(BinaryIO, gzip.open(path, "rb"))
    if ending == ".bz2":
        return cast(BinaryIO, bz2.open(path, "rb"))
    if ending == ".zst":
        zstandard = _zstandard()
        raw = open(path, "rb")  # noqa: SIM115 (closed with the reader)
        reader = zstandard.ZstdDecompressor().stream_reader(raw, closefd=True)
        return cast(BinaryIO, io.BufferedReader(reader))  # readline() and peek()
    return open(path, "rb")


def wrap_write(path: str, raw: IO[bytes]) -> IO[bytes]:
    """A stream that writes into ``raw`` compressed as ``path``'s suffix says (``raw``
    itself when there is none). Closing it finishes the compressed data but leaves ``raw``
    open."""
    ending = suffix(path)
    if ending == ".gz":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="wb"))
    if ending == ".bz2":
        return cast(IO[bytes], bz2.BZ2File(raw, mode="wb"))
    if ending == ".zst":
        zstandard = _zstandard()
        return cast(IO[bytes], zstandard.ZstdCompressor().stream_writer(raw, closefd=False))
    return raw


# What a damaged compressed stream raises while it is read, besides OSError and EOFError.
READ_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)


@functools.cache
def read_errors() -> tuple[type[BaseException], ...]:
    """:data:`READ_ERRORS`, plus zstandard's own error when it is installed."""
    try:
        import zstandard
    except ImportError:
        return READ_ERRORS
    return (*READ_ERRORS, zstandard.ZstdError)
