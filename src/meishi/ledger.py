"""The claims ledger: the article's claims, the evidence and the course's verdicts.

One file, ``chapters/claims.yml``, holds every claim.  Each chapter's verdict
section lists the claims it weighs (:meth:`meishi.chapters.Chapter.claims`)
and the conclusion prints the whole ledger (:func:`ledger`), both from here,
so a verdict reads the same everywhere.  Numbers in a claim's evidence are
``{key:format}`` fields filled from the facts of the chapter that weighs it,
the same numbers its prose glues.

The output is MyST Markdown (``text/markdown``; the book renders it as
MyST), so each claim's link to the section that weighs it is a
cross-reference the strict build checks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

import yaml
from IPython.display import Markdown

from . import paths

__all__ = ["CLAIMS_FILE", "ESSAY_VERSIONS", "EXPLANATIONS", "VERDICTS", "Claim",
           "chapter_claims", "fields", "ledger", "load_claims", "verdict_counts"]

CLAIMS_FILE = paths.CHAPTERS / "claims.yml"
#: The verdicts, in the order the ledger counts them.
VERDICTS = ("supported", "partly supported", "outdated", "unsupported", "untested")
ESSAY_VERSIONS = {
    "original": "made in the 2015 essay",
    "repost": "made only in the expanded repost",
    "implied": "not stated, but the argument needs it",
}
EXPLANATIONS = {
    0: "The article's frame",
    1: "1. Lifetime employment",
    2: "2. Modesty",
    3: "3. Relationships",
    4: "4. Local services",
}
_REQUIRED = ("id", "chapter", "section", "explanation", "essay", "claim", "for", "against",
             "verdict", "since")


@dataclass(frozen=True)
class Claim:
    id: str
    chapter: str
    section: str
    explanation: int
    essay: str
    claim: str
    evidence_for: tuple[str, ...]
    evidence_against: tuple[str, ...]
    verdict: str
    since: str

    def filled(self, facts: Mapping[str, Any]) -> Claim:
        """The claim with its ``{key:format}`` numbers taken from ``facts``."""
        def fill(text: str) -> str:
            try:
                return text.format_map(dict(facts))
            except KeyError as exc:
                raise KeyError(f"claim {self.id!r} quotes {exc.args[0]!r}, which chapter "
                               f"{self.chapter!r} does not glue") from None
        return Claim(self.id, self.chapter, self.section, self.explanation, self.essay,
                     fill(self.claim), tuple(map(fill, self.evidence_for)),
                     tuple(map(fill, self.evidence_against)), self.verdict, fill(self.since))


def fields(text: str) -> set[str]:
    """The fact keys a text quotes: ``"{a:.1f} and {b}"`` -> ``{"a", "b"}``."""
    return {name for _lit, name, _spec, _conv in Formatter().parse(text) if name}


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be non-empty text")
    return value


def load_claims(path: Path | None = None) -> list[Claim]:
    """Read and check the ledger file; any problem is named with the claim's id."""
    path = path or CLAIMS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data.get("verdicts") or {}) != set(VERDICTS):
        raise ValueError(f"{path.name}: 'verdicts' must define exactly {', '.join(VERDICTS)}")
    items = data.get("claims")
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path.name}: 'claims' must be a non-empty list")
    claims: list[Claim] = []
    for number, item in enumerate(items, start=1):
        where = f"{path.name}, claim {number}"
        if not isinstance(item, dict):
            raise ValueError(f"{where} must be a mapping")
        missing = [k for k in _REQUIRED if k not in item]
        if missing or set(item) - set(_REQUIRED):
            raise ValueError(f"{where} ({item.get('id', '?')}): missing {missing}, "
                             f"unknown {sorted(set(item) - set(_REQUIRED))}")
        where = f"{path.name}, claim {item['id']!r}"
        if item["verdict"] not in VERDICTS:
            raise ValueError(f"{where}: verdict {item['verdict']!r} is not one of {VERDICTS}")
        if item["essay"] not in ESSAY_VERSIONS:
            raise ValueError(f"{where}: essay must be one of {tuple(ESSAY_VERSIONS)}")
        if item["explanation"] not in EXPLANATIONS:
            raise ValueError(f"{where}: explanation must be 0 to 4")
        evidence = {}
        for side in ("for", "against"):
            value = item[side]
            if not isinstance(value, list) or not value:
                raise ValueError(f"{where}: '{side}' must be a non-empty list")
            evidence[side] = tuple(_text(v, f"{where}, '{side}'") for v in value)
        claims.append(Claim(
            id=_text(item["id"], where), chapter=_text(item["chapter"], where),
            section=_text(item["section"], where), explanation=item["explanation"],
            essay=item["essay"], claim=_text(item["claim"], where),
            evidence_for=evidence["for"], evidence_against=evidence["against"],
            verdict=item["verdict"], since=_text(item["since"], where)))
    ids = [c.id for c in claims]
    if len(set(ids)) != len(ids):
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"{path.name}: claim ids repeat: {repeated}")
    return claims


def verdict_counts(claims: list[Claim] | None = None) -> dict[str, int]:
    """How many claims got each verdict, in :data:`VERDICTS` order (zeros included)."""
    counts = Counter(c.verdict for c in claims or load_claims())
    return {v: counts.get(v, 0) for v in VERDICTS}


def _verdict_badge(verdict: str) -> str:
    # The word is the verdict; the class only adds a colour and an icon-free mark.
    slug = verdict.replace(" ", "-")
    return f'<span class="verdict verdict-{slug}">{verdict}</span>'


def _entry(claim: Claim) -> list[str]:
    lines = [f"**{claim.claim}**", "",
             f"Verdict: {_verdict_badge(claim.verdict)} · {ESSAY_VERSIONS[claim.essay]} · "
             f"weighed in {{ref}}`{claim.section}`", ""]
    lines += [f"- **For:** {t}" for t in claim.evidence_for]
    lines += [f"- **Against:** {t}" for t in claim.evidence_against]
    lines += [f"- **Since 2015:** {claim.since}", ""]
    return lines


def chapter_claims(slug: str, facts: Mapping[str, Any]) -> Markdown:
    """The claims a chapter weighs, for its verdict section."""
    claims = [c.filled(facts) for c in load_claims() if c.chapter == slug]
    if not claims:
        raise ValueError(f"the ledger has no claim weighed in chapter {slug!r}")
    lines = ["The claims this chapter weighed, as the course's claims ledger records them "
             "(the last chapter gathers every chapter's):", ""]
    for claim in claims:
        lines += _entry(claim)
    return Markdown("\n".join(lines))


def ledger(facts_by_chapter: Mapping[str, Mapping[str, Any]]) -> Markdown:
    """The whole ledger, grouped by explanation, each claim linked to where it is weighed."""
    claims = load_claims()
    counts = verdict_counts(claims)
    lines = ["| Verdict | Claims |", "|---|---|"]
    lines += [f"| {_verdict_badge(v)} | {n} |" for v, n in counts.items()]
    lines += [f"| **All** | **{len(claims)}** |", ""]
    for number, title in EXPLANATIONS.items():
        group = [c for c in claims if c.explanation == number]
        if not group:
            continue
        lines += [f"```{{rubric}} {title}", "```", ""]
        for claim in group:
            lines += _entry(claim.filled(facts_by_chapter[claim.chapter]))
    return Markdown("\n".join(lines))
