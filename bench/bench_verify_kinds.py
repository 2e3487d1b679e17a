"""``bibnorm verify`` on real bibliographies full of works that are not papers.

The files of ``tests/corpus/kinds/`` (IEEEtran's and biblatex's example databases, four JOSS
papers' ``paper.bib``, an RFC Editor entry; see tests/corpus/README.md) are verified against the
fakes of tests/fakes on 127.0.0.1 holding what the live sources hold for the identifiers the
files give (tests/fakes/kinds_world.py: arXiv records, Crossref works of RFCs and a book, Open
Library's books) and no paper beyond them — so most papers come out ``not_found`` here, and
that is not what is measured. Measured: how the books, theses, software, datasets, standards,
web pages and other works come out. The goal is none ``not_found`` or ``mismatch`` unless a
source contradicts the entry.

Printed: entries per kind, verdicts per kind, the flagged works that are not papers (with their
findings), the requests by source.

    python bench/bench_verify_kinds.py
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bibnorm.bib.bibfile import read_bibfile  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.verify.judge import Verdict, claim_from_entry  # noqa: E402
from bibnorm.verify.kinds import EntryKind  # noqa: E402
from bibnorm.verify.run import VerifyOptions, run_verify  # noqa: E402
from fakes.arxiv_api import FakeArxivServer  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.kinds_world import CORPUS, CORPUS_ARXIV, crossref_works  # noqa: E402
from fakes.openlibrary_api import FakeOpenLibrary  # noqa: E402
from fakes.s2_api import FakeS2  # noqa: E402

TODAY = date(2026, 11, 22)
FLAGGED = {Verdict.MISMATCH, Verdict.NOT_FOUND}


def main() -> None:
    files = sorted(CORPUS.glob("*.bib"))
    kinds = {}
    for path in files:
        bibfile = read_bibfile(path)
        for entry in bibfile.entries:
            kinds[(str(path), entry.key)] = claim_from_entry(entry, str(path), bibfile.strings).kind
    s2 = FakeS2(papers=[]).start()
    arxiv = FakeArxivServer(CORPUS_ARXIV).start()
    crossref = FakeCrossref(crossref_works()).start()
    openlibrary = FakeOpenLibrary().start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            overrides = {
                "s2_api_url": s2.url,
                "arxiv_api_url": arxiv.url,
                "crossref_api_url": crossref.url,
                "openlibrary_api_url": openlibrary.url,
                "s2_delay": 0,
                "arxiv_delay": 0,
                "crossref_delay": 0,
                "crossref_search_delay": 0,
                "openlibrary_delay": 0,
                "cache_dir": Path(tmp) / "cache",
                "resolvers": ("arxiv", "s2", "crossref"),
                "offline": False,
            }
            outcome = run_verify(files, overrides, VerifyOptions(), today=TODAY, open_session=build_session)
    finally:
        for server in (s2, arxiv, crossref, openlibrary):
            server.stop()
    by_kind: dict[EntryKind, Counter[str]] = defaultdict(Counter)
    flagged = []
    for verdict in outcome.verdicts:
        kind = kinds.get((verdict.path, verdict.key), EntryKind.PAPER)
        by_kind[kind][verdict.verdict.value] += 1
        if kind is not EntryKind.PAPER and verdict.verdict in FLAGGED:
            flagged.append((kind, verdict))
    print(f"verify on the {len(files)} files of tests/corpus/kinds/: {len(outcome.verdicts)} entries")
    columns = [v.value for v in Verdict]
    print(f"{'kind':10}{'entries':>8}" + "".join(f"{c:>14}" for c in columns))
    for kind in EntryKind:
        counts = by_kind.get(kind, Counter())
        print(f"{kind.value:10}{sum(counts.values()):>8}" + "".join(f"{counts[c]:>14}" for c in columns))
    others = sum(sum(c.values()) for k, c in by_kind.items() if k is not EntryKind.PAPER)
    print(f"works that are not papers: {others}; flagged (not_found or mismatch): {len(flagged)}")
    for kind, verdict in flagged:
        codes = " ".join(f.code for f in verdict.findings)
        print(f"  {kind.value:9} {verdict.key} {verdict.verdict.value} {codes}")
    asked = ", ".join(f"{source} {n}" for source, n in sorted(outcome.requests.items()))
    print(f"requests: {asked}")


if __name__ == "__main__":
    main()
