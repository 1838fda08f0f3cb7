"""datatrove: a pipeline step that cleans each document's text and keeps what was removed.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from newsclean.integrations.datatrove import NewscleanFilter

    LocalPipelineExecutor(
        [JsonlReader("crawl/"), NewscleanFilter(min_chars=200), JsonlWriter("clean/")],
        tasks=8,
    ).run()

``pip install "newsclean[datatrove]"``.
"""

from __future__ import annotations

from collections import Counter

from newsclean.pipeline import Pipeline
from newsclean.records import result_info

try:
    from datatrove.data import Document
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
except ImportError as exc:  # pragma: no cover - the extra is not installed
    raise ImportError(
        "newsclean.integrations.datatrove needs datatrove: pip install 'newsclean[datatrove]'"
    ) from exc

EMPTY_REASON = "empty after cleaning"
SHORT_REASON = "shorter than min_chars after cleaning"


class NewscleanFilter(BaseFilter):  # type: ignore[misc]
    """Cleans ``doc.text`` with a newsclean pipeline and stores the metadata in
    ``doc.metadata[metadata_key]`` (with the removed spans too, when ``with_removed``).

    Removals are counted per kind in the step's stats (``removed_<kind>``). A document left
    with no text is dropped (``drop_empty``), and so is one shorter than ``min_chars``
    characters; each drop is counted with its reason and, when an ``exclusion_writer`` is
    given, written there (with its cleaned text and metadata). ``site_field`` names the
    metadata field holding the page's URL (datatrove readers keep ``url`` there): the
    pipeline's site-scoped rules then apply to each document's site.
    """

    name = "📰 newsclean"

    def __init__(
        self,
        pipeline: Pipeline | None = None,
        *,
        lang: str | None = None,
        with_removed: bool = False,
        drop_empty: bool = True,
        min_chars: int = 0,
        metadata_key: str = "newsclean",
        exclusion_writer: DiskWriter | None = None,
        site_field: str | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        self.pipeline = pipeline or Pipeline.default()
        self.lang = lang
        self.with_removed = with_removed
        self.drop_empty = drop_empty
        self.min_chars = min_chars
        self.metadata_key = metadata_key
        self.site_field = site_field

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        site = doc.metadata.get(self.site_field) if self.site_field is not None else None
        result = self.pipeline.clean(
            doc.text, lang=self.lang, site=site if isinstance(site, str) else None
        )
        doc.text = result.text
        doc.metadata[self.metadata_key] = result_info(result, self.with_removed)
        for kind, count in Counter(removal.kind.value for removal in result.removed).items():
            self.stat_update(f"removed_{kind}", value=count)
        if not result.text and self.drop_empty:
            return False, EMPTY_REASON
        if len(result.text) < self.min_chars:
            return False, SHORT_REASON
        return True
