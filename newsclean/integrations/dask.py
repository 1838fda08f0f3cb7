"""Dask: clean a bag of texts or records, or a dataframe column, on any Dask cluster.

The same calls run on a laptop's ``LocalCluster`` and on a multi-node cluster: each
partition is cleaned by one task, with the pipeline shipped to the workers once per task.
"""

from __future__ import annotations

import json
from typing import Any

from newsclean.integrations.columns import clean_columns, column_schema, pandas_dtypes
from newsclean.pipeline import Pipeline
from newsclean.records import RawRecord, RecordCleaner


class _PartitionCleaner:
    """Cleans one pandas partition: the text column in, the result columns added."""

    def __init__(
        self, pipeline: Pipeline, column: str, output: str, lang: str | None, removed: bool
    ) -> None:
        self.pipeline, self.column, self.output = pipeline, column, output
        self.lang, self.removed = lang, removed

    def __call__(self, frame: Any) -> Any:
        import pandas as pd

        columns = clean_columns(
            self.pipeline, frame[self.column].tolist(), self.lang, self.output, self.removed
        )
        dtypes = pandas_dtypes(self.output)
        result = frame.copy()
        for name, values in columns.items():
            result[name] = pd.Series(values, index=frame.index, dtype=dtypes[name])
        return result


def _meta(frame: Any, output: str) -> Any:
    import pandas as pd

    meta = frame._meta.copy()
    for name, dtype in pandas_dtypes(output).items():
        meta[name] = pd.Series(dtype=dtype)
    return meta


def clean_dataframe(
    frame: Any,
    column: str = "text",
    pipeline: Pipeline | None = None,
    *,
    output_column: str = "text",
    lang: str | None = None,
    with_removed: bool = False,
) -> Any:
    """A Dask dataframe with ``column`` cleaned into ``output_column`` and the
    ``newsclean_*`` metadata columns added (lazy: call ``.compute()`` or write it out)."""
    cleaner = _PartitionCleaner(
        pipeline or Pipeline.default(), column, output_column, lang, with_removed
    )
    return frame.map_partitions(cleaner, meta=_meta(frame, output_column))


def clean_bag(
    bag: Any,
    pipeline: Pipeline | None = None,
    *,
    text_field: str = "text",
    output_field: str = "text",
    lang: str | None = None,
    with_removed: bool = False,
) -> Any:
    """A Dask bag of JSON lines: each item (a JSON line as ``str``, or a dict) becomes the
    output line the ``newsclean clean`` command would write for it, errors included.

    ``dask.bag.read_text("crawl/*.jsonl.gz")`` gives such a bag, and
    ``to_jsonl(clean_bag(bag), "out/*.jsonl.gz")`` writes the result (every part file's
    last line ends with a newline too, so parts concatenate into valid JSONL).
    """
    cleaner = RecordCleaner(
        pipeline or Pipeline.default(),
        lang=lang,
        text_field=text_field,
        output_field=output_field,
        with_removed=with_removed,
    )
    return bag.map(_BagItemCleaner(cleaner))


class _BagItemCleaner:
    """Cleans one bag item: a JSON line or a dict, into the output JSON line."""

    def __init__(self, cleaner: RecordCleaner) -> None:
        self.cleaner = cleaner

    def __call__(self, item: object) -> str:
        if isinstance(item, dict):
            item = json.dumps(item, ensure_ascii=False)
        if isinstance(item, str):
            record = RawRecord("dask", 0, item.encode("utf-8", "surrogatepass"), True)
        else:
            problem = f"a JSON line (str) or a dict is needed, got {type(item).__name__}"
            record = RawRecord("dask", 0, b"", True, problem)
        return self.cleaner(record).line


def to_jsonl(bag: Any, path: str, **options: Any) -> Any:
    """Write a bag of JSON lines (such as :func:`clean_bag` gives) as JSONL part files whose
    every line, the last included, ends with a newline: ``bag.to_textfiles(path,
    last_endline=True, ...)``."""
    return bag.to_textfiles(path, last_endline=True, **options)


def to_parquet(frame: Any, path: str, output_column: str = "text", **options: Any) -> Any:
    """Write a frame that :func:`clean_dataframe` gave as parquet, with the newsclean columns
    typed (lists of strings stay lists, and pandas and Dask read them back): the frame's
    own ``to_parquet`` with a full ``schema``, the newsclean columns' types given and the
    others' inferred from the frame (Dask cannot infer a column of lists)."""
    import pyarrow as pa
    from dask.dataframe.dispatch import meta_nonempty

    ours = {field.name: field for field in column_schema(output_column)}
    others = [name for name in frame.columns if name not in ours]
    inferred = pa.Schema.from_pandas(meta_nonempty(frame._meta[others]), preserve_index=False)
    fields = {field.name: field for field in inferred}
    fields.update(ours)
    schema = pa.schema([fields[name] for name in frame.columns])
    return frame.to_parquet(path, schema=options.pop("schema", schema), **options)
