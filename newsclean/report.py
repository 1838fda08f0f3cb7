"""A self-contained HTML page that shows one cleaning decision by decision.

Kept text is plain; each removed span is struck through, tinted by kind and labelled with
its kind and rule. A legend counts the kinds and a table lists the metadata. No scripts,
no external files: the page can be attached to a bug report as it is.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from newsclean.explain import LineNumbers, because, why
from newsclean.model import CleanResult, Kind
from newsclean.steps.registry import KIND_STYLES

_STYLE = """
body { font: 16px/1.5 Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: #222; }
h1 { font: 600 1.3rem system-ui, sans-serif; }
h2 { font: 600 1rem system-ui, sans-serif; margin-top: 2rem; }
.doc { white-space: pre-wrap; border: 1px solid #ddd; padding: 1rem; border-radius: 4px; }
del { text-decoration: line-through; text-decoration-color: #900; color: #555; }
.label { font: 11px/1 system-ui, sans-serif; padding: 1px 4px; margin-left: 3px;
         border-radius: 3px; background: #444; color: #fff; vertical-align: 2px;
         white-space: nowrap; }
.legend span.swatch { display: inline-block; width: 1em; height: 1em; margin-right: .3em;
                      vertical-align: -2px; border: 1px solid #999; }
.legend li { list-style: none; display: inline-block; margin-right: 1.2rem; }
table { border-collapse: collapse; font: 14px system-ui, sans-serif; }
td, th { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
"""


def _colour(kind: Kind) -> str:
    return KIND_STYLES[kind].html


def _document(result: CleanResult) -> str:
    source = result.source
    numbers = LineNumbers(source)
    parts: list[str] = []
    cursor = 0
    for number, removal in enumerate(result.removed):
        parts.append(escape(source[cursor : removal.start]))
        kind = removal.kind.value
        reason = because(removal, numbers)
        trigger = f' data-trigger="{escape(reason)}"' if reason else ""
        if removal.evidence:
            trigger += f' data-evidence="{escape(removal.evidence)}"'
        shown = why(removal, numbers)
        label = f"{kind} · {escape(removal.rule)}" + (f" · {escape(shown)}" if shown else "")
        parts.append(
            f'<del id="cut-{number}" class="cut kind-{kind}" data-kind="{kind}" '
            f'data-rule="{escape(removal.rule)}"{trigger} title="{escape(removal.rule)}" '
            f'style="background:{_colour(removal.kind)}">{escape(removal.text)}</del>'
            f'<span class="label">{label}</span>'
        )
        cursor = removal.end
    parts.append(escape(source[cursor:]))
    return "".join(parts)


def _legend(result: CleanResult) -> str:
    counts = Counter(removal.kind for removal in result.removed)
    if not counts:
        return "<p>Nothing was removed.</p>"
    items = "".join(
        f'<li data-kind="{kind.value}"><span class="swatch" style="background:{_colour(kind)}">'
        f"</span>{kind.value} ({count})</li>"
        for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].value))
    )
    return f'<ul class="legend">{items}</ul>'


def _metadata(result: CleanResult) -> str:
    rows: list[str] = []
    for name, value in result.metadata.to_dict().items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k}: {v}" for k, v in value.items() if v)
        elif isinstance(value, list):
            shown = "; ".join(str(v) for v in value)
        else:
            shown = "" if value is None else str(value)
        rows.append(f"<tr><th>{escape(name)}</th><td>{escape(shown)}</td></tr>")
    return f'<table class="metadata">{"".join(rows)}</table>'


def html_report(result: CleanResult, title: str = "document") -> str:
    """The HTML page for ``result`` as a string.

    >>> from newsclean import clean
    >>> page = html_report(clean("Advertisement\\nRain.", lang="en"), title="t.txt")
    >>> 'data-kind="advert"' in page and "<del" in page
    True
    """
    removed = sum(len(r.text) for r in result.removed)
    summary = f"{len(result.removed)} spans removed, {removed} of {len(result.source)} characters"
    warnings = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>newsclean: {escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>newsclean report: {escape(title)}</h1>"
        f'<p class="summary">{summary}</p>'
        f"<h2>Legend</h2>{_legend(result)}"
        f'<h2>Document</h2><div class="doc">{_document(result)}</div>'
        f"<h2>Metadata</h2>{_metadata(result)}"
        + (f"<h2>Warnings</h2><ul>{warnings}</ul>" if warnings else "")
        + "</body></html>\n"
    )
