#!/usr/bin/env python3
"""check_html.py: reads an HTML publication list (pubdb export --html) back
with html.parser and checks it entry by entry against the papers' JSON
(pubdb export --json, DESIGN.md's shape).

    python3 tests/check_html.py page.html papers.json
    python3 tests/check_html.py --self-test page.html papers.json

For every li.pub: an id (unique in the page), the venue badge, the title,
the links in order ([paper] [code] [blog], then the rest; a paper link made
from the arXiv id or DOI when none is stored; unsafe URLs dropped), the star
count, the authors in order with the owner in u.pub-me and one <sup>*</sup>
per equal contribution.  Also: every paper of the JSON is in the page, no
<script>, no href outside http/https/mailto, the legend iff an equal mark.
--self-test breaks the page in several ways and expects each to be caught.
Exit status 0 when all is well, 1 with one line per problem otherwise.
"""
import html.parser
import json
import re
import sys
import unicodedata

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


GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ",
    "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
}
FORMAT = re.compile(r"\\(emph|textit|textbf|texttt|textsc|textrm|textsf|textup|"
                    r"textnormal|text|mbox|mathrm|mathbf|mathit|mathcal|mathbb|"
                    r"em|it|bf|tt|sc|rm|sf)(?![A-Za-z])")


def loose(s):
    """Letters and digits only, lower case, accents and LaTeX markup gone:
    what a rendered title and the stored one must share."""
    if s is None:
        return ""
    s = FORMAT.sub("", s)
    s = re.sub(r"\\([A-Za-z]+)", lambda m: GREEK.get(m.group(1), m.group(1)), s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c.lower() for c in s if c.isalnum() and not unicodedata.combining(c))


def url_safe(url):
    if not isinstance(url, str) or any(ord(c) <= 0x20 or ord(c) == 0x7f for c in url):
        return False
    low = url.lower()
    for scheme in ("http://", "https://"):
        if low.startswith(scheme):
            rest = url[len(scheme):]
            return rest != "" and rest[0] not in "/\\"
    return low.startswith("mailto:") and len(url) > 7


def id_url(prefix, ident):
    safe = "-._~/:;()!$*+,=@"
    out = []
    for b in ident.encode("utf-8"):
        c = chr(b)
        out.append(c if (c.isascii() and c.isalnum()) or c in safe else "%%%02X" % b)
    return prefix + "".join(out)


def expected_links(p):
    links = [l for l in (p.get("links") or []) if l.get("kind")]
    out = []
    have_paper = any(l["kind"] == "paper" and url_safe(l.get("url")) for l in links)
    for kind in ("paper", "code", "blog"):
        if kind == "paper" and not have_paper:
            url = None
            if p.get("arxiv"):
                url = id_url("https://arxiv.org/abs/", p["arxiv"])
            elif p.get("doi"):
                url = id_url("https://doi.org/", p["doi"])
            if url and url_safe(url):
                out.append({"kind": "paper", "url": url})
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
    if p.get("venue"):
        return p["venue"]
    if p.get("arxiv"):
        return "arXiv %d" % p["year"] if p.get("year") else "arXiv"
    fields = p.get("fields") or {}
    return fields.get("journal") or fields.get("booktitle")


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


def check(page_text, papers):
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
            elif want is not None and (len(venues) != 1 or loose(venues[0].text()) != loose(want)):
                problems.append("%s: venue %r, expected %r" % (
                    where, venues[0].text() if venues else None, want))
            # title
            titles = li.find("strong", "pub-title")
            if len(titles) != 1:
                problems.append("%s: %d strong.pub-title" % (where, len(titles)))
            elif loose(titles[0].text()) != loose(p.get("title")):
                problems.append("%s: title %r, expected %r" % (where, titles[0].text(), p.get("title")))
            # links
            spans = li.find("span", "pub-links")
            got = []
            for s in spans:
                got += [(a.text(), a.attrs.get("href")) for a in s.find("a")]
            exp = [("[%s]" % l["kind"], l["url"]) for l in expected_links(p)]
            if got != exp:
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
            want_authors = [(a.get("name"), bool(a.get("me")), bool(a.get("equal")))
                            for a in (p.get("authors") or [])]
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
                if loose(g[0]) != loose(w[0]):
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


def self_test(page, papers):
    """Each broken variant of a good page must be reported."""
    if check(page, papers):
        print("self-test: the original page already fails")
        return 1
    mutations = {
        "owner not underlined": (r'<u class="pub-me">([^<]*)</u>', r"\1", 1),
        "equal mark dropped": (r"<sup>\*</sup>", "", 1),
        "links swapped": (r'(<a href="[^"]*">\[paper\]</a>) (<a href="[^"]*">\[code\]</a>)',
                          r"\2 \1", 1),
        "script injected": (r"</strong>", "</strong><script>x()</script>", 1),
        "javascript href": (r'href="https://', 'href="javascript:', 1),
        "id removed": (r'<li class="pub" id="[^"]*"', '<li class="pub"', 1),
        "stars changed": (r'title="GitHub stars">[^<]*<', 'title="GitHub stars">1<', 1),
        "title changed": (r'(<strong class="pub-title">)', r"\1Not ", 1),
        "paper removed": (r'(?s)<li class="pub".*?</li>\n', "", 1),
        "author reordered": (r'(<div class="pub-authors">)([^,<]*), ([^,<]*),',
                             r"\1\3, \2,", 1),
    }
    failed = 0
    for name, (pat, rep, count) in mutations.items():
        broken = re.sub(pat, rep, page, count=count)
        if broken == page:
            continue  # this page has nothing to break that way
        if not check(broken, papers):
            print("self-test: not detected: %s" % name)
            failed = 1
    return failed


def main(argv):
    args = [a for a in argv[1:] if a != "--self-test"]
    if len(args) != 2:
        print("usage: check_html.py [--self-test] PAGE.html PAPERS.json", file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        page = f.read()
    papers = load_papers(args[1])
    if "--self-test" in argv:
        return self_test(page, papers)
    problems = check(page, papers)
    for p in problems:
        print("%s: %s" % (args[0], p))
    if not problems:
        print("%s: %d papers ok" % (args[0], len(papers)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
