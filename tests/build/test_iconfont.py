"""Font Awesome cut to the icons the book uses (meishi_build.iconfont)."""

from __future__ import annotations

import os

import pytest
from fontTools.ttLib import TTFont

from helpers import HTML
from meishi_build.iconfont import codepoints_in_use, icon_map, subset_fonts, theme_webfonts

CSS = ('.fa-magnifying-glass:before,.fa-search:before{content:"\\f002"}'
       '.fa-bars:before{content:"\\f0c9"}.x{--pst-icon-info-circle:"\uf05a"}'
       '.y:after{content:"\\f105"}')


def test_icon_map_reads_every_alias():
    icons = icon_map(CSS)
    assert icons == {"magnifying-glass": 0xF002, "search": 0xF002, "bars": 0xF0C9}


def test_used_classes_and_directly_named_glyphs_are_kept(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "t.css").write_text(CSS, encoding="utf-8")
    (tmp_path / "index.html").write_text('<i class="fa-solid fa-magnifying-glass"></i>',
                                         encoding="utf-8")
    codes = codepoints_in_use(tmp_path)
    assert codes == {0xF002, 0xF05A, 0xF105}  # bars is never used


def test_subset_fonts_keep_exactly_those_glyphs(tmp_path):
    sizes = subset_fonts({0xF002, 0xF09B}, out=tmp_path)
    assert _cmap(tmp_path / "fa-solid-900.woff2") == {0xF002}
    assert _cmap(tmp_path / "fa-brands-400.woff2") == {0xF09B}
    full = (theme_webfonts() / "fa-solid-900.woff2").stat().st_size
    assert sizes["fa-solid-900.woff2"] < 0.05 * full


BUILT = (HTML / "index.html").is_file() or bool(os.environ.get("MEISHI_REQUIRE_BUILD"))


def _cmap(path) -> set[int]:
    with TTFont(path) as font:
        return set(font.getBestCmap())


@pytest.mark.skipif(not BUILT, reason="the book is not built")
def test_the_built_book_serves_small_fonts_with_every_icon_it_uses():
    webfonts = HTML / "_static" / "vendor" / "fontawesome" / "webfonts"
    used = codepoints_in_use(HTML)
    have: set[int] = set()
    for name in ("fa-solid-900.woff2", "fa-brands-400.woff2", "fa-regular-400.woff2"):
        path = webfonts / name
        assert path.stat().st_size < 20_000, name
        have |= _cmap(path)
    missing = {hex(c) for c in used} - {hex(c) for c in have} - _not_in_any_font(used)
    assert not missing


def _not_in_any_font(codes: set[int]) -> set[str]:
    """Code points the theme names that none of the full fonts has (nothing to keep)."""
    full: set[int] = set()
    for name in ("fa-solid-900.woff2", "fa-brands-400.woff2", "fa-regular-400.woff2"):
        full |= _cmap(theme_webfonts() / name)
    return {hex(c) for c in codes - full}
