"""Dask: clean a bag of texts or records, or a dataframe column, on any Dask cluster.

The same calls run on a laptop's ``LocalCluster`` and on a multi-node cluster: each
partition is cleaned by one task, with the pipeline shipped to the workers once per task.
"""

from __future__ import annotations

import json
from typing import Any

from newsclean.integrations.columns import clean_columns, column_types
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
        columns = clean_columns(
            self.pipeline, frame[self.column].tolist(), self.lang, self.output, self.removed
        )
        result = frame.copy()
        for name, values in columns.items():
            result[name] = values
        return result


def _meta(frame: Any, output: str) -> Any:
    import pandas as pd

    meta = frame._meta.copy()
    meta[output] = pd.Series(dtype="string")
    dtypes = {"string": "string", "float": "float64", "list": "object"}
    for name, kind in column_types().items():
        meta[name] = pd.Series(dtype=dtypes[kind])
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
    ``clean_bag(bag).to_textfiles("out/*.jsonl.gz")`` writes the result.
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
