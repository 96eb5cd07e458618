"""What CI publishes (meishi_build.publish, `make publish`): the site with its downloads,
the student edition, and the student branch that nbgitpuller links pull.

Unit tests assemble a small fake build in tmp_path; the others check the
real _build/publish/ that `make publish` (or CI) wrote: every download there,
with its size in the manifest, every link among the published pages and
files resolving, and the student files holding no answers and nothing of
the instructor material.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers import ROOT, chromium_path, require
from meishi.chapters import discover
from meishi.paths import BUILD
from meishi_build import gitbranch, links, publish, versions

CHAPTERS = discover()
PUBLISHED = publish.PUBLISH


def _site(root: Path, downloads: list[str], pages: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True)
    (root / "index.html").write_text(
        '<a href="chapters/a.html#top">a</a> <link href="_static/s.css">', encoding="utf-8")
    (root / "chapters").mkdir()
    (root / "chapters" / "a.html").write_text('<h1 id="top">A</h1>', encoding="utf-8")
    (root / "_static").mkdir()
    (root / "_static" / "s.css").write_text("", encoding="utf-8")
    (root / "_static" / "theme-template.html").write_text('<a href="{{ x }}">', encoding="utf-8")
    for name, body in (pages or {}).items():
        (root / name).write_text(body, encoding="utf-8")
    (root / publish.DOWNLOADS).mkdir()
    for name in downloads:
        (root / publish.DOWNLOADS / name).write_bytes(b"x" * 10)
    return root


def _notebooks(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for chapter in CHAPTERS:
        (folder / chapter.notebook.name).write_text('{"cells": []}', encoding="utf-8")
    return folder


# -- links ---------------------------------------------------------------------------------------

def test_links_finds_missing_files_anchors_and_escapes_and_skips_templates(tmp_path):
    site = _site(tmp_path / "site", [], {
        "b.html": ('<a href="chapters/a.html#nowhere">1</a><img src="gone.png">'
                   '<a href="../outside.html">2</a><a href="https://example.org/x">3</a>'
                   '<a href="#">4</a><a href="mailto:a@b">5</a><a href="chapters/">6</a>')})
    problems = links.broken(site)
    assert sorted(problems) == sorted([
        "b.html: chapters/a.html#nowhere (no such anchor)", "b.html: gone.png",
        "b.html: ../outside.html (outside the site)", "b.html: chapters/"])
    (site / "chapters" / "index.html").write_text("", encoding="utf-8")
    assert len(links.broken(site)) == 3


# -- assemble ------------------------------------------------------------------------------------

def test_publish_refuses_a_book_without_its_downloads_and_names_the_commands(tmp_path):
    html = _site(tmp_path / "html", publish.downloads()[:-1])
    with pytest.raises(SystemExit, match=r"student-notebooks\.zip.*make notebooks"):
        publish.assemble(tmp_path / "out", html=html, student_html=tmp_path / "none",
                         notebooks=_notebooks(tmp_path / "nb"))
    assert not (tmp_path / "out").exists()


def test_publish_refuses_a_broken_link(tmp_path):
    html = _site(tmp_path / "html", publish.downloads(),
                 {"c.html": '<a href="_handouts/missing.pdf">x</a>'})
    with pytest.raises(SystemExit, match=r"c\.html: _handouts/missing\.pdf"):
        publish.assemble(tmp_path / "out", html=html, student_html=tmp_path / "none",
                         notebooks=_notebooks(tmp_path / "nb"))


def test_publish_lays_out_site_student_edition_branch_and_manifest(tmp_path):
    html = _site(tmp_path / "html", publish.downloads())
    student = _site(tmp_path / "student", [f"{c.stem}.pdf" for c in CHAPTERS])
    sizes = publish.assemble(tmp_path / "out", html=html, student_html=student,
                             notebooks=_notebooks(tmp_path / "nb"))
    out = tmp_path / "out"
    for name in publish.downloads():
        assert sizes[f"site/_handouts/{name}"] == 10
    assert (out / "site" / "student" / "index.html").is_file()
    assert not (out / "site" / "student" / "_handouts" / "answer-key.pdf").exists()
    branch = sorted(p.relative_to(out / "student-branch").as_posix()
                    for p in (out / "student-branch").rglob("*") if p.is_file())
    assert branch == sorted(["LICENSE", "LICENSE-CONTENT", "README.md"]
                            + [f"chapters/{c.notebook.name}" for c in CHAPTERS])
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest == sizes
    assert manifest == {p.relative_to(out).as_posix(): p.stat().st_size
                        for p in out.rglob("*") if p.is_file() and p.name != "manifest.json"}


def test_student_zip_is_reproducible_and_holds_only_the_student_files(tmp_path):
    files = {"chapters/01_x.ipynb": b"{}", "README.md": b"r"}
    first = publish.student_zip(files, tmp_path / "a.zip").read_bytes()
    second = publish.student_zip(dict(reversed(files.items())), tmp_path / "b.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.zip") as z:
        assert z.namelist() == ["student-notebooks/README.md",
                                "student-notebooks/chapters/01_x.ipynb"]


# -- the student branch --------------------------------------------------------------------------

def _run(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def test_student_branch_grows_one_commit_at_a_time_and_leaves_the_checkout_alone(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _run(repo, "init", "-q", "-b", "main")
    (repo / "tracked.txt").write_text("mine", encoding="utf-8")
    _run(repo, "add", "tracked.txt")
    _run(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "start")
    head, status = _run(repo, "rev-parse", "HEAD"), _run(repo, "status", "--porcelain")
    source = tmp_path / "files"
    (source / "chapters").mkdir(parents=True)
    (source / "chapters" / "01_x.ipynb").write_text("v1", encoding="utf-8")
    first = gitbranch.commit_tree(repo, source, "student", "one")
    assert gitbranch.commit_tree(repo, source, "student", "same") == first  # nothing changed
    (source / "chapters" / "01_x.ipynb").write_text("v2", encoding="utf-8")
    (source / "README.md").write_text("r", encoding="utf-8")
    second = gitbranch.commit_tree(repo, source, "student", "two")
    assert _run(repo, "rev-list", "student").split() == [second, first]  # one line of history
    assert _run(repo, "ls-tree", "-r", "--name-only", "student").split() == \
        ["README.md", "chapters/01_x.ipynb"]
    assert _run(repo, "show", "student:chapters/01_x.ipynb") == "v2"
    assert _run(repo, "rev-parse", "HEAD") == head
    assert _run(repo, "status", "--porcelain") == status
    assert _run(repo, "symbolic-ref", "--short", "HEAD") == "main"


# -- the real build ------------------------------------------------------------------------------

def _require(path: Path, command: str, *, printed: bool = False) -> None:
    """Skip when ``path`` was not made; fail instead under `make test`, unless it needs the
    PDFs (``printed``) and there is no Chromium to print them (they are skipped then)."""
    message = f"{path} is missing: run `{command}`"
    if not path.exists() and os.environ.get("MEISHI_REQUIRE_BUILD") and (
            chromium_path() or not printed):
        pytest.fail(message)
    require(path.exists(), message)


def _cells(nb: dict) -> str:
    return "\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                     for c in nb["cells"])


def _distinct_lines(text: str) -> set[str]:
    """Long lines of plain prose (no MyST, no markup), which resolving leaves as they are."""
    return {ln.strip() for ln in text.splitlines()
            if len(ln.strip()) > 40 and not re.search(r"[{}`\[\]<>*:|$]", ln)}


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda c: c.stem)
def test_published_student_notebook_has_no_answer_or_teacher_text(chapter):
    student = BUILD / "classroom" / "student" / chapter.notebook.name
    instructor = BUILD / "classroom" / "instructor" / chapter.notebook.name
    _require(student, "make notebooks")
    files = publish.student_files()
    published = files[f"chapters/{chapter.notebook.name}"].decode("utf-8")
    assert published == student.read_text(encoding="utf-8")
    source = json.loads(chapter.notebook.read_text(encoding="utf-8"))
    hidden = set()
    for cell in source["cells"]:
        lines = "".join(cell["source"]).splitlines() if cell["cell_type"] == "markdown" else []
        for b in versions.blocks(lines):
            if b.name == "solution" or (b.name == "admonition" and (
                    versions.is_answer(b.arg) or versions.is_teacher(b.arg))):
                hidden |= _distinct_lines("\n".join(lines[b.start + 1:b.end]))
    full = _cells(json.loads(instructor.read_text(encoding="utf-8")))
    nb = json.loads(published)
    text = _cells(nb)
    shown = {line for line in hidden if line in full}
    assert shown, "no answer line to look for (the check would pass vacuously)"
    for line in shown:
        assert line not in text, line
    assert not any("quiz()" in "".join(c["source"]) and "for_students" not in "".join(c["source"])
                   for c in nb["cells"] if c["cell_type"] == "code"), "a quiz with its key"


def test_student_files_are_the_chapters_readme_and_licences_only():
    _require(BUILD / "classroom" / "student", "make notebooks")
    names = set(publish.student_files())
    assert names == {"README.md", "LICENSE", "LICENSE-CONTENT"} | {
        f"chapters/{c.notebook.name}" for c in CHAPTERS}
    assert not any("teacher" in n or "instructor" in n or "quiz" in n for n in names)


def test_published_folder_has_every_download_and_every_link_resolves():
    _require(PUBLISHED / "manifest.json", "make publish` (make test runs `meishi_build.publish",
             printed=True)
    manifest = json.loads((PUBLISHED / "manifest.json").read_text(encoding="utf-8"))
    for name in publish.downloads():
        size = manifest[f"site/_handouts/{name}"]
        assert size > (10_000 if name.endswith(".zip") else 100_000), (name, size)
    for name, size in manifest.items():
        assert (PUBLISHED / name).stat().st_size == size, name
    assert links.broken(PUBLISHED / "site") == []
    assert (PUBLISHED / "student-branch" / "README.md").is_file()
    with zipfile.ZipFile(PUBLISHED / "site" / "_handouts" / publish.STUDENT_ZIP) as z:
        zipped = {n.removeprefix("student-notebooks/"): z.read(n) for n in z.namelist()}
    on_branch = {p.relative_to(PUBLISHED / "student-branch").as_posix(): p.read_bytes()
                 for p in (PUBLISHED / "student-branch").rglob("*") if p.is_file()}
    assert zipped == on_branch
    student = PUBLISHED / "site" / "student"
    if student.is_dir():  # the student edition carries no answer key
        assert not (student / "_handouts" / "answer-key.pdf").exists()
        assert "answer-key.pdf" not in "".join(
            p.read_text(encoding="utf-8") for p in student.rglob("*.html"))


def test_the_branch_the_book_pulls_is_the_one_ci_pushes():
    import yaml

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    branch = config["repository"]["branch"]
    assert branch == "student"
    assert f"refs/heads/{branch}:refs/heads/{branch}" in workflow
