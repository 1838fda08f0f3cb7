"""Metadata against the gold: authors, publication date and title on the dev pages that
carry them (trafilatura-eval), beside trafilatura's own metadata from the HTML and the
ceiling of a plain-text reader; on the Dragnet pages (no gold metadata), how much of what
newsclean gives their gold text writes.

    python bench/metadata.py            # raw_p input
    python bench/metadata.py --show authors

For each field: precision (of the pages where a tool gives a value, the share equal to
the gold), recall (of the pages with a gold value, the share given and equal), and the
ceiling: the share of gold pages whose ``raw_p`` holds the value at all (the title as a
line; every author's name; the date written in one of the common ways). Equal means:
authors, the same set of names (case, spacing and dots aside); the date, the same day;
the title, the same text (case and spacing aside). Nothing here is fitted to the gold.
A field newsclean does not give yet shows "-".
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from line_data import DATA, read_pages  # noqa: E402

import newsclean  # noqa: E402
from newsclean.extract.dates import first_date  # noqa: E402
from newsclean.extract.names import split_names  # noqa: E402

HTML = DATA.parent / "html"
FIELDS = ("authors", "date", "title")
_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
}


_SPACE_BEFORE_MARK = re.compile(r"\s+([:;,!?])")


def _norm(text: str) -> str:
    """``text`` with case, spacing (also before a colon or a comma: "Abrechnung :
    Musik-Stars"), dots and invisible format characters (a soft hyphen) aside."""
    text = "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cf")
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    return " ".join(text.replace(".", " ").split()).casefold()


def _names(entries: Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for entry in entries:
        for part in split_names(entry) or [entry]:
            if part.strip():
                found.add(_norm(part))
    return frozenset(found)


def _day(value: str | None) -> str | None:
    """``value``'s day as ISO ``YYYY-MM-DD`` (the gold writes some days unpadded)."""
    if not value:
        return None
    parts = str(value)[:10].split("-")
    try:
        return datetime.date(*(int(part) for part in parts[:3])).isoformat()
    except (TypeError, ValueError):
        return None


def written_dates(day: str) -> list[str]:
    """Common ways a page writes ``day`` (ISO): numeric forms and month names."""
    date = datetime.date.fromisoformat(_day(day) or "")
    d, m, y = date.day, date.month, date.year
    forms = [day, f"{d}.{m}.{y}", f"{d:02d}.{m:02d}.{y}", f"{d}/{m}/{y}", f"{m}/{d}/{y}",
             f"{d:02d}/{m:02d}/{y}", f"{m:02d}/{d:02d}/{y}", f"{d}.{m}.{y % 100:02d}"]  # fmt: skip
    for names in _MONTHS.values():
        month = names.split()[m - 1]
        forms += [f"{d}. {month} {y}", f"{d} {month} {y}", f"{month} {d}, {y}",
                  f"{month} {d} {y}", f"{d} de {month} de {y}", f"{month[:3]} {d}, {y}",
                  f"{month[:3]}. {d}, {y}", f"{d} {month[:3]} {y}"]  # fmt: skip
    return [form.casefold() for form in forms]


def ceiling(page: dict[str, Any], field: str) -> bool:
    gold = page["gold_meta"][field]
    raw = page["raw_p"]
    if field == "title":
        return _norm(gold) in {_norm(line) for line in raw.split("\n")}
    if field == "authors":
        text = _norm(raw)
        return all(name in text for name in _names(gold))
    if _day(gold) is None:
        return False
    text = " ".join(raw.split()).casefold()
    return any(form in text for form in written_dates(gold))


def equal(field: str, predicted: Any, gold: Any) -> bool:
    if field == "authors":
        return bool(predicted) and _names(predicted) == _names(gold)
    if field == "date":
        return _day(predicted) is not None and _day(predicted) == _day(gold)
    return bool(predicted) and _norm(predicted) == _norm(gold)


def newsclean_values(page: dict[str, Any], pipeline: newsclean.Pipeline) -> dict[str, Any]:
    meta = pipeline.clean(page["raw_p"]).metadata
    return {
        "authors": list(meta.authors),
        "date": meta.published,
        "title": meta.title,
    }


def in_gold_text(
    pages: list[dict[str, Any]], pipeline: newsclean.Pipeline
) -> dict[str, tuple[int, int, int]]:
    """Per field, on pages with a gold text but no gold metadata: how many pages newsclean
    gives a value, on how many of those the gold text writes it (every author's name; the
    day, in a common written form or as newsclean's date reader reads a line of the gold
    text; the title as a line), and on how many it writes none of it but a different
    value of its kind (another day; for authors and titles always 0: the gold text does not
    mark them). A check of precision where no gold value exists: a value the gold text
    leaves out may still be right (many gold texts leave the byline and the date out)."""
    given = dict.fromkeys(FIELDS, 0)
    written = dict.fromkeys(FIELDS, 0)
    other = dict.fromkeys(FIELDS, 0)
    for page in pages:
        values = newsclean_values(page, pipeline)
        gold = page["gold_text"]
        for field in FIELDS:
            value = values[field]
            if not value:
                continue
            given[field] += 1
            if field == "title":
                written[field] += _norm(value) in {_norm(line) for line in gold.split("\n")}
            elif field == "authors":
                text = _norm(gold)
                written[field] += all(name in text for name in _names(value))
            elif (day := _day(value)) is not None:
                text = " ".join(gold.split()).casefold()
                days = _gold_days(gold, page["lang"])
                if day in days or any(form in text for form in written_dates(day)):
                    written[field] += 1
                elif days:
                    other[field] += 1
    return {field: (given[field], written[field], other[field]) for field in FIELDS}


def _gold_days(text: str, language: str) -> set[str]:
    """The days newsclean's date reader reads in the lines of ``text``."""
    return {found[0][:10] for line in text.split("\n") if (found := first_date(line, language))}


def trafilatura_values(page: dict[str, Any]) -> dict[str, Any] | None:
    try:
        from trafilatura import extract_metadata
    except ImportError:
        return None
    path = HTML / Path(page["html_file"]).name
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as handle:
        found = extract_metadata(handle.read(), default_url=page.get("url"))
    if found is None:
        return {"authors": [], "date": None, "title": None}
    authors = [a.strip() for a in (found.author or "").split(";") if a.strip()]
    return {"authors": authors, "date": found.date, "title": found.title}


def scores(
    pages: list[dict[str, Any]], values: Callable[[dict[str, Any]], dict[str, Any] | None]
) -> dict[str, tuple[float, float, int] | None]:
    """Per field: precision, recall and the number of pages given a value."""
    given = dict.fromkeys(FIELDS, 0)
    right = dict.fromkeys(FIELDS, 0)
    gold_pages = dict.fromkeys(FIELDS, 0)
    available = dict.fromkeys(FIELDS, False)
    for page in pages:
        found = values(page)
        if found is None:
            return dict.fromkeys(FIELDS)
        for field in FIELDS:
            gold = page["gold_meta"].get(field)
            if not gold:
                continue
            gold_pages[field] += 1
            value = found.get(field)
            if value is not None:
                available[field] = True
            if value:
                given[field] += 1
                right[field] += equal(field, value, gold)
    return {
        field: (
            right[field] / given[field] if given[field] else 0.0,
            right[field] / gold_pages[field] if gold_pages[field] else 0.0,
            given[field],
        )
        if available[field]
        else None
        for field in FIELDS
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", choices=FIELDS, help="print newsclean's misses for a field")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}; nothing to measure")
        return 0
    pages = [p for p in read_pages(DATA) if p.get("gold_meta")]
    pipeline = newsclean.Pipeline.default()
    mine = {page["id"]: newsclean_values(page, pipeline) for page in pages}
    ours = scores(pages, lambda page: mine[page["id"]])
    theirs = scores(pages, trafilatura_values)
    print(f"{len(pages)} dev pages with gold metadata (trafilatura-eval), input raw_p\n")
    print(
        "| field | gold pages | ceiling in raw_p | newsclean P / R (given) "
        "| trafilatura on HTML P / R |"
    )
    print("|---|---|---|---|---|")
    for field in FIELDS:
        gold = [p for p in pages if p["gold_meta"].get(field)]
        top = sum(ceiling(p, field) for p in gold) / len(gold) if gold else 0.0
        print(
            f"| {field} | {len(gold)} | {top:.2f} | {_shown(ours[field])} | "
            f"{_shown(theirs[field], with_count=False)} |"
        )
    dragnet = [p for p in read_pages(DATA) if p["source"] == "dragnet" and p.get("gold_text")]
    if dragnet:
        print(
            f"\n{len(dragnet)} Dragnet pages (no gold metadata; the gold text holds the "
            "headline and often the byline): what newsclean gives, and how much of it the "
            "gold text writes\n"
        )
        print("| field | pages given | written in the gold text | the gold text writes another |")
        print("|---|---|---|---|")
        for field, (given, written, other) in in_gold_text(dragnet, pipeline).items():
            share = f"{written / given:.2f}" if given else "-"
            shown = str(other) if field == "date" else "-"
            print(f"| {field} | {given} | {written} ({share}) | {shown} |")
    if args.show:
        for page in pages:
            gold = page["gold_meta"].get(args.show)
            value = mine[page["id"]][args.show]
            if gold and not equal(args.show, value, gold):
                print(f"{page['id']}: gold {gold!r}, newsclean {value!r}")
    return 0


def _shown(result: tuple[float, float, int] | None, with_count: bool = True) -> str:
    if result is None:
        return "-"
    precision, recall, given = result
    count = f" ({given})" if with_count else ""
    return f"{precision:.2f} / {recall:.2f}{count}"


if __name__ == "__main__":
    raise SystemExit(main())
