"""The reference tagger on citation styles it never saw, beside the rule-based reader on the same strings.

    python scripts/make_tagger_data.py --out build/tagger/data.jsonl --texmf /usr/share/texlive/texmf-dist
    python bench/bench_tagger_heldout.py --data build/tagger/data.jsonl                   # validation
    python bench/bench_tagger_heldout.py --data build/tagger/data.jsonl --split heldout   # once, at the end

Trains a model on the training styles' strings only (as ``scripts/train_tagger.py`` does), then
reads the strings of one evaluation split two ways: the tagger, and the rules
(`bibnorm.readers.refs.parse_reference`, each string in a child process under a time bound, since
some of its patterns backtrack: a string over the bound counts as read wrong and is counted as a
hang). Styles split three ways by a fixed rule (`make_tagger_data.style_split`, the SHA-1 of the
name): the **validation** styles are where every choice (features, parameters, ``--param``) is
measured; the **held-out** styles are measured once, with the choices made, and never tuned on.
The rules get each string as the reader's list splitter hands an item over: its number taken off,
its lines joined; the tagger gets it as generated.

Printed per style and over all of them: accuracy of the title, the first author's family name,
the year, the venue (container) and the DOI, each against what the style printed (a field the
style did not print must be read as absent: an invented title is wrong; `printed_truth` mends the
data's truth where a token joining two fields hid a printed year or joined two names, or holds
GB/T 7714's kind of work's mark in the title). Text is
compared case- and punctuation-blind. Then the same figures on a sample of training-style strings (seen in
training: an upper bound, printed apart), and the tagger's speed on one core (the best of three
cold runs). ``--model`` reuses a trained model instead of training; ``--save-model`` keeps the
one trained; ``--arbiter FIELD=FILE`` reads with other weights of a field's learned choice than the
shipped ones (the files ``scripts/train_title_arbiter.py --out`` writes), to compare them on the
same strings.

``--as-lists`` reads each style's strings as one list, as the reader reads a PDF's list, a pasted
list or a ``.bbl``: a real list is typeset in one style, so how well the rules fit it is read
from all its items (`_field_choice.list_fit`) and informs each item's choice. Without it each
string is read alone (a single reference pasted), where the rules are taken to fit. A style's
strings are records of mixed kinds of work (articles, books, chapters, theses, web pages), as a
real list's are.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import multiprocessing
import pickle
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bibnorm.readers import _authors_arbiter, _title_arbiter, _venue_arbiter, _year_arbiter  # noqa: E402
from bibnorm.readers._arbiter import Arbiter, arbiter_of  # noqa: E402
from bibnorm.readers._field_choice import FITS, SURE, ListFit, RuleReading, choose_fields, list_fit  # noqa: E402
from bibnorm.readers._reflist import _ITEM_START  # noqa: E402
from bibnorm.readers.refs import ParsedReference  # noqa: E402
from bibnorm.readers.tagger import TaggedReference, Tagger  # noqa: E402
from bibnorm.text.titles import KIND_OF_WORK_CODE  # noqa: E402

FIELDS = ("title", "family", "year", "container", "doi")
RULE_SECONDS = 5.0
SPEED_RUNS = 3  # cold runs per measure of the tagger's speed: the best is printed, and the range


def _script(name: str):  # the scripts are not a package: load one by path
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules[name] = module  # (a dataclass looks its module up there)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def key(value: object) -> str | None:
    """Case-, accent- and punctuation-blind form of a field; None for nothing."""
    if value is None:
        return None
    folded = unicodedata.normalize("NFKD", str(value).casefold())
    letters = "".join(char for char in folded if char.isalnum())
    return letters or None


def first_family(read: TaggedReference) -> str | None:
    """The first author's family name, as the tagger joins a run of family tokens."""
    return read.authors[0][0] if read.authors else None


# Where the data's labels misstate what a style printed: a token that joins two fields takes one
# label, so a year glued to the pages ("1990:xv + 478", "1995;8(2/3):221–233", "(2026)10.48550/…")
# or to the title's first word ("(1983)Charles Whittingham", "Palvia 2021Heavy-tailed", "Getz2005
# “Superspreading") counts as no date printed, and names joined without a space ("Adil,
# D./Bullins, B./Sachdeva, S.", "J. D. Berry＝J. Randle", "Squair JW;Gautier M") or a label's
# family names alone ("Okada, Dejima, Ohishi 1995: Y. Okada, …") as one first family name.
# `printed_truth` mends them.
_NAME_JOIN = re.compile("[/＝;]|,\\s")
_NOT_A_DATE = frozenset({"title", "container", "doi", "url", "arxiv", "isbn"})


def record_years(rows: list[dict]) -> dict[str, int]:
    """Each record's year, as the strings of other styles that labelled it print it."""
    counts: dict[str, Counter[int]] = defaultdict(Counter)
    for row in rows:
        if row["truth"]["year"] is not None:
            counts[row["record"]][row["truth"]["year"]] += 1
    return {record: years.most_common(1)[0][0] for record, years in counts.items()}


def printed_truth(row: dict, years: dict[str, int]) -> tuple[dict[str, object], bool]:
    """What ``row``'s style printed of the evaluated fields — the data's truth, the first author's
    family name as the tagger joins its tokens, a year glued to another field's token (`_glued_year`),
    a first name cut from the next one (or from a label's next family name) and GB/T 7714's kind
    of work's mark after the title ("[M].") mended — and whether a mend was made."""
    gold = TaggedReference(row["text"], tuple(row["tokens"]), tuple(row["labels"]))
    family = first_family(gold)
    truth = {**row["truth"], "family": family}
    if family and _NAME_JOIN.search(family):
        truth["family"] = _NAME_JOIN.split(family)[0].split(",")[0].strip()
    year = years.get(row["record"])
    if truth["year"] is None and year is not None and _glued_year(row, year):
        truth["year"] = year
    if truth["title"]:
        truth["title"] = _KIND_MARK.sub("", truth["title"])
        if year is not None:
            truth["title"] = _title_after_its_glued_year(row, year, str(truth["title"]))
    mended = truth["title"] != row["truth"]["title"]
    return truth, mended or truth["family"] != family or truth["year"] != row["truth"]["year"]


# GB/T 7714's kind of work after a title ("Title[M].", "Title[J/OL]."): the style's mark, which the
# data labels the title's and a list's reader leaves out (the rules do, `_field_choice` too). A
# part's mark ends the title before the "//" of the whole it belongs to, which the data of some
# GB/T `.bst` styles labels the title's as well ("Title[C]//ICLR.": the proceedings are the venue).
_KIND_MARK = re.compile(rf"{KIND_OF_WORK_CODE}\](?://[\s\S]*+|[.,]?)$")


def _title_after_its_glued_year(row: dict, year: int, title: str) -> str:
    """``title`` as printed where the record's ``year`` is glued to its first word, in the token the
    data labels the title's first or in the one before it, a name's (styles that print the year
    between the names and the title without a space: "y W.M. Getz2005“Superspreading and …",
    "Roberts1989Mathematical Writing.", "(1990)Time Series."): the token's text after the year opens
    the title, its text before the year is no part of it."""
    labels, tokens = row["labels"], row["tokens"]
    if "title" not in labels:
        return title
    start = labels.index("title")
    for index in (start, start - 1):
        found = _glued_to_words(tokens[index], year) if index >= 0 else None
        if found is None:
            continue
        opening = tokens[index][found.end() :]
        if index == start:
            return opening + title[len(tokens[index]) :] if title.startswith(tokens[index]) else title
        return f"{opening} {title}"
    return title


def _glued_to_words(token: str, year: int) -> re.Match[str] | None:
    """Where ``year`` is glued to the words after it in ``token``, if it is."""
    return next((glued for glued in _YEAR_THEN_WORDS.finditer(token) if glued.group(1) == str(year)), None)


# A year glued to the words after it, its bracket closed between them or a quotation mark opened
# (two letters after it: "2023b." is the year's own letter)
_YEAR_THEN_WORDS = re.compile(r"(?<!\d)(\d{4})\)?(?=[“\"‘«]?[^\W\d_]{2})")


def _glued_year(row: dict, year: int) -> bool:
    """Whether ``row`` prints the record's ``year`` glued to another field's token: outside a
    title, a venue and an identifier — after a volume's or an issue's number and a slash too, as
    Icelandic styles print the date of an issue ("TUGboat 20:3/1999", "12/2012"), not after a longer
    number's ("978/1999") —, or right before the words of a field it opens ("(1983)Charles
    Whittingham", "2021Heavy-tailed", "(2026)10.48550/arXiv…": not "2001: A Space Odyssey", nor a
    year inside a title); in any field's token, after a comma without a blank or before a period
    and the next field's words ("Nature Neuroscience,2012, 15(6)", "2016.Cell Metab 24(4)": GB/T
    and Vancouver styles rendered without their blank, not "ICML 2012" nor a DOI's ".2016.")."""
    glued = re.compile(rf"(?:(?<![\d./])|(?<=\b\d/)|(?<=\b\d\d/)){year}(?!\d)")
    opening = re.compile(rf"(?<!\d){year}\)?[“\"‘«]?[^\W\d_]|^\({year}\)")
    labels = row["labels"]
    return any(
        (label not in _NOT_A_DATE and glued.search(token))
        or any(apart.group("year") == str(year) for apart in _YEAR_SET_OFF.finditer(token))
        or ((index == 0 or labels[index - 1] != label) and opening.search(token))
        for index, (token, label) in enumerate(zip(row["tokens"], labels, strict=True))
    )


# A year set off from a field's words by a comma without a blank or by a period before the next
# field's ("Nature Neuroscience,2012, 15(6)", "2016.Cell Metab 24(4)")
_YEAR_SET_OFF = re.compile(r"(?:(?<=[^\W\d_][,;])|^(?=\d{4}\.[^\W\d_]))(?P<year>\d{4})(?!\d)")


def tagger_fields(read: TaggedReference) -> dict[str, object]:
    return {
        "title": read.title,
        "family": first_family(read),
        "year": read.year,
        "container": read.container,
        "doi": read.doi,
        "authors": tuple(read.written_authors(0)),
    }


# A list's number, "[12]", "(12)", "12." or "12": not a year that opens a work without names
# ("1992. Title", "(2022) Hamilton v. Evans"), which the reader's list splitter keeps as well.
_LIST_NUMBER = re.compile(r"^(?:\[\d+\]|\(\d{1,3}\)|\d{1,3}\.?)\s+")


def as_item(text: str) -> str:
    """What the reader's list splitter does before `parse_reference` sees an item: its lines
    joined, the list's number taken off, else a label as the splitter reads one (an alphabetic
    "[Hoe90]", "[Zhai et al., 2022]": `_reflist._ITEM_START`); and what the list's reader does
    before both readers see it (`refs.for_both_readers`: a year glued to its neighbours set apart)."""
    from bibnorm.readers.refs import for_both_readers

    joined = " ".join(text.split())
    numbered = _LIST_NUMBER.sub("", joined)
    return for_both_readers(numbered if numbered != joined else _ITEM_START.sub("", joined, count=1))


def _parse(text: str) -> ParsedReference:
    from bibnorm.readers.refs import parse_reference

    return parse_reference(as_item(text))


def _fields(
    title: str | None, authors: tuple[str, ...], year: int | None, venue: str | None, doi: str | None
):
    first = authors[0] if authors and authors[0] != "others" else None
    # the first name as written ("Zhai X", "X. Zhai", "Zhai, X."): any of its words may be the
    # family name, which is generous to the rules; the names all, for `names_holding_other_fields`
    return {"title": title, "family": first, "year": year, "container": venue, "doi": doi, "authors": authors}


def rule_fields(read: ParsedReference) -> dict[str, object]:
    return _fields(read.title, read.authors, read.year, read.venue, read.doi)


def rule_reading(read: ParsedReference) -> RuleReading:
    return RuleReading(read.title, read.authors, read.year, read.venue)


def product_fields(
    read: ParsedReference, tagged: TaggedReference, choice: Choice, fit: ListFit = FITS
) -> dict[str, object]:
    """What the reader keeps (`_field_choice.choose_fields`): the tagger's fields, the rules' where
    the model is unsure; ``fit``, how well the rules fit the list the string is read in."""
    chosen = choose_fields(rule_reading(read), tagged, dict(choice), fit)
    return _fields(chosen.title, chosen.authors, chosen.year, chosen.venue, read.doi)


class RuleReader:
    """`parse_reference` in a child process; a string over `RULE_SECONDS` ends the child. With
    ``cache``, the readings are kept in that file (a pickle) for the next run: they do not
    depend on the model."""

    def __init__(self, cache: Path | None = None) -> None:
        self.hangs = 0
        self._pool = multiprocessing.get_context("fork").Pool(1)
        self._cache_file = cache
        self._cache: dict[str, ParsedReference | None] = (
            pickle.loads(cache.read_bytes()) if cache is not None and cache.is_file() else {}
        )

    def read(self, text: str) -> ParsedReference | None:
        if text in self._cache:
            return self._cache[text]
        result = self._pool.apply_async(_parse, (text,))
        try:
            read: ParsedReference | None = result.get(RULE_SECONDS)
        except multiprocessing.TimeoutError:
            self.hangs += 1
            self._pool.terminate()
            self._pool = multiprocessing.get_context("fork").Pool(1)
            read = None
        self._cache[text] = read
        return read

    def close(self) -> None:
        self._pool.terminate()
        if self._cache_file is not None:
            self._cache_file.write_bytes(pickle.dumps(self._cache))


def correct(
    read: dict[str, object] | None, truth: dict[str, object], name: str, generous: bool = False
) -> bool:
    if read is None:
        return False
    if name == "family" and generous and read[name]:
        words = {key(word) for word in re.split(r"[\s,]+", str(read[name]))}
        expected = key(truth[name]) or ""
        return expected in words or expected in (key(read[name]) or "")
    return key(read[name]) == key(truth[name])


READERS = ("tagger", "rules", "product")
Choice = tuple[tuple[str, float], ...]  # `choose_fields`'s thresholds, per field (`SURE`)


def _choice(text: str) -> Choice:
    """ "title=0.6:venue=0.8" -> the shipped thresholds with those two changed."""
    changed = dict(
        (name, float(value)) for name, _, value in (item.partition("=") for item in text.split(":"))
    )
    return tuple({**SURE, **changed}.items())


Row = tuple[dict, dict[str, dict | None]]  # the truth, and each reader's fields (None: it hung)


def _cells(values: list[float], digits: int = 0) -> str:
    return "/".join(f"{100 * value:.{digits}f}" for value in values).rjust(17 if digits else 11)


def shares_of(rows: list[Row], name: str) -> list[float]:
    """Per reader, the share of ``rows`` whose field ``name`` it read right."""
    return [
        sum(correct(read[reader], truth, name, generous=reader != "tagger") for truth, read in rows)
        / len(rows)
        for reader in READERS
    ]


def table(title: str, per_style: dict[str, list[Row]]) -> None:
    """Per style, then the mean over styles, the worst style and all strings pooled."""
    print(f"\n{title}")
    header = "  ".join(f"{name[:9]:>11}" for name in FIELDS)
    print(f"{'style (tagger/rules/product)':46} {'n':>3}  {header}")
    shares: dict[str, list[list[float]]] = {name: [] for name in FIELDS}
    for style in sorted(per_style):
        rows = per_style[style]
        cells = []
        for name in FIELDS:
            shares[name].append(shares_of(rows, name))
            cells.append(_cells(shares[name][-1]))
        print(f"{style[:46]:46} {len(rows):>3}  " + "  ".join(cells))
    pooled = [row for rows in per_style.values() for row in rows]
    print(
        "                                                       "
        + "  ".join(f"{name[:9]:>17}" for name in FIELDS)
    )
    for label, of in (
        (
            "mean over styles",
            lambda name: [statistics.mean(column) for column in zip(*shares[name], strict=True)],
        ),
        ("worst style", lambda name: [min(column) for column in zip(*shares[name], strict=True)]),
        ("all strings", lambda name: shares_of(pooled, name)),
    ):
        print(f"{label:46} {'':>3}  " + "  ".join(_cells(of(name), digits=1) for name in FIELDS))
    for name, floor in (("title", 0.95), ("title", 0.80), ("family", 0.98), ("year", 0.98)):
        counts = [sum(row[reader] >= floor for row in shares[name]) for reader in range(len(READERS))]
        print(
            f"styles with {name} >= {100 * floor:.0f}%: "
            + ", ".join(
                f"{reader} {count}/{len(per_style)}" for reader, count in zip(READERS, counts, strict=True)
            )
        )
    below = [sum(row[reader] < 0.80 for row in shares["title"]) for reader in range(len(READERS))]
    print("styles with title < 80%: " + ", ".join(f"{r} {c}" for r, c in zip(READERS, below, strict=True)))


def evaluate(
    tagger: Tagger, rows: list[dict], rules: RuleReader, choices: tuple[Choice, ...], as_lists: bool = False
) -> dict[Choice, dict[str, list[Row]]]:
    """Per choice of thresholds, per style, each string's truth and three readings; with
    ``as_lists``, the product reads each style's strings as one list (`_field_choice.list_fit`)."""
    measured: dict[Choice, dict[str, list[Row]]] = {choice: defaultdict(list) for choice in choices}
    years = record_years(rows)
    # the rules' reading and the model's of each string as the reader hands it over
    read = [(rules.read(row["text"]), tagger.tag(as_item(row["text"]), weigh=True)) for row in rows]
    fits = style_fits(rows, read) if as_lists else {}
    for row, (parsed, item) in zip(rows, read, strict=True):
        text = row["text"]
        # the first author's whole family name ("Lawry Aguila", "van der Berg"), as the tagger
        # joins a run of family tokens
        truth = {
            **printed_truth(row, years)[0],
            "text": text,
            "tokens": row["tokens"],
            "labels": row["labels"],
        }
        tagged = tagger.tag(text)
        fit = fits.get(row["style"], FITS)
        for choice in choices:
            measured[choice][row["style"]].append(
                (
                    truth,
                    {
                        "tagger": tagger_fields(tagged),
                        "rules": rule_fields(parsed) if parsed else None,
                        "product": product_fields(parsed, item, choice, fit) if parsed else None,
                    },
                )
            )
    return measured


def style_fits(
    rows: list[dict], read: list[tuple[ParsedReference | None, TaggedReference]]
) -> dict[str, ListFit]:
    """Each style's strings read as one list: how well the rules fit it (`list_fit`), a string
    the rules hung on left out."""
    per_style: dict[str, list[tuple[str | None, str | None]]] = defaultdict(list)
    for row, (parsed, item) in zip(rows, read, strict=True):
        if parsed is not None:
            per_style[row["style"]].append((parsed.title, choose_fields(rule_reading(parsed), item).title))
    return {style: list_fit(titles) for style, titles in per_style.items()}


def print_invented(per_style: dict[str, list[Row]]) -> None:
    """Each string whose style printed no title and the product gave one: its style, the title
    kept, and the string (``--show-invented``)."""
    for style in sorted(per_style):
        for truth, read in per_style[style]:
            product = read["product"]
            if not truth["title"] and product and product["title"]:
                print(f"  {style}: title {product['title']!r}\n    {truth['text']}")


def invented_titles(per_style: dict[str, list[Row]]) -> tuple[int, list[int]]:
    """Strings whose style printed no title: how many, and how many each reader gave a title."""
    untitled = [read for rows in per_style.values() for truth, read in rows if not truth["title"]]
    return len(untitled), [sum(bool(read[r] and read[r]["title"]) for read in untitled) for r in READERS]


_NAME_LABELS = frozenset({"family", "given", "author", "editor"})
_NAME_PIECE = re.compile(r"[\s,]+")


def _words_of(texts: Iterable[str]) -> set[str]:
    """The words of ``texts`` of three characters or more, without the marks around them."""
    pieces = (piece.strip(".,;:()[]“”\"'") for text in texts for piece in _NAME_PIECE.split(text))
    return {piece for piece in pieces if len(piece) >= 3}


def names_holding_other_fields(per_style: dict[str, list[Row]]) -> tuple[int, list[int]]:
    """How many strings, and of them how many each reader reads with names that hold a word the
    truth labels as another field and as no name ("Field K. Cartography" of "Field K.
    Cartography. Redlands, …", "Gouveia 2013: I. Marcilio" of an author-date key): the generous
    first-author measure (`correct`) does not see them."""
    rows = [(truth, read) for rows in per_style.values() for truth, read in rows]
    counts = [0] * len(READERS)
    for truth, read in rows:
        labelled = list(zip(truth["tokens"], truth["labels"], strict=True))
        names = _words_of(token for token, label in labelled if label in _NAME_LABELS)
        others = _words_of(token for token, label in labelled if label not in _NAME_LABELS | {"other"})
        for at, reader in enumerate(READERS):
            authors = read[reader]["authors"] if read[reader] else ()
            counts[at] += bool((_words_of(authors) & others) - names)
    return len(rows), counts


def print_arbiter_halves(per_style: dict[str, list[Row]]) -> None:
    """The validation styles' two halves apart: the title's and the venue's learned choices
    (`_title_arbiter`, `_venue_arbiter`) were trained on the first
    (`train_title_arbiter.arbiter_half`) and their penalty chosen on the second."""
    half_of = _script("train_title_arbiter").arbiter_half
    for half in ("training", "tuning"):
        styles = {style: rows for style, rows in per_style.items() if half_of(style) == half}
        pooled = [row for rows in styles.values() for row in rows]
        titles, venues = (
            "/".join(f"{100 * share:.1f}" for share in shares_of(pooled, name))
            for name in ("title", "container")
        )
        strings, invented = invented_titles(styles)
        print(
            f"arbiter-{half} half: {len(styles)} styles, {len(pooled)} strings; tagger/rules/product titles "
            f"{titles}, venues {venues}; of {strings} untitled, a title invented by the product {invented[2]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "build" / "tagger" / "data.jsonl")
    parser.add_argument(
        "--split",
        choices=("validation", "heldout"),
        default="validation",
        help="the styles to measure: validation (tuning) or heldout (once, at the end)",
    )
    parser.add_argument(
        "--model", type=Path, default=None, help="a model trained on the training styles only"
    )
    parser.add_argument("--save-model", type=Path, default=None, help="where to keep the model trained")
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="a CRFsuite parameter to try"
    )
    parser.add_argument(
        "--choices",
        default="",
        metavar="FIELD=VALUE:FIELD=VALUE,…",
        help="other thresholds of `_field_choice.choose_fields` (`SURE`) to try for the product",
    )
    parser.add_argument(
        "--as-lists",
        action="store_true",
        help="the product reads each style's strings as one list, as the reader reads a list (one style)",
    )
    parser.add_argument(
        "--rules-cache", type=Path, default=None, help="a file to keep the rules' readings in between runs"
    )
    parser.add_argument("--training-sample", type=int, default=1500, help="training-style strings to measure")
    parser.add_argument(
        "--show-invented",
        action="store_true",
        help="list the strings whose style printed no title and the product gave one",
    )
    parser.add_argument(
        "--arbiter",
        action="append",
        default=[],
        metavar="FIELD=FILE",
        help="a field's learned choice's weights instead of the shipped ones (title, venue, year, authors)",
    )
    arguments = parser.parse_args(argv)
    failed = use_arbiters(arguments.arbiter)
    if failed:
        print(f"bench_tagger_heldout: {failed}", file=sys.stderr)
        return 2
    if not arguments.data.is_file():
        print(
            f"bench_tagger_heldout: no such file: {arguments.data} (scripts/make_tagger_data.py makes it)",
            file=sys.stderr,
        )
        return 1
    rows = [json.loads(line) for line in arguments.data.open(encoding="utf-8")]
    evaluated = [row for row in rows if row["split"] == arguments.split]
    seen = [row for row in rows if row["split"] == "train"]
    model = arguments.model
    if model is None:
        model = arguments.save_model or Path(tempfile.mkdtemp()) / "bench.crfsuite"
        parameters = {
            name: float(value) for name, _, value in (item.partition("=") for item in arguments.param)
        }
        started = time.perf_counter()
        count = _script("train_tagger").train(seen, model, parameters=parameters)
        styles = len({row["style"] for row in seen})
        print(
            f"trained on {count} strings of {styles} styles in {time.perf_counter() - started:.0f} s"
            + (f" ({', '.join(arguments.param)})" if arguments.param else "")
        )
    tagger = Tagger(str(model))
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    print(f"model {model.stat().st_size / 1e6:.2f} MB, sha256 {digest}…")

    texts = [row["text"] for row in evaluated]
    for weigh, many, what in (
        (False, False, "tagging one string at a time"),
        (True, False, "tagging and weighing (the reader's) one string at a time"),
        (False, True, "tagging the strings together (`Tagger.tag_many`)"),
        (True, True, "tagging and weighing the strings together (a list's, as the reader reads one)"),
    ):
        cpus, walls = [], []
        for _ in range(SPEED_RUNS):
            tagger.clear_caches()  # every measure starts cold
            started, cpu = time.perf_counter(), time.process_time()
            if many:
                tagger.tag_many(texts, weigh)
            else:
                for text in texts:
                    tagger.tag(text, weigh)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        # CPU time is the per-core figure on a shared machine; wall time is what this run saw. The
        # best run is the code's speed, the others the machine's noise (a virtual machine's varies
        # by a tenth from run to run), whose range is printed beside it.
        rates = sorted(len(evaluated) / cpu for cpu in cpus)
        print(
            f"{what} speed: {rates[-1]:,.0f} strings/s of CPU time on one core, the best of "
            f"{SPEED_RUNS} runs ({rates[0]:,.0f}–{rates[-1]:,.0f}), "
            f"{len(evaluated) / min(walls):,.0f} strings/s wall ({len(evaluated)} strings)"
        )

    shipped: Choice = tuple(SURE.items())
    choices = (shipped, *(_choice(value) for value in arguments.choices.split(",") if value))
    rules = RuleReader(arguments.rules_cache)
    try:
        measured = evaluate(tagger, evaluated, rules, choices, arguments.as_lists)
        held = measured[shipped]
        split = arguments.split.upper().replace("HELDOUT", "HELD-OUT")
        table(
            f"{split} styles ({len(held)} styles never trained on, their own records"
            + ("; the product reads each style's strings as one list" if arguments.as_lists else "")
            + "): % correct, "
            "tagger / rules / product (the tagger's field where it is sure and doubts the rules', "
            "`_field_choice.SURE`: " + ", ".join(f"{name} {value}" for name, value in SURE.items()) + ")",
            held,
        )
        bst = {style: rows for style, rows in held.items() if style.startswith("bst:")}
        if bst and len(bst) < len(held):
            table(f"{split} .bst styles only ({len(bst)})", bst)
            csl = {style: rows for style, rows in held.items() if style not in bst}
            table(f"{split} CSL styles only ({len(csl)})", csl)
        strings, invented = invented_titles(held)
        print(
            f"strings whose style printed no title: {strings}; a title invented by "
            + ", ".join(f"{reader} {count}" for reader, count in zip(READERS, invented, strict=True))
        )
        if arguments.show_invented:
            print_invented(held)
        strings, mixed = names_holding_other_fields(held)
        print(
            f"of {strings} strings, names read holding another field's words: "
            + ", ".join(f"{reader} {count}" for reader, count in zip(READERS, mixed, strict=True))
        )
        print(f"rule reader over {RULE_SECONDS:.0f} s (counted wrong): {rules.hangs}")
        years = record_years(evaluated)
        mended = sum(printed_truth(row, years)[1] for row in evaluated)
        print(
            f"truths mended (a year glued to another field's token, names joined without a space; "
            f"`printed_truth`): {mended} of {len(evaluated)} strings"
        )
        if arguments.split == "validation":
            print_arbiter_halves(held)
        for choice in choices[1:]:
            pooled = [row for rows in measured[choice].values() for row in rows]
            shares = "  ".join(f"{name} {100 * shares_of(pooled, name)[2]:.1f}" for name in FIELDS)
            titles = [shares_of(rows, "title")[2] for rows in measured[choice].values()]
            thresholds = ":".join(f"{name}={value}" for name, value in choice)
            print(
                f"product, {thresholds}: all strings {shares}; styles with "
                f"title >= 95% {sum(t >= 0.95 for t in titles)}, < 80% {sum(t < 0.8 for t in titles)}; "
                f"invented titles {invented_titles(measured[choice])[1][2]}"
            )
        sample = sorted(seen, key=lambda row: hash_of(row["style"] + row["record"]))[
            : arguments.training_sample
        ]
        if sample:  # --training-sample 0 leaves it out
            trained = evaluate(tagger, sample, rules, (shipped,))[shipped]
            table(
                f"TRAINING styles (strings seen in training, {len(sample)} sampled): % correct, "
                "tagger / rules / product",
                trained,
            )
    finally:
        rules.close()
    return 0


ARBITERS = {
    "title": _title_arbiter,
    "venue": _venue_arbiter,
    "year": _year_arbiter,
    "authors": _authors_arbiter,
}


def use_arbiters(files: list[str]) -> str | None:
    """Read with the weights of each ``FIELD=FILE`` of ``files`` instead of the shipped ones (the
    field's module asks `packaged_arbiter` for them); an error's line, or None."""
    for item in files:
        field, _, name = item.partition("=")
        if field not in ARBITERS or not Path(name).is_file():
            return f"--arbiter wants FIELD=FILE, FIELD one of {', '.join(ARBITERS)}: {item}"
        arbiter = arbiter_of(json.loads(Path(name).read_text(encoding="utf-8")))

        def stored(*_: object, arbiter: Arbiter = arbiter) -> Arbiter:
            return arbiter

        ARBITERS[field].packaged_arbiter = stored  # type: ignore[attr-defined]
        print(f"{field} arbiter: {name} (overrule {arbiter.overrule})")
    return None


def hash_of(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


if __name__ == "__main__":
    sys.exit(main())
