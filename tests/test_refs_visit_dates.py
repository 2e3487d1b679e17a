"""A reference read in any language: the date a web page was visited is not the work's year
("besucht am 06. 02. 2023", "consulté le 12 mars 2023", "дата обращения: 12.03.2023":
visit-dates.json), and the word before an author list's last name splits the names in every
language its style prints ("und", "et", "och", "и": name-list-conjunctions.json), but "et al."
and the "y" of a double family name do not. References as biblatex's language strings
(ngerman, french, spanish, russian …) and hand-written lists print them."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bibnorm.readers.bbl import _NAME_SEPARATOR
from bibnorm.readers.refs import parse_reference, read_refs
from bibnorm.text.names import split_authors
from bibnorm.text.word_tables import identifier_labels, name_list_conjunctions, name_particles, visit_dates


@pytest.mark.parametrize(
    ("text", "year"),
    [
        pytest.param(
            "Utpal Banerjee, Brian Bliss, Zhiqiang Ma und Paul Petersen. “A theory of data race "
            "detection”. In: PADTAD. Portland Maine USA: ACM, Juli 2006, S. 69–78. url: "
            "https://dl.acm.org/doi/x (besucht am 06. 02. 2023).",
            2006,
            id="german-besucht-am",
        ),
        pytest.param(
            "Hans Müller. Ein Titel. 2011. url: https://example.org (abgerufen am 12. März 2023).",
            2011,
            id="german-abgerufen-am-a-month-name",
        ),
        pytest.param(
            "Hans Müller. Ein Titel. 2011. URL: https://example.org (Zugriff am: 2023-02-06).",
            2011,
            id="german-zugriff-am-an-iso-date",
        ),
        pytest.param(
            # a German thesis's IEEE list (github:VariableOne/bachelorarbeit-document): the note
            # glued to the link's last period
            "M. G. P. Legg, O. Buckley and S. Creese, “Visualizing the insider threat: challenges and "
            "tools for identifying malicious user activity,” in Proc. IEEE Symp. Vis. Cyber Secur. "
            "(VizSec), 2015, pp. 1–8, [Online]. Verfügbar: https://ieeexplore.ieee.org/document/7312772."
            "[Zugriff am: 19. August 2025].",
            2015,
            id="german-zugriff-am-glued-to-the-link",
        ),
        pytest.param(
            "Jean Dupont. Un titre. 2001. url : https://example.org (consulté le 12 mars 2023).",
            2001,
            id="french-consulte-le",
        ),
        pytest.param(
            "Juan García. Un título. 1999. url: https://example.es (visitado el 3 de abril de 2022).",
            1999,
            id="spanish-visitado-el-de",
        ),
        pytest.param(
            "João Silva. Um título. 2004. Disponível em: https://example.br. Acesso em: 5 maio 2021.",
            2004,
            id="portuguese-acesso-em",
        ),
        pytest.param(
            # Thieme's journals (Klinische Pädiatrie): a web page's date after "Stand:"
            "Robert Koch-Institut. Impfquoten bei der Schuleingangsuntersuchung. 2018. Im Internet: "
            "https://www.rki.de/impfquoten; Stand: 05.06.2019",
            2018,
            id="german-stand-thieme",
        ),
        # TeX Live's DIN 1505 styles (natdin, plaindin, alphadin) print "Abruf:" before the date
        pytest.param(
            "MÜLLER, Hans: Die Seite der Dinge. http://www.example.org/seite. Version: 2015. – "
            "Abruf: 2019-02-22",
            2015,
            id="german-din-1505-abruf",
        ),
        # and German authors write its noun (a real thesis's list, gh-maxnestle's)
        pytest.param(
            "Fabien A. P. Petitcolas, Ross J. Anderson and Markus G. Kuhn: Information Hiding A Survey. "
            "https://www.petitcolas.net/fabien/publications/ieee99-infohiding.pdf, 1999. "
            "Abrufdatum: 22.02.2019.",
            1999,
            id="german-abrufdatum",
        ),
        pytest.param(
            "Jón Jónsson. „Titill greinarinnar“, Tímarit, 2007. sótt 21. október 2011 af https://example.is.",
            2007,
            id="icelandic-sott",
        ),
        pytest.param(
            "Иванов И. И. Название статьи // Журнал. 2005. URL: https://example.ru "
            "(дата обращения: 12.03.2023).",
            2005,
            id="russian-data-obrashcheniya",
        ),
        pytest.param(
            "Jan Jansen. Een titel. 2008. url: https://example.nl (bezocht op 3 januari 2020).",
            2008,
            id="dutch-bezocht-op",
        ),
        # a comma after the words (bollettino-d-archeologia-online's Italian)
        pytest.param(
            "Tanselle 1998: G.T. Tanselle, “Book Review”, in OECD, https://www.rit.edu/press/printing "
            "(ultimo accesso, 17 marzo 2002).",
            1998,
            id="italian-ultimo-accesso-a-comma",
        ),
        pytest.param(
            "Smith J. A page [Internet]. 2010 [cited 2023 Mar 12]. Available from: https://x.org",
            2010,
            id="vancouver-cited",
        ),
        pytest.param(
            "Smith, J. A page. 2008. https://example.org, accessed on the 5th of May, 2021.",
            2008,
            id="english-the-5th-of-may",
        ),
        pytest.param(
            "Smith, J. (2008). A page. Retrieved February 28, 2020, from https://example.org",
            2008,
            id="apa-retrieved",
        ),
        # ČSN ISO 690 as Czech theses print it (a FIT VUT thesis's list): the page's date, then "[cit. …]"
        pytest.param(
            "Tišňovský, P.: Fixed point arithmetic [online]. https://www.root.cz/clanky/fixed-point-"
            "arithmetic/, 2006-05-31 [cit. 2017-11-22].",
            2006,
            id="czech-cit",
        ),
        pytest.param(
            "Vašíček, Z.: FITkit [online]. 2006 [cit. 2018-05-16].", 2006, id="czech-cit-after-the-year"
        ),
        # GB/T 7714's electronic resource: its date of update in parentheses, the day it was cited in
        # square brackets (a Tianjin University thesis's list)
        pytest.param(
            "萧钰. 出版业信息化迈人快车道[EB/OL]. (2001-12-19)[2002-04-15]. "
            "http://www.creader.com/news/20011219/200112190019.html.",
            2001,
            id="gbt-the-day-it-was-cited",
        ),
        # a Vietnamese report's biblatex list: the page's date, then the last visit's, in numbers
        # joined by hyphens, the day or the month first
        pytest.param(
            "Moodle. About Moodle. https://docs.moodle.org/36/en/About_Moodle. 12-2018 (truy cập lần cuối "
            "15-03-2019).",
            2018,
            id="vietnamese-truy-cap-a-month-and-year",
        ),
        pytest.param(
            "Moodle. A Step-by-step Guide To Creating Blocks. https://docs.moodle.org/dev/Blocks. 13-03-2019 "
            "(truy cập lần cuối 29-04-2019).",
            2019,
            id="vietnamese-truy-cap-a-day-month-and-year",
        ),
        pytest.param(
            "A. Dunkels, “The contiki operating system. web page,” Visited 2005- 03-18. URL: "
            "http://www. sics. se/adam/contiki, Tech. Rep., 2006.",
            2006,
            id="ieee-the-year-after-a-link-field-with-a-colon",
        ),
        # a Uruguayan engineering thesis's plain list (github:jhernandezbaraibar/documentation_tx_isdbt)
        pytest.param(
            "Presidencia de la República. Decreto de Presidencia N° 153/12. "
            "https://www.impo.com.uy/bases/decretos/153-2012, 2012. [Web; accedido el 24-11-2018].",
            2012,
            id="spanish-accedido-el",
        ),
    ],
)
def test_a_visit_date_is_not_the_work_s_year(text: str, year: int) -> None:
    assert parse_reference(text).year == year
    assert read_refs(text, "list.txt")[0].year == year  # nor the year the rules and the model agree on


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # a word of the table in a title, a year after other words: no visit date
        pytest.param("A. Author. The most cited authors, Springer 2019.", 2019, id="cited-in-a-title"),
        pytest.param("A. Author. Places visited. Press, 2017.", 2017, id="visited-in-a-title"),
    ],
)
def test_a_visit_word_elsewhere_leaves_the_year(text: str, year: int) -> None:
    assert parse_reference(text).year == year


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # abnTeX2's author-date list (a Brazilian TCC): a page with no date of its own prints its
        # year in the visit's date, with the letter that tells the author's works of the year apart
        pytest.param(
            "CRUNCHBASE. CrunchBase: LinkedIn. Disponível em: <http://www.crunchbase.com/company/linkedin>. "
            "Acesso em: jan. 2012b.",
            2012,
            id="abnt-a-letter-after-the-visit-s-year",
        ),
        pytest.param(
            "ANDROID MARKET. Android Market – Facebook para Android. Disponível em: "
            "<http://market.android.com/details?id=com.facebook.katana>. Acesso em: jan. 2012a.",
            2012,
            id="abnt-the-first-letter",
        ),
        # the same list's pages whose year has no letter: the visit's date alone, no year of the work
        pytest.param(
            "AMAZON. About AWS. Disponível em: <http://aws.amazon.com/what-is-aws/>. Acesso em: jan. 2012.",
            None,
            id="abnt-no-letter",
        ),
    ],
)
def test_a_visit_s_year_with_a_letter_after_it_is_the_work_s(text: str, year: int | None) -> None:
    assert parse_reference(text).year == year


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Spotify Playlist Miner. https://github.com/x/y, zuletzt abgerufen: 12.03.2020.",
                     "Spotify Playlist Miner", id="german-last-visited"),
        pytest.param("Duden online. https://www.duden.de/. Letzter Zugriff: 2023-02-06.", "Duden online",
                     id="german-last-access"),
        pytest.param("Portail des données ouvertes. https://data.gouv.fr/, consulté : 03/04/2022.",
                     "Portail des données ouvertes", id="french-consulted"),
        pytest.param("Spotify Playlist Miner. https://github.com/x/y, accessed: 12.03.2020.",
                     "Spotify Playlist Miner", id="english-accessed"),
    ],
)  # fmt: skip
def test_a_web_page_s_title_before_its_link_and_visit_names_no_one(text: str, title: str) -> None:
    """A page's title alone, then its link and the day of the visit in any language: the title,
    no author (the visit's words are visit-dates.json's)."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, ())


@pytest.mark.parametrize(
    ("text", "title", "authors", "year"),
    [
        # a Brazilian robotics paper (github:oscar-neiva/TDP-SirSoccer): the visit's word misspelt
        pytest.param("ZigBee Alliance. https://www.zigbee.org. Accessado: 2012.04.09.",
                     "ZigBee Alliance", (), None, id="misspelt-after-the-link"),
        pytest.param("Xbee/xbee-pro rf modules. http://www.digi.com/lp/xbee. Accessado: 2013-05-07.",
                     "Xbee/xbee-pro rf modules", (), None, id="an-iso-date"),
        # a German master's thesis (github:assimatze/Masterthesis): a "time stamp" after the
        # work's own year, which stays the year
        pytest.param("Daniel Cook. What are Game Mechanics? http://www.lostgarden.com/2006/10/what.html, "
                     "2006. Zeitstempel: 24.02.2018.",
                     "What are Game Mechanics?", ("Daniel Cook",), 2006, id="a-word-for-time-stamp"),
    ],
)  # fmt: skip
def test_a_dated_word_after_the_link_is_the_visit_whatever_the_word(
    text: str, title: str, authors: tuple[str, ...], year: int | None
) -> None:
    """A date in numbers under any one word and its colon, last in a reference and after its link,
    is the day the page was looked at: no title, no venue, not the work's year."""
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors, parsed.year, parsed.venue) == (title, authors, year, None)
    read = read_refs(text, "list.txt")[0]
    assert (read.title, read.year, read.venue) == (title, year, None)


@pytest.mark.parametrize(
    "text",
    [
        # a dated word before the link, or a date that is not the reference's end
        "A. Author. Report: 2012-04-09. https://example.org/report.",
        "A. Author. A page. https://example.org. Version: 2012-04-09, revised.",
    ],
)
def test_a_dated_word_elsewhere_is_read_as_before(text: str) -> None:
    assert parse_reference(text).year == 2012


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "Peter W. O’Hearn und Ilya Sergey", ["Peter W. O’Hearn", "Ilya Sergey"], id="german-und"
        ),
        pytest.param(
            "Jean Dupont, Luc Martin et Marie Curie",
            ["Jean Dupont", "Luc Martin", "Marie Curie"],
            id="french-et",
        ),
        pytest.param("Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"], id="dutch-en"),
        pytest.param("Anna Ek och Bo Berg", ["Anna Ek", "Bo Berg"], id="swedish-och"),
        pytest.param("И. Иванов и П. Петров", ["И. Иванов", "П. Петров"], id="russian-i"),
        pytest.param("Ali Yılmaz ve Ayşe Kaya", ["Ali Yılmaz", "Ayşe Kaya"], id="turkish-ve"),
        pytest.param("B. Williams và M. Dougiamas", ["B. Williams", "M. Dougiamas"], id="vietnamese-va"),
        pytest.param("Jean Dupont et al.", ["Jean Dupont"], id="et-al-is-no-conjunction"),
        pytest.param(
            "José Ortega y Gasset", ["José Ortega y Gasset"], id="a-family-joiner-is-no-conjunction"
        ),
        # before an initial, which opens a given name, the family joiner is the list's "and"
        pytest.param(
            "S. Konyagin i D. Kutzarova", ["S. Konyagin", "D. Kutzarova"], id="croatian-i-before-an-initial"
        ),
        pytest.param("A. Pérez y J. García", ["A. Pérez", "J. García"], id="spanish-y-before-an-initial"),
        pytest.param("M. Rossi e G. Bianchi", ["M. Rossi", "G. Bianchi"], id="italian-e-before-an-initial"),
        pytest.param(
            "{Müller und Söhne}, Jim Smith", ["{Müller und Söhne}", "Jim Smith"], id="braces-protect"
        ),
    ],
)
def test_an_author_list_splits_at_its_language_s_conjunction(text: str, names: list[str]) -> None:
    assert split_authors(text) == names


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        pytest.param(
            "Nikos Gorogiannis, Peter W. O’Hearn und Ilya Sergey. “A True Positives Theorem for a "
            "Static Race Detector”. In: POPL. ACM, 2019.",
            ("Nikos Gorogiannis", "Peter W. O’Hearn", "Ilya Sergey"),
            id="german-natural-order",
        ),
        pytest.param(
            "Dupont, J. et Curie, M. Un titre. Revue, 2001.",
            ("Dupont, J.", "Curie, M."),
            id="french-inverted-initials",
        ),
        pytest.param(
            "Müller, H. und Schmidt, E. Ein Titel. Zeitschrift, 2001.",
            ("Müller, H.", "Schmidt, E."),
            id="german-inverted-initials",
        ),
        pytest.param("Smith, J. et al. A title. Journal, 2001.", ("Smith, J.", "others"), id="et-al"),
        # amsplain in Croatian (a Zagreb thesis): names, title and venue between commas, "i" for "and"
        pytest.param(
            "J. Bourgain, S. J. Dilworth, K. Ford, S. Konyagin i D. Kutzarova, Explicit constructions of "
            "RIP matrices and related problems, arXiv e-prints (2010), arXiv:1008.4535.",
            ("J. Bourgain", "S. J. Dilworth", "K. Ford", "S. Konyagin", "D. Kutzarova"),
            id="croatian-i-amsplain",
        ),
        # biblatex in French (github:laudao/stage2018, pdf_dev13): two persons, an initial after "et"
        pytest.param(
            "D. Dheeru et E. Karra Taniskidou. UCI Machine Learning Repository. 2017.",
            ("D. Dheeru", "E. Karra Taniskidou"),
            id="french-et-before-an-initial",
        ),
    ],
)
def test_a_reference_s_authors_split_at_its_language_s_conjunction(
    text: str, authors: tuple[str, ...]
) -> None:
    assert parse_reference(text).authors == authors


@pytest.mark.parametrize(
    ("label", "names"),
    [
        pytest.param("Müller und Schmidt", ["Müller", "Schmidt"], id="german"),
        pytest.param("Dupont et Curie", ["Dupont", "Curie"], id="french"),
        pytest.param("Smith et al.", ["Smith et al."], id="et-al-whole"),
    ],
)
def test_a_label_s_names_split_at_their_conjunction(label: str, names: list[str]) -> None:
    assert [part.strip() for part in _NAME_SEPARATOR.split(label)] == names


def test_no_conjunction_is_a_family_joiner() -> None:
    # "y", "e", "i" join two family names ("Ortega y Gasset", "Costa e Silva"): a list cannot split there
    assert not name_list_conjunctions() & name_particles().family_joiners
    assert {"and", "und", "et", "и"} <= name_list_conjunctions()


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # CSL's locales print the "accessed" term before a link's date (citeproc-py's
        # locales-cs-CZ.xml "viděno", locales-id-ID.xml "diakses"): no date of the work
        pytest.param("World Bank. World Bank. WB. https://www.worldbank.org/ (viděno 23. 5. 2024).", None,
                     id="czech-videno"),
        pytest.param("Smith, J. Laporan tahunan. https://example.org/laporan, diakses pada 12 Mei 2020.",
                     None,
                     id="indonesian-diakses-pada"),
        pytest.param("Kovač, M. Naslov rada. 2018. https://example.org/rad (pristupljeno 3. 4. 2021.)", 2018,
                     id="croatian-pristupljeno"),
        # the word and "date" before a date written year first, glued to the work's year
        pytest.param("Arduino Uno [Internet]. AWS. 2022.Last accessed date: 2024 Aug 10. Available from: "
                     "https://www.example.com/arduino-uno.", 2022, id="last-accessed-date-year-first"),
    ],
)  # fmt: skip
def test_a_visit_in_any_csl_locale_is_not_the_work_s_year(text: str, year: int | None) -> None:
    assert parse_reference(text).year == year


def test_every_csl_locale_s_accessed_term_is_a_visit_word() -> None:
    """The table holds the "accessed" term of every locale citeproc-py ships, but two words of
    prose a title may hold before a year (Danish "set", Spanish "consulta")."""
    citeproc = pytest.importorskip(
        "citeproc", reason="citeproc-py is a test dependency (pyproject's test extra)"
    )
    locales = Path(citeproc.__file__).parent / "data" / "locales"
    terms = {
        re.sub(r"\s+", " ", term.text).strip().lower()
        for locale in locales.glob("locales-*.xml")
        for term in ElementTree.parse(locale).iter("{http://purl.org/net/xbiblio/csl}term")
        if term.get("name") == "accessed" and term.text
    }
    assert len(terms) > 40
    table = visit_dates()

    def read(term: str) -> bool:  # a word of the table, or one and its connector ("acesso em")
        word, _, connector = term.rpartition(" ")
        return (
            term in table.words
            or f"{term}." in table.words
            or (word in table.words and connector in table.connectors)
        )

    assert {term for term in terms if not read(term)} <= {"set", "consulta"}


def test_the_visit_words_are_lower_case() -> None:
    table = visit_dates()
    words = table.words | table.connectors | table.date_joiners
    assert all(word == word.lower() and word.strip() == word for word in words)
    assert {"retrieved", "besucht", "consulté", "дата обращения"} <= table.words


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("DISQOVER. (Accessed August 31, 2018). https://www.disqover.com/", id="month-named"),
        pytest.param("Docker Hub. (Accessed August 31, 2018). https://hub.docker.com/", id="two-words"),
        pytest.param(
            "Dresden Ovary Table. http://tomancak-srv1.mpi-cbg.de/DOT/main. "
            "[Online; accessed 15-February-2016]",
            id="day-month-year-hyphenated",
        ),
    ],
)
def test_a_page_s_title_alone_before_its_visit_date_names_no_author(text: str) -> None:
    title = text.partition(". ")[0]
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, ())


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # ABNT's entry under its title (NBR 6023), abnTeX2's "Disponível em:" before the link (the
        # lists of two Brazilian TCCs, github:josepedro/TCC and github:Ghust1995/tg)
        pytest.param("DOZOL. 2014. Disponível em: <http://www.adrianodozol.blogspot.com.br>.", "DOZOL",
                     id="abnt-one-word"),
        pytest.param("JOGO: Superhot. 2016. Disponível em: <https://en.wikipedia.org/wiki/Superhot>.",
                     "JOGO: Superhot", id="abnt-title-and-subtitle"),
        # biblatex's `urlfrom` in other languages (its .lbx files), and as authors write it by hand
        pytest.param("Scikit-learn. 2023. Disponible à l'adresse : <https://scikit-learn.org>.",
                     "Scikit-learn", id="french"),
        pytest.param("Tatoeba. 2021. Verfügbar unter: https://tatoeba.org/", "Tatoeba", id="german-by-hand"),
        pytest.param("Kaggle. 2020. Disponible en: https://www.kaggle.com/", "Kaggle", id="spanish-by-hand"),
    ],
)  # fmt: skip
def test_a_page_s_title_alone_before_where_it_is_names_no_author(text: str, title: str) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, ())


def test_a_visit_date_s_tail_cut_by_a_line_end_is_no_page_s_title() -> None:
    # a PDF line of abnTeX2's list (github:victorjorgef/tcc): "… Acesso em: 9 de dezembro | de 2023.
    # Disponível em: <…>"; the list's split weighs each line, and "de 2023" names no page
    parsed = parse_reference(
        "de 2023. Disponível em: <https://guides.rubyonrails.org/active_model_basics.html>."
    )
    assert parsed.title != "de 2023"


def test_the_link_words_are_lower_case_and_hold_biblatex_s_urlfrom() -> None:
    table = identifier_labels()
    words = (*table.link_words, *table.link_joiners)
    assert all(word == word.lower() and word.strip() == word for word in words)
    assert {"available", "disponível", "disponible", "abgerufen", "tillgänglig"} <= set(table.link_words)


@pytest.mark.parametrize(
    ("text", "title", "first_family"),
    [
        pytest.param(
            "APACHE, f. CloudStack. 2015. Acesso em 14 de setembro de 2015. Disponível em: "
            "<http://cloudstack.apache.org/>.",
            "CloudStack",
            "APACHE",
            id="abnt-visit-after-the-year",
        ),
        pytest.param(
            "INC., C. S. Xen Project Software Overview. 2015. Acesso em 10 de novembro de 2015. "
            "Disponível em: <http://wiki.xenproject.org/wiki/Xen Overview>.",
            "Xen Project Software Overview",
            "INC",
            id="abnt-two-initials",
        ),
        pytest.param(
            "PAMPLONA, E. de O. Engenharia Econômica II. 2005. Disponível em: "
            "<http://www.iepg.unifei.edu.br/edson/download/Engecon2/CAP5EE2PLapost.pdf>. "
            "Acesso em: 04/06/2012.",
            "Engenharia Econômica II",
            "PAMPLONA",
            id="abnt-link-lead-after-the-year-a-particle-among-initials",
        ),
        pytest.param(
            "DIAS, S. M. P. D. B.; BíSCARO, H. H. Libras Movement Data Set. Disponível em: "
            "<http://archive.ics.uci.edu/ml/datasets/Libras+Movement>.",
            "Libras Movement Data Set",
            "DIAS",
            id="abnt-names-between-semicolons-no-year",
        ),
        pytest.param(
            "GiliiBueno. Accessed on 2023-09-18. FurhatInterviewRobot github repository. "
            "https://github.com/xarxaxdev/FurhatInterviewRobot.",
            "FurhatInterviewRobot github repository",
            "GiliiBueno",
            id="visit-between-names-and-title",
        ),
    ],
)
def test_a_note_in_the_title_s_place_is_no_title(text: str, title: str, first_family: str) -> None:
    parsed = parse_reference(text)
    assert parsed.title == title
    assert parsed.authors[0].startswith(first_family)
    assert title not in " ".join(parsed.authors)


@pytest.mark.parametrize(
    ("text", "title", "authors"),
    [
        # ABNT's web pages (a Brazilian TCC's list): the title's sentence, then the year's, then the
        # visit and the link; a title ending in a capital or a number ends before the year all the same
        pytest.param(
            "MICROSOFT. Hyper-V. 2015. Acesso em 29 de setembro de 2015. Disponível em: "
            "<http://hyperv.veeam.com/what-is-hyper-v-technology/>.",
            "Hyper-V",
            ("MICROSOFT",),
            id="abnt-a-capital-before-the-year",
        ),
        pytest.param(
            "ANTARES. Auto-Tune 7. 2014. Disponível em: <http://www.antarestech.com/products/>. "
            "Citado na página 23.",
            "Auto-Tune 7",
            ("ANTARES",),
            id="abnt-a-number-before-the-year",
        ),
        pytest.param(
            "SHIREY, R. W. Internet security glossary, Version 2. 2007. Disponível em: "
            "<https://tools.ietf.org/html/rfc4949>.",
            "Internet security glossary, Version 2",
            ("SHIREY, R. W.",),
            id="abnt-a-version-before-the-year",
        ),
        pytest.param(
            "HOSTINGER. O que é CSS? 2019. Disponível em: <https://www.hostinger.com.br/tutoriais/>. "
            "Citado na página 39.",
            "O que é CSS?",
            ("HOSTINGER",),
            id="abnt-a-question-before-the-year",
        ),
        # an organisation's page named as the organisation is: the name in capitals, the title
        # repeating it, the year after the title — the organisation is the author
        pytest.param(
            "ZABBIX. ZABBIX. 2015. Acesso em 7 de outubro de 2015. Disponível em: <http://www.zabbix.com/>.",
            "ZABBIX",
            ("ZABBIX",),
            id="abnt-an-organisation-s-page-under-its-name",
        ),
        pytest.param(
            "HP. HP. 2015. Acesso em 29 de setembro de 2015. Disponível em: <http://www.hp.com/>.",
            "HP",
            ("HP",),
            id="abnt-a-two-letter-organisation",
        ),
    ],
)
def test_an_abnt_page_s_title_ends_before_its_year(text: str, title: str, authors: tuple[str, ...]) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors) == (title, authors)
