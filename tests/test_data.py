"""The data rules: every CSV sourced, every source complete, every column typed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

from meishi import data


def test_course_data_folder_is_valid():
    assert data.validate() == []


def test_every_dataset_loads_with_its_sources():
    names = data.dataset_names()
    assert len(names) >= 4
    for name in names:
        ds = data.load(name)
        assert not ds.frame.empty
        assert ds.sources, name
        assert ds.source_line().startswith(("Source: ", "Sources: "))


def test_numeric_columns_have_numeric_dtypes():
    frame = data.load("service_use_japan").frame
    assert pd.api.types.is_float_dtype(frame["share_percent"])
    assert frame["share_percent"].between(0, 100).all()


def test_unknown_dataset_names_the_known_ones():
    with pytest.raises(data.DataError, match="service_use_japan"):
        data.load("no_such_dataset")


def test_source_line_lists_only_the_rows_shown():
    ds = data.load("linkedin_members_japan")
    subset = ds.frame[ds.frame["basis"] == "company"]
    line = ds.source_line(subset)
    assert "Evell" not in line  # the blog row is not in the subset
    assert "MarkeZine" in line


def test_reliability_and_dates_are_well_formed():
    for source in data.sources().values():
        assert source.reliability in data.RELIABILITY
        assert 1990 < source.year <= 2026
        assert source.url.startswith(("http://", "https://"))


# -- broken folders: each rule must be able to fail -----------------------

@pytest.fixture
def broken(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    return folder


def _edit_registry(folder: Path, change) -> None:
    path = folder / "sources.yml"
    registry = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(registry)
    path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")


def test_a_csv_without_an_entry_is_reported(broken: Path):
    (broken / "orphan.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert any("orphan.csv has no entry" in p for p in data.validate(broken))


def test_an_entry_naming_a_missing_file_is_reported(broken: Path):
    (broken / "population_japan.csv").unlink()
    assert any("does not exist" in p for p in data.validate(broken))


def test_a_column_of_the_wrong_type_is_reported(broken: Path):
    path = broken / "population_japan.csv"
    text = path.read_text(encoding="utf-8").replace("127.094745", "about 127")
    path.write_text(text, encoding="utf-8")
    problems = data.validate(broken)
    assert any("population_million" in p and "float" in p for p in problems)


def test_a_row_citing_an_unknown_source_is_reported(broken: Path):
    path = broken / "population_japan.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("census_2015", "nowhere"),
                    encoding="utf-8")
    assert any("unknown sources" in p for p in data.validate(broken))


def test_a_source_missing_its_url_is_reported(broken: Path):
    _edit_registry(broken, lambda r: r["sources"]["census_2015"].pop("url"))
    assert any("census_2015" in p and "url" in p for p in data.validate(broken))


def test_an_unused_source_is_reported(broken: Path):
    def add(r):
        r["sources"]["spare"] = dict(r["sources"]["census_2015"])
    _edit_registry(broken, add)
    assert any("'spare' is used by no dataset" in p for p in data.validate(broken))


def test_columns_must_match_the_registry(broken: Path):
    path = broken / "population_japan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace("measure", "kind")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert any("do not match" in p for p in data.validate(broken))


def test_values_outside_the_declared_set_are_reported(broken: Path):
    path = broken / "linkedin_members_japan.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",company,", ",rumour,", 1),
                    encoding="utf-8")
    assert any("outside" in p for p in data.validate(broken))


def test_out_of_range_values_are_reported(broken: Path):
    path = broken / "service_use_japan.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",94.9,", ",194.9,"),
                    encoding="utf-8")
    assert any("above 100" in p for p in data.validate(broken))


def test_data_dir_can_be_overridden(broken: Path, monkeypatch):
    monkeypatch.setenv("MEISHI_DATA_DIR", str(broken))
    assert data.data_dir() == broken
