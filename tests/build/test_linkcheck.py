"""The cited-URL checker (meishi_build.linkcheck) and the CI workflows that run it.

Offline: every request goes to a server on 127.0.0.1 (meishi_build.devserver
over a temporary folder, or a small handler for HEAD refusals, redirects and
403), or to a closed local port.  The last tests check that the GitHub
Actions workflows parse and do what the README promises.
"""

from __future__ import annotations

import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from meishi.paths import ROOT
from meishi_build import linkcheck
from meishi_build.devserver import serve


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never send the local requests through a proxy set in the environment."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "page.html").write_text("<p>here</p>", encoding="utf-8")
    with serve(folder) as base:
        yield base


class _Picky(http.server.BaseHTTPRequestHandler):
    """/nohead refuses HEAD (405) but answers GET; /old redirects; /robots-no is 403."""

    def log_message(self, format: str, *args) -> None:  # quiet server
        pass

    def _answer(self, with_body: bool) -> None:
        if self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/new")
        elif self.path == "/nohead" and not with_body:
            self.send_response(405)
        elif self.path == "/robots-no":
            self.send_response(403)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def do_GET(self) -> None:
        self._answer(with_body=True)


@pytest.fixture
def picky() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Picky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _inputs(tmp_path: Path, base: str, *, doi: bool) -> tuple[Path, Path]:
    sources = tmp_path / "sources.yml"
    sources.write_text(yaml.safe_dump({
        "datasets": {"d": {"note": f"See {base}/missing.html, and the source."}},
        "sources": {"a": {"title": "A", "url": f"{base}/page.html"},
                    "b": {"title": "B", "url": f"{base}/page.html"}},
    }), encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text(
        "@misc{one,\n  title = {One},\n  url   = {" + base + "/page.html}\n}\n\n"
        "@article{two,\n  title = {Two},\n"
        + ("  doi = {10.1234/abc.5},\n" if doi else "") + "  year = {2020}\n}\n",
        encoding="utf-8")
    return sources, bib


def test_collect_finds_every_url_once(tmp_path: Path) -> None:
    sources, bib = _inputs(tmp_path, "http://127.0.0.1:9", doi=True)
    cited = linkcheck.collect(sources, bib)
    assert sorted(cited) == ["http://127.0.0.1:9/missing.html", "http://127.0.0.1:9/page.html",
                             "https://doi.org/10.1234/abc.5"]
    assert cited["http://127.0.0.1:9/page.html"] == [
        "sources.yml: sources.a.url", "sources.yml: sources.b.url", "refs.bib: one (url)"]
    assert cited["http://127.0.0.1:9/missing.html"] == ["sources.yml: datasets.d.note"]


def test_collect_on_the_course_files() -> None:
    cited = linkcheck.collect(ROOT / "assets" / "data" / "sources.yml",
                              ROOT / "assets" / "references.bib")
    assert cited
    assert all(url.startswith(("http://", "https://")) for url in cited)


def test_verdicts(site: str, picky: str) -> None:
    closed = f"http://127.0.0.1:{_closed_port()}/x"
    results = {r.url: r for r in linkcheck.check_all(
        [f"{site}/page.html", f"{site}/missing.html", closed, f"{picky}/nohead",
         f"{picky}/old", f"{picky}/robots-no"], timeout=5)}
    assert (results[f"{site}/page.html"].status, results[f"{site}/page.html"].verdict) == (
        200, "ok")
    assert (results[f"{site}/missing.html"].status,
            results[f"{site}/missing.html"].verdict) == (404, "failed")
    assert results[closed].status is None
    assert results[closed].verdict == "failed"
    assert results[f"{picky}/nohead"].verdict == "ok"  # GET after a refused HEAD
    assert results[f"{picky}/old"].status == 200  # redirect followed
    assert results[f"{picky}/robots-no"].verdict == "blocked"


def test_main_prints_a_table_and_fails_on_a_broken_link(
        tmp_path: Path, site: str, capsys: pytest.CaptureFixture[str]) -> None:
    sources, bib = _inputs(tmp_path, site, doi=False)
    assert linkcheck.main(["--sources", str(sources), "--bib", str(bib), "--timeout", "5"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("| URL | Status | Cited in |")
    assert f"| {site}/missing.html | FAILED: 404" in out
    assert "2 URLs: 1 ok, 0 blocked by the server, 1 failed." in out
    (tmp_path / "site" / "missing.html").write_text("now here", encoding="utf-8")
    assert linkcheck.main(["--sources", str(sources), "--bib", str(bib)]) == 0


# --- the GitHub Actions workflows -------------------------------------------------------

WORKFLOWS = ROOT / ".github" / "workflows"


def _workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` as True
    return data


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_ci_workflow_builds_tests_and_deploys_from_main_only() -> None:
    ci = _workflow("ci.yml")
    assert {"push", "pull_request", "workflow_dispatch"} <= set(ci["on"])
    test = ci["jobs"]["test"]
    assert ".ci/run" in _runs(test)
    uploads = [s for s in test["steps"] if s.get("uses", "").startswith("actions/upload-artifact")]
    assert any("failure()" in s.get("if", "") and "_build/reports" in s["with"]["path"]
               for s in uploads)
    pages = [s for s in test["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert pages
    assert "refs/heads/main" in pages[0]["if"]
    deploy = ci["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("deploy-pages" in s.get("uses", "") for s in deploy["steps"])


def test_links_workflow_is_weekly_and_runs_linkcheck() -> None:
    links = _workflow("links.yml")
    assert links["on"]["schedule"][0]["cron"]
    assert "workflow_dispatch" in links["on"]
    assert "meishi_build.linkcheck" in _runs(links["jobs"]["links"])
