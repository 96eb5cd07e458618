"""The JupyterHub launch button pulls the student notebooks, so only chapters keep it.

``repository: branch`` in ``_config.yml`` is ``student``: the branch CI fills
with the student notebooks alone (:mod:`meishi_build.publish`), laid out as
``chapters/NN_slug.ipynb`` so the button's nbgitpuller link (built by
sphinx-book-theme from the page's path) opens the chapter the reader is on.
No other page has a notebook on that branch (the teacher's guide pages and
the data-sources page stay out of it), so their button would open a missing
file; it is removed from them.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["launch_on_chapters_only", "setup"]

_CHAPTER = re.compile(r"chapters/\d\d_\w+")


def launch_on_chapters_only(app: Any, pagename: str, templatename: str, context: dict,
                            doctree: Any) -> None:
    if _CHAPTER.fullmatch(pagename):
        return
    groups = context.get("header_buttons")
    if isinstance(groups, list):
        groups[:] = [g for g in groups if g.get("label") != "launch-buttons"]


def setup(app: Any) -> None:
    # after sphinx-book-theme has added the launch buttons (default priority)
    app.connect("html-page-context", launch_on_chapters_only, priority=901)
