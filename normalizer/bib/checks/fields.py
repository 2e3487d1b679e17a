"""BN3xx: field content (required fields, author and editor lists, title capitals)."""

from __future__ import annotations

import itertools
import json
import re
from collections import ChainMap
from collections.abc import Iterator, Mapping, Sequence

from bibnorm.bib.bibfile import (
    BibFile,
    iter_entries,
    split_value,
    unquote,
)
from bibnorm.bib.bibtex_scan import ascii_lower
from bibnorm.bib.checks.base import CheckContext, FileIndex, Finding, IndexedEntry
from bibnorm.text import data_file
from bibnorm.text.capitals import holds_position, protected_spans, title_only_evidence

# -- BN3xx: content --------------------------------------------------------------------------------

# The fields both BibTeX's standard styles (btxdoc) and biblatex (its manual, 2.1.1) require
# of a type, with their aliases: a file may be meant for either, and a field only one of them
# requires (BibTeX's publisher of a book, biblatex's booktitle of an inbook) is no error for
# the other. A tuple is "one of these".
_REQUIRED: Mapping[str, tuple[tuple[str, ...], ...]] = {
    "article": (("author",), ("title",), ("journal", "journaltitle"), ("year", "date")),
    "book": (("author", "editor"), ("title",), ("year", "date")),
    "booklet": (("title",),),
    "conference": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "inbook": (("author", "editor"), ("title",), ("year", "date")),
    "incollection": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "inproceedings": (("author",), ("title",), ("booktitle",), ("year", "date")),
    "manual": (("title",),),
    "mastersthesis": (("author",), ("title",), ("school", "institution"), ("year", "date")),
    "misc": (),
    "phdthesis": (("author",), ("title",), ("school", "institution"), ("year", "date")),
    "proceedings": (("title",), ("year", "date")),
    "techreport": (("author",), ("title",), ("institution", "school"), ("year", "date")),
    "unpublished": (("author",), ("title",)),
}


def missing_fields(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    """BN301, on each entry with what it inherits: the fields of its ``crossref`` and ``xdata``
    entries (in the entry's own file first, then in any of the files checked together, as
    BibTeX and biber look them up: test suites give one key in each of their files), the
    parent's ``title`` standing for an ``in*`` entry's ``booktitle``, and the fields of the
    entries of the same key in the other files given (a record kept in several files, as
    libraries that keep abstracts or file paths in files of their own do). A warning: BibTeX
    typesets the entry without the field and warns."""
    by_key: dict[str, IndexedEntry] = {}
    elsewhere: dict[str, dict[str, frozenset[str]]] = {}  # key -> file -> the fields there
    for index in indexes:
        for entry in index.entries:
            key = ascii_lower(entry.key)
            by_key.setdefault(key, entry)
            files = elsewhere.setdefault(key, {})
            files[index.path] = files.get(index.path, frozenset()) | entry.fields
    for index in indexes:
        own: dict[str, IndexedEntry] = {}
        for entry in index.entries:
            own.setdefault(ascii_lower(entry.key), entry)
        lookup = ChainMap(own, by_key)
        for entry in index.entries:
            missing = _missing(entry, lookup, elsewhere[ascii_lower(entry.key)], index.path)
            if missing:
                names = ", ".join("/".join(group) for group in missing)
                absent = [key for key in entry.parents if key not in lookup]
                why = f" (it inherits from {_parent_where(absent[0], ctx)})" if absent else ""
                yield ctx.finding(
                    "BN301", index.path, entry.line, entry.key, f"@{entry.kind} needs {names}{why}"
                )


def missing_parents(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    """BN306: a ``crossref`` or ``xdata`` naming a key that none of the files checked together
    defines (as a key or, for biber, an ``ids`` alias). BibTeX counts it as an error ("a bad
    cross reference") and biber warns; the entry is typeset without what it was to inherit.
    Often the parent is in a file not passed."""
    defined = {
        key
        for index in indexes
        for entry in index.entries
        for key in (ascii_lower(entry.key), *entry.aliases)
    }
    for index in indexes:
        for entry in index.entries:
            for parent in entry.parents:
                if parent not in defined:
                    advice = (
                        "pass it too"
                        if parent in ctx.config.parent_files
                        else "pass the file defining it too"
                    )
                    message = f"inherits from {_parent_where(parent, ctx)}: {advice}, or fix the key"
                    yield ctx.finding("BN306", index.path, entry.line, entry.key, message)


def parents_before_children(indexes: Sequence[FileIndex], ctx: CheckContext) -> Iterator[Finding]:
    """BN307: a ``crossref`` parent that stands before an entry naming it in one file. BibTeX reads a
    parent only after the entries that cross-reference it (btxdoc: "a crossref'd entry must occur
    later in the database files than every entry that cross-references it"): the entry is
    typeset without what it inherits, "a bad cross reference" where the parent is not cited itself
    (DBLP's keys sort a proceedings' "conf/swat/2012" before its papers'). biber does not mind."""
    for index in indexes:
        first: dict[str, IndexedEntry] = {}
        for entry in index.entries:
            first.setdefault(ascii_lower(entry.key), entry)
        for entry in index.entries:
            parent = first.get(entry.crossref) if entry.crossref else None
            if parent is not None and parent.line < entry.line:
                message = (
                    f"its crossref parent {parent.key!r} stands before it (line {parent.line}), where "
                    "BibTeX has not read it: move the parent after the entries that name it"
                )
                yield ctx.finding("BN307", index.path, entry.line, entry.key, message)


def _parent_where(parent: str, ctx: CheckContext) -> str:
    """``'conf20', which none of the files checked defines`` (and which file beside them does)."""
    beside = ctx.config.parent_files.get(parent)
    where = f"; {beside} beside them does" if beside else ""
    return f"{parent!r}, which none of the files checked defines{where}"


def _missing(
    entry: IndexedEntry, lookup: Mapping[str, IndexedEntry], files: Mapping[str, frozenset[str]], path: str
) -> list[tuple[str, ...]]:
    """The groups of required fields ``entry`` of file ``path`` has none of, with what it inherits
    (``lookup``: entries by key) and what the entries of its key in other ``files`` have."""
    required = _REQUIRED.get(entry.kind)
    if not required or not entry.readable:
        return []
    present = set(entry.fields)
    missing = [group for group in required if not present.intersection(group)]
    if missing and entry.parents:
        present |= _inherited(entry, lookup)
    if missing:
        for other, fields in files.items():
            if other != path:
                present |= fields
        missing = [group for group in missing if not present.intersection(group)]
    return missing


def _inherited(entry: IndexedEntry, by_key: Mapping[str, IndexedEntry]) -> set[str]:
    """The fields ``entry`` gets from its crossref/xdata entries, theirs included (biblatex
    follows chains; a cycle stops)."""
    found: set[str] = set()
    seen = {ascii_lower(entry.key)}
    pending = list(entry.parents)
    while pending:
        key = pending.pop()
        parent = by_key.get(key)
        if parent is None or key in seen:
            continue
        seen.add(key)
        found |= parent.fields
        if "title" in parent.fields:
            found.add("booktitle")  # @inproceedings/@incollection print the parent's title there
        pending.extend(parent.parents)
    return found


_ET_AL = re.compile(r"\bet[\s~]*al\b\.?", re.IGNORECASE)


def malformed_names(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name, line, names, text in ctx.people(bibfile, entry):
            problems = _name_list_problems(names, text)
            if problems:
                yield ctx.finding(
                    "BN302", bibfile.path, line, entry.key, f"{name} list: {'; '.join(problems)}"
                )


def _name_list_problems(names: list[str], text: str) -> list[str]:
    """What is wrong with a name list (``names`` split from ``text`` on ``and``), in words."""
    problems = [problem for problem, found in _empty_names(names) if found]
    if ",," in text.replace(" ", ""):
        problems.append("',,' (an empty name part)")
    commas = [n for n in names if n.count(",") >= 3 and _top_level_commas(n) >= 3 and not _EXTENDED.match(n)]
    if commas:
        problems.append(f"names separated by commas instead of 'and': {commas[0][:60]!r}")
    dangling = [n for n in names if n and (n.rstrip().endswith(",") or n.lstrip().startswith(","))]
    if dangling:
        problems.append(f"a name with a dangling comma: {dangling[0]!r}")
    return problems


def _empty_names(names: list[str]) -> list[tuple[str, bool]]:
    """Each way a name list has an empty name, and whether ``names`` has it."""
    several = len(names) > 1
    return [
        ("starts with 'and'", several and not names[0]),
        ("ends with 'and'", several and not names[-1]),
        ("'and and' (an empty name)", any(not n for n in names[1:-1])),
    ]


# biber's extended name format: ``family=Duc, given=Jean, prefix=de, useprefix=true`` is one
# name, its parts separated by commas (Better BibTeX writes it for names with particles).
# (Read at a name's start only: anchored, a search does not walk a long word from each letter.)
_EXTENDED = re.compile(r"\A\s*+[A-Za-z-]++\s*+=")


def _top_level_commas(name: str) -> int:
    depth = 0
    count = 0
    for ch in name:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif ch == "," and depth == 0:
            count += 1
    return count


def et_al_in_names(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        for name, line, _, text in ctx.people(bibfile, entry):
            if _ET_AL.search(text):
                yield ctx.finding(
                    "BN303",
                    bibfile.path,
                    line,
                    entry.key,
                    f"{name} contains 'et al.'; list the names, or end with 'and others'",
                )


# A name of one plain word: letters (a hyphen or apostrophe inside), or an initial. Not one
# with a LaTeX command or braces in it (``{\relax Ch}ristopher``, ``\'Emile``), no acronym
# (``IEEE``, ``NASA`` are bodies that sign alone), no digits.
_ONE_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*\.?")


def _is_one_word(name: str) -> bool:
    if name == "others" or not _ONE_WORD.fullmatch(name):
        return False
    letters = name.rstrip(".")
    return len(letters) == 1 or not letters.isupper()


def _is_initial(name: str) -> bool:
    return len(name.rstrip(".")) == 1


def _is_capitalised_word(name: str) -> bool:
    """A word of a cased script written with a capital and small letters: not a name of a script
    without case (an unspaced Korean or Japanese name), not a handle (``torvalds``)."""
    letters = name.rstrip(".")
    return letters[:1].isupper() and (len(letters) == 1 or letters[1:].islower())


def _people_of(files: Sequence[BibFile], ctx: CheckContext) -> frozenset[frozenset[str]]:
    """The pairs of words that are one person's given and family names somewhere in ``files``
    (``Alec Radford``, ``Radford, Alec``), case-folded."""
    pairs: set[frozenset[str]] = set()
    for bibfile, entry in iter_entries(files):
        for _, _, names, _ in ctx.people(bibfile, entry):
            for name in names:
                family, comma, given = name.partition(",")
                words = (given.split() + family.split()) if comma else name.split()
                if len(words) == 2 and all(_is_one_word(w) and not _is_initial(w) for w in words):
                    pairs.add(frozenset(w.casefold() for w in words))
    return frozenset(pairs)


def split_names(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    """BN304: two adjacent one-word names that are one person's name split in two: an initial
    beside a capitalised word (``Smith and J.``), or two words the files checked name one person
    by elsewhere (``Radford and Alec`` where another entry has ``Alec Radford``). Lists of single
    names (``Aristotle and Plato``), of surnames, of handles and of names in scripts without case
    (``김철수 and 이영희``) are left alone: nothing in them says a name was split."""
    people: frozenset[frozenset[str]] | None = None
    for bibfile, entry in iter_entries(files):
        for name, line, names, _ in ctx.people(bibfile, entry):
            neighbours = _capitalised_neighbours(names)
            if not neighbours:
                continue
            if people is None:  # the files' people are gathered once, and only when needed
                people = _people_of(files, ctx)
            pairs = [(a, b) for a, b in neighbours if _is_one_name(a, b, people)]
            if pairs:
                a, b = pairs[0]
                yield ctx.finding(
                    "BN304",
                    bibfile.path,
                    line,
                    entry.key,
                    f"{name} has one-word names {a!r} and {b!r}: {_split_advice(a, b)}",
                )


def _capitalised_neighbours(names: Sequence[str]) -> list[tuple[str, str]]:
    """The adjacent names of a list that are both one capitalised word: what a split leaves."""
    words = [(a, b) for a, b in itertools.pairwise(names) if _is_one_word(a) and _is_one_word(b)]
    return [(a, b) for a, b in words if _is_capitalised_word(a) and _is_capitalised_word(b)]


def _is_one_name(a: str, b: str, people: frozenset[frozenset[str]]) -> bool:
    """Whether two adjacent one-word names read as one person's: an initial beside a word, or
    two words the files name one person by elsewhere."""
    return _is_initial(a) != _is_initial(b) or frozenset((a.casefold(), b.casefold())) in people


def _split_advice(a: str, b: str) -> str:
    """How to write the name ``a and b`` split."""
    if _is_initial(a) and not _is_initial(b):
        # 'G. and Shani': the given name first, split where the space was.
        return f"one name split in two? (if so, write '{a} {b}' or '{b}, {a}')"
    # 'Smith and J.': 'Smith, J.' with 'and' for its comma.
    return f"one name split at a comma? (if so, write '{a}, {b}' or '{b} {a}')"


_BRACE_OR_CAPITAL = re.compile(r"[{}]|[^\W\d_a-z]")
_FIRST_LETTER = re.compile(r"[^\W_]")


# TeX control symbols that stand for a character of the title; other ones are accents.
_SYMBOL_CHARACTERS = frozenset("&%#_$")
# Control words that are letters, and the letter they count as for capitals.
_LETTER_COMMANDS = {
    **{word: "o" for word in ("o", "oe", "ae", "aa", "ss", "l", "i", "j", "dh", "th", "ng", "dj")},
    **{word: "O" for word in ("O", "OE", "AE", "AA", "L", "DH", "TH", "NG", "DJ", "SS")},
}


def _tex_plain(title: str) -> tuple[str, list[int]]:
    """A title with TeX: its text (commands, accents and braces dropped, math a space) and
    where in that text its capitals outside braces are. ``M{\\"u}ller`` reads ``Muller``:
    accents do not change which capitals a style lower-cases."""
    out: list[str] = []  # one character each, so len(out) is a position in the text
    free: list[int] = []
    depth = 0
    math = False
    position = 0
    while position < len(title):
        ch = title[position]
        position += 1
        if ch == "\\":
            position, text, opened = _control_sequence(title, position, math)
            depth += opened
            if text:
                out.append(text)
        elif ch == "$":
            math = not math
            out.append(" ")
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif not math:
            if depth == 0 and ch.isupper():
                free.append(len(out))
            out.append(ch)
    return "".join(out), free


def _control_sequence(title: str, position: int, math: bool) -> tuple[int, str, int]:
    """The TeX control sequence whose backslash stands before ``position``: (where it ends, the
    one character of text it stands for or "", +1 / -1 when it opens / closes a brace group)."""
    if position >= len(title):
        return position, "", 0
    following = title[position]
    if following.isalpha():
        start = position
        while position < len(title) and title[position].isalpha():
            position += 1  # a control word: \LaTeX is not an acronym to protect
        # A letter command stands for its letter (Bj{\o}rn is one word); any other one
        # separates words ({Current}\textendash{Voltage} is no word "CurrentVoltage").
        letter = _LETTER_COMMANDS.get(title[start:position])
        return position, "" if math else (letter or " "), 0
    if following in "{}":
        # BibTeX counts an escaped brace as a brace: ``\{CARTOON\}`` is a group it keeps
        # the case of (LaTeX prints the braces).
        return position + 1, "", 1 if following == "{" else -1
    return position + 1, following if following in _SYMBOL_CHARACTERS and not math else "", 0


def _unbraced_capitals(title: str) -> tuple[str, list[int]]:
    """A title without TeX commands or math: its text without braces, and where in that
    text its capitals outside braces are (only braces and capitals are visited)."""
    depth = removed = 0
    found: list[int] = []
    for match in _BRACE_OR_CAPITAL.finditer(title):
        ch = match.group()
        if ch == "{":
            depth, removed = depth + 1, removed + 1
        elif ch == "}":
            depth, removed = depth - 1, removed + 1
        elif depth == 0 and ch.isupper():
            found.append(match.start() - removed)
    return title.replace("{", "").replace("}", ""), found


def unprotected_capitals(title: str) -> list[str]:
    """What a style would lower-case in a BibTeX title though `bibnorm.text.capitals` protects it.

    The rule is the writer's (`bibnorm.text.capitals.protected_spans`: acronyms, mixed case,
    known names, "I", names a sentence-case title capitalises); ``check`` has no abstract,
    so names known only from one are not asked for. Returns the tokens with a capital
    outside braces, in title order. Styles keep the title's first letter as written.
    """
    if not any(ch.isupper() for ch in title[1:]):
        return []  # most sentence-case titles: a capital at most at the start
    text, free = _tex_plain(title) if "\\" in title or "$" in title else _unbraced_capitals(title)
    first = _FIRST_LETTER.search(text)
    unbraced = [i for i in free if first is None or i != first.start()]
    if not unbraced:
        return []
    spans = protected_spans(text, title_only_evidence(text), near=unbraced)
    spans = [(s, e) for s, e in spans if not _collision_particle(text, s, e)]
    # A dotted acronym's letters are each a span (lone capitals are protected): it is one token.
    return list(dict.fromkeys(_dotted(text, s, e) for s, e in spans if holds_position(unbraced, s, e)))


# Projectiles of a collision system, written lower-case (p+p, e+A, d+Au, n+p): a capital one
# before '+' is a title-casing tool's ("P+p Collisions"), and lower-casing it is right.
_PARTICLES = frozenset("PEDN")


def _collision_particle(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one capital particle letter joined by '+' to the next."""
    return end - start == 1 and text[start] in _PARTICLES and text[end : end + 1] == "+"


_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}[^\W\d_]?")


def _dotted(text: str, start: int, end: int) -> str:
    """The token at ``text[start:end]``, or the dotted acronym it is a letter of (the "I" of
    ``J.A.R.V.I.S.`` is no pronoun: the acronym is what a style lower-cases)."""
    for match in _DOTTED_ACRONYM.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if match.start() <= start and end <= match.end():
            return match.group()
    return text[start:end]


def _title_case_table() -> tuple[frozenset[str], frozenset[str]]:
    """The entry types whose title most of the common BibTeX styles lower-case, and every type
    the table was made with.

    Read from normalizer/data/title-case.json, which scripts/build_title_case_styles.py makes by
    typesetting one entry of each type with each style: ``plain`` and its kin lower-case the
    titles of articles, papers and reports, and print those of books, proceedings, manuals and
    most theses as written (of 20 styles, only amsplain and amsalpha lower-case a book's title).
    A type no style knows is typeset as ``@misc``, whose title they lower-case.
    """
    table = json.loads(data_file("title-case.json").read_text("utf-8"))
    half = len(table["styles"]) / 2
    lowered = frozenset(kind for kind, styles in table["lowered_by"].items() if len(styles) > half)
    return lowered, frozenset(table["lowered_by"])


_TITLE_LOWERED, _TYPES_READ = _title_case_table()


def title_is_lowered(kind: str) -> bool:
    """Whether the common styles lower-case the title of an entry of this type (unknown: @misc)."""
    return kind in _TITLE_LOWERED or (kind not in _TYPES_READ and "misc" in _TITLE_LOWERED)


def unprotected_acronyms(files: Sequence[BibFile], ctx: CheckContext) -> Iterator[Finding]:
    for bibfile, entry in iter_entries(files):
        if not title_is_lowered(entry.entry_type):
            continue  # printed as written by the common styles: its capitals need no braces
        field = entry.field("title")
        if field is None or not field.value.startswith(("{", '"')):
            continue  # a @string macro's name is no title text (its definition is checked nowhere)
        # Of a concatenation (``"Proc. Fifteenth Annual" # STOC``) only the literal parts are
        # text: a macro's name is no title word.
        words = [
            word
            for part in split_value(field.value)
            if part[:1] in '{"'
            for word in unprotected_capitals(unquote(part))
        ]
        if words:
            shown = ", ".join(dict.fromkeys(words))
            yield ctx.finding(
                "BN305",
                bibfile.path,
                field.line,
                entry.key,
                f"title has capitals a style may lower-case: {shown} (protect as {{{words[0]}}})",
            )
