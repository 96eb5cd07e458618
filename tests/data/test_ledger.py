"""The claims ledger: complete, consistent with the chapters, every link to a real section,
and every verdict following mechanically from its evidence."""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml

from meishi import ledger
from meishi.chapters import discover

CHAPTERS = {c.slug: c for c in discover()}
CLAIMS = ledger.load_claims()
ESSAY = ledger.essay_points()


def _labels(chapter) -> set[str]:
    nb = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return set(re.findall(r"^\(([\w-]+)\)=\s*$", text, flags=re.M))


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_claim_links_to_a_section_that_exists_in_its_chapter(claim):
    assert claim.chapter in CHAPTERS, claim.chapter
    assert claim.section in _labels(CHAPTERS[claim.chapter]), claim.section


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_fact_a_claim_rests_on_is_one_its_chapter_glues(claim):
    facts = CHAPTERS[claim.chapter].facts()
    for evidence in claim.evidence:
        assert set(evidence.facts) <= set(facts), (claim.id, set(evidence.facts) - set(facts))
    for text in (claim.claim, claim.since):
        assert ledger.fields(text) <= set(facts), (claim.id, ledger.fields(text) - set(facts))
    filled = claim.filled(facts)
    assert "{" not in " ".join([filled.claim, filled.since, *(e.text for e in filled.evidence)])


def _bib_keys() -> set[str]:
    from meishi import paths

    bib = (paths.ROOT / "assets" / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", bib, flags=re.M))


def _dataset_ids() -> set[str]:
    from meishi import paths

    return {p.stem for p in paths.DATA.glob("*.csv")}


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_source_a_claim_names_exists(claim):
    known = _bib_keys() | _dataset_ids()
    for evidence in claim.evidence:
        assert set(evidence.sources) <= known, (claim.id, set(evidence.sources) - known)


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_every_verdict_follows_from_its_evidence_and_credits_the_essay_only_with_its_words(claim):
    assert ledger.verdict_problems(claim, ESSAY) == [], claim.id


def _claim(**overrides):
    base = {"id": "x", "chapter": "trust", "section": "s", "explanation": 3, "essay": "implied",
            "essay_point": None, "claim": "Business runs on relationships.",
            "comparative": False, "evidence": (), "verdict": "supported", "since": "-",
            "where": "test"}
    base.update(overrides)
    return ledger.Claim(**base)


FOR = ledger.Evidence("for", "a fact for", facts=("a",))
AGAINST = ledger.Evidence("against", "a fact against", facts=("b",))
CONTEXT = ledger.Evidence("context", "a model shows a mechanism")


@pytest.mark.parametrize("overrides, problem", [
    ({"verdict": "unsupported", "evidence": (FOR, CONTEXT)}, "'unsupported' needs"),
    ({"verdict": "untested", "evidence": (AGAINST,)}, "'untested' needs"),
    ({"verdict": "supported", "evidence": (FOR, AGAINST)}, "'supported' needs"),
    ({"verdict": "partly supported", "evidence": (FOR, CONTEXT)}, "'partly supported' needs"),
    ({"verdict": "outdated", "evidence": (FOR, AGAINST)}, "'outdated' needs"),
    ({"verdict": "supported", "comparative": True, "evidence": (FOR,)}, "comparative"),
    ({"verdict": "supported", "evidence": (ledger.Evidence("for", "trust me"),)}, "rests on no"),
    ({"essay": "original", "essay_point": "relationships", "evidence": (FOR,),
          "claim": "People deal with those they know because trust in strangers is low."},
     "trust in strangers"),
    ({"essay": "repost", "essay_point": "modesty", "evidence": (FOR,)}, "not a point"),
    ({"essay": "implied", "essay_point": "modesty", "evidence": (FOR,)}, "implied claim"),
])
def test_a_verdict_that_does_not_follow_is_caught(overrides, problem):
    problems = ledger.verdict_problems(_claim(**overrides), ESSAY)
    assert any(problem in p for p in problems), problems


def test_a_verdict_that_follows_passes():
    then = ledger.Evidence("for", "then", facts=("a",), when="then")
    compares = ledger.Evidence("for", "Japan beside the US", facts=("a",), compares=True)
    for verdict, evidence, comparative in [
        ("supported", (FOR, CONTEXT), False), ("partly supported", (FOR, AGAINST), False),
        ("outdated", (then, AGAINST), False), ("unsupported", (AGAINST,), False),
        ("untested", (CONTEXT,), True), ("supported", (compares,), True),
    ]:
        claim = _claim(verdict=verdict, evidence=evidence, comparative=comparative)
        assert ledger.verdict_problems(claim, ESSAY) == [], verdict


def test_every_chapter_shows_its_claims_in_its_notebook_and_weighs_at_least_one():
    for chapter in CHAPTERS.values():
        nb = json.loads(chapter.notebook.read_text(encoding="utf-8"))
        cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        assert "chapter.CHAPTER.claims()" in cells, chapter.slug
        assert any(c.chapter == chapter.slug for c in CLAIMS), chapter.slug


def test_the_ledger_covers_the_article_s_claims():
    counts = ledger.verdict_counts(CLAIMS)
    assert sum(counts.values()) == len(CLAIMS) >= 12
    for explanation in (1, 2, 3, 4):
        assert any(c.explanation == explanation for c in CLAIMS), explanation
    # every point the essay makes is weighed by at least one claim
    made = {(c.essay, c.essay_point) for c in CLAIMS}
    for version, points in ESSAY["points"].items():
        for point in points:
            assert (version, point) in made, (version, point)
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


def test_the_whole_ledger_opens_with_one_line_per_claim():
    from meishi.chapters import conclusion

    text = conclusion.ledger().data
    summary = text[:text.index("```{rubric}")]
    for claim in CLAIMS:
        filled = claim.filled(CHAPTERS[claim.chapter].facts())
        assert sum(line.startswith(f"| {filled.claim} |") for line in summary.splitlines()) == 1


def _broken(tmp_path, edit, name="03_trust.yml"):
    folder = tmp_path / "claims"
    shutil.copytree(ledger.CLAIMS_DIR, folder)
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize("edit, message", [
    (lambda d: d["claims"][0].update(verdict="probably"), "verdict 'probably'"),
    (lambda d: d["claims"][0].pop("since"), "missing"),
    (lambda d: d["claims"][1].update(id=d["claims"][0]["id"]), "repeat"),
    (lambda d: d["claims"][0].update(essay="blog"), "essay must be"),
    (lambda d: d["claims"][0].update(evidence=[]), "non-empty"),
    (lambda d: d["claims"][0]["evidence"][0].update(says="maybe"), "says must be"),
    (lambda d: d["claims"][0]["evidence"][0].update(text="{x:.1f", facts=["x"]), "malformed"),
    (lambda d: d["claims"][0]["evidence"][0].update(text="{x:.1f} of", facts=[]),
     "without listing"),
    (lambda d: d["claims"][0].update(comparative="yes"), "true or false"),
])
def test_a_broken_claims_file_is_refused_with_file_and_claim_named(tmp_path, edit, message):
    folder = _broken(tmp_path, edit)
    with pytest.raises(ValueError, match=message) as info:
        ledger.load_claims(folder)
    assert "03_trust.yml" in str(info.value)


def test_a_yaml_error_names_the_file_and_line(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(ledger.CLAIMS_DIR, folder)
    (folder / "02_modesty.yml").write_text("claims:\n  - id: x\n    claim: [unclosed\n",
                                           encoding="utf-8")
    with pytest.raises(ValueError, match=r"02_modesty\.yml, line \d+, column \d+"):
        ledger.load_claims(folder)


def test_a_claims_file_for_no_chapter_is_refused(tmp_path):
    folder = tmp_path / "claims"
    shutil.copytree(ledger.CLAIMS_DIR, folder)
    shutil.copy(folder / "03_trust.yml", folder / "trust.yml")
    with pytest.raises(ValueError, match=r"trust\.yml: no chapter"):
        ledger.load_claims(folder)


def test_a_number_field_that_cannot_be_filled_names_the_claim():
    claim = _claim(evidence=(ledger.Evidence("for", "{a:.1f} of", facts=("a",)),),
                   where="03_trust.yml, claim 1 (x)")
    with pytest.raises(ValueError, match=r"03_trust\.yml, claim 1 \(x\)"):
        claim.filled({"a": "text, not a number"})
    with pytest.raises(KeyError, match=r"03_trust\.yml, claim 1 \(x\)"):
        claim.filled({})


def test_the_ledger_reads_yaml_through_the_shared_reader(tmp_path):
    """A key given twice is refused (PyYAML alone keeps the last silently), and a broken
    claim is named by its file, its line and its number."""
    folder = tmp_path / "claims"
    shutil.copytree(ledger.CLAIMS_DIR, folder)
    path = folder / "03_trust.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n  section: ", "\n  section: twice\n  section: ", 1),
                    encoding="utf-8")
    with pytest.raises(ValueError, match=r"03_trust\.yml, line \d+: key 'section' repeats"):
        ledger.load_claims(folder)
    data = yaml.safe_load(text)
    data["claims"][1]["verdict"] = "probably"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    starts = [n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if ln.startswith("- id: ")]
    with pytest.raises(ValueError, match=rf"03_trust\.yml, line {starts[1]}, claim 2 \(") as info:
        ledger.load_claims(folder)
    assert "verdict 'probably'" in str(info.value)
