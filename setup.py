"""Build hook for the course package's wheel (configuration is in pyproject.toml).

``pip wheel .`` / ``make wheel`` copies what :mod:`meishi.paths` reads at
run time into the built package, so the wheel needs no checkout and no npm:
``assets/data``, ``chapters/quizzes``, ``chapters/claims`` and
``chapters/predictions`` into ``meishi/_data`` (same layout, with
``LICENSE-CONTENT``, the licence of the quizzes, claims and predictions),
and the built widget front ends (``web/dist``, from ``make web``) into
``meishi/_dist``.  The copies go to the build folder only, never into
``src/meishi``; an editable install (``pip install -e .``) copies nothing and
reads the checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: checkout folder -> folder inside the built package ``meishi``
STAGED = {
    "assets/data": "_data/assets/data",
    "chapters/quizzes": "_data/chapters/quizzes",
    "chapters/claims": "_data/chapters/claims",
    "chapters/predictions": "_data/chapters/predictions",
    "web/dist": "_dist",
}
KINDS = {"assets/data": (".csv", ".yml"), "chapters/quizzes": (".yml",),
         "chapters/claims": (".yml",), "chapters/predictions": (".yml",),
         "web/dist": (".js", ".css")}


class BuildWithCourseData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        missing = [src for src in STAGED if not (HERE / src).is_dir()]
        if "web/dist" not in missing and not any((HERE / "web/dist").glob("*.js")):
            missing.append("web/dist")
        if missing:
            raise SystemExit(
                f"cannot build the meishi wheel: {', '.join(missing)} missing "
                "(run `make web` for web/dist, or build with `make wheel`)"
            )
        package = Path(self.build_lib) / "meishi"
        for src, dest in STAGED.items():
            target = package / dest
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            for path in sorted((HERE / src).iterdir()):
                if path.is_file() and path.suffix in KINDS[src]:
                    shutil.copy2(path, target / path.name)
        # The quizzes and claims are course content under CC BY 4.0: the licence goes with them.
        shutil.copy2(HERE / "LICENSE-CONTENT", package / "_data" / "LICENSE-CONTENT")


setup(cmdclass={"build_py": BuildWithCourseData})
