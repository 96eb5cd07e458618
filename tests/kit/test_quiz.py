"""Quizzes: well formed, escaped, answerable without a kernel."""

from __future__ import annotations

import pytest

from meishi import paths
from meishi.chapters import discover
from meishi.kit import quiz

CHAPTERS = {c.stem: c for c in discover()}


def test_every_quiz_file_belongs_to_a_chapter():
    assert {p.stem for p in paths.QUIZZES.glob("*.yml")} == set(CHAPTERS)


@pytest.mark.parametrize("stem", sorted(CHAPTERS))
def test_each_chapter_quiz_is_complete(stem):
    q = CHAPTERS[stem].quiz()
    assert len(q.questions) >= 5
    html = q.to_html()
    assert html.count("<fieldset") == len(q.questions)
    assert html.count('data-correct="true"') == len(q.questions)
    assert "{" not in "".join(o.text + o.feedback for qu in q.questions for o in qu.options)


def test_quiz_text_is_escaped(tmp_path):
    (tmp_path / "x.yml").write_text(
        "- question: 'Is <script>alert(1)</script> safe?'\n"
        "  options:\n"
        "    - {text: '<b>yes</b>', feedback: 'no & never', correct: true}\n"
        "    - {text: 'no', feedback: 'right'}\n", encoding="utf-8")
    html = quiz.load_quiz("x", folder=tmp_path).to_html()
    body = html.split("<script>")[0]
    assert "&lt;script&gt;" in body and "<b>yes" not in body and "no &amp; never" in body


def test_each_radio_has_a_label_and_group():
    q = CHAPTERS["00_introduction"].quiz()
    html = q.to_html()
    assert html.count('type="radio"') == html.count("<label for=")
    assert "role=\"status\"" in html and "aria-live" in html


@pytest.mark.parametrize("bad", [
    "- question: Q\n  options:\n    - {text: a, feedback: f}\n    - {text: b, feedback: g}\n",
    "- question: Q\n  options:\n    - {text: a, feedback: f, correct: true}\n",
    "- question: Q\n  options:\n    - {text: a, feedback: '', correct: true}\n"
    "    - {text: b, feedback: g}\n",
    "[]\n",
])
def test_malformed_quizzes_are_rejected(tmp_path, bad):
    (tmp_path / "bad.yml").write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError):
        quiz.load_quiz("bad", folder=tmp_path)


def test_shuffling_is_fixed_by_the_key_and_keeps_every_option():
    options = tuple(quiz.Option(text=t, feedback="f", correct=t == "a") for t in "abcd")
    first = quiz.shuffled(options, "00_introduction/1")
    assert quiz.shuffled(options, "00_introduction/1") == first
    assert sorted(o.text for o in first) == ["a", "b", "c", "d"]
    orders = {tuple(o.text for o in quiz.shuffled(options, f"x/{i}")) for i in range(20)}
    assert len(orders) > 5  # different questions get different orders


def _key_tells(questions) -> tuple[list[int], int, int]:
    """Where each key sits, and in how many questions it is the longest and the shortest."""
    positions: list[int] = []
    longest = shortest = 0
    for q in questions:
        key = next(i for i, o in enumerate(q.options) if o.correct)
        positions.append(key)
        lengths = [len(o.text) for o in q.options]
        longest += lengths[key] == max(lengths)
        shortest += lengths[key] == min(lengths)
    return positions, longest, shortest


def test_keys_are_spread_over_positions_and_not_habitually_the_longest():
    """Over the whole course: no position holds more than 40% of the keys, and the key
    is the longest option in at most half of the questions (nor the shortest: a
    test-wise reader would learn that tell too)."""
    questions = [q for chapter in CHAPTERS.values() for q in chapter.quiz().questions]
    positions, longest, shortest = _key_tells(questions)
    for position in set(positions):
        assert positions.count(position) <= 0.4 * len(questions), positions
    assert longest <= len(questions) / 2, f"key is the longest option in {longest} questions"
    assert shortest <= len(questions) / 2, f"key is the shortest option in {shortest} questions"


@pytest.mark.parametrize("stem", sorted(CHAPTERS))
def test_each_quiz_on_its_own_does_not_give_its_keys_away(stem):
    """Within one quiz, the key is the longest option (or the shortest) in at most 40% of
    its questions (two in a quiz of five to seven), and no position holds over half."""
    questions = CHAPTERS[stem].quiz().questions
    allowed = max(2, int(0.4 * len(questions)))
    positions, longest, shortest = _key_tells(questions)
    assert longest <= allowed, f"{stem}: the key is the longest option in {longest} questions"
    assert shortest <= allowed, f"{stem}: the key is the shortest option in {shortest} questions"
    assert max(positions.count(p) for p in set(positions)) <= (len(questions) + 1) // 2, positions


@pytest.mark.parametrize("stem", sorted(CHAPTERS))
def test_the_student_quiz_gives_no_answer_away(stem):
    q = CHAPTERS[stem].quiz()
    html = q.for_students().to_html()
    assert html.count("<fieldset") == len(q.questions)
    for question in q.questions:
        assert quiz.escape(question.question) in html
        for option in question.options:
            assert quiz.escape(option.text) in html
            assert quiz.escape(option.feedback) not in html, option.feedback
    for leak in ("data-correct", "data-feedback", "Answer key", "<script", "meishi-quiz-check"):
        assert leak not in html
    assert q.key and "Answer key" in q.to_html()
