"""The claims ledger's files: reading them, checking every field, and the verdict rules."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from string import Formatter
from typing import Any

from .. import paths
from ..data.yamlfile import Lines, read_yaml

__all__ = ["CLAIMS_DIR", "ESSAY_FILE", "ESSAY_VERSIONS", "EXPLANATIONS", "VERDICTS",
           "VERDICT_RULES", "Claim", "Evidence", "essay_points", "fields", "load_claims",
           "verdict_counts", "verdict_problems"]

CLAIMS_DIR = paths.CHAPTERS / "claims"
ESSAY_FILE = CLAIMS_DIR / "essay.yml"
#: The verdicts, in the order the ledger counts them, each with the rule its evidence must meet.
VERDICT_RULES = {
    "supported": "evidence for and none against (for a claim about Japan against other "
                 "countries, evidence that compares)",
    "partly supported": "evidence for and evidence against (for a comparative claim, "
                        "evidence for that compares)",
    "outdated": "evidence for that describes 2015 or earlier, and evidence against from "
                "the years since",
    "unsupported": "evidence against and none for",
    "untested": "no evidence for or against in the data the course found: context only",
}
VERDICTS = tuple(VERDICT_RULES)
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
SIDES = ("for", "against", "context")
WHEN = ("then", "now", "both")
_CLAIM_KEYS = {"id", "section", "explanation", "essay", "essay_point", "claim", "comparative",
               "evidence", "verdict", "since"}
_EVIDENCE_KEYS = {"says", "facts", "sources", "compares", "when", "text"}


@dataclass(frozen=True)
class Evidence:
    says: str
    text: str
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    compares: bool = False
    when: str = "now"


@dataclass(frozen=True)
class Claim:
    id: str
    chapter: str
    section: str
    explanation: int
    essay: str
    essay_point: str | None
    claim: str
    comparative: bool
    evidence: tuple[Evidence, ...]
    verdict: str
    since: str
    where: str = ""

    def side(self, says: str) -> tuple[Evidence, ...]:
        return tuple(e for e in self.evidence if e.says == says)

    def filled(self, facts: Mapping[str, Any]) -> Claim:
        """The claim with its ``{key:format}`` numbers taken from ``facts``."""
        def fill(text: str) -> str:
            try:
                return text.format_map(dict(facts))
            except KeyError as exc:
                raise KeyError(f"{self.where}: quotes {exc.args[0]!r}, which chapter "
                               f"{self.chapter!r} does not glue") from None
            except (ValueError, IndexError, AttributeError) as exc:
                raise ValueError(f"{self.where}: a number field in {text[:60]!r}... "
                                 f"cannot be filled: {exc}") from None
        evidence = tuple(replace(e, text=fill(e.text)) for e in self.evidence)
        return replace(self, claim=fill(self.claim), evidence=evidence, since=fill(self.since))


def fields(text: str) -> set[str]:
    """The fact keys a text quotes: ``"{a:.1f} and {b}"`` -> ``{"a", "b"}``."""
    return {name for _lit, name, _spec, _conv in Formatter().parse(text) if name}


def _read_yaml(path: Path) -> tuple[Any, Lines]:
    """A YAML file and its items' lines; a broken file raises a ValueError naming it,
    the line and the column (:func:`meishi.data.yamlfile.read_yaml`)."""
    return read_yaml(path, path.name)


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be non-empty text")
    try:
        fields(value)
    except ValueError as exc:
        raise ValueError(f"{where}: a malformed {{number}} field ({exc})") from None
    return value


def _names(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where} must be a list of names")
    return tuple(value)


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{where} must be true or false")
    return value


def _evidence(item: Any, where: str) -> Evidence:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be a mapping")
    unknown = set(item) - _EVIDENCE_KEYS
    if unknown or "says" not in item or "text" not in item:
        raise ValueError(f"{where}: needs 'says' and 'text'; unknown {sorted(unknown)}")
    if item["says"] not in SIDES:
        raise ValueError(f"{where}: says must be one of {SIDES}, not {item['says']!r}")
    if item.get("when", "now") not in WHEN:
        raise ValueError(f"{where}: when must be one of {WHEN}")
    evidence = Evidence(says=item["says"], text=_text(item["text"], f"{where}, text"),
                        facts=_names(item.get("facts"), f"{where}, facts"),
                        sources=_names(item.get("sources"), f"{where}, sources"),
                        compares=_flag(item.get("compares", False), f"{where}, compares"),
                        when=item.get("when", "now"))
    unlisted = fields(evidence.text) - set(evidence.facts)
    if unlisted:
        raise ValueError(f"{where}: quotes {sorted(unlisted)} without listing them in facts")
    return evidence


def _claim(item: Any, chapter: str, where: str) -> Claim:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be a mapping")
    required = _CLAIM_KEYS - {"essay_point", "comparative"}
    missing, unknown = sorted(required - set(item)), sorted(set(item) - _CLAIM_KEYS)
    if missing or unknown:
        raise ValueError(f"{where} ({item.get('id', '?')}): missing {missing}, unknown {unknown}")
    where = f"{where} ({item['id']})"
    if item["verdict"] not in VERDICTS:
        raise ValueError(f"{where}: verdict {item['verdict']!r} is not one of {VERDICTS}")
    if item["essay"] not in ESSAY_VERSIONS:
        raise ValueError(f"{where}: essay must be one of {tuple(ESSAY_VERSIONS)}")
    if item["explanation"] not in EXPLANATIONS:
        raise ValueError(f"{where}: explanation must be 0 to 4")
    items = item["evidence"]
    if not isinstance(items, list) or not items:
        raise ValueError(f"{where}: 'evidence' must be a non-empty list")
    return Claim(
        id=_text(item["id"], f"{where}, id"), chapter=chapter,
        section=_text(item["section"], f"{where}, section"), explanation=item["explanation"],
        essay=item["essay"], essay_point=item.get("essay_point"),
        claim=_text(item["claim"], f"{where}, claim"),
        comparative=_flag(item.get("comparative", False), f"{where}, comparative"),
        evidence=tuple(_evidence(e, f"{where}, evidence {n}") for n, e in enumerate(items, 1)),
        verdict=item["verdict"], since=_text(item["since"], f"{where}, since"), where=where)


def _stems() -> dict[str, str]:
    from ..chapters import discover  # the chapters' own facts import this module's readers

    return {c.stem: c.slug for c in discover()}


def load_claims(folder: Path | None = None) -> list[Claim]:
    """Read and check every chapter's claims file; a problem is named by file and claim."""
    folder = folder or CLAIMS_DIR
    stems = _stems()
    claims: list[Claim] = []
    for path in sorted(folder.glob("*.yml")):
        if path.name == ESSAY_FILE.name:
            continue
        if path.stem not in stems:
            raise ValueError(f"{path.name}: no chapter is named {path.stem!r} "
                             f"(claims files are named like the notebooks: {sorted(stems)})")
        data, lines = _read_yaml(path)
        items = data.get("claims") if isinstance(data, dict) else None
        if not isinstance(items, list) or not items:
            raise ValueError(f"{lines.at('claims')}: 'claims' must be a non-empty list")
        claims += [_claim(item, stems[path.stem], f"{lines.at('claims', number - 1)}, "
                          f"claim {number}") for number, item in enumerate(items, start=1)]
    if not claims:
        raise ValueError(f"{folder}: no claims files")
    seen: dict[str, str] = {}
    for claim in claims:
        if claim.id in seen:
            raise ValueError(f"claim ids repeat: {claim.id!r} in {seen[claim.id]} "
                             f"and {claim.where}")
        seen[claim.id] = claim.where
    return claims


def essay_points(path: Path | None = None) -> dict[str, Any]:
    """The essay's points (by version) and the words it never uses, from ``essay.yml``."""
    path = path or ESSAY_FILE
    data, lines = _read_yaml(path)
    if not isinstance(data, dict) or not {"points", "words_not_in_essay"} <= set(data):
        raise ValueError(f"{lines.at()}: needs 'points' and 'words_not_in_essay'")
    return data


def verdict_problems(claim: Claim, essay: Mapping[str, Any] | None = None) -> list[str]:
    """Why a claim's verdict does not follow from its evidence (empty when it does)."""
    problems = []
    pro, con = claim.side("for"), claim.side("against")
    for e in (*pro, *con):
        if not (e.facts or e.sources):
            problems.append(f"evidence {e.text[:50]!r}... rests on no fact or source")
    rule = {
        "supported": bool(pro) and not con,
        "partly supported": bool(pro) and bool(con),
        "outdated": bool(pro) and all(e.when == "then" for e in pro)
        and any(e.when == "now" for e in con),
        "unsupported": bool(con) and not pro,
        "untested": not pro and not con and bool(claim.side("context")),
    }[claim.verdict]
    if not rule:
        problems.append(f"'{claim.verdict}' needs {VERDICT_RULES[claim.verdict]}")
    if claim.comparative and claim.verdict in ("supported", "partly supported", "outdated") \
            and not any(e.compares for e in pro):
        problems.append("a comparative claim needs evidence for it that compares countries")
    essay = essay if essay is not None else essay_points()
    if claim.essay == "implied":
        if claim.essay_point is not None:
            problems.append("an implied claim names no point of the essay")
    elif claim.essay_point not in essay["points"].get(claim.essay, {}):
        problems.append(f"essay_point {claim.essay_point!r} is not a point the "
                        f"{claim.essay} essay makes")
    if claim.essay != "implied":
        for word in essay["words_not_in_essay"]:
            if re.search(rf"\b{re.escape(word)}", claim.claim, flags=re.I):
                problems.append(f"credits the essay with {word!r}, which it does not say")
    return problems


def verdict_counts(claims: list[Claim] | None = None) -> dict[str, int]:
    """How many claims got each verdict, in :data:`VERDICTS` order (zeros included)."""
    counts = Counter(c.verdict for c in claims or load_claims())
    return {v: counts.get(v, 0) for v in VERDICTS}
