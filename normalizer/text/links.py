"""Code repositories and project pages named in abstracts and arXiv comments.

Authors write links inside prose, so a URL arrives glued to punctuation and markup:
``https://github.com/OpenGVLab/InternImage.`` (sentence end),
``at~https://github.com/microsoft/Swin-Transformer.`` (TeX tie),
``(https://www.github.com/mwalmer-umd/vit_analysis)``,
``https://github.com/WangWenhao0716/V2L{V^2L}.`` (a TeX group after the URL),
``webpage.https://badripatro.github.io/svt/.`` (no space before it).

Rules:

- **Code links** are repositories on code hosts (GitHub, GitLab, Bitbucket, Codeberg,
  Gitee). They are written ``https://<host>/<owner>/<repo>``: scheme https, host
  lower-case without ``www.``, no ``.git`` suffix, no query or fragment, no trailing
  slash. A deeper path (``/tree/main/TinyViT``) is kept too, after its repository root.
  Repositories are the same when host, owner and repo agree ignoring case.
- **Project pages** are every other link (``*.github.io`` sites, Hugging Face model and
  space pages, lab sites) except links that name the paper itself or its licence
  (arxiv.org, doi.org, creativecommons.org). They keep their scheme and path; only
  sentence punctuation is removed and the host lower-cased.
- Both lists keep the order of first appearance.

A URL that a hard line break split in two (``https://github.com/a/\\nb``) cannot be
told from a URL followed by a word, and is kept up to the break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from bibnorm.text.word_tables import alternation, link_hosts

__all__ = ["CODE_HOSTS", "extract_code_links"]

CODE_HOSTS = frozenset(link_hosts().repositories)  # "github.com", "gitlab.com" (link-hosts.json)
# Links to the paper's own record or licence, not to a project (link-hosts.json).
_NOT_PROJECT_HOSTS = frozenset(link_hosts().not_projects)
# GitHub paths whose first segment is a site section, not an owner (link-hosts.json).
_GITHUB_SECTIONS = frozenset(link_hosts().github_sections)
_WRITTEN_BARE = link_hosts().written_bare  # "github.com", "gitlab.com" (link-hosts.json)

# A URL starts at a scheme or a bare "www."/"github.com/" and runs over characters that
# may appear in one; "{", "}", "\" and non-ASCII end it (TeX groups, macros, CJK punctuation).
_URL = re.compile(
    rf"(?:https?://|(?<![\w.@/-])www\.|(?<![\w.@/-]){alternation(_WRITTEN_BARE)}/)"
    r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+",
    re.IGNORECASE,
)
# Every match of `_URL` holds one of these (lower-cased): most abstracts hold none, and testing
# for them costs a twentieth of running `_URL` (whose look-behinds run at every position).
_URL_HINTS = ("http", "www.", *(f"{host}/" for host in _WRITTEN_BARE))
_TRAILING = ".,;:!?'\"*"
_CLOSERS = {")": "(", "]": "["}  # a closer without its opener is the prose's, not the URL's


def _trim(url: str) -> str:
    """Drop sentence punctuation and unbalanced closing brackets from the end of a URL."""
    while url:
        last = url[-1]
        opener = _CLOSERS.get(last)
        if last not in _TRAILING and not (opener and url.count(opener) < url.count(last)):
            break
        url = url[:-1]
    return url


def _split(url: str) -> tuple[str, str, str, str, str]:
    """(scheme, lower-case host, path, query, fragment) of a URL that may lack a scheme."""
    if not re.match(r"https?://", url, re.IGNORECASE):
        url = "https://" + url
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.path, parts.query, parts.fragment


def _repository(host: str, path: str) -> tuple[str, str] | None:
    """(root path "owner/repo", deeper rest) when ``path`` names a repository on a code host."""
    segments = [s for s in path.split("/") if s]
    if host == "gitlab.com" and "-" in segments:
        # GitLab groups nest ("group/subgroup/repo"); "/-/" starts the in-repo path.
        cut = segments.index("-")
        root, rest = segments[:cut], segments[cut:]
        if len(root) < 2:
            return None
    else:
        if len(segments) < 2 or (host == "github.com" and segments[0].lower() in _GITHUB_SECTIONS):
            return None
        root, rest = segments[:2], segments[2:]
    root[-1] = re.sub(r"\.git$", "", root[-1], flags=re.IGNORECASE)
    if not root[-1]:
        return None
    return "/".join(root), "/".join(rest)


def extract_code_links(texts: Iterable[str | None]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Find repository links and project pages in ``texts`` (abstract, arXiv comment ...).

    Returns ``(code_links, project_pages)``, each de-duplicated in order of first
    appearance; ``None`` texts are skipped. See the module docstring for the rules.
    """
    code: dict[str, str] = {}  # each link by its case-folded form, as first written
    pages: dict[str, str] = {}
    for text in texts:
        if not text or not any(hint in text.lower() for hint in _URL_HINTS):
            continue
        for match in _URL.finditer(text):
            links, page = _code_or_page(_trim(match.group(0)))
            for link in links:
                code.setdefault(link.casefold(), link)
            if page is not None:
                pages.setdefault(page.casefold().rstrip("/"), page)
    return tuple(code.values()), tuple(pages.values())


def _code_or_page(url: str) -> tuple[list[str], str | None]:
    """A URL's repository links (the repository, and the place inside it), or the project page
    it is; neither for a host without a dot or one that hosts no project pages."""
    scheme, full_host, path, query, fragment = _split(url)
    host = full_host.removeprefix("www.")
    if "." not in host:
        return [], None
    repository = _repository(host, path) if host in CODE_HOSTS else None
    if repository is not None:
        root, rest = repository
        return [f"https://{host}/{root}", *([f"https://{host}/{root}/{rest}"] if rest else [])], None
    if host in _NOT_PROJECT_HOSTS:
        return [], None
    page = f"{scheme}://{full_host}" + (path if path != "/" else "")
    page += f"?{query}" if query else ""
    page += f"#{fragment}" if fragment else ""
    return [], page
