"""The "Data and sources" page is generated from sources.yml (meishi.data.catalogue)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from meishi.data import dataset_names, load
from meishi.data.catalogue import anchor, catalogue


def test_every_dataset_has_an_entry_with_every_source_linked():
    soup = BeautifulSoup(catalogue()._repr_html_(), "html.parser")
    for name in dataset_names():
        section = soup.find(id=anchor(name))
        assert section is not None, name
        ds = load(name)
        assert ds.title in section.get_text()
        links = {a["href"] for a in section.select("a[href]")}
        assert {s.url for s in ds.sources} <= links
        grades = [abbr.get_text() for abbr in section.select("td.meishi-grade abbr")]
        assert grades == [s.reliability for s in ds.sources]
        reads = [abbr.get_text() for abbr in section.select("td.meishi-read abbr")]
        assert reads == [s.read for s in ds.sources]
        interests = [tag.get_text() for tag in section.select(".meishi-interest")]
        assert interests == [f"Commercial interest: {s.interest}" for s in ds.sources
                             if s.interest]


def test_each_source_row_shows_how_it_was_read_and_any_interest():
    soup = BeautifulSoup(catalogue()._repr_html_(), "html.parser")
    heads = [th.get_text() for th in soup.select(f"#{anchor('job_mobility_japan')} thead th")]
    assert heads == ["Source", "Publisher", "Date", "Reliability", "How read", "What was taken"]
    row = soup.find("a", href="https://services.randstad.co.jp/blog/news20250217").find_parent("tr")
    assert "Commercial interest: Randstad is a staffing firm" in row.get_text()
    assert row.select_one("td.meishi-read abbr").get_text() == "restatement"
    assert "restatement" in soup.select_one(".meishi-legend").get_text()


def test_anchors_are_unique_and_tables_have_headers():
    html = catalogue()._repr_html_()
    soup = BeautifulSoup(html, "html.parser")
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    for table in soup.select("table"):
        assert table.select("thead th[scope=col]") and table.caption


def test_text_from_the_data_is_escaped():
    assert "<script" not in catalogue()._repr_html_().lower()
    assert anchor("tenure_by_country") == "ds-tenure-by-country"
