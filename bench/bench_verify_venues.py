"""``bibnorm verify`` on correct citations of joint and co-located conferences: false alarms.

A venue's bibliographies cite the ACL Anthology's own booktitles ("Proceedings of the 59th Annual
Meeting of the Association for Computational Linguistics and the 11th International Joint
Conference on Natural Language Processing (Volume 1: Long Papers)"), short names ("ACL-IJCNLP
2021"), one member of a joint event ("EMNLP" for EMNLP-IJCNLP), dblp's decorated titles, ACM's
"(ACL-IJCNLP '21)" and IEEE's abbreviations ("Proc. IEEE Conf. Comput. Vis. Pattern Recognit."),
with the publisher's author list. The sources disagree with each other: Semantic Scholar names
one venue per series ("Annual Meeting of the Association for Computational Linguistics" for
ACL-IJCNLP, and for some NAACL and EMNLP papers too), Crossref's record of the DOI names the
proceedings as the publisher deposited them, and a preprint may list the authors in another order
than the published version.

The papers are real: the ACL Anthology's (``fixtures/acl-anthology/volumes.json``, from the
anthology's own XML: booktitles, titles, authors, pages, DOIs; three volumes marked
``held_out`` were added after the venue rules were written, and their false alarms are printed
apart) and the CVPR papers of the verify dev set's world (``verify-dev/dev_public.world.jsonl``:
dblp's and Semantic Scholar's records).
What is modelled, and said so here: S2's venue string per event (its series names, as
tests/fakes/s2_api.py records them for ACL; the same for NAACL and EMNLP) and its naming ACL for
every third NAACL/EMNLP paper (the mislabelling a venue's run found); Crossref's container title
for IEEE's CVPR DOIs ("2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition
(CVPR)", "IEEE Conference …" before 2019) and for ACM's 2006 DOIs ("… - ACL '06"); a preprint
whose last two authors are swapped against the published version for every fourth CVPR paper
with three authors or more (the citation follows the published version).

Every citation is correct, so every flagged one (mismatch or not found) is a false alarm. Beside
them, corrupted citations (an ACL paper cited at another event of another year, authors swapped)
measure detection. The same references printed as a reference list (one line each, as ACL's
style prints them) are verified too, and the verdicts compared with the .bib's.

    python bench/bench_verify_venues.py [--misses]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_verify import fake_overrides  # noqa: E402
from bibnorm.resolvers._session import build_session  # noqa: E402
from bibnorm.verify.judge import EntryVerdict, Verdict  # noqa: E402
from bibnorm.verify.run import VerifyOptions, run_verify  # noqa: E402
from fakes.arxiv_api import Author, FakeArxivServer, FakeRecord, _date_from_id  # noqa: E402
from fakes.crossref_api import FakeCrossref  # noqa: E402
from fakes.s2_api import FakeS2  # noqa: E402
from fakes.verify_world import world  # noqa: E402

ANTHOLOGY = ROOT / "fixtures" / "acl-anthology" / "volumes.json"
TODAY = date(2026, 11, 22)
FLAGGED = {Verdict.MISMATCH, Verdict.NOT_FOUND}
SHARD = 150  # citations per .bib: no two cite one paper

ACL = "Annual Meeting of the Association for Computational Linguistics"
EMNLP = "Conference on Empirical Methods in Natural Language Processing"
NAACL = "North American Chapter of the Association for Computational Linguistics"
# S2's venue string per event (its series' names); for some NAACL and EMNLP papers it says ACL.
S2_VENUE = {
    "ACL-IJCNLP": ACL,
    "NAACL-HLT": NAACL,
    "EMNLP-IJCNLP": EMNLP,
    "AACL-IJCNLP": "AACL",
    "COLING-ACL": ACL,
    "EMNLP-CoNLL": EMNLP,
    "EMNLP": EMNLP,
    "NAACL": NAACL,
    "COLING": "International Conference on Computational Linguistics",
}
# Crossref's container title of ACM's DOIs for COLING-ACL 2006 papers.
ACM_2006 = (
    "Proceedings of the 21st International Conference on Computational Linguistics and the 44th"
    " annual meeting of the ACL - ACL '06"
)
# How people cite the event by one of its members ("EMNLP" for EMNLP-IJCNLP 2019).
MEMBER = {
    "ACL-IJCNLP": "ACL",
    "NAACL-HLT": "NAACL",
    "EMNLP-IJCNLP": "EMNLP",
    "AACL-IJCNLP": "AACL",
    "COLING-ACL": "COLING",
    "EMNLP-CoNLL": "EMNLP",
    "EMNLP": "EMNLP",
    "NAACL": "NAACL",
    "COLING": "COLING",
}
# IEEE's abbreviations of the words in these titles (IEEE Reference Guide's list, and the
# usual ones for words it lacks), linking words dropped.
IEEE_WORDS = {
    "proceedings": "Proc.", "annual": "Annu.", "association": "Assoc.", "computational": "Comput.",
    "conference": "Conf.", "international": "Int.", "natural": "Nat.", "language": "Lang.",
    "processing": "Process.", "empirical": "Empir.", "methods": "Methods", "chapter": "Chapter",
    "american": "Amer.", "technologies": "Technol.", "linguistics": "Linguistics", "computer": "Comput.",
    "vision": "Vis.", "pattern": "Pattern", "recognition": "Recognit.", "learning": "Learn.",
}  # fmt: skip
IEEE_DROPPED = {"of", "the", "and", "on", "for", "in"}


def plain(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def trackless(booktitle: str) -> tuple[str, str]:
    """(the booktitle without its track, the track): "(Volume 1: Long Papers)" / ", Volume 1 (…)"."""
    match = re.search(r",? ?\(?(Volume \d+[^()]*(?:\([^()]*\))?)\)?$", booktitle)
    return (booktitle[: match.start()], match.group(1)) if match else (booktitle, "")


def ieee(name: str) -> str:
    words = [w for w in re.split(r"\s+", re.sub(r"\b\d+(st|nd|rd|th)\b|\b(19|20)\d\d\b", "", name)) if w]
    return " ".join(
        IEEE_WORDS.get(w.casefold().strip(":,"), w) for w in words if w.casefold() not in IEEE_DROPPED
    )


def acl_papers() -> list[dict[str, Any]]:
    """The anthology's papers, each with its volume's facts."""
    volumes = json.loads(ANTHOLOGY.read_text(encoding="utf-8"))["volumes"]
    return [
        paper | {k: v for k, v in volume.items() if k != "papers"}
        for volume in volumes
        for paper in volume["papers"]
    ]


def acl_citations(paper: dict[str, Any], number: int) -> list[tuple[str, dict[str, str]]]:
    """(style, fields) of each correct way a researcher cites ``paper``."""
    booktitle, event, year = paper["booktitle"], paper["event"], paper["year"]
    base = {
        "title": paper["title"],
        "author": " and ".join(f"{last}, {first}" for first, last in paper["authors"]),
        "year": str(year),
        "pages": paper["pages"],
    }
    doi = {"doi": paper["doi"]} if paper.get("doi") else {}
    short_year = f"'{str(year)[2:]}"
    name, track = trackless(plain(booktitle))
    dblp = (
        f"{name}, {event.replace('-', '/')} {year}"
        + (f", {track}" if track else "")
        + f", {paper['address']}"
    )
    return [
        ("anthology", {**base, "booktitle": booktitle, "month": paper["month"], "address": paper["address"],
                       "publisher": "Association for Computational Linguistics", **doi}),
        ("anthology-no-doi", {**base, "booktitle": booktitle}),
        ("short", {**base, "booktitle": f"{event} {year}"}),
        ("member", {**base, "booktitle": f"Proceedings of {MEMBER[event]} {year}"}),
        ("dblp", {**base, "booktitle": dblp, **doi}),
        ("acm", {**base, "booktitle": f"{name} ({event} {short_year})", **doi}),
        ("ieee", {**base, "booktitle": ieee(name)}),
    ]  # fmt: skip


def acl_world(papers: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """S2 papers and Crossref works for the anthology's papers."""
    s2, works = [], []
    for number, paper in enumerate(papers):
        names = [f"{first} {last}" for first, last in paper["authors"]]
        venue = S2_VENUE[paper["event"]]
        if paper["event"] in ("NAACL-HLT", "EMNLP-IJCNLP", "NAACL", "EMNLP") and number % 3 == 0:
            venue = ACL  # S2's mislabelling
        external = {"DOI": paper["doi"]} if paper.get("doi") else {}
        s2.append(_s2_paper(f"acl{number}", plain(paper["title"]), names, venue, paper["year"], external))
        if paper.get("doi"):
            container = plain(paper["booktitle"])
            if paper["event"] == "COLING-ACL":  # ACM deposited these
                container = ACM_2006
            works.append(_work(paper["doi"], plain(paper["title"]), names, container, paper["year"]))
    return s2, works


def cvpr_world() -> tuple[
    list[dict[str, Any]], list[dict[str, Any]], list[FakeRecord], list[tuple[str, dict[str, str]]]
]:
    """The dev world's CVPR papers: S2's record, Crossref's (IEEE's container title, the published
    author list), arXiv's (every fourth with three authors or more: the last two swapped), and the
    correct citations of each."""
    s2, works, preprints, citations = [], [], [], []
    for number, record in enumerate(
        r for r in world() if (r.get("s2") or {}).get("venue") == "Computer Vision and Pattern Recognition"
    ):
        published = list(record["authors"])
        year = int((record.get("dblp") or {}).get("year") or record["s2"]["year"])
        external = dict(record["s2"].get("externalIds") or {})
        publisher_doi = record.get("doi") or external.get("DOI")  # IEEE's DOI, as dblp or S2 holds it
        if publisher_doi and "arxiv" in publisher_doi.casefold():
            publisher_doi = None
        # A preprint listing the authors otherwise than the published version (which only a paper
        # with a published record has).
        swapped = publisher_doi and len(published) >= 3 and number % 4 == 0
        preprint = published[:-2] + published[-2:][::-1] if swapped else published
        if record.get("arxiv_id"):
            external["ArXiv"] = record["arxiv_id"]
            preprints.append(
                FakeRecord(
                    arxiv_id=record["arxiv_id"],
                    title=record["title"],
                    abstract="",
                    authors=tuple(Author(name) for name in preprint),
                    versions=(_date_from_id(record["arxiv_id"]),),
                    categories=("cs.CV",),
                    doi=record.get("doi"),
                )
            )  # fmt: skip
        s2_authors = preprint if record.get("arxiv_id") else published
        s2.append(
            _s2_paper(
                record["s2"]["paperId"], record["title"], s2_authors, record["s2"]["venue"], year, external
            )
        )
        if publisher_doi:
            works.append(_work(publisher_doi, record["title"], published, cvpr_container(year), year))
        base = {"title": record["title"], "author": " and ".join(published), "year": str(year)}
        doi = {"doi": record["doi"]} if record.get("doi") else {}
        for style, booktitle in (
            ("ieee", "Proc. IEEE Conf. Comput. Vis. Pattern Recognit."),
            ("ieee-cvf", "Proc. IEEE/CVF Conf. Comput. Vis. Pattern Recognit."),
            ("crossref", cvpr_container(year)),
            ("short", "CVPR"),
        ):
            citations.append((f"cvpr-{style}", {**base, "booktitle": booktitle, **doi}))
    return s2, works, preprints, citations


def cvpr_container(year: int) -> str:
    """IEEE's name of CVPR's proceedings in ``year``, as Crossref gives it for IEEE's DOIs."""
    sponsor = "IEEE/CVF" if year >= 2019 else "IEEE"
    return f"{year} {sponsor} Conference on Computer Vision and Pattern Recognition (CVPR)"


def _s2_paper(
    paper_id: str, title: str, authors: list[str], venue: str, year: int, external: dict[str, str]
) -> dict[str, Any]:
    return {
        "paperId": paper_id, "title": title, "venue": venue, "year": year, "externalIds": external,
        "authors": [{"authorId": None, "name": name} for name in authors],
        "publicationVenue": {"id": venue, "name": venue, "type": "conference"},
        "publicationTypes": ["Conference"], "journal": None, "abstract": None,
    }  # fmt: skip


def _work(doi: str, title: str, authors: list[str], container: str, year: int) -> dict[str, Any]:
    people = [name.rpartition(" ") for name in authors]
    return {
        "DOI": doi,
        "type": "proceedings-article",
        "title": [title],
        "container-title": [container],
        "author": [
            {"given": given, "family": family, "sequence": "additional"} for given, _, family in people
        ],
        "issued": {"date-parts": [[year]]},
    }


def bibtex(key: str, fields: dict[str, str]) -> str:
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields.items())
    return f"@inproceedings{{{key},\n{body}}}\n"


def printed(fields: dict[str, str]) -> str:
    """The reference as ACL's style prints it: "Authors. Year. Title. In Booktitle, pages …"."""
    names = [" ".join(reversed(n.split(", "))) if ", " in n else n for n in fields["author"].split(" and ")]
    authors = (
        ", ".join(names[:-1]) + (f", and {names[-1]}" if len(names) > 2 else f" and {names[-1]}")
        if len(names) > 1
        else names[0]
    )
    pages = f", pages {fields['pages'].replace('--', '–')}" if fields.get("pages") else ""
    doi = f" https://doi.org/{fields['doi']}" if fields.get("doi") else ""
    return (
        f"{authors}. {fields['year']}. {plain(fields['title'])}. In {plain(fields['booktitle'])}{pages}.{doi}"
    )


def corrupted(papers: list[dict[str, Any]]) -> list[tuple[str, dict[str, str]]]:
    """Each anthology paper cited wrongly: at another event's booktitle (another year), or with
    its first two authors swapped (papers with two authors or more)."""
    wrong = []
    for number, paper in enumerate(papers):
        other = next(
            p
            for p in papers[number + 1 :] + papers
            if p["event"] != paper["event"] and p["year"] != paper["year"]
        )
        fields = acl_citations(paper, number)[0][1]
        wrong.append(("wrong-venue", {**fields, "booktitle": other["booktitle"], "year": str(other["year"])}))
        if len(paper["authors"]) >= 2:
            names = fields["author"].split(" and ")
            wrong.append(
                ("swapped-authors", {**fields, "author": " and ".join([names[1], names[0], *names[2:]])})
            )
    return wrong


def run(folder: Path, files: list[Path], overrides: dict[str, Any]) -> dict[str, EntryVerdict]:
    verdicts: dict[str, EntryVerdict] = {}
    for path in files:
        outcome = run_verify([path], overrides, VerifyOptions(), today=TODAY, open_session=build_session)
        verdicts.update(
            {f"{path.name}:{v.line}" if path.suffix == ".txt" else v.key: v for v in outcome.verdicts}
        )
    return verdicts


def main() -> None:
    papers = acl_papers()
    s2_acl, works_acl = acl_world(papers)
    s2_cvpr, works_cvpr, preprints, cvpr_citations = cvpr_world()
    correct = [
        (f"held-out-{style}" if paper.get("held_out") else style, fields)
        for number, paper in enumerate(papers)
        for style, fields in acl_citations(paper, number)
    ]
    correct += cvpr_citations
    wrong = corrupted(papers)
    s2 = FakeS2(papers=s2_acl + s2_cvpr).start()
    arxiv = FakeArxivServer(preprints).start()
    crossref = FakeCrossref(works_acl + works_cvpr).start()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            overrides = fake_overrides(s2, arxiv, crossref, folder / "cache")
            files, printed_files, keys = [], [], {}
            for label, cited in (("ok", correct), ("bad", wrong)):
                for start in range(0, len(cited), SHARD):
                    chunk = cited[start : start + SHARD]
                    # one paper per shard at most: citations of one paper go to different shards
                    by_shard: dict[int, list[tuple[str, str, dict[str, str]]]] = {}
                    for offset, (style, fields) in enumerate(chunk):
                        key = f"{label}{start + offset}"
                        keys[key] = (label, style, fields)
                        by_shard.setdefault(_slot(by_shard, fields["title"]), []).append((key, style, fields))
                    for slot, entries in by_shard.items():
                        path = folder / f"{label}{start}-{slot}.bib"
                        path.write_text(
                            "\n".join(bibtex(key, fields) for key, _, fields in entries), encoding="utf-8"
                        )
                        files.append(path)
                        if label == "ok":
                            listed = folder / f"{label}{start}-{slot}.txt"
                            listed.write_text(
                                "\n\n".join(printed(fields) for _, _, fields in entries) + "\n",
                                encoding="utf-8",
                            )
                            printed_files.append((listed, [key for key, _, _ in entries]))
            verdicts = run(folder, files, overrides)
            printed_verdicts: dict[str, EntryVerdict] = {}
            for listed, listed_keys in printed_files:
                outcome = run_verify(
                    [listed], overrides, VerifyOptions(), today=TODAY, open_session=build_session
                )
                by_title = {_title_key(keys[key][2]["title"]): key for key in listed_keys}
                for verdict in outcome.verdicts:
                    read = _title_key(verdict.claim.title) if verdict.claim is not None else ""
                    if read in by_title:  # an item read as another reference's title is left out
                        printed_verdicts[by_title[read]] = verdict
    finally:
        s2.stop()
        arxiv.stop()
        crossref.stop()
    elapsed = time.perf_counter() - started
    report(keys, verdicts, printed_verdicts, elapsed, len(papers) + len(s2_cvpr))


def _title_key(title: str) -> str:
    return re.sub(r"[^0-9a-z]", "", plain(title).casefold())


def _slot(by_shard: dict[int, list[tuple[str, str, dict[str, str]]]], title: str) -> int:
    """The first shard that cites no paper of this title yet."""
    slot = 0
    while any(plain(f["title"]) == plain(title) for _, _, f in by_shard.get(slot, [])):
        slot += 1
    return slot


def report(
    keys: dict[str, tuple[str, str, dict[str, str]]],
    verdicts: dict[str, EntryVerdict],
    printed_verdicts: dict[str, EntryVerdict],
    elapsed: float,
    papers: int,
) -> None:
    by_style: dict[str, Counter[str]] = {}
    alarms, codes = [], Counter[str]()
    for key, (label, style, _) in keys.items():
        verdict = verdicts[key]
        flagged = verdict.verdict in FLAGGED
        by_style.setdefault(f"{label}:{style}", Counter())["flagged" if flagged else "passed"] += 1
        if flagged and label == "ok":
            alarms.append(key)
            codes.update(f.code for f in verdict.findings)
    correct = [k for k, (label, _, _) in keys.items() if label == "ok"]
    wrong = [k for k, (label, _, _) in keys.items() if label == "bad"]
    caught = sum(1 for k in wrong if verdicts[k].verdict in FLAGGED)
    print(
        f"verify venues: {len(correct)} correct and {len(wrong)} corrupted citations of {papers} papers,"
        f" {elapsed:.1f} s"
    )
    print(
        f"false alarms: {len(alarms)} / {len(correct)} ({len(alarms) / len(correct):.2%});"
        f" by code: {dict(codes)}"
    )
    held = [k for k in correct if keys[k][1].startswith("held-out-")]
    held_alarms = [k for k in alarms if k in held]
    tuned = len(correct) - len(held)
    print(
        f"  on the volumes the rules were written against: {len(alarms) - len(held_alarms)} / {tuned};"
        f" held out (EMNLP 2020, NAACL 2021, COLING 2020): {len(held_alarms)} / {len(held)}"
    )
    print(f"detection: {caught} / {len(wrong)} ({caught / len(wrong):.2%})")
    print("verdicts:", dict(Counter(v.verdict.value for v in verdicts.values())))
    print("\nby style (flagged / citations):")
    for style, counts in sorted(by_style.items()):
        total = counts["flagged"] + counts["passed"]
        print(f"  {style:28} {counts['flagged']:4} / {total}")
    same = [
        k
        for k in printed_verdicts
        if (printed_verdicts[k].verdict in FLAGGED) == (verdicts[k].verdict in FLAGGED)
    ]
    printed_count = sum(1 for label, _, _ in keys.values() if label == "ok")
    print(
        f"\nprinted list vs .bib: {len(printed_verdicts)} of {printed_count} printed references read with"
        f" their title; the same verdict (flagged or not) for {len(same)} of them"
    )
    if "--misses" in sys.argv:
        for key in alarms:
            found = "; ".join(f"{f.code} {f.message}" for f in verdicts[key].findings)
            print(f"ALARM {keys[key][1]:18} {key}: {found[:300]}")
        for key in wrong:
            if verdicts[key].verdict not in FLAGGED:
                print(f"MISS {keys[key][1]:18} {key}: {verdicts[key].verdict.value}")
        for key in printed_verdicts:
            if key not in same:
                found = "; ".join(f"{f.code} {f.message}" for f in printed_verdicts[key].findings)
                print(f"PRINTED {keys[key][1]:18} {key}: {printed_verdicts[key].verdict.value} {found[:200]}")


if __name__ == "__main__":
    main()
