"""A Japanese web font for the book, cut down to the characters the course uses.

A reader whose computer has no Japanese font would otherwise see the kanji
of 名刺 or 終身雇用 as empty boxes.  The book therefore serves Noto Sans JP
(SIL Open Font Licence, from the npm package ``@fontsource/noto-sans-jp``,
pinned in ``web/package-lock.json``).  That package splits the font into
about 120 slices by Unicode range; this module keeps only the slices that
contain a character the course's pages use, and writes their
``@font-face`` rules to ``_static/vendor/fonts/noto-sans-jp.css`` (Jupyter
Book links every CSS file under ``_static``).  ``_static/course.css`` lists
the font after the reader's own fonts, so a browser downloads a slice only
when no installed font has the character.

Run by ``make web``: ``python -m meishi_build.webfont``.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from meishi.paths import ROOT, WEB

__all__ = ["cjk_characters", "covered", "parse_ranges", "select_faces", "write_subset"]

PACKAGE = WEB / "node_modules" / "@fontsource" / "noto-sans-jp"
OUT = ROOT / "_static" / "vendor" / "fonts"
#: Where the course's visible text lives.
SOURCES = ("index.md", "chapters", "src/meishi", "assets")
_TEXT_SUFFIXES = {".md", ".ipynb", ".yml", ".yaml", ".py", ".csv", ".bib"}
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_FACE = re.compile(r"/\*[^*]*\*/\s*@font-face\s*{[^}]*}", re.S)


def cjk_characters(paths=None) -> set[str]:
    """Japanese characters (kana, kanji, full-width forms) in the course's text."""
    found: set[str] = set()
    for rel in paths or SOURCES:
        path = ROOT / rel
        files = [path] if path.is_file() else [
            p for p in path.rglob("*") if p.suffix in _TEXT_SUFFIXES
            and ".ipynb_checkpoints" not in p.parts and "__pycache__" not in p.parts]
        for file in files:
            found.update(_CJK.findall(file.read_text(encoding="utf-8", errors="ignore")))
    return found


def parse_ranges(face: str) -> list[tuple[int, int]]:
    """The code-point ranges of one ``@font-face`` rule's ``unicode-range``."""
    match = re.search(r"unicode-range:\s*([^;]+);", face)
    if not match:
        return []
    ranges = []
    for part in match.group(1).split(","):
        part = part.strip().upper().removeprefix("U+")
        lo, _, hi = part.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return ranges


def covered(char: str, ranges: list[tuple[int, int]]) -> bool:
    code = ord(char)
    return any(lo <= code <= hi for lo, hi in ranges)


def select_faces(css: str, chars: set[str]) -> list[str]:
    """The ``@font-face`` rules whose range includes at least one of ``chars``."""
    return [face for face in _FACE.findall(css)
            if any(covered(c, parse_ranges(face)) for c in chars)]


def write_subset(package: Path = PACKAGE, out: Path = OUT) -> tuple[int, int]:
    """Write the CSS and copy the needed slices; returns (slices, characters)."""
    css = (package / "400.css").read_text(encoding="utf-8")
    chars = cjk_characters()
    faces = select_faces(css, chars)
    missing = [c for c in chars if not any(covered(c, parse_ranges(f)) for f in faces)]
    if missing:
        raise SystemExit(f"no font slice covers: {''.join(sorted(missing))}")
    if out.exists():
        shutil.rmtree(out)
    (out / "files").mkdir(parents=True)
    kept = []
    for face in faces:
        woff2 = re.search(r"url\(\./files/([^)]+\.woff2)\)", face).group(1)
        shutil.copy(package / "files" / woff2, out / "files" / woff2)
        # Every browser the course supports reads woff2; drop the woff fallback.
        kept.append(re.sub(r",\s*url\(\./files/[^)]+\.woff\)\s*format\('woff'\)", "", face))
    shutil.copy(package / "LICENSE", out / "LICENSE-noto-sans-jp.txt")
    header = ("/* Noto Sans JP (SIL Open Font License 1.1), @fontsource/noto-sans-jp, cut to "
              "the slices the course's text uses by meishi.webfont. Generated: do not edit. */\n")
    (out / "noto-sans-jp.css").write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    return len(kept), len(chars)


def main() -> int:
    if not (PACKAGE / "400.css").is_file():
        print("run `make web` first: @fontsource/noto-sans-jp is not installed", file=sys.stderr)
        return 1
    slices, chars = write_subset()
    print(f"Japanese web font: {slices} slices for {chars} characters -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
