"""Font Awesome cut to the icons the book uses: ``python -m meishi_build.iconfont``.

The book's theme (pydata-sphinx-theme) ships the whole Font Awesome solid
and brands fonts, about 275 KB, and every page downloads them for a dozen
icons.  This keeps, in each font, only the glyphs the built book can show:
the icon classes its pages and the theme's scripts use, and every glyph the
theme's style sheets name directly (admonition and link icons, say).  The
cut fonts go to ``_static/vendor/fontawesome/webfonts/``, which Sphinx copies
over the theme's own files of the same name.  Run by ``make book`` after a
first build (it reads the built pages), and re-run whenever pages change.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from meishi.paths import HTML

__all__ = ["codepoints_in_use", "cut_book_fonts", "icon_map", "subset_fonts"]

OUT = HTML / "_static" / "vendor" / "fontawesome" / "webfonts"
FONTS = ("fa-solid-900.woff2", "fa-brands-400.woff2", "fa-regular-400.woff2")
_ICON_RULE = re.compile(r"((?:\.fa-[a-z0-9-]+:(?::)?before,?)+)\{content:\"\\([0-9a-f]+)\"\}")
_CLASS = re.compile(r"\.fa-([a-z0-9-]+):")
_ANY_CODE = re.compile(r"\"\\([ef][0-9a-f]{3})\"")
_USED_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")


def theme_webfonts() -> Path:
    import pydata_sphinx_theme

    return (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
            / "static" / "vendor" / "fontawesome" / "webfonts")


def icon_map(css: str) -> dict[str, int]:
    """Icon class name (without ``fa-``) -> code point, from the theme's style sheet."""
    out: dict[str, int] = {}
    for selectors, code in _ICON_RULE.findall(css):
        for name in _CLASS.findall(selectors):
            out[name] = int(code, 16)
    return out


def codepoints_in_use(html_dir: Path = HTML) -> set[int]:
    """Every icon code point the built book can show."""
    css_files = list((html_dir / "_static").rglob("*.css"))
    css = "\n".join(p.read_text(encoding="utf-8", errors="ignore") for p in css_files)
    icons = icon_map(css)
    # glyphs style sheets name directly (not through an icon class): admonitions, links …
    direct = {int(c, 16) for c in _ANY_CODE.findall(_ICON_RULE.sub("", css))}
    # … and glyphs written as raw private-use characters (the theme's --pst-icon-* variables)
    direct |= {ord(ch) for ch in css if 0xE000 <= ord(ch) <= 0xF8FF}
    used: set[str] = set()
    texts = list(html_dir.rglob("*.html")) + list((html_dir / "_static").rglob("*.js"))
    for path in texts:
        used.update(_USED_CLASS.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return {icons[name] for name in used if name in icons} | direct


def subset_fonts(codes: set[int], source: Path | None = None, out: Path = OUT) -> dict[str, int]:
    """Write each Font Awesome font cut to ``codes``; returns the new sizes in bytes."""
    from fontTools import subset

    source = source or theme_webfonts()
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name in FONTS:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(source / name), options)
        try:
            subsetter = subset.Subsetter(options)
            present = set(font.getBestCmap() or {})
            subsetter.populate(unicodes=sorted(codes & present) or [0x20])
            subsetter.subset(font)
            subset.save_font(font, str(out / name), options)
        finally:
            font.close()
        sizes[name] = (out / name).stat().st_size
    return sizes


def cut_book_fonts(html_dir: Path = HTML) -> str:
    """Cut the built book's Font Awesome fonts to the icons it uses; a one-line report."""
    codes = codepoints_in_use(html_dir)
    sizes = subset_fonts(codes, out=html_dir / "_static" / "vendor" / "fontawesome" / "webfonts")
    return (f"Font Awesome: {len(codes)} glyphs kept -> "
            + ", ".join(f"{n} {s / 1000:.1f} KB" for n, s in sizes.items()))


def main() -> int:
    if not (HTML / "index.html").is_file():
        print("iconfont: build the book first (its pages say which icons are used)",
              file=sys.stderr)
        return 2
    print(cut_book_fonts())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
