"""Sites: the host a page comes from, in the one form rules and corpus learning compare.

A site is a lower-case host name without ``www.`` and without a port. A rule scoped to a
site applies to that host and every host under it (a rule for ``example.com`` applies to
``news.example.com``, never to ``example.com.evil.net``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import regex

from newsclean.limits import REGEX_TIMEOUT

# A host name: dot-separated labels of letters, digits and hyphens (IDNA forms included).
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = regex.compile(rf"(?:{_LABEL}\.)*{_LABEL}")
MAX_SITE_CHARS = 253


def site_of(value: str | None) -> str | None:
    """The site of a URL or a host name; ``None`` when ``value`` names none.

    >>> site_of("https://WWW.Example.com:8080/news/1.html"), site_of("blog.example.com")
    ('example.com', 'blog.example.com')
    >>> site_of("not a url") is None, site_of("") is None
    (True, True)
    """
    if not value or not isinstance(value, str) or len(value) > 4096:
        return None
    text = value.strip()
    if "://" in text or text.startswith("//"):
        try:
            host = urlsplit(text if "://" in text else "http:" + text).hostname or ""
        except ValueError:
            return None
    else:
        host = text.split("/", 1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    host = host.strip(".").lower().removeprefix("www.")
    if not host or len(host) > MAX_SITE_CHARS:
        return None
    try:
        return host if _HOST.fullmatch(host, timeout=REGEX_TIMEOUT) else None
    except TimeoutError:
        return None


def site_and_parents(site: str) -> tuple[str, ...]:
    """``site`` and the sites it lies under, most specific first.

    >>> site_and_parents("news.example.com")
    ('news.example.com', 'example.com', 'com')
    """
    labels = site.split(".")
    return tuple(".".join(labels[start:]) for start in range(len(labels)))
