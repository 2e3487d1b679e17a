"""``bibnorm verify --html``: one self-contained page a reviewer reads at a glance.

The page is checked as a file (nothing in it loads from anywhere) and in a real headless
Chromium driven through chromedriver: rendered, filtered, emulated for print and screenshot
into the test's folder, with every request the page made logged through the DevTools protocol.
The browser tests are skipped, with the reason, where Chromium, chromedriver or selenium is
missing (``.ci/run`` installs them).
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from bibnorm.cli import EXIT_FINDINGS, main
from bibnorm.models import Severity
from bibnorm.verify.html import render_report
from bibnorm.verify.judge import Claim, EntryVerdict, Matched, Verdict, VerifyFinding
from bibnorm.verify.run import VerifyOutcome
from click.testing import CliRunner
from clients import not_installed
from fakes.verify_world import world_sources
from records import PUBLISHED

REFS = """@inproceedings{ho2020ddpm,
  author = {Jonathan Ho and Ajay Jain and Pieter Abbeel},
  title = {Denoising Diffusion Probabilistic Models},
  booktitle = {NeurIPS},
  year = {2020},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}

@inproceedings{chimera,
  author = {Antonios Alexos and Alex J. Boyd},
  title = {Diffusion Models for High-Resolution Image Synthesis},
  booktitle = {ICML},
  year = {2022},
  eprint = {2006.11239},
  archiveprefix = {arXiv}
}

@inproceedings{wrong_year,
  author = {Jingbo Wang and Yu Rong and Jingyuan Liu and Sijie Yan and Dahua Lin and Bo Dai},
  title = {Towards Diverse and Natural Scene-aware 3D Human Motion Synthesis},
  booktitle = {CVPR},
  year = {2019},
  doi = {10.1109/CVPR52688.2022.01981}
}

@article{invented,
  author = {Ada Lovelace},
  title = {A Calculus of Imaginary Engines for Citation Checking},
  journal = {Journal of Things That Do Not Exist},
  year = {2021}
}
"""


@pytest.fixture(scope="module")
def sources() -> Iterator[dict[str, str]]:
    with world_sources() as running:
        yield running.env()


@pytest.fixture(scope="module")
def report(sources: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``bibnorm verify --html report.html refs.bib`` against the fakes; the report's path."""
    folder = tmp_path_factory.mktemp("report")
    (folder / "refs.bib").write_text(REFS, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for name, value in {**sources, "BIBNORM_CACHE_DIR": str(folder / "cache")}.items():
            patch.setenv(name, value)
        result = CliRunner().invoke(main, ["verify", "--html", "report.html", "refs.bib"])
        plain = CliRunner().invoke(main, ["verify", "refs.bib"])
    assert result.exit_code == EXIT_FINDINGS, result.output  # a mismatch and a paper not found
    assert result.stdout == plain.stdout  # the report is written besides, the lines are the same
    return folder / "report.html"


# The attribute through which each tag makes a page load something by itself.
LOADING = {"script": "src", "img": "src", "iframe": "src", "link": "href", "source": "src", "embed": "src"}


class Resources(HTMLParser):
    """Every URL a page would load by itself (scripts, styles, images, fonts, frames) and its links."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.policy = ""
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in LOADING and values.get(LOADING[tag]):
            self.loads.append(str(values[LOADING[tag]]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy = str(values.get("content"))
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False


def test_the_report_is_one_file_that_loads_nothing(report: Path) -> None:
    page = Resources()
    page.feed(report.read_text(encoding="utf-8"))
    assert page.loads == []  # no script, style sheet, image or font from anywhere
    assert not any("url(" in style or "@import" in style for style in page.styles)
    assert page.policy.startswith("default-src 'none'")  # and the browser is told to load nothing
    assert page.links  # links to the records are there, to be followed by the reader only
    assert all(link.startswith(("https://", "#")) for link in page.links)  # or to the page's own anchors
    assert "<script" not in report.read_text(encoding="utf-8")  # nothing needs JavaScript


def test_the_report_links_each_record_where_its_source_keeps_it(report: Path) -> None:
    page = Resources()
    page.feed(report.read_text(encoding="utf-8"))
    assert "https://arxiv.org/abs/2006.11239" in page.links
    assert "https://doi.org/10.1109/CVPR52688.2022.01981" in page.links
    assert any(link.startswith("https://www.semanticscholar.org/paper/") for link in page.links)
    assert any(link.startswith("https://dblp.org/") for link in page.links)


def test_the_report_is_refused_over_an_input_and_leaves_it_whole(
    sources: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "refs.bib").write_text(REFS, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--html", "refs.bib", "refs.bib"])
    assert result.exit_code == 2
    assert "--html refs.bib is also an input" in result.stderr
    assert (tmp_path / "refs.bib").read_text(encoding="utf-8") == REFS


def test_the_summary_names_the_sources_that_were_down() -> None:
    claim = Claim(key="k", path="refs.bib", line=1, entry_type="misc", title="A Paper")
    outcome = VerifyOutcome(
        verdicts=[
            EntryVerdict(
                key="k",
                path="refs.bib",
                line=1,
                verdict=Verdict.UNVERIFIABLE,
                unverifiable_because=("s2",),
                claim=claim,
            ),
            EntryVerdict(
                key="pinned",
                path="refs.bib",
                line=9,
                verdict=Verdict.VERIFIED,
                matched=Matched(source="lock", title="Another Paper", arxiv_id="2101.00001"),
                claim=claim.model_copy(update={"key": "pinned", "line": 9, "title": "Another Paper"}),
            ),
        ],
        requests={"s2": 3},
        sources_down={"s2": "Semantic Scholar unreachable: connection refused"},
        asked=("lock", "s2"),
    )
    text = render_report(outcome, files=["refs.bib"], generated=date(2026, 11, 22))
    assert "<li><b>s2</b>: Semantic Scholar unreachable: connection refused</li>" in text
    assert "sources asked: lock, s2 (3 requests)." in text
    assert "could not be verified (s2)" in text
    assert "https://arxiv.org/abs/2101.00001" in text  # what the lock pinned is linked too


# --- in a real browser ---------------------------------------------------------------------------


def _browser_or_skip() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip(not_installed("Chromium and chromedriver are"))
    pytest.importorskip("selenium", reason="selenium is not installed (it comes with the 'test' extra)")
    return chromium, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium, driver = _browser_or_skip()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="bibnorm-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
        "--window-size=1280,1400",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})  # DevTools events
    # JavaScript off, as a cautious reader (or a mail client's viewer) opens the page.
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    session = webdriver.Chrome(service=Service(driver), options=options)
    try:
        yield session
    finally:
        session.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _requests_of(browser: Any, page: str) -> list[str]:
    """Every URL the page asked for since the log was last read (DevTools Network events)."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent" and message["params"].get("documentURL") == page:
            urls.append(message["params"]["request"]["url"])
    return urls


def _visible_verdicts(browser: Any) -> list[str]:
    return [
        card.get_attribute("data-verdict")
        for card in browser.find_elements("css selector", ".card")
        if card.is_displayed()
    ]


def test_the_report_reads_in_a_browser_and_asks_the_network_nothing(
    browser: Any, report: Path, tmp_path: Path
) -> None:
    page = report.as_uri()
    browser.get_log("performance")  # forget what the browser did before this page
    browser.get(page)
    text = browser.find_element("tag name", "body").text

    assert _requests_of(browser, page) == [page]  # the file itself, nothing else
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    # The summary at the top: counts per verdict and the sources asked.
    summary = browser.find_element("css selector", ".summary").text
    assert "1\nverified" in summary and "2\nmismatch" in summary and "1\nnot found" in summary
    assert "4 entries; sources asked: s2 (" in summary
    assert "No source was down." in summary
    # One card per entry, problems first (each group in file order), each finding explained.
    assert _visible_verdicts(browser) == ["mismatch", "mismatch", "not_found", "verified"]
    assert "BN704 arxiv-id-other-paper: the arXiv id is another paper's" in text
    assert "BN722 year-differs: the year is neither the paper's nor its preprint's" in text
    assert "BN706 paper-not-found: no source holds a paper with this title" in text
    # The cited year beside the record's, the row marked and both values highlighted.
    row = browser.find_element("css selector", "#entry-3 tr.differs")
    assert row.text.split() == ["year", "2019", "2022"]
    assert [mark.text for mark in row.find_elements("tag name", "mark")] == ["2019", "2022"]


def test_the_verdict_filters_show_only_the_chosen_cards(browser: Any, report: Path, tmp_path: Path) -> None:
    browser.get(report.as_uri())
    browser.find_element("css selector", '[data-filter="mismatch"]').click()
    assert _visible_verdicts(browser) == ["mismatch", "mismatch"]
    browser.save_screenshot(str(tmp_path / "mismatch-only.png"))
    browser.find_element("css selector", '[data-filter="not_found"]').click()
    assert _visible_verdicts(browser) == ["not_found"]
    browser.find_element("css selector", '[data-filter="verified"]').click()
    assert _visible_verdicts(browser) == ["verified"]
    browser.find_element("css selector", '[data-filter="errors"]').click()
    assert _visible_verdicts(browser) == ["mismatch", "mismatch", "not_found"]
    browser.find_element("css selector", '[data-filter="all"]').click()
    assert len(_visible_verdicts(browser)) == 4


def test_a_chimera_shows_the_paper_its_arxiv_id_names_and_no_suggested_entry(
    browser: Any, report: Path
) -> None:
    browser.get(report.as_uri())
    card = browser.find_element("css selector", "#entry-2")
    assert "BN704" in card.text
    head = card.find_element("css selector", "thead").text
    assert head == "cited the paper its identifier names (s2)"
    title = card.find_element("css selector", "tbody tr").text
    assert "Diffusion Models for High-Resolution Image Synthesis" in title
    assert "Denoising Diffusion Probabilistic Models" in title  # the record of 2006.11239
    assert card.find_elements("css selector", ".suggestion") == []  # never another paper's entry
    suggested = browser.find_element("css selector", "#entry-3 .suggestion pre").text
    assert suggested.startswith("@inproceedings{wrong_year,") and "2022" in suggested


def test_printed_every_card_shows_and_the_filters_do_not(browser: Any, report: Path, tmp_path: Path) -> None:
    browser.get(report.as_uri())
    browser.find_element("css selector", '[data-filter="verified"]').click()
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element("css selector", ".filters").is_displayed()
        assert len(_visible_verdicts(browser)) == 4  # a filter chosen on screen does not cut the print
        browser.save_screenshot(str(tmp_path / "printed.png"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# --- a real bibliography's report ----------------------------------------------------------------

# The NeurIPS paper of arXiv 1706.03762 (tests/records.py), as every verified entry's record.
_RECORD = PUBLISHED


def _finding(code: str, field: str, message: str, severity: Severity = Severity.ERROR) -> VerifyFinding:
    return VerifyFinding(code=code, severity=severity, message=message, field=field)


def _entry(number: int) -> EntryVerdict:
    """Entry ``number`` of a 500-entry bibliography: one in ten has a problem, as in real ones."""
    key = f"k{number:03d}"
    claim = Claim(
        key=key,
        path="refs.bib",
        line=1 + 8 * number,
        entry_type="inproceedings",
        title=f"{_RECORD.title} {number}",
        authors=("Ashish Vaswani", "Noam Shazeer"),
        year=2017,
        venue="NeurIPS",
    )
    matched = Matched(
        source="s2", title=claim.title, record=_RECORD.model_copy(update={"title": claim.title})
    )
    base = {"key": key, "path": "refs.bib", "line": claim.line, "claim": claim}
    kind = number % 20
    if kind == 3:
        wrong = claim.model_copy(update={"authors": ("N. Shazeer", "A. Vaswani")})
        finding = _finding("BN715", "author", "the authors are listed in another order")
        return EntryVerdict(
            **{**base, "claim": wrong}, verdict=Verdict.MISMATCH, findings=(finding,), matched=matched
        )
    if kind == 7:
        finding = _finding("BN722", "year", "year 2016; the paper is from 2017")
        wrong = claim.model_copy(update={"year": 2016})
        return EntryVerdict(
            **{**base, "claim": wrong}, verdict=Verdict.MISMATCH, findings=(finding,), matched=matched
        )
    if kind == 11:
        return EntryVerdict(**base, verdict=Verdict.UNVERIFIABLE, unverifiable_because=("s2",))
    if kind == 15:
        finding = _finding("BN706", "title", "no paper with this title in s2, arxiv")
        return EntryVerdict(**base, verdict=Verdict.NOT_FOUND, findings=(finding,))
    return EntryVerdict(**base, verdict=Verdict.VERIFIED, matched=matched)


@pytest.fixture(scope="module")
def big_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outcome = VerifyOutcome(verdicts=[_entry(number) for number in range(500)], asked=("s2",))
    path = tmp_path_factory.mktemp("big") / "report.html"
    path.write_text(
        render_report(outcome, files=["refs.bib"], generated=date(2026, 11, 24)), encoding="utf-8"
    )
    return path


def test_the_author_diff_shows_the_order_not_the_initials(big_report: Path) -> None:
    page = big_report.read_text(encoding="utf-8")
    card = page[page.index('id="entry-4"') :]
    row = card[card.index('<tr class="differs">') :]
    cited, held = row[: row.index("</tr>")].split("</td><td>")
    moved = '<li class="name moved" title="moved"><mark>'
    # An initial for a given name is no difference; the order is.
    assert moved + 'N. Shazeer</mark> <span class="at">(1st here, 2nd there)' in cited
    assert moved + 'A. Vaswani</mark> <span class="at">(2nd here, 1st there)' in cited
    assert moved + 'Ashish Vaswani</mark> <span class="at">(1st here, 2nd there)' in held
    assert "extra" not in row and "missing" not in row


def test_a_500_entry_report_opens_problems_first_without_javascript(
    browser: Any, big_report: Path, tmp_path: Path
) -> None:
    assert big_report.stat().st_size < 500 * 1_500  # 842 KB for 498 entries before, every card open
    browser.set_window_size(1280, 1400)
    browser.get(big_report.as_uri())
    assert browser.execute_script("return 1") == 1  # the driver's own scripts run; the page has none
    cards = browser.find_elements("css selector", ".card")
    groups = [card.get_attribute("class").split()[-1] for card in cards]
    assert groups == ["errors"] * 75 + ["warnings"] * 25 + ["verified"] * 400  # problems first
    first = cards[0]
    assert first.get_attribute("id") == "entry-4" and first.location["y"] < 800  # seen on opening
    verified = [card for card in cards if "verified" in card.get_attribute("class").split()]
    assert all(card.size["height"] < 45 for card in verified[:20])  # one line each
    verified[0].find_element("tag name", "summary").click()  # a verified card opens on a click
    assert verified[0].size["height"] > 150 and "record (s2)" in verified[0].text
    browser.find_element("css selector", '[data-filter="warnings"]').click()
    assert _visible_verdicts(browser) == ["unverifiable"] * 25
    browser.find_element("css selector", '[data-filter="not_found"]').click()
    assert _visible_verdicts(browser) == ["not_found"] * 25
    browser.find_element("css selector", '[data-filter="errors"]').click()
    assert len(_visible_verdicts(browser)) == 75


def test_the_author_diff_shows_missing_and_extra_authors() -> None:
    claim = Claim(
        key="k",
        path="refs.bib",
        line=1,
        entry_type="inproceedings",
        title=PUBLISHED.title,
        authors=("Vaswani, A.", "Ada Lovelace"),
    )
    verdict = EntryVerdict(
        key="k",
        path="refs.bib",
        line=1,
        verdict=Verdict.MISMATCH,
        findings=(_finding("BN713", "author", "an author listed is not an author of the paper"),),
        matched=Matched(source="s2", title=PUBLISHED.title, record=PUBLISHED),
        claim=claim,
    )
    page = render_report(VerifyOutcome(verdicts=[verdict]), files=["refs.bib"], generated=date(2026, 11, 24))
    row = page[page.index('<tr class="differs">') :]
    cited, held = row[: row.index("</tr>")].split("</td><td>")
    assert cited == (
        '<tr class="differs"><th scope="row">authors</th><td>'
        '<ol class="names"><li class="name">Vaswani, A.</li>'
        '<li class="name extra" title="extra"><mark>Ada Lovelace</mark></li></ol>'
    )
    assert held == (
        '<ol class="names"><li class="name">Ashish Vaswani</li>'
        '<li class="name missing" title="missing"><mark>Noam Shazeer</mark></li></ol></td>'
    )
