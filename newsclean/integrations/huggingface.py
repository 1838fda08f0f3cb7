"""Hugging Face ``datasets``: clean a text column with ``Dataset.map(batched=True)``.

``clean_dataset(dataset, num_proc=8)`` returns the dataset with its ``text`` column
cleaned and the ``newsclean_*`` metadata columns added; :class:`BatchCleaner` is the
function to pass to ``Dataset.map`` yourself.
"""

from __future__ import annotations

from typing import Any

from newsclean.integrations.columns import clean_columns, column_types
from newsclean.pipeline import Pipeline


class BatchCleaner:
    """The function to pass to ``Dataset.map(..., batched=True, num_proc=N)``.

    It reads ``text_column``, writes the cleaned text to ``output_column`` and adds the
    ``newsclean_*`` metadata columns. It pickles (for ``num_proc``) and gives the same
    rows whatever the batch size or number of processes.
    """

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        *,
        text_column: str = "text",
        output_column: str = "text",
        lang: str | None = None,
        with_removed: bool = False,
    ) -> None:
        self.pipeline = pipeline or Pipeline.default()
        self.text_column = text_column
        self.output_column = output_column
        self.lang = lang
        self.with_removed = with_removed

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        return clean_columns(
            self.pipeline, batch[self.text_column], self.lang, self.output_column, self.with_removed
        )

    def features(self, input_features: Any) -> Any:
        """The dataset's features plus the added columns, for ``Dataset.map(features=...)``,
        so that a first batch full of nulls cannot fix a column to the wrong type."""
        from datasets import Features, Sequence, Value

        features = dict(input_features)
        features[self.output_column] = Value("string")
        arrow_types = {
            "string": Value("string"),
            "float": Value("float64"),
            "list": Sequence(Value("string")),
        }
        for name, kind in column_types().items():
            features[name] = arrow_types[kind]
        return Features(features)


def clean_dataset(
    dataset: Any,
    pipeline: Pipeline | None = None,
    *,
    text_column: str = "text",
    output_column: str = "text",
    lang: str | None = None,
    with_removed: bool = False,
    num_proc: int | None = None,
    batch_size: int = 256,
) -> Any:
    """``dataset`` with the text column cleaned and the metadata columns added."""
    cleaner = BatchCleaner(
        pipeline,
        text_column=text_column,
        output_column=output_column,
        lang=lang,
        with_removed=with_removed,
    )
    return dataset.map(
        cleaner,
        batched=True,
        batch_size=batch_size,
        num_proc=num_proc,
        features=cleaner.features(dataset.features),
        desc="newsclean",
    )
