"""The data rules: every CSV sourced, every source complete, every column typed.

The broken-folder tests copy the real data folder and change exactly one
thing (a byte, a line or a key, editing ``sources.yml`` as text), then check
that :func:`validate` reports exactly that one fault, naming the file and the
line or key, and that :func:`load` raises the same message.
"""

from __future__ import annotations

import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import yaml

from meishi import data
from meishi.data import csvfile, store
from meishi.paths import DATA, data_dir


def test_course_data_folder_is_valid():
    assert data.validate() == []
    assert data.validate(DATA) == []


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
    jobs = data.load("job_mobility_japan").frame
    assert jobs["year"].dtype == "int64"
    assert jobs["series"].dtype == object
    notes = data.load("service_use_japan").frame["note"]
    assert notes.dtype == object
    assert notes.isna().any()  # blank notes are None


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
        assert source.reliability in store.RELIABILITY
        assert source.read in store.READ
        assert 1990 < source.year <= 2026
        assert source.url.startswith(("http://", "https://"))


def test_how_each_source_was_read_is_kept_apart_from_its_grade():
    found = data.sources()
    assert {found[s].read for s in found} == set(store.READ)
    # a restatement of an official figure keeps its own grade; a copy of a paper stays A
    assert (found["stat_topics_123"].reliability, found["kambayashi_kato_2017"].read) == (
        "A", "copy")
    assert found["toyokeizai_2025_tenure"].read == "restatement"
    assert "pdfslide" not in " ".join(s.url for s in found.values())  # no mirror links
    assert "staffing" in found["randstad_2025_jobchangers"].interest
    assert found["census_2015"].interest == ""


def test_each_vintage_cites_its_own_release():
    jobs = data.load("job_mobility_japan").frame
    y2019 = jobs[(jobs["series"] == "job_changers") & (jobs["year"] == 2019)]
    cited = dict(zip(y2019["value"], y2019["source_id"], strict=True))
    assert cited == {351: "stat_topics_123", 353: "advance_2024_jobchangers"}
    share = jobs[(jobs["series"] == "wanting_to_change_share") & (jobs["year"] == 2023)].iloc[0]
    assert share["derived"] == "yes"
    assert share["value"] == round(100 * 1007 / 6738, 1)


# -- broken folders: each fault gives exactly one problem ------------------

@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A copy of the real data folder, to break one thing in."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in ``path`` (text) by ``new``."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    """The line (from 1) on which ``needle`` starts in ``path``."""
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def _block(key: str) -> str:
    """The entry under ``key`` in the real sources.yml: its lines up to the blank line."""
    text = (DATA / "sources.yml").read_text(encoding="utf-8")
    start = text.index(f"\n  {key}:\n") + 1
    return text[start: text.index("\n\n", start) + 1]


def _yml_line(folder: Path, key: str) -> int:
    return _line_of(folder / "sources.yml", f"\n  {key}:\n") + 1


# Each case breaks one thing in `folder` and returns (the one problem
# validate() must report, the dataset whose load() must raise it, or None).
Case = Callable[[Path], tuple[str, str | None]]


def empty_csv(folder: Path) -> tuple[str, str | None]:
    (folder / "population_japan.csv").write_bytes(b"")
    return "population_japan.csv is empty (0 bytes): it needs a header line and rows", \
        "population_japan"


def header_only(folder: Path) -> tuple[str, str | None]:
    path = folder / "population_japan.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    return "population_japan.csv has a header but no rows", "population_japan"


def row_with_an_extra_field(folder: Path) -> tuple[str, str | None]:
    path = folder / "service_use_us.csv"
    _edit(path, "2021-02,Instagram,40,", "2021-02,Instagram,40,40,")
    line = _line_of(path, "2021-02,Instagram")
    assert line == 3
    return "service_use_us.csv, line 3: 6 fields, but the header has 5", "service_use_us"


def row_missing_a_field(folder: Path) -> tuple[str, str | None]:
    path = folder / "population_japan.csv"
    _edit(path, "population estimate,popest_2024", "popest_2024")
    return "population_japan.csv, line 3: 3 fields, but the header has 4", "population_japan"


def not_utf8(folder: Path) -> tuple[str, str | None]:
    path = folder / "population_japan.csv"
    raw = path.read_bytes()
    at = raw.index(b"census (final)")
    path.write_bytes(raw[:at] + b"\xe9" + raw[at + 1:])  # 'c' becomes Latin-1 'é'
    return (f"population_japan.csv, line 2: not valid UTF-8 at byte {at} (0xe9)",
            "population_japan")


def _non_finite(cell: str) -> Case:
    def case(folder: Path) -> tuple[str, str | None]:
        path = folder / "service_use_japan.csv"
        _edit(path, ",LINE,94.9,", f",LINE,{cell},")
        line = _line_of(path, f",LINE,{cell},")
        return ((f"service_use_japan.csv, line {line}, column 'share_percent': {cell!r} is "
                "not a finite number"), "service_use_japan")
    case.__name__ = f"{cell}_in_a_float_column"
    return case


def duplicate_row(folder: Path) -> tuple[str, str | None]:
    path = folder / "population_japan.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    return "population_japan.csv, line 4 repeats line 2", "population_japan"


def null_source(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "sources.yml", _block("census_2015"), "  census_2015:\n")
    line = _yml_line(folder, "census_2015")
    return f"sources.yml, line {line}: source 'census_2015' is empty", "population_japan"


def null_dataset(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "sources.yml", _block("population_japan"), "  population_japan:\n")
    line = _yml_line(folder, "population_japan")
    return f"sources.yml, line {line}: dataset 'population_japan' is empty", "population_japan"


def yaml_misindented(folder: Path) -> tuple[str, str | None]:
    path = folder / "sources.yml"
    _edit(path, "    short: Statistics Bureau, 2015 Census\n",
          "   short: Statistics Bureau, 2015 Census\n")
    line = _line_of(path, "   short: Statistics Bureau, 2015 Census")
    return ((f"sources.yml, line {line}, column 4: invalid YAML: expected <block end>, but found "
            f"'<block mapping start>' (while parsing a block mapping from line "
            f"{_line_of(path, '  toyokeizai_2025_tenure:')}, column 3)"), "service_use_us")


def yaml_quote_left_open(folder: Path) -> tuple[str, str | None]:
    # The open quote goes on the file's last line, so no later quote in the file can close it.
    path = folder / "sources.yml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(text + '    extra: "Statistics Bureau, 2015 Census\n', encoding="utf-8")
    line = len(text.splitlines()) + 1
    end = line + 1
    return ((f"sources.yml, line {end}, column 1: invalid YAML: found unexpected end of stream "
            f"(while scanning a quoted scalar from line {line}, column 12)"), "service_use_us")


def repeated_yaml_key(folder: Path) -> tuple[str, str | None]:
    path = folder / "sources.yml"
    _edit(path, "  popest_2024:\n", _block("census_2015") + "\n  popest_2024:\n")
    first, second = (i + 1 for i, line in enumerate(path.read_text().splitlines())
                     if line == "  census_2015:")
    return ((f"sources.yml, line {second}: key 'census_2015' under 'sources' repeats line "
            f"{first}"), "pay_by_age")


def yaml_not_utf8(folder: Path) -> tuple[str, str | None]:
    path = folder / "sources.yml"
    raw = path.read_bytes()
    at = raw.index(b"Final count")
    path.write_bytes(raw[:at] + b"\xff" + raw[at + 1:])
    line = raw[:at].count(b"\n") + 1
    return f"sources.yml, line {line}: not valid UTF-8 at byte {at} (0xff)", "pay_by_age"


def unknown_column_type(folder: Path) -> tuple[str, str | None]:
    path = folder / "sources.yml"
    _edit(path, "      date: {type: year_month}\n      population_million",
          "      date: {type: yearmonth}\n      population_million")
    line = _line_of(path, "      date: {type: yearmonth}")
    return ((f"sources.yml, line {line}: dataset 'population_japan', column 'date': unknown "
            "type 'yearmonth' (use int, float, str, source, year_month)"), "population_japan")


def empty_required_cell(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "population_japan.csv", ",population estimate,", ",,")
    return (("population_japan.csv, line 3, column 'measure': is empty, but the column is not "
            "nullable"), "population_japan")


def wrong_type(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "population_japan.csv", "127.094745", "about 127")
    return (("population_japan.csv, line 2, column 'population_million': should be float, not "
            "'about 127'"), "population_japan")


def not_a_whole_number(folder: Path) -> tuple[str, str | None]:
    path = folder / "pay_by_age.csv"
    _edit(path, "Japan,30-39,130,2014,", "Japan,30-39,130,2014.5,")
    return (("pay_by_age.csv, line 3, column 'data_year': should be a whole number (int), not "
            "'2014.5'"), "pay_by_age")


def out_of_range(folder: Path) -> tuple[str, str | None]:
    path = folder / "service_use_japan.csv"
    _edit(path, ",94.9,", ",194.9,")
    line = _line_of(path, ",194.9,")
    return ((f"service_use_japan.csv, line {line}, column 'share_percent': 194.9 is above 100, "
            "the column's max"), "service_use_japan")


def below_min(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "population_japan.csv", "123.802", "-123.802")
    return (("population_japan.csv, line 3, column 'population_million': -123.802 is below 0, "
            "the column's min"), "population_japan")


def dataset_without_title(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "sources.yml", "    title: Population of Japan\n", "")
    line = _yml_line(folder, "population_japan")
    return f"sources.yml, line {line}: dataset 'population_japan' lacks title", "population_japan"


def dataset_naming_no_source(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "sources.yml", "      measure: {type: str}\n      source_id: {type: source}\n\n"
          "  service_use_us:", "      measure: {type: str}\n      source_id: {type: str}\n\n"
          "  service_use_us:")
    line = _yml_line(folder, "population_japan")
    return (f"sources.yml, line {line}: dataset 'population_japan' names no source (give it a "
            "source column or a sources list)", "population_japan")


def unknown_source_id(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "population_japan.csv", "census_2015", "nowhere")
    return (("population_japan.csv, line 2, column 'source_id': names unknown source "
            "'nowhere'"), "population_japan")


def value_outside_the_set(folder: Path) -> tuple[str, str | None]:
    path = folder / "linkedin_members_japan.csv"
    _edit(path, "2015-02,1.0,company,", "2015-02,1.0,rumour,")
    return (("linkedin_members_japan.csv, line 4, column 'basis': 'rumour' is outside the "
            "allowed values ['company', 'estimate', 'blog']"), "linkedin_members_japan")


def bad_year_month(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "population_japan.csv", "2024-10,", "2024-13,")
    return (("population_japan.csv, line 3, column 'date': should be YYYY or YYYY-MM, not "
            "'2024-13'"), "population_japan")


def column_mismatch(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "population_japan.csv", "date,population_million,measure,",
          "date,population_million,kind,")
    return (("population_japan.csv, line 1: columns ['date', 'population_million', 'kind', "
            "'source_id'] do not match sources.yml ['date', 'population_million', 'measure', "
            "'source_id']"), "population_japan")


def missing_file(folder: Path) -> tuple[str, str | None]:
    (folder / "population_japan.csv").unlink()
    line = _line_of(folder / "sources.yml", "    file: population_japan.csv")
    return ((f"population_japan.csv does not exist (named by dataset 'population_japan' at "
            f"sources.yml, line {line})"), "population_japan")


def csv_without_entry(folder: Path) -> tuple[str, str | None]:
    (folder / "orphan.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return "orphan.csv has no entry in sources.yml", None


def unused_source(folder: Path) -> tuple[str, str | None]:
    path = folder / "sources.yml"
    _edit(path, "  popest_2024:\n",
          _block("census_2015").replace("census_2015", "spare") + "\n  popest_2024:\n")
    line = _yml_line(folder, "spare")
    return f"sources.yml, line {line}: source 'spare' is used by no dataset", None


def source_without_read(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "sources.yml", _block("census_2015"),
          _block("census_2015").replace("    read: primary\n", ""))
    line = _yml_line(folder, "census_2015")
    return f"sources.yml, line {line}: source 'census_2015' lacks read", "population_japan"


def interest_not_text(folder: Path) -> tuple[str, str | None]:
    path = folder / "sources.yml"
    _edit(path, _block("census_2015"), _block("census_2015").replace(
        "    read: primary\n", "    read: primary\n    interest: [census, fees]\n"))
    line = _line_of(path, "    interest: [census, fees]")
    return (f"sources.yml, line {line}: source 'census_2015': interest must be text saying who "
            "has a commercial interest (or be left out), not ['census', 'fees']",
            "population_japan")


def source_without_url(folder: Path) -> tuple[str, str | None]:
    _edit(folder / "sources.yml", "    url: https://www.stat.go.jp/data/kokusei/2015/kekka.html\n",
          "")
    line = _yml_line(folder, "census_2015")
    return f"sources.yml, line {line}: source 'census_2015' lacks url", "population_japan"


def _source_field(key: str, old: str, new: str, rule: str, name: str = "") -> Case:
    def case(folder: Path) -> tuple[str, str | None]:
        path = folder / "sources.yml"
        _edit(path, _block("census_2015"), _block("census_2015").replace(
            f"    {key}: {old}\n", f"    {key}: {new}\n"))
        line = _line_of(path, f"    {key}: {new}\n")
        return (f"sources.yml, line {line}: source 'census_2015': {key} {rule}, not {new!r}",
                "population_japan")
    case.__name__ = name or f"bad_{key}"
    return case


def _text_key(name: str, old: str, new: str, rule: str, column: str = "country") -> Case:
    """A text cell in tenure_by_country.csv (read by the conclusion's tenure lens) changed:
    ``old`` and ``new`` are the start of its row."""
    def case(folder: Path) -> tuple[str, str | None]:
        path = folder / "tenure_by_country.csv"
        _edit(path, f"\n{old}", f"\n{new}")
        line = _line_of(path, f"\n{new}") + 1
        return (f"tenure_by_country.csv, line {line}, column {column!r}: {rule}",
                "tenure_by_country")
    case.__name__ = name
    return case


def _invisible(text: str, char: str, at: int) -> str:
    return (f"{text!r} holds an invisible or non-standard character, {char}, at character "
            f"{at}: type the text without it")


_ROW = "Germany,10.1,not stated,not stated,toyokeizai_2025_tenure,"
TEXT_KEY_CASES: list[Case] = [
    _text_key("zero_width_space_in_a_country", "Germany,", "Germ\u200bany,",
              _invisible("Germ\u200bany", "U+200B ZERO WIDTH SPACE", 5)),
    _text_key("no_break_space_in_a_country", "United Kingdom,", "United\u00a0Kingdom,",
              _invisible("United\u00a0Kingdom", "U+00A0 NO-BREAK SPACE", 7)),
    _text_key("nul_in_a_country", "Germany,", "Germany\x00,",
              _invisible("Germany\x00", "U+0000 unnamed character", 8)),
    _text_key("trailing_space_in_a_country", "Germany,", "Germany ,",
              "'Germany ' has a space at its end: remove it"),
    _text_key("leading_space_in_a_country", "Germany,", " Germany,",
              "' Germany' has a space at its start: remove it"),
    _text_key("doubled_space_in_a_country", "United Kingdom,", "United  Kingdom,",
              "'United  Kingdom' has two spaces in a row (at character 7)"),
    _text_key("full_width_country", "Germany,", "\uff27ermany,",
              "'\uff27ermany' is not in Unicode normal form NFKC (full-width or compatibility "
              "characters); write it 'Germany'"),
    _text_key("cyrillic_letter_in_a_country", "Germany,", "G\u0435rmany,",
              "'G\u0435rmany' mixes LATIN and CYRILLIC letters in one word (U+0435 CYRILLIC "
              "SMALL LETTER IE): a look-alike spelling; type it in one script"),
    _text_key("zero_width_space_in_a_note", _ROW + "\n", _ROW + "see\u200b\n",
              _invisible("see\u200b", "U+200B ZERO WIDTH SPACE", 4), column="note"),
]

CASES: list[Case] = [
    empty_csv, header_only, row_with_an_extra_field, row_missing_a_field, not_utf8,
    _non_finite("inf"), _non_finite("-inf"), _non_finite("nan"), duplicate_row,
    null_source, null_dataset, yaml_misindented, yaml_quote_left_open, repeated_yaml_key,
    yaml_not_utf8,
    unknown_column_type, empty_required_cell, wrong_type, not_a_whole_number, out_of_range,
    below_min, dataset_without_title, dataset_naming_no_source,
    unknown_source_id, value_outside_the_set, bad_year_month, column_mismatch, missing_file,
    csv_without_entry, unused_source, source_without_url, source_without_read, interest_not_text,
    _source_field("reliability", "A", "D", "must be one of A, B, C"),
    _source_field("read", "primary", "mirror", "must be one of primary, copy, restatement"),
    _source_field("url", "https://www.stat.go.jp/data/kokusei/2015/kekka.html",
                  "www.stat.go.jp/data/kokusei/2015/kekka.html",
                  "must be a web address (http:// or https://)"),
    _source_field("date", "2016-10", "October 2016", "must be YYYY, YYYY-MM or YYYY-MM-DD"),
    _source_field("date", "2016-10", "2016-13-01", "must be YYYY, YYYY-MM or YYYY-MM-DD",
                  "impossible_date"),
]


CASES += TEXT_KEY_CASES

# Faults of a whole file, which has no line to name.
WHOLE_FILE = {empty_csv, header_only, csv_without_entry}


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_one_fault_gives_one_problem_naming_file_and_place(case: Case, broken: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    expected, dataset = case(broken)
    problems = data.validate(broken)
    assert problems == [expected]
    # it names the file first, then the line (or, for sources.yml, the line of the key)
    file = re.match(r"[\w.]+\.(csv|yml)\b", expected)
    assert file, expected
    assert case in WHOLE_FILE or re.search(r"\bline \d+\b", expected), expected
    monkeypatch.setenv("MEISHI_DATA_DIR", str(broken))
    if dataset is None:
        assert not data.load("population_japan").frame.empty
    else:
        with pytest.raises(data.DataError) as info:
            data.load(dataset)
        assert str(info.value) == expected


def test_every_fault_is_listed(broken: Path):
    expected = {case(broken)[0] for case in
                (not_a_whole_number, out_of_range, csv_without_entry, null_source)}
    assert len(expected) == 4
    assert set(data.validate(broken)) == expected


def test_load_sees_a_file_edited_after_loading(broken: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("MEISHI_DATA_DIR", str(broken))
    assert data_dir() == broken
    assert len(data.load("population_japan").frame) == 2
    wrong_type(broken)
    with pytest.raises(data.DataError, match="about 127"):
        data.load("population_japan")
    monkeypatch.delenv("MEISHI_DATA_DIR")
    assert len(data.load("population_japan").frame) == 2  # the real folder is untouched


def test_an_unexpected_error_becomes_a_problem(broken: Path, monkeypatch: pytest.MonkeyPatch):
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(csvfile.pd, "to_numeric", explode)
    problems = data.validate(broken)
    assert problems
    assert all("could not be checked: RuntimeError: boom" in p for p in problems)
    assert "population_japan.csv: could not be checked: RuntimeError: boom" in problems
    monkeypatch.setenv("MEISHI_DATA_DIR", str(broken))
    with pytest.raises(data.DataError, match=r"population_japan\.csv: could not be checked"):
        data.load("population_japan")


@pytest.mark.parametrize("seed", range(40))
def test_garbage_never_crashes_validate(seed: int, broken: Path,
                                        monkeypatch: pytest.MonkeyPatch):
    rng = random.Random(seed)
    path = rng.choice(sorted(broken.iterdir()))
    raw = bytearray(path.read_bytes())
    if seed % 3 == 0:
        raw = raw[: rng.randrange(len(raw))]
    for _ in range(rng.randint(1, 5)):
        raw[rng.randrange(len(raw))] = rng.choice(b'\x00\xff\n\r",:{}[]-!&*#%\'|> \tx9')
    path.write_bytes(bytes(raw))
    problems = data.validate(broken)
    assert all(isinstance(p, str) and p for p in problems)
    assert all(p.startswith(path.name) or "sources.yml" in p or ".csv" in p for p in problems)
    monkeypatch.setenv("MEISHI_DATA_DIR", str(broken))
    for name in [] if path.name == "sources.yml" else data.dataset_names():
        raised: list[str] = []
        try:
            data.load(name)
        except data.DataError as exc:  # anything else fails the test
            raised = str(exc).splitlines()
        assert set(raised) <= set(problems)


def test_a_key_spelt_differently_in_another_file_is_an_error_not_a_gap(
        broken: Path, monkeypatch: pytest.MonkeyPatch):
    """'germany' in the tenure table, 'Germany' everywhere else: the rarer spelling is
    refused with its file, line and column, naming the other spelling and where it is."""
    path = broken / "tenure_by_country.csv"
    _edit(path, "\nGermany,", "\ngermany,")
    line = _line_of(path, "\ngermany,") + 1
    problems = data.validate(broken)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"tenure_by_country.csv, line {line}, column 'country': "
                                  "'germany' is spelt like 'Germany' (")
    assert re.search(r"\(\d+ times, first at \w+\.csv, line \d+, column 'country'\) but not "
                     r"identically: use one spelling for one key$", problems[0]), problems[0]
    monkeypatch.setenv("MEISHI_DATA_DIR", str(broken))
    with pytest.raises(data.DataError) as info:
        data.load("tenure_by_country")
    assert str(info.value) == problems[0]
    assert not data.load("general_trust").frame.empty  # the common spelling is not at fault


def test_equally_common_spellings_each_name_the_other():
    from meishi.data.textkeys import KeyCell, lookalikes

    cells = [KeyCell("a.csv", 2, "country", "Japan"), KeyCell("b.csv", 3, "country", "JAPAN"),
             KeyCell("a.csv", 3, "country", "Korea")]
    found = [message for _cell, message in lookalikes(cells)]
    assert found == [
        "a.csv, line 2, column 'country': 'Japan' is spelt like 'JAPAN' (1 time, first at "
        "b.csv, line 3, column 'country') but not identically: use one spelling for one key",
        "b.csv, line 3, column 'country': 'JAPAN' is spelt like 'Japan' (1 time, first at "
        "a.csv, line 2, column 'country') but not identically: use one spelling for one key"]


def test_free_text_may_hold_what_a_key_may_not():
    from meishi.data.textkeys import cell_problem

    assert cell_problem("ｐ. 3 … ①", key=False) is None     # a note: not normalised
    assert cell_problem("ｐ. 3", key=True).startswith("'ｐ. 3' is not in Unicode normal form")
    assert cell_problem("Japan\t", key=False).startswith("'Japan\\t' holds an invisible")
    assert cell_problem("Москва", key=True) is None and cell_problem("日本", key=True) is None


def test_the_registry_is_read_with_libyaml_where_pyyaml_has_it():
    """sources.yml (130 KB) is read at every validation: with libyaml a validation of the
    course's data took 0.36 s instead of 0.61 s (this machine, 2026-12-05).  A file it
    refuses is read again by PyYAML's own reader, for the wording and the place (the
    cases above pin both)."""
    if not yaml.__with_libyaml__:
        pytest.skip("this PyYAML was built without libyaml")
    assert issubclass(store._Loader, yaml.CSafeLoader)
    assert not issubclass(store._Words, yaml.CSafeLoader)


def test_a_bad_character_after_japanese_text_is_placed_on_its_own_line(broken: Path):
    """libyaml places a refused character by byte; Japanese text above it (3 bytes a
    character) would move it lines down.  The line given is the character's own."""
    path = broken / "sources.yml"
    text = path.read_text(encoding="utf-8")
    assert any(ord(ch) > 0x7F for ch in text[: len(text) // 2]), "no non-ASCII text early on"
    _edit(path, "    short: Statistics Bureau, 2015 Census\n",
          "    short: Statistics Bureau, 2015 Census\u0007\n")
    line = _line_of(path, "Statistics Bureau, 2015 Census\u0007")
    assert data.validate(broken) == [
        f"sources.yml, line {line}: invalid YAML: character U+0007 not allowed"]


def test_a_tab_after_a_colon_is_refused_as_pyyaml_refuses_it(broken: Path):
    """libyaml reads a tab after a key's colon; PyYAML refuses it, and so does the course
    (sources.yml is read by PyYAML's own reader when it holds a tab)."""
    path = broken / "sources.yml"
    _edit(path, "    short: Statistics Bureau, 2015 Census\n",
          "    short:\tStatistics Bureau, 2015 Census\n")
    line = _line_of(path, "\tStatistics Bureau, 2015 Census")
    problems = data.validate(broken)
    assert len(problems) == 1 and problems[0].startswith(
        f"sources.yml, line {line}, column "), problems
    assert "invalid YAML: found character '\\t'" in problems[0], problems
