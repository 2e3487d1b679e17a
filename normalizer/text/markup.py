"""What Markdown, reStructuredText and HTML set around a list's text, taken off it.

Reading lists and reference lists are kept as Markdown (READMEs, "awesome" lists, notes),
reStructuredText (a package's bibliography page) or HTML pasted along (pandoc's ``<div
class="csl-entry">``, an anchor before each entry). Their marks are no part of a reference:
a line's heading or quotation mark (a bullet stays: it opens an item, `readers._reflist`);
emphasis (``**Title**``, ``*Journal*``, ``_et al._``); code spans and roles
(``:doi:`10.1016/…```); a link's brackets (``[Title](https://…)``, ``[html][ref1]``) and its
definition (``[ref1]: https://…``); presentational tags (``<a name="…"></a>``, ``<br />``,
``<span class="nocase">``) and entities (``&amp;``). A title set apart by strong emphasis or a
link's text of words is quoted, as a style quotes a title.

Every line stays a line: `unmarked_list` keeps the text's line count, so a reader's line
numbers are the input's own.
"""

from __future__ import annotations

import html
import re

from bibnorm.text.blanking import blanked_between

# Markdown's link, "[text](target)", in a badge's brackets or not ("[[Paper](…)]", "[Code](…)").
# (blanks inside the parentheses, as CommonMark allows: "[**Numerical Recipes**]( https://…)")
MARKDOWN_LINK = re.compile(r"(\[?)\[([^\[\]]*)\]\(\s*+([^()\s]*)\s*+\)(\]?)")
_STRONG = re.compile(r"\*\*([^*]+)\*\*|__([^_]+)__")  # "**Title**", "__Title__"
# Emphasis by one mark, opened after no word and closed before none ("*Nature*", "_et al._"; not
# "A* search and B* trees", nor a link's "prev_page=1").
_EMPHASIS = re.compile(
    r"(?<![\w*\\])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_\\])_(?!\w)"
)
_CODE = re.compile(r"(?::([a-z]{1,20}):)?`([^`\n]{1,300})`_{0,2}")  # "`Nextflow`", ":doi:`10.1/x`"
# A presentational HTML tag (its text kept): an anchor, a line's break, a block or a span.
_TAG_OPENING = r"</?(?:a|abbr|b|br|cite|code|div|em|font|i|li|ol|p|small|span|strong|sub|sup|u|ul)\b"
_TAG = re.compile(rf"{_TAG_OPENING}[^<>\n]{{0,500}}+>", re.IGNORECASE)
# A line's break after a word or a parenthesis ends a field, as a period would ("Kalaria RN,
# Ballard C <br />" over "_Lancet_ **354**, 919-20 (1999) <br />"): a reading list breaks
# its lines between the title, the names and the venue
_LINE_BREAK_AFTER_A_FIELD = re.compile(r"(?:(?<=[^\W_])|(?<=\)))\s*+<br\s*+/?>", re.IGNORECASE)
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\[[^\[\]\n]{0,100}\]")  # "[html format][cha1]"
# "[[pdf]](https://…)": a link's text in brackets, a badge's.
_BRACKETED_LINK = re.compile(r"\[\[[^\[\]\n]{0,100}\]\]\(([^()\s]{0,2000})\)")
_LINK_DEFINITION = re.compile(r"\s{0,3}\[[^\[\]\n]{1,100}\]:\s+\S+(?:\s+\"[^\"\n]*\")?\s*")
# A label set in bold on a line of its own, before what it labels ("**Biodiverse**:", "**Nextflow:**").
_BOLD_LABEL = re.compile(
    r"\s{0,3}(?:\*\*[^*\n]{1,100}\*\*:|__[^_\n]{1,100}__:|\*\*[^*\n]{1,100}:\*\*|__[^_\n]{1,100}:__)\s*"
)
# What opens a line: its indent, then a heading's marks, a quotation's, or a reStructuredText
# directive's dots before a citation's label (".. [Hav03]"). (A bullet stays: it opens a list's
# item, `readers._reflist`.)
_LINE_MARK = re.compile(r"(\s*+)(?:(#{1,6})\s+|>\s?|\.\.\s+(?=\[))")
# A backslash escaping Markdown's marks ("\*", "\_", "\[", "\&"), and reST's before an initial
# that opens a line ("\W. Bruzda", not an enumerated list's "W."); not TeX's ("\'e", "\L{}").
_ESCAPE = re.compile(r"\\(?=[*_\[\]()#+!&|<>-])|(?<![^\s])\\(?=[A-Z]\.)")
# A line of one mark repeated under a heading (Markdown's and reStructuredText's "Textbooks" over
# "=========", "Probability and Inference" over "-------"; reST's line over one too), or alone
# (a rule across the page)
_UNDERLINE = re.compile(r"\s{0,3}([=\-~^*#+])\1{2,}\s*")
# A heading of fewer words is a section's ("### Video Classification"); one of more, an entry
# set as a heading ("## 1.Konciūtė A. Ph.D. Thesis. …").
_HEADING_WORDS = 6


# An HTML entity with its closing semicolon ("&amp;", "&#8211;", "&#x2013;"): HTML reads some
# without one in running text ("&not"), which inside a link's query ("?find=a&note=b") is no
# entity at all, so none is read here without it.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def entities_decoded(text: str) -> str:
    """``text`` with its HTML entities (`_ENTITY`) as the characters they stand for; an "&" that
    opens none stays ("AT&T", "?a=1&note=2")."""
    return _ENTITY.sub(lambda entity: html.unescape(entity.group()), text)


def unmarked(text: str) -> str:
    """``text`` without its inline marks: tags (a line's break after a field a period:
    `_LINE_BREAK_AFTER_A_FIELD`), entities, links (a badge's or one word's link its
    target, a link's text of words quoted with its target after it), emphasis (strong emphasis
    of words quoted), code spans and roles, escapes."""
    if "<" in text:
        text = _TAG.sub("", _LINE_BREAK_AFTER_A_FIELD.sub(".", text))
    if "&" in text:
        text = entities_decoded(text)
    if "](" in text:
        text = MARKDOWN_LINK.sub(_link_quoted, _BRACKETED_LINK.sub(r" \1 ", text))
    if "][" in text:
        text = _REFERENCE_LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _STRONG.sub(_strong_quoted, text)
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub(lambda emphasis: emphasis.group(1) or emphasis.group(2), text)
    if "`" in text:
        text = _CODE.sub(
            lambda code: f"{code.group(1)}:{code.group(2)}" if code.group(1) else code.group(2), text
        )
    return _ESCAPE.sub("", text) if "\\" in text else text


def unmarked_list(text: str) -> str:
    """``text``, a list, line by line without its marks: its comments, a line's heading of few
    words (its marks before it or a line of marks under it: `_UNDERLINE`), a label in bold on its
    own line, a link's definition and a tag's line left blank (a
    list's sections and entries apart), else the line without its heading's or quotation's marks
    (its indent kept) and `unmarked`."""
    lines = _over_lines(blanked_between(text, "<!--", "-->")).split("\n")
    kept = [_unmarked_line(line) for line in lines]
    for at, line in enumerate(lines):
        if _UNDERLINE.fullmatch(line):  # and the heading above it, of few words
            kept[at] = ""
            if at and lines[at - 1].strip() and len(lines[at - 1].split()) < _HEADING_WORDS:
                kept[at - 1] = ""
    return "\n".join(kept)


# Marks whose two ends a line break parts (pandoc wraps its HTML at 72 columns: '<div id="refs"
# class="…"' over 'entry-spacing="0">', "*R: A Language and Environment for Statistical" over
# "Computing*"): a tag's lines left blank, emphasis off and strong emphasis quoted, each line kept.
_TAG_OVER_LINES = re.compile(rf"{_TAG_OPENING}[^<>\n]{{0,500}}+\n[^<>]{{0,500}}+>", re.IGNORECASE)
_STRONG_OVER_LINES = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,300})\n([^*_\n]{1,300}?)(?<=\S)\1")
_EMPHASIS_OVER_LINES = re.compile(
    r"(?<![\w*\\])([*_])(?=[^\s*_])([^*_\n]{1,300})\n([^*_\n]{1,300}?)(?<=[^\s*_\\])\1(?![\w*])"
)


def _over_lines(text: str) -> str:
    """``text`` without the marks whose ends a line break parts (`_TAG_OVER_LINES`)."""
    if "<" in text:
        text = _TAG_OVER_LINES.sub(lambda tag: "\n" * tag.group().count("\n"), text)
    if "**" in text or "__" in text:
        text = _STRONG_OVER_LINES.sub(lambda strong: f"“{strong.group(2)}\n{strong.group(3)}”", text)
    if "*" in text or "_" in text:
        text = _EMPHASIS_OVER_LINES.sub(lambda emphasis: f"{emphasis.group(2)}\n{emphasis.group(3)}", text)
    return text


def _unmarked_line(line: str) -> str:
    if _LINK_DEFINITION.fullmatch(line) or _BOLD_LABEL.fullmatch(line):
        return ""
    mark = _LINE_MARK.match(line)
    if mark is not None:
        if mark.group(2) and len(line[mark.end() :].split()) < _HEADING_WORDS:
            return ""
        line = mark.group(1) + line[mark.end() :]
    return unmarked(line)


def _link_quoted(link: re.Match[str]) -> str:
    text, target = link.group(2).replace("**", "").replace("__", "").strip(), link.group(3)
    badge = link.group(1) and link.group(4)
    # a word in bold is a title too ("[**Optimization**](…)"), a word alone a link's name ("[pdf](…)")
    titled = len(text.split()) > 1 or (bool(text) and text != link.group(2).strip())
    return f"“{text}” {target}" if titled and not badge else f" {target} "


def _strong_quoted(strong: re.Match[str]) -> str:
    inner = (strong.group(1) or strong.group(2)).strip()
    return inner if "“" in inner or len(inner.split()) < 2 else f"“{inner}”"
