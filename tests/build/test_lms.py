"""The quizzes as files a learning platform imports (meishi_build.lms, `make lms`).

Every export is read back (XML with ElementTree, its HTML with BeautifulSoup, GIFT by
Moodle's own escaping rules) and compared with the quizzes the book shows: questions in
order, option text, key, every option's feedback, numbers filled in.  No XSD for QTI 1.2,
QTI 2.1 or the IMS manifest ships in a package the course installs, and Moodle publishes
none, so what importers rely on is checked instead: namespaces, unique identifiers, and
every reference (file, response, feedback) resolving inside the package.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from bs4 import BeautifulSoup

from meishi.chapters import discover
from meishi.kit.quiz import Option, Question, Quiz
from meishi.paths import QUIZZES
from meishi_build.lms import ChapterQuiz, course_quizzes, plain
from meishi_build.lms.__main__ import write_all
from meishi_build.lms.gift import gift
from meishi_build.lms.moodle import moodle_xml
from meishi_build.lms.qti import qti_files
from meishi_build.lms.qti21 import qti21_files

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
Q21 = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP11 = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
STEMS = [c.stem for c in discover()]


@functools.cache
def _course() -> tuple[ChapterQuiz, ...]:
    """Every chapter's quiz, computed when a test first needs them (not while pytest collects:
    filling the numbers runs every chapter's facts, about 1.5 s, in each worker)."""
    return tuple(course_quizzes())


def _quiz(stem: str) -> ChapterQuiz:
    return next(cq for cq in _course() if cq.stem == stem)


def _html_text(markup: str) -> str:
    soup = BeautifulSoup(markup, "html.parser")
    return plain(soup.get_text())


def _source(cq: ChapterQuiz) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    return [(plain(q.question), [(plain(o.text), plain(o.feedback), o.correct) for o in q.options])
            for q in cq.questions]


# --- readers, one per format -------------------------------------------------------------

def read_qti(files: dict[str, str]) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """The questions of a QTI package, checking its manifest and references on the way."""
    manifest = ET.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == f"{CP}manifest"
    hrefs = [f.get("href") for f in manifest.iter(f"{CP}file")]
    assert hrefs and all(h in files for h in hrefs), (hrefs, sorted(files))
    [resource] = [r for r in manifest.iter(f"{CP}resource") if r.get("type") == "imsqti_xmlv1p2"]
    ids = {r.get("identifier") for r in manifest.iter(f"{CP}resource")}
    assert all(d.get("identifierref") in ids for d in resource.iter(f"{CP}dependency"))
    root = ET.fromstring(files[resource.find(f"{CP}file").get("href")])
    assert root.tag == f"{QTI}questestinterop"
    assert len(root.findall(f"{QTI}assessment")) == 1
    items = list(root.iter(f"{QTI}item"))
    assert len({i.get("ident") for i in items}) == len(items)
    out = []
    for item in items:
        meta = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                for f in item.iter(f"{QTI}qtimetadatafield")}
        assert meta["question_type"] == "multiple_choice_question"
        question = _html_text(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text)
        labels = {lab.get("ident"): _html_text(lab.find(f".//{QTI}mattext").text)
                  for lab in item.iter(f"{QTI}response_label")}
        feedback = {fb.get("ident"): _html_text(fb.find(f".//{QTI}mattext").text)
                    for fb in item.iter(f"{QTI}itemfeedback")}
        shown, right = {}, set()
        for cond in item.iter(f"{QTI}respcondition"):
            chosen = cond.find(f"{QTI}conditionvar/{QTI}varequal").text
            assert chosen in labels  # every condition names an option of this item
            for link in cond.iter(f"{QTI}displayfeedback"):
                assert link.get("linkrefid") in feedback
                shown[chosen] = feedback[link.get("linkrefid")]
            if (score := cond.find(f"{QTI}setvar")) is not None and score.text == "100":
                right.add(chosen)
        out.append((question, [(text, shown[ident], ident in right)
                               for ident, text in labels.items()]))
    return out


def read_qti21(files: dict[str, str]) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """The questions of a QTI 2.1 package, in its test's order, checking every reference."""
    manifest = ET.fromstring(files["imsmanifest.xml"])
    assert manifest.tag == f"{CP11}manifest"
    resources = {r.get("identifier"): r for r in manifest.iter(f"{CP11}resource")}
    assert all(f.get("href") in files for f in manifest.iter(f"{CP11}file"))
    assert sorted(f.get("href") for f in manifest.iter(f"{CP11}file")) == sorted(
        n for n in files if n != "imsmanifest.xml")  # every file listed, none missing
    [test_res] = [r for r in resources.values() if r.get("type") == "imsqti_test_xmlv2p1"]
    test = ET.fromstring(files[test_res.get("href")])
    assert test.tag == f"{Q21}assessmentTest"
    refs = list(test.iter(f"{Q21}assessmentItemRef"))
    assert [d.get("identifierref") for d in test_res.iter(f"{CP11}dependency")] == [
        r.get("identifier") for r in refs]
    out = []
    for ref in refs:
        res = resources[ref.get("identifier")]
        assert res.get("type") == "imsqti_item_xmlv2p1" and res.get("href") == ref.get("href")
        item = ET.fromstring(files[ref.get("href")])
        assert item.tag == f"{Q21}assessmentItem"
        assert item.get("identifier") == ref.get("identifier")
        interaction = item.find(f"{Q21}itemBody/{Q21}choiceInteraction")
        assert interaction.get("shuffle") == "false" and interaction.get("maxChoices") == "1"
        choices = [(c.get("identifier"), plain(c.text))
                   for c in interaction.iter(f"{Q21}simpleChoice")]
        assert len({c for c, _ in choices}) == len(choices)
        [key] = [v.text for v in item.find(f"{Q21}responseDeclaration/{Q21}correctResponse")]
        feedback = {f.get("identifier"): plain(f.text) for f in item.iter(f"{Q21}modalFeedback")
                    if f.get("outcomeIdentifier") == "FEEDBACK" and f.get("showHide") == "show"}
        assert item.find(f".//{Q21}setOutcomeValue[@identifier='FEEDBACK']/{Q21}variable"
                         ).get("identifier") == "RESPONSE"  # the choice picks its feedback
        out.append((plain(interaction.findtext(f"{Q21}prompt")),
                    [(text, feedback[cid], cid == key) for cid, text in choices]))
    return out


def read_moodle(text: str) -> dict[str, list[tuple[str, list[tuple[str, str, bool]]]]]:
    """Moodle XML's multichoice questions, by category."""
    root = ET.fromstring(text)
    assert root.tag == "quiz"
    found: dict[str, list] = {}
    category = None
    for node in root.findall("question"):
        if node.get("type") == "category":
            category = node.findtext("category/text")
            found[category] = []
            continue
        assert node.get("type") == "multichoice" and category is not None
        assert node.findtext("single") == "true" and node.findtext("shuffleanswers") == "false"
        assert node.find("questiontext").get("format") == "html"
        options = []
        for a in node.findall("answer"):
            assert a.get("format") == "html" and a.get("fraction") in {"0", "100"}
            options.append((_html_text(a.findtext("text")),
                            _html_text(a.findtext("feedback/text")), a.get("fraction") == "100"))
        found[category].append((_html_text(node.findtext("questiontext/text")), options))
    return found


_GIFT_CONTROL = ":#={}~"
_GIFT_ESCAPE = re.compile(r"\\\\|\\([" + re.escape(_GIFT_CONTROL) + "])")


def _gift_unescape(text: str) -> str:
    """Moodle's qformat_gift rules: ``\\X`` for a control character X is X; ``\\\\`` stays."""
    return html.unescape(_GIFT_ESCAPE.sub(lambda m: m[1] or m[0], text))


def _split_unescaped(text: str, mark: str) -> list[str]:
    return re.split(rf"(?<!\\){re.escape(mark)}", text)


def read_gift(text: str) -> dict[str, list[tuple[str, list[tuple[str, str, bool]]]]]:
    """GIFT multiple-choice questions, by ``$CATEGORY``."""
    found: dict[str, list] = {}
    category = None
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    for block in blocks:
        lines = [ln for ln in block.splitlines() if not ln.lstrip().startswith("//")]
        if lines and lines[0].startswith("$CATEGORY:"):
            category = lines[0][len("$CATEGORY:"):].strip()
            found[category] = []
            continue
        body = "\n".join(lines)
        m = re.fullmatch(r"::(?P<name>.*?)(?<!\\)::\[html\](?P<q>.*?)(?<!\\)\{(?P<a>.*)(?<!\\)\}",
                         body, re.S)
        assert m, body
        options = []
        for line in m["a"].strip().splitlines():
            line = line.strip()
            assert line[0] in "=~" and not line.startswith(("=%", "~%")), line
            answer, feedback = _split_unescaped(line[1:], "#")  # exactly one feedback mark
            options.append((_gift_unescape(answer), _gift_unescape(feedback), line[0] == "="))
        found[category].append((_gift_unescape(m["q"].strip()), options))
    return found


# --- every chapter, every format ----------------------------------------------------------

def test_every_chapter_has_a_quiz_and_every_question_of_its_file():
    import yaml
    assert [cq.stem for cq in _course()] == sorted(p.stem for p in QUIZZES.glob("*.yml"))
    for cq in _course():
        raw = yaml.safe_load((QUIZZES / f"{cq.stem}.yml").read_text(encoding="utf-8"))
        assert len(cq.questions) == len(raw) >= 5
        # numbers filled in: the book's own fill left no {field} in any text
        for q in cq.questions:
            texts = [q.question, *(o.text for o in q.options), *(o.feedback for o in q.options)]
            for text in texts:
                assert not re.search(r"\{[A-Za-z_]\w*(:[^}]*)?\}", text), (cq.stem, text)


def _one(cq: ChapterQuiz, found: dict[str, list]) -> list:
    assert list(found) == [cq.category]  # the chapter's own question category, only it
    return found[cq.category]


#: Each format's export of one chapter, read back.
EXPORTS = {
    "canvas-qti": lambda cq: read_qti(qti_files(cq)),
    "blackboard-qti21": lambda cq: read_qti21(qti21_files(cq)),
    "moodle": lambda cq: _one(cq, read_moodle(moodle_xml([cq]))),
    "gift": lambda cq: _one(cq, read_gift(gift([cq]))),
}


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("fmt", EXPORTS)
def test_export_matches_the_book(fmt, stem):
    cq = _quiz(stem)
    assert EXPORTS[fmt](cq) == _source(cq)


def test_make_lms_writes_every_file_and_the_same_bytes_twice(tmp_path):
    first = write_all(tmp_path / "a", _course())
    second = write_all(tmp_path / "b", _course())
    stems = [cq.stem for cq in _course()]
    assert [p.name for p in first["canvas-qti"]] == [f"{s}.zip" for s in stems]
    assert [p.name for p in first["blackboard-qti21"]] == [f"{s}.zip" for s in stems]
    assert [p.name for p in first["moodle"]] == [f"{s}.xml" for s in stems] + ["all-chapters.xml"]
    assert [p.name for p in first["gift"]] == [f"{s}.txt" for s in stems] + ["all-chapters.txt"]
    for fmt, paths in first.items():
        for a, b in zip(paths, second[fmt], strict=True):
            assert a.read_bytes() == b.read_bytes(), a.name
    # the files on disk read back like the text they were made from
    for cq, path in zip(_course(), first["canvas-qti"], strict=True):
        with zipfile.ZipFile(path) as zf:
            assert zf.namelist()[0] == "imsmanifest.xml"
            files = {n: zf.read(n).decode("utf-8") for n in zf.namelist() if not n.endswith("/")}
        assert read_qti(files) == _source(cq)
    for cq, path in zip(_course(), first["blackboard-qti21"], strict=True):
        with zipfile.ZipFile(path) as zf:
            assert read_qti21({n: zf.read(n).decode("utf-8") for n in zf.namelist()}) == _source(cq)
    everything = {cq.category: _source(cq) for cq in _course()}
    assert read_moodle(first["moodle"][-1].read_text(encoding="utf-8")) == everything
    assert read_gift(first["gift"][-1].read_text(encoding="utf-8")) == everything
    total = sum(len(cq.questions) for cq in _course())
    assert sum(len(v) for v in everything.values()) == total


# --- text that is not plain English ------------------------------------------------------

AWKWARD = [
    "<b>Bold?</b> & <script>alert('x')</script> &amp; a <!-- comment -->",
    "名刺交換（めいしこうかん）は「礼儀」です。",
    "A handshake 🤝, a card 💼 and a flag 🇯🇵.",
    "$5 and $6; \\(x\\) and $x$ and \\$",
    "C:\\path\\new and \\\\server \\n \\",
    "*not emphasis* _nor this_ `nor code` **nor bold** [a link](http://x) ![img](y.png)",
    "\"double\" and 'single' quotes -- a dash... and 1/2",
    "GIFT's own marks: ~ = # { } : and ::name:: and [html]",
    "%50% weight? # heading? > quote? - bullet? + plus? 1. list?",
    "{braces} and {{doubled}} and %(name)s and {0}",
    "|a|b|\n|---|---|\nnew lines\tand tabs",
]


def _awkward_quiz() -> ChapterQuiz:
    questions = []
    for i, text in enumerate(AWKWARD):
        options = (Option(text=text, feedback=AWKWARD[-1 - i], correct=True),
                   Option(text=f"{AWKWARD[(i + 1) % len(AWKWARD)]} (wrong)", feedback=text))
        questions.append(Question(question=text, options=options))
    return ChapterQuiz(stem="99_awkward", number=99, title="Awk/ward <i>title</i>",
                       quiz=Quiz(name="99_awkward", questions=tuple(questions)))


def test_markup_japanese_emoji_and_format_marks_arrive_as_text():
    cq = _awkward_quiz()
    for fmt, read_back in EXPORTS.items():
        assert read_back(cq) == _source(cq), fmt
    # a "/" in a category name is doubled (Moodle's separator)
    assert cq.category.endswith("/Chapter 99: Awk//ward <i>title<//i>")


def test_no_text_becomes_markup():
    cq = _awkward_quiz()
    assessment = next(v for k, v in qti_files(cq).items() if k.endswith("_assessment.xml"))
    root = ET.fromstring(assessment)
    moodle = ET.fromstring(moodle_xml([cq]))
    htmls = [m.text for m in root.iter(f"{QTI}mattext")] + [
        t.text for t in moodle.iter("text") if t.text and t.text.startswith("<p>")]
    assert len(htmls) > 3 * len(AWKWARD)
    for markup in htmls:
        soup = BeautifulSoup(markup, "html.parser")
        tags = {t.name for t in soup.find_all(True)}
        assert tags <= {"p"}, (tags, markup)  # no <b>, <script>, <em>, <a>, <img>, <code>
        assert "equation_image" not in markup  # no $...$ read as LaTeX
    assert "<script>" not in gift([cq])  # GIFT [html] text is escaped too
    # Japanese and emoji are written as UTF-8 characters, not as references
    assert "名刺交換" in assessment and "名刺交換" in moodle_xml([cq]) and "🤝" in gift([cq])

