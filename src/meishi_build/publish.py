"""What CI publishes, assembled in ``_build/publish/``: ``python -m meishi_build.publish``.

``make publish`` (and CI, after ``make test`` has built and printed
everything) gathers, from the finished builds:

* ``site/``: the web book as GitHub Pages serves it: the full book
  (``_build/html``), its downloads in ``site/_handouts/`` (every chapter's
  handout, the answer key, the whole course as one PDF, the student
  notebooks as a zip), and the student edition (``_build/student/html``)
  in ``site/student/`` when it was built;
* ``student-branch/``: the files CI commits to the repository's ``student``
  branch, which nbgitpuller links pull: the student notebooks
  (``chapters/NN_slug.ipynb``, resolved, with no answers), a README and the
  licences, and nothing of the instructor material;
* ``manifest.json``: every published file with its size.

It fails, naming what is missing and the command that makes it, when a
download is absent, and when any link between the published pages and
files does not resolve.  ``--commit-student-branch`` then commits
``student-branch/`` on top of the local ``student`` branch (created if
absent), so the branch keeps one line of history that nbgitpuller can pull
again and again; CI pushes it.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from meishi.paths import BUILD, HTML, ROOT

from . import links, sitedownloads

__all__ = ["DOWNLOADS", "PUBLISH", "STUDENT_ZIP", "assemble", "commit_student_branch",
           "downloads", "student_files", "student_zip"]

PUBLISH = BUILD / "publish"
STUDENT_HTML = BUILD / "student" / "html"
STUDENT_NOTEBOOKS = BUILD / "classroom" / "student"
#: The student notebooks' zip, and the site's folder for downloads (where
#: meishi_build.sitedownloads and sphinx_ext copy what the pages link).
STUDENT_ZIP, DOWNLOADS = sitedownloads.STUDENT_ZIP, sitedownloads.SITE_FOLDER
STUDENT_README = """# {title}: student notebooks

The course's chapters as notebooks for JupyterLab, for students: no worked
solutions, no answers under *things to try*, no quiz key, no teaching notes.
Every number, box and citation reads as in the web book.

Open a chapter in `chapters/` and choose *Run > Run All Cells*. The notebooks
need the course's Python package, which your teacher or the hub provides.

This branch is written by the course's CI from the main branch: do not edit
it here. Course text, exercises, quizzes and figures: CC BY 4.0
(LICENSE-CONTENT). Code: MIT licence (LICENSE).
"""


def student_files(notebooks: Path = STUDENT_NOTEBOOKS) -> dict[str, bytes]:
    """The student branch's and zip's files: path -> content."""
    from .handouts import course_title

    found = sorted(notebooks.glob("[0-9][0-9]_*.ipynb")) if notebooks.is_dir() else []
    if not found:
        raise FileNotFoundError(f"no student notebooks in {notebooks}: run `make notebooks`")
    files = {f"chapters/{nb.name}": nb.read_bytes() for nb in found}
    files["README.md"] = STUDENT_README.format(title=course_title()).encode("utf-8")
    for name in ("LICENSE", "LICENSE-CONTENT"):
        files[name] = (ROOT / name).read_bytes()
    return files


def student_zip(files: dict[str, bytes], target: Path) -> Path:
    """The student files as a zip, one folder inside, with fixed dates (same input, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"student-notebooks/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, files[name])
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_bytes() != buffer.getvalue():
        target.write_bytes(buffer.getvalue())
    return target


def downloads() -> list[str]:
    """The names of the files the full book offers for download, in the order listed."""
    from meishi.chapters import discover

    from .coursepdf import COURSE_PDF
    from .handouts import ANSWER_KEY, GLOSSARY

    return [f"{c.stem}.pdf" for c in discover()] + [GLOSSARY, ANSWER_KEY, COURSE_PDF, STUDENT_ZIP]


def _copy_tree(source: Path, target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".buildinfo"))


def assemble(out: Path = PUBLISH, *, html: Path = HTML, student_html: Path = STUDENT_HTML,
             notebooks: Path = STUDENT_NOTEBOOKS) -> dict[str, int]:
    """Write ``out`` (see the module's docstring); returns every published file's size."""
    problems = []
    if not (html / "index.html").is_file():
        problems.append(f"{html} has no book: run `make book`")
    missing = [n for n in downloads() if not (html / DOWNLOADS / n).is_file()]
    if missing:
        problems.append(f"the book offers no {', '.join(missing)}: run `make notebooks`, "
                        "`make handouts`, then `make book` again (or `make publish`)")
    if problems:
        raise SystemExit("publish: " + "; ".join(problems))
    if out.exists():
        shutil.rmtree(out)
    site = out / "site"
    _copy_tree(html, site)
    if (student_html / "index.html").is_file():
        _copy_tree(student_html, site / "student")
    branch = out / "student-branch"
    for name, data in student_files(notebooks).items():
        (branch / name).parent.mkdir(parents=True, exist_ok=True)
        (branch / name).write_bytes(data)
    broken = links.broken(site)
    if broken:
        raise SystemExit("publish: links that do not resolve:\n  " + "\n  ".join(broken[:20]))
    sizes = {p.relative_to(out).as_posix(): p.stat().st_size
             for p in sorted(out.rglob("*")) if p.is_file()}
    (out / "manifest.json").write_text(json.dumps(sizes, indent=1) + "\n", encoding="utf-8")
    return sizes


def commit_student_branch(repo: Path, source: Path, branch: str = "student") -> str:
    """Commit ``source``'s files as the next commit of ``branch`` in the git repository ``repo``.

    The branch's previous commit (if any) is the parent, so nbgitpuller's
    merge into a student's copy always finds a common history.  Nothing is
    committed when the files did not change.  Returns the branch's commit.
    """
    from .gitbranch import commit_tree

    head = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False).stdout.strip()
    return commit_tree(repo, source, branch,
                       message=f"Student notebooks, from {head or 'the course'}")


def _table(sizes: dict[str, int]) -> str:
    rows = ["| Published file | Size |", "|---|---:|"]
    for name, size in sizes.items():
        if name.startswith((f"site/{DOWNLOADS}/", "student-branch/")):
            rows.append(f"| {name} | {size / 1e6:.2f} MB |" if size >= 1e5
                        else f"| {name} | {size / 1e3:.1f} KB |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=PUBLISH)
    parser.add_argument("--commit-student-branch", action="store_true",
                        help="commit student-branch/ on the local `student` branch")
    parser.add_argument("--if-chromium", action="store_true",
                        help="skip, with a message, on a machine without Chromium (no PDFs)")
    args = parser.parse_args(argv)
    if args.if_chromium:
        from .devserver import chromium_path

        if chromium_path() is None:
            print("publish skipped: Chromium not found, so there are no PDFs", file=sys.stderr)
            return 0
    sizes = assemble(args.out)
    print(_table(sizes))
    total = sum(s for n, s in sizes.items() if n.startswith("site/"))
    print(f"site: {sum(n.startswith('site/') for n in sizes)} files, {total / 1e6:.1f} MB",
          file=sys.stderr)
    if args.commit_student_branch:
        print("student branch at", commit_student_branch(ROOT, args.out / "student-branch"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
