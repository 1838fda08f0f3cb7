"""Learning from the CLI's inputs: JSONL records read as ``newsclean clean`` reads them,
each page observed in a worker process, the counts kept in the parent."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from newsclean.corpus.learner import LearnedRules, SiteLearner
from newsclean.corpus.observe import PageSeen, observe
from newsclean.pipeline import Pipeline
from newsclean.records import InputFormat, RawRecord, RecordCleaner, RecordError, read_records
from newsclean.sites import site_of


@dataclass(frozen=True, slots=True)
class _Observer:
    """One record to ``(site, page id, lines seen)``, or ``None`` when the record has no
    text or no site; picklable, for worker processes."""

    cleaner: RecordCleaner
    id_field: str

    def __call__(self, record: RawRecord) -> tuple[str, str, PageSeen] | None:
        if record.read_error is not None or not record.jsonl:
            return None
        try:
            fields = self.cleaner.parse(self.cleaner.decode(record))
            text = self.cleaner.text_of(fields)
        except RecordError:
            return None
        site = site_of(self.cleaner.site_value(fields))
        if site is None:
            return None
        page_id = fields.get(self.id_field)
        if not isinstance(page_id, (str, int)) or isinstance(page_id, bool):
            page_id = f"{record.source}:{record.line}"
        try:
            result = self.cleaner.pipeline.clean(text, lang=self.cleaner.lang)
        except Exception:  # a bad page costs its lesson, never the run
            return None
        return site, str(page_id), observe(result)


def learn_from_inputs(
    inputs: Sequence[str],
    pipeline: Pipeline,
    stdin: BinaryIO,
    *,
    text_field: str = "text",
    site_field: str = "url",
    id_field: str = "id",
    lang: str | None = None,
    min_pages: int,
    min_share: float,
    workers: int = 1,
    chunksize: int = 32,
    max_record_bytes: int,
    max_records: int | None = None,
) -> LearnedRules:
    """Learn site rules from the JSONL records of ``inputs`` (``.txt`` documents carry no
    site and teach nothing), at most ``max_records`` of them (the first). Records without a
    text or a site are skipped and counted."""
    from newsclean.lang import warm_up
    from newsclean.parallel import ordered_map

    cleaner = RecordCleaner(pipeline, lang=lang, text_field=text_field, site_field=site_field)
    learner = SiteLearner(min_pages, min_share, pipeline)

    def records() -> Iterator[RawRecord]:
        for path in inputs:
            yield from read_records(path, InputFormat.AUTO, stdin, max_record_bytes)

    observed = ordered_map(
        _Observer(cleaner, id_field),
        itertools.islice(records(), max_records),
        workers=workers,
        chunksize=chunksize,
        warm_up=warm_up if lang is None else None,
        on_lost=lambda record, reason: None,
    )
    for item in observed:
        if item is None:
            learner.pages_skipped += 1
            continue
        learner.add_seen(*item)
    return learner.result()
