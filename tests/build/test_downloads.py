"""The course's downloads in the book, and how CI publishes them
(meishi_build.sitedownloads, meishi_build.launchlinks, .github/workflows/ci.yml, `make publish`).

A small Sphinx build in tmp_path shows the ``download-file`` role linking a
file that exists (and copying it into the site) and naming the command for
one that does not; the built book's teacher page must link every download,
each link must open the file the command made, and no learner's page may
link the answer key.  The workflow must parse and name each artefact it
publishes.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import HTML, ROOT, require
from meishi_build import launchlinks, publish, sitedownloads

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
RUNNING = HTML / "chapters" / "teachers" / "running.html"


# -- the role, in a small Sphinx project -----------------------------------------------------

def _build(src: Path, out: Path, fresh: bool) -> str:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    warnings = io.StringIO()
    with docutils_namespace():  # each app registers its nodes afresh, as sphinx.testing does
        app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None,
                     warning=warnings, freshenv=fresh)
        app.build()
    assert warnings.getvalue() == "", warnings.getvalue()
    return (out / "teachers.html").read_text(encoding="utf-8")


def test_role_links_a_made_file_and_names_the_command_for_a_missing_one(tmp_path, monkeypatch):
    build = tmp_path / "_build"
    (build / "handouts").mkdir(parents=True)
    (build / "handouts" / "answer-key.pdf").write_bytes(b"%PDF" + b"0" * 2_500_000)
    monkeypatch.setattr(sitedownloads, "BUILD", build)
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["meishi_build.sitedownloads"]\n'
                                 'html_theme = "basic"\n', encoding="utf-8")
    (src / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   teachers\n",
                                   encoding="utf-8")
    (src / "teachers.rst").write_text(
        "Teachers\n========\n\n:download-file:`The key <answer-key.pdf>` and "
        ":download-file:`Course <whole-course.pdf>` and "
        ":download-file:`Notebooks <student-notebooks.zip>`.\n", encoding="utf-8")
    out = tmp_path / "html"
    page = BeautifulSoup(_build(src, out, fresh=True), "html.parser")
    link = page.select_one("a.meishi-download")
    assert link["href"] == "_handouts/answer-key.pdf" and link.get_text() == "The key"
    text = " ".join(page.get_text(" ").split())
    assert "The key (PDF, 2.5 MB)" in text
    assert "Course (not built yet: `make handouts` makes whole-course.pdf)" in text
    assert "Notebooks (not built yet: `make notebooks` makes student-notebooks.zip)" in text
    assert sorted(p.name for p in (out / "_handouts").iterdir()) == ["answer-key.pdf"]
    # the file appears after the first build: the next build writes the page again
    (build / "handouts" / "whole-course.pdf").write_bytes(b"%PDF" + b"0" * 50_000)
    page = BeautifulSoup(_build(src, out, fresh=False), "html.parser")
    assert [a["href"] for a in page.select("a.meishi-download")] == [
        "_handouts/answer-key.pdf", "_handouts/whole-course.pdf"]
    assert "(PDF, 50 KB)" in page.get_text(" ")
    assert (out / "_handouts" / "whole-course.pdf").read_bytes() == \
        (build / "handouts" / "whole-course.pdf").read_bytes()


def test_hub_link_pulls_the_student_branch_and_only_chapters_have_it(tmp_path):
    """sphinx-book-theme builds the nbgitpuller link from repository_branch (``repository:
    branch`` in _config.yml) and the page's path, which the student branch keeps."""
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace

    branch = yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))["repository"]["branch"]
    src = tmp_path / "src"
    (src / "chapters" / "teachers").mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["myst_nb", "meishi_build.launchlinks"]\n'
        'html_theme = "sphinx_book_theme"\nnb_execution_mode = "off"\n'
        'html_theme_options = {"repository_url": "https://github.com/team/course",\n'
        f'  "repository_branch": {branch!r},\n'
        '  "launch_buttons": {"jupyterhub_url": "https://hub.example.edu",\n'
        '                     "notebook_interface": "jupyterlab"}}\n', encoding="utf-8")
    cell = {"cell_type": "markdown", "id": "a", "metadata": {}, "source": "# Title\n\nText."}
    notebook = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    for page in ("chapters/01_profile_signal", "chapters/teachers/guide_01_profile_signal"):
        (src / f"{page}.ipynb").write_text(notebook, encoding="utf-8")
    (src / "index.md").write_text("# Index\n\n```{toctree}\nchapters/01_profile_signal\n"
                                  "chapters/teachers/guide_01_profile_signal\n```\n",
                                  encoding="utf-8")
    out = tmp_path / "html"
    with docutils_namespace():
        Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None,
               warning=io.StringIO(), freshenv=True).build()

    def hub_links(page: str) -> list[str]:
        soup = BeautifulSoup((out / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
        return [a["href"] for a in soup.select('a[href*="git-pull"]')]

    link, = hub_links("chapters/01_profile_signal")
    assert "branch=student" in link
    assert "urlpath=lab/tree/course/chapters/01_profile_signal.ipynb" in link
    assert hub_links("chapters/teachers/guide_01_profile_signal") == []


def test_launch_button_is_kept_on_chapters_only():
    def context():
        return {"header_buttons": [{"label": "download-buttons"}, {"label": "launch-buttons"}]}

    for page, kept in [("chapters/01_profile_signal", 2), ("chapters/teachers/guide_01_x", 1),
                       ("chapters/data_sources", 1), ("index", 1)]:
        ctx = context()
        launchlinks.launch_on_chapters_only(None, page, "page.html", ctx, None)
        assert len(ctx["header_buttons"]) == kept, page


# -- the built book ------------------------------------------------------------------------------

def _running() -> BeautifulSoup:
    require(RUNNING.is_file(), "the book is not built: run `make book`")
    return BeautifulSoup(RUNNING.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name", publish.downloads())
def test_teacher_page_links_each_download_that_exists_and_the_link_opens_it(name):
    page = _running()
    made = sitedownloads.source(name)
    require(made is not None, f"{name} is not made: run `make publish`")
    links = [a for a in page.select("a.meishi-download") if a["href"].endswith(f"/{name}")]
    assert len(links) == 1, name
    target = (RUNNING.parent / links[0]["href"]).resolve()
    assert target == (HTML / publish.DOWNLOADS / name).resolve()
    require(target.is_file(), f"{name} is not in the site yet: build the book again")
    assert target.read_bytes() == made.read_bytes() or target.stat().st_mtime >= \
        made.stat().st_mtime - 1, f"{name}: the site's copy is not the one made"
    # what the download is for is said beside it
    item = links[0].find_parent("li")
    assert len(item.get_text(" ", strip=True)) > 150, name


def test_no_learner_page_links_the_answer_key():
    require((HTML / "index.html").is_file(), "the book is not built: run `make book`")
    for path in HTML.rglob("*.html"):
        rel = path.relative_to(HTML).as_posix()
        if rel.startswith(("chapters/teachers/", "_static/")):
            continue
        assert "answer-key.pdf" not in path.read_text(encoding="utf-8"), rel


# -- CI and make ---------------------------------------------------------------------------------

def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_workflow_parses_and_publishes_each_artefact():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    test = _steps(jobs["test"])
    runs = [s.get("run", "") for s in test]
    ci_run = next(i for i, r in enumerate(runs) if ".ci/run" in r)
    gather = next(i for i, r in enumerate(runs) if "meishi_build.publish" in r)
    assert gather > ci_run, "publishing gathers what make test built"
    uploads = {s["with"].get("name", s["uses"].split("@")[0]): s["with"]["path"]
               for s in test if s.get("uses", "").startswith(("actions/upload-artifact",
                                                             "actions/upload-pages-artifact"))}
    assert uploads["course-downloads"].rstrip("/") == f"_build/publish/site/{publish.DOWNLOADS}"
    assert uploads["student-branch"].rstrip("/") == "_build/publish/student-branch"
    assert uploads["actions/upload-pages-artifact"] == "_build/publish/site"
    branch = jobs["student-branch"]
    assert branch["needs"] == "test" and branch["permissions"] == {"contents": "write"}
    script = "\n".join(s.get("run", "") for s in _steps(branch))
    assert "src/meishi_build/gitbranch.py" in script
    assert "git push origin refs/heads/student:refs/heads/student" in script
    assert not re.search(r"--force|\s-f\s|\+refs/", script), "never a force-push"
    assert any(s.get("with", {}).get("name") == "student-branch" for s in _steps(branch))
    assert jobs["deploy"]["needs"] == "test"
    for job in ("student-branch", "deploy"):
        assert "refs/heads/main" in jobs[job]["if"] and "pull_request" in jobs[job]["if"]


def test_make_publish_gathers_after_printing_and_building():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rule = re.search(r"^publish:(.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert rule, "no publish target"
    assert {"handouts", "notebooks"} <= set(rule[1].split())
    assert rule[2].splitlines()[-1].strip() == "$(BIN)/python -m meishi_build.publish"
