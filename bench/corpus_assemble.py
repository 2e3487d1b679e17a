"""The corpus of real public ``.bib`` files that ``bench/bench_corpus.py`` measures bibnorm on.

Nothing of the corpus is committed but its manifest, ``bench/corpus/manifest.csv``: one row
per file with where it comes from (``github:owner/name`` and the commit, or
``texlive:<package>`` and the Debian package version), its path there, its licence as its
source states it, its SHA-256 and size, and how many ``@`` commands it holds. Files whose
content is identical to an earlier row's are left out (bibtex-tidy's tests copy biber's,
papers copy each other's bibliographies).

Assembling copies every file of the manifest into a folder, from a local mirror of the
repositories (one bare git directory per repository, ``<mirror>/<owner>+<name>/repo``, as
the team's fetch tool leaves them, or a plain clone there) and from a TeX Live tree, and
checks each file's SHA-256::

    python bench/corpus_assemble.py --out /tmp/bib-corpus
    python bench/corpus_assemble.py --out DIR --mirror /work/.mirror --texmf /usr/share/texlive/texmf-dist

A file that cannot be found (a repository not mirrored) is named and skipped; the run
says how many files and commands it assembled. ``--discover`` rebuilds the manifest from
the mirror: every ``.bib``, ``.bibtex`` and ``.biblatex`` file at the commit mirrored (and
the older test data named in `SOURCES`), every ``.bib`` file of the TeX Live tree.

``--fresh`` does the same with ``FRESH_SOURCES`` and ``bench/corpus/fresh-manifest.csv``: files
from other repositories (test suites, libraries, theses) that no check was tuned on, whose content
the main manifest does not hold, for judging a fresh sample of findings::

    python bench/corpus_assemble.py --fresh --out /tmp/fresh-corpus

``--unseen`` does the same with ``UNSEEN_SOURCES`` and ``bench/corpus/unseen-manifest.csv``: a third
set from repositories neither manifest drew on (theses in five languages, software papers, CVs,
academic sites, personal libraries; at most five files a repository, with the files defining
@strings beside them), for a second judged sample
and for ``bench/bench_fix_typeset.py``::

    python bench/corpus_assemble.py --unseen --discover --out /work/corpus-unseen

Sources (``SOURCES``): the test suites of biber, python-bibtexparser, pybtex, Better
BibTeX, JabRef, bibtex-tidy and citation-js; TeX Live's bibliographies; and the
bibliographies of papers, theses, books and personal libraries in public repositories,
exported by Zotero (with and without Better BibTeX), Mendeley, JabRef, dblp, Google
Scholar and ADS, from machine learning, physics, astronomy, mathematics, biology,
ecology, economics, political science and the humanities.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "corpus" / "manifest.csv"
COLUMNS = ("source", "commit", "path", "licence", "sha256", "bytes", "commands", "kind")
SUFFIXES = (".bib", ".bibtex", ".biblatex")
_COMMAND = re.compile(rb"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.MULTILINE)
_STRING_DEFINITION = re.compile(rb"@string[ \t]*[{(]", re.IGNORECASE)
# The kind of a file taken only for the @strings the chosen files beside it use.
ABBREVIATIONS = "-abbreviations"


@dataclass(frozen=True)
class Source:
    """A repository of the corpus: what kind of files it gives, and older paths to add."""

    kind: str  # "test-suite", "paper", "library"
    older: tuple[tuple[str, str], ...] = ()  # (commit, folder): test data since removed
    most: int = 0  # at most this many of its files (the first by SHA-256 of their paths); 0: all


SOURCES: dict[str, Source] = {
    # Test suites of BibTeX tools: the hard cases their authors met.
    "plk/biber": Source("test-suite"),
    "sciunto-org/python-bibtexparser": Source(
        "test-suite",
        # bibtexparser v1's test data, removed from the tree in v2 (commit 63cd71a deleted it).
        older=(("63cd71a427d8d02d6c0a933fa4685d0218952396^", "bibtexparser/tests/data"),),
    ),
    "live-clones/pybtex": Source("test-suite"),
    "retorquere/zotero-better-bibtex": Source("test-suite"),
    "JabRef/jabref": Source("test-suite"),
    "FlamingTempura/bibtex-tidy": Source("test-suite"),
    "citation-js/citation-js": Source("test-suite"),
    "plk/biblatex": Source("test-suite"),
    # Personal and group libraries (Mendeley, Zotero, JabRef, BibDesk exports).
    "BU-DiSC/mendeley-library": Source("library"),
    "sbacelar/bibs": Source("library"),
    "crcox/MASTERBIB": Source("library"),
    "Blaisorblade/Bibs": Source("library"),
    "ivotron/bibfile": Source("library"),
    "akiratk0355/crypto-bib": Source("library"),
    "migueldvb/bibtex": Source("library"),
    "fatihserta/reference-directory": Source("library"),
    "El3ssar/zotero-bib": Source("library"),
    "jfcrenshaw/bibfile": Source("library"),
    "DasterSociety/Bibliography": Source("library"),
    "ControlNet/annotated-bibliography": Source("library"),
    "Jollyhrothgar/bibtex": Source("library"),
    "carlostome/latex-biblio": Source("library"),
    "AhmedThahir/Zotero_Database": Source("library"),
    "AndersonEnergyLab-Cornell/bibliography": Source("library"),
    "Alizter/bibs": Source("library"),
    # Papers, theses and books.
    "judgelord/dissertation": Source("paper"),
    "mcallaghan/rapid-screening": Source("paper"),
    "DarwinAwardWinner/Thesis": Source("paper"),
    "allenday/dissertation": Source("paper"),
    "d2l-ai/d2l-en": Source("paper"),
    "QuantEcon/lecture-python.myst": Source("paper"),
    "therneau/survival": Source("paper"),
    "GacGorge/Islam": Source("paper"),
    "ANU-HPC/tuning-hints-with-aiwc": Source("paper"),
    "tenpy/tenpy": Source("paper"),
    "davharris/dissertation": Source("paper"),
    "chrisjbillington/thesis": Source("paper"),
    "garretchristensen/BestPracticesManual": Source("paper"),
    "mne-tools/mne-python": Source("paper"),
    "diegoferigo/phd-thesis": Source("paper"),
    "davips/tese": Source("paper"),
    "rnbguy/thesis2021": Source("paper"),
    "hughjonesd/group-reciprocity": Source("paper"),
    "Carreau/phd-dissertation": Source("paper"),
    "csabakissgit/vrsa_edition": Source("paper"),
    "scverse/scanpy": Source("paper"),
    "openmm/openmm": Source("paper"),
    "exoplanet-dev/exoplanet": Source("paper"),
    "sunpy/sunpy": Source("paper"),
    "arviz-devs/arviz": Source("paper"),
    "scverse/scvi-tools": Source("paper"),
    "HotSmartSandwich/Dissertation": Source("paper"),
    "AMReX-Codes/amrex": Source("paper"),
    "Ten000hours/Papers4CNN": Source("paper"),
    "Alexander-Barth/NCDatasets.jl": Source("paper"),
    "AlexanderFabisch/gmr": Source("paper"),
    "ctlab/fgsea-paper": Source("paper"),
    "Thomas-S-Allen/doppler_activity": Source("paper"),
}

# The fresh corpus: real files nobody on the team wrote and no check was tuned on,
# for a judged sample of `check`'s findings taken once. Its manifest is FRESH_MANIFEST; a file
# whose content the main manifest holds is left out.
FRESH_SOURCES: dict[str, Source] = {
    # Test suites of BibTeX tools the main corpus lacks.
    "inukshuk/bibtex-ruby": Source("test-suite"),
    "mcmtroffaes/sphinxcontrib-bibtex": Source("test-suite"),
    "backtracking/bibtex2html": Source("test-suite"),
    "ropensci/bibtex": Source("test-suite"),
    "dlesbre/bibtex-autocomplete": Source("test-suite"),
    # A lab's shared library, a conference's proceedings, personal libraries.
    "ContextLab/CDL-bibliography": Source("library"),
    "NIME-conference/NIME-bibliography": Source("library"),
    "akhirsch/bibliography": Source("library"),
    "jgrey4296/bibliography": Source("library", most=40),  # 2,440 files: 40 of them
    # Theses.
    "3lectrologos/thesis": Source("paper"),
    "AaronJackson/thesis": Source("paper"),
    "BerenMillidge/PhD_Thesis": Source("paper"),
    "DCBoland/thesis": Source("paper"),
    "DanielAndreasen/Thesis": Source("paper"),
    "Aszarsha/PhDManuscript": Source("paper"),
    "ChristophAlt/thesis": Source("paper"),
}
FRESH_MANIFEST = HERE / "corpus" / "fresh-manifest.csv"

# The unseen corpus: a third set, from repositories neither corpus above drew on, assembled
# for a second judged sample of `check` and for the `fix`/`format` typesetting bench. At most
# five files a repository (and the abbreviation files beside them), so that no one library
# outweighs the rest. Its manifest is
# UNSEEN_MANIFEST; a file whose content either manifest above holds is left out.
UNSEEN_SOURCES: dict[str, Source] = {
    # Theses and dissertations: Zotero, Mendeley, JabRef exports; English, German, Spanish,
    # Portuguese, Polish, Italian.
    "01oseluiz/Monografia": Source("thesis", most=5),
    "05michaelallen/thesis": Source("thesis", most=5),
    "0x106/Thesis": Source("thesis", most=5),
    "0x41gawor/Master-Thesis": Source("thesis", most=5),
    "0xDC0DE/phd-thesis": Source("thesis", most=5),
    "0xjac/master-thesis": Source("thesis", most=5),
    "153957/phd_thesis": Source("thesis", most=5),
    "2er0/bachelor-thesis-tensorflow": Source("thesis", most=5),
    "3kumar/thesis_report": Source("thesis", most=5),
    "70rc/thesis": Source("thesis", most=5),
    "A-Kaizeler-A/PhDThesis": Source("thesis", most=5),
    "AasmundN/master-thesis": Source("thesis", most=5),
    "AbdullinAM/master_thesis": Source("thesis", most=5),
    "ABMHub/tese-mestrado": Source("thesis", most=5),
    "AdamRzepka/magisterka": Source("thesis", most=5),
    "AdamSaleh/thesis": Source("thesis", most=5),
    "AdilsonTorres/TCC-2018": Source("thesis", most=5),
    "AdriaanRol/MasterThesis": Source("thesis", most=5),
    "Adrianodelvincio/PhD_Thesis": Source("thesis", most=5),
    "AJV304/Thesis": Source("thesis", most=5),
    "Akronix/pmctrack-memoria": Source("thesis", most=5),
    "AlejandroFloresV/USB-Thesis": Source("thesis", most=5),
    "AlessandroCaetano/tcc": Source("thesis", most=5),
    "AlexRizzus/thesis": Source("thesis", most=5),
    "AlvaroNovillo/master_thesis": Source("thesis", most=5),
    "anavaldesc/thesis_ana": Source("thesis", most=5),
    "AndiMiko/masterthesis": Source("thesis", most=5),
    "AndreLoeffler/Bachelorarbeit": Source("thesis", most=5),
    "AntoinePassemiers/Master-Thesis": Source("thesis", most=5),
    "ArthurJahn/tcc": Source("thesis", most=5),
    "ArturB/WUT-Thesis": Source("thesis", most=5),
    "Ashymad/praca.mgr": Source("thesis", most=5),
    "AurinaBMH/PHDthesisLatex": Source("thesis", most=5),
    "Avnerus/ma_thesis": Source("thesis", most=5),
    "AyleenS/Masterarbeit": Source("thesis", most=5),
    "BenEspinoza10/Tesis": Source("thesis", most=5),
    "BradenCzapla/DoctoralDissertation": Source("thesis", most=5),
    "BraulioV/TFG": Source("thesis", most=5),
    "CezarMocan/Thesis": Source("thesis", most=5),
    "Charlotte-Knight/Thesis": Source("thesis", most=5),
    "ChristianMichelsen/Thesis_QuarksVsGluons": Source("thesis", most=5),
    "CJ-Wright/Masters_Thesis": Source("thesis", most=5),
    "ClaudioPadilha/PhDThesisLaTeX": Source("thesis", most=5),
    "ColemanHaley/thesis": Source("thesis", most=5),
    "COPPE-UFRJ/CoppeTeX": Source("thesis", most=5),
    "CoreySpohn/dissertation": Source("thesis", most=5),
    "CorwinLab/aileenDissertation": Source("thesis", most=5),
    "CuriousCactus/Thesis": Source("thesis", most=5),
    "DaiDengxin/Thesis": Source("thesis", most=5),
    "DamienVM/basel_bib": Source("thesis", most=5),
    "DanRo3/PhDThesis": Source("thesis", most=5),
    "David-Estevez/master-thesis": Source("thesis", most=5),
    "DeveloperJose/LaTeX-PhD-Dissertation": Source("thesis", most=5),
    "docvinni/dissertation": Source("thesis", most=5),
    "doliinychenko/PhD_thesis": Source("thesis", most=5),
    "ebelenwaf/dissertationProposal": Source("thesis", most=5),
    "elliotmartin92/Thesis": Source("thesis", most=5),
    "Frooob/diversity_thesis": Source("thesis", most=5),
    "ftoralesacosta/Thesis": Source("thesis", most=5),
    "Fulnir/rwth-lit-ger.xelatex": Source("thesis", most=5),
    "GraffL/Bachelorarbeit": Source("thesis", most=5),
    "JeanElsner/Bachelor-Thesis": Source("thesis", most=5),
    "jgarcia1599/phd": Source("thesis", most=5),
    "LaraMullamphy/Thesis": Source("thesis", most=5),
    "NiklasTR/thesis": Source("thesis", most=5),
    # Papers: software papers (JOSS-style `paper.bib`, ADS exports), mathematics papers.
    "0todd0000/mwarp1d": Source("paper", most=5),
    "1oly/AeroAcoustics.jl": Source("paper", most=5),
    "2AUK/pyRISM": Source("paper", most=5),
    "3d-pli/fastpli": Source("paper", most=5),
    "AFD-Illinois/iharm3d": Source("paper", most=5),
    "AgatheSenellart/MultiVae": Source("paper", most=5),
    "AlanPearl/diffopt": Source("paper", most=5),
    "AlanPearl/multigrad": Source("paper", most=5),
    "AMReX-Astro/Castro": Source("paper", most=5),
    "AMReX-Astro/Microphysics": Source("paper", most=5),
    "AP6YC/AdaptiveResonance.jl": Source("paper", most=5),
    "Berling/deferred_shading_paper": Source("paper", most=5),
    "EgbertRijke/formally_etale": Source("paper", most=5),
    "HomoAlg/homoalg": Source("paper", most=5),
    # CVs (publication lists, several biblatex).
    "amueller/cv": Source("cv", most=5),
    "btskinner/tex_cv": Source("cv", most=5),
    "ctessum/cv": Source("cv", most=5),
    "daijiang/cv": Source("cv", most=5),
    "j-faria/cv": Source("cv", most=5),
    "katyhuff/CV": Source("cv", most=5),
    "keflavich/cv": Source("cv", most=5),
    "matthew-brett/mbcv": Source("cv", most=5),
    "michaelpj/cv": Source("cv", most=5),
    "p3palazzo/cv": Source("cv", most=5),
    "tdupu/dupuy-cv": Source("cv", most=5),
    "wch3n/cv": Source("cv", most=5),
    # Academic websites (al-folio `_bibliography/papers.bib` and kin).
    "0010SS/0010ss.github.io": Source("site", most=5),
    "07jikim/kimjiyoung.github.io": Source("site", most=5),
    "0xAdriaTorralba/0xAdriaTorralba.github.io": Source("site", most=5),
    "12wang3/12wang3.github.io": Source("site", most=5),
    "1zeryu/1zeryu.github.io": Source("site", most=5),
    "3diglab/3DiGlab.github.io": Source("site", most=5),
    "42Shawn/42Shawn.github.io": Source("site", most=5),
    "4C-multiphysics/website": Source("site", most=5),
    "501Good/501Good.github.io": Source("site", most=5),
    "594zyc/594zyc.github.io": Source("site", most=5),
    "9tarz/9tarz.github.io": Source("site", most=5),
    "ADockhorn/ADockhorn.github.io": Source("site", most=5),
    "AI4EPS/homepage": Source("site", most=5),
    "AlecThomson/alecthomson.github.io": Source("site", most=5),
    "AlexMeyer-Gohde/AlexMeyer-Gohde.github.io": Source("site", most=5),
    "ARMSLab/publications": Source("site", most=5),
    "BASHLab/publications": Source("site", most=5),
    "BayLab/BayLab.github.io": Source("site", most=5),
    "jsta/jsta.github.io": Source("site", most=5),
    # Personal and group libraries.
    "AAU-conan/bib": Source("library", most=5),
    "Binpord/bibtex": Source("library", most=5),
    "CanCal/References": Source("library", most=5),
    "DistRap/library": Source("library", most=5),
    "EricMFink/Zotero": Source("library", most=5),
    "LuckyJimJD/BibTex": Source("library", most=5),
    "Panreta/zotero-library": Source("library", most=5),
}
UNSEEN_MANIFEST = HERE / "corpus" / "unseen-manifest.csv"

# Licence files at a repository's root, and how to name what they grant.
_LICENCE_FILES = re.compile(r"^(licen[cs]e|copying|unlicense)(\.(md|txt|rst))?$", re.IGNORECASE)
_LICENCE_NAMES = (
    ("MIT", re.compile(r"Permission is hereby granted, free of charge", re.I)),
    ("Apache-2.0", re.compile(r"Apache License,?\s+Version 2\.0", re.I)),
    ("LGPL", re.compile(r"GNU LESSER GENERAL PUBLIC LICENSE", re.I)),
    ("GPL-3.0", re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 3", re.I)),
    ("GPL-2.0", re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 2", re.I)),
    ("Artistic-2.0", re.compile(r"Artistic License 2\.0", re.I)),
    ("BSD-3-Clause", re.compile(r"Neither the name of", re.I)),
    ("BSD-2-Clause", re.compile(r"Redistributions in binary form must reproduce", re.I)),
    ("CC-BY-4.0", re.compile(r"Attribution 4\.0 International", re.I)),
    ("CC-BY-SA-4.0", re.compile(r"Attribution-ShareAlike 4\.0", re.I)),
    ("CC0-1.0", re.compile(r"CC0 1\.0|Creative Commons Zero", re.I)),
    ("Unlicense", re.compile(r"This is free and unencumbered software", re.I)),
    ("MPL-2.0", re.compile(r"Mozilla Public License,?\s+v(ersion)?\.? ?2\.0", re.I)),
)


def git_dir(mirror: Path, repository: str) -> Path | None:
    """The git directory of ``owner/name`` in the mirror, or None."""
    root = mirror / repository.replace("/", "+") / "repo"
    for candidate in (root / ".git", root):
        if (candidate / "HEAD").is_file():
            return candidate
    return None


def _git(directory: Path, *args: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(directory), *args], capture_output=True, check=True).stdout


def _licence_of(directory: Path, commit: str) -> str:
    names = _git(directory, "ls-tree", "--name-only", commit).decode("utf-8", "replace").splitlines()
    for name in names:
        if _LICENCE_FILES.match(name):
            text = _git(directory, "show", f"{commit}:{name}").decode("utf-8", "replace")
            for spdx, pattern in _LICENCE_NAMES:
                if pattern.search(text):
                    return spdx
            return f"see {name}"
    return "none stated"


def _rows_of_repository(mirror: Path, repository: str, source: Source) -> list[dict[str, str]]:
    directory = git_dir(mirror, repository)
    if directory is None:
        print(f"not mirrored, skipped: {repository}", file=sys.stderr)
        return []
    head = _git(directory, "rev-parse", "HEAD").decode().strip()
    trees = [(head, "")]
    for commit, folder in source.older:
        resolved = _git(directory, "rev-parse", commit).decode().strip()
        trees.append((resolved, folder))
    rows = []
    abbreviations: set[str] = set()
    for commit, folder in trees:
        licence = _licence_of(directory, commit)
        listing = _git(directory, "ls-tree", "-r", "-z", commit, *([folder] if folder else []))
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, raw_path = record.split(b"\t", 1)
            path = raw_path.decode("utf-8", "surrogateescape")
            if not path.lower().endswith(SUFFIXES) or meta.split()[1] != b"blob":
                continue
            try:
                data = _git(directory, "cat-file", "blob", meta.split()[2].decode())
            except subprocess.CalledProcessError:
                continue  # not in the snapshot (files of 4 MiB and more are left out)
            rows.append(_row(f"github:{repository}", commit, path, licence, data, source.kind))
            if _STRING_DEFINITION.search(data):
                abbreviations.add(path)
    if source.most:
        chosen = sorted(rows, key=lambda row: hashlib.sha256(row["path"].encode()).hexdigest())[: source.most]
        # A chosen file's abbreviations come with it: the files of its folder that define
        # @strings (a project passes them together; alone, every macro would look undefined),
        # kept even when another repository holds the same file.
        folders = {row["path"].rpartition("/")[0] for row in chosen}
        beside = [
            row for row in rows if row["path"].rpartition("/")[0] in folders and row["path"] in abbreviations
        ]
        chosen = [row for row in chosen if row not in beside] + beside
        for row in beside:
            row["kind"] += ABBREVIATIONS
        rows = sorted(chosen, key=lambda row: row["path"])
    return rows


def _texlive_licences() -> dict[str, str]:
    """TeX Live package → licence, from the Debian packages' ``Licenses`` lists."""
    found: dict[str, str] = {}
    for listing in Path("/usr/share/doc").glob("texlive-*/Licenses.gz"):
        with gzip.open(listing, "rt", encoding="utf-8", errors="replace") as lines:
            for line in lines:
                name, _, licence = line.partition(":")
                if licence.strip():
                    found.setdefault(name.strip(), licence.strip())
    return found


def _debian_package(path: Path) -> tuple[str, str]:
    try:
        owner = subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True, check=True)
        package = owner.stdout.split(":", 1)[0]
        version = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
        ).stdout
        return package, version
    except (OSError, subprocess.CalledProcessError):
        return "texlive", "unknown"


def _rows_of_texlive(texmf: Path) -> list[dict[str, str]]:
    licences = _texlive_licences()
    rows = []
    for path in sorted((texmf / "bibtex" / "bib").rglob("*.bib")):
        relative = path.relative_to(texmf).as_posix()
        package, version = _debian_package(path)
        tex_package = path.relative_to(texmf / "bibtex" / "bib").parts[0]
        licence = licences.get(tex_package, "see the Debian package's copyright file")
        rows.append(_row(f"texlive:{package}", version, relative, licence, path.read_bytes(), "texlive"))
    return rows


def _row(source: str, commit: str, path: str, licence: str, data: bytes, kind: str) -> dict[str, str]:
    return {
        "source": source,
        "commit": commit,
        "path": path,
        "licence": licence,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": str(len(data)),
        "commands": str(len(_COMMAND.findall(data))),
        "kind": kind,
    }


def discover(
    mirror: Path,
    texmf: Path | None,
    sources: dict[str, Source] = SOURCES,
    known: frozenset[str] = frozenset(),
) -> list[dict[str, str]]:
    """Every corpus file the mirror and the TeX Live tree hold, first copy of each content only
    (and none whose SHA-256 is in ``known``)."""
    rows: list[dict[str, str]] = []
    for repository, source in sources.items():
        rows += _rows_of_repository(mirror, repository, source)
    if texmf is not None:
        rows += _rows_of_texlive(texmf)
    seen: set[str] = set(known)
    unique = []
    for row in rows:
        if row["commands"] == "0":
            continue
        if row["sha256"] in seen and not row["kind"].endswith(ABBREVIATIONS):
            continue  # (an abbreviations file stays beside the files that use it, copy or not)
        seen.add(row["sha256"])
        unique.append(row)
    return unique


def read_manifest(path: Path = MANIFEST) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_manifest(rows: list[dict[str, str]], path: Path = MANIFEST) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def local_name(row: dict[str, str]) -> str:
    """Where a manifest row's file goes in the assembled folder (source, then its path)."""
    source = row["source"].split(":", 1)[1].replace("/", "+")
    return f"{source}/{row['path']}"


def fetch_bytes(row: dict[str, str], mirror: Path, texmf: Path) -> bytes | None:
    """A manifest row's file, from the mirror or the TeX Live tree (None when absent)."""
    kind, _, name = row["source"].partition(":")
    if kind == "texlive":
        path = texmf / row["path"]
        return path.read_bytes() if path.is_file() else None
    directory = git_dir(mirror, name)
    if directory is None:
        return None
    try:
        return _git(directory, "show", f"{row['commit']}:{row['path']}")
    except subprocess.CalledProcessError:
        return None


def assemble(out: Path, mirror: Path, texmf: Path, manifest: Path = MANIFEST) -> tuple[int, int, list[str]]:
    """Copy every manifest file into ``out``; (files, commands, problems)."""
    files = commands = 0
    problems: list[str] = []
    for row in read_manifest(manifest):
        data = fetch_bytes(row, mirror, texmf)
        where = f"{row['source']}:{row['path']}"
        if data is None:
            problems.append(f"missing: {where}")
            continue
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            problems.append(f"changed (SHA-256 differs): {where}")
            continue
        target = out / local_name(row)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        files += 1
        commands += int(row["commands"])
    return files, commands, problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="folder to assemble the corpus into")
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"), help="local repository mirror")
    parser.add_argument(
        "--texmf", type=Path, default=Path("/usr/share/texlive/texmf-dist"), help="a TeX Live texmf-dist tree"
    )
    parser.add_argument("--discover", action="store_true", help="rebuild the manifest from the mirror")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--fresh", action="store_true", help="the fresh corpus (FRESH_SOURCES, fresh-manifest.csv) instead"
    )
    chosen.add_argument(
        "--unseen", action="store_true", help="the unseen corpus (UNSEEN_SOURCES, unseen-manifest.csv)"
    )
    args = parser.parse_args()
    manifest = FRESH_MANIFEST if args.fresh else UNSEEN_MANIFEST if args.unseen else MANIFEST
    if args.discover:
        if args.fresh or args.unseen:
            earlier = [MANIFEST] + ([FRESH_MANIFEST] if args.unseen else [])
            known = frozenset(row["sha256"] for path in earlier for row in read_manifest(path))
            rows = discover(args.mirror, None, UNSEEN_SOURCES if args.unseen else FRESH_SOURCES, known)
        else:
            rows = discover(args.mirror, args.texmf if args.texmf.is_dir() else None)
        write_manifest(rows, manifest)
        total = sum(int(r["commands"]) for r in rows)
        print(f"manifest: {len(rows)} files, {total} commands -> {manifest}")
    if args.out:
        files, commands, problems = assemble(args.out, args.mirror, args.texmf, manifest)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"assembled {files} files, {commands} commands into {args.out} ({len(problems)} not found)")
    if not args.discover and not args.out:
        parser.error("give --out DIR (and/or --discover)")


if __name__ == "__main__":
    main()
