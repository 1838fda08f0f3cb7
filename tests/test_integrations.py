"""Hugging Face datasets and Dask (on a real two-process LocalCluster) give the same
results as cleaning one text at a time."""

from __future__ import annotations

import json

import pytest

from newsclean import Pipeline
from newsclean.integrations.columns import metadata_columns, result_row

from .conftest import SAMPLES

PIPELINE = Pipeline.default()
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def expected_rows(texts: list[str]) -> list[dict[str, object]]:
    rows = []
    for text in texts:
        result = PIPELINE.clean(text)
        rows.append({"text": result.text, **result_row(result, with_removed=False)})
    return rows


def test_datasets_map_with_processes() -> None:
    datasets = pytest.importorskip("datasets")
    from newsclean.integrations.huggingface import clean_dataset

    texts = TEXTS * 3
    dataset = datasets.Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    cleaned = clean_dataset(dataset, num_proc=2, batch_size=4)
    assert cleaned["id"] == list(range(len(texts)))
    rows = expected_rows(texts)
    for name in ("text", *metadata_columns()):
        assert cleaned[name] == [row[name] for row in rows], name
    assert "Reuters" in cleaned["newsclean_source"]


def test_datasets_holes_and_types() -> None:
    datasets = pytest.importorskip("datasets")
    from newsclean.integrations.huggingface import BatchCleaner

    dataset = datasets.Dataset.from_dict({"body": [None, "Advertisement\nRain fell."]})
    cleaner = BatchCleaner(text_column="body", output_column="clean", lang="en")
    cleaned = dataset.map(cleaner, batched=True, features=cleaner.features(dataset.features))
    assert cleaned["clean"] == [None, "Rain fell."]
    assert cleaned["newsclean_authors"] == [[], []]
    assert cleaned.features["newsclean_language"].dtype == "string"


@pytest.fixture(scope="module")
def dask_client():  # type: ignore[no-untyped-def]
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_dataframe_on_local_cluster(dask_client) -> None:  # type: ignore[no-untyped-def]
    import dask.dataframe as dd
    import pandas as pd

    from newsclean.integrations.dask import clean_dataframe

    assert len(dask_client.scheduler_info()["workers"]) == 2
    texts = TEXTS * 4
    frame = dd.from_pandas(pd.DataFrame({"n": range(len(texts)), "text": texts}), npartitions=4)
    out = clean_dataframe(frame, "text").compute()
    assert out["n"].tolist() == list(range(len(texts)))
    rows = expected_rows(texts)
    assert out["text"].tolist() == [row["text"] for row in rows]
    for name in metadata_columns():
        got = [v if not isinstance(v, float) or v == v else None for v in out[name].tolist()]
        assert [list(v) if hasattr(v, "tolist") else v for v in got] == [
            row[name] for row in rows
        ], name


def test_dask_bag_on_local_cluster(dask_client) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from newsclean.integrations.dask import clean_bag

    lines = [json.dumps({"n": i, "text": TEXTS[i % len(TEXTS)]}) for i in range(12)]
    lines.insert(5, "{broken")
    out = clean_bag(db.from_sequence(lines, npartitions=3), with_removed=True).compute()
    assert len(out) == 13
    records = [json.loads(line) for line in out]
    assert "error" in records[5]
    good = [r for r in records if "error" not in r]
    assert [r["n"] for r in good] == list(range(12))
    for record in good:
        result = PIPELINE.clean(TEXTS[record["n"] % len(TEXTS)])
        assert record["text"] == result.text
        assert record["newsclean"]["removed"] == [r.to_dict() for r in result.removed]


def test_clean_columns_on_pandas_partitions_as_in_the_spark_recipe() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.columns import clean_columns, column_types

    frame = pd.DataFrame({"url": ["a", "b"], "text": [TEXTS[0], None]})
    columns = clean_columns(PIPELINE, frame["text"], None, "clean_text", False)
    out = frame.assign(**columns)
    assert list(out.columns) == ["url", "text", "clean_text", *column_types()]
    assert out["clean_text"][0] == PIPELINE.clean(TEXTS[0]).text
    assert pd.isna(out["clean_text"][1])
    assert out["newsclean_authors"].tolist()[1] == []


def test_dask_dataframe_to_parquet_and_back(dask_client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import dask.dataframe as dd
    import pandas as pd

    from newsclean.integrations.dask import clean_dataframe, to_parquet

    texts = TEXTS * 2
    frame = dd.from_pandas(pd.DataFrame({"n": range(len(texts)), "text": texts}), npartitions=3)
    target = tmp_path / "clean"
    to_parquet(clean_dataframe(frame, "text"), str(target))
    rows = expected_rows(texts)
    for back in (pd.read_parquet(target), dd.read_parquet(str(target)).compute()):
        back = back.sort_values("n")
        assert back["text"].tolist() == [row["text"] for row in rows]
        assert [list(v) for v in back["newsclean_authors"]] == [
            row["newsclean_authors"] for row in rows
        ]
        assert back["newsclean_dateline_agency"].tolist()[:1] == [
            rows[0]["newsclean_dateline_agency"]
        ]


def test_dask_bag_part_files_concatenate_into_jsonl(dask_client, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import dask.bag as db

    from newsclean.integrations.dask import clean_bag, to_jsonl

    lines = [json.dumps({"n": i, "text": TEXTS[i % len(TEXTS)]}) for i in range(10)]
    to_jsonl(clean_bag(db.from_sequence(lines, npartitions=3)), str(tmp_path / "*.jsonl"))
    joined = "".join(path.read_text(encoding="utf-8") for path in sorted(tmp_path.glob("*.jsonl")))
    assert joined.endswith("\n")
    assert [json.loads(line)["n"] for line in joined.splitlines()] == list(range(10))


def test_pandas_clean_frame_matches_one_at_a_time() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.pandas import clean_frame

    texts = [*TEXTS, None]
    frame = pd.DataFrame({"url": [f"u{i}" for i in range(len(texts))], "body": texts})
    for workers in (1, 2):
        out = clean_frame(frame, "body", workers=workers, output_column="clean")
        assert out["url"].tolist() == frame["url"].tolist()
        assert out["clean"].tolist()[:-1] == [PIPELINE.clean(t).text for t in TEXTS]
        assert out["clean"].tolist()[-1] is None
        assert out["newsclean_source"].tolist()[: len(TEXTS)] == [
            PIPELINE.clean(t).metadata.source for t in TEXTS
        ]
    renamed = clean_frame(frame.head(1), "body", prefix="nc_")
    assert "nc_language" in renamed.columns


def test_datatrove_pipeline_with_two_tasks_matches_single_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsclean.integrations.datatrove import NewscleanFilter

    source = tmp_path / "in"
    source.mkdir()
    texts = [*TEXTS, "Advertisement\nShare", "Advertisement"]
    for part in range(2):
        with (source / f"part{part}.jsonl").open("w", encoding="utf-8") as handle:
            for number, text in enumerate(texts):
                handle.write(json.dumps({"id": f"{part}-{number}", "text": text}) + "\n")
    target = tmp_path / "out"
    LocalPipelineExecutor(
        [
            JsonlReader(str(source)),
            NewscleanFilter(min_chars=1),
            JsonlWriter(str(target), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = {}
    for path in target.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            written[record["id"]] = record
    assert len(written) == 2 * len(TEXTS)  # the two documents left empty were dropped
    for part in range(2):
        for number, text in enumerate(TEXTS):
            record = written[f"{part}-{number}"]
            result = PIPELINE.clean(text)
            assert record["text"] == result.text
            assert record["metadata"]["newsclean"]["metadata"] == json.loads(
                json.dumps(result.metadata.to_dict())
            )
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    names = {name for step in stats for name in step.get("stats", {})}
    assert "removed_advert" in names
    assert any("empty after cleaning" in name for name in names)


CRAWL_RECORDS = [
    json.loads(line)
    for line in (SAMPLES / "sites" / "crawl.jsonl").read_text(encoding="utf-8").splitlines()
]
SITE_PIPELINE = Pipeline.default().with_rule_packs(SAMPLES / "sites" / "site_rules.toml")


def test_pandas_site_column_applies_site_rules() -> None:
    pd = pytest.importorskip("pandas")
    from newsclean.integrations.pandas import clean_frame

    frame = pd.DataFrame(CRAWL_RECORDS)
    expected = [SITE_PIPELINE.clean(r["text"], site=r["url"]).text for r in CRAWL_RECORDS]
    for workers in (1, 2):
        out = clean_frame(frame, pipeline=SITE_PIPELINE, site_column="url", workers=workers)
        assert out["text"].tolist() == expected
    plain = clean_frame(frame, pipeline=SITE_PIPELINE)
    assert plain["text"].tolist() == [SITE_PIPELINE.clean(r["text"]).text for r in CRAWL_RECORDS]
    assert plain["text"].tolist() != expected


def test_datatrove_site_field_applies_site_rules() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from newsclean.integrations.datatrove import NewscleanFilter

    step = NewscleanFilter(SITE_PIPELINE, site_field="url")
    for record in CRAWL_RECORDS:
        doc = Document(text=record["text"], id=record["id"], metadata={"url": record["url"]})
        step.filter(doc)
        assert doc.text == SITE_PIPELINE.clean(record["text"], site=record["url"]).text
