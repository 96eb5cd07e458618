"""Links from a page to the course's downloads, copied into the built site.

The teacher's pages link files that other commands make: the handouts, the
answer key and the whole course as one PDF (``make handouts``, in
``_build/handouts/``) and the student notebooks (``make notebooks``, in
``_build/classroom/student/``, zipped here into
``_build/classroom/student-notebooks.zip``).  A page names one with the
``download-file`` role::

    {download-file}`The whole course <whole-course.pdf>`

When the file exists at build time, the role is a link to its copy in the
site's ``_handouts/`` folder, with its kind and size ("PDF, 4.9 MB"), and
the file is copied there when the build finishes; when it does not, the
role prints its text and says which command makes it, so the book never
links a missing file.  Only files some page names are copied: the student
edition, which has no teacher's pages, carries no answer key.  A page is
written again when a file it names appears, goes or changes size.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from meishi.paths import BUILD

__all__ = ["SITE_FOLDER", "DownloadLinks", "copy_downloads", "label", "setup", "source"]

SITE_FOLDER = "_handouts"
STUDENT_ZIP = "student-notebooks.zip"
_MAKES = {STUDENT_ZIP: "make notebooks"}
_ROLE = re.compile(r"^(?P<text>.*?)\s*<(?P<name>[\w.-]+)>$", re.S)


class download_file(nodes.Inline, nodes.TextElement):
    """A link to a download, resolved when the page is written."""


def source(name: str, build: Path | None = None) -> Path | None:
    """Where the download ``name`` comes from, when it has been made.

    The student notebooks' zip is (re)written here, next to the notebooks,
    from what ``make notebooks`` wrote (the same notebooks give the same bytes).
    """
    build = BUILD if build is None else build
    if name == STUDENT_ZIP:
        from .publish import student_files, student_zip

        folder = build / "classroom" / "student"
        if not (folder.is_dir() and any(folder.glob("[0-9][0-9]_*.ipynb"))):
            return None
        return student_zip(student_files(folder), build / "classroom" / STUDENT_ZIP)
    path = build / "handouts" / name
    return path if path.is_file() else None


def label(name: str, path: Path) -> str:
    """The kind and size shown after the link: "PDF, 4.9 MB"."""
    kind = "zip" if name.endswith(".zip") else name.rsplit(".", 1)[-1].upper()
    size = path.stat().st_size
    return f"{kind}, {size / 1e6:.1f} MB" if size >= 1e5 else f"{kind}, {size / 1e3:.0f} KB"


def download_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    found = _ROLE.match(text)
    title, target = (found["text"], found["name"]) if found else (text, text)
    if not re.fullmatch(r"[\w.-]+", target):
        message = inliner.reporter.error(f"download-file: {target!r} is not a file name",
                                         line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    env = inliner.document.settings.env
    env.meishi_downloads = getattr(env, "meishi_downloads", {})
    env.meishi_downloads.setdefault(env.docname, set()).add(target)
    return [download_file(rawtext, title or target, name=target)], []


class DownloadLinks(SphinxPostTransform):
    """Each ``download-file`` becomes a link to ``_handouts/NAME``, or says what makes it."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        docname = self.env.docname
        up = "../" * docname.count("/")
        for node in list(self.document.findall(download_file)):
            name = node["name"]
            path = source(name)
            if path is None:
                make = _MAKES.get(name, "make handouts")
                new = [nodes.strong(text=node.astext()),
                       nodes.Text(f" (not built yet: `{make}` makes {name})")]
            else:
                link = nodes.reference("", "", nodes.Text(node.astext()),
                                       refuri=f"{up}{SITE_FOLDER}/{name}", internal=False)
                link["classes"].append("meishi-download")
                new = [link, nodes.Text(f" ({label(name, path)})")]
            node.replace_self(new)


def _signature(names: set[str]) -> tuple:
    return tuple(sorted((n, label(n, p) if (p := source(n)) else "") for n in names))


def outdated(app: Any, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Pages whose downloads appeared, went or changed size since the last build."""
    used = getattr(env, "meishi_downloads", {})
    now = {doc: _signature(names) for doc, names in used.items() if doc in env.found_docs}
    before = getattr(env, "meishi_downloads_seen", {})
    env.meishi_downloads_seen = now
    return [doc for doc, sig in now.items()
            if sig != before.get(doc) and doc not in added | changed]


def purge(app: Any, env: Any, docname: str) -> None:
    getattr(env, "meishi_downloads", {}).pop(docname, None)


def merge(app: Any, env: Any, docnames: set, other: Any) -> None:
    mine = env.meishi_downloads = getattr(env, "meishi_downloads", {})
    for doc, names in getattr(other, "meishi_downloads", {}).items():
        if doc in docnames:
            mine[doc] = set(names)


def copy_downloads(app: Any, exception: Exception | None) -> None:
    """Copy every download a page links into ``_handouts/``."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    names = set().union(*getattr(app.env, "meishi_downloads", {}).values())
    target = Path(app.outdir) / SITE_FOLDER
    for name in sorted(names):
        path = source(name)
        if path is None:
            continue
        target.mkdir(exist_ok=True)
        shutil.copy2(path, target / name)


def setup(app: Any) -> None:
    app.add_role("download-file", download_role)
    app.add_node(download_file)
    app.add_post_transform(DownloadLinks)
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("build-finished", copy_downloads)
