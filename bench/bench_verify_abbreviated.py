"""False alarms of ``bibnorm verify`` on real entries with abbreviated journals and accented names.

The 417 MathSciNet entries of ``tests/corpus/abbreviated/spdes-bib.bib`` (provenance in
tests/corpus/README.md), every one a correct citation whose ``journal`` is an abbreviation
("Probab. Theory Related Fields") and whose authors' names carry TeX accents. The sources are the
fakes of tests/fakes on 127.0.0.1 holding each paper as `fakes.bib_world` builds it without
bibnorm: names in ASCII (anyascii), the journal by the entry's ``fjournal``, MathSciNet's full
title. Every entry flagged is a false alarm; printed: the verdicts, each flagged entry with its
findings, and the findings by code. ``tests/test_verify_abbreviated.py`` holds the same figure.

Then the other way round: each journal's abbreviation against every other ``fjournal`` of the
file, as `compare_journals` judges them; printed, each pair it takes for one journal. MathSciNet
spells some journals two ways ("Teoriya Veroyatnosteĭ …", "Teorija Verojatnostej …"), so a pair
printed is a wrong match only when the two are different journals: read them.

    python bench/bench_verify_abbreviated.py [BIB]
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests")]

import bibtexparser  # noqa: E402
from anyascii import anyascii  # noqa: E402
from bibnorm.cli import main as bibnorm  # noqa: E402
from bibnorm.models import Reference  # noqa: E402
from bibnorm.verify.claims import Claim  # noqa: E402
from bibnorm.verify.journals import compare_journals  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from fakes.bib_world import serving, world_papers  # noqa: E402
from pylatexenc.latex2text import LatexNodes2Text  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "abbreviated" / "spdes-bib.bib"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    papers, arxiv_records, _ = world_papers(
        corpus.read_text(encoding="utf-8"), spell_name=anyascii, venue_fields=("fjournal",)
    )
    with serving(papers, arxiv_records) as env, tempfile.TemporaryDirectory() as cache:
        result = CliRunner().invoke(
            bibnorm, ["verify", str(corpus), "--json", "-q"], env={**env, "BIBNORM_CACHE_DIR": cache}
        )
    document = json.loads(result.stdout)
    codes: Counter[str] = Counter()
    for entry in document["entries"]:
        if entry["verdict"] == "verified":
            continue
        for found in entry["findings"]:
            codes[found["code"]] += 1
            print(f"{entry['key']}\t{entry['verdict']}\t{found['code']}\t{found['message']}")
    summary = document["summary"]
    print(
        f"entries {summary['entries']}, verified {summary['verified']}, flagged "
        f"{summary['entries'] - summary['verified']}; findings {dict(sorted(codes.items()))}"
    )

    cross_journal_agreements(corpus)


def cross_journal_agreements(corpus: Path) -> None:
    """Each ``journal`` against the ``fjournal`` of every other journal of the file."""
    to_text = LatexNodes2Text().latex_to_text
    full_names: dict[str, str] = {}
    for entry in bibtexparser.parse_string(corpus.read_text(encoding="utf-8")).entries:
        fields = entry.fields_dict
        if "journal" in fields and "fjournal" in fields:
            cited = " ".join(to_text(fields["journal"].value).split())
            full_names[cited] = " ".join(to_text(fields["fjournal"].value).split())
    agreeing = []
    for cited, own in sorted(full_names.items()):
        claim = Claim(key="k", path="refs.bib", line=1, entry_type="article", title="T", venue=cited)
        for other in sorted(set(full_names.values()) - {own}):
            record = Reference(title="T", venue=other, entry_type="article")
            if compare_journals(claim, record, "s2").agree:
                agreeing.append((cited, other))
    pairs = len(full_names) * (len(set(full_names.values())) - 1)
    print(f"abbreviations {len(full_names)}, against another journal's full title: {pairs} pairs")
    for cited, other in agreeing:
        print(f"  one journal?\t{cited}\t{other}")
    print(f"taken for one journal: {len(agreeing)}")


if __name__ == "__main__":
    main()
