"""The ``verify --html`` report of the dev split, and the screenshot docs/bibliographies.md shows.

Verifies HALLMARK dev_public (``fixtures/shared/reference/verify-dev/dev_public.bib``, 1,119
entries) against the fakes bench_verify.py uses (Semantic Scholar, arXiv and Crossref holding
the split's world), writes the report, prints how long verifying and rendering took and the
report's size, and, where headless Chromium and chromedriver are installed, takes a screenshot
of the report as it opens, JavaScript off (problems first).

Usage: ``python bench/verify_report.py [--html OUT.html] [--screenshot docs/verify-report.png]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_verify import DEV, TODAY, fake_overrides  # noqa: E402
from bibnorm.io import write_atomic  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.verify.html import render_report  # noqa: E402
from bibnorm.verify.run import VerifyOptions, run_verify  # noqa: E402
from fakes.arxiv_api import FakeArxivServer  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.s2_api import FakeS2  # noqa: E402
from fakes.verify_world import arxiv_records, crossref_works, s2_papers, world  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--html", type=Path, default=None, help="where the report goes (default: a temp file)"
    )
    parser.add_argument("--screenshot", type=Path, default=None, help="a PNG of the report (needs Chromium)")
    args = parser.parse_args()
    html = args.html.resolve() if args.html else None
    png = args.screenshot.resolve() if args.screenshot else None
    os.chdir(DEV)  # the report names the file as a user would give it

    records = world()
    s2 = FakeS2(papers=s2_papers(records)).start()
    arxiv = FakeArxivServer(arxiv_records(records)).start()
    crossref = FakeCrossref(crossref_works(records)).start()
    with tempfile.TemporaryDirectory(prefix="verify-report-") as temporary:
        folder = Path(temporary)
        try:
            started = time.perf_counter()
            outcome = run_verify(
                [Path("dev_public.bib")],
                fake_overrides(s2, arxiv, crossref, folder / "cache"),
                VerifyOptions(),
                today=TODAY,
                open_session=build_session,
            )
            verified = time.perf_counter() - started
        finally:
            s2.stop()
            arxiv.stop()
            crossref.stop()
        started = time.perf_counter()
        page = render_report(outcome, files=["dev_public.bib"], generated=TODAY)
        rendered = time.perf_counter() - started
        target = html or folder / "report.html"
        write_atomic(target, page)
        print(
            f"{len(outcome.verdicts)} entries verified in {verified:.1f} s; "
            f"report rendered in {rendered:.2f} s"
        )
        print(f"report: {len(page.encode()):,} bytes")
        if png is not None:
            screenshot(target, png)
            print(f"screenshot: {png}")


def screenshot(page: Path, png: Path) -> None:
    """The report in headless Chromium as it opens, JavaScript off, 1280 px wide."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver is None:
        raise SystemExit(
            "a screenshot needs chromium and chromedriver (apt-get install chromium chromium-driver)"
        )
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in (
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            f"--user-data-dir={profile}",
            "--window-size=1280,1300",
            "--hide-scrollbars",
        ):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        browser = webdriver.Chrome(service=Service(driver), options=options)
        try:
            browser.get(page.resolve().as_uri())
            browser.save_screenshot(str(png))
        finally:
            browser.quit()


if __name__ == "__main__":
    main()
