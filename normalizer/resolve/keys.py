"""Deterministic citation keys from a formula, with collision suffixes.

A key format is either a preset name or a formula of ``{placeholder}`` fields and
literal text (``Settings.key_format``, ``--key-format``):

=========  ==================================  =================================
preset     formula                             example
=========  ==================================  =================================
google     ``{family}{year}{firstword}``       ``zhai2021scaling`` (default)
bbt        ``{auth}{year}{shorttitle}``        ``Zhai2021ScalingVisionTransformers``
arxiv      ``{arxiv}``                         ``2106.04560``, ``hep-th/9901001``
dblp       ``{dblp}``                          ``DBLP:journals/corr/abs-2106-04560``
=========  ==================================  =================================

Placeholders:

- ``{family}``: first author's family name without particle, lower-case ASCII
  (``Łukasz Müller`` → ``muller``); a literal name gives its first word
  (``H1 Collaboration`` → ``h1``); no authors gives ``anon``.
- ``{auth}``: the same in its original case (``Muller``, ``Anon``).
- ``{year}``: year of ``issued`` (else of ``first_version``); empty when unknown.
- ``{firstword}``: first title word that is not a CSL stop-word, lower-case ASCII
  (``An Image is Worth 16x16 Words`` → ``image``).
- ``{shorttitle}``: first three non-stop-words, each with a capital initial
  (``ScalingVisionTransformers``).
- ``{arxiv}``: the canonical arXiv id as is: dots and slashes are legal in BibTeX
  and biber keys and in ``\\cite``, so the key *is* the id.
- ``{dblp}``: ``DBLP:`` + the record's DBLP key when known, else the key DBLP gives
  arXiv preprints (``DBLP:journals/corr/abs-`` + the id with ``.`` and ``/`` as ``-``).

A reference that has no arXiv id (for ``{arxiv}``) or neither DBLP key nor arXiv id
(for ``{dblp}``) gets the ``google`` key instead. Keys keep only ``A-Z a-z 0-9 : . / _ -``
(everything else is dropped, so a key is always safe for BibTeX, biber and pandoc);
an empty result becomes ``ref``.

A key taken from an input (a CSL-JSON ``id``, a RIS ``ID``, a Zotero or Better BibTeX citation
key, a lockfile's or an earlier output's key) is data, never syntax: it is kept only when
`is_citation_key` holds (the grammar BibTeX and biber both read as one key), else the item gets
a generated key and the problem ``key.replaced`` says why. ``ok}@preamble{...}`` never reaches
a ``.bib``.

Collisions (compared case-insensitively, as BibTeX does): keys the input already had
are kept when ``keep_existing`` and reserve their names; among references wanting the
same generated key, ordered by arXiv id, DOI, title and authors (not by input order,
so reordering the input keeps keys), the first gets the bare key and the others the
suffixes ``a``, ``b``, ``c`` ... (``z`` is followed by ``aa``). A user key that occurs
twice is kept for its first occurrence; the later ones get suffixes in input order.
"""

from __future__ import annotations

import itertools
import json
import re
import string
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from bibnorm.errors import UsageError, shown
from bibnorm.models import Person, Problem, Reference, Resolution, Status
from bibnorm.text.titles import plain_text, title_key
from bibnorm.text.word_tables import latin_letters

PRESETS: Mapping[str, str] = MappingProxyType(
    {
        "google": "{family}{year}{firstword}",
        "bbt": "{auth}{year}{shorttitle}",
        "arxiv": "{arxiv}",
        "dblp": "{dblp}",
    }
)
DEFAULT_KEY_FORMAT = PRESETS["google"]

_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_UNSAFE_RE = re.compile(r"[^A-Za-z0-9:./_-]+")
_WORD_RE = re.compile(r"[A-Za-z0-9]+")

# Letters NFKD does not decompose into an ASCII base letter, spelt in ASCII (latin-letters.json),
# but for those a key has always dropped ("ŋ", "ſ"): a key once made stays the same.
_LETTERS = latin_letters()
_TRANSLITERATION = str.maketrans(
    {letter: spelt for letter, spelt in _LETTERS.folded.items() if letter not in _LETTERS.not_in_keys}
)


def transliterate(text: str) -> str:
    """Latin text to ASCII: accents dropped, ``Ł``/``ø``/``ß``/``æ`` spelt out; other scripts dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    return "".join(ch for ch in text if ch.isascii())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The CSL stop-words (single words only), from the packaged ``stop-words.json``."""
    data = json.loads(resources.files("bibnorm").joinpath("data", "stop-words.json").read_text("utf-8"))
    return frozenset(w for w in data["stop-words"] if " " not in w)


# Characters that end or break a key for BibTeX (``,`` and ``}`` end it, ``{``, ``%`` and ``\\``
# are read as syntax), for biber (its key grammar refuses ``"#%'(),={}``) or for ``\cite``
# (``~`` is active); whitespace and every character of Unicode's other and separator
# categories (control characters such as ESC, bidi overrides, tag characters) are refused too.
KEY_FORBIDDEN = frozenset("\"#%'(),={}\\~@")
KEY_LONGEST = 200
KEY_REPLACED = "key.replaced"  # the problem of an item whose input key is not a key


def is_citation_key(key: str) -> bool:
    """Whether ``key`` reads as one citation key in BibTeX, biber and ``\\cite``: non-empty, at
    most `KEY_LONGEST` characters, none of `KEY_FORBIDDEN`, no whitespace, control, format
    (bidi, tag, zero-width) or unassigned character."""
    return 0 < len(key) <= KEY_LONGEST and not any(
        ch in KEY_FORBIDDEN or unicodedata.category(ch)[0] in "CZ" for ch in key
    )


def replaced_key_problem(key: str) -> Problem:
    """The note on an item whose input key could not be written as a key."""
    return Problem(
        code=KEY_REPLACED,
        message=(
            f"its key {shown(key)} is not a citation key BibTeX and biber read as one;"
            " a generated key is written instead"
        ),
    )


def _title_words(reference: Reference) -> list[str]:
    return _WORD_RE.findall(transliterate(plain_text(reference.title)))


def _content_words(reference: Reference) -> list[str]:
    words = _title_words(reference)
    skip = stop_words()
    content = [w for w in words if w.lower() not in skip]
    return content or words


def _first_family(reference: Reference) -> str:
    if not reference.authors:
        return ""
    person: Person = reference.authors[0]
    name = person.literal.split()[0] if person.literal else person.family or person.given
    return "".join(_WORD_RE.findall(transliterate(plain_text(name))))


def _year(reference: Reference) -> str:
    date = reference.issued or reference.first_version
    return str(date.year) if date else ""


def _dblp(reference: Reference) -> str:
    if reference.ids.dblp:
        dblp = reference.ids.dblp
        return dblp if dblp.startswith("DBLP:") else f"DBLP:{dblp}"
    if reference.ids.arxiv_id:
        return "DBLP:journals/corr/abs-" + re.sub(r"[./]", "-", reference.ids.arxiv_id)
    return ""


_FIELDS: Mapping[str, Callable[[Reference], str]] = MappingProxyType(
    {
        "family": lambda r: (_first_family(r) or "anon").lower(),
        "auth": lambda r: _first_family(r) or "Anon",
        "year": _year,
        "firstword": lambda r: (_content_words(r)[:1] or [""])[0].lower(),
        "shorttitle": lambda r: "".join(w[0].upper() + w[1:] for w in _content_words(r)[:3]),
        "arxiv": lambda r: r.ids.arxiv_id or "",
        "dblp": _dblp,
    }
)
# Placeholders naming an identifier: without it, the reference falls back to the default formula.
_IDENTITY_FIELDS = frozenset({"arxiv", "dblp"})


def resolve_key_format(fmt: str) -> str:
    """The formula for a preset name, or ``fmt`` itself."""
    return PRESETS.get(fmt.strip(), fmt)


def validate_key_format(fmt: str) -> None:
    """Raise `UsageError` for an unknown placeholder or a formula without any placeholder."""
    formula = resolve_key_format(fmt)
    names = _PLACEHOLDER_RE.findall(formula)
    unknown = [n for n in names if n not in _FIELDS]
    if unknown:
        raise UsageError(
            f"unknown key placeholder {{{unknown[0]}}} in key format {shown(fmt)}; "
            f"known: {', '.join('{' + n + '}' for n in _FIELDS)}; presets: {', '.join(PRESETS)}"
        )
    if not names:
        raise UsageError(
            f"key format {shown(fmt)} has no placeholder; use e.g. {DEFAULT_KEY_FORMAT!r} "
            f"or a preset ({', '.join(PRESETS)})"
        )
    if "{" in _PLACEHOLDER_RE.sub("", formula) or "}" in _PLACEHOLDER_RE.sub("", formula):
        raise UsageError(f"unbalanced braces in key format {shown(fmt)}")


def make_key(reference: Reference, key_format: str) -> str:
    """The key one reference gets from a formula, before collision suffixes."""
    formula = resolve_key_format(key_format)
    values: dict[str, str] = {}
    for name in _PLACEHOLDER_RE.findall(formula):
        values[name] = _FIELDS[name](reference)
        if name in _IDENTITY_FIELDS and not values[name]:
            return make_key(reference, DEFAULT_KEY_FORMAT)
    key = _PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], formula)
    return _UNSAFE_RE.sub("", transliterate(key)) or "ref"


def free_key(base: str, used: set[str]) -> str:
    """``base``, else ``base`` with the first letter suffix ("smith2020a", "…b", "…aa") whose key
    ``used`` does not hold: casefolded keys, since BibTeX tells keys apart ignoring case."""
    if base.casefold() not in used:
        return base
    return next(base + suffix for suffix in _suffixes() if (base + suffix).casefold() not in used)


def _suffixes() -> Iterator[str]:
    """The letters a key takes to be told from another of the same base: a, b, …, z, aa, ab, …"""
    for length in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)


def _order(reference: Reference) -> tuple[str, str, str, str]:
    return (
        reference.ids.arxiv_id or "\uffff",
        reference.ids.doi or "",
        title_key(reference.title),
        "; ".join(p.display() for p in reference.authors),
    )


def assign_keys(
    wanted: Sequence[tuple[Reference, str | None]], key_format: str, *, keep_existing: bool = True
) -> list[str]:
    """One unique citation key per reference, in the order given.

    ``wanted`` pairs each reference with the key the input already used (or None).
    See the module docstring for the formula and the collision rules.
    """
    validate_key_format(key_format)
    keys: list[str | None] = [None] * len(wanted)
    used: set[str] = set()
    bases: dict[str, list[int]] = {}
    for index, (reference, existing) in enumerate(wanted):
        if keep_existing and existing:
            if existing.casefold() not in used:
                keys[index] = existing
                used.add(existing.casefold())
                continue
            base = existing
        else:
            base = make_key(reference, key_format)
        bases.setdefault(base, []).append(index)

    def sort_key(index: int) -> tuple[tuple[str, str, str, str], int]:
        reference, existing = wanted[index]
        # Repeated user keys keep input order; generated keys follow the papers' identity.
        return (("", "", "", "") if keep_existing and existing else _order(reference)), index

    groups = {base: sorted(members, key=sort_key) for base, members in sorted(bases.items())}
    for base, members in groups.items():  # the bare key first, so suffixes never steal it
        if base.casefold() not in used:
            keys[members[0]] = base
            used.add(base.casefold())
    for base, members in groups.items():
        for index in members:
            if keys[index] is None:
                key = free_key(base, used)
                keys[index] = key
                used.add(key.casefold())
    return [key for key in keys if key is not None]


def paper_identities(reference: Reference) -> list[str]:
    """The names under which a key once written is found again: arXiv id, DOI, title."""
    from bibnorm.text.titles import title_key  # local: matching imports models and names

    identities = []
    if reference.ids.arxiv_id:
        identities.append(f"arxiv:{reference.ids.arxiv_id}".casefold())
    if reference.ids.doi:
        identities.append(f"doi:{reference.ids.doi}".casefold())
    if reference.title and (key := title_key(reference.title)):
        identities.append(f"title:{key}")
    return identities


class KeyBook:
    """Keys already written for papers (an output .bib, a lockfile): a paper keeps its key.

    Without it a key depends on the run: a preprint upgraded to its 2022 publication
    turns ``zhai2021scaling`` into ``zhai2022scaling``, and a new paper with the same
    formula takes a suffix from an old one — every ``\\cite`` of it then breaks.
    """

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}

    def add(self, key: str, identities: Sequence[str]) -> None:
        for identity in identities:
            self._keys.setdefault(identity, key)

    def add_reference(self, key: str, reference: Reference) -> None:
        self.add(key, paper_identities(reference))

    def key_for(self, reference: Reference) -> str | None:
        identities = paper_identities(reference)
        if reference.ids.arxiv_id or reference.ids.doi:
            # Two papers may share a title ("Deep Learning"); an identified one is found by id only.
            identities = [i for i in identities if not i.startswith("title:")]
        for identity in identities:
            if identity in self._keys:
                return self._keys[identity]
        return None

    def __len__(self) -> int:
        return len(set(self._keys.values()))


def _written_key(resolution: Resolution, taken: set[str]) -> str | None:
    """The key an item is written under: its paper's; for a .bib entry that repeats a paper
    another entry already holds, its own key (a draft may \\cite either), unless that key is
    written already; ``None`` when the item is not written."""
    r = resolution
    if r.status is not Status.RESOLVED or r.reference is None or not r.key:
        return None
    if r.duplicate_of is None:
        return r.key
    own = r.query.key
    return own if own is not None and is_citation_key(own) and own not in taken else None


def written_entries(resolutions: Sequence[Resolution]) -> list[tuple[Resolution, str]]:
    """(item, key) of every item written, in input order: each paper once, and again under
    the key of each .bib entry that repeats it, so `--journal-names`, a preset and the
    resolved fields reach every entry the file had."""
    taken = {r.key for r in resolutions if r.key and r.duplicate_of is None}
    written = []
    for resolution in resolutions:
        key = _written_key(resolution, taken)
        if key is not None:
            written.append((resolution, key))
            taken.add(key)
    return written
