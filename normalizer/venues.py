"""One spelling per venue: the table of common ML/CV/NLP/IR/speech venues.

Semantic Scholar spells the same venue many ways — ``publicationVenue.name``
("Computer Vision and Pattern Recognition"), ``venue`` ("2022 IEEE/CVF Conference on
Computer Vision and Pattern Recognition (CVPR)"), ``journal.name``, abbreviations
("Nat. Mac. Intell.") — and users write "CVPR 2022" or "CVPRW". `find_venue` maps any
of them to one `Venue` whose ``name`` is the booktitle/journal we print and whose
``short`` is the acronym.

How a spelling is matched (`venue_key`): case, accents, punctuation, years, ordinals
("35th"), a trailing volume number, "Proceedings of (the)", and publisher tags (IEEE,
CVF, ACM) are ignored; a parenthesised acronym ("... (ICCV)") is tried when the long
form is not in the table. Unknown venues are not guessed: `canonical_venue_name`
returns them tidied but otherwise unchanged.

The table (short name (kind): printed name). CVPR/CVPRW until 2018, ICCV/ICCVW until
2017 and WACV until 2020 print their earlier "IEEE" names (without "/CVF"), NeurIPS
until 2017 "(NIPS)": `Venue.earlier_names`, applied by `venue_name_in_year`.

- CVPR (conference): Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern
  Recognition (CVPR)
- CVPRW (conference): Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern
  Recognition Workshops (CVPRW)
- ICCV (conference): Proceedings of the IEEE/CVF International Conference on Computer Vision
  (ICCV)
- ICCVW (conference): Proceedings of the IEEE/CVF International Conference on Computer Vision
  Workshops (ICCVW)
- ECCV (conference): Proceedings of the European Conference on Computer Vision (ECCV)
- WACV (conference): Proceedings of the IEEE/CVF Winter Conference on Applications of Computer
  Vision (WACV)
- BMVC (conference): Proceedings of the British Machine Vision Conference (BMVC)
- NeurIPS (conference): Advances in Neural Information Processing Systems (NeurIPS)
- ICML (conference): Proceedings of the International Conference on Machine Learning (ICML)
- ICLR (conference): International Conference on Learning Representations (ICLR)
- AISTATS (conference): Proceedings of the International Conference on Artificial Intelligence
  and Statistics (AISTATS)
- UAI (conference): Proceedings of the Conference on Uncertainty in Artificial Intelligence
  (UAI)
- COLT (conference): Proceedings of the Conference on Learning Theory (COLT)
- CoRL (conference): Proceedings of the Conference on Robot Learning (CoRL)
- AAAI (conference): Proceedings of the AAAI Conference on Artificial Intelligence (AAAI)
- IJCAI (conference): Proceedings of the International Joint Conference on Artificial
  Intelligence (IJCAI)
- ACL (conference): Proceedings of the Annual Meeting of the Association for Computational
  Linguistics (ACL)
- EMNLP (conference): Proceedings of the Conference on Empirical Methods in Natural Language
  Processing (EMNLP)
- NAACL (conference): Proceedings of the Conference of the North American Chapter of the
  Association for Computational Linguistics (NAACL)
- EACL (conference): Proceedings of the Conference of the European Chapter of the Association
  for Computational Linguistics (EACL)
- COLING (conference): Proceedings of the International Conference on Computational Linguistics
  (COLING)
- Interspeech (conference): Proceedings of Interspeech
- ICASSP (conference): Proceedings of the IEEE International Conference on Acoustics, Speech and
  Signal Processing (ICASSP)
- KDD (conference): Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data
  Mining (KDD)
- WWW (conference): Proceedings of the ACM Web Conference (WWW)
- SIGIR (conference): Proceedings of the International ACM SIGIR Conference on Research and
  Development in Information Retrieval (SIGIR)
- ACM MM (conference): Proceedings of the ACM International Conference on Multimedia (ACM MM)
- FAccT (conference): Proceedings of the ACM Conference on Fairness, Accountability, and
  Transparency (FAccT)
- MICCAI (conference): Proceedings of the International Conference on Medical Image Computing
  and Computer-Assisted Intervention (MICCAI)
- ICRA (conference): Proceedings of the IEEE International Conference on Robotics and Automation
  (ICRA)
- IROS (conference): Proceedings of the IEEE/RSJ International Conference on Intelligent Robots
  and Systems (IROS)
- TPAMI (journal): IEEE Transactions on Pattern Analysis and Machine Intelligence
- IJCV (journal): International Journal of Computer Vision
- TIP (journal): IEEE Transactions on Image Processing
- TMLR (journal): Transactions on Machine Learning Research
- JMLR (journal): Journal of Machine Learning Research
- TACL (journal): Transactions of the Association for Computational Linguistics
- TNNLS (journal): IEEE Transactions on Neural Networks and Learning Systems
- preprint servers, never a publication: arXiv, bioRxiv, medRxiv, SSRN, Research Square,
  TechRxiv, ChemRxiv
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType


class VenueKind(StrEnum):
    CONFERENCE = "conference"
    JOURNAL = "journal"
    PREPRINT = "preprint"  # a preprint server: listing there is not a publication


@dataclass(frozen=True)
class Venue:
    """A venue with its one printed spelling.

    ``name`` is what goes into ``booktitle`` (conferences) or ``journal`` (journals);
    ``aliases`` are the other spellings seen in Semantic Scholar data and in user input.
    """

    short: str
    name: str
    kind: VenueKind
    aliases: tuple[str, ...] = ()
    # Names the venue printed before it took `name`: (last year, name), oldest first.
    # CVPR became "IEEE/CVF" in 2019: a CVPR 2016 paper cited with it reads as an error.
    earlier_names: tuple[tuple[int, str], ...] = ()

    @property
    def is_publication(self) -> bool:
        return self.kind is not VenueKind.PREPRINT

    def name_in(self, year: int | None) -> str:
        """The name the venue's proceedings carried in ``year`` (the current one if unknown)."""
        if year is not None:
            for last_year, name in self.earlier_names:
                if year <= last_year:
                    return name
        return self.name

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *(name for _, name in self.earlier_names))


_C, _J, _P = VenueKind.CONFERENCE, VenueKind.JOURNAL, VenueKind.PREPRINT

VENUES: tuple[Venue, ...] = (
    Venue(
        "CVPR",
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
        _C,
        (
            "Computer Vision and Pattern Recognition",
            "Conference on Computer Vision and Pattern Recognition",
            "IEEE Conference on Computer Vision and Pattern Recognition",
            "Comput Vis Pattern Recognit",
        ),
        ((2018, "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"),),
    ),
    Venue(
        "CVPRW",
        "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)",
        _C,
        (
            "CVPR Workshops",
            "CVPR Workshop",
            "Conference on Computer Vision and Pattern Recognition Workshops",
            "Computer Vision and Pattern Recognition Workshops",
        ),
        (
            (
                2018,
                "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition"
                " Workshops (CVPRW)",
            ),
        ),
    ),
    Venue(
        "ICCV",
        "Proceedings of the IEEE/CVF International Conference on Computer Vision (ICCV)",
        _C,
        ("International Conference on Computer Vision", "IEEE International Conference on Computer Vision"),
        ((2017, "Proceedings of the IEEE International Conference on Computer Vision (ICCV)"),),
    ),
    Venue(
        "ICCVW",
        "Proceedings of the IEEE/CVF International Conference on Computer Vision Workshops (ICCVW)",
        _C,
        ("ICCV Workshops", "International Conference on Computer Vision Workshops"),
        ((2017, "Proceedings of the IEEE International Conference on Computer Vision Workshops (ICCVW)"),),
    ),
    Venue(
        "ECCV",
        "Proceedings of the European Conference on Computer Vision (ECCV)",
        _C,
        ("European Conference on Computer Vision",),
    ),
    Venue(
        "WACV",
        "Proceedings of the IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)",
        _C,
        (
            "Winter Conference on Applications of Computer Vision",
            "IEEE Workshop/Winter Conference on Applications of Computer Vision",
            "Workshop on Applications of Computer Vision",
        ),
        ((2020, "Proceedings of the IEEE Winter Conference on Applications of Computer Vision (WACV)"),),
    ),
    Venue(
        "BMVC",
        "Proceedings of the British Machine Vision Conference (BMVC)",
        _C,
        ("British Machine Vision Conference",),
    ),
    Venue(
        "NeurIPS",
        "Advances in Neural Information Processing Systems (NeurIPS)",
        _C,
        (
            "Neural Information Processing Systems",
            "Advances in Neural Information Processing Systems",
            "Conference on Neural Information Processing Systems",
            "NIPS",
            "Neural Inf Process Syst",
        ),
        ((2017, "Advances in Neural Information Processing Systems (NIPS)"),),
    ),
    Venue(
        "ICML",
        "Proceedings of the International Conference on Machine Learning (ICML)",
        _C,
        ("International Conference on Machine Learning", "Int Conf Mach Learn"),
    ),
    Venue(
        "ICLR",
        "International Conference on Learning Representations (ICLR)",
        _C,
        ("International Conference on Learning Representations", "Int Conf Learn Represent"),
    ),
    Venue(
        "AISTATS",
        "Proceedings of the International Conference on Artificial Intelligence and Statistics (AISTATS)",
        _C,
        ("International Conference on Artificial Intelligence and Statistics",),
    ),
    Venue(
        "UAI",
        "Proceedings of the Conference on Uncertainty in Artificial Intelligence (UAI)",
        _C,
        ("Conference on Uncertainty in Artificial Intelligence", "Uncertainty in Artificial Intelligence"),
    ),
    Venue(
        "COLT",
        "Proceedings of the Conference on Learning Theory (COLT)",
        _C,
        ("Conference on Learning Theory", "Annual Conference Computational Learning Theory"),
    ),
    Venue(
        "CoRL",
        "Proceedings of the Conference on Robot Learning (CoRL)",
        _C,
        ("Conference on Robot Learning",),
    ),
    Venue(
        "AAAI",
        "Proceedings of the AAAI Conference on Artificial Intelligence (AAAI)",
        _C,
        ("AAAI Conference on Artificial Intelligence",),
    ),
    Venue(
        "IJCAI",
        "Proceedings of the International Joint Conference on Artificial Intelligence (IJCAI)",
        _C,
        ("International Joint Conference on Artificial Intelligence",),
    ),
    Venue(
        "ACL",
        "Proceedings of the Annual Meeting of the Association for Computational Linguistics (ACL)",
        _C,
        ("Annual Meeting of the Association for Computational Linguistics",),
    ),
    Venue(
        "EMNLP",
        "Proceedings of the Conference on Empirical Methods in Natural Language Processing (EMNLP)",
        _C,
        (
            "Conference on Empirical Methods in Natural Language Processing",
            "Empirical Methods in Natural Language Processing",
            "Empir Method Nat Lang Process",
        ),
    ),
    Venue(
        "NAACL",
        "Proceedings of the Conference of the North American Chapter of the Association for "
        "Computational Linguistics (NAACL)",
        _C,
        (
            "North American Chapter of the Association for Computational Linguistics",
            "Conference of the North American Chapter of the Association for Computational Linguistics",
            "NAACL-HLT",
        ),
    ),
    Venue(
        "EACL",
        "Proceedings of the Conference of the European Chapter of the Association for "
        "Computational Linguistics (EACL)",
        _C,
        ("Conference of the European Chapter of the Association for Computational Linguistics",),
    ),
    Venue(
        "COLING",
        "Proceedings of the International Conference on Computational Linguistics (COLING)",
        _C,
        ("International Conference on Computational Linguistics",),
    ),
    Venue(
        "Interspeech",
        "Proceedings of Interspeech",
        _C,
        ("INTERSPEECH", "Conference of the International Speech Communication Association"),
    ),
    Venue(
        "ICASSP",
        "Proceedings of the IEEE International Conference on Acoustics, Speech and Signal Processing "
        "(ICASSP)",
        _C,
        ("International Conference on Acoustics, Speech and Signal Processing",),
    ),
    Venue(
        "KDD",
        "Proceedings of the ACM SIGKDD Conference on Knowledge Discovery and Data Mining (KDD)",
        _C,
        (
            "Knowledge Discovery and Data Mining",
            "SIGKDD",
            "SIGKDD Conference on Knowledge Discovery and Data Mining",
            "SIGKDD International Conference on Knowledge Discovery and Data Mining",
        ),
    ),
    Venue(
        "WWW",
        "Proceedings of the ACM Web Conference (WWW)",
        _C,
        ("The Web Conference", "Web Conference", "World Wide Web Conference", "TheWebConf"),
    ),
    Venue(
        "SIGIR",
        "Proceedings of the International ACM SIGIR Conference on Research and Development in "
        "Information Retrieval (SIGIR)",
        _C,
        (
            "International ACM SIGIR Conference on Research and Development in Information Retrieval",
            "SIGIR Conference on Research and Development in Information Retrieval",
        ),
    ),
    Venue(
        "ACM MM",
        "Proceedings of the ACM International Conference on Multimedia (ACM MM)",
        _C,
        ("ACM Multimedia", "International Conference on Multimedia", "MM"),
    ),
    Venue(
        "FAccT",
        "Proceedings of the ACM Conference on Fairness, Accountability, and Transparency (FAccT)",
        _C,
        (
            "Conference on Fairness, Accountability and Transparency",
            "Conference on Fairness, Accountability, and Transparency",
        ),
    ),
    Venue(
        "MICCAI",
        "Proceedings of the International Conference on Medical Image Computing and Computer-Assisted "
        "Intervention (MICCAI)",
        _C,
        ("Medical Image Computing and Computer-Assisted Intervention",),
    ),
    Venue(
        "ICRA",
        "Proceedings of the IEEE International Conference on Robotics and Automation (ICRA)",
        _C,
        ("International Conference on Robotics and Automation",),
    ),
    Venue(
        "IROS",
        "Proceedings of the IEEE/RSJ International Conference on Intelligent Robots and Systems (IROS)",
        _C,
        (
            "International Conference on Intelligent Robots and Systems",
            "RSJ International Conference on Intelligent Robots and Systems",
        ),
    ),
    Venue(
        "TPAMI",
        "IEEE Transactions on Pattern Analysis and Machine Intelligence",
        _J,
        (
            "Transactions on Pattern Analysis and Machine Intelligence",
            "PAMI",
            "IEEE Trans. Pattern Anal. Mach. Intell.",
        ),
    ),
    Venue(
        "IJCV",
        "International Journal of Computer Vision",
        _J,
        ("Int. J. Comput. Vis.", "International Journal of Computer Vision"),
    ),
    Venue(
        "TIP",
        "IEEE Transactions on Image Processing",
        _J,
        ("Transactions on Image Processing", "IEEE Trans. Image Process."),
    ),
    Venue(
        "TMLR",
        "Transactions on Machine Learning Research",
        _J,
        ("Trans. Mach. Learn. Res.", "Transactions on Machine Learning Research"),
    ),
    Venue(
        "JMLR",
        "Journal of Machine Learning Research",
        _J,
        ("J. Mach. Learn. Res.", "J Mach Learn Res", "Journal of machine learning research"),
    ),
    Venue(
        "TACL",
        "Transactions of the Association for Computational Linguistics",
        _J,
        (
            "Trans. Assoc. Comput. Linguistics",
            "Transactions of the Association for Computational Linguistics",
        ),
    ),
    Venue(
        "TNNLS",
        "IEEE Transactions on Neural Networks and Learning Systems",
        _J,
        ("Transactions on Neural Networks and Learning Systems", "IEEE Trans. Neural Networks Learn. Syst."),
    ),
    Venue("arXiv", "arXiv", _P, ("arXiv.org", "ArXiv", "CoRR", "arXiv preprint")),
    Venue("bioRxiv", "bioRxiv", _P, ("bioRxiv : the preprint server for biology",)),
    Venue("medRxiv", "medRxiv", _P, ("medRxiv : the preprint server for health sciences",)),
    Venue("SSRN", "SSRN Electronic Journal", _P, ("SSRN", "Social Science Research Network")),
    Venue("Research Square", "Research Square", _P, ()),
    Venue("TechRxiv", "TechRxiv", _P, ()),
    Venue("ChemRxiv", "ChemRxiv", _P, ()),
)

# Words that do not tell venues apart: who sponsors it, how often it meets.
_NOISE_WORDS = frozenset({"ieee", "cvf", "acm", "rsj", "the", "annual", "proceedings", "of", "in", "proc"})
_YEAR = re.compile(r"(?<![0-9])(19|20)[0-9]{2}(?![0-9])|'[0-9]{2}\b")
_ORDINAL = re.compile(r"\b[0-9]+(st|nd|rd|th)\b", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]*)\)")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def venue_key(text: str) -> str:
    """The comparison key of a venue spelling (see the module docstring for what is ignored)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    text = _YEAR.sub(" ", text)
    text = _ORDINAL.sub(" ", text)
    words = [w for w in _NON_WORD.split(text) if w and w not in _NOISE_WORDS]
    if len(words) > 1 and words[-1].isdigit():
        words.pop()  # a volume number: "Advances in Neural Information Processing Systems 35"
    return " ".join(words)


def _build_index() -> Mapping[str, Venue]:
    index: dict[str, Venue] = {}
    for venue in VENUES:
        for spelling in (venue.short, *venue.all_names, *venue.aliases):
            key = venue_key(spelling)
            # The printed name contains "(CVPR)": index it with and without the acronym.
            for variant in (key, venue_key(_PAREN.sub(" ", spelling))):
                if variant and variant not in index:
                    index[variant] = venue
    return MappingProxyType(index)


_INDEX = _build_index()


def find_venue(text: str | None) -> Venue | None:
    """The table entry for a venue spelling, or ``None`` when the venue is not in the table."""
    if not text or not text.strip():
        return None
    found = _INDEX.get(venue_key(text))
    if found is not None:
        return found
    # "2023 IEEE/CVF International Conference on Computer Vision (ICCV)": the long form
    # may be a variant we do not list, but the acronym in parentheses is unambiguous.
    for inner in reversed(_PAREN.findall(text)):
        found = _INDEX.get(venue_key(inner))
        if found is not None:
            return found
    found = _INDEX.get(venue_key(_PAREN.sub(" ", text)))
    return found


def venue_name_in_year(text: str, year: int | None) -> str:
    """A table venue's printed name as it was in ``year``; any other spelling unchanged."""
    venue = find_venue(text)
    if venue is None or text not in venue.all_names:
        return text
    return venue.name_in(year)


def tidy_venue(text: str) -> str:
    """Whitespace collapsed and stray punctuation trimmed; nothing else changed."""
    return " ".join(text.split()).strip(" ,;")


def canonical_venue_name(text: str) -> str:
    """The printed spelling of a venue: the table's name when known, else the tidied input."""
    venue = find_venue(text)
    return venue.name if venue is not None else tidy_venue(text)


def is_preprint_venue(text: str | None) -> bool:
    """True for preprint servers (arXiv, bioRxiv, ...): being listed there is not a publication."""
    venue = find_venue(text)
    return venue is not None and venue.kind is VenueKind.PREPRINT
