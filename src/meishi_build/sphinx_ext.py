"""A small Sphinx extension that keeps the built pages light and error-free.

Registered in ``_config.yml`` (``sphinx: extra_extensions``).  At the end of
each page's context it

* drops the widget host script from pages that have no widgets: myst-nb
  adds it per page, but with Sphinx 7.4 it then stays in the builder's
  script list for every later page;
* removes scripts added twice (sphinx-togglebutton's and sphinx-thebe's
  settings end up twice in every page, and a second ``const THEBE_JS_URL``
  is a console error);
* removes sphinx-thebe's scripts and style when thebe is off in the book's
  configuration (the course runs live in JupyterLab instead);
* lets the "Show code cell source" toggles be named by their visible text,
  and makes bibliography entries list items of their list.

It also puts a link to the course's repository on every page when the
repository's address is known: ``meishi_repository_url`` in ``_config.yml``
(``sphinx: config``), or, when that is empty, the address GitHub Actions
gives the build (``GITHUB_SERVER_URL`` and ``GITHUB_REPOSITORY``), so the
book deployed to GitHub Pages links to the repository it was built from.
With neither there is no button (rather than a link to a wrong address).

For readers on phones (issue 24) it also

* removes the source of code cells that only show a widget and are tagged
  ``hide-input`` (``chapter.SignalWidget()``): the notebooks keep the code,
  the page keeps only the widget, and one "Look inside the model" line after
  a chapter's last widget points the curious at the code;
* offers the chapter's PDF handout in the download menu, in place of the
  theme's "print this page", when ``make handouts`` has made it
  (``_build/handouts/NN_slug.pdf``): the handout is copied into the site as
  ``_handouts/NN_slug.pdf``.  A book built before its handouts keeps the
  print button; the next build after ``make handouts`` writes those chapters
  again with the link (``env-get-outdated``).

The JupyterHub launch button (``launch_buttons: jupyterhub_url`` in
``_config.yml``, empty by default) builds an nbgitpuller link from that same
address; with a hub set and no address known the build stops with a message,
instead of pointing students at Jupyter Book's own repository (its default).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from meishi_build.altimage import add_picture_node

__all__ = ["WidgetCellsWithoutSource", "copy_handouts", "handout_for", "handouts_changed",
           "hub_url", "offer_handout", "page_has_widgets", "repository_url",
           "set_repository_button", "setup", "tidy_page_assets"]

_URL = re.compile(r"https://[A-Za-z0-9.-]+(?::[0-9]+)?/[A-Za-z0-9._-]+/[A-Za-z0-9._-]+")


def repository_url(configured: str, environ: Mapping[str, str]) -> str:
    """The repository address to link, or "" when none is known.

    ``configured`` wins; otherwise GitHub Actions' variables are used.  An
    address that is not ``https://host/owner/name`` is refused with a
    ValueError naming the setting, so a typo fails the build instead of
    shipping a broken link.
    """
    url = (configured or "").strip().rstrip("/")
    source = "meishi_repository_url in _config.yml"
    if not url:
        server = environ.get("GITHUB_SERVER_URL", "").strip().rstrip("/")
        repo = environ.get("GITHUB_REPOSITORY", "").strip()
        if not (server and repo):
            return ""
        url, source = f"{server}/{repo}", "GITHUB_SERVER_URL/GITHUB_REPOSITORY"
    if not _URL.fullmatch(url):
        raise ValueError(f"{source}: {url!r} is not an https://host/owner/name address")
    return url


def hub_url(theme_options: Mapping[str, Any]) -> str:
    """The JupyterHub the launch button points at, or "" when the button is off."""
    launch = theme_options.get("launch_buttons") or {}
    return str(launch.get("jupyterhub_url") or "").strip().rstrip("/")


def set_repository_button(app: Any, config: Any) -> None:
    url = repository_url(config.meishi_repository_url, os.environ)
    hub = hub_url(config.html_theme_options or {})
    if hub and not re.fullmatch(r"https?://[A-Za-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~/-]*)?",
                                hub):
        raise ValueError(f"launch_buttons: jupyterhub_url in _config.yml: {hub!r} is not "
                         "a hub's address (https://hub.example.edu)")
    if hub and not url:
        raise ValueError("launch_buttons: jupyterhub_url is set in _config.yml, but the "
                         "course's repository address is not known: set "
                         "meishi_repository_url (sphinx: config) so the launch button's "
                         "nbgitpuller link pulls the right repository")
    if not url:
        return
    options = dict(config.html_theme_options or {})
    options.update(repository_url=url, use_repository_button=True)
    config.html_theme_options = options


def _is_thebe(asset: Any) -> bool:
    filename = str(getattr(asset, "filename", asset) or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return "sphinx-thebe" in filename or "THEBE_JS_URL" in body or "thebe@" in filename


def _key(asset: Any) -> tuple:
    attributes = getattr(asset, "attributes", {}) or {}
    return (str(getattr(asset, "filename", asset) or ""), str(attributes.get("body", "")),
            str(attributes.get("type", "")))


def page_has_widgets(app: Any, pagename: str) -> bool:
    from myst_nb.sphinx_ import NbMetadataCollector

    return "ipywidgets_state" in NbMetadataCollector.get_js_files(app.env, pagename)


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Stands for the chapter notebook's address in the "Look inside the model"
#: line until the page is written (tidy_page_assets knows the page's path).
NOTEBOOK_HREF = "meishi-notebook-source-href"
INSIDE_THE_MODEL = (
    '<p class="meishi-inside-model"><a href="' + NOTEBOOK_HREF + '">Look inside the model</a>: '
    "the Python behind this chapter's widgets is in the chapter's notebook (.ipynb), "
    "which runs in JupyterLab. No programming is needed to use the widgets above.</p>")


def _shows_widget(cell: nodes.Element) -> bool:
    return any(WIDGET_VIEW in raw.astext() for raw in cell.findall(nodes.raw))


class WidgetCellsWithoutSource(SphinxPostTransform):
    """A widget cell tagged ``hide-input`` loses its source in the HTML.

    Before myst-nb's HideInputCells (priority 199) folds it behind "Show code
    cell source": a course that needs no programming puts no code fold above
    each widget.  After the page's last widget, one line links the notebook.
    Other ``hide-input`` cells (worked solutions' code) keep their fold.
    """

    default_priority = 150
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        last = None
        for cell in list(self.document.findall(nodes.container)):
            if (cell.get("nb_element") != "cell_code" or cell.get("hide_mode") != "input"
                    or not cell.children
                    or cell.children[0].get("nb_element") != "cell_code_source"
                    or not _shows_widget(cell)):
                continue
            cell.remove(cell.children[0])
            del cell["hide_mode"]
            cell["classes"].append("meishi-widget-cell")
            last = cell
        if last is not None:
            last.parent.insert(last.parent.index(last) + 1,
                               nodes.raw("", INSIDE_THE_MODEL, format="html"))


def handout_for(pagename: str, handouts: Path) -> Path | None:
    """The handout PDF ``make handouts`` printed from this chapter page, if any."""
    folder, _, stem = pagename.rpartition("/")
    if folder != "chapters" or not re.fullmatch(r"\d\d_\w+", stem):
        return None
    pdf = handouts / f"{stem}.pdf"
    return pdf if pdf.is_file() else None


def _handouts_dir(app: Any) -> Path | None:
    outdir = getattr(app, "outdir", None)
    return Path(outdir).parent / "handouts" if outdir else None


def offer_handout(app: Any, pagename: str, context: dict) -> None:
    """Put the chapter's PDF handout first in the download menu (for the print button)."""
    handouts = _handouts_dir(app)
    pathto = context.get("pathto")
    pdf = handout_for(pagename, handouts) if handouts and pathto else None
    if pdf is None:
        return
    for group in context.get("header_buttons") or []:
        if group.get("label") != "download-buttons":
            continue
        buttons = [b for b in group.get("buttons", []) if b.get("label") != "download-pdf-button"]
        buttons.insert(0, {
            "type": "link",
            "url": pathto(f"_handouts/{pdf.name}", 1),
            "text": "PDF handout",
            "icon": "fas fa-file-pdf",
            "tooltip": "The chapter as a printable handout (PDF)",
            "label": "download-handout-button",
        })
        group["buttons"] = buttons


def handouts_changed(app: Any, env: Any, added: set, changed: set, removed: set) -> list[str]:
    """Chapters whose handout appeared or went since the last build are written again,
    so the download menu links exactly the handouts that exist."""
    handouts = _handouts_dir(app)
    now = {doc: handout_for(doc, handouts) is not None
           for doc in env.found_docs if handouts and doc.startswith("chapters/")}
    before = getattr(env, "meishi_handouts_seen", {})
    env.meishi_handouts_seen = now
    return [doc for doc, has in now.items()
            if has != before.get(doc, False) and doc not in added | changed]


def copy_handouts(app: Any, exception: Exception | None) -> None:
    """Copy the handouts the pages link into the site (``_handouts/``)."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    handouts = _handouts_dir(app)
    linked = [pdf for doc in sorted(app.env.found_docs)
              if handouts and (pdf := handout_for(doc, handouts))]
    if linked:
        target = Path(app.outdir) / "_handouts"
        target.mkdir(exist_ok=True)
        for pdf in linked:
            shutil.copy2(pdf, target / pdf.name)


def tidy_page_assets(app: Any, pagename: str, templatename: str, context: dict,
                     doctree: Any) -> None:
    launch = (app.config.html_theme_options or {}).get("launch_buttons", {}) or {}
    thebe_off = not launch.get("thebe", False)
    runtime = {str(path) for path in (app.config["nb_ipywidgets_js"] or {})}
    has_widgets = page_has_widgets(app, pagename)

    scripts = context.get("script_files")
    if isinstance(scripts, list):
        seen: set[tuple] = set()
        keep = []
        for asset in scripts:
            key = _key(asset)
            if key in seen:
                continue
            filename = str(getattr(asset, "filename", asset) or "")
            if not has_widgets and any(filename.endswith(path) for path in runtime):
                continue
            if thebe_off and _is_thebe(asset):
                continue
            seen.add(key)
            keep.append(asset)
        scripts[:] = keep

    # myst-nb labels the "Show code cell source" toggle "Toggle hidden
    # content", so its accessible name does not match the text people see.
    # docutils marks bibliography entries role="doc-biblioentry" inside a
    # role="list" container; a list must hold list items (axe: critical).
    body = context.get("body")
    if isinstance(body, str):
        body = (body
                .replace('<summary aria-label="Toggle hidden content">', "<summary>")
                .replace('role="doc-biblioentry"', 'role="listitem"'))
        if NOTEBOOK_HREF in body:
            notebook = context.get("ipynb_source") or context.get("sourcename") or ""
            pathto = context.get("pathto")
            href = f"{pathto('_sources', 1)}/{notebook}" if pathto and notebook else ""
            body = body.replace(f'href="{NOTEBOOK_HREF}"', f'href="{href}"' if href else "")
        context["body"] = body

    offer_handout(app, pagename, context)

    styles = context.get("css_files")
    if isinstance(styles, list) and thebe_off:
        styles[:] = [s for s in styles if "sphinx-thebe" not in str(getattr(s, "filename", s))]


def setup(app: Any) -> dict[str, Any]:
    app.add_config_value("meishi_repository_url", "", "html", types=[str])
    app.connect("config-inited", set_repository_button)
    # After myst-nb (priority 500) has added the page's scripts.
    app.connect("html-page-context", tidy_page_assets, priority=900)
    app.add_post_transform(WidgetCellsWithoutSource)
    add_picture_node(app)  # a chart's phone rendering (meishi_build.altimage, issue 24)
    app.connect("env-get-outdated", handouts_changed)
    app.connect("build-finished", copy_handouts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
