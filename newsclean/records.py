"""Batch records: read documents from .txt / .jsonl (plain, .gz, .bz2, .zst) / stdin,
clean each into one JSON output line, and never drop or stop on a bad one.

Reading happens in the parent process and only splits bytes into records; decoding,
parsing, cleaning and serialising happen in :class:`RecordCleaner`, which runs in the
worker processes. Every input record gives exactly one output line, in input order.
"""

from __future__ import annotations

import base64
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from newsclean.compression import open_read, read_errors, without_suffix

if TYPE_CHECKING:
    from newsclean.model import CleanResult
    from newsclean.pipeline import Pipeline

STDIN = "-"
_BOM = b"\xef\xbb\xbf"
# A record (a JSONL line, or a .txt document) larger than this is an error record, never a
# crash: cleaning needs several times a text's size in memory. ``--max-record-bytes``.
MAX_RECORD_BYTES = 16_000_000
# JSON nested deeper than this is refused the same way whatever the process (the parser's
# own limit depends on the stack it runs on, so it differed between worker counts).
MAX_JSON_DEPTH = 200
# What a raw line of an error record keeps, at most (the rest is summarised).
MAX_RAW_KEPT = 1_000_000
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[^\[\]{}]+")


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
    # The record's size when it was too large to keep (``data`` is then empty).
    size: int = 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """One output line and what the summary needs to know about it."""

    line: str
    ok: bool
    input_bytes: int
    removed_by_kind: dict[str, int] = field(default_factory=dict)
    # The UTF-8 size of the text cleaned (0 when the record failed).
    text_bytes: int = 0
    # Why the record failed, for the summary on stderr.
    error: str | None = None
    # The record's field names, when it failed for lack of the text field.
    fields_seen: tuple[str, ...] | None = None


def input_format(path: str, requested: InputFormat, head: bytes = b"") -> InputFormat:
    """The format of ``path``: ``requested`` unless ``auto``, else by name (or content for stdin).

    >>> input_format("crawl/part-0.jsonl.gz", InputFormat.AUTO)
    <InputFormat.JSONL: 'jsonl'>
    >>> input_format("articles/a.txt.bz2", InputFormat.AUTO)
    <InputFormat.TXT: 'txt'>
    >>> input_format("-", InputFormat.AUTO, head=b'  {"text": "x"}')
    <InputFormat.JSONL: 'jsonl'>
    """
    if requested is not InputFormat.AUTO:
        return requested
    if path == STDIN:
        starts_like_json = head.lstrip(_BOM + b" \t\r\n").startswith(b"{")
        return InputFormat.JSONL if starts_like_json else InputFormat.TXT
    name = without_suffix(path.lower())
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return InputFormat.JSONL
    return InputFormat.TXT


def _open_binary(path: str, stdin: BinaryIO) -> BinaryIO:
    if path == STDIN:
        # A buffered reader can peek at the first bytes to tell JSONL from text.
        return stdin if hasattr(stdin, "peek") else cast(BinaryIO, io.BufferedReader(stdin))
    return open_read(path)


def read_records(
    path: str,
    requested: InputFormat,
    stdin: BinaryIO,
    max_bytes: int = MAX_RECORD_BYTES,
) -> Iterator[RawRecord]:
    """The records of one input, lazily. A file that cannot be read (missing, truncated
    gzip) yields a record carrying the error instead of raising, after any complete records;
    a record over ``max_bytes`` is read past and yields one carrying that error."""
    errors = read_errors()  # not inside an except clause: a generator closed at exit
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
            yield from _text_document(path, stream, max_bytes)
        else:
            yield from _jsonl_records(path, stream, max_bytes)
    except errors as exc:
        yield RawRecord(path, 0, b"", False, f"cannot read input: {exc}")
    finally:
        if path != STDIN:
            stream.close()


def _too_large(path: str, line: int, size: int, jsonl: bool, max_bytes: int) -> RawRecord:
    return RawRecord(
        path,
        line,
        b"",
        jsonl,
        f"record larger than {max_bytes:,} bytes (--max-record-bytes); not cleaned",
        size,
    )


def _text_document(path: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawRecord]:
    try:
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            size = len(data) + _skip(stream)
            yield _too_large(path, 1, size, False, max_bytes)
            return
    except read_errors() as exc:
        yield RawRecord(path, 1, b"", False, f"cannot read input: {exc}")
        return
    yield RawRecord(path, 1, data.removeprefix(_BOM), False)


def _skip(stream: BinaryIO, until_newline: bool = False) -> int:
    """Read past the rest of a record without keeping it; the bytes read."""
    skipped = 0
    while True:
        piece = stream.readline(1 << 20) if until_newline else stream.read(1 << 20)
        skipped += len(piece)
        if not piece or (until_newline and piece.endswith(b"\n")):
            return skipped


def _jsonl_records(path: str, stream: BinaryIO, max_bytes: int) -> Iterator[RawRecord]:
    number = 0
    while True:
        try:
            raw = stream.readline(max_bytes + 1)
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                number += 1
                size = len(raw) + _skip(stream, until_newline=True)
                yield _too_large(path, number, size, True, max_bytes)
                continue
        except read_errors() as exc:
            problem = "input ends early (truncated?)" if isinstance(exc, EOFError) else exc
            yield RawRecord(path, number + 1, b"", True, f"cannot read line: {problem}")
            return
        if not raw:
            return
        number += 1
        if number == 1:
            raw = raw.removeprefix(_BOM)
        if raw.strip():  # blank lines are not records
            yield RawRecord(path, number, raw, True)


def result_info(result: CleanResult, with_removed: bool) -> dict[str, Any]:
    """The ``newsclean`` object written beside a cleaned text: the metadata, with
    ``with_removed`` the removed spans and the normalised source their offsets point into,
    and the warnings when there are any."""
    info: dict[str, Any] = {"metadata": result.metadata.to_dict()}
    if with_removed:
        info["removed"] = [removal.to_dict() for removal in result.removed]
        info["source"] = result.source
    if result.warnings:
        info["warnings"] = list(result.warnings)
    return info


class RecordError(ValueError):
    """A record that cannot be cleaned; the message is the ``error.message`` written out."""

    def __init__(self, message: str, *, missing_field: bool = False) -> None:
        super().__init__(message)
        self.missing_field = missing_field


@dataclass(frozen=True, slots=True)
class RecordCleaner:
    """Turns a :class:`RawRecord` into its output line; picklable, for worker processes."""

    pipeline: Pipeline
    lang: str | None = None
    text_field: str = "text"
    output_field: str = "text"
    with_removed: bool = False
    indent: int | None = None
    # The field of the newsclean object, and the field that marks a failed record.
    metadata_field: str = "newsclean"
    error_field: str = "error"
    # How .txt documents are decoded (JSONL is always UTF-8).
    encoding: str = "utf-8"
    # The JSONL field holding each record's URL or host, for site-scoped rules.
    site_field: str | None = None

    def __post_init__(self) -> None:
        names = {
            "the output field": self.output_field,
            "the metadata field": self.metadata_field,
            "the error field": self.error_field,
        }
        if len(set(names.values())) < len(names):
            described = ", ".join(f"{what} {name!r}" for what, name in names.items())
            raise ValueError(f"output, metadata and error fields must differ: {described}")

    def lost(self, record: RawRecord, reason: str) -> Outcome:
        """The output line of a record that could not be cleaned at all (its worker died)."""
        return Outcome(self._error_line(record, {}, reason), False, len(record.data), error=reason)

    def __call__(self, record: RawRecord) -> Outcome:
        size = len(record.data) or record.size
        fields: dict[str, Any] = {} if record.jsonl else {"file": record.source}
        try:
            if record.read_error is not None:
                raise RecordError(record.read_error)
            text = self.decode(record)
            site: str | None = None
            if record.jsonl:
                fields = self.parse(text)
                self._check_collisions(fields)
                text = self.text_of(fields)
                site = self.site_value(fields)
            result = self.pipeline.clean(text, lang=self.lang, site=site)
        except RecordError as exc:
            seen = tuple(map(str, fields)) if exc.missing_field else None
            line = self._error_line(record, fields, str(exc))
            return Outcome(line, False, size, error=str(exc), fields_seen=seen)
        except Exception as exc:  # a bug must cost one record, never the run
            problem = f"internal error: {type(exc).__name__}: {exc}"
            return Outcome(self._error_line(record, fields, problem), False, size, error=problem)
        fields[self.output_field] = result.text
        fields[self.metadata_field] = self._info(result)
        kinds = Counter(removal.kind.value for removal in result.removed)
        text_bytes = len(text.encode("utf-8", "surrogatepass"))
        return Outcome(self._dump(fields), True, size, dict(kinds), text_bytes)

    def decode(self, record: RawRecord) -> str:
        """The record's bytes as text; :class:`RecordError` when they do not decode."""
        encoding = "utf-8" if record.jsonl else self.encoding
        try:
            return record.data.decode(encoding)
        except UnicodeDecodeError as exc:
            name = "UTF-8" if encoding == "utf-8" else encoding
            raise RecordError(
                f"invalid {name} at byte {exc.start}: {record.data[exc.start : exc.start + 4]!r}"
                + ("" if record.jsonl else "; --encoding names another")
            ) from None

    @staticmethod
    def parse(text: str) -> dict[str, Any]:
        """A JSONL record's object, from strict JSON: no NaN or Infinity (nor numbers too large
        for a float), integers of at most 4,300 digits, at most ``MAX_JSON_DEPTH`` levels."""
        if _depth(text) > MAX_JSON_DEPTH:
            raise RecordError(f"invalid JSON: nested more than {MAX_JSON_DEPTH} levels deep")
        try:
            value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
        except json.JSONDecodeError as exc:
            raise RecordError(f"invalid JSON: {exc.msg} at column {exc.colno}") from None
        except RecursionError:
            raise RecordError("invalid JSON: nested too deeply") from None
        except ValueError as exc:  # an integer past Python's digit limit, a non-finite number
            raise RecordError(f"not strict JSON: {exc}") from None
        if not isinstance(value, dict):
            raise RecordError(f"a JSON object is needed, got {type(value).__name__}")
        return value

    def _check_collisions(self, fields: dict[str, Any]) -> None:
        written = ((self.metadata_field, "--metadata-field"), (self.error_field, "--error-field"))
        for name, option in written:
            if name in fields:
                raise RecordError(
                    f"the record already has a field {name!r}, which newsclean writes; "
                    f"choose another name with {option}"
                )

    def site_value(self, fields: dict[str, Any]) -> str | None:
        """The record's site field, when it is a string (else the record has no site)."""
        if self.site_field is None:
            return None
        value = fields.get(self.site_field)
        return value if isinstance(value, str) else None

    def text_of(self, fields: dict[str, Any]) -> str:
        """The record's text field; :class:`RecordError` when it is missing or no string."""
        if self.text_field not in fields:
            raise RecordError(f"no {self.text_field!r} field", missing_field=True)
        text = fields[self.text_field]
        if not isinstance(text, str):
            raise RecordError(f"field {self.text_field!r} must be a string, got {_json_type(text)}")
        return text

    def _info(self, result: CleanResult) -> dict[str, Any]:
        return result_info(result, self.with_removed)

    def _error_line(self, record: RawRecord, fields: dict[str, Any], problem: str) -> str:
        error: dict[str, Any] = {"input": record.source, "line": record.line, "message": problem}
        if record.size:
            error["bytes"] = record.size
        collides = self.error_field in fields or self.metadata_field in fields
        if record.jsonl and (not fields or collides) and record.data:
            # Unparsed, or holding a field newsclean writes: keep the raw line instead, so
            # nothing of the input is lost or overwritten.
            fields = {}
            try:
                error["raw"] = record.data.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError:
                error["raw_base64"] = base64.b64encode(record.data).decode("ascii")
        return self._dump({**fields, self.error_field: error})

    def _dump(self, value: dict[str, Any]) -> str:
        line = json.dumps(value, ensure_ascii=False, indent=self.indent, allow_nan=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate from a "\ud800" escape in another field: keep it escaped.
            line = json.dumps(value, ensure_ascii=True, indent=self.indent, allow_nan=False)
        return line


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"the number {text[:40]} is too large for a float")
    return value


def _depth(text: str) -> int:
    """How deeply ``text``'s JSON nests (brackets inside strings ignored), or 0 when it
    holds too few brackets to nest deeper than ``MAX_JSON_DEPTH`` (the common case, found
    without reading the structure).

    >>> _depth('{"a": "' + "[" * 300 + '"}'), _depth("[" * 300 + "]" * 300)
    (1, 300)
    """
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0
    deepest = depth = 0
    for bracket in _BRACKETS.sub("", _STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _json_type(value: object) -> str:
    names = {bool: "boolean", int: "number", float: "number", list: "array", dict: "object"}
    if value is None:
        return "null"
    return names.get(type(value), type(value).__name__)
