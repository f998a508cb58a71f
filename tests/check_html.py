#!/usr/bin/env python3
"""check_html.py: reads an HTML publication list (pubdb export --html) back
with html.parser and checks it entry by entry against the papers' JSON
(pubdb export --json, DESIGN.md's shape).

    python3 tests/check_html.py [--owner NAME] page.html papers.json
    python3 tests/check_html.py --self-test [--owner NAME] page.html papers.json

For every li.pub: an id (unique in the page), the venue badge, the title,
the links in order ([paper] [code] [blog], then the rest; a paper link made
from the arXiv id or DOI when none is stored; unsafe URLs dropped), the star
count, the authors in order with the owner in u.pub-me and one <sup>*</sup>
per equal contribution.  Also: every paper of the JSON is in the page, no
<script>, no href outside http/https, the legend iff an equal mark, and no
'{', '}' or backslash in any text a reader sees (LaTeX markup that leaked).
--self-test breaks the page in several ways and expects each to be caught;
a break that does not apply to the page is an error, not a skip.
Exit status 0 when all is well, 1 with one line per problem otherwise.

The expectations are the papers' JSON (export --json: stored values) and
the rules below, written from README.md and docs/robustness.md, not copied
from lib/export/: nothing here reads the C code's tables.  The JSON's "me"
flags are ignored (they come from the code under test): who is the owner
is decided here from --owner by owner_matches().
"""
import html.parser
import json
import re
import sys
import unicodedata
import urllib.parse

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Node or str

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find(self, tag, cls=None):
        return [n for n in self.walk() if n is not self and n.tag == tag
                and (cls is None or cls in n.classes())]


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.problems = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is self.root:
            self.problems.append("stray </%s>" % tag)
            return
        if n is not self.cur:
            self.problems.append("<%s> closed by </%s>" % (self.cur.tag, tag))
        self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def loose(s):
    """Letters and digits only, lower case, accents gone: what a rendered
    title and the stored (already decoded) one must share.  Markup is not
    forgiven here: braces and backslashes are caught by leaked_markup()."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c.lower() for c in s if c.isalnum() and not unicodedata.combining(c))


GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ",
    "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}


def stored_text(s):
    """What a reader should see of a stored value that may still hold LaTeX
    (the JSON keeps $\\alpha$ and unknown macros as typed): a Greek letter
    for its macro, every other command name dropped (its argument stays),
    braces and math shifts gone.  Used on the expected side only; the page
    side may hold no markup at all (leaked_markup)."""
    if s is None:
        return ""
    s = re.sub(r"\\([A-Za-z]+)", lambda m: GREEK.get(m.group(1), ""), s)
    return re.sub(r"[{}$]", "", s)


def words(name):
    """A name's words, folded: lower case, accents and punctuation gone."""
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c.lower() if c.isalnum() else " " for c in s if not unicodedata.combining(c))
    return s.split()


def owner_matches(name, owner):
    """The rule of this test, from README ("the owner underlined"): the
    owner's last word is one of the author's words, and the owner's first
    word, or its initial alone, is another of them ("Xuanlei Zhao",
    "Zhao, Xuanlei", "X. Zhao", "ZHAO Xuanlei"; not "Xiaolong Zhao").  A
    name holding anything but letters, spaces and . , - ' (markup such as
    "Xuanlei <b>Zhao</b>") is no one's name."""
    if not re.fullmatch(r"[^\W\d_]+(?:[ .,'-]+[^\W\d_]*)*", (name or "").strip()):
        return False
    o, a = words(owner), words(name)
    if len(o) < 2 or o[-1] not in a:
        return False
    rest = list(a)
    rest.remove(o[-1])
    return o[0] in rest or o[0][0] in rest


def leaked_markup(text):
    """The characters no rendered title, name or badge shows: BibTeX's
    braces and LaTeX's backslash."""
    return sorted(set(c for c in text if c in "{}\\"))


def url_safe(url):
    """docs/robustness.md: a URL of another scheme than http(s) gives no
    link.  Written here: a link is shown iff its URL starts with http:// or
    https:// (scheme in any case), a host follows, and it holds no control
    character and no space (RFC 3986 has neither).  Quotes do not hide a
    link: the page escapes them (robustness.md, hostile input)."""
    if not isinstance(url, str):
        return False
    if any(ord(c) <= 0x20 or 0x7f <= ord(c) <= 0x9f for c in url):
        return False
    m = re.match(r"(?i)https?://(.)", url)
    return m is not None and m.group(1) not in "/\\"


# What RFC 3986 allows in a URL, '%' for escapes: an id made into a URL
# must be written with these only, and decode back to the id.
URI_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                "-._~:/?#[]@!$&'()*+,;=%")


def id_url_matches(href, prefix, ident):
    return (isinstance(href, str) and href.startswith(prefix)
            and all(c in URI_CHARS for c in href)
            and urllib.parse.unquote(href[len(prefix):]) == ident)


def expected_links(p):
    links = [l for l in (p.get("links") or []) if l.get("kind")]
    out = []
    have_paper = any(l["kind"] == "paper" and url_safe(l.get("url")) for l in links)
    for kind in ("paper", "code", "blog"):
        if kind == "paper" and not have_paper:
            # README: a paper link made from the arXiv id, else the DOI
            if p.get("arxiv"):
                out.append({"kind": "paper", "prefix": "https://arxiv.org/abs/", "id": p["arxiv"]})
            elif p.get("doi"):
                out.append({"kind": "paper", "prefix": "https://doi.org/", "id": p["doi"]})
        out += [l for l in links if l["kind"] == kind and url_safe(l.get("url"))]
    out += [l for l in links if l["kind"] not in ("paper", "code", "blog")
            and url_safe(l.get("url"))]
    return out


def repo_root(url):
    # GitHub's own name rules: owner letters, digits and '-'; name also '.' and '_'
    m = re.match(r"(?i)^https?://(www\.)?github\.com/([a-z0-9-]+)/([a-z0-9._-]+)/?$", url or "")
    return m is not None


def repo_id(url):
    u = url.rstrip("/")
    if u.lower().endswith(".git"):
        u = u[:-4]
    return u.lower()


def expected_venue(p):
    """The badge: the venue; else, for an arXiv paper, the words arXiv and
    its year (README's "arXiv 2024"); else the journal or booktitle."""
    if p.get("venue"):
        return p["venue"]
    if p.get("arxiv"):
        return " ".join(["arXiv"] + ([str(p["year"])] if p.get("year") else []))
    fields = p.get("fields") or {}
    return fields.get("journal") or fields.get("booktitle")


def links_match(got, exp):
    if len(got) != len(exp):
        return False
    for (text, href), l in zip(got, exp):
        if text != "[%s]" % l["kind"]:
            return False
        if "prefix" in l:
            if not id_url_matches(href, l["prefix"], l["id"]):
                return False
        elif href != l["url"]:
            return False
    return True


def parse_authors(div):
    """[(name, me, equal)] from div.pub-authors."""
    authors = []
    cur = {"name": "", "me": False, "equal": False}

    def flush():
        if cur["name"].strip() or cur["me"] or cur["equal"]:
            authors.append((" ".join(cur["name"].split()), cur["me"], cur["equal"]))
        cur.update(name="", me=False, equal=False)

    children = div.children
    # the authors in italics, in the markup: <div class="pub-authors"><em>...</em></div>
    if len(children) == 1 and not isinstance(children[0], str) and children[0].tag == "em":
        children = children[0].children
    for c in children:
        if isinstance(c, str):
            parts = c.split(", ")
            for i, part in enumerate(parts):
                if i > 0:
                    flush()
                cur["name"] += part
        elif c.tag == "u" and "pub-me" in c.classes():
            cur["name"] += c.text()
            cur["me"] = True
        elif c.tag == "sup":
            if c.text() != "*":
                raise ValueError("unexpected <sup>%s</sup>" % c.text())
            cur["equal"] = True
        else:
            cur["name"] += c.text()
    flush()
    return authors


def align(pieces, want):
    """Joins pieces split at a ", " inside a name ("King, Jr.") back
    together, guided by the expected names."""
    out = []
    i = 0
    for w in want:
        if i >= len(pieces):
            break
        name, me, eq = pieces[i]
        i += 1
        while loose(name) != loose(w[0]) and i < len(pieces) and \
                len(loose(name)) < len(loose(w[0])):
            name += ", " + pieces[i][0]
            me, eq = me or pieces[i][1], eq or pieces[i][2]
            i += 1
        out.append((name, me, eq))
    return out + pieces[i:]


def check(page_text, papers, owner=None):
    problems = []
    tb = TreeBuilder()
    tb.feed(page_text)
    tb.close()
    problems += tb.problems
    root = tb.root
    if root.find("script"):
        problems.append("the page holds a <script> element")
    for n in root.walk():
        for attr in ("href", "src"):
            if attr in n.attrs and not url_safe(n.attrs[attr]):
                problems.append("unsafe %s=%r" % (attr, n.attrs[attr]))
        if any(a.lower().startswith("on") for a in n.attrs):
            problems.append("event handler attribute on <%s>" % n.tag)

    by_key = {}
    for p in papers:
        by_key[p["key"]] = p
    ids = set()
    seen_keys = set()
    any_equal = False
    lists = root.find("ul", "pub-list")
    if not lists and papers:
        problems.append("no ul.pub-list")
    for ul in lists:
        shown = set()
        for li in [c for c in ul.children if isinstance(c, Node)]:
            if li.tag != "li" or "pub" not in li.classes():
                problems.append("ul.pub-list holds <%s>" % li.tag)
                continue
            pid = li.attrs.get("id")
            if not pid:
                problems.append("li.pub without id")
                continue
            if pid in ids:
                problems.append("duplicate id %r" % pid)
            ids.add(pid)
            key = li.attrs.get("data-key", pid)
            where = "li#%s" % pid
            for n in li.walk():
                for c in n.children:
                    if isinstance(c, str) and leaked_markup(c):
                        problems.append("%s: markup %s in the text %r" % (
                            where, " ".join(leaked_markup(c)), c.strip()[:80]))
            p = by_key.get(key)
            if p is None:
                problems.append("%s: no paper %r in the JSON" % (where, key))
                continue
            seen_keys.add(key)
            # venue
            venues = li.find("code", "pub-venue")
            want = expected_venue(p)
            if want is None and venues:
                problems.append("%s: venue %r, expected none" % (where, venues[0].text()))
            elif want is not None and (len(venues) != 1 or loose(venues[0].text()) != loose(stored_text(want))):
                problems.append("%s: venue %r, expected %r" % (
                    where, venues[0].text() if venues else None, want))
            # title
            titles = li.find("strong", "pub-title")
            if len(titles) != 1:
                problems.append("%s: %d strong.pub-title" % (where, len(titles)))
            elif loose(titles[0].text()) != loose(stored_text(p.get("title"))):
                problems.append("%s: title %r, expected %r" % (where, titles[0].text(), p.get("title")))
            # links
            spans = li.find("span", "pub-links")
            got = []
            for s in spans:
                got += [(a.text(), a.attrs.get("href")) for a in s.find("a")]
            exp_links = expected_links(p)
            exp = [("[%s]" % l["kind"], l.get("url") or l["prefix"] + l["id"]) for l in exp_links]
            if not links_match(got, exp_links):
                problems.append("%s: links %r, expected %r" % (where, got, exp))
            # stars
            stars = li.find("span", "pub-stars")
            want_stars = None
            for l in expected_links(p):
                if l["kind"] == "code" and isinstance(l.get("stars"), int) and \
                        l["stars"] >= 0 and repo_root(l["url"]):
                    if repo_id(l["url"]) not in shown:
                        shown.add(repo_id(l["url"]))
                        # the mark in the markup: a fragment carries no CSS
                        want_stars = "\u2605 {:,}".format(l["stars"])
                    break
            got_stars = stars[0].text() if stars else None
            if got_stars != want_stars:
                problems.append("%s: stars %r, expected %r" % (where, got_stars, want_stars))
            if stars and stars[0].attrs.get("title") != "GitHub stars":
                problems.append("%s: span.pub-stars without title=\"GitHub stars\"" % where)
            # authors
            divs = li.find("div", "pub-authors")
            want_authors = [(a.get("name"), bool(owner) and owner_matches(a.get("name"), owner),
                             bool(a.get("equal"))) for a in (p.get("authors") or [])]
            any_equal = any_equal or any(a[2] for a in want_authors)
            if not want_authors:
                if divs:
                    problems.append("%s: authors shown for a paper without any" % where)
                continue
            if len(divs) != 1:
                problems.append("%s: %d div.pub-authors" % (where, len(divs)))
                continue
            try:
                got_authors = align(parse_authors(divs[0]), want_authors)
            except ValueError as e:
                problems.append("%s: %s" % (where, e))
                continue
            if len(got_authors) != len(want_authors):
                problems.append("%s: %d authors, expected %d" % (where, len(got_authors), len(want_authors)))
                continue
            for i, (g, w) in enumerate(zip(got_authors, want_authors)):
                if loose(g[0]) != loose(stored_text(w[0])):
                    problems.append("%s: author %d is %r, expected %r" % (where, i + 1, g[0], w[0]))
                if g[1] != w[1]:
                    problems.append("%s: author %d (%s) %s underlined" % (
                        where, i + 1, w[0], "is" if g[1] else "is not"))
                if g[2] != w[2]:
                    problems.append("%s: author %d (%s) %s an equal mark" % (
                        where, i + 1, w[0], "has" if g[2] else "lacks"))
            sups = len(divs[0].find("sup"))
            if sups != sum(1 for a in want_authors if a[2]):
                problems.append("%s: %d <sup>, expected %d" % (
                    where, sups, sum(1 for a in want_authors if a[2])))
    for p in papers:
        if p["key"] not in seen_keys:
            problems.append("paper %r is missing from the page" % p["key"])
    legend = root.find("p", "pub-legend")
    if any_equal and not legend:
        problems.append("equal-contribution marks but no p.pub-legend")
    if not any_equal and legend:
        problems.append("p.pub-legend without any equal-contribution mark")
    return problems


def load_papers(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict):
        data = data.get("papers", [])
    return data


def self_test(page, papers, owner):
    """Each broken variant of a good page must be reported; a break that
    finds nothing to break in this page fails the self-test loudly."""
    if check(page, papers, owner):
        print("self-test: the original page already fails")
        return 1
    mutations = {
        "owner not underlined": (r'<u class="pub-me">([^<]*)</u>', r"\1"),
        "someone else underlined": (r'(<u class="pub-me">[^<]*</u>(?:<sup>\*</sup>)?, )([^,<]+)',
                                    r'\1<u class="pub-me">\2</u>'),
        "equal mark dropped": (r"<sup>\*</sup>", ""),
        "links swapped": (r'(<a href="[^"]*">\[paper\]</a>) (<a href="[^"]*">\[code\]</a>)',
                          r"\2 \1"),
        "paper link to another id": (r'href="https://arxiv.org/abs/(\d)', r'href="https://arxiv.org/abs/9\1'),
        "script injected": (r"</strong>", "</strong><script>x()</script>"),
        "javascript href": (r'href="https://', 'href="javascript:'),
        "id removed": (r'<li class="pub" id="[^"]*"', '<li class="pub"'),
        "stars changed": (r'title="GitHub stars">[^<]*<', 'title="GitHub stars">1<'),
        "title changed": (r'(<strong class="pub-title">)', r"\1Not "),
        "braces leaked": (r'(<strong class="pub-title">[^<]*?)(\w+)', r"\1{\2}"),
        "raw \\emph leaked": (r'(<strong class="pub-title">)([^<]*)', r"\1\\emph{\2}"),
        "badge changed": (r'(<code class="pub-venue">)[^<]*', r"\1NeurIPS 1999"),
        "paper removed": (r'(?s)<li class="pub".*?</li>\n', ""),
        "author reordered": (r'(<div class="pub-authors"><em>(?:<u class="pub-me">)?)([^,<]+)((?:</u>)?(?:<sup>\*</sup>)?, )([^,<]+)',
                             r"\1\4\3\2"),
    }
    failed = 0
    for name, (pat, rep) in mutations.items():
        broken, n = re.subn(pat, rep, page, count=1)
        if n == 0 or broken == page:
            print("self-test: the mutation does not apply to this page: %s" % name)
            failed = 1
        elif not check(broken, papers, owner):
            print("self-test: not detected: %s" % name)
            failed = 1
    return failed


def main(argv):
    args = argv[1:]
    test = "--self-test" in args
    args = [a for a in args if a != "--self-test"]
    owner = None
    if len(args) >= 2 and args[0] == "--owner":
        owner, args = args[1], args[2:]
    if len(args) != 2:
        print("usage: check_html.py [--self-test] [--owner NAME] PAGE.html PAPERS.json", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        page = f.read()
    papers = load_papers(args[1])
    if test:
        return self_test(page, papers, owner)
    problems = check(page, papers, owner)
    for p in problems:
        print("%s: %s" % (args[0], p))
    if not problems:
        print("%s: %d papers ok" % (args[0], len(papers)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
