"""Reuse and running it for a class: licences, citation, the launch button's setting.

The built pages' footers are checked in test_built_book.py.
"""

from __future__ import annotations

import json
import re
import tomllib

import yaml

from helpers import ROOT

# The top-level keys of Citation File Format 1.2.0 (schema.json, "properties").
CFF_KEYS = {"abstract", "authors", "cff-version", "commit", "contact", "date-released",
            "doi", "identifiers", "keywords", "license", "license-url", "message",
            "preferred-citation", "references", "repository", "repository-artifact",
            "repository-code", "title", "type", "url", "version"}


def _config() -> dict:
    return yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))


def test_code_is_under_mit_and_the_package_says_so():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) ")
    assert "Permission is hereby granted, free of charge" in text
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]


def test_content_licence_holds_the_full_cc_by_4_legal_code():
    text = (ROOT / "LICENSE-CONTENT").read_text(encoding="utf-8")
    assert "Creative Commons Attribution 4.0 International Public License" in text
    headings = re.findall(r"^Section (\d) -- ", text, re.M)
    assert headings == [str(n) for n in range(1, 9)]
    for phrase in ("Adapted Material means", "Sui Generis Database Rights",
                   "Disclaimer of Warranties and Limitation of Liability",
                   "Creative Commons may be contacted at creativecommons.org."):
        assert phrase in text
    assert len(text) > 18000


def test_the_citation_file_is_valid_cff():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert set(cff) <= CFF_KEYS, set(cff) - CFF_KEYS
    assert cff["cff-version"] == "1.2.0"
    assert cff["message"].strip() and cff["title"].strip()
    assert cff["type"] in ("software", "dataset")
    assert cff["authors"] and all(a.get("name") or a.get("family-names")
                                  for a in cff["authors"])
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(cff["date-released"]))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert cff["version"] == project["version"]


def test_the_launch_button_is_off_by_default_and_its_setting_is_documented():
    launch = _config()["launch_buttons"]
    assert "jupyterhub_url" in launch, "the documented setting must exist in _config.yml"
    assert launch["jupyterhub_url"] == "" and not launch["binderhub_url"]
    assert launch["notebook_interface"] == "jupyterlab"
    # the branch launch links pull: the student notebooks CI commits (tests/build/test_publish.py)
    assert _config()["repository"]["branch"] == "student"
    page = (ROOT / "chapters" / "teachers" / "running.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for text in (page, readme):
        assert "jupyterhub_url" in text and "user-redirect/git-pull?repo=" in text
        assert "make lab" in text and ".github/workflows/ci.yml" in text


def test_the_documented_workflow_publishes_to_pages():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text("utf-8"))
    steps = [step.get("uses", "") for job in workflow["jobs"].values()
             for step in job["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact") for s in steps)
    assert any(s.startswith("actions/deploy-pages") for s in steps)


def test_the_footer_setting_states_both_licences():
    footer = _config()["html"]["extra_footer"]
    assert "CC BY 4.0" in footer and "MIT" in footer and "sources" in footer


def test_the_data_sources_page_states_the_data_terms():
    cells = json.loads((ROOT / "chapters" / "data_sources.ipynb").read_text("utf-8"))["cells"]
    text = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert "## Terms of use of the data" in text
    for publisher in ("Japanese government", "World Bank", "OECD", "Our World in Data",
                      "company releases and press reports"):
        assert publisher in text
