"""Chapter 5: the lens data, the lens widget and the chapter's facts."""

from __future__ import annotations

import math

import pytest

from meishi.chapters import conclusion as chapter
from meishi.chapters.conclusion import widgets as conclusion_widgets
from meishi.data import load
from meishi.data.series import latest_per_100, trust_wave7
from meishi.models.lenses import lens_test


def test_lens_table_reads_each_lens_from_its_dataset_and_leaves_gaps_empty():
    table = chapter.lens_table()
    assert set(table.index) == set(latest_per_100())
    tenure = load("tenure_by_country").frame.set_index("country")["tenure_years"]
    for country, row in table.iterrows():
        if country in tenure.index:
            assert row["tenure"] == tenure[country]
        else:
            assert math.isnan(row["tenure"])  # a gap stays a gap
        assert row["linkedin_per_100"] == latest_per_100()[country][0]
    assert table.loc["Japan", "trust"] == trust_wave7()["Japan"][0]
    assert table.loc["Japan", "individualism"] == 46
    assert math.isnan(table.loc["India", "trust"])


def test_local_rival_rows_restate_the_chapters_datasets():
    rows = load("local_network_lead").frame
    found = rows[rows["local_rival"] == "found"]
    dach = load("local_networks_abroad").frame
    dom = load("domestic_platforms_japan").frame
    japan_li = load("linkedin_members_japan").frame
    for r in found.itertuples():
        if r.country == "Japan":
            source = japan_li if r.service == "LinkedIn" else dom
            col = "members_million" if r.service == "LinkedIn" else "value_million"
            match = source[(source["date"] == r.date)]
            if r.service != "LinkedIn":
                match = match[match["service"] == r.service]
        elif r.country == "South Korea" and r.service == "LinkedIn":
            source = load("linkedin_members_by_country").frame
            col = "members_million"
            match = source[(source["country"] == "South Korea") & (source["date"] == r.date)]
        elif r.country == "China" and r.service == "LinkedIn":
            source = load("linkedin_members_by_country").frame
            col = "members_million"
            match = source[(source["country"] == "China") & (source["date"] == r.date)]
        else:
            region = "DACH" if r.country == "Germany" else r.country
            col = "members_million"
            match = dach[(dach["region"] == region) & (dach["service"] == r.service)
                         & (dach["date"] == r.date)]
        assert len(match) == 1, r
        assert float(match[col].iloc[0]) == r.members_million, r
        assert match["source_id"].iloc[0] == r.source_id, r


def test_each_lens_in_the_facts_is_the_model_on_the_table():
    facts = chapter.facts()
    for key in chapter.LENSES:
        countries, x, y, _missing = chapter.lens_points(key)
        result = lens_test(countries, x, y)
        assert facts[f"rho_{key}"] == result.rho
        assert facts[f"n_{key}"] == len(countries)


def test_the_prose_s_qualitative_statements_match_the_numbers():
    f = chapter.facts()
    assert f["rho_individualism"] > 0.8 and f["chance_individualism"] < 1
    assert f["rho_tenure"] < 0 and f["chance_tenure"] > 5       # predicted way, but chance
    assert abs(f["rho_trust"]) < 0.2 and f["chance_trust"] > 50  # no agreement
    # "stays clear when any one country is left out"
    countries, x, y, _ = chapter.lens_points("individualism")
    for i in range(len(countries)):
        r = lens_test(countries[:i] + countries[i + 1:], x[:i] + x[i + 1:], y[:i] + y[i + 1:])
        assert r.chance < 0.05, countries[i]


def test_widget_default_every_preset_and_leaving_out_a_country():
    w = chapter.LensesWidget()
    assert w.evaluation.ok and w.result.n == 6
    for name in w.spec["presets"]:
        w.apply_preset(name["name"])
        assert w.evaluation.ok, name
    w.set(lens="individualism", leave_out="none")
    full = w.result.n
    w.set(leave_out="Japan")
    assert w.result.n == full - 1 and "Japan" not in w.result.countries
    assert "(Japan left out)" in w.summary


def test_one_box_alone_adds_no_point_and_says_what_is_missing():
    w = chapter.LensesWidget(own_x="8,5")
    assert w.evaluation.ok and conclusion_widgets.OWN not in w.result.countries
    assert "type its LinkedIn members per 100 people too" in w.summary
    w.set(own_x="", own_y="20")
    assert "type its value on this lens too" in w.summary
    w.set(lens="local", own_x="0,5", own_y="20")  # only 1 or 0 on the yes/no lens
    assert w.evaluation.ok and conclusion_widgets.OWN not in w.result.countries
    assert "type 1 if a local service" in w.summary
    w.set(own_x="1")
    assert w.result.countries[-1] == conclusion_widgets.OWN


@pytest.mark.parametrize("own_x, own_y, lens, message", [
    ("abc", "20", "tenure", "not a number"),
    ("<b>1</b>", "20", "tenure", "<b>1</b>"),
    ("500", "20", "tenure", "0"),
])
def test_bad_typed_input_gives_a_message_and_keeps_the_last_result(own_x, own_y, lens, message):
    w = chapter.LensesWidget()
    before = w.result
    w.set(lens=lens, own_x=own_x, own_y=own_y)
    assert not w.evaluation.ok and message.lower() in w.evaluation.message.lower()
    assert w.result is before


def test_your_own_country_is_added_as_one_more_point():
    w = chapter.LensesWidget(lens="trust", own_x="８,5", own_y="20")  # full-width, decimal comma
    assert w.evaluation.ok, w.evaluation.message
    assert w.result.countries[-1] == conclusion_widgets.OWN and w.result.x[-1] == 8.5
    assert "including yours (8.5, 20.0 per 100)" in w.summary


def test_weights_widget_uses_the_countries_with_every_lens_and_each_direction():
    w = chapter.WeightsWidget()
    data = w.spec["data"]
    table = chapter.lens_table()
    assert data["countries"] == [c for c in table.index if table.loc[c, list(chapter.LENSES)]
                                 .notna().all()]
    w.apply_preset("Only lifetime employment")
    # tenure alone, turned the way the explanation predicts: the lens widget's rho, sign flipped
    assert w.result.test.rho == pytest.approx(-chapter.facts()["rho_tenure"])
    w.set(tenure=0.0, individualism=0.0, trust=0.0, local=0.0)
    assert not w.evaluation.ok and "at least one explanation" in w.evaluation.message


def test_the_perfect_fit_the_prose_quotes_is_perfect_and_ignores_individualism():
    f = chapter.facts()
    w = chapter.WeightsWidget(tenure=float(f["perfect_tenure"]), individualism=0.0,
                              trust=float(f["perfect_trust"]), local=float(f["perfect_local"]))
    assert w.result.test.rho == 1.0
    assert f["rho_equal"] > 0.9 and f["chance_equal"] < 5


def test_growth_is_set_flow_beside_flow_and_the_prose_s_words_hold():
    """'Neither flow changed much beside the fivefold rise'; 'one new member for every
    eight or nine job changers'; 'from one million to five in a decade'; 'new members a
    year since 2018 lie within the range for the years before'."""
    f = chapter.facts()
    from meishi.data.series import linkedin_net_additions

    adds = linkedin_net_additions()
    assert (adds["added_million"] >= 0).all()  # a stock that never falls
    assert f["li_adds_early_low"] <= f["li_adds_late"] <= f["li_adds_early_high"]
    assert f["li_adds_second_year"] == f["li_adds_first_year"] + 1  # 'from 2015 ... 2016'
    assert f["changers_max"] / f["changers_min"] <= 1.25  # a narrow band
    assert 100 / 9.5 <= f["adds_per_changer_pct"] <= 100 / 7.5  # one in eight or nine
    # a steady inflow at that rate takes one million to about five in a decade
    assert 4.5 <= 1.0 + 10 * f["li_adds_per_year"] <= 5.5
    # LinkedIn gave about one million for both 2015 and 2016, as the prose says
    members = adds.set_index("start")
    first = members.iloc[0]
    assert first["added_million"] == 0 and first["end"][:4] == str(f["li_adds_second_year"])


def test_the_source_kind_confound_is_what_the_prose_says():
    f = chapter.facts()
    table = chapter.lens_table()
    kinds = table["linkedin_basis"]
    assert f["n_company_counts"] == 2 and f["company_count_countries"] == "Japan and South Korea"
    # 'most Western countries' figures are advertising estimates'
    western = ["United States", "United Kingdom", "France", "Germany", "Australia"]
    assert sum(kinds[c] == "estimate" for c in western) > len(western) / 2
    assert f["rho_source_kind"] < -0.5  # it lines up with members per head
    # China's latest figure is an advertising audience from after the 2021 closure
    assert kinds["China"] == "estimate" and table.loc["China", "linkedin_year"] >= 2022


# -- issue 20: nothing dropped without saying so; wording at the edges (helper) -------------

def test_the_lens_readout_names_every_country_it_leaves_out_and_why():
    w = chapter.LensesWidget()
    data = w.spec["data"]
    no_tenure = [c["name"] for c in data["countries"] if c["values"]["tenure"] is None]
    assert no_tenure and data["without_linkedin"]["tenure"] == ["Denmark", "Finland",
                                                                  "Norway", "Sweden"]
    assert (f"Left out, no job tenure figure: {conclusion_widgets.listed(no_tenure)}."
            in w.summary)
    assert "Left out, no LinkedIn figure: Denmark, Finland, Norway and Sweden." in w.summary
    # every country with a tenure figure is a point or named as left out
    tenure = set(load("tenure_by_country").frame["country"])
    shown = set(w.result.countries) | set(data["without_linkedin"]["tenure"])
    assert tenure == shown


def test_leaving_out_a_country_without_a_figure_is_not_read_as_a_change():
    w = chapter.LensesWidget()
    before = w.result
    w.set(leave_out="India")  # no tenure figure
    assert w.result == before
    assert "(India left out)" not in w.summary
    assert "India has no figure on this lens, so leaving it out changes nothing" in w.summary
    w.set(lens="individualism")  # India has one there: now it is a change
    assert "(India left out)" in w.summary and "India" not in w.result.countries


def test_ties_in_the_weights_are_said_as_ties_not_as_an_order():
    from meishi.chapters.conclusion.weighing import predicted_groups

    w = chapter.WeightsWidget()
    w.apply_preset("Only local services")  # a yes/no lens: two groups of equal scores
    groups = predicted_groups(w.result)
    assert any(len(g) > 1 for g in groups)
    for g in groups:
        scores = {w.result.score[w.result.countries.index(c)] for c in g}
        assert len(scores) == 1
        if len(g) > 1:
            assert f"{conclusion_widgets.listed(g)} (tied)" in w.summary
    w.apply_preset("Equal weights")  # no ties: a plain order
    assert "(tied)" not in w.summary
    # every country the same score: no order at all, not a list read as one
    flat = {**w.spec["data"], "values": {**w.spec["data"]["values"],
                                         "local": [1.0] * len(w.spec["data"]["countries"])}}
    w.spec = {**w.spec, "data": flat}
    e = w.evaluate({**w.values, "tenure": 0.0, "individualism": 0.0, "trust": 0.0,
                    "local": 100.0})
    assert e.ok and e.summary.startswith("Your weights give all 6 countries the same score, "
                                         "so they predict no order")


def test_the_weights_readout_names_the_countries_it_leaves_out():
    w = chapter.WeightsWidget()
    table = chapter.lens_table()
    for country in table.index.difference(w.spec["data"]["countries"]):
        assert country in w.summary
    assert "LinkedIn per head for Denmark, Finland, Norway and Sweden" in w.summary


@pytest.mark.parametrize("spelling", ["germany", "Germ\u200bany", "Germany\u00a0",
                                      "Germany\x00", "G\u0435rmany"])
def test_a_country_spelt_otherwise_stops_the_lens_instead_of_dropping_out(
        spelling, tmp_path, monkeypatch):
    import shutil

    from meishi.data import DataError
    from meishi.paths import DATA

    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / "tenure_by_country.csv"
    text = path.read_text("utf-8")
    assert text.count("\nGermany,") == 1
    path.write_text(text.replace("\nGermany,", f"\n{spelling},"), "utf-8")
    monkeypatch.setenv("MEISHI_DATA_DIR", str(folder))
    with pytest.raises(DataError, match=r"tenure_by_country\.csv, line \d+, column 'country'"):
        chapter.lens_table()


def test_the_ledger_pattern_the_conclusion_describes_holds():
    """'strongest where it describes Japan'; 'a second country ... for modesty (in part) but
    not for relationships'; 'the conclusion ... is untested too'."""
    from meishi.ledger import load_claims

    claims = {c.id: c for c in load_claims()}
    supported = [c for c in claims.values() if c.verdict == "supported"]
    assert supported and not any(c.comparative for c in supported)
    assert claims["no-open-boasting"].comparative
    assert claims["no-open-boasting"].verdict == "partly supported"
    assert claims["relationships-more-than-elsewhere"].verdict == "untested"
    assert claims["facebook-is-the-network"].verdict == "untested"
    assert claims["contacts-on-facebook"].verdict == "supported"
    untested = [c for c in claims.values() if c.verdict == "untested"]
    assert len(untested) >= len(claims) / 3


def test_the_readouts_say_a_yes_no_value_and_a_reversed_order_in_words():
    w = chapter.LensesWidget(lens="local", own_x="1", own_y="20")
    assert "including yours (a local rival, 20.0 per 100)" in w.summary
    w.set(own_x="0")
    assert "including yours (no local rival, 20.0 per 100)" in w.summary
    weights = chapter.WeightsWidget()
    data = weights.spec["data"]  # the real order turned round: equal weights now disagree
    weights.spec = {**weights.spec, "data": {**data, "linkedin": [100 - v for v in
                                                                 data["linkedin"]]}}
    e = weights.evaluate(weights.spec["defaults"])
    assert e.ok and e.result.test.rho <= -0.2
    assert ", the real order turned round);" in e.summary


def test_exercise_one_country_out_solution_names_the_right_countries():
    """Exercise 'One country out': leaving out the United States weakens the individualism
    pattern most, then the United Kingdom or France; leaving out Japan or Brazil strengthens it."""
    countries, x, y, _ = chapter.lens_points("individualism")
    full = lens_test(countries, x, y).rho
    rho = {c: lens_test(countries[:i] + countries[i + 1:], x[:i] + x[i + 1:],
                        y[:i] + y[i + 1:]).rho for i, c in enumerate(countries)}
    order = sorted(rho, key=rho.get)
    assert order[0] == "United States"
    assert set(order[1:3]) == {"United Kingdom", "France"}
    assert rho["Japan"] > full and rho["Brazil"] > full


def _notebook_text() -> str:
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "chapters" / "05_conclusion.ipynb"
    nb = json.loads(path.read_text("utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def test_exercise_reading_the_ledger_names_each_claim_with_its_ledger_verdict():
    """Exercise 'Reading the ledger': each claim its solution quotes has the verdict it names."""
    import re

    from meishi.ledger import load_claims

    claims = load_claims()
    text = _notebook_text()
    solution = text[text.index("{solution} ch5-ex-ledger"):]
    solution = solution[:solution.index("```")]
    named = re.findall(r"marked \*(partly supported|supported|untested|unsupported|outdated)\*, "
                       r"such as \"([^\"]+)\"", solution)
    assert {v for v, _q in named} == {"partly supported", "untested"}
    for verdict, quote in named:
        match = [c for c in claims if quote.lower() in c.claim.lower()]
        assert len(match) == 1, quote
        assert match[0].verdict == verdict, (quote, match[0].verdict)


def test_the_four_explanations_weigh_tenure_as_no_evidence_and_trust_against():
    """The ledger's 'four-explanations-suffice': tenure points the predicted way, but chance
    matches it often (context, not against); trust does not line up (against)."""
    from meishi.ledger import load_claims

    f = chapter.facts()
    claim = next(c for c in load_claims() if c.id == "four-explanations-suffice")
    side = {fact: e.says for e in claim.evidence for fact in e.facts}
    assert f["rho_tenure"] < 0 and f["chance_tenure"] > 5 and side["rho_tenure"] == "context"
    assert abs(f["rho_trust"]) < 0.2 and f["chance_trust"] > 50 and side["rho_trust"] == "against"


def test_the_since_chart_s_caption_names_its_panels():
    """Figure 5.1's caption says what the panels show: flows (new members a year, changers a
    year) and shares, not members per 100 people or a job-changer rate."""
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "chapters" / "05_conclusion.ipynb"
    nb = json.loads(path.read_text("utf-8"))
    caption = next(c["metadata"]["mystnb"]["figure"]["caption"] for c in nb["cells"]
                   if "since_chart" in "".join(c["source"]))
    chart = chapter.since_chart()
    titles = [ax.get_title(loc) for ax in chart.fig.axes for loc in ("center", "left")]
    assert "New LinkedIn members a year" in titles and "Job changers a year" in titles
    assert "new LinkedIn members a year" in caption and "job changers a year" in caption
    assert "per 100 people" not in caption and "share of the employed" not in caption
    assert "three spans" in caption and "aged 13 to 69" in caption


def test_tenure_beside_france_and_germany_is_what_the_disproof_paragraph_says():
    """'France and Germany also have long tenure ... against Japan's': about ten years each,
    both below Japan's."""
    f = chapter.facts()
    assert f["tenure_fr"] < f["tenure_jp"] and f["tenure_de"] < f["tenure_jp"]
    assert min(f["tenure_fr"], f["tenure_de"]) > 9.5


def test_the_one_page_summary_gives_each_facebook_claim_its_ledger_verdict():
    """'The course on one page': chapter 2's humblebrag tool, chapter 3's Facebook claim and
    chapter 4's 'Japan's professional network' are each said with the ledger's verdict."""
    from meishi.ledger import load_claims

    claims = {c.id: c for c in load_claims()}
    text = _notebook_text()
    page = text[text.index("(concl-summary)="):] if "(concl-summary)=" in text else text
    assert claims["facebook-builds-trust"].verdict == "untested"
    assert "get to know business contacts is untested" in page
    assert claims["facebook-is-the-network"].verdict == "untested"
    assert "Whether Facebook became Japan's professional network cannot be judged" in page


def test_the_since_section_s_per_head_years_are_the_figures_years():
    """'rose from 0.8 per 100 people in 2015 to 4.0 in {li_adds_last_year}': the last year of
    the flows is the year of Japan's latest per-head figure."""
    f = chapter.facts()
    assert int(latest_per_100()["Japan"][1][:4]) == f["li_adds_last_year"]
    assert f["li_jp_per100"] == latest_per_100()["Japan"][0]
