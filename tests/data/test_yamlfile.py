"""Every YAML file the course reads names itself, the line and the item in its errors
(issue 20 item 3): quizzes (meishi.kit.quiz), teacher's guide files (meishi_build.guide)."""

from __future__ import annotations

import pytest

from meishi.data.yamlfile import YamlError, read_yaml
from meishi.kit import quiz

GOOD = ("- question: Q {x:.1f}?\n"
        "  options:\n"
        "    - text: a\n"
        "      feedback: f\n"
        "      correct: true\n"
        "    - text: b\n"
        "      feedback: g\n")


def _quiz(tmp_path, text: str, facts=None):
    (tmp_path / "bad.yml").write_text(text, encoding="utf-8")
    return quiz.load_quiz("bad", folder=tmp_path, facts=facts)


def test_a_good_quiz_still_loads(tmp_path):
    q = _quiz(tmp_path, GOOD, {"x": 2.25})
    assert q.questions[0].question == "Q 2.2?" or q.questions[0].question == "Q 2.3?"


@pytest.mark.parametrize("text, facts, message", [
    (GOOD.replace("  options:", " options:"), None,
     "bad.yml, line 2, column 2: invalid YAML:"),
    (GOOD.replace("feedback: g", "feedback: 'g {x:.2q}'"), {"x": 1.0},
     "bad.yml, line 6, question 1, option 2, feedback: a {field} cannot be filled (Unknown "
     "format code 'q'"),
    (GOOD.replace("feedback: g", "feedback: 'g {nope}'"), {"x": 1.0},
     "bad.yml, line 6, question 1, option 2, feedback: {nope} names no fact of the chapter"),
    (GOOD.replace("      feedback: f\n", ""), None,
     "bad.yml, line 3, question 1, option 1: give 'text' and 'feedback'"),
    (GOOD.replace("  options:", "  choices:"), None,
     "bad.yml, line 1, question 1: give 'question' and a list of 'options'"),
    (GOOD.replace("      correct: true\n", ""), None,
     "bad.yml, line 1, question 1: question 'Q {x:.1f}?' needs exactly one correct option"),
    (GOOD.replace("      feedback: f\n", "      feedback: f\n      feedback: h\n"), None,
     "bad.yml, line 5: key 'feedback' repeats line 4"),
    ("[]\n", None, "bad.yml, line 1: a quiz is a list of questions"),
])
def test_a_broken_quiz_names_its_file_line_and_item(tmp_path, text, facts, message):
    with pytest.raises(ValueError) as info:
        _quiz(tmp_path, text, facts)
    assert str(info.value).startswith(message), str(info.value)
    assert "<unicode string>" not in str(info.value)


def test_a_quiz_that_is_not_utf8_names_the_byte(tmp_path):
    (tmp_path / "bad.yml").write_bytes(GOOD.encode().replace(b"Q ", b"Q\xff"))
    with pytest.raises(YamlError, match=r"^bad\.yml, line 1: not valid UTF-8 at byte 13"):
        quiz.load_quiz("bad", folder=tmp_path)


def test_a_broken_guide_file_names_its_file_and_line(tmp_path):
    from meishi_build import guide

    path = tmp_path / "07_sample.yml"
    path.write_text("objectives:\n  1: {exercises: [a]\nplans: {}\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        guide.load_guide(path)
    assert str(info.value).startswith("07_sample.yml, line 3, column 1: invalid YAML"), \
        str(info.value)
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^07_sample\.yml, line 1: a guide file is a mapping"):
        guide.load_guide(path)


def test_a_guide_problem_is_placed_on_the_line_of_its_item(tmp_path):
    from meishi_build import guide

    path = tmp_path / "07_sample.yml"
    path.write_text("objectives:\n  1: {exercises: [a]}\n  2: {quiz: [9]}\nplans:\n"
                    "  60:\n    - {minutes: 55, activity: x}\n  90: []\ndiscussion:\n"
                    "  - say: x\n  - say: y\nrubric:\n  criteria:\n    - criterion: c\n"
                    "activities:\n  - {title: t}\nextra: 1\n", encoding="utf-8")
    _data, lines = read_yaml(path)
    placed = {p: guide._placed(p, lines) for p in [
        "objective 2: the quiz has no question 9 (1 to 8)",
        "plans 60: the timings add up to 55 minutes, not 60",
        "discussion note 2: give 'say', 'misconceptions' and a list of 'follow_up' questions",
        "rubric criterion 1: give 'criterion' and the levels strong, adequate, beginning",
        "activity 1: give a title and a text",
        "unknown key 'extra' (known: ...)",
        "missing key 'rubric'",
    ]}
    assert [v.split(":")[0] for v in placed.values()] == [
        "07_sample.yml, line 3", "07_sample.yml, line 5", "07_sample.yml, line 10",
        "07_sample.yml, line 13", "07_sample.yml, line 15", "07_sample.yml, line 16",
        "07_sample.yml, line 1"]


def test_the_course_s_own_quizzes_and_guides_read_cleanly():
    from meishi import paths
    from meishi_build import guide

    for path in sorted(paths.QUIZZES.glob("*.yml")) + sorted(guide.GUIDES.glob("*.yml")):
        data, lines = read_yaml(path)
        assert data and lines.at().startswith(f"chapters/{path.parent.name}/{path.name}")


def _both_readers() -> list:
    from meishi import paths

    files = sorted(p for p in paths.ROOT.glob("chapters/**/*.yml")) + sorted(
        p for p in paths.ROOT.glob("assets/**/*.yml"))
    assert len(files) >= 20, files
    return files


@pytest.mark.parametrize("path", _both_readers(), ids=lambda p: p.name)
def test_libyaml_reads_every_course_file_as_pyyaml_does(path, monkeypatch):
    """read_yaml parses with libyaml when it can: every YAML file the course keeps gives the
    same data and the same line for every item as PyYAML's own reader gives."""
    import yaml

    from meishi.data import yamlfile

    assert yamlfile._FAST is yaml.CSafeLoader  # the pinned PyYAML wheel has libyaml
    fast = read_yaml(path)
    monkeypatch.setattr(yamlfile, "_FAST", yaml.SafeLoader)
    slow = read_yaml(path)
    assert fast[0] == slow[0]
    assert fast[1] == slow[1]


#: Tabs libyaml accepts and PyYAML refuses (after a colon, at a line's end, before a comment,
#: in flow collections, inside a plain scalar): read_yaml must refuse them as PyYAML does.
TABS = ["a:\tb\n", "a: 1 \t\n", "a:\t#c\n", "{a:\t1}\n", "[a,\tb]\n",
        "- question: what d\t\toes it say?\n"]


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n", "a: [1,\n", "- x\n\x07\n", "名刺: 1\nb: \x07\n", "a: !!int x\n",
    "a: 1\n  b: 2\n", "{a: 1, a: 1}\n", *TABS], ids=repr)
def test_a_broken_file_is_worded_as_pyyaml_words_it(tmp_path, text, monkeypatch):
    """A file libyaml refuses is read again by PyYAML's reader: the message is the same as
    with PyYAML alone."""
    import yaml

    from meishi.data import yamlfile

    path = tmp_path / "bad.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlError) as fast:
        read_yaml(path)
    monkeypatch.setattr(yamlfile, "_FAST", yaml.SafeLoader)
    with pytest.raises(YamlError) as slow:
        read_yaml(path)
    assert str(fast.value) == str(slow.value)


@pytest.mark.parametrize("text", TABS, ids=repr)
def test_a_tab_that_pyyaml_refuses_is_refused(tmp_path, text):
    path = tmp_path / "tabs.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlError, match=r"tabs\.yml, line 1, column \d+: invalid YAML"):
        read_yaml(path)


def test_a_tab_inside_quotes_is_still_read(tmp_path):
    path = tmp_path / "quoted.yml"
    path.write_text('a: "x\ty"\n', encoding="utf-8")
    assert read_yaml(path)[0] == {"a": "x\ty"}
