"""Check that every URL the course cites still answers: ``python -m meishi_build.linkcheck``.

The course's numbers are only as good as their sources, and web pages move
or vanish.  This collects every URL in ``assets/data/sources.yml`` (each
source's ``url`` and any other http(s) address in the file) and in
``assets/references.bib`` (``url`` fields, and ``doi`` fields as
``https://doi.org/<doi>``), asks each once (HEAD, then GET for servers that
refuse HEAD; redirects followed; a browser's User-Agent, since some sites
turn scripts away), and prints a Markdown table: URL, status, where cited.

It exits non-zero when any URL fails: a 4xx/5xx answer, or no answer (DNS,
refused connection, timeout, TLS).  403 and 429 are reported as "blocked by
the server" warnings: many publishers refuse robots, which says nothing
about whether the page exists.  It needs the network, so it is not part of
``make test``; a weekly CI workflow (.github/workflows/links.yml) runs it.
Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

from meishi.paths import DATA, ROOT

__all__ = ["Result", "check", "check_all", "collect", "from_bib", "from_sources", "main",
           "table"]

USER_AGENT = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
              "Chrome/124.0 Safari/537.36")
BLOCKED = {403, 429}
_URL = re.compile(r"https?://[^\s<>\"'{}|\\^`]+")
_BIB_ENTRY = re.compile(r"@\w+\s*{\s*([^,\s]+)\s*,(.*?)(?=^\s*@|\Z)", re.S | re.M)
_BIB_FIELD = re.compile(r"\b(url|doi)\s*=\s*[{\"]\s*([^}\"]+?)\s*[}\"]", re.I)


def _clean(url: str) -> str:
    return url.rstrip(".,;:)]")


def from_sources(path: Path) -> list[tuple[str, str]]:
    """(url, where) for every http(s) URL in sources.yml, where = ``file: dotted.key``."""
    found: list[tuple[str, str]] = []

    def walk(node: object, key: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, f"{key}.{k}" if key else str(k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{key}[{i}]")
        elif isinstance(node, str):
            found.extend((_clean(u), f"{path.name}: {key}") for u in _URL.findall(node))

    walk(yaml.safe_load(path.read_text(encoding="utf-8")), "")
    return found


def from_bib(path: Path) -> list[tuple[str, str]]:
    """(url, where) for the ``url`` and ``doi`` fields of a BibTeX file."""
    found: list[tuple[str, str]] = []
    for key, body in _BIB_ENTRY.findall(path.read_text(encoding="utf-8")):
        for field, value in _BIB_FIELD.findall(body):
            if field.lower() == "doi":
                doi = re.sub(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)", "", value, flags=re.I)
                value = f"https://doi.org/{doi}"
            found.append((value, f"{path.name}: {key} ({field.lower()})"))
    return found


def collect(sources: Path, bib: Path) -> dict[str, list[str]]:
    """Every URL once, in first-seen order, with every place that cites it."""
    cited: dict[str, list[str]] = {}
    for url, where in [*from_sources(sources), *from_bib(bib)]:
        places = cited.setdefault(url, [])
        if where not in places:
            places.append(where)
    return cited


@dataclass
class Result:
    url: str
    status: int | None  # the final HTTP status; None when there was no answer
    detail: str

    @property
    def verdict(self) -> str:
        if self.status is None or (self.status >= 400 and self.status not in BLOCKED):
            return "failed"
        return "blocked" if self.status in BLOCKED else "ok"


class _KeepMethodRedirect(urllib.request.HTTPRedirectHandler):
    """Follow redirects without turning a HEAD into a GET (urllib's default)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


_OPENER = urllib.request.build_opener(_KeepMethodRedirect)


def _ask(url: str, method: str, timeout: float) -> Result:
    request = urllib.request.Request(url, method=method, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        "Accept-Language": "en,ja;q=0.8"})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            if method == "GET":
                response.read(1024)
            return Result(url, response.status, response.reason or "")
    except urllib.error.HTTPError as err:
        return Result(url, err.code, str(err.reason))
    except urllib.error.URLError as err:
        return Result(url, None, f"no answer: {err.reason}")
    except (TimeoutError, OSError, ValueError) as err:
        return Result(url, None, f"no answer: {err}")


def check(url: str, timeout: float = 20.0) -> Result:
    """HEAD ``url``; if that is refused or fails, GET it (some servers refuse HEAD)."""
    head = _ask(url, "HEAD", timeout)
    if head.verdict == "ok":
        return head
    get = _ask(url, "GET", timeout)
    return head if get.status is None and head.status is not None else get


def check_all(urls: Iterable[str], timeout: float = 20.0, workers: int = 8) -> list[Result]:
    urls = list(urls)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, 8))) as pool:
        return list(pool.map(lambda u: check(u, timeout), urls))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def table(results: list[Result], cited: dict[str, list[str]]) -> str:
    """A Markdown table, failures first, then a one-line count."""
    label = {"failed": "FAILED", "blocked": "blocked by the server (warning)", "ok": "ok"}
    order = {"failed": 0, "blocked": 1, "ok": 2}
    rows = ["| URL | Status | Cited in |", "| --- | --- | --- |"]
    for r in sorted(results, key=lambda r: order[r.verdict]):
        status = f"{r.status} {r.detail}".strip() if r.status is not None else r.detail
        rows.append(f"| {_cell(r.url)} | {label[r.verdict]}: {_cell(status)} "
                    f"| {_cell('; '.join(cited.get(r.url, [])))} |")
    counts = {v: sum(r.verdict == v for r in results) for v in order}
    rows.append("")
    rows.append(f"{len(results)} URLs: {counts['ok']} ok, {counts['blocked']} blocked by "
                f"the server, {counts['failed']} failed.")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DATA / "sources.yml")
    parser.add_argument("--bib", type=Path, default=ROOT / "assets" / "references.bib")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per request")
    parser.add_argument("--workers", type=int, default=8, help="parallel requests (at most 8)")
    args = parser.parse_args(argv)
    cited = collect(args.sources, args.bib)
    results = check_all(cited, timeout=args.timeout, workers=args.workers)
    print(table(results, cited))
    return 1 if any(r.verdict == "failed" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
