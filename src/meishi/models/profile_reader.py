"""How explicit is this profile line?  A transparent, rule-based score (a teaching device).

The reader looks for five kinds of marker, in English and in Japanese, with
plain regular expressions anyone can read below, adds up their points and
names a register.  It measures nothing: it shows *which words* make a line
read as a boast or as modest, so a learner can try an understated version.

Cleaning (as :mod:`meishi.kit.inputs`): Unicode NFKC (full-width ``３倍`` reads
``3倍``, ``Ｎｏ．１`` reads ``No.1``); line breaks and tabs become spaces;
every other invisible format or control character (zero-width spaces,
direction marks and overrides, byte-order marks; also lone surrogates) is
removed and counted in ``removed``; then spaces at both ends are stripped.
Markup is just text: ``<b>I led</b>`` is read as the characters it contains.

Refused, with a plain message: an empty line (``empty``), more than 300
characters after cleaning (``too_long``), no letter, digit, kana or kanji at
all, such as emoji or punctuation only (``no_words``).

The rules, in order (points each, limit per line):

1. ``first_person_achievement`` (+2, once): a first-person word (I, my, me,
   I've, I'm, with a capital I; 私, 僕, 自分, but not the plurals 私たち/僕ら...)
   *and* an achievement verb (led, grew, launched...; 達成, 実現, 牽引, 主導,
   獲得) in the same line, in either language; every such word is marked, the
   first carries the 2 points.
2. ``superlative`` (+1 each, at most 2): best, top, #1, No. 1, leading...;
   日本一, 業界初, 最高 (not in officer titles such as 最高経営責任者), トップ
   (not inside a katakana word such as デスクトップ)...
3. ``growth_number`` (+1 each, at most 3): a percentage, a multiple
   (3x, 3×, 3倍, 2〜3倍, 3-fold, 3 times, 数倍), a money amount ($, ¥, € before
   the digits; 円, 万円, 億円 after them).
4. ``achievement_word_ja`` (+1 each, at most 2): 達成, 実現, 成功, 獲得, 受賞, 表彰
   not already counted by rule 1.
5. ``modesty_marker`` (-1 each, at most 3 of them): we, our team, thanks to,
   fortunately, lucky...; チーム, 皆様, おかげ, させていただ, 恐縮...

English is matched without regard to case (only A-Z are folded) and as whole
words: no ASCII letter or digit just before or after, and no contraction
after (``won't`` is not ``won``); a Japanese neighbour counts as a boundary,
so mixed lines such as ``私はbestを尽くした`` are read.  Overlaps: a rule never
marks text an earlier rule has marked.  Markers beyond a rule's limit are
still shown, with 0 points.  Score = the points' sum, at least 0 and at most
10; register: "understated" (0-1), "moderate" (2-4), "explicit" (5 or more).
Spans are code-point offsets into the cleaned text (``text[start:end]``).

The browser runs the same rules (``web/src/models/profile_reader.js``); both
test suites read ``tests/cases/profile_lines.json``.  Characters assigned after
Unicode 14.0 (Python 3.11's tables) may be classed differently by the browser.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["MAX_CHARS", "RULES", "Alternative", "Marker", "ReaderResult", "Rule", "clean_line",
           "read_profile"]

MAX_CHARS = 300
MAX_SCORE = 10

# -- the word lists (regular-expression fragments; English in lower case) -----------------------
FIRST_PERSON_EN = ("i['’]ve", "i['’]m", "my", "me", "i")
ACHIEVEMENT_VERBS_EN = ("led", "achieved", "grew", "increased", "built", "launched", "delivered",
                        "won", "drove", "generated", "exceeded", "spearheaded", "founded",
                        "created", "doubled", "tripled", "boosted")
FIRST_PERSON_JA = ("私(?!たち|達|ども|共)", "僕(?!たち|達|ら)", "自分(?!たち|達)")
ACHIEVEMENT_VERBS_JA = ("達成", "実現", "牽引", "主導", "獲得")
SUPERLATIVES_EN = ("award[-‐ ]winning", "world[-‐ ]class", "first[-‐ ]ever", "number one",
                   r"no\. ?1", "#1", "best", "top", "leading", "largest", "fastest", "unmatched")
SUPERLATIVES_JA = ("日本一", "業界初", "業界トップ", "首位",
                   "最高(?!経営|執行|技術|財務|情報|責任)", "最大", "(?<![ァ-ヺー])トップ")
ACHIEVEMENT_WORDS_JA = ("達成", "実現", "成功", "獲得", "受賞", "表彰")
MODESTY_EN = ("we(?:['’](?:ve|re|d|ll))?", "(?:our|the) team(?:s|['’]s)?", "together",
              "thanks to", "fortunate(?:ly)?", "lucky", "happened to")
MODESTY_JA = ("チーム", "皆様", "皆さん", "おかげ", "お陰", "させていただ", "させて頂",
              "恐縮", "微力", "運よく", "運良く", "幸い")

# -- building blocks -------------------------------------------------------------------------
_BEFORE = "(?<![a-z0-9])"                 # an English word starts here
_AFTER = "(?![a-z0-9]|['’][a-z])"         # ... and ends here (not won't, I'll)
_NUM = r"(?<![0-9])(?<![0-9][.,])[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?"
_MONEY_BEFORE = (rf"[$¥€] ?{_NUM}"
                 "(?: ?(?:(?:k|m|mm|bn|b|million|billion|thousand)(?![a-z])|億円?|万円?))?")
_UNIT_AFTER = (rf"{_NUM}(?: ?[〜~–-] ?{_NUM})? ?"
               "(?:%|倍|×|x(?![a-z])|-fold(?![a-z])|times(?![a-z]))")
_YEN_AFTER = rf"{_NUM}(?:億(?:{_NUM})?万?|千万|百万|万)?円"
_KANJI_MULTIPLE = "[一二三四五六七八九十百千数何]+倍"
GROWTH_PATTERNS = (_MONEY_BEFORE, _UNIT_AFTER, _YEN_AFTER, _KANJI_MULTIPLE)


def _english(words: tuple[str, ...]) -> str:
    return f"{_BEFORE}(?:{'|'.join(words)}){_AFTER}"


def _either(english: tuple[str, ...], japanese: tuple[str, ...]) -> str:
    return f"{_english(english)}|{'|'.join(japanese)}"


PRONOUN_PATTERN = _either(FIRST_PERSON_EN, FIRST_PERSON_JA)
VERB_PATTERN = _either(ACHIEVEMENT_VERBS_EN, ACHIEVEMENT_VERBS_JA)


@dataclass(frozen=True)
class Rule:
    """One kind of marker: what it matches, its points and the words to use instead."""

    category: str
    pattern: str        # a regular expression, the same text in Python and JavaScript
    #                     (rule 1 runs its pronoun and verb halves separately)
    points: int         # per marker
    limit: int          # markers that score; later ones are shown with 0 points
    rule: str           # why it counts, in plain English
    english: str        # an understated alternative
    japanese: str


RULES: tuple[Rule, ...] = (
    Rule("first_person_achievement", f"{PRONOUN_PATTERN}|{VERB_PATTERN}", 2, 1,
         "A first-person word together with an achievement verb claims the result for "
         "oneself (+2, once per line).",
         "Part of the team that delivered the project, looking after the planning.",
         "チームの一員としてプロジェクトに携わり、計画を担当しました。"),
    Rule("superlative", _either(SUPERLATIVES_EN, SUPERLATIVES_JA), 1, 2,
         "A superlative or a rank puts oneself above others (+1 each, at most 2).",
         "Well regarded by colleagues and clients.",
         "社内外の方々から評価をいただいております。"),
    Rule("growth_number", "|".join(GROWTH_PATTERNS), 1, 3,
         "A percentage, a multiple or a money amount makes the achievement measurable and "
         "prominent (+1 each, at most 3).",
         "Contributed to steady growth in sales.",
         "売上の伸びに貢献しました。"),
    Rule("achievement_word_ja", "|".join(ACHIEVEMENT_WORDS_JA), 1, 2,
         "A Japanese achievement word names a success outright (+1 each, at most 2).",
         "Worked towards the goal together with the team.",
         "目標に向けてチームで取り組みました。"),
    Rule("modesty_marker", _either(MODESTY_EN, MODESTY_JA), -1, 3,
         "Sharing the credit or playing one's part down reads as modest (−1 each, at most 3).",
         "", ""),
)
_COMPILED = tuple(re.compile(r.pattern) for r in RULES)
_PRONOUN = re.compile(PRONOUN_PATTERN)
_VERB = re.compile(VERB_PATTERN)

_BREAKS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85")
_INVISIBLE = frozenset(("Cf", "Cc", "Cs"))
_SPACE = "[ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
_EDGES = re.compile(f"^{_SPACE}+|{_SPACE}+$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Marker:
    """One marked word: ``text[start:end]`` (code points) is ``match``."""

    start: int
    end: int
    category: str
    match: str
    points: int
    rule: str


@dataclass(frozen=True)
class Alternative:
    """An understated way to say what a category of marker says, in English and Japanese."""

    category: str
    english: str
    japanese: str


@dataclass(frozen=True)
class ReaderResult:
    """The reading of one profile line.

    ``kind``: "ok", "empty", "too_long" or "no_words"; when not ok there are
    no markers, the score is 0 and the register "".
    """

    ok: bool
    kind: str
    message: str
    text: str                             # the cleaned line
    removed: int                          # invisible / direction characters removed
    markers: tuple[Marker, ...]           # in text order
    score: int                            # 0..10
    register: str                         # "understated", "moderate", "explicit" or ""
    alternatives: tuple[Alternative, ...]  # one per category present (not modesty_marker)


def clean_line(text: object) -> tuple[str, int]:
    """(cleaned text, how many invisible characters were removed); see the module notes."""
    raw = "" if text is None else str(text)
    kept: list[str] = []
    removed = 0
    for ch in unicodedata.normalize("NFKC", raw):
        if ch in _BREAKS:
            kept.append(" ")
        elif unicodedata.category(ch) in _INVISIBLE:
            removed += 1
        else:
            kept.append(ch)
    return _EDGES.sub("", "".join(kept)), removed


def _register(score: int) -> str:
    return "understated" if score <= 1 else "moderate" if score <= 4 else "explicit"


def _refuse(kind: str, message: str, text: str, removed: int) -> ReaderResult:
    return ReaderResult(ok=False, kind=kind, message=message, text=text, removed=removed,
                        markers=(), score=0, register="", alternatives=())


def _spans(pattern: re.Pattern[str], lowered: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(lowered)]


def _mark(text: str, lowered: str) -> list[Marker]:
    """Every marker, rule by rule; a span an earlier rule marked is never marked again."""
    taken: list[tuple[int, int]] = []
    markers: list[Marker] = []
    for rule, pattern in zip(RULES, _COMPILED, strict=True):
        if rule.category == "first_person_achievement":
            # the pronoun I is a capital letter: a lowercase i (<i>, "i)") is not one
            pronouns = [(a, b) for a, b in _spans(_PRONOUN, lowered) if text[a] != "i"]
            verbs = _spans(_VERB, lowered)
            candidates = sorted(pronouns + verbs) if pronouns and verbs else []
        else:
            candidates = _spans(pattern, lowered)
        found = [(a, b) for a, b in candidates if not any(a < y and x < b for x, y in taken)]
        for i, (a, b) in enumerate(found):
            markers.append(Marker(start=a, end=b, category=rule.category, match=text[a:b],
                                  points=rule.points if i < rule.limit else 0, rule=rule.rule))
        taken.extend(found)
    return sorted(markers, key=lambda k: k.start)


def read_profile(text: object) -> ReaderResult:
    """Clean one profile line, mark what makes it explicit or modest, and score it."""
    cleaned, removed = clean_line(text)
    if not cleaned:
        return _refuse("empty", "The line is empty: type or paste one line from a profile, "
                                "in English or Japanese.", cleaned, removed)
    if len(cleaned) > MAX_CHARS:
        return _refuse("too_long", f"The line is {len(cleaned)} characters long; keep it to "
                                   f"{MAX_CHARS} characters or fewer.", cleaned, removed)
    if not any(unicodedata.category(ch)[0] in "LN" for ch in cleaned):
        return _refuse("no_words", "The line has no letters, digits, kana or kanji (only "
                                   "symbols, emoji or punctuation), so there is nothing to read.",
                       cleaned, removed)
    markers = _mark(cleaned, cleaned.translate(_ASCII_LOWER))
    score = min(MAX_SCORE, max(0, sum(k.points for k in markers)))
    register = _register(score)
    present = {k.category for k in markers}
    alternatives = tuple(Alternative(r.category, r.english, r.japanese) for r in RULES
                         if r.category in present and r.english)
    n = len(markers)
    found = "No markers found" if n == 0 else f"{n} marker{'' if n == 1 else 's'} found"
    return ReaderResult(ok=True, kind="ok", message=f"{found}: explicitness score {score} of "
                                                    f"{MAX_SCORE} ({register}).",
                        text=cleaned, removed=removed, markers=tuple(markers), score=score,
                        register=register, alternatives=alternatives)
