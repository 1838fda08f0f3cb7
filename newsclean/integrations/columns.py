"""Cleaning results as flat, typed columns for tabular tools (Arrow, pandas, Spark).

Every column has the same type in every row (lists may be empty, strings may be null),
so batches and partitions cleaned separately always concatenate.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from newsclean.model import CleanResult
from newsclean.pipeline import Pipeline

PREFIX = "newsclean_"
STRING_COLUMNS = (
    "language",
    "dateline",
    "dateline_location",
    "dateline_date",
    "dateline_agency",
    "source",
    "title",
    "published",
    "updated",
)
FLOAT_COLUMNS = ("language_confidence",)
LIST_COLUMNS = ("authors", "editors", "photo_credits", "captions", "related")
JSON_COLUMNS = ("removed", "warnings")  # JSON text: nested, and rarely needed as columns


def metadata_columns() -> tuple[str, ...]:
    """The names of the added columns, in order (without the cleaned-text column)."""
    return tuple(column_types())


def column_types() -> dict[str, str]:
    """Each added column and its type: ``"string"``, ``"float"`` or ``"list"`` (of strings).

    JSON columns are strings holding JSON text.
    """
    types = dict.fromkeys(STRING_COLUMNS, "string")
    types.update(dict.fromkeys(FLOAT_COLUMNS, "float"))
    types.update(dict.fromkeys(LIST_COLUMNS, "list"))
    types.update(dict.fromkeys(JSON_COLUMNS, "string"))
    return {PREFIX + name: kind for name, kind in types.items()}


def column_schema(output_column: str = "text") -> Any:
    """The added columns (and the cleaned-text column) as a pyarrow schema: strings, a
    double, and lists of strings; what ``to_parquet`` needs to write list columns.

    >>> column_schema().field("newsclean_authors").type
    ListType(list<item: string>)
    """
    import pyarrow as pa

    types = {"string": pa.string(), "float": pa.float64(), "list": pa.list_(pa.string())}
    fields = [pa.field(output_column, pa.string())]
    fields += [pa.field(name, types[kind]) for name, kind in column_types().items()]
    return pa.schema(fields)


def pandas_dtypes(output_column: str = "text") -> dict[str, str]:
    """The pandas dtype of each column in a frame: ``object`` (strings and lists, with
    ``None`` for missing), ``float64`` for the confidence."""
    return {
        field.name: "float64" if field.type == "double" else "object"
        for field in column_schema(output_column)
    }


def result_row(result: CleanResult, with_removed: bool) -> dict[str, Any]:
    """One result's metadata columns; ``removed`` is ``None`` unless ``with_removed``.

    >>> from newsclean import clean
    >>> text = "PARIS (Reuters) - Rain fell on the city all day."
    >>> row = result_row(clean(text, lang="en"), with_removed=False)
    >>> row["newsclean_dateline_location"], row["newsclean_source"], row["newsclean_authors"]
    ('PARIS', 'Reuters', [])
    """
    meta = result.metadata
    dateline = meta.dateline
    removed = json.dumps([r.to_dict() for r in result.removed], ensure_ascii=False)
    return {
        PREFIX + "language": meta.language,
        PREFIX + "dateline": dateline.text if dateline else None,
        PREFIX + "dateline_location": dateline.location if dateline else None,
        PREFIX + "dateline_date": dateline.date if dateline else None,
        PREFIX + "dateline_agency": dateline.agency if dateline else None,
        PREFIX + "source": meta.source,
        PREFIX + "title": meta.title,
        PREFIX + "published": meta.published,
        PREFIX + "updated": meta.updated,
        PREFIX + "language_confidence": meta.language_confidence,
        PREFIX + "authors": list(meta.authors),
        PREFIX + "editors": list(meta.editors),
        PREFIX + "photo_credits": list(meta.photo_credits),
        PREFIX + "captions": list(meta.captions),
        PREFIX + "related": list(meta.related),
        PREFIX + "removed": removed if with_removed else None,
        PREFIX + "warnings": json.dumps(list(result.warnings), ensure_ascii=False),
    }


def clean_columns(
    pipeline: Pipeline,
    texts: Iterable[object],
    lang: str | None,
    output_column: str,
    with_removed: bool,
    sites: Iterable[object] | None = None,
) -> dict[str, list[Any]]:
    """Clean a column of texts into the output column plus the metadata columns; ``sites``
    (a URL or host per text, for site-scoped rules; anything else: no site) pairs with them.

    A missing text (``None``, NaN or pandas' ``NA``) gives ``None`` text and empty metadata
    rather than an error, as tabular data often has holes; any other non-``str`` raises
    ``TypeError``.
    """
    columns: dict[str, list[Any]] = {output_column: [], **{n: [] for n in metadata_columns()}}
    site_of_text = iter(sites) if sites is not None else None
    for text in texts:
        site = next(site_of_text, None) if site_of_text is not None else None
        if _is_missing(text):
            columns[output_column].append(None)
            for name in metadata_columns():
                columns[name].append([] if name.removeprefix(PREFIX) in LIST_COLUMNS else None)
            continue
        result = pipeline.clean(
            text,  # type: ignore[arg-type]  # checked inside
            lang=lang,
            site=site if isinstance(site, str) else None,
        )
        columns[output_column].append(result.text)
        for name, value in result_row(result, with_removed).items():
            columns[name].append(value)
    return columns


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return type(value).__name__ == "NAType"  # pandas.NA, without importing pandas
