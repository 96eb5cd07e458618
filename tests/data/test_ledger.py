"""The claims ledger: complete, consistent with the chapters, every link to a real section."""

from __future__ import annotations

import json
import re

import pytest

from meishi import ledger
from meishi.chapters import discover

CHAPTERS = {c.slug: c for c in discover()}
CLAIMS = ledger.load_claims()


def _labels(chapter) -> set[str]:
    nb = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return set(re.findall(r"^\(([\w-]+)\)=\s*$", text, flags=re.M))


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_claim_links_to_a_section_that_exists_in_its_chapter(claim):
    assert claim.chapter in CHAPTERS, claim.chapter
    assert claim.section in _labels(CHAPTERS[claim.chapter]), claim.section


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_number_a_claim_quotes_is_a_fact_its_chapter_glues(claim):
    facts = CHAPTERS[claim.chapter].facts()
    texts = [claim.claim, claim.since, *claim.evidence_for, *claim.evidence_against]
    for text in texts:
        assert ledger.fields(text) <= set(facts), (claim.id, ledger.fields(text) - set(facts))
    filled = claim.filled(facts)
    assert "{" not in " ".join([filled.since, *filled.evidence_for, *filled.evidence_against])


def test_every_chapter_shows_its_claims_in_its_notebook_and_weighs_at_least_one():
    for chapter in CHAPTERS.values():
        nb = json.loads(chapter.notebook.read_text(encoding="utf-8"))
        cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        assert "chapter.CHAPTER.claims()" in cells, chapter.slug
        assert any(c.chapter == chapter.slug for c in CLAIMS), chapter.slug


def test_the_ledger_covers_the_article_s_claims_and_every_verdict_is_used_honestly():
    counts = ledger.verdict_counts(CLAIMS)
    assert sum(counts.values()) == len(CLAIMS) >= 12
    assert all(counts[v] >= 1 for v in ledger.VERDICTS), counts
    for explanation in (1, 2, 3, 4):
        assert any(c.explanation == explanation for c in CLAIMS), explanation
    # the fourth explanation is the repost's, never the 2015 original's
    assert all(c.essay != "original" for c in CLAIMS if c.explanation == 4)


def test_chapter_and_conclusion_render_the_same_verdict_for_a_claim():
    from meishi.chapters import conclusion

    whole = conclusion.ledger().data
    for claim in CLAIMS:
        part = CHAPTERS[claim.chapter].claims().data
        entry = f"**{claim.filled(CHAPTERS[claim.chapter].facts()).claim}**"
        badge = f"verdict-{claim.verdict.replace(' ', '-')}\">{claim.verdict}<"
        for text in (part, whole):
            block = text[text.index(entry):]
            assert badge in block.split("\n\n", 2)[1], claim.id


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["claims"][0].update(verdict="probably"), "verdict"),
    (lambda d: d["claims"][0].pop("since"), "missing"),
    (lambda d: d["claims"][1].update(id=d["claims"][0]["id"]), "repeat"),
    (lambda d: d["claims"][0].update(essay="blog"), "essay"),
    (lambda d: d["claims"][0].update({"for": []}), "non-empty"),
    (lambda d: d["verdicts"].pop("untested"), "verdicts"),
])
def test_a_broken_ledger_file_is_refused_with_the_problem_named(tmp_path, edit, message):
    import yaml

    data = yaml.safe_load(ledger.CLAIMS_FILE.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "claims.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        ledger.load_claims(path)
