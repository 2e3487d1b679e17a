"""Harvard's reference forms (the ``harvard`` package's ``agsm``, ``dcu`` and ``kluwer``): a title
quoting a word, a chapter in an edited book whose book's title is the one quoted, and an
upright title followed by its venue after a comma alone, read from the text and from the PDF's
italics.

Each reference is as ``agsm`` or ``dcu`` print a real ``.bib`` entry (the PDF corpus's
QuantEcon, NickPeyton and b-vitamins bibliographies, ``bench/bench_pdf_corpus.py``), or a
reference of another style that must not be read as one of these.
"""

from __future__ import annotations

import pytest
from bibnorm.readers.refs import parse_reference
from pdf_lines import read_lines, styled


@pytest.mark.parametrize(
    ("text", "title", "first_author", "year"),
    [
        # agsm: "Names (Year), ‘Title’, Journal": a title quoting a word in double marks is the
        # single-quoted title whole, not the word.
        pytest.param(
            "Harsanyi, J. C. (1967), ‘Games with incomplete information played by “Bayesian” players, "
            "I–III part I. The basic model’, Management Science 14(3), 159–182.",
            "Games with incomplete information played by “Bayesian” players, I–III part I. The basic model",
            "Harsanyi, J. C.", 1967, id="agsm-a-word-quoted-inside-the-title",
        ),
        pytest.param(
            "Greasley, D. & Oxley, L. (1997), ‘Endogenous growth or “big bang”: Two views of the first "
            "industrial revolution’, 57, 935–949.",
            "Endogenous growth or “big bang”: Two views of the first industrial revolution",
            "Greasley, D.", 1997, id="agsm-a-quotation-before-the-colon",
        ),
        # a title opening with a quotation: its inner mark right after the title's own, and the
        # first closing mark closes the inner quotation, not the title
        pytest.param(
            "Bush, M. L. (1991b), ‘’Up for the commonweal’: The significance of tax grievances in the "
            "English rebellions of 1536’, 106, 299–318.",
            "’Up for the commonweal’: The significance of tax grievances in the English rebellions of 1536",
            "Bush, M. L.", 1991, id="agsm-a-title-opening-with-a-quotation",
        ),
        # single marks inside the title's own, set with TeX's ligatures ("‘‘" is "“", "’’" is "”")
        pytest.param(
            "Barber, B. (1995), “all economies are embedded’: The career of a concept, and beyond’, Social "
            "Research 62, 387–413.",
            "‘all economies are embedded’: The career of a concept, and beyond", "Barber, B.", 1995,
            id="agsm-a-quotation-opening-the-title-in-ligatures",
        ),
        pytest.param(
            "Abend, G. (2008a), ‘The meaning of ‘theory”, Sociological Theory 26, 173–199.",
            "The meaning of ‘theory’", "Abend, G.", 2008,
            id="agsm-a-quotation-closing-the-title-in-ligatures",
        ),
        pytest.param(
            "Baumol, W. J. (1974), ‘The transformation of values: What marx ‘really’ meant (an "
            "interpretation)’, Journal of Economic Literature 12, 51–62.",
            "The transformation of values: What marx ‘really’ meant (an interpretation)", "Baumol, W. J.",
            1974, id="agsm-a-quotation-inside-the-title",
        ),
        # a title in double quotes (another author-year style) is no agsm title quoting something
        pytest.param(
            "Becker, G., DeGroot, M. (1964), “Measuring utility by a single-response sequential method,” "
            "Behavioral Science, 9, 226–232.",
            "Measuring utility by a single-response sequential method", "Becker, G.", 1964,
            id="a-title-in-double-quotes",
        ),
        # agsm's chapter in an edited book: the chapter's title upright, the book's quoted after
        # "in Editors, ed(s),"
        pytest.param(
            "Blackwell, D. (1951), Comparison of experiments, in J. Neyman, ed., ‘Proceedings of the Second "
            "Berkeley Symposium on Mathematical Statistics and Probability’, University of California Press, "
            "Berkeley, CA, pp. 93–102.",
            "Comparison of experiments", "Blackwell, D.", 1951, id="agsm-chapter-one-editor",
        ),
        pytest.param(
            "Kihlstrom, R. E. (1984), A Bayesian exposition of Blackwell’s theorem on the comparison of "
            "experiments, in M. Boyer & R. E. Kihlstrom, eds, ‘Bayesian Models in Economic Theory’, Vol. 5 "
            "of Studies in Bayesian Econometrics, North-Holland, Amsterdam, pp. 13–31.",
            "A Bayesian exposition of Blackwell’s theorem on the comparison of experiments",
            "Kihlstrom, R. E.", 1984, id="agsm-chapter-two-editors-an-apostrophe-in-the-title",
        ),
        pytest.param(
            "Frisch, R. (1933), Propagation problems and impulse problems in dynamic economics, in "
            "‘Economic Essays in Honour of Gustav Cassel’, Allen and Unwin, pp. 171–203.",
            "Propagation problems and impulse problems in dynamic economics", "Frisch, R.", 1933,
            id="agsm-chapter-without-editors",
        ),
        pytest.param(
            "François, D. P. (2005), Forms and Processes. Some Thoughts on the Meaning of Urbanization in "
            "Early Archaic Greece, in ‘Mediterranean Urbanization 800-600 BC’, Oxford University Press, "
            "New York, pp. 44–69.",
            "Forms and Processes. Some Thoughts on the Meaning of Urbanization in Early Archaic Greece",
            "François, D. P.", 2005, id="agsm-chapter-title-with-a-period",
        ),
        pytest.param(
            "Beyer, K., Goldstein, J., Ramakrishnan, R. & Shaft, U. (1999), When is “nearest neighbor” "
            "meaningful?, in ‘International Conference on Database Theory’, pp. 217–235.",
            "When is “nearest neighbor” meaningful?", "Beyer, K.", 1999, id="agsm-chapter-title-quoting",
        ),
        # agsm's book in a series, and a thesis of a kind named alone
        pytest.param(
            "Hülsen, J. (1919), Das Nymphaeum von Milet, number 1,5 in ‘Milet. Ergebnisse der Ausgrabungen "
            "und Untersuchungen seit dem Jahr 1899’, Berlin.",
            "Das Nymphaeum von Milet", "Hülsen, J.", 1919, id="agsm-book-in-a-series",
        ),
        pytest.param(
            "Steinmann, L. (2023a), Das Dionysosheiligtum in der Sakrallandschaft von Milet, Dissertation, "
            "Universität Hamburg, Hamburg.",
            "Das Dionysosheiligtum in der Sakrallandschaft von Milet", "Steinmann, L.", 2023,
            id="agsm-dissertation",
        ),
        # dcu: "Names (Year). Title, Venue": the title in sentence case ends at the comma before
        # its venue
        pytest.param(
            "Badrinarayanan, V., Kendall, A. & Cipolla, R. (2017). Segnet: A deep convolutional "
            "encoder-decoder architecture for image segmentation, IEEE Transactions on Pattern Analysis "
            "and Machine Intelligence 39(12): 2481–2495.",
            "Segnet: A deep convolutional encoder-decoder architecture for image segmentation",
            "Badrinarayanan, V.", 2017, id="dcu-journal-by-name",
        ),
        pytest.param(
            "LeCun, Y., Bengio, Y. & Hinton, G. (2015). Deep learning, Nature 521(7553): 436–444.",
            "Deep learning", "LeCun, Y.", 2015, id="dcu-journal-volume-and-pages",
        ),
        pytest.param(
            "Kingma, D. P. & Ba, J. (2015). Adam: A method for stochastic optimization, 3rd International "
            "Conference on Learning Representations, ICLR 2015, San Diego, CA, USA, May 7-9, 2015, "
            "Conference Track Proceedings.",
            "Adam: A method for stochastic optimization", "Kingma, D. P.", 2015, id="dcu-proceedings",
        ),
        pytest.param(
            "Karras, T., Aila, T., Laine, S. & Lehtinen, J. (2018). Progressive growing of gans for improved "
            "quality, stability, and variation, Proceedings of the International Conference on Learning "
            "Representations.",
            "Progressive growing of gans for improved quality, stability, and variation", "Karras, T.", 2018,
            id="dcu-the-titles-own-commas-stay",
        ),
        pytest.param(
            "Mordvintsev, A., Olah, C. & Tyka, M. (2015). Inceptionism: Going deeper into neural networks, "
            "Google Research Blog. Published June 17, 2015.",
            "Inceptionism: Going deeper into neural networks", "Mordvintsev, A.", 2015,
            id="dcu-published-where-in-capitals",
        ),
        pytest.param(
            "Grosse, R. (2018). Automatic differentiation, CSC321 Lecture 10, University of Toronto. "
            "Course: Introduction to Neural Networks and Machine Learning.",
            "Automatic differentiation", "Grosse, R.", 2018, id="dcu-a-lecture",
        ),
        pytest.param(
            "Gong, Y., Chung, Y.-A. & Glass, J. (2021). Ast: Audio spectrogram transformer, Interspeech "
            "2021, ISCA, pp. 571–575.",
            "Ast: Audio spectrogram transformer", "Gong, Y.", 2021, id="dcu-proceedings-by-a-short-name",
        ),
        pytest.param(
            "Battaglia, P. W., Li, Y. & Pascanu, R. (2018). Relational inductive biases, deep learning, and "
            "graph networks, Technical Report 1806.01261, arXiv.",
            "Relational inductive biases, deep learning, and graph networks", "Battaglia, P. W.", 2018,
            id="dcu-technical-report",
        ),
        pytest.param(
            "Gusev, A., Palamara, P. F. & Pe’er, I. (2011). The architecture of long-range haplotypes shared "
            "within and across populations, Molecular biology and evolution 29(2): 473–486.",
            "The architecture of long-range haplotypes shared within and across populations", "Gusev, A.",
            2011, id="dcu-an-apostrophe-in-a-name",
        ),
        pytest.param(
            "Barber, B. (1995). ‘all economies are embedded’: The career of a concept, and beyond, Social "
            "Research 62: 387–413.",
            "‘all economies are embedded’: The career of a concept, and beyond", "Barber, B.", 1995,
            id="dcu-a-quotation-opening-the-title",
        ),
        pytest.param(
            "Jiang, A. Q., Sablayrolles, A. & Sayed, W. E. (2024). Mixtral of experts, arXiv . "
            "doi.org/10.48550/arXiv.2401.04088",
            "Mixtral of experts", "Jiang, A. Q.", 2024, id="dcu-arxiv",
        ),
        pytest.param(
            "National Governors Association (2001). The role of the arts in economic development, NGA Center "
            "for Best Practices Issue Brief.",
            "The role of the arts in economic development", "National Governors Association", 2001,
            id="dcu-published-by-a-body",
        ),
        # a sentence-case title goes on past a period before a word in lower case or a part's
        # number; the venue's abbreviations end no sentence
        pytest.param(
            "Von Korff, M., Wang, H., Léon, J. & Pillen, K. (2006). Ab-qtl analysis in spring barley: Ii. "
            "detection of favourable exotic alleles for agronomic traits introgressed from wild barley (h. "
            "vulgare ssp. spontaneum), Theoretical and Applied Genetics 112(7): 1221–1231.",
            "Ab-qtl analysis in spring barley: Ii. detection of favourable exotic alleles for agronomic "
            "traits introgressed from wild barley (h. vulgare ssp. spontaneum)", "Von Korff, M.", 2006,
            id="dcu-periods-inside-a-sentence-case-title",
        ),
        pytest.param(
            "Planck Collaboration (2020a). Planck 2018 results. III. high frequency instrument data "
            "processing and frequency maps, Astron. Astrophys. 641: A3.",
            "Planck 2018 results. III. high frequency instrument data processing and frequency maps",
            "Planck Collaboration", 2020, id="dcu-a-parts-number-and-an-abbreviated-journal",
        ),
        pytest.param(
            "Smith, B. D. (1989). Origins of agriculture in eastern north america, American Association "
            "for the Advancement of Science.",
            "Origins of agriculture in eastern north america", "Smith, B. D.", 1989,
            id="dcu-published-by-a-body-named-with-the",
        ),
        # agsm quotes an article's title, not a preprint's or a web page's
        pytest.param(
            "Touvron, H., Martin, L. & Stone, K. (2023), Llama 2: open foundation and fine-tuned chat "
            "models, arXiv . doi.org/10.48550/arXiv.2307.09288",
            "Llama 2: open foundation and fine-tuned chat models", "Touvron, H.", 2023, id="agsm-preprint",
        ),
        # a name the title keeps in capitals, its own ", in …" before the venue, a journal's
        # pages without a volume; a chapter's ", in Editors (eds)" ends the title
        pytest.param(
            "Wilkes, H. (1977). Hybridization of maize and teosinte, in mexico and guatemala and the "
            "improvement of maize, Economic Botany pp. 254–293.",
            "Hybridization of maize and teosinte, in mexico and guatemala and the improvement of maize",
            "Wilkes, H.", 1977, id="dcu-a-titles-own-in",
        ),
        pytest.param(
            "Hodgson, J. A., Sterner, K. N. & Disotell, T. R. (2009). Successive radiations, not stasis, in "
            "the South American primate fauna, Proceedings of the National Academy of Sciences 106(14): "
            "5534–5539.",
            "Successive radiations, not stasis, in the South American primate fauna", "Hodgson, J. A.", 2009,
            id="dcu-names-in-a-sentence-case-title",
        ),
        pytest.param(
            "Chen, M., Radford, A. & Sutskever, I. (2020). Generative pretraining from pixels, in H. Daumé "
            "III & A. Singh (eds), Proceedings of the 37th International Conference on Machine Learning, "
            "Vol. 119 of Proceedings of Machine Learning Research, PMLR, pp. 1691–1703.",
            "Generative pretraining from pixels", "Chen, M.", 2020, id="dcu-chapter",
        ),
        pytest.param(
            "Levy, P. B. (2001), Call-By-Push-Value, PhD thesis, Queen Mary and Westfield College, "
            "University of London.",
            "Call-By-Push-Value", "Levy, P. B.", 2001, id="agsm-thesis-in-title-case",
        ),
        # an APA title sentence ends at its question mark
        pytest.param(
            "Gottfredson, G. D. (1978). Why don’t vocational interests predict job satisfaction better than "
            "they do? Unpublished manuscript, Johns Hopkins University, Baltimore.",
            "Why don’t vocational interests predict job satisfaction better than they do?",
            "Gottfredson, G. D.", 1978, id="apa-a-question-ends-the-title",
        ),
        # kluwer (the harvard package's): "Names: Year, Title, Journal volume, pages", the names
        # joined by "and"; an article's title unquoted, in sentence case
        pytest.param(
            "Acemoglu, D., Robinson, J. and Johnson, S.: 2001, The colonial origins of comparative "
            "development: An empirical investigation, American Economic Review 91, 1369–1401.",
            "The colonial origins of comparative development: An empirical investigation", "Acemoglu, D.",
            2001, id="kluwer-journal-volume-and-pages",
        ),
        pytest.param(
            "Ayanian, J. and Cleary, P.: 1999, The effect of patients’ preferences on racial differences in "
            "access to renal transplantation, New England Journal of Medicine 341(22), 1661–1669.",
            "The effect of patients’ preferences on racial differences in access to renal transplantation",
            "Ayanian, J.", 1999, id="kluwer-the-year-after-the-names-not-the-pages",
        ),
        pytest.param(
            "Abbott, A.: 2005, The idea of outcome in u.s. sociology, in G. Steinmetz (ed.), The Politics of "
            "Method in the Human Sciences, Duke University Press, Durham, pp. 393–426.",
            "The idea of outcome in u.s. sociology", "Abbott, A.", 2005, id="kluwer-chapter",
        ),
        pytest.param(
            "Abbate, J.: 2000, Inventing the Internet, MIT Press, Cambridge, MA.",
            "Inventing the Internet", "Abbate, J.", 2000, id="kluwer-book",
        ),
        # not dcu's venue: a place the title names, and an APA list (", & Name"), whose title
        # sentence ends at its period
        pytest.param(
            "Smith, J. (2001). Fishing in the north, New York. Journal of Fisheries, 5, 1–10.",
            "Fishing in the north, New York", "Smith, J.", 2001, id="a-place-at-the-titles-end",
        ),
        pytest.param(
            "Smith, J., & Jones, K. (2001). Reading, Proceedings and their readers. Journal of "
            "Documents, 5, 1–10.",
            "Reading, Proceedings and their readers", "Smith, J.", 2001, id="apa-is-no-dcu",
        ),
        # agsm quotes a web page's title of one word as it quotes any other (github:AKAfreaky/
        # Dissertation, Dissertation.pdf), the link after it
        pytest.param(
            "Gaudl, S. (2012), ‘ABODE’, https://code.google.com/p/abode-star/. Retrieved April 01, 2014.",
            "ABODE", "Gaudl, S.", 2012, id="agsm-one-word-quoted-title",
        ),
        pytest.param(
            "Team Liquid (2010), ‘Micro’, http://wiki.teamliquid.net/starcraft2/Micro. Retrieved "
            "November 21, 2013.",
            "Micro", "Team Liquid", 2010, id="agsm-one-word-quoted-title-of-a-group",
        ),
    ],
)  # fmt: skip
def test_harvard_titles_authors_and_years(text: str, title: str, first_author: str, year: int) -> None:
    parsed = parse_reference(text)
    assert (parsed.title, parsed.authors[0], parsed.year) == (title, first_author, year)


def test_dcus_italic_venue_ends_the_upright_title_before_it() -> None:
    """dcu in a PDF: the venue is set in italics, so a journal the text alone cannot tell from
    the title's words (no volume yet, an abbreviated name) ends the title all the same."""
    lines = [
        styled("Doe, J. & Roe, R. (2024). Learning to read reference lists, Neural Computation.",
               "Neural Computation."),
        styled("Hochreiter, S. & Schmidhuber, J. (1997). Long short-term memory, Neural Comput.",
               "Neural Comput."),
        styled("9(8): 1735–1780.", indent=10.0),
    ]  # fmt: skip
    assert [q.title for q in read_lines(lines)] == [
        "Learning to read reference lists",
        "Long short-term memory",
    ]


def test_an_italic_word_inside_a_dcu_title_is_no_venue() -> None:
    """A genus's or species' name in italics inside an upright title, more of the title after
    it: no venue, and the venue after it still ends the title (a journal without volume, its
    pages after it)."""
    lines = [
        styled("Berg, H. C. (2004). Chemotaxis, E. coli and flagella, Springer, New York.", "E. coli"),
        styled("Abella, J., Montoya, P. & Morales, J. (2011). Una nueva especie de Agriarctos",
               "Agriarctos"),
        styled("(Ailuropodinae, Ursidae, Carnivora) en la localidad de Nombrevilla 2 (Zaragoza,",
               indent=10.0),
        styled("España), Estudios Geológicos 67(2): 187–191.", "Estudios Geológicos", indent=10.0),
        styled("Aldous, D. J. (2001). Stochastic models and descriptive statistics for phylogenetic"),
        styled("trees, from Yule to today, Statistical Science pp. 23–34.", "Statistical Science",
               indent=10.0),
    ]  # fmt: skip
    assert [q.title for q in read_lines(lines)] == [
        "Chemotaxis, E. coli and flagella",
        "Una nueva especie de Agriarctos (Ailuropodinae, Ursidae, Carnivora) en la localidad de "
        "Nombrevilla 2 (Zaragoza, España)",
        "Stochastic models and descriptive statistics for phylogenetic trees, from Yule to today",
    ]
