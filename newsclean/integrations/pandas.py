"""pandas: clean a column of a data frame into a new frame with the metadata columns.

``pip install pandas`` (any recent version); nothing else is needed.
"""

from __future__ import annotations

from typing import Any

from newsclean.integrations.columns import PREFIX, clean_columns
from newsclean.pipeline import Pipeline


def clean_frame(
    frame: Any,
    column: str = "text",
    *,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    lang: str | None = None,
    output_column: str | None = None,
    with_removed: bool = False,
    prefix: str = PREFIX,
    site_column: str | None = None,
) -> Any:
    """A new frame: ``frame`` with ``column`` cleaned (into ``output_column``, by default
    the same column) and the metadata columns added, named ``prefix`` + field
    (``newsclean_language``, ``newsclean_authors``, …). ``workers > 1`` cleans in that many
    processes, with the same results. A missing text (``None``, NaN) gives a missing
    cleaned text and empty metadata. ``site_column`` names a column of URLs or hosts:
    the pipeline's site-scoped rules (``newsclean learn``) then apply to each row's site.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"text": ["Advertisement\\nRain fell on Paris.", None]})
    >>> cleaned = clean_frame(frame, lang="en")
    >>> cleaned["text"].tolist(), cleaned["newsclean_language"].tolist()
    (['Rain fell on Paris.', None], ['en', None])
    """
    import pandas as pd

    chosen = pipeline or Pipeline.default()
    texts = frame[column].tolist()
    sites = frame[site_column].tolist() if site_column is not None else [None] * len(texts)
    output = output_column or column
    if workers > 1:
        columns = _clean_in_processes(chosen, texts, sites, lang, output, with_removed, workers)
    else:
        columns = clean_columns(chosen, texts, lang, output, with_removed, sites)
    result = frame.copy()
    for name, values in columns.items():
        renamed = prefix + name.removeprefix(PREFIX) if name.startswith(PREFIX) else name
        result[renamed] = pd.Series(values, index=frame.index, dtype=object)
    return result


def _clean_in_processes(
    pipeline: Pipeline,
    texts: list[Any],
    sites: list[Any],
    lang: str | None,
    output: str,
    with_removed: bool,
    workers: int,
) -> dict[str, list[Any]]:
    from newsclean.parallel import ordered_map

    chunks = [
        (texts[start : start + 64], sites[start : start + 64]) for start in range(0, len(texts), 64)
    ]
    columns: dict[str, list[Any]] = {}
    for part in ordered_map(
        _ChunkCleaner(pipeline, lang, output, with_removed), chunks, workers=workers, chunksize=1
    ):
        for name, values in part.items():
            columns.setdefault(name, []).extend(values)
    if not columns:
        columns = clean_columns(pipeline, [], lang, output, with_removed)
    return columns


class _ChunkCleaner:
    """A picklable cleaner of one chunk of texts, for worker processes."""

    def __init__(self, pipeline: Pipeline, lang: str | None, output: str, removed: bool) -> None:
        self.pipeline, self.lang, self.output, self.removed = pipeline, lang, output, removed

    def __call__(self, chunk: tuple[list[Any], list[Any]]) -> dict[str, list[Any]]:
        texts, sites = chunk
        return clean_columns(self.pipeline, texts, self.lang, self.output, self.removed, sites)
