"""The venue table: every spelling of a venue maps to one printed name and acronym."""

from __future__ import annotations

import pytest
from bibnorm.text.venues import (
    VENUES,
    VenueKind,
    canonical_venue_name,
    find_venue,
    is_preprint_venue,
    venue_key,
)


@pytest.mark.parametrize(
    ("spelling", "short"),
    [
        # Semantic Scholar publicationVenue names and venue strings
        pytest.param("Computer Vision and Pattern Recognition", "CVPR", id="s2-cvpr-name"),
        pytest.param(
            "IEEE/CVF Conference on Computer Vision and Pattern Recognition", "CVPR", id="cvpr-ieee-cvf"
        ),
        pytest.param(
            "2022 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            "CVPR",
            id="cvpr-dated",
        ),
        pytest.param(
            "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", "CVPR", id="cvpr-2016"
        ),
        pytest.param("CVPR", "CVPR", id="cvpr-acronym"),
        pytest.param("CVPR 2022", "CVPR", id="cvpr-user-style"),
        pytest.param("CVPR Workshops 2014", "CVPRW", id="cvpr-workshops-not-main"),
        pytest.param(
            "2023 IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPRW)",
            "CVPRW",
            id="cvprw-dated",
        ),
        pytest.param("IEEE International Conference on Computer Vision", "ICCV", id="s2-iccv-name"),
        pytest.param(
            "2023 IEEE/CVF International Conference on Computer Vision (ICCV)", "ICCV", id="iccv-dated"
        ),
        pytest.param("European Conference on Computer Vision", "ECCV", id="eccv"),
        pytest.param("Neural Information Processing Systems", "NeurIPS", id="s2-neurips"),
        pytest.param("NIPS", "NeurIPS", id="nips-old-acronym"),
        pytest.param(
            "Advances in Neural Information Processing Systems 35", "NeurIPS", id="neurips-volume-style"
        ),
        pytest.param("International Conference on Machine Learning", "ICML", id="icml"),
        pytest.param(
            "Proceedings of the 40th International Conference on Machine Learning", "ICML", id="icml-ordinal"
        ),
        pytest.param("International Conference on Learning Representations", "ICLR", id="iclr"),
        pytest.param("AAAI Conference on Artificial Intelligence", "AAAI", id="aaai"),
        pytest.param("International Joint Conference on Artificial Intelligence", "IJCAI", id="ijcai"),
        pytest.param("Annual Meeting of the Association for Computational Linguistics", "ACL", id="acl"),
        pytest.param("Conference on Empirical Methods in Natural Language Processing", "EMNLP", id="emnlp"),
        pytest.param(
            "North American Chapter of the Association for Computational Linguistics", "NAACL", id="naacl"
        ),
        pytest.param("IEEE Transactions on Pattern Analysis and Machine Intelligence", "TPAMI", id="tpami"),
        pytest.param("International Journal of Computer Vision", "IJCV", id="ijcv"),
        pytest.param("Trans. Mach. Learn. Res.", "TMLR", id="tmlr-abbrev"),
        pytest.param("Journal of machine learning research", "JMLR", id="jmlr-lowercase"),
        pytest.param("J. Mach. Learn. Res.", "JMLR", id="jmlr-abbrev"),
        pytest.param("IEEE Workshop/Winter Conference on Applications of Computer Vision", "WACV", id="wacv"),
        pytest.param("British Machine Vision Conference", "BMVC", id="bmvc"),
        pytest.param("Interspeech", "Interspeech", id="interspeech"),
        pytest.param("INTERSPEECH 2023", "Interspeech", id="interspeech-caps"),
        pytest.param(
            "ICASSP 2023 - 2023 IEEE International Conference on Acoustics, Speech and Signal Processing "
            "(ICASSP)",
            "ICASSP",
            id="icassp-s2-style",
        ),
        pytest.param("Knowledge Discovery and Data Mining", "KDD", id="kdd"),
        pytest.param("KDD 2016", "KDD", id="kdd-user-style"),
        pytest.param("The Web Conference", "WWW", id="www"),
        pytest.param(
            "Annual International ACM SIGIR Conference on Research and Development in Information Retrieval",
            "SIGIR",
            id="sigir",
        ),
        pytest.param("ACM Multimedia", "ACM MM", id="acm-mm"),
        pytest.param("ACM MM 2023", "ACM MM", id="acm-mm-user-style"),
        pytest.param(
            "Proceedings of the 2025 ACM Conference on Fairness, Accountability, and Transparency",
            "FAccT",
            id="facct-journal-name-in-sample",
        ),
        pytest.param("arXiv.org", "arXiv", id="arxiv-org"),
        pytest.param("ArXiv", "arXiv", id="arxiv-journal-name"),
        pytest.param("medRxiv", "medRxiv", id="medrxiv"),
        # dblp's own spellings of the long tail (its search hits' `venue`), and S2's
        pytest.param("ICIP", "ICIP", id="dblp-icip"),
        pytest.param("VCIP", "VCIP", id="dblp-vcip"),
        pytest.param("IEEE Trans. Multim.", "TMM", id="dblp-tmm"),
        pytest.param("Entropy 27", "Entropy", id="journal-with-volume"),
        pytest.param("ECCV Workshops (3)", "ECCVW", id="dblp-eccv-workshops"),
        # Printed bare ("In ICDMW, 2020.") while the table knew no ICDM workshops; dblp's
        # "ICDM (Workshops)" is the workshops' proceedings, not the main conference's.
        pytest.param("ICDMW", "ICDMW", id="icdm-workshops-acronym"),
        pytest.param("ICDM (Workshops)", "ICDMW", id="dblp-icdm-workshops"),
        pytest.param("ICDM", "ICDM", id="icdm-main"),
        pytest.param("ECML/PKDD", "ECML PKDD", id="dblp-ecml-pkdd"),
        pytest.param("Nat. Mac. Intell.", "Nat. Mach. Intell.", id="s2-journal-abbrev"),
        pytest.param("Proc. Natl. Acad. Sci. USA", "PNAS", id="dblp-pnas"),
    ],
)
def test_spellings_map_to_one_venue(spelling: str, short: str) -> None:
    venue = find_venue(spelling)
    assert venue is not None
    assert venue.short == short


@pytest.mark.parametrize(
    "spelling",
    [
        pytest.param("J. Chem. Inf. Model.", id="unlisted-journal-abbrev"),
        pytest.param("Computer Vision", id="too-vague"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
    ],
)
def test_unknown_spellings_are_not_guessed(spelling: str) -> None:
    assert find_venue(spelling) is None


@pytest.mark.parametrize(
    ("spelling", "printed"),
    [
        pytest.param(
            "Computer Vision and Pattern Recognition",
            "Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
            id="cvpr",
        ),
        pytest.param(
            "Neural Information Processing Systems",
            "Advances in Neural Information Processing Systems (NeurIPS)",
            id="neurips",
        ),
        pytest.param("J. Mach. Learn. Res.", "Journal of Machine Learning Research", id="jmlr"),
        pytest.param("  Nature   Machine Intelligence ", "Nature Machine Intelligence", id="unknown-tidied"),
    ],
)
def test_canonical_venue_name(spelling: str, printed: str) -> None:
    assert canonical_venue_name(spelling) == printed


@pytest.mark.parametrize(
    ("short", "kind"),
    [
        pytest.param("CVPR", VenueKind.CONFERENCE, id="cvpr"),
        pytest.param("ICLR", VenueKind.CONFERENCE, id="iclr"),
        pytest.param("TPAMI", VenueKind.JOURNAL, id="tpami"),
        pytest.param("TMLR", VenueKind.JOURNAL, id="tmlr"),
        pytest.param("JMLR", VenueKind.JOURNAL, id="jmlr"),
        pytest.param("arXiv", VenueKind.PREPRINT, id="arxiv"),
    ],
)
def test_venue_kinds(short: str, kind: VenueKind) -> None:
    venue = find_venue(short)
    assert venue is not None and venue.kind is kind
    assert venue.is_publication is (kind is not VenueKind.PREPRINT)


def test_preprint_servers_are_not_publications() -> None:
    assert is_preprint_venue("arXiv.org")
    assert is_preprint_venue("bioRxiv")
    assert not is_preprint_venue("Neural Information Processing Systems")
    assert not is_preprint_venue(None)


@pytest.mark.parametrize(
    "cited",
    [
        pytest.param("arXiv preprint arXiv:2106.04560", id="google-scholar"),
        pytest.param("arXiv preprint arXiv:hep-th/9901001v2", id="google-scholar-old-style-id"),
        pytest.param("CoRR abs/2106.04560", id="dblp-journal-and-volume"),
        pytest.param("arXiv:2106.04560 [cs.CV]", id="arxivs-own-citation-form"),
    ],
)
def test_a_preprint_cited_by_its_id_where_the_venue_goes_is_arxiv(cited: str) -> None:
    assert is_preprint_venue(cited)


def test_venue_key_ignores_years_ordinals_and_publishers() -> None:
    assert venue_key("Proceedings of the 2023 IEEE/CVF International Conference on Computer Vision") == (
        "international conference on computer vision"
    )
    assert (
        venue_key("The 31st ACM International Conference on Multimedia")
        == "international conference on multimedia"
    )


def test_table_has_no_two_venues_claiming_one_spelling() -> None:
    owners: dict[str, str] = {}
    for venue in VENUES:
        for spelling in (venue.short, venue.name, *venue.aliases):
            key = venue_key(spelling)
            assert owners.setdefault(key, venue.short) == venue.short, spelling


def test_the_venue_table_is_a_well_formed_data_file() -> None:
    shorts = [venue.short for venue in VENUES]
    assert len(shorts) == len(set(shorts)) > 40
    for venue in VENUES:
        assert venue.name.strip() == venue.name and venue.name
        years = [year for year, _ in venue.earlier_names]
        assert years == sorted(years), venue.short
        assert all(find_venue(name) is venue for name in venue.all_names), venue.short
