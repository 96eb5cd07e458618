"""The claims ledger as the book shows it: each chapter's claims, and the whole ledger.

The output is MyST Markdown; each claim's link to the section that weighs it
is a cross-reference the strict build checks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from IPython.display import Markdown

from .claims import ESSAY_VERSIONS, EXPLANATIONS, VERDICT_RULES, Claim, load_claims, verdict_counts

__all__ = ["chapter_claims", "ledger"]


def _verdict_badge(verdict: str) -> str:
    # The word is the verdict; the class only adds a colour.
    return f'<span class="verdict verdict-{verdict.replace(" ", "-")}">{verdict}</span>'


_SAYS = {"for": "For", "against": "Against", "context": "Context"}


def _entry(claim: Claim) -> list[str]:
    lines = [f"**{claim.claim}**", "",
             f"Verdict: {_verdict_badge(claim.verdict)} · {ESSAY_VERSIONS[claim.essay]} · "
             f"weighed in {{ref}}`{claim.section}`", ""]
    lines += [f"- **{_SAYS[e.says]}:** {e.text}" for e in claim.evidence]
    lines += [f"- **Since 2015:** {claim.since}", ""]
    return lines


def chapter_claims(slug: str, facts: Mapping[str, Any]) -> Markdown:
    """The claims a chapter weighed, for its verdict section."""
    claims = [c.filled(facts) for c in load_claims() if c.chapter == slug]
    if not claims:
        raise ValueError(f"the ledger has no claim weighed in chapter {slug!r}")
    lines = ["The claims this chapter weighed, as the course's claims ledger records them "
             "(the last chapter gathers every chapter's):", ""]
    for claim in claims:
        lines += _entry(claim)
    return Markdown("\n".join(lines))


def ledger(facts_by_chapter: Mapping[str, Mapping[str, Any]]) -> Markdown:
    """The whole ledger: counts, one line per claim, then each claim with its evidence."""
    claims = [c.filled(facts_by_chapter[c.chapter]) for c in load_claims()]
    counts = verdict_counts(claims)
    lines = ["| Verdict | What it takes | Claims |", "|---|---|---:|"]
    lines += [f"| {_verdict_badge(v)} | {VERDICT_RULES[v]} | {n} |" for v, n in counts.items()]
    lines += [f"| **All** | | **{len(claims)}** |", "", "| Claim | Explanation | Verdict |",
              "|---|---|---|"]
    lines += [f"| {c.claim} | {EXPLANATIONS[c.explanation]} | {_verdict_badge(c.verdict)} |"
              for c in claims]
    lines += [""]
    for number, title in EXPLANATIONS.items():
        group = [c for c in claims if c.explanation == number]
        if group:
            lines += [f"```{{rubric}} {title}", "```", ""]
            for claim in group:
                lines += _entry(claim)
    return Markdown("\n".join(lines))
