"""The Japanese web font subset covers every Japanese character the book shows."""

from __future__ import annotations

import os

import pytest
from bs4 import BeautifulSoup

from helpers import HTML
from meishi_build import webfont

CSS = ("/* a */\n@font-face {\n  font-family: 'X';\n  src: url(./files/x-1-400-normal.woff2) "
       "format('woff2'), url(./files/x-1-400-normal.woff) format('woff');\n"
       "  unicode-range: U+540d,U+523a-523c;\n}\n"
       "/* b */\n@font-face {\n  font-family: 'X';\n  unicode-range: U+3042;\n}\n")


def test_parse_ranges_reads_single_points_and_spans():
    faces = webfont.select_faces(CSS, {"名"})
    assert len(faces) == 1
    assert webfont.parse_ranges(faces[0]) == [(0x540D, 0x540D), (0x523A, 0x523C)]


def test_select_faces_keeps_only_faces_in_use():
    assert len(webfont.select_faces(CSS, {"刺"})) == 1  # U+523A, inside the span
    assert len(webfont.select_faces(CSS, {"あ", "名"})) == 2
    assert webfont.select_faces(CSS, {"猫"}) == []


def test_course_text_has_the_glossary_kanji():
    chars = webfont.cjk_characters()
    assert {"名", "刺", "終", "身", "雇", "用"} <= chars


def test_every_japanese_character_in_the_built_pages_is_covered():
    css_file = HTML / "_static" / "vendor" / "fonts" / "noto-sans-jp.css"
    if not css_file.is_file():
        if os.environ.get("MEISHI_REQUIRE_BUILD") or os.environ.get("CI"):
            pytest.fail("the built book has no Japanese web font")
        pytest.skip("build the book first (make book)")
    css = css_file.read_text(encoding="utf-8")
    ranges = [r for face in webfont._FACE.findall(css) for r in webfont.parse_ranges(face)]
    shown = set()
    for page in HTML.rglob("*.html"):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
        shown.update(webfont._CJK.findall(text))
    assert shown, "expected Japanese text in the book"
    missing = sorted(c for c in shown if not webfont.covered(c, ranges))
    assert missing == []
    for face in webfont._FACE.findall(css):
        assert ".woff)" not in face  # only woff2 files are shipped
