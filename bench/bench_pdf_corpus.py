"""Real PDFs nobody on the team typeset: how whole their references are read, per style family.

The corpus is ``bench/pdf_corpus/manifest.csv``: style packages' own sample documents
(biblatex's examples and styles, econ-bst, economic, apalike-ejor, zootaxa, iopart-num, apacite;
LPPL, shipped by Debian's ``texlive-doc`` package) and papers from public GitHub repositories
that hold the paper's compiled PDF beside the ``.bbl`` that produced it; and real third-party
``.bib`` files from public repositories set here in the styles and layouts no sample covers
(Vancouver, Harvard ``agsm`` and ``dcu``, REVTeX 4.2's PRL with and without article titles, MNRAS
and the AAS journals (astronomy: no article titles),
Elsevier's author-year, and every family in two columns: alpha, numbered with a dot, APA,
biblatex authoryear and authortitle): a manifest row whose ``pdf`` is ``build:NAME`` sets the
first 150 complete entries of its ``.bib`` with ``bench/pdf_corpus/templates/NAME.tex``
(pdflatex, bibtex — biber for a biblatex template —, pdflatex twice; the ground truth is the
entries whose keys the ``.bbl`` holds). Only the manifest and the templates are committed;
``--fetch`` copies the files into the cache (``$BIBNORM_BENCH_CACHE``, else
``~/.cache/bibnorm-bench/pdf-corpus``): from ``/usr/share/doc/texlive-doc`` (Debian 12 ships the
samples inside ``texlive-bibtex-extra``, which .ci/debian-packages.txt installs) and by ``git`` from
GitHub at the manifest's commit (or from ``--mirror DIR``, a folder of bare clones named
``owner+name/repo``). The built documents also need ``texlive-latex-extra`` (the biblatex styles'
packages) and ``texlive-fonts-recommended`` (IEEEtran's Times); docs/performance.md's figures were
built with ``texlive-lang-german``, ``texlive-lang-european`` and ``texlive-science`` installed as
well. A document built without a font its class sets (pdflatex's log: "Font … not loadable") prints
nothing in it, so it is not read but named, with the fonts it lacks.

Ground truth: the entries of the ``.bib`` or ``.bbl`` (read by bibnorm's BibTeX-faithful ``.bib``
reader and its ``.bbl`` reader, not by the PDF reader; a document set from several ``.bib`` files
names them all, separated by ``;``) whose title is printed in the PDF — found in ``pdftotext``'s
text (poppler, independent of PDFium), letters and digits only — are the references the PDF prints.
A title shorter than 12 letters ("Title.", "Ethics", a style test document's placeholders) or none
at all is no evidence alone: such an entry of a ``.bib`` is printed where its first author's family
name, its year and its title follow each other as the styles set them (name, year within 300
letters, title within 40 after: APA's "Zhou, A. (2016). Title1."; or name, title, year: "Aristotle.
De Anima. … 1907"); a work without a date prints "n.d." or "in press" right before its title, one
without an author its title before its year (APA's "Editorial. (2003b, February 12)."), one without
a title its type or ``titleaddon`` in the title's place, where the page prints it so in brackets
(apacite's "[Unknown]"), and a document without title or author the number it is known by before its
year ("H.R. Rep. No. 114-358 (2015)"); its item is the one that prints it so, holding most of its
authors. Two such entries are two works (the same short title, author and year are different
examples), where a long title, first author and year met twice are one. A work another entry names
as related (biblatex's ``related``: "[Review of the book …, by M. Yousafzai]", "(Reprinted from
"Marking time …," 1981, …)"), or one of entries sharing a title and first author that the text
prints fewer times than there are of them (a thesis and its reprint), counts only where it is
printed as a reference of its own: its first author, year and title in one of those orders with no
other printing of its title between them (no author: a line opens with its title). An entry whose
original title (``origtitle``) is printed has that title: biblatex-apa prints it in the title's
place and the title after it in brackets, its translation. The first author is the ``author``'s,
else the ``editor``'s (not of a chapter: the book's), the ``translator``'s, or the ``producer``'s,
``writer``'s, ``director``'s or ``host``'s (biblatex-apa sets them in the author's place); a role in
parentheses after a name ("American Psychological Association (Producer)") is none of it, and the
family name is compared without its particles ("van Beethoven" is printed "Beethoven, L. van"). A
shortDOI (``doi = {fg6rf9}``, printed https://doi.org/fg6rf9) is no DOI printed. A ``.bbl``'s short
title is the reference reader's guess (a title cut at "Mon." of "Mon. Wea. Rev."), not the source's:
not looked for. For each, the read item whose raw text holds the most of its title is its item; the
reference is read **whole** when that item is its alone and its title (ratio ≥ 90 to the true
title), first author's family name and year are right. A style that prints no article title
(Physical Review Letters, REVTeX's ``nolongbibliography``) still prints the first author, the year
and the volume and first page: a ``.bib`` entry whose title is nowhere in the text but whose first
author's family name, year and volume-and-first-page ("519, 2615" → ``5192615``) are, is a printed
reference too — in a document where such entries outnumber the articles (entries with volume and
pages) found by title (a style prints articles' titles or it does not; where it does, one not found
is a title printed otherwise than the ``.bib`` spells it); its item is the first whose raw text
holds its volume-and-first-page and first author's name, and its title is right when the item reads
none (there is none to read: the journal is no title; a query that keeps the item's whole text as
its search text reads none either). Also printed: title, first author and year right; DOIs printed,
read right, and read WRONG (truncated or otherwise: must be 0) — a DOI is printed when the item's text,
its blanks left out, holds all its characters (a .bib's "$<$" is "<", a page's "⟨" is "<"; one whose
"_" a typewriter font printed as a blank is not: no reader can tell it is there), an arXiv id when
it holds the id and names arXiv (or CoRR, an e-print; an old-style id names its archive); ``--ids`` prints
each one printed and not read right, with the item; items that are no printed reference
(strays): an item that holds no entry of the source — neither a title (all but a mis-set accent)
with its first author, nor a short title as printed above (an item whose author's place holds a
repeated author's dash or rule, no name, needs only the title). A work without an author has none to
read: its first author is right when none is read; a work without a title, its title when none is
read or the description in brackets its place holds.
An e-print printed with no volume and page ("arXiv e-prints (2025), arXiv:2503.14451") is found
by its e-print id instead of a volume-and-first-page; an untitled reference's item is the first not
yet taken (a work the ``.bib`` holds twice under two keys is printed twice where both are cited);
its year is required only where the PDF prints one beside its volume and page (REVTeX prints none
for "J. Cosmol. Astropart. Phys. 12, 045"). REVTeX's notes in its list (``.bbl`` items keyed
``Note1``, ``Note2`` … holding a note alone) are no references. Of two free items that hold a title
as much (an edited book's and a chapter's "in" it), a reference's is the one its first author opens.
A title of one word counts only with its first author's family name and year within 300 letters
of it, as it is a word of other titles too ("Sphyraenidae"). Items are matched to references in
the order the references are clear: first those one item matches better than any other (then the
item holding its year and first author, its year, its first author), so a title inside another's
item — "Evolutionary genomics of …" in "The evolutionary genomics of …", a book's in its
chapter's — goes to its own.
A line of digits alone may be an article number a narrow column wrapped ("Classical and Quantum
Gravity, 32," / "024001"): locators are looked for with those lines kept too. In a style that
prints no titles, a work found by neither its title nor a volume and page (a thesis, a proceedings
paper: "Reynolds R. J., 1971, PhD thesis, …") is the item that opens with its first author's name
and holds its year; an item after the AAS's "—." holds the names of the item before it.

A second corpus, held out: ``bench/pdf_unseen/manifest.csv`` — authors' papers from public GitHub
repositories that commit the compiled PDF beside the ``.bbl`` that produced it, in fields the corpus
above lacks (ecology, genetics, phylogenetics, sociology, statistics, epidemiology, astronomy,
physics, engineering), none of them a repository of any other bench corpus. Its ``family`` is the
list's form as printed (``numeric``, ``author-year``, ``other``). Read it with ``--manifest
bench/pdf_unseen/manifest.csv --cache DIR`` (``--fetch`` fills DIR from GitHub); its figures were
measured before any change was made for it, and are kept apart from figures after tuning. Its truth
is ``bbl-keys-bib`` (see ``truth_kind`` below) wherever the repository commits the ``.bib`` files
the ``.tex`` names, so that no change to bibnorm's ``.bbl`` reader moves it; bibnorm's ``.bbl``
reader makes it for the five whose repository commits none (or none that holds the ``.bbl``'s keys).

A third corpus, held out since the second was tuned on: ``bench/pdf_heldout/manifest.csv`` — 64
authors' PDFs from 64 further repositories (none of any other bench corpus, of the bibliography
corpora's manifests or of the team's mirrors before it was chosen), in fields and layouts the others
lack: economics and finance, political science, linguistics and NLP (ACL), chemistry, atmospheric
science, fisheries, neuroscience, HCI, road safety; theses and dissertations in German, Russian and
English; Springer Nature, BMC, PLOS, Frontiers, Elsevier, R Journal, LNCS, IEEE, ACM, ICML, MNRAS
and Eurographics layouts. Its truth is the ``.bbl`` beside the PDF, or the ``.bib`` beside it where
the ``.bbl`` cannot stand as one: its style prints no article title (MNRAS; a chemistry
dissertation's ACS-like list), bibnorm's ``.bbl`` reader reads none of its references (ACM, the
``harvard`` package's ``\\harvarditem``), finds fewer than 90% of its items' titles in the PDF (ACL,
AMS, GOST and some ``elsarticle`` lists) or no first author in any item (a biblatex ``.bbl``, a
Chicago-like one); such a row was kept only where the references the ``.bib`` finds printed number
the ``.bbl``'s items. A ``.bbl`` truth is ``bbl-keys-bib`` wherever the repository commits the
``.bib`` files the ``.tex`` names (44 documents), bibnorm's ``.bbl`` reader's for the three whose
repository commits none. Fetch it once, then read it::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_heldout/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_heldout/manifest.csv --cache DIR --timeout 60

A fourth corpus, held out since the third was tuned on (and tuned on since its held-out figures
were taken at ``bfbbb2ff``): ``bench/pdf_fresh/manifest.csv`` — 50
authors' PDFs from 50 further repositories (none of any other bench corpus, of the bibliography
corpora's manifests or of the team's mirrors before it was chosen, nor of an owner any of them names),
chosen by what a repository commits and which forms they add before any was read: IEEE, ACM,
CVPR/ICCV, Interspeech, UAI, REVTeX and Eurographics two-column papers; Elsevier's numbered,
Copernicus, SIAM, Nature-like and ACS-like lists; theses in German (alphabetic labels), Russian
and English; mathematics, physics, chemistry, statistics, economics, geosciences, biology.
Its manifest has a ``truth_kind`` column. ``bbl-keys-bib``: the truth is the ``.bbl``'s item
keys, in the order it sets them, joined to the entries of those keys in the ``.bib`` files the
``truth`` column names after the ``.bbl`` (read by bibtexparser; neither bibnorm's ``.bbl`` nor its
``.bib`` reader makes it; see `joined_truths`); ``bib``: the ``.bib``'s entries the PDF prints,
as above (where no ``.bbl`` is committed); ``bbl``: bibnorm's ``.bbl`` reader (where no ``.bib``
holds the ``.bbl``'s keys), which reads with a frozen model and arbiters (`TRUTH_MODEL`), not
the shipped ones. Without the column the kind follows the first truth file's suffix. A row was
kept only where the references the truth finds printed are at least 90% of the ``.bbl``'s items
(a PDF of another version than its ``.bbl`` was left out)::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_fresh/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_fresh/manifest.csv --cache DIR --timeout 60

A fifth, for development (tuned on, like the first three since): ``bench/pdf_dev3/manifest.csv`` —
90 authors' PDFs from 90 further repositories, shaped like the fourth and weighted toward
author-year, one-column numbered and alphabetic lists, its truth ``bbl-keys-bib`` throughout, each
kept where its truth's references found printed are at least 90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev3/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev3/manifest.csv --cache DIR --timeout 60

A sixth, for development too: ``bench/pdf_dev5/manifest.csv`` — 31 authors' PDFs from 31 further
repositories (none, nor any of their owners, named by any other manifest under ``bench/``), chosen
to be unlike the sets tuned on: lists neither numbered nor labelled by author and year (``other``:
``alpha`` labels, unlabelled flush lists, Brazil's ABNT "FAMILY, I. Title. Journal, v. 4, 2014."),
two-column papers (NAR, IEEE, ACM), theses in French, Portuguese, Italian, Czech and Russian, and
fields beyond computer science (ecology, genetics, health informatics, statistics, mathematics,
numerical analysis, particle physics, quantum computing, cheminformatics). Its truth is
``bbl-keys-bib`` throughout, each row kept where its truth's references found printed are at least
90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev5/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev5/manifest.csv --cache DIR --timeout 60

A seventh, for development too: ``bench/pdf_dev6/manifest.csv`` — 36 authors' PDFs from 36 further
repositories (none, nor any of their owners, named by any other manifest under ``bench/``), weighted
toward the lists the others read worst: author-year lists (14: APA, Harvard ``agsm``, natbib's
``plainnat``/``apalike``-like and journal styles, ACL, IJCAI and ICML in two columns), lists neither
numbered nor labelled by author and year (10: ``plainnat`` set without labels, year last; ABNT;
biblatex ``alphabetic``) and numbered lists in odd layouts (12: ACM ``sig-alternate`` and IEEE in two
columns, manuscripts with line numbers, LNCS's "1." labels, small capitals); 13 set in two columns;
fields the sets tuned on lack (ecology, forestry, agronomy, medicine, biostatistics, earth sciences,
economics, finance, political science, linguistics, media studies, mathematics); papers, and theses
in German and Portuguese. Its truth is ``bbl-keys-bib`` throughout (a ``harvard`` package's
``\\harvarditem`` is keyed as a ``\\bibitem``), each row kept where its truth's references found
printed are at least 90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev6/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev6/manifest.csv --cache DIR --timeout 60

An eighth, for development too: ``bench/pdf_dev7/manifest.csv`` — 46 authors' PDFs from 46 further
repositories (none, nor any of their owners, named by any other manifest under ``bench/``), chosen
by the template they were typeset with and weighted toward numbered lists (29: 10 in two columns):
journal and proceedings classes — Copernicus (NPG, two columns, line numbers), Elsevier
``elsarticle`` (review, ``3p``, ``5p``; ``model1-num-names`` unlabelled) and ``cas-dc``, Springer
Nature ``sn-jnl``, MDPI (with and without line numbers), Frontiers, IEEE journal and conference
(``IEEEtran``), ACM ``acmart`` (``acmsmall``, ``manuscript``), ACL (EMNLP), COLT, LNCS, the Austrian
Journal of Statistics; theses and reports from schools' classes (Brazil's UnB, UFSC, UFRGS, UTFPR
and ABNT lists, Portugal, Argentina's Instituto Balseiro, TUM with alphabetic labels, Cambridge,
the Chinese Academy of Sciences, German bachelor's theses with web sources dated "15.08.2020");
author-year lists (9) and lists neither numbered nor labelled by author and year (8: ABNT,
``plainnat`` without labels, ``alphabetic``); fields the sets tuned on lack (geophysics, plasma
physics, materials, toxicology, astronomy, statistics, cloud computing, security, education). Its truth is
``bbl-keys-bib`` throughout, each row kept where its truth's references found printed are at least
90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev7/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev7/manifest.csv --cache DIR --timeout 60

A ninth, for development too: ``bench/pdf_dev8/manifest.csv`` — 38 authors' PDFs from 38 further
repositories (none, nor any of their owners, named by any other manifest under ``bench/``), chosen
by the template or school they were typeset with and weighted toward the families the sets tuned on
read worst: lists neither numbered nor labelled by author and year (12: ``alpha`` and biblatex
``alphabetic`` labels in Spanish and French theses, Eurographics' and Pacific Graphics' two-column
alphabetic lists, name labels "[Barnes, 2007]" and BibTeX keys as labels, ``plainnat`` set without
labels, ABNT), author-year lists (12: APA in Spanish theses, Harvard, AGU, Copernicus, Frontiers,
AER-like economics, JSS, ACM's author-year format, ``apalike``) and numbered lists in styles the
others lack (14: Russian GOST lists "1." and "[1]", Czech FIT theses, ACS, IOP in two columns, MDPI,
Chilean and Mexican theses); fields the sets tuned on lack (economics, statistics, geophysics, ocean
biogeochemistry, microbiology, chemistry, nuclear physics, mathematics, optics). Candidates came
from repositories whose committed ``.bbl`` names a school's or template's main file (``tesis.bbl``,
``memoire.bbl``, ``rapport.bbl``, ``vkr.bbl``, ``projekt.bbl``, ``Dissertation.bbl``, ``notes.bbl``,
``book.bbl``) or that hold a style's class (``egpubl.cls``, ``agujournal2019.cls``, ``jss.cls``,
``achemso.cls``), with the PDF of the same name at the same commit (any commit of the repository's
history, not only its newest). Its truth is ``bbl-keys-bib`` throughout, each row kept where its
truth's references found printed are at least 90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev8/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev8/manifest.csv --cache DIR --timeout 60

A tenth, for development too: ``bench/pdf_dev9/manifest.csv`` — 38 authors' PDFs from 38 further
repositories (none, nor any of their owners, named by any other manifest under ``bench/``), weighted
toward the families the held-out figures read worst and in templates and schools no other set holds:
numbered one-column lists (20: Istanbul Technical University's ``itubib`` thesis, COPPE's
``coppe-unsrt`` and ``brazil`` dissertations, a Brazilian dissertation and an Italian thesis whose
items end with the pages citing them ("30, 31", "(Citato alle pagine 11 e 18)"), Spanish, Chilean and
Algerian theses and reports (``acm``, ``plain``, ``unsrtnat``), German theses in ``unsrt``, ``plain``
and ``natdin``'s numbered DIN form, Polish engineering theses in biblatex ``numeric``, an Indonesian
``skripsi``, a Chinese thesis's GB/T 7714 list in Latin script, a French report in biblatex
``numeric`` with names in small capitals, a physics thesis in ``unsrtnat``), lists neither numbered
nor labelled by author and year (12: ``alpha``, ``alphadin`` and biblatex ``alphabetic`` labels in
German, Italian and Beninese theses and reports, LNCS's alphabetic labels without brackets
"BDF+ 03.", ``plainnat`` without labels, ABNT's unlabelled author-date lists in political science,
mechanics, physics and computing), author-year lists (5: ``apalike`` and its Indonesian form, a
theology paper's biblatex ``authoryear`` list under sub-headings, a German thesis's years in square
brackets, AAAI in two columns) and one numbered two-column report. Candidates came from
repositories whose committed ``.bbl`` names a country's or school's main file (``skripsi.bbl``,
``tesi.bbl``, ``tez.bbl``, ``praca.bbl``, ``dissertacao.bbl``, ``memoire.bbl``, ``memoria.bbl``,
``tfg.bbl``, ``tfm.bbl``, ``Masterarbeit.bbl``, ``Masterthesis.bbl``, ``Studienarbeit.bbl``,
``Ausarbeitung.bbl``, ``arbeit.bbl``, ``bericht.bbl``, ``diss.bbl``, ``draft.bbl``, ``survey.bbl``,
``notes.bbl``), with the PDF of the same name at the same commit of the repository's history. Its
truth is ``bbl-keys-bib`` throughout, each row kept where its truth's references found printed are
at least 90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev9/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev9/manifest.csv --cache DIR --timeout 60

An eleventh, for development too: ``bench/pdf_dev10/manifest.csv`` — 47 authors' PDFs from 47
further repositories (none, nor any of their owners, named by any other manifest under ``bench/``),
weighted again toward numbered one-column lists, in countries, languages and templates no other set
holds (27: Croatian and Czech theses, ČSN ISO 690's numbered form among them, a Vietnamese report in
biblatex ``numeric``, a Persian seminar report, a Russian GOST report, a Chinese GB/T 7714 thesis,
Pakistani, US, Italian and Algerian theses and reports, Springer Nature's ``sn-jnl``,
``elsarticle``'s ``preprint`` with ``elsarticle-num``, LNCS's "1." labels in a seminar paper and a
biology paper, JASA's list whose label stands on a line of its own, ACM's numbered
``ACM-Reference-Format``, a physics report in biblatex with DOIs and arXiv ids, Polish engineering
theses, a research statement whose references go on from the numbers of the author's own papers
listed before them), lists neither numbered nor labelled by author and year (7: ``alpha`` and
biblatex ``alphabetic`` labels in Italian and German theses, bracketed name-and-year labels
"[Church, 1996]" in a Czech logic thesis, ABNT's unlabelled author-date list, an unlabelled
``plainnat``-like list with the pages citing each item, a French-style unlabelled list "Alishahi A.,
Chrupała G., “…”", a philosophy thesis's biblatex list with a dash for a repeated author),
author-year lists (9: ``elsarticle-harv`` in ``cas-sc``, ``agsm`` and Indonesian ``harvard``, APA in
chemistry and in a Filipino paper, palaeontology and statistics theses, a Finnish article-based
thesis whose appended papers print lists of their own, a German report's list under sub-headings)
and four numbered two-column papers (IEEE, ACM, REVTeX). Candidates came from repositories whose
committed ``.bbl`` names a school's or a template's main file (``diplomski.bbl``, ``diplomka.bbl``,
``bakalarka.bbl``, ``luanvan.bbl``, ``sn-article.bbl``, ``elsarticle-template.bbl``,
``samplepaper.bbl``, ``Paper.bbl``, ``Manuscript.bbl``, ``dissertation.bbl``, ``Dissertation.bbl``,
``thesis-main.bbl``, ``thesis_main.bbl``, ``MA.bbl``, ``seminar.bbl``, ``expose.bbl``,
``preprint.bbl``, ``arxiv.bbl``) or from mirrors earlier set builders fetched and left unused, with
the PDF of the same name at the same commit. Its truth is ``bbl-keys-bib`` throughout, each row kept
where its truth's references found printed are at least 90% of the ``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev10/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev10/manifest.csv --cache DIR --timeout 60

A twelfth, for development too: ``bench/pdf_dev11/manifest.csv`` — 37 authors' PDFs from 37
further repositories (none, nor any of their owners, named by any other manifest under ``bench/``):
numbered one-column lists of countries and languages the other sets hold few of (13: Italian
theses in ``unsrt``, ``ieeetr``, ``plain`` and biblatex's, Spanish and Argentine theses and
reports, a Brazilian physics thesis, a Russian thesis in GOST's "//" form, a Super Frontiers
paper's "1." labels, ``abbrvnat`` with numbers in a distributed-computing thesis, a report in
``IEEEtranS``, a CILAMCE paper, a quantum-computing report), lists neither numbered nor labelled
by author and year (11: abnTeX2's and ITA's unlabelled author-date lists, some followed by an
appendix and a registration sheet, biblatex ``abnt`` with "Citado na página", bracketed
name-and-year labels "[Shahid Kazi e Akhlaq 2017]", ``alpha`` labels in a Vienna thesis, an
Italian biblatex ``verbose-ibid`` list, unlabelled Spanish lists with the year last), author-year
lists (10: APA in economics, Spanish and German theses, an astronomy thesis with the pages citing
each item, ``elsart-harv``, two-column SCITEPRESS and ``svjour3`` papers in ``apalike``, an ACL
review copy with line numbers) and three numbered two-column papers (Interspeech, IEEE VIS, a
two-column preprint). Candidates came from repositories whose committed ``.bbl`` names a school's
or a template's main file (``tesi.bbl``, ``tesis.bbl``, ``tese.bbl``, ``tez.bbl``,
``memoria.bbl``, ``template.bbl``, ``Example.bbl``, ``example.bbl``, ``acl_latex.bbl``,
``abntex2-modelo-trabalho-academico.bbl``) or from mirrors earlier set builders fetched and left
unused, with the PDF of the same name at the same commit. Its truth is ``bbl-keys-bib``
throughout, each row kept where its truth's references found printed are at least 90% of the
``.bbl``'s items::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev11/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev11/manifest.csv --cache DIR --timeout 60

A thirteenth, held out since the fourth (``bench/pdf_fresh``) was tuned on:
``bench/pdf_fresh2/manifest.csv`` — 47 authors' PDFs from 47 further repositories (none, nor any
of their owners, named by any other manifest under ``bench/`` or anywhere in ``bench/``,
``fixtures/``, ``tests/`` or ``docs/``), chosen before any was read by bibnorm, its truth checked
with ``pdftotext`` and the truth helpers alone: 25 theses, reports and proposals (found by the
main file a school's or a degree's template names: ``thesis.bbl``, ``dissertation.bbl``,
``tcc.bbl``, ``praca.bbl``, ``report.bbl`` …) and 22 papers (``paper.bbl``, ``main.bbl``,
``ms.bbl``, ``manuscript.bbl``, ``submission.bbl`` …); author-year lists (19: apalike, apa-good,
biblatex ``authoryear`` and ``apa``, AASTeX, PeerJ, LREC, AAAI, ICML, SBC, an astronomy PhD in
``astroads`` with 343 references), lists neither numbered nor labelled by author and year (9:
ABNT, ``amsalpha``, Eurographics' alphabetic labels, ``abbrvnat`` unlabelled) and numbered ones
(19: REVTeX, IEEE, LNCS, LIPIcs, JORS, GOST, ISO 690, RSC, ``acm``, biblatex-phys); 13 two-column
documents; English, Portuguese, Spanish, Italian, French, German, Polish, Russian; finance,
statistics, epidemiology, psychology, molecular biology, astrophysics, cosmology, logic, ecology,
chemistry, acoustics, aerospace engineering. Its truth is ``bbl-keys-bib`` throughout, each row
kept where its truth's references found printed are at least 90% of the ``.bbl``'s items and its
``.bib`` holds 90% of their keys::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_fresh2/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_fresh2/manifest.csv --cache DIR --timeout 60

A fourteenth, for development too: ``bench/pdf_dev12/manifest.csv`` — 23 authors' PDFs from 23
further repositories no other manifest under ``bench/`` names (one owner, of
``Malehxa/master-swarb-cloud-security``, is named by another set), numbered lists only (15 in one
column, 8 in two): particle physics, neuroscience, cryptography, robotics and engineering papers
and theses in ``unsrt``, ``plain``, ``ieeetr``, ``splncs04``, ``IEEEtran`` and biblatex's
``ieee``, ``numeric`` and ``gost-numeric``, in English, German, Spanish, Portuguese, Slovak,
Russian and Chinese. Candidates came from repositories whose committed ``.bbl`` has a common main
file's name (``main.bbl``, ``report.bbl``, ``thesis.bbl``, ``paper.bbl``, …), with the PDF of the
same name at the same commit. Its truth is ``bbl-keys-bib`` but for one row (``bbl``: its ``.bib``
holds none of the ``.bbl``'s keys); three rows keep fewer than 90% of the ``.bbl``'s items found
printed (39 of 47, 19 of 23, 48 of 50), and three PDFs are newer than their ``.bbl`` (the truth
still found for every item)::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev12/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev12/manifest.csv --cache DIR --timeout 60

A fifteenth, for development too: ``bench/pdf_dev13/manifest.csv`` — 25 authors' PDFs from 25
further repositories (none, nor any of their owners, named by any other manifest under ``bench/``
or among the team's mirrors before it was built), 928 references: lists neither numbered nor
labelled by author and year (``other``, 11: ``alpha``, biblatex's ``alphabetic``, bracketed name
and year labels, ``plainnat`` set without labels) and numbered lists (14: ``siam``, ``acm``,
``elsarticle-num``, ``ACM-Reference-Format``, a Vancouver-like style, biblatex's ``numeric``), four
in two columns, in mathematics, statistics, economics, operations research, biology, chemistry and
engineering, in English, Welsh, French, Spanish and Polish. Candidates came from repositories
whose committed ``.bbl`` sits in a subfolder or has a less common main file's name
(``tex/main.bbl``, ``thesis/thesis.bbl``, ``paper/paper.bbl``, ``writeup.bbl``, ``sigconf.bbl``,
``elsarticle-template-num.bbl``, …) with the PDF of the same name at the same commit, each checked
for its ``.bbl``'s titles in the PDF's text before any was read by bibnorm. Its truth is
``bbl-keys-bib`` but for one row (``bbl``: its ``.tex`` names a ``.bib`` on its author's own disk);
each row's truth holds at least 93% of its ``.bbl``'s items found printed. One row was left out
after the first reading: a PDF newer than its ``.bbl`` (34 references printed, 22 in the truth)::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev13/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev13/manifest.csv --cache DIR --timeout 60

A sixteenth, for development too: ``bench/pdf_dev14/manifest.csv`` — 24 authors' PDFs from 24
further repositories of 24 owners (none, nor any of their owners, named by any other manifest under
``bench/`` or among the team's mirrors before it was built), 909 references: numbered lists
(``numeric``, 20: ``IEEEtran`` twice, ``unsrt`` twice, ``ieeetr`` twice, ``plain`` twice, biblatex's
``numeric`` twice, ``apalike`` and ``plainnat`` set with natbib's numbers, ``elsarticle-num``,
``abbrv``, ``plainurl``, ``IEEEtranN``, ``ACM-Reference-Format``, CVPR's ``ieee.bst``, biblatex's
``ieee`` and an LNCS-like biblatex style printing "1.") and author-year lists (4: ``plainnat`` in
``svjour3``, ``ifacconf``, Elsevier's ``cas-model2-names``, ``apalike`` unlabelled); no list of the
other family was found among the repositories allowed. Eight are in two columns (IEEE conference
and journal papers, IEEE Access, robotics papers, CVPR, ``svjour3``, IFAC); fields: surgery and
intensive care, chemistry, electrical engineering, robotics, control, structural engineering, wind
energy, space physics, mathematical physics, computer vision, security, software engineering,
formal methods, complexity theory, machine learning; in English, Spanish and Dutch. Candidates
came from repositories whose committed ``.bbl`` has a less common main file's name (``access.bbl``,
``root.bbl``, ``bare_conf.bbl``, ``tesi.bbl``, ``monografia.bbl``, ``prospectus.bbl``, …) with the
PDF of the same name at the same commit (seven rows at the newest commit that still holds both),
each checked for its ``.bbl``'s titles in the PDF's text before any was read by bibnorm; kept where
at least 93% of the ``.bbl``'s items are found printed and the PDF numbers no more references than
the ``.bbl`` holds. Its truth is ``bbl-keys-bib`` but for two rows (``bbl``: one whose ten ``.bib``
files share one name, one whose ``.tex`` names ``.bib`` files on its author's disk). No row was
left out after the first reading; one (``plain``, 35 items) was added after the first 23 rows were
read, chosen by its style and size before its own reading was seen::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev14/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev14/manifest.csv --cache DIR --timeout 60

A seventeenth and an eighteenth, for development too, built the same way from repositories and
owners no manifest before them names: ``bench/pdf_dev15/manifest.csv`` (27 PDFs, 1,184 references)
and ``bench/pdf_dev16/manifest.csv`` (29 PDFs, 1,090 references, two thirds of them numbered lists,
nine documents in two columns); their styles, fields and first readings are in docs/performance.md::

    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev16/manifest.csv --cache DIR --fetch
    python bench/bench_pdf_corpus.py --manifest bench/pdf_dev16/manifest.csv --cache DIR --timeout 60

A truth corrected by hand lives beside its manifest, never in the cache (which a ``--fetch`` refill
makes as the repositories commit it): ``truth-overrides/<id>.bib`` holds the references the PDF
prints that its committed truth lacks (a ``.bbl`` older than its PDF) or all of them (a ``.bbl``
that is another paper's), each transcribed from the printed page, with comment lines before the
first entry saying so and what it does: ``% override: add`` (its entries are added to the
document's truth), ``% override: replace`` (they are its truth) or ``% override: correct`` (each
replaces the truth's entry of its key: a committed ``.bib`` field that is wrong). They are read as
a ``.bib`` truth is (`overridden`); ``bench/pdf_heldout`` and ``bench/pdf_unseen`` hold four,
``bench/pdf_dev3``, ``bench/pdf_dev7`` and ``bench/pdf_dev8`` one each.

Each document is read in a child process under ``--timeout`` seconds (60 unless told): one that
does not return in time is counted as refused, and its seconds printed; so is one whose reading
raises an exception other than bibnorm's one-line refusal (a bug), its exception printed. Printed
too: each document's seconds, the share of read items that are no reference, and the slowest
document.

Usage: ``python bench/bench_pdf_corpus.py [--manifest CSV] [--cache DIR] [--fetch] [--mirror DIR]
[--only ID ...] [--items] [--timeout S]``
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import heapq
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

import bibtexparser  # noqa: E402
from bibnorm.bib.blocks import BibEntry, BibField  # noqa: E402
from bibnorm.bib.checks.base import entry_arxiv_id, name_list  # noqa: E402
from bibnorm.errors import InputError  # noqa: E402
from bibnorm.identifiers import canonical_doi  # noqa: E402
from bibnorm.io.encodings import east_asian  # noqa: E402
from bibnorm.models import Query  # noqa: E402
from bibnorm.readers import read_inputs  # noqa: E402
from bibnorm.readers._arbiter import arbiters_from  # noqa: E402
from bibnorm.readers.tagger import reading_with  # noqa: E402
from bibnorm.text.clean import clean_plain  # noqa: E402
from bibnorm.text.names import LATIN_LETTERS  # noqa: E402
from bibnorm.text.titles import title_key  # noqa: E402
from bibtexparser.model import Entry  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

MANIFEST = ROOT / "bench" / "pdf_corpus" / "manifest.csv"
TEXLIVE_DOC = Path("/usr/share/doc/texlive-doc")
TEMPLATES = ROOT / "bench" / "pdf_corpus" / "templates"
BUILD_ENTRIES = 150
SHOW_IDS = False  # --ids: print each identifier printed and not read right
CACHE = Path(os.environ.get("BIBNORM_BENCH_CACHE", Path.home() / ".cache" / "bibnorm-bench")) / "pdf-corpus"


@dataclass(frozen=True)
class Document:
    id: str
    family: str
    columns: int
    source: str
    commit: str
    pdf: str
    truth: str
    # How the truth is read (the manifest's optional ``truth_kind``): ``bbl`` (bibnorm's .bbl
    # reader, its model and arbiters the frozen `TRUTH_MODEL`), ``bib`` (the .bib's entries that the PDF
    # prints), ``bbl-keys-bib`` (the .bbl's keys, in order, joined to the entries of the .bib
    # files after it; see `joined_truths`).
    # Empty: by the first truth file's suffix.
    kind: str = ""
    # Entries transcribed from the printed PDF where the committed truth lacks them or is another
    # document's: ``truth-overrides/<id>.bib`` beside the manifest (see `overridden`).
    override: Path | None = None

    @property
    def built(self) -> bool:
        """Compiled here from a real ``.bib`` with a style's own template (``pdf`` is ``build:NAME``)."""
        return self.pdf.startswith("build:")

    def local(self, which: str) -> Path:
        """The cached PDF (``"pdf"``) or the first truth file (``"truth"``)."""
        return self.locals(which)[0]

    def locals(self, which: str) -> list[Path]:
        """The cached file(s): a document's references may come from several ``.bib`` files (the
        manifest's ``truth`` names them separated by ``;``: biblatex-apa's test document sets its
        citation examples from one and its reference examples from another)."""
        if self.built:  # the build's own PDF, and the .bbl it produced as the truth
            return [CACHE / self.id / ("paper.pdf" if which == "pdf" else "paper.bbl")]
        return [CACHE / self.id / Path(inside).name.removesuffix(".gz") for inside in self.inside(which)]

    def inside(self, which: str) -> list[str]:
        """Where the source holds the file(s)."""
        return getattr(self, which).split(";")


@dataclass(frozen=True)
class Truth:
    title: str
    family: str  # the first author's family name, letters only, lower case
    year: int | None
    doi: str | None
    # Volume and first page, letters and digits only ("5192615" for 519, 2615–2630): what finds a
    # reference whose style prints no title (Physical Review Letters). From a .bib only.
    locator: str = ""
    titled: bool = True  # its title is printed
    families: tuple[str, ...] = ()  # every author's family name, as `family`
    # From the source's own fields (a .bib, apacite's title markup): a short title is the work's.
    # A .bbl item read as a reference string may have its title cut short by the reading itself.
    fielded: bool = True
    key: str = ""  # the entry's key: two entries are two works, however alike
    # What a work without a title prints in its place: its type, in brackets (apacite's "[Unknown]").
    description: str = ""
    # Its title in the original language, which biblatex-apa prints in the title's place, the
    # title then in brackets as its translation: "La psychologie de l'enfant [The psychology of the child]".
    original: str = ""
    # Another entry names it as related (biblatex's "related"): it may be printed inside that
    # entry's reference ("[Review of the book …, by …]", "(Reprinted from …)") and not as its own.
    related: bool = False
    # What a document without a title or an author is known by: its number ("H.R. Rep. No. 114-358").
    number: str = ""
    # The year of the day a web page was visited: biblatex-nature and -science print it alone
    # for an online work ("Lancaster, S. J. Alkylation … http://… (2008)." of a 2003 work).
    visited: int | None = None
    arxiv: str | None = None  # its arXiv id, without version ("2001.01747", "hep-th/0106109")
    # A work without an author whose editor a style may print in the author's place (BibTeX's
    # ``@inbook``: "Ian Editor (Ed.). 2007. The title of book one"): the editors' family names.
    editors: tuple[str, ...] = ()
    # A work without an author or an editor whose organization a style may print in the author's
    # place (abnTeX2's "THE RAILS FOUNDATION. Action Controller Overview. 2023."): its whole name.
    organization: str = ""
    # Its title without the subtitle, which a BibTeX style does not print (biblatex's field).
    main: str = ""

    @property
    def short(self) -> bool:
        """Its title is too short (or absent) to be looked for in the whole text alone, and to be
        trusted (it is the source's own): it is looked for with its author and year."""
        return self.fielded and len(_letters(self.title or self.description)) < SHORT_TITLE


_WHERE = ("source", "commit", "pdf", "truth")


def manifest(path: Path = MANIFEST) -> list[Document]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    overrides = path.parent / OVERRIDES
    return [
        Document(
            row["id"],
            row["family"],
            int(row["columns"]),
            *(row[k] for k in _WHERE),
            row.get("truth_kind") or "",
            override if (override := overrides / f"{row['id']}.bib").exists() else None,
        )
        for row in rows
    ]


OVERRIDES = "truth-overrides"


def fetch(document: Document, mirror: Path | None) -> None:
    (CACHE / document.id).mkdir(parents=True, exist_ok=True)
    if document.built:
        build(document, mirror)
        return
    for which in ("pdf", "truth"):
        for target, inside in zip(document.locals(which), document.inside(which), strict=True):
            if not target.exists():
                _copy(document, inside, target, mirror)


def _copy(document: Document, inside: str, target: Path, mirror: Path | None) -> None:
    if document.source.startswith("debian:"):
        data = (TEXLIVE_DOC / inside).read_bytes()
    else:
        data = _git_show(document.source.removeprefix("github:"), document.commit, inside, mirror)
    target.write_bytes(gzip.decompress(data) if inside.endswith(".gz") else data)


def build(document: Document, mirror: Path | None) -> None:
    """Set the first ``BUILD_ENTRIES`` complete entries of a real ``.bib`` with a style's template
    (``bench/pdf_corpus/templates``): pdflatex, bibtex (biber for biblatex), pdflatex twice. The
    PDF is the document, the ``.bbl`` bibtex or biber wrote its truth."""
    folder = CACHE / document.id
    if document.local("pdf").exists() and document.local("truth").exists():
        return
    from bibnorm.bib.bibfile import read_bibfile

    source = folder / "refs.bib"
    source.write_bytes(
        _git_show(document.source.removeprefix("github:"), document.commit, document.truth, mirror)
    )
    complete = [
        entry.key
        for entry in read_bibfile(source).entries
        if all(entry.get(name) for name in ("author", "title", "year"))
        and re.fullmatch(r"[\w:./+-]+", entry.key)
    ]
    template = (TEMPLATES / f"{document.pdf.removeprefix('build:')}.tex").read_text(encoding="utf-8")
    keys = ",".join(complete[:BUILD_ENTRIES])
    (folder / "paper.tex").write_text(template.replace("%KEYS%", keys), encoding="utf-8")
    sorter = ["biber"] if "{biblatex}" in template else ["bibtex"]  # biblatex's styles sort with biber
    for command in (["pdflatex"], sorter, ["pdflatex"], ["pdflatex"]):
        extra = ["-interaction=batchmode"] if command == ["pdflatex"] else []
        # bibtex and LaTeX warn (and exit non-zero) on real entries' quirks; the PDF is what counts.
        subprocess.run([*command, *extra, "paper"], cwd=folder, capture_output=True, check=False)
    if not document.local("pdf").exists():
        raise SystemExit(f"bench_pdf_corpus: {document.id} did not build (see {folder / 'paper.log'})")


def fonts_not_loaded(log: str) -> list[str]:
    """The fonts of the text a pdflatex ``log`` says it could not load (``! Font
    OT1/ptm/m/n/10=ptmr7t at 10.0pt not loadable``: a font LaTeX selected, named by its encoding,
    family, series, shape and size), each once, in the order met; not TeX's ``nullfont``, which
    stands in for them. Text selected in such a font is set in none: the PDF prints nothing of it
    (IEEEtran's Times without ``texlive-fonts-recommended`` leaves a one-page PDF with no reference
    on it). A font a class declares with ``\\font`` (AASTeX's ``\\bighelv=phvr``, for a
    watermark) is not one the text is set in."""
    found = (match.group(1) for match in _NOT_LOADABLE.finditer(log))
    return list(dict.fromkeys(font for font in found if font != "nullfont"))


# TeX breaks its log's lines at 79 characters: "not loadable" may open the next line.
_NOT_LOADABLE = re.compile(
    r"^! Font \\?[^=\s/]+/[^=\n]*=([^\s=]+)(?: at [\d.]+pt)?\s+not loadable", re.MULTILINE
)


def built_without_fonts(document: Document) -> list[str]:
    """The fonts a built document's PDF lacks (`fonts_not_loaded` of its ``paper.log``): such a
    PDF is not the document the manifest describes, and reading it measures the machine, not the
    reader."""
    log = CACHE / document.id / "paper.log"
    if not document.built or not log.exists():
        return []
    return fonts_not_loaded(log.read_text(encoding="latin-1"))


def _git_show(repo: str, commit: str, inside: str, mirror: Path | None) -> bytes:
    local = mirror / repo.replace("/", "+") / "repo" if mirror else None
    if local is None or not local.exists():
        local = CACHE / "git" / repo.replace("/", "+")
        if not local.exists():
            subprocess.run(["git", "clone", "--bare", f"https://github.com/{repo}", str(local)], check=True)
    return subprocess.run(
        ["git", "-C", str(local), "show", f"{commit}:{inside}"], check=True, capture_output=True
    ).stdout


def _letters(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).translate(LATIN_LETTERS)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


_LANGUAGE = re.compile(r"\\(?:foreignlanguage|textlang|hyphenrules)\s*\{[^{}]*\}")


# (from the first space of a run only: a search that tried each space of a long run was quadratic)
_ET_AL = re.compile(r"(?<!\s)\s++et\.?\s*+al\.?\s*+$")


def _family(author: str) -> str:
    """The first author's family name without its particle: "von Brandt, Ahasver" is printed
    "Brandt, Ahasver von" by biblatex (its default, ``useprefix=false``) and "Ahasver von
    Brandt" by others, so the name compared is "Brandt" (the particle may stand either side)."""
    author = _LANGUAGE.sub("", author)  # "\\foreignlanguage{vietnamese}{Hàn Thế}" prints "Hàn Thế"
    author = re.sub(r"[{}\\]|~", " ", clean_plain(author).text)  # "Civ{\\'a}{\\v{n}}" is "Civáň"
    author = re.sub(r"\s*\([^()]*\)\s*$", "", author)  # a role is no name: "… Association (Producer)"
    author = _ET_AL.sub("", author)  # "Simonelli et. al.", "D. Schnitzer et al" print the name before it
    family = author.split(",")[0] if "," in author else (author.split() or [""])[-1]
    return _letters(re.sub(r"^(?:[a-z]+\s+)+(?=\S)", "", family.strip()))


def truths(document: Document) -> list[Truth]:
    """The references the document's truth gives, with its override's (see `overridden`)."""
    return overridden(document.override, _committed_truths(document))


def overridden(override: Path | None, rows: list[Truth]) -> list[Truth]:
    """A committed truth corrected by what the PDF prints: where a repository's ``.bbl`` is older than
    its PDF (the PDF prints references the ``.bbl`` lacks) or is another paper's, the references the
    PDF prints are transcribed by hand into ``truth-overrides/<id>.bib`` beside the manifest (a
    refill from the repositories keeps the correction; the truth files in the cache stay as
    committed). Its entries are read as any ``.bib`` truth is, and added to the document's truth;
    they replace it where a comment line before the first entry says ``% override: replace``;
    ``% override: correct`` replaces the truth's entries of the same keys (a committed ``.bib``'s
    field that is wrong: a DOI with a word glued on, "10.1002/2016WR019675.Received"), ``%
    override: add`` adds them: one of the three is required, so that a reader of the file knows."""
    if override is None:
        return rows
    header = override.read_text(encoding="utf-8").split("@", 1)[0]
    modes = set(_OVERRIDE_MODE.findall(header))
    if len(modes) != 1:
        raise SystemExit(f"bench_pdf_corpus: {override} must say '% override: add', 'replace' or 'correct'")
    added = _bib_truths(override, lambda key: True)
    if modes == {"correct"}:
        corrected = {row.key: row for row in added}
        if unknown := corrected.keys() - {row.key for row in rows}:
            lacked = sorted(unknown)
            raise SystemExit(f"bench_pdf_corpus: {override} corrects entries the truth lacks: {lacked}")
        return [corrected.get(row.key, row) for row in rows]
    return added if modes == {"replace"} else rows + added


_OVERRIDE_MODE = re.compile(r"(?m)^%[ \t]*override:[ \t]*(add|replace|correct)[ \t]*$")


def _committed_truths(document: Document) -> list[Truth]:
    path = document.local("truth")
    if document.built:  # the entries bibtex set (their keys are in its .bbl), as the .bib gives them
        bbl = path.read_text(encoding="utf-8", errors="replace")
        # "\\bibitem{key}", biber's "\\entry{key}", apacite's "]{%" with the key on the next line
        keys = set(re.findall(r"\{%?\s*([^\s{}%]+)\}", bbl))
        # biblatex prints a date's year; a BibTeX style knows no date field
        return _bib_truths(path.with_name("refs.bib"), lambda key: key in keys, biblatex="\\entry{" in bbl)
    if document.kind == JOINED:
        bbl, *bibs = document.locals("truth")
        return joined_truths(bbl, bibs)
    return [row for path in document.locals("truth") for row in _file_truths(path)]


JOINED = "bbl-keys-bib"


def joined_truths(bbl: Path, bibs: list[Path]) -> list[Truth]:
    """The references a ``.bbl`` typeset, as the ``.bib`` files it was made from give them: the
    keys of its items in their order (``\\bibitem[label]{key}``, biber's ``\\entry{key}``),
    each joined to the entry of that key in ``bibs`` (read by bibtexparser, not by bibnorm; the
    first file that holds the key gives it). Neither bibnorm's ``.bbl`` reader nor its ``.bib``
    reader makes this truth. A key no ``.bib`` holds (REVTeX's notes, an entry from a file not
    committed) gives no reference; `unjoined` counts them."""
    text = _decoded(bbl)
    entries = _bib_entries(bibs)
    items = bbl_items(text)
    # BibTeX matches a citation's key to an entry's whatever their case
    keys = dict.fromkeys(key for key, _ in items)
    typeset = [entries[key.casefold()] for key in keys if key.casefold() in entries]
    # biblatex prints a date's year; a BibTeX style knows no date field
    rows = _entry_truths(typeset, biblatex="\\entry{" in text)
    bodies = {key.casefold(): body for key, body in items}
    return [_as_set(row, bodies.get(row.key.casefold())) for row in rows]


def _as_set(row: Truth, item: str | None) -> Truth:
    """A joined reference without the year its ``.bbl`` item does not set: a style that prints no
    year (an ACM-like list's "Shi, K. … Datapath synthesis for overclocking … DAC '14, ACM, pp. 190:1",
    an alphabetic one's "[Wes91] Westover L.: Splatting: …") prints none of its ``.bib``'s."""
    if item is None or row.year is None or str(row.year) in item:
        return row
    return replace(row, year=None)


def unjoined(bbl: Path, bibs: list[Path]) -> list[str]:
    """The keys of a ``.bbl``'s items that none of ``bibs`` holds."""
    entries = _bib_entries(bibs)
    keys = bbl_keys(_decoded(bbl))
    return [key for key in keys if key.casefold() not in entries]


def unjoined_texts(document: Document) -> list[str]:
    """The letters of each item of a ``bbl-keys-bib`` document's ``.bbl`` whose key no ``.bib``
    holds (an entry from a file not committed): a reference the PDF prints that the truth cannot
    give, whose item is no stray. Its TeX commands left out ("\\newblock", "\\emph"); no reader's.
    Where the item names its title as a field (`_item_letters`), its title's letters alone."""
    if document.kind != JOINED:
        return []
    bbl, *bibs = document.locals("truth")
    entries = _bib_entries(bibs)
    return [_item_letters(body) for key, body in bbl_items(_decoded(bbl)) if key.casefold() not in entries]


def _item_letters(body: str) -> str:
    """The letters of a ``.bbl`` item that the PDF prints in their order: its title, where the item
    names it as a field (biber's ``\\field{title}{…}``, whose names and fields are set in another
    order than printed and beside hashes; apacite's ``\\APACrefatitle {…}``, given twice and after
    its key twice), and long enough to tell one work; else the whole item's."""
    title = _FIELDED_TITLE.search(body)
    if title and len(letters := _letters(_TEX_COMMAND.sub(" ", title.group(1)))) >= SHORT_TITLE:
        return letters
    return _letters(_TEX_COMMAND.sub(" ", body))


_TEX_COMMAND = re.compile(r"\\[A-Za-z]+")
# (a group inside the title, one deep: "Effective {Data-Race} Detection for the Kernel")
_FIELDED_TITLE = re.compile(r"\\(?:field\{title\}|APACref[ab]title\s*+)\{([^{}]*+(?:\{[^{}]*+\}[^{}]*+)*+)\}")


def _bib_entries(bibs: list[Path]) -> dict[str, BibEntry]:
    """The entries of ``bibs`` by their key in lower case, read by bibtexparser (the first file
    holding a key gives it)."""
    entries: dict[str, BibEntry] = {}
    for path in bibs:
        text = _ENTRY_COMMENT.sub("", _decoded(path))
        for entry in bibtexparser.parse_string(text).entries:
            entries.setdefault(entry.key.casefold(), _as_bib_entry(entry))
    return entries


def _decoded(path: Path) -> str:
    """A file's text: UTF-8, else the legacy Chinese, Japanese or Korean encoding charset-normalizer
    finds in it (a Chinese thesis's ``.bib`` and ``.bbl`` in GBK), else Windows-1252 (an older German
    thesis's ``.bib`` in Latin-1)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        found = east_asian(data)
        return found.text if found else data.decode("cp1252", errors="replace")


def _as_bib_entry(entry: Entry) -> BibEntry:
    """A bibtexparser entry (its string macros expanded, its values' outer delimiters removed) as
    the field-reading code below takes one: each value braced again, so that reading it gives it back."""
    fields = tuple(
        BibField(name.casefold(), "{" + str(field.value) + "}", 0)
        for name, field in entry.fields_dict.items()
    )
    return BibEntry(entry.entry_type.casefold(), entry.key, fields, 0)


def bbl_keys(text: str) -> list[str]:
    """The keys of a ``.bbl``'s items in the order it sets them: ``\\bibitem{key}``,
    ``\\bibitem[label]{key}`` (a label may hold brackets inside braces: natbib's
    ``[{Smith et~al.(2001)}]``; apacite ends a line with ``%`` before the key), biber's
    ``\\entry{key}{type}{}`` and the ``harvard`` package's ``\\harvarditem[short]{names}{year}{key}``
    (``agsm``, ``dcu``: the key is its last group). Read by scanning, not by a pattern: labels nest."""
    return [key for key, _ in bbl_items(text)]


def bbl_items(text: str) -> list[tuple[str, str]]:
    """Each item of a ``.bbl`` (`bbl_keys`): its key and its text after the key, to the next item."""
    items = []
    commands = list(_ITEM_COMMAND.finditer(text))
    for command, after in pairwise([*commands, None]):
        at = _skip_blank(text, command.end())
        if command.group() != "\\entry" and text.startswith("[", at):
            at = _skip_blank(text, _group_end(text, at, "[", "]"))
        if command.group() == "\\harvarditem":  # its names and its year before its key
            for _ in range(2):
                if text.startswith("{", at):
                    at = _skip_blank(text, _group_end(text, at, "{", "}"))
        if text.startswith("{", at):
            end = _group_end(text, at, "{", "}")
            key = re.sub(r"%[^\n]*\n|\s", "", text[at + 1 : end - 1])
            if key:
                items.append((key, text[end : after.start() if after else len(text)]))
    return items


_ITEM_COMMAND = re.compile(r"\\(?:bibitem|entry|harvarditem)(?![A-Za-z])")


def _skip_blank(text: str, at: int) -> int:
    """Past spaces, line ends and TeX comments (``%`` to the line's end)."""
    while at < len(text):
        if text[at].isspace():
            at += 1
        elif text[at] == "%":
            end = text.find("\n", at)
            at = len(text) if end == -1 else end + 1
        else:
            break
    return at


def _group_end(text: str, at: int, opening: str, closing: str) -> int:
    """Where the group opened by ``opening`` at ``at`` ends (past its ``closing``, at brace depth
    0: natbib's ``[{A [and] B(2001)}]``); the text's end if it never closes."""
    depth = 0
    for index in range(at + 1, len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0 and closing == "}":
                return index + 1
            depth -= 1
        elif char == closing and depth == 0:
            return index + 1
    return len(text)


# The model and arbiters bibnorm's `.bbl` reader reads with where it makes a truth (a `.bbl` whose
# repository commits no `.bib`): the CRF and the arbiters shipped until 2026-11-27, kept here so
# that a new shipped model does not move the truth it is measured against (a truth read by the
# model under test would).
TRUTH_MODEL = Path(__file__).with_name("truth-model")


def _file_truths(path: Path) -> list[Truth]:
    if path.suffix == ".bib":
        return _bib_truths(path, lambda key: True)
    with reading_with(str(TRUTH_MODEL / "reference-tagger.crfsuite")), arbiters_from(TRUTH_MODEL):
        return _bbl_truths(path)


def _bbl_truths(path: Path) -> list[Truth]:
    rows: list[Truth] = []
    for q in read_inputs([path]):
        if _REVTEX_NOTE.fullmatch(q.key or ""):
            continue
        families = tuple(_family(name) for name in q.authors)
        # IEEEtran's \bysame ("------", printed "——") stands for the previous entry's authors.
        bysame = rows and _BYSAME.fullmatch(next(iter(q.authors), ""))
        family = rows[-1].family if bysame else (families[0] if families else "")
        rows.append(
            Truth(
                q.title or "",
                family,
                q.year,
                (q.doi or "").casefold() or None,
                families=(family, *families[1:]) if families else (),
                key=q.key or "",
                fielded=False,
                arxiv=q.arxiv_id,
            )
        )
    return rows


_BYSAME = re.compile(r"\s*(?:[-–—]{2,}|—)")


# REVTeX sets the paper's footnotes in its list as items keyed Note1, Note2 … holding a note alone
# (`\bibitem [{Note1()}]{Note1} … \bibinfo {note} {In the static case we observed …}`): no references.
_REVTEX_NOTE = re.compile(r"Note\d+")


def _bib_truths(path: Path, wanted: Callable[[str], bool], *, biblatex: bool = True) -> list[Truth]:
    from bibnorm.bib.bibfile import parse_bibtex
    from bibnorm.io.reading import read_text

    # Biber, which set the biblatex documents, reads a "%" inside an entry as a comment to the line's
    # end ("issn = {0022-2879, 1538-4616},% ISSN (ISSN-L), e-ISSN"); BibTeX's grammar, which
    # bibnorm's reader keeps, would lose the entry. The truth is what biber read.
    entries = parse_bibtex(_ENTRY_COMMENT.sub("", read_text(path)), str(path)).entries
    return _entry_truths(entries, wanted, biblatex=biblatex)


def _entry_truths(
    entries: list[BibEntry], wanted: Callable[[str], bool] = lambda key: True, *, biblatex: bool = True
) -> list[Truth]:
    """The references of ``entries`` as the PDF prints them; ``biblatex`` where biber set them (a
    BibTeX style knows no ``date`` field, and prints none)."""
    rows = []
    related = {key.strip() for entry in entries for key in (entry.get("related") or "").split(",")}
    for entry in entries:
        if wanted(entry.key):
            authors = _first_names(entry)
            names = [name for name in name_list(authors) if name]
            families = tuple(_family(name) for name in names)
            # (a sort key a .bib hides in its year: "\noop{3001}submitted" prints "submitted")
            dated = entry.get("year") or (entry.get("date") if biblatex else "") or ""
            year = re.search(r"\d{4}", _NOOP.sub("", dated))
            title = entry.get("title") or ""
            visited = re.match(r"\d{4}", entry.get("urldate") or "")
            first_page = re.split(r"[-–—]", entry.get("pages") or "")[0]
            # biblatex prints "Title. Subtitle", and so do some BibTeX styles (abntex2's "TITLE:
            # subtitle"); where a style prints no subtitle, `_as_titled` keeps the title without it
            if entry.get("subtitle"):
                title = f"{title}. {entry.get('subtitle')}"
            rows.append(
                Truth(
                    _as_printed(title),
                    families[0] if families else "",
                    int(year.group()) if year else None,
                    # a shortDOI ("fg6rf9", printed https://doi.org/fg6rf9, an alias doi.org keeps) is
                    # no DOI: the page does not print the DOI it stands for
                    (canonical_doi(entry.get("doi") or "") or "").casefold() or None,
                    _letters(f"{entry.get('volume')}{first_page}")
                    if entry.get("volume") and first_page
                    # an e-print's id where it has no volume and pages ("arXiv e-prints, p. arXiv:2001.01747")
                    else _letters(re.sub(r"(?i)^arxiv:", "", entry.get("eprint") or "")),
                    families=families,
                    key=entry.key,
                    description=""
                    if title
                    else _as_printed(entry.get("titleaddon") or entry.get("type") or ""),
                    original=_as_printed(entry.get("origtitle") or ""),
                    number="" if title or names else _as_printed(entry.get("number") or ""),
                    related=entry.key in related,
                    visited=int(visited.group()) if visited else None,
                    arxiv=arxiv.id if (arxiv := entry_arxiv_id(entry)) else None,
                    editors=_editors(entry, names),
                    organization=_organization(entry, names),
                    main=_without_subtitle(entry, title),
                )
            )
    return rows


def _editors(entry: BibEntry, names: list[str]) -> tuple[str, ...]:
    """The family names of the editors of a work without other names printed first (`Truth.editors`)."""
    return () if names else tuple(_family(name) for name in name_list(entry.get("editor") or ""))


def _organization(entry: BibEntry, names: list[str]) -> str:
    """The letters of the organization of a work without other names printed first (`Truth.organization`)."""
    if names or entry.get("editor"):
        return ""
    return _letters(clean_plain(entry.get("organization") or "").text)


def _without_subtitle(entry: BibEntry, title: str) -> str:
    """The title without the subtitle ``title`` holds (`Truth.main`), if it holds one."""
    main = entry.get("title") or ""
    return _as_printed(main) if main != title else ""


_NOOP = re.compile(r"\\noop\s*\{[^{}]*\}")


# A "%" after a field's closing brace and its comma, or opening an indented line of an entry, to the
# line's end (not one inside a field: "50\\%", "a%20b" in a URL).
_ENTRY_COMMENT = re.compile(r"(?m)(?<=\},)[ \t]*%[^\n]*$|^[ \t]+%[^\n]*$")


def _first_names(entry: BibEntry) -> str:
    """The names a style prints first, as biblatex's name list's options choose them: the author;
    else the editor, unless ``useeditor=false`` (an encyclopedia set under its title, "Ed. by"
    after it) or the entry is part of a book (a chapter's, an article's editor edited the book it
    is in); else the translator where ``usetranslator`` is on ("Vizedom, Monika B. and Gabrielle
    L. Caffee, trans. The Rites of Passage"); else (biblatex-apa's audiovisual works) the
    producer, writer, director or host; else none (a manual, a periodical, a web site)."""
    options = re.sub(r"\s+", "", (entry.get("options") or "").casefold())
    in_a_book = entry.entry_type.casefold().startswith("in")
    chosen = [entry.get("author"), None if "useeditor=false" in options or in_a_book else entry.get("editor")]
    if re.search(r"(?:^|,)usetranslator(?:=true)?(?:,|$)", options):
        chosen.append(entry.get("translator"))
    chosen += [entry.get(role) for role in _AUDIOVISUAL_NAMES]
    return next((names for names in chosen if names), "")


_AUDIOVISUAL_NAMES = ("producer", "writer", "director", "execproducer", "host")


def _as_printed(title: str) -> str:
    """A .bib title as the PDF prints it: "\\textsc{Aura}" is "Aura", "$\\lambda$" is "λ", and TeX's
    logos are their names (bibnorm's cleaning drops "\\TeX", "\\LaTeX", "\\BibTeX" altogether) and a
    sort key (apacite's ``\\APACSortNoop{…}``) is not printed."""
    title = _SORT_KEY.sub("", title)
    return clean_plain(_TEX_LOGO.sub(lambda logo: logo.group(1), title)).text


_TEX_LOGO = re.compile(r"\\((?:La|Bib|Con)?TeXe?)\b(?:\{\})?")
_SORT_KEY = re.compile(r"\\(?:APACSortNoop|noopsort|SortNoop)\{[^{}]*\}")  # a sort key, not printed


def printed(document: Document, rows: list[Truth]) -> list[Truth]:
    # pdftotext's default order can interleave the two columns of a page line by line, and then a
    # title wrapped in one column is split by the other column's lines; its raw mode keeps each
    # column's lines in the order the PDF draws them. A title is printed when either text holds it.
    # A review copy's line numbers and the page numbers are lines of their own there, inside titles.
    texts = [_pdftotext(document, mode) for mode in ([], ["-raw"])]
    # (pdftotext opens each page after the first with a form feed: "\f2" is page 2's number)
    in_letters = [_letters(re.sub(r"(?m)^\f?\d+$", "", text)) for text in texts]
    letters = "\n".join(in_letters)
    lines = {_letters(line) for text in texts for line in text.splitlines()}
    # A line of digits alone may also be an article number a narrow column wrapped ("Classical and
    # Quantum Gravity, 32," / "024001"): the locators are looked for with those lines kept too.
    whole = [_letters(text) for text in texts]
    located = f"{letters}\n{chr(10).join(whole)}"
    seen: set[tuple[str, str, int | None] | str] = set()
    untitled_seen: defaultdict[str, int] = defaultdict(int)  # untitled references found by each locator
    # The same title, first author and year twice is one work given twice (a .bbl's items are
    # unique by then); with a short title it is rarely one work ("Author, A. (2014). Title." and
    # "Author, A. (2014)." are two examples of a style's test document): one each entry.
    kept, untitled = [], []
    # A .bbl holds what was typeset, each entry once: one that holds two with the same title,
    # authors and year (IEEEtran's "——" for the second) printed both.
    typeset = document.local("truth").suffix == ".bbl" and not document.built
    once = whole[0]
    sharing = Counter((_letters(row.title), row.family) for row in rows)
    for row in rows:
        row = _as_titled(row, letters)
        if not row.title and row.description and not any(f"[{row.description}" in text for text in texts):
            row = replace(row, description="")  # a type the style does not print in the title's place
        if not row.title and not row.description and row.number:
            row = replace(row, description=row.number)
        key = _letters(row.title or row.description)
        # A related work, or one of several with this title and first author printed fewer times
        # than there are of them, is printed when it is printed as a reference of its own.
        shared = sharing[key, row.family] > 1 and once.count(key) < sharing[key, row.family]
        alone = not (row.related or shared) or _printed_alone(row, letters, lines)
        # its year printed too: a title is found inside another reference ("Computers &
        # Typesetting" in "… Computers & Typesetting. Vol. B: TeX: The Program … 1986", where the
        # whole work's "1984–1986" is nowhere; zootaxa's family "Sphyraenidae" in other titles)
        dated = row.year is None or str(row.year) in letters
        found = len(key) >= SHORT_TITLE and _title_printed(row, key, letters) and alone and dated
        if found and (typeset or (key, row.family, row.year) not in seen):
            seen.add((key, row.family, row.year))  # two works may share a title, not also authors and year
            kept.append(row)
        elif row.short and _printed_short(row, letters, lines) and f"key:{row.key}" not in seen:
            seen.add(f"key:{row.key}")
            kept.append(row)
        elif _printed_without_title(row, key, located) and untitled_seen[row.locator] < max(
            text.count(row.locator) for text in whole
        ):  # a .bib may hold one work twice, and the PDF print it twice ("2022a", "2022b")
            untitled_seen[row.locator] += 1
            untitled.append(replace(row, titled=False))
    # A style prints articles' titles or it does not (books keep theirs in both): where most
    # articles are found by their titles, one that is not is a title printed otherwise than the
    # .bib spells it (markup, math), not a missing one.
    if len(untitled) <= sum(1 for row in kept if row.locator):
        return kept
    # No article's title is printed: one "found" was found in the paper's text ("Ionization cones"),
    # and the article is looked for by its volume and page as the others are.
    articles = [row for row in kept if _printed_without_title(row, "", located)]
    return (
        [row for row in kept if row not in articles]
        + untitled
        + [replace(row, titled=False) for row in articles]
    )


def _as_titled(row: Truth, letters: str) -> Truth:
    """The reference with the title the text prints: its original title where that is printed
    (biblatex-apa's), its title without the subtitle where only that is (a BibTeX style's)."""
    if row.original and _letters(row.original) in letters:
        return replace(row, title=row.original)
    if row.main and _letters(row.title) not in letters and _letters(row.main) in letters:
        return replace(row, title=row.main)
    return row


SHORT_TITLE = 12
"""Letters a title needs to be looked for alone; a shorter one ("Title.", "Ethics", none at all)
is looked for after its first author and its year (see `_short_reference`)."""


@functools.cache  # asked for every item against every short reference: one pattern each
def _short_reference(row: Truth) -> re.Pattern[str] | None:
    """What a reference whose title is short or absent prints, in letters and digits: its first
    author's family name, its year within the next 300 (the other authors' names and initials),
    then its title within 40 (a date's month and day, a year's letter: "(2012a, June). Title2.");
    or, where the year closes the reference (numbered styles, biblatex's standard ones), the title
    within 300 after the name and the year within 300 after the title ("Aristotle. De Anima. Ed.
    by Robert Drew Hicks. Cambridge: Cambridge University Press, 1907.");
    a work without a title prints its type in the title's place ("[Unknown]"). A work without a
    date prints "n.d." or "in press" where the year goes, its title right after ("(n.d.-a).
    Title1."; "nd" alone is in too many words to be looked for otherwise); without a title
    either, it is all a line or an item holds ("Patel, S. N. (n.d.)."; see `_prints`). A work
    without an author prints its title in the author's place, then its date ("Editorial. (2003b,
    February 12)."). None without an author and a title: too little to tell it from other text."""
    title = re.escape(_letters(row.title or row.description))
    if not (row.family or title):
        return None
    if not row.family:
        return re.compile(rf"{title}\w{{0,40}}?{row.year}" if row.year else rf"{title}(?:nd|inpress)")
    family = re.escape(row.family)
    if not row.year:
        return re.compile(rf"{family}\w{{0,300}}?(?:nd|inpress)[a-z]?{title}")
    if not title:
        return re.compile(rf"{family}\w{{0,300}}?{row.year}")
    return re.compile(rf"{family}\w{{0,300}}?(?:{row.year}\w{{0,40}}?{title}|{title}\w{{0,300}}?{row.year})")


def _printed_alone(row: Truth, letters: str, lines: set[str]) -> bool:
    """Whether a work the text may print inside another's reference (a related entry: "[Review of
    the book …, by M. Yousafzai]", "(Reprinted from "Marking time …," 1981, …)"; or one of two
    entries with the same title and first author, a work and its reprint) is printed as a
    reference of its own: its first author, year and title follow each other as in a reference
    (`_short_reference`'s orders), with no other printing of the title (its first 16 letters: a
    printing may be cut by a hyphen further on) between them; without an author, a line opens
    with its title (a reference's first line: the author's place)."""
    title = re.escape(_letters(row.title))
    if not row.year or not title:
        return True
    if not row.family:
        return any(line.startswith(_letters(row.title)[:16]) for line in lines)
    gap = rf"(?:(?!{title[:16]})\w)"
    family, year = re.escape(row.family), row.year
    pattern = rf"{family}{gap}{{0,300}}?(?:{year}{gap}{{0,40}}?{title}|{title}{gap}{{0,300}}?{year})"
    return re.search(pattern, letters) is not None


def _printed_short(row: Truth, letters: str, lines: set[str]) -> bool:
    if _bare(row):
        return any(_prints(row, line) for line in lines)
    return _prints(row, letters)


def _bare(row: Truth) -> bool:
    """Whether a work has neither a date nor a title (nor a description in its place)."""
    return not row.year and not _letters(row.title or row.description)


def _prints(row: Truth, text: str) -> bool:
    """Whether ``text`` (letters and digits: the document's, a line's, an item's) prints a short
    or untitled reference (`_short_reference`); one with neither title nor date is all of it."""
    pattern = _short_reference(row)
    if pattern is None:
        return False
    return bool(pattern.fullmatch(text) if _bare(row) else pattern.search(text))


def _title_printed(row: Truth, key: str, letters: str) -> bool:
    """Whether the text holds the title; a title of one word ("Sphyraenidae", a family of fishes)
    is a word of other titles too ("… of the family Sphyraenidae …"), so it is printed only with its
    first author and year near it (the reference's own item), not merely somewhere in the text."""
    if key not in letters:
        return False
    if len(row.title.split()) > 1 or not row.family or row.year is None:
        return True
    return any(
        row.family in letters[max(0, at - _NEAR) : at + len(key) + _NEAR]
        and str(row.year) in letters[max(0, at - _NEAR) : at + len(key) + _NEAR]
        for at in (found.start() for found in re.finditer(re.escape(key), letters))
    )


_NEAR = 300  # letters: a reference's names, year and title stand this close together


def _printed_without_title(row: Truth, key: str, letters: str) -> bool:
    """A reference set with no title (Physical Review Letters): its title is nowhere in the text,
    its first author's family name, its year and its volume-and-first-page are."""
    return (
        bool(row.locator and row.family and row.year)
        and (not key or key not in letters)  # an entry may have no title at all
        and all(part in letters for part in (row.locator, row.family, str(row.year)))
    )


def _pdftotext(document: Document, options: list[str]) -> str:
    command = ["pdftotext", *options, str(document.local("pdf")), "-"]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@dataclass
class Score:
    references: int = 0
    whole: int = 0
    title: int = 0
    author: int = 0
    year: int = 0
    dois: int = 0
    dois_right: int = 0
    dois_wrong: int = 0
    arxiv: int = 0
    arxiv_right: int = 0
    arxiv_wrong: int = 0
    items: int = 0
    strays: int = 0
    refused: int = 0
    seconds: float = 0.0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(
    rows: list[Truth], queries: list[Query], show: bool, known: list[Truth], unjoined: Sequence[str] = ()
) -> Score:
    """``rows`` are the printed references; ``known`` all the source's, to tell a stray from a
    reference whose title is too short to be looked for in the whole text ("Linear Logic");
    ``unjoined`` the letters of the ``.bbl``'s items the truth cannot give (`unjoined_texts`):
    an item one of them holds is no stray. ``show`` prints the references no item holds ("lost"),
    the strays and the references not read whole."""
    result = Score(references=len(rows), items=len(queries))
    raws, names, (owner, mapped, lost) = pairing(rows, queries)
    for row in lost if show else ():
        print(f"    lost: {row.title[:70]!r} {row.family} {row.year}")
    strays = _strays(rows, queries, raws, names, owner, known, unjoined)
    result.strays = len(strays)
    for at in strays if show else ():
        print(f"    stray: {queries[at].raw[:100]!r}")
    for row, at in mapped:
        query = queries[at]
        title, author, year = _read_right(row, query, raws[at])
        result.title += title
        result.author += author
        result.year += year
        whole = title and author and year and len(owner[at]) == 1
        result.whole += whole
        if show and not whole:
            print(f"    ✗ {row.title[:60]!r} {row.family} {row.year} ← title={query.title!r} "
                  f"authors={query.authors[:2]} year={query.year} shared={len(owner[at])}")  # fmt: skip
        _tally_doi(result, row, query)
        _tally_arxiv(result, row, query)
        if SHOW_IDS:
            _show_ids(row, query, queries)
    return result


def pairing(
    rows: list[Truth], queries: list[Query]
) -> tuple[list[str], list[str], tuple[dict[int, list[Truth]], list[tuple[Truth, int]], list[Truth]]]:
    """Each item's letters, the letters where it prints its names, and which references each
    item holds (`_taken`): how `score` pairs the items read with the printed references."""
    raws = [_letters(q.raw) for q in queries]
    names = _names_printed(raws, queries)
    return raws, names, _taken(rows, raws, names, queries)


def _names_printed(raws: list[str], queries: list[Query]) -> list[str]:
    """The letters where each item prints its names. An item that opens with the repeated-author
    dash prints its authors as the dash (biblatex's "— (1998). Title", "— “Title.”"): the names
    are those of the last item before it without one. So has an item that opens at its year or its
    editors' mark (econ draws a rule, no text, for the names after a numbered label: "[57] ———
    eds. (1985) Handbook …")."""
    names = list(raws)
    for at, query in enumerate(queries):
        if at and (_DASH.match(query.raw) or _RULED.match(query.raw)):
            names[at] = names[at - 1]
    return names


def _taken(
    rows: list[Truth], raws: list[str], names: list[str], queries: list[Query]
) -> tuple[dict[int, list[Truth]], list[tuple[Truth, int]], list[Truth]]:
    """Which references each item holds, each reference with its item, and the references no
    item holds (lost: the reader cut them into another's item, or read them nowhere)."""
    owner: dict[int, list[Truth]] = defaultdict(list)
    mapped: list[tuple[Truth, int]] = []
    lost: list[Truth] = []
    # How much each item is like each reference, whatever is taken: computed once a reference.
    likes = [
        _likenesses(row, _letters(row.title or row.description), raws, names, queries) if row.titled else []
        for row in rows
    ]
    for row, row_likes in _clear_first(rows, likes, raws, names, queries):
        best = _item_of(row, row_likes, raws, names, owner)
        if best is None:
            lost.append(row)
            continue
        owner[best].append(row)
        mapped.append((row, best))
    return owner, mapped, lost


def _strays(
    rows: list[Truth],
    queries: list[Query],
    raws: list[str],
    names: list[str],
    owner: dict[int, list[Truth]],
    known: list[Truth],
    unjoined: Sequence[str],
) -> list[int]:
    """The items that hold no reference of the truth."""
    dashed = [_DASHED.match(query.raw) is not None for query in queries]
    untitled_style = any(not row.titled for row in rows)
    # A reference its style prints without its title (Science's articles and theses, Nature's
    # chapters and patents: "G. Booth, J. Chatt, J. Chem. Soc. 2099–2106 (1962).") is no stray.
    untitled = [row for row in known if row not in rows]
    return [
        at
        for at in range(len(queries))
        if at not in owner
        and not _holds_any(raws[at], names[at], known, dashed[at], untitled=untitled_style)
        and not _without_truth(raws[at], untitled, unjoined)
    ]


def _read_right(row: Truth, query: Query, raw: str) -> tuple[bool, bool, bool]:
    """Whether the item ``query`` (its letters ``raw``) reads ``row``'s title, first author and year right."""
    title = fuzz.ratio(title_key(row.title), title_key(query.title or "")) >= 90
    # None printed: none may be read (the item's whole text kept as its query text is no title).
    # (nor is the text after the AAS's "—." for the names before: the list gives it their names)
    whole_text = (None, "", query.raw, _DASH.sub("", query.raw, count=1))
    title = title or (not row.titled and query.title in whole_text)
    # A work without a title prints none, or a description in brackets in its place (APA's
    # "[Unpublished raw data]", apacite's "[Unknown]"): either is right.
    title = title or (not row.title and (query.title in (None, "", query.raw) or _described(query)))
    read_authors = " ".join(query.authors[:1]) or " ".join(query.author_names[:2])
    # A work printed without names (APA sets its title in the author's place; a manual,
    # software, proceedings, a periodical, a web site): none may be read.
    # A work without an author may print its editor in the author's place ("Ian Editor (Ed.)").
    author = row.family in _letters(read_authors) if row.family else _no_author_read(row, read_authors)
    # A year the reference does not print (REVTeX sets "J. Cosmol. Astropart. Phys. 12, 045" for
    # a 2020 volume) cannot be read: none may be.
    unprinted = str(row.year) not in raw and not query.year
    # Where the item prints only the day of the visit's year, that is the year to read.
    visit = row.visited is not None and str(row.year) not in raw and query.year == row.visited
    year = row.year is None or query.year == row.year or unprinted or visit
    return title, author, year


def _without_truth(raw: str, untitled: list[Truth], unjoined: Sequence[str]) -> bool:
    """Whether an item's letters are a reference the truth finds no item for: one whose title the
    PDF does not print (`_holds_untitled`), or one of the ``.bbl``'s items the truth cannot give
    (`unjoined_texts`)."""
    return _holds_untitled(raw, untitled) or any(
        fuzz.partial_ratio(raw, item) >= _SAME_ITEM for item in unjoined
    )


_SAME_ITEM = 90  # how much of an item's letters a .bbl item the truth cannot give holds, where it is that one


def _no_author_read(row: Truth, read: str) -> bool:
    """Whether a work without an author is read right so: no names, or its editors' in the
    author's place, where a style prints them there (BibTeX's ``@inbook``), or its organization's
    (abnTeX2's)."""
    letters = _letters(read)
    return (
        not read
        or any(editor and editor in letters for editor in row.editors)
        or bool(row.organization and row.organization in letters)
    )


def _clear_first(
    rows: list[Truth], likes: list[list[Likeness]], raws: list[str], names: list[str], queries: list[Query]
) -> list[tuple[Truth, list[Likeness]]]:
    """The references in the order their items are taken: first those one item matches better
    than any other, then those several items match alike, each of which takes the best item not
    taken yet. "Evolutionary genomics of grape …" is in the item of "The evolutionary genomics of
    grape …" too, a book's title in its chapter's ("… in Handbook of …"): the other reference
    takes that item first, whatever the order of the list."""

    def clear(row: Truth, row_likes: list[Likeness]) -> bool:
        if not row.titled:
            return True
        if not row.title:  # told apart by the title alone, which it has none of
            row_likes = _likenesses(row, "", raws, names, queries)
        best = heapq.nlargest(2, row_likes)
        return len(best) < 2 or best[0] > best[1]

    return sorted(zip(rows, likes, strict=True), key=lambda pair: not clear(*pair))


def _item_of(
    row: Truth, likes: list[Likeness], raws: list[str], names: list[str], owner: dict[int, list[Truth]]
) -> int | None:
    """The read item whose raw text holds the most of the reference's title (works that share a
    title go to the item that also holds their author (in ``names``, the letters its names are
    printed in) and year, one each, then to one that reads more of their title and year); with no
    title printed, the first not yet taken that holds its volume-and-first-page and its first
    author's name (in ``names``: the AAS's "—." prints the names of the item before; a work the
    .bib holds twice is printed twice)."""
    if not row.titled:
        holding = [at for at, raw in enumerate(raws) if row.locator in raw and row.family in names[at]]
        # else (a proceedings paper prints its pages but no volume) one that opens with the name
        # and holds the year, as a stray is told from a reference (`_holds_any`)
        holding = holding or [
            at for at, raw in enumerate(raws) if _opens_with(names[at], row.family) and str(row.year) in raw
        ]
        return next((at for at in holding if at not in owner), holding[0] if holding else None)
    if row.short:  # of the items that print it, the one holding most of its authors, untaken, shortest
        # (an item that opens with the repeated-author dash prints its names as the one before:
        # "— Physics. Trans. by …, 1929." is Aristotle's)
        dashed = [names[at] is not raw and _opens_with(names[at], row.family) for at, raw in enumerate(raws)]
        holding = [
            at
            for at, raw in enumerate(raws)
            if _prints(row, raw) or (dashed[at] and _prints(row, row.family + raw))
        ]
        return max(
            holding,
            key=lambda at: (sum(name in raws[at] for name in row.families), at not in owner, -len(raws[at])),
            default=None,
        )
    # an untaken item first where the title, names and year are held alike
    best = max(
        range(len(raws)), key=lambda at: (*likes[at][:4], at not in owner, *likes[at][4:]), default=None
    )
    if best is None or likes[best][0] < 80:
        return None
    return best


# How much an item is like a reference: how much of the title it holds, its names and year, and
# how it opens and reads (`_likeness`).
Likeness = tuple[float, bool, bool, bool, bool, int]


def _likenesses(
    row: Truth, key: str, raws: list[str], names: list[str], queries: list[Query]
) -> list[Likeness]:
    return [_likeness(row, key, raw, names[at], queries[at]) for at, raw in enumerate(raws)]


def _likeness(row: Truth, key: str, raw: str, names: str, read: Query) -> Likeness:
    # The year before the name: a style that leaves the names repeating the previous reference's
    # blank (econ-b's "& , (eds.) Handbook …, 1985") prints the year but not the name.
    family, year = row.family in names, str(row.year) in raw
    # Where two free items hold the title as much (an edited book's and a chapter "in" it), the
    # one its first author opens ("E.-I. Negishi, Ed., Handbook …", not "P. M. Henry, in Handbook …").
    opens = bool(row.family) and _opens_with(raw, row.family)
    # Last, among items that print the title, the names and the year alike, the one that reads
    # more of them is the work's, not one that names it in a related work's note ("Les rites de
    # passage. Paris: Nourry, 1909. Trans. … as The Rites of Passage (…, 1960)" beside "— The Rites
    # of Passage. … 1960").
    reads = (fuzz.ratio(title_key(row.title), title_key(read.title or "")) >= 90) + (read.year == row.year)
    return fuzz.partial_ratio(key, raw), family and year, year, family, opens, reads


_FIRST_NAMES = 8  # letters of given names or initials before the first author's family name


def _opens_with(letters: str, family: str) -> bool:
    """Whether an item's ``letters`` open with the first author's ``family`` name (its initials or
    given names before it, or after it)."""
    return family in letters[: len(family) + _FIRST_NAMES]


def _holds_any(
    raw: str, names: str, known: list[Truth], dashed: bool = False, *, untitled: bool = False
) -> bool:
    """Whether an item's letters hold some reference's title (all but a mis-set accent) and its
    ``names`` the first author — or no name in the author's place (a repeated author:
    biblatex's "—", a drawn rule). In a style that prints no titles (``untitled``), a work found
    by neither its title nor a volume and page (a thesis, a proceedings paper: "Reynolds R. J.,
    1971, PhD thesis, …"; a work in preparation) is an item that opens with its first author's
    name and holds its year (if it has one)."""
    return any(
        _holds(raw, names, row, dashed)
        or (untitled and bool(row.family) and _opens_with(names, row.family) and str(row.year or "") in raw)
        for row in known
    )


def _holds(raw: str, names: str, row: Truth, dashed: bool = False) -> bool:
    """Its first author and its title (all but a mis-set accent), or, short, what it prints."""
    if row.short and _prints(row, raw):
        return True
    title = fuzz.partial_ratio(_letters(row.title or row.description), raw) >= 90
    return (row.family in names or dashed) and title


# The repeated-author dash that opens an item: the names are those of the item before it.
_DASH = re.compile(r"\s*(?:[—–]{1,3}|-{2,3})[.,]?\s")
_RULED = re.compile(r"\s*(?:eds?\.\s*)?\((?:1[5-9]|20)\d{2}[a-z]?\)\s")
# An author's place without a name in it: biblatex's "—", or the rules econ-bst draws for each
# repeated name (no text: ", , & , ‘Title.’", "& Peter B. Kenen, (eds.) …", "eds. (1985) …").
_DASHED = re.compile(r"^\s*(?:[—–-]{1,3}|[,&]|eds?\.)")


def _described(query: Query) -> bool:
    return bool(query.title) and f"[{query.title}]" in query.raw


def _holds_untitled(raw: str, untitled: list[Truth]) -> bool:
    """Whether an item's letters hold the first author and year of a reference whose title the
    PDF does not print (a name of three letters or more: "li" is inside too many words)."""
    return any(
        len(row.family) >= 3 and row.family in raw and (row.year is None or str(row.year) in raw)
        for row in untitled
    )


_ANGLES = str.maketrans("⟨⟩〈〉", "<><>")


def _tally_doi(result: Score, row: Truth, query: Query) -> None:
    """Where the PDF prints the reference's DOI: read right, or read WRONG (truncated, invented).
    The DOI is printed whole, not as the start of another ("10.1192/bjp.200.1.74" is not printed
    by a reference to "10.1192/bjp.200.1.74a", a letter of the same title); a DOI read with more
    glued on ("….3286262.Publisher", "….3705343.https://doi.org/…") is WRONG. A DOI printed in
    another form (its underscore lost: "10.1007/3-540-29090-7 27") and read otherwise is WRONG too,
    though not counted as printed."""
    # (a PDF may print a SICI DOI's angle brackets as mathematical ones: "8:4⟨194::AID-HBM4⟩3.0.CO;2-C")
    printed = query.raw.casefold().replace(" ", "").translate(_ANGLES)
    read = (query.doi or "").casefold()
    if read.startswith(row.doi or "-") and read[len(row.doi or "") :].isalnum() and read in printed:
        return  # the item prints a longer DOI that starts with this one: not this reference's
    if row.doi and row.doi in printed:
        result.dois += 1
        result.dois_right += read == row.doi
        result.dois_wrong += bool(read) and read != row.doi
    elif row.doi and read and read != row.doi and _letters(row.doi) in _letters(query.raw):
        result.dois_wrong += 1


def _show_ids(row: Truth, query: Query, queries: list[Query]) -> None:
    """Print the reference's identifiers that its item prints and that were not read right, with
    the item's text; a DOI whose letters the item holds in another form (a line-end hyphen); and
    one another item prints (the list's items cut where the reference's is not: a page rule's)."""
    squeezed = query.raw.casefold().replace(" ", "").translate(_ANGLES)
    if row.doi and (query.doi or "").casefold() != row.doi:
        lettered = _letters(row.doi) in _letters(query.raw)
        elsewhere = any(row.doi in other.raw.casefold().replace(" ", "") for other in queries)
        where = (
            "printed" if row.doi in squeezed else "letters" if lettered else "elsewhere" if elsewhere else ""
        )
        if where:
            print(f"    doi {where}: {row.doi} ← {query.doi} | {query.raw!r}")
    if not row.doi and query.doi and query.doi.casefold() not in squeezed:
        # no DOI to check it by, and not printed as read: joined or mended, so shown to be judged
        print(f"    doi unchecked: {query.doi} | {query.raw!r}")
    if row.arxiv and _prints_arxiv(row.arxiv, query.raw) and query.arxiv_id != row.arxiv:
        print(f"    arxiv: {row.arxiv} ← {query.arxiv_id} | {query.raw!r}")


def _tally_arxiv(result: Score, row: Truth, query: Query) -> None:
    """Where the PDF prints the reference's arXiv id: read right, or read WRONG (cut, invented).
    A new-style id is printed as one where the item names arXiv (or dblp's CoRR, an e-print); a
    number alone ("Technical Report 2108.07258, Stanford University") is no arXiv id printed."""
    if row.arxiv and _prints_arxiv(row.arxiv, query.raw):
        result.arxiv += 1
        result.arxiv_right += query.arxiv_id == row.arxiv
        result.arxiv_wrong += bool(query.arxiv_id) and query.arxiv_id != row.arxiv


def _prints_arxiv(arxiv: str, raw: str) -> bool:
    """Whether ``raw`` prints the arXiv id ``arxiv`` as one (see `_tally_arxiv`)."""
    named = "/" in arxiv or re.search(r"(?i)arxiv|\bcorr\b|e-?print", raw) is not None
    return named and arxiv.casefold() in raw.casefold().replace(" ", "")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def report(name: str, s: Score) -> None:
    n = s.references
    print(f"{name:<34}{n:>6}{_percent(s.whole, n):>7}{_percent(s.title, n):>7}{_percent(s.author, n):>8}"
          f"{_percent(s.year, n):>6}{f'{s.dois_right}/{s.dois}':>10}{f'{s.arxiv_right}/{s.arxiv}':>8}"
          f"{s.dois_wrong + s.arxiv_wrong:>7}{s.items:>7}{s.strays:>8}{_percent(s.strays, s.items):>7}"
          f"{s.refused:>9}{s.seconds:>9.1f}")  # fmt: skip


def _read_within(path: Path, timeout: float) -> list[Query] | str:
    """The PDF's items, read in a child process; a refusal's message, or ``"timeout"`` when the
    reader has not returned within ``timeout`` seconds (the child is then ended)."""
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(_read_or_refuse, (path,))
        try:
            return pending.get(timeout=timeout)
        except multiprocessing.TimeoutError:
            pool.terminate()
            return "timeout"


def _read_or_refuse(path: Path) -> list[Query] | str:
    try:
        return read_inputs([path])
    except InputError as error:
        return f"refused: {error}"
    except Exception as error:  # a reader's bug fails its document, not the whole bench
        return f"crashed: {type(error).__name__}: {error}"


def main() -> None:
    global CACHE, SHOW_IDS
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help="the corpus's manifest.csv")
    parser.add_argument("--cache", type=Path, help="where its files are (default: the bench cache)")
    parser.add_argument("--fetch", action="store_true", help="copy the corpus into the cache first")
    parser.add_argument("--mirror", type=Path, help="a folder of bare clones named owner+name/repo")
    parser.add_argument("--only", nargs="*", help="these document ids only")
    parser.add_argument("--items", action="store_true", help="print references not read whole, and strays")
    parser.add_argument("--ids", action="store_true", help="print identifiers printed and not read right")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a document may take to read")
    args = parser.parse_args()
    if args.cache:
        CACHE = args.cache
    SHOW_IDS = args.ids
    documents = [d for d in manifest(args.manifest) if not args.only or d.id in args.only]
    print(f"{'document':<34}{'refs':>6}{'whole':>7}{'title':>7}{'author':>8}{'year':>6}{'DOIs':>10}{'arXiv':>8}{'WRONG':>7}"
          f"{'items':>7}{'strays':>8}{'stray%':>7}{'refused':>9}{'seconds':>9}")  # fmt: skip
    families: dict[str, Score] = defaultdict(Score)
    forms: dict[str, Score] = defaultdict(Score)
    slowest = (0.0, "")
    for document in documents:
        if args.fetch:
            fetch(document, args.mirror)
        if not all(path.exists() for which in ("pdf", "truth") for path in document.locals(which)):
            print(f"{document.id:<34} not fetched (run with --fetch)")
            continue
        if missing := built_without_fonts(document):
            print(
                f"{document.id:<34} not read: built without the fonts {', '.join(missing)} (install"
                f" texlive-fonts-recommended, delete {CACHE / document.id} and run with --fetch)"
            )
            continue
        try:
            known = truths(document)
        except InputError as error:  # the truth's .bbl is one bibnorm's .bbl reader cannot read
            print(f"{document.id:<34} no truth: {error}")
            continue
        rows = printed(document, known)
        started = time.monotonic()
        queries = _read_within(document.local("pdf"), args.timeout)
        seconds = time.monotonic() - started
        if isinstance(queries, str):
            print(f"    {queries}")
            s = Score(references=len(rows), refused=1)
        else:
            s = score(rows, queries, args.items, known, unjoined_texts(document))
        s.seconds = seconds
        slowest = max(slowest, (seconds, document.id))
        report(document.id, s)
        families[f"{document.family} ({document.columns} col)"].add(s)
        forms[document.family].add(s)
    print("\nper family")
    total = Score()
    for family in sorted(families):
        report(family, families[family])
        total.add(families[family])
    if len(forms) < len(families):
        for form in sorted(forms):
            report(form, forms[form])
    report("all", total)
    print(f"\nslowest document: {slowest[1]} {slowest[0]:.1f} s")


if __name__ == "__main__":
    if shutil.which("pdftotext") is None:
        sys.exit("bench_pdf_corpus: needs poppler's pdftotext (apt-get install poppler-utils)")
    main()
