"""Throughput of newsclean beside reference implementations, as ratios measured in one run.

    python bench/throughput.py                      # everything (about 15 minutes)
    python bench/throughput.py --only pages         # in-process pages/s only (about 1 minute)
    python bench/throughput.py --only workers,sizes
    python bench/throughput.py --only rss --rss-mb 100,1000

Parts:
  pages    In one process, interleaved rounds over the same dev pages: the floor (split
           and strip), datatrove's C4QualityFilter line rules on raw_p, trafilatura.extract
           on the pages' HTML, newsclean with language detection (each installed langdetect
           backend) and newsclean with lang= given. Prints pages/s ratios.
  workers  The CLI on a JSONL file with --workers 1 and --workers 2 (ratio of docs/s).
  sizes    Seconds per MB for single documents from 10 KB to 50 MB (ratio worst/best).
  rss      Peak RSS of the CLI process tree streaming JSONL of two sizes (ratio).

Needs ../shared/data (exits with a message when absent); datatrove and trafilatura are
optional (their rows are skipped with a note when not installed). Writes
bench/out/throughput.json.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT.parent / "shared" / "data"
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from newsclean import Pipeline  # noqa: E402
from newsclean.lang import use_backend  # noqa: E402

Contender = tuple[str, Callable[[], int]]


def read_pages() -> list[dict[str, Any]]:
    path = DATA_DIR / "dev.jsonl.gz"
    if not path.exists():
        raise SystemExit(f"benchmark data not found at {path}; nothing to measure")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_html(page: dict[str, Any]) -> str:
    """A dev page's HTML (stored gzip-compressed, UTF-8)."""
    with gzip.open(
        DATA_DIR / page["html_file"], "rt", encoding="utf-8", errors="replace"
    ) as handle:
        return handle.read()


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# -- pages: in-process, interleaved --------------------------------------------------------


def contenders(pages: list[dict[str, Any]]) -> list[Contender]:
    texts = [page["raw_p"] for page in pages]
    langs = [page["lang"] for page in pages]
    pipeline = Pipeline.default()
    found: list[Contender] = []

    def floor() -> int:
        return sum(len([line.strip() for line in text.split("\n")]) for text in texts)

    found.append(("floor: split + strip", floor))

    if installed("datatrove"):
        from datatrove.data import Document as DatatroveDocument
        from datatrove.pipeline.filters import C4QualityFilter

        c4 = C4QualityFilter(min_num_sentences=-1, filter_curly_bracket=False)

        def datatrove_c4() -> int:
            kept = 0
            for number, text in enumerate(texts):
                kept += bool(c4.filter(DatatroveDocument(text=text, id=str(number))))
            return kept

        found.append(("datatrove C4QualityFilter on raw_p", datatrove_c4))
    else:
        print("note: datatrove not installed; its row is skipped", file=sys.stderr)

    if installed("trafilatura"):
        import trafilatura

        # The HTML files are gzip: decompressed here, before timing (timing trafilatura on
        # gzip bytes decoded as text measured something else).
        htmls = [read_html(page) for page in pages]

        def trafilatura_extract() -> int:
            return sum(len(trafilatura.extract(html) or "") for html in htmls)

        found.append(("trafilatura.extract on HTML", trafilatura_extract))
    else:
        print("note: trafilatura not installed; its row is skipped", file=sys.stderr)

    backends = ["langdetect"] + (["langdetect_rs"] if installed("langdetect_rs") else [])
    for backend in backends:

        def detected(backend: str = backend) -> int:
            use_backend(backend)
            return sum(len(pipeline.clean(text).text) for text in texts)

        found.append((f"newsclean, language detected ({backend})", detected))

    def given() -> int:
        return sum(
            len(pipeline.clean(t, lang=lang).text) for t, lang in zip(texts, langs, strict=True)
        )

    found.append(("newsclean, lang= given", given))
    return found


def measure_pages(pages: list[dict[str, Any]], rounds: int) -> dict[str, float]:
    runs = contenders(pages)
    for _, run in runs:  # warm up: imports, compiled rules, language profiles
        run()
    seconds: dict[str, list[float]] = {name: [] for name, _ in runs}
    for _ in range(rounds):
        for name, run in runs:
            started = time.perf_counter()
            run()
            seconds[name].append(time.perf_counter() - started)
    use_backend(None)
    rates = {name: len(pages) / statistics.median(times) for name, times in seconds.items()}
    print(f"\npages/s over {len(pages)} dev pages, median of {rounds} interleaved rounds")
    for name, rate in rates.items():
        print(f"  {name:45} {rate:9.1f}")
    return rates


def page_ratios(rates: dict[str, float]) -> dict[str, float]:
    ratios: dict[str, float] = {}
    c4 = rates.get("datatrove C4QualityFilter on raw_p")
    traf = rates.get("trafilatura.extract on HTML")
    given = rates["newsclean, lang= given"]
    if traf:
        for name, rate in rates.items():
            if name.startswith("newsclean, language detected"):
                ratios[f"{name} / trafilatura (goal >= 6)"] = rate / traf
    if c4:
        ratios["newsclean lang= given / datatrove C4 (goal >= 1.0)"] = given / c4
    ratios["newsclean lang= given / floor"] = given / rates["floor: split + strip"]
    return ratios


# -- the command line: workers, sizes, memory ----------------------------------------------


def write_jsonl(pages: list[dict[str, Any]], path: Path, megabytes: float) -> int:
    """Repeat the dev pages' raw_p as JSONL records until the file holds ``megabytes``."""
    target = int(megabytes * 1e6)
    written = records = 0
    with path.open("w", encoding="utf-8") as handle:
        while written < target:
            for page in pages:
                line = json.dumps({"id": records, "text": page["raw_p"]}, ensure_ascii=False)
                handle.write(line + "\n")
                written += len(line.encode()) + 1
                records += 1
                if written >= target:
                    break
    return records


def run_cli(args: list[str], poll_rss: bool = False) -> tuple[float, int]:
    """Seconds the CLI took and, when asked, its process tree's peak RSS in bytes."""
    command = [sys.executable, "-m", "newsclean", "clean", *args]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    if poll_rss:
        import psutil

        parent = psutil.Process(process.pid)
        while process.poll() is None:
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)
    _, err = process.communicate()
    if process.returncode not in (0, 2):
        raise SystemExit(f"newsclean failed: {err.decode(errors='replace')}")
    return time.perf_counter() - started, peak


def measure_workers(pages: list[dict[str, Any]], megabytes: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.jsonl"
        records = write_jsonl(pages, path, megabytes)
        rates = {}
        for workers in (1, 2, 1, 2):  # interleaved, best of two
            seconds, _ = run_cli(["--workers", str(workers), str(path)])
            key = f"workers={workers}"
            rates[key] = max(rates.get(key, 0.0), records / seconds)
    print(f"\nCLI docs/s on {records} records ({megabytes:g} MB JSONL), language detected")
    for name, rate in rates.items():
        print(f"  {name:45} {rate:9.1f}")
    return {"cli --workers 2 / --workers 1 (goal >= 1.7)": rates["workers=2"] / rates["workers=1"]}


def measure_sizes(pages: list[dict[str, Any]], sizes_kb: list[int]) -> dict[str, float]:
    # One language, as in a real document: the English pages, concatenated (and repeated
    # beyond their ~1 MB), language detected. Pages of every language glued together make
    # a document whose output reads as another language than its input, which re-runs
    # the pipeline (bounded, but not a measure of size).
    pipeline = Pipeline.default()
    corpus = "\n".join(page["raw_p"] for page in pages if page["lang"] == "en")
    per_mb: dict[int, float] = {}
    for size in sizes_kb:
        target = size * 1000
        repeats = max(1, 2_000_000 // target)  # time at least ~2 MB of work per size
        # Different documents (slices of the corpus), not one document again and again:
        # the pipeline's line cache would make a repeated document cheap.
        looped = corpus * (target * repeats // len(corpus) + 2)
        documents = [looped[n * target : (n + 1) * target] for n in range(repeats)]
        pipeline = Pipeline.default()
        pipeline.clean(documents[0][:1000])
        started = time.perf_counter()
        for document in documents:
            pipeline.clean(document)
        seconds = (time.perf_counter() - started) / repeats
        per_mb[size] = seconds / (len(documents[0].encode()) / 1e6)
    print("\nseconds per MB by document size (English pages, language detected)")
    for size, value in per_mb.items():
        print(f"  {size:>8} KB {value:9.3f} s/MB")
    worst, best = max(per_mb.values()), min(per_mb.values())
    return {"s/MB worst size / best size (goal <= 1.5)": worst / best}


def measure_rss(
    pages: list[dict[str, Any]], sizes_mb: list[float], workers: int
) -> dict[str, float]:
    peaks: dict[float, int] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes_mb:
            path = Path(folder) / f"stream-{size:g}.jsonl"
            records = write_jsonl(pages, path, size)
            seconds, peak = run_cli(
                ["--lang", "en", "--workers", str(workers), str(path)], poll_rss=True
            )
            peaks[size] = peak
            print(f"  {size:g} MB ({records} records): peak RSS {peak / 1e6:.0f} MB", end="")
            print(f" in {seconds:.0f} s")
            path.unlink()
    small, large = min(sizes_mb), max(sizes_mb)
    return {
        f"peak RSS {large:g} MB / {small:g} MB stream (goal <= 1.5)": peaks[large] / peaks[small]
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", default="pages,workers,sizes,rss", help="parts to run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers-mb", type=float, default=16.0)
    parser.add_argument("--sizes-kb", default="10,100,1000,10000,50000")
    parser.add_argument("--rss-mb", default="100,1000")
    parser.add_argument("--rss-workers", type=int, default=2)
    parser.add_argument("--json", type=Path, default=OUT / "throughput.json")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    pages = read_pages()
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    ratios: dict[str, float] = {}
    if "pages" in parts:
        rates = measure_pages(pages, args.rounds)
        report["pages_per_second"] = rates
        ratios.update(page_ratios(rates))
    if "workers" in parts:
        ratios.update(measure_workers(pages, args.workers_mb))
    if "sizes" in parts:
        ratios.update(measure_sizes(pages, [int(s) for s in args.sizes_kb.split(",")]))
    if "rss" in parts:
        print("\npeak RSS of the CLI streaming JSONL (lang='en')")
        ratios.update(
            measure_rss(pages, [float(s) for s in args.rss_mb.split(",")], args.rss_workers)
        )
    print("\nratios")
    for name, value in ratios.items():
        print(f"  {name:70} {value:6.2f}")
    report["ratios"] = ratios
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"report: {args.json}")


if __name__ == "__main__":
    main()
