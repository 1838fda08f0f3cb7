"""Batch records: read documents from .txt / .jsonl / .jsonl.gz / stdin, clean each into one
JSON output line, and never drop or stop on a bad one.

Reading happens in the parent process and only splits bytes into records; decoding,
parsing, cleaning and serialising happen in :class:`RecordCleaner`, which runs in the
worker processes. Every input record gives exactly one output line, in input order.
"""

from __future__ import annotations

import base64
import gzip
import io
import json
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, BinaryIO, cast

from newsclean.model import CleanResult
from newsclean.pipeline import Pipeline

STDIN = "-"
_BOM = b"\xef\xbb\xbf"


class InputFormat(StrEnum):
    """How an input is split into records."""

    AUTO = "auto"  # by extension; stdin: JSONL if it starts with "{", else one text
    JSONL = "jsonl"
    TXT = "txt"


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One input record before decoding: where it came from and its bytes, or a read error."""

    source: str
    line: int  # 1-based line in a JSONL input; 1 for a .txt document
    data: bytes
    jsonl: bool
    read_error: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One output line and what the summary needs to know about it."""

    line: str
    ok: bool
    input_bytes: int
    removed_by_kind: dict[str, int] = field(default_factory=dict)


def input_format(path: str, requested: InputFormat, head: bytes = b"") -> InputFormat:
    """The format of ``path``: ``requested`` unless ``auto``, else by name (or content for stdin).

    >>> input_format("crawl/part-0.jsonl.gz", InputFormat.AUTO)
    <InputFormat.JSONL: 'jsonl'>
    >>> input_format("-", InputFormat.AUTO, head=b'  {"text": "x"}')
    <InputFormat.JSONL: 'jsonl'>
    """
    if requested is not InputFormat.AUTO:
        return requested
    if path == STDIN:
        starts_like_json = head.lstrip(_BOM + b" \t\r\n").startswith(b"{")
        return InputFormat.JSONL if starts_like_json else InputFormat.TXT
    name = path.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz", ".json")):
        return InputFormat.JSONL
    return InputFormat.TXT


def _open_binary(path: str, stdin: BinaryIO) -> BinaryIO:
    if path == STDIN:
        # A buffered reader can peek at the first bytes to tell JSONL from text.
        return stdin if hasattr(stdin, "peek") else cast(BinaryIO, io.BufferedReader(stdin))
    if path.lower().endswith(".gz"):
        return cast(BinaryIO, gzip.open(path, "rb"))
    return open(path, "rb")


def read_records(path: str, requested: InputFormat, stdin: BinaryIO) -> Iterator[RawRecord]:
    """The records of one input, lazily. A file that cannot be read (missing, truncated
    gzip) yields a record carrying the error instead of raising, after any complete records.
    """
    try:
        stream = _open_binary(path, stdin)
    except OSError as exc:
        yield RawRecord(path, 0, b"", False, f"cannot open input: {exc.strerror or exc}")
        return
    try:
        peek = getattr(stream, "peek", None)
        head: bytes = peek(64) if peek is not None else b""
        fmt = input_format(path, requested, head[:64])
        if fmt is InputFormat.TXT:
            yield from _text_document(path, stream)
        else:
            yield from _jsonl_records(path, stream)
    except (OSError, EOFError, zlib.error) as exc:
        yield RawRecord(path, 0, b"", False, f"cannot read input: {exc}")
    finally:
        if path != STDIN:
            stream.close()


def _text_document(path: str, stream: BinaryIO) -> Iterator[RawRecord]:
    try:
        data = stream.read()
    except (OSError, EOFError, zlib.error) as exc:
        yield RawRecord(path, 1, b"", False, f"cannot read input: {exc}")
        return
    yield RawRecord(path, 1, data.removeprefix(_BOM), False)


def _jsonl_records(path: str, stream: BinaryIO) -> Iterator[RawRecord]:
    number = 0
    while True:
        try:
            raw = stream.readline()
        except (OSError, EOFError, zlib.error) as exc:
            problem = "input ends early (truncated gzip?)" if isinstance(exc, EOFError) else exc
            yield RawRecord(path, number + 1, b"", True, f"cannot read line: {problem}")
            return
        if not raw:
            return
        number += 1
        if number == 1:
            raw = raw.removeprefix(_BOM)
        if raw.strip():  # blank lines are not records
            yield RawRecord(path, number, raw, True)


class RecordError(ValueError):
    """A record that cannot be cleaned; the message is the ``error.message`` written out."""


@dataclass(frozen=True, slots=True)
class RecordCleaner:
    """Turns a :class:`RawRecord` into its output line; picklable, for worker processes."""

    pipeline: Pipeline
    lang: str | None = None
    text_field: str = "text"
    output_field: str = "text"
    with_removed: bool = False
    indent: int | None = None

    def __call__(self, record: RawRecord) -> Outcome:
        size = len(record.data)
        fields: dict[str, Any] = {} if record.jsonl else {"file": record.source}
        try:
            if record.read_error is not None:
                raise RecordError(record.read_error)
            text = self._decode(record)
            if record.jsonl:
                fields = self._parse(text)
                text = self._text_field(fields)
            result = self.pipeline.clean(text, lang=self.lang)
        except RecordError as exc:
            return Outcome(self._error_line(record, fields, str(exc)), False, size)
        except Exception as exc:  # a bug must cost one record, never the run
            problem = f"internal error: {type(exc).__name__}: {exc}"
            return Outcome(self._error_line(record, fields, problem), False, size)
        fields[self.output_field] = result.text
        fields["newsclean"] = self._info(result)
        kinds = Counter(removal.kind.value for removal in result.removed)
        return Outcome(self._dump(fields), True, size, dict(kinds))

    @staticmethod
    def _decode(record: RawRecord) -> str:
        try:
            return record.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RecordError(
                f"invalid UTF-8 at byte {exc.start}: {record.data[exc.start : exc.start + 4]!r}"
            ) from None

    @staticmethod
    def _parse(text: str) -> dict[str, Any]:
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
        except RecursionError:
            raise RecordError("invalid JSON: nested too deeply") from None
        if not isinstance(value, dict):
            raise RecordError(f"a JSON object is needed, got {type(value).__name__}")
        return value

    def _text_field(self, fields: dict[str, Any]) -> str:
        if self.text_field not in fields:
            raise RecordError(f"no {self.text_field!r} field")
        text = fields[self.text_field]
        if not isinstance(text, str):
            raise RecordError(f"field {self.text_field!r} must be a string, got {_json_type(text)}")
        return text

    def _info(self, result: CleanResult) -> dict[str, Any]:
        info: dict[str, Any] = {"metadata": result.metadata.to_dict()}
        if self.with_removed:
            info["removed"] = [removal.to_dict() for removal in result.removed]
        if result.warnings:
            info["warnings"] = list(result.warnings)
        return info

    def _error_line(self, record: RawRecord, fields: dict[str, Any], problem: str) -> str:
        error: dict[str, Any] = {"input": record.source, "line": record.line, "message": problem}
        if record.jsonl and not fields and record.data:
            # Unparsed: keep the raw line so nothing of the input is lost.
            try:
                error["raw"] = record.data.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                error["raw_base64"] = base64.b64encode(record.data).decode("ascii")
        return self._dump({**fields, "error": error})

    def _dump(self, value: dict[str, Any]) -> str:
        line = json.dumps(value, ensure_ascii=False, indent=self.indent)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate from a "\ud800" escape in another field: keep it escaped.
            line = json.dumps(value, ensure_ascii=True, indent=self.indent)
        return line


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}
    if value is None:
        return "null"
    return names.get(type(value), type(value).__name__)
