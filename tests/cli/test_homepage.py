"""test_homepage.py: the homepage keeps itself (issue 14).  The example
page (fixtures/homepage/example-homepage.md, an acad-homepage page) with its
publication and project sections replaced by empty regions
(fixtures/homepage/about.md) is filled by `pubdb export --style
acad-homepage --into` from the database .ci/demo builds
(tests/tools/demo_commands.sh, through the replay server), and both pages go
through a real `jekyll build` (kramdown, configured as acad-homepage's
_config.yml is): the rendered HTML must hold the same entries.  Also: the
region writer leaves every other byte alone, writes nothing when nothing
changed, refuses broken markers without touching the file, keeps modes and
symlinks; repo edit; the pubdb style without its stylesheet."""
import html.parser
import os
import re
import stat
import subprocess
import tempfile
import time
import unittest

import needs
from pubtest import FIXTURES, PubTestCase, ReplayTestCase, Replay, demo_database

PAGE = os.path.join(FIXTURES, "homepage", "example-homepage.md")
REGIONED = os.path.join(FIXTURES, "homepage", "about.md")
TAGS = ["📽️ Efficient Video Generation", "🧹 Efficient Memory Cost",
        "🔬 Efficient AI for Science"]
PUBS = ["export", "--style", "acad-homepage", "--selected"] + \
    [a for t in TAGS for a in ("--tag", t)]
PROJECTS = ["export", "--style", "acad-homepage", "--repos"]

# acad-homepage's _config.yml, the parts that shape the page's HTML
JEKYLL_CONFIG = """markdown: kramdown
include: [_pages]
kramdown:
  input: GFM
  hard_wrap: false
  auto_ids: true
  footnote_nr: 1
  entity_output: as_char
  toc_levels: 1..6
  smart_quotes: lsquo,rsquo,ldquo,rdquo
  enable_coderay: false
"""


def slurp(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
        return f.read()


def demojibake(s):
    """The example page's emoji went through Mac Roman once ('üìΩÔ∏è' for
    '📽️'); undo that where it applies, leave other text alone."""
    try:
        return s.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def regioned(text):
    """The example page with its two sections replaced by empty regions."""
    lines = text.split("\n")
    i = next(k for k, l in enumerate(lines) if "Selected Publications" in l)
    j = max(k for k, l in enumerate(lines) if l == "</ul>")
    lines[i + 1:j + 1] = ["<!-- pubdb:publications -->", "<!-- /pubdb:publications -->"]
    i = next(k for k, l in enumerate(lines) if "Open-Source Projects" in l)
    end = next(k for k in range(i + 1, len(lines)) if lines[k].startswith("# "))
    items = [k for k in range(i + 1, end) if lines[k].startswith("- **")]
    lines[items[0]:items[-1] + 1] = ["<!-- pubdb:projects -->", "<!-- /pubdb:projects -->"]
    return "\n".join(lines)


class Entries(html.parser.HTMLParser):
    """The rendered page as entries: groups (h2) of papers (li with a
    venue code, a title, links, a star badge, authors with the owner and
    equal marks) and the project list after the Open-Source Projects h1."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.groups, self.projects = [], []
        self.stack, self.text = [], None
        self.h1 = ""
        self.paper = self.project = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append(tag)
        if tag in ("h1", "h2"):
            self.text = ""
        elif tag == "li" and "Projects" in self.h1:
            self.project = {"text": "", "links": [], "stars": []}
        elif tag == "li" and self.groups and "Publications" in self.h1:
            self.paper = {"venue": "", "title": "", "links": [], "stars": [],
                          "authors": [], "owner": [], "equal": []}
            self.author = ""
        elif tag == "img":
            target = self.paper or self.project
            if target is not None:
                target["stars"].append(a.get("src"))
        elif tag == "span" and "pub-stars" in (a.get("class") or ""):
            target = self.paper or self.project
            if target is not None:
                target["stars"].append("static")
        elif tag == "a":
            target = self.paper or self.project
            if target is not None:
                target["links"].append([a.get("href"), ""])

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
        if tag == "h1":
            self.h1 = demojibake(self.text.strip())
            self.text = None
        elif tag == "h2":
            if "Publications" in self.h1:
                self.groups.append((demojibake(self.text.strip()), []))
            self.text = None
        elif tag == "li" and self.paper is not None:
            if self.author.strip():
                self.paper["authors"].append(self.author.strip())
            self.groups[-1][1].append(self.paper)
            self.paper = None
        elif tag == "li" and self.project is not None:
            self.project["text"] = " ".join(self.project["text"].split())
            self.projects.append(self.project)
            self.project = None
        elif tag == "sup" and self.paper is not None and "i" in self.stack:
            self.paper["equal"].append(self.author.strip())

    def handle_data(self, data):
        if self.text is not None:
            self.text += data
        p = self.paper
        if p is not None:
            if "code" in self.stack:
                p["venue"] += data
            elif "strong" in self.stack:
                p["title"] += data
            elif "a" in self.stack:
                p["links"][-1][1] += data.strip()
            elif "i" in self.stack and "sup" not in self.stack:
                if "u" in self.stack:
                    p["owner"].append(data)
                parts = data.split(",")
                self.author += parts[0]
                for part in parts[1:]:
                    p["authors"].append(self.author.strip())
                    self.author = part
        elif self.project is not None:
            if "a" in self.stack:
                self.project["links"][-1][1] += data
            self.project["text"] += data


def entries(html_text):
    e = Entries()
    e.feed(html_text)
    e.close()
    return e


def jekyll_build(page_text, workdir):
    """Builds a one-page site with the page as _pages/about.md (as
    acad-homepage keeps it) and returns the rendered index.html."""
    jekyll, pkg = needs.find("jekyll")
    if not jekyll:  # always a failure: the page's own build is the check
        raise AssertionError(needs.message("jekyll", pkg))
    os.makedirs(os.path.join(workdir, "_pages"))
    with open(os.path.join(workdir, "_config.yml"), "w") as f:
        f.write(JEKYLL_CONFIG)
    with open(os.path.join(workdir, "_pages", "about.md"), "w", encoding="utf-8") as f:
        f.write(page_text)
    p = subprocess.run([jekyll, "build", "--safe", "-q", "-s", workdir,
                        "-d", os.path.join(workdir, "_site")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300,
                       env=dict(os.environ, JEKYLL_ENV="production", LC_ALL="C.UTF-8"))
    if p.returncode != 0:
        raise AssertionError("jekyll build failed: %s" % p.stderr.decode(errors="replace"))
    with open(os.path.join(workdir, "_site", "index.html"), encoding="utf-8") as f:
        return f.read()


class HomepageTest(PubTestCase):
    @classmethod
    def setUpClass(cls):
        cls.dbtmp = tempfile.TemporaryDirectory()
        cls.srv = Replay(cls.dbtmp.name)
        cls.demo_db, cls.env = demo_database(cls.dbtmp.name, cls.srv.url)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.dbtmp.cleanup()

    def setUp(self):
        super().setUp()
        self.db = self.demo_db

    def fill(self, path, *extra, q=False):
        pre = ["-q"] if q else []
        a = self.pub(*pre, *PUBS, *extra, "--into", path, "--region", "publications")
        b = self.pub(*pre, *PROJECTS, *extra, "--into", path, "--region", "projects")
        return a, b

    def filled_page(self):
        path = self.write("about.md", regioned(slurp(PAGE)))
        a, b = self.fill(path)
        self.assertEqual((a.code, b.code), (0, 0), (a, b))
        return path

    # ---- the "Done when" of issue 14 ----
    def test_regioned_fixture_is_the_example_page_with_empty_regions(self):
        with open(PAGE, encoding="utf-8") as f, open(REGIONED, encoding="utf-8") as g:
            self.assertEqual(regioned(f.read()), g.read())

    def test_jekyll_renders_the_same_entries(self):
        path = self.filled_page()
        with open(PAGE, encoding="utf-8") as f:
            hand = jekyll_build(f.read(), os.path.join(self.dir, "hand"))
        with open(path, encoding="utf-8") as f:
            ours = jekyll_build(f.read(), os.path.join(self.dir, "ours"))
        h, o = entries(hand), entries(ours)
        # the parse found what the page has, so equality below means something
        self.assertEqual([g for g, _ in h.groups], TAGS)
        self.assertEqual([len(p) for _, p in h.groups], [2, 2, 1])
        self.assertEqual(len(h.projects), 3)
        pab = h.groups[0][1][0]
        self.assertEqual(pab["venue"], "ICLR 2025")
        self.assertEqual(pab["equal"], ["Xuanlei Zhao", "Xiaolong Jin", "Kai Wang"])
        self.assertEqual(pab["owner"], ["Xuanlei Zhao"])
        self.assertEqual(len(pab["links"]), 3)
        self.assertEqual(len(pab["stars"]), 1)
        self.assertEqual(h.groups[0][1][1]["stars"], [])
        for (hg, hp), (og, op) in zip(h.groups, o.groups):
            self.assertEqual(hg, og)
            for a, b in zip(hp, op):
                self.assertEqual(a, b)
            self.assertEqual(len(hp), len(op))
        self.assertEqual(len(h.groups), len(o.groups))
        self.assertEqual(h.projects, o.projects)
        # and the whole document: only the marker comments (with the
        # blank lines around them) and the headings' mis-encoded emoji differ
        strip = re.compile(r"<!-- /?pubdb:[a-z]+ -->")
        blank = re.compile(r"\n\s*\n")
        self.assertEqual(blank.sub("\n", demojibake_all(hand)),
                         blank.sub("\n", demojibake_all(strip.sub("", ours))))

    def test_second_run_leaves_the_page_untouched(self):
        path = self.filled_page()
        before = slurp(path, "rb")
        old = time.time() - 3600
        os.utime(path, (old, old))
        mtime = os.stat(path).st_mtime_ns
        a, b = self.fill(path, q=True)
        self.assertEqual((a.code, b.code, a.err, b.err, a.out, b.out), (0, 0, "", "", "", ""))
        a, b = self.fill(path)
        self.assertEqual((a.code, b.code, a.err, b.err), (0, 0, "", ""))
        self.assertEqual(os.stat(path).st_mtime_ns, mtime)
        self.assertEqual(slurp(path, "rb"), before)

    def test_static_stars_write_the_stored_count(self):
        r = self.ok(*PROJECTS, "--static-stars")
        self.assertNotIn("shields.io", r.out)
        self.assertIn("**[Colossal-AI](https://github.com/hpcaitech/ColossalAI)**", r.out)
        self.assertRegex(r.out, r"\u2605 [0-9]{2},[0-9]{3}</span>")
        r = self.ok(*PUBS, "--static-stars")
        self.assertEqual(r.out.count("\u2605"), 2)
        self.assertNotIn("shields.io", r.out)


def demojibake_all(html_text):
    """Headings without their ids (kramdown makes them from the text) and
    with their emoji repaired."""
    html_text = re.sub(r'<(h[1-6]) id="[^"]*">', r"<\1>", html_text)
    return re.sub(r"(?<=<h[1-6]>)[^<]*", lambda m: demojibake(m.group(0)), html_text)


class RegionTest(PubTestCase):
    """The region writer on odd pages, with a small database."""

    BIB = "@article{a2024x,\n  title = {Paper X},\n  author = {Doe, Jane},\n  year = {2024},\n}\n"

    def setUp(self):
        super().setUp()
        self.ok("add", self.write("x.bib", self.BIB))

    def into(self, path, *extra, region="r", fmt="--markdown"):
        return self.pub("export", fmt, *extra, "--into", path, "--region", region)

    def fragment(self):
        return self.ok("export", "--markdown").out

    def test_bytes_outside_the_region_never_change(self):
        before = b"\xef\xbb\xbf# T\xc3\xa9st\r\n  <!--   pubdb:r   -->  \r\nold\r\n\r\n" \
                 b"\t<!-- /pubdb:r -->\r\n<!-- pubdb:other -->\r\nkeep\r\n" \
                 b"<!-- /pubdb:other -->\r\ntail \x00\xff no newline"
        path = os.path.join(self.dir, "page.md")
        with open(path, "wb") as f:
            f.write(before)
        r = self.into(path)
        self.assertEqual(r.code, 0, r)
        self.assertRegex(r.err, r"page\.md: region 'r' \(line 2\) rewritten")
        after = slurp(path, "rb")
        head = before[:before.index(b"-->  \r\n") + 7]
        tail = before[before.index(b"\t<!-- /pubdb:r"):]
        self.assertTrue(after.startswith(head))
        self.assertTrue(after.endswith(tail))
        body = after[len(head):len(after) - len(tail)]
        frag = self.fragment().encode()
        self.assertEqual(body, frag.replace(b"\n", b"\r\n"))
        self.assertNotIn(b"\n", body.replace(b"\r\n", b""))

    def test_mode_and_symlink_are_kept(self):
        real = self.write("real.md", "a\n<!-- pubdb:r -->\n<!-- /pubdb:r -->\nb")
        os.chmod(real, 0o640)
        link = os.path.join(self.dir, "link.md")
        os.symlink("real.md", link)
        self.assertEqual(self.into(link).code, 0)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(stat.S_IMODE(os.stat(real).st_mode), 0o640)
        text = slurp(real)
        self.assertTrue(text.startswith("a\n<!-- pubdb:r -->\n") and text.endswith(
            "<!-- /pubdb:r -->\nb"), text)
        self.assertIn("Paper X", text)
        self.assertEqual(sorted(os.listdir(self.dir)),
                         sorted(["link.md", "real.md", "x.bib", "pub.sqlite3"]))

    def test_broken_markers_are_refused_and_nothing_is_written(self):
        cases = {
            "missing": ("a\nb\n", "page.md: no region 'r'"),
            "unclosed": ("a\n<!-- pubdb:r -->\nb\n", "page.md:2: region 'r' is never closed"),
            "lone close": ("<!-- /pubdb:r -->\n", "page.md:1: <!-- /pubdb:r --> closes no"),
            "nested": ("<!-- pubdb:r -->\n<!-- pubdb:s -->\n<!-- /pubdb:s -->\n"
                       "<!-- /pubdb:r -->\n", "page.md:2: region 's' opens inside region 'r'"),
            "crossed": ("<!-- pubdb:s -->\n<!-- /pubdb:r -->\n",
                        "page.md:2: <!-- /pubdb:r --> closes region 's'"),
            "twice": ("<!-- pubdb:r -->\n<!-- /pubdb:r -->\n<!-- pubdb:r -->\n"
                      "<!-- /pubdb:r -->\n", "page.md:3: region 'r' opens a second time"),
            "other unclosed": ("<!-- pubdb:r -->\n<!-- /pubdb:r -->\n<!-- pubdb:s -->\n",
                               "page.md:3: region 's' is never closed"),
        }
        for name, (text, msg) in cases.items():
            with self.subTest(name):
                path = self.write("page.md", text)
                old = time.time() - 3600
                os.utime(path, (old, old))
                mtime = os.stat(path).st_mtime_ns
                r = self.into(path)
                self.assertEqual(r.code, 1, r)
                self.assertIn(msg, r.err)
                self.assertEqual(len(r.err.strip().splitlines()), 1, r.err)
                self.assertEqual(slurp(path), text)
                self.assertEqual(os.stat(path).st_mtime_ns, mtime)
                self.assertEqual(sorted(os.listdir(self.dir)),
                                 ["page.md", "pub.sqlite3", "x.bib"])
        r = self.into(os.path.join(self.dir, "none.md"))
        self.assertEqual(r.code, 1, r)
        self.assertIn("none.md", r.err)

    def test_usage_errors(self):
        path = self.write("page.md", "<!-- pubdb:r -->\n<!-- /pubdb:r -->\n")
        for args in (["--markdown", "-o", path, "--into", path, "--region", "r"],
                     ["--markdown", "--into", path],
                     ["--markdown", "--region", "r"],
                     ["--html", "--style", "acad-homepage"],
                     ["--markdown", "--static-stars"],
                     ["--style", "nope"]):
            with self.subTest(args=args):
                r = self.pub("export", *args)
                self.assertEqual(r.code, 2, r)
        self.assertEqual(slurp(path), "<!-- pubdb:r -->\n<!-- /pubdb:r -->\n")
        r = self.pub("export", "--markdown", "--into", path, "--region", "no good")
        self.assertEqual(r.code, 2, r)
        self.assertIn("'no good' cannot name a region", r.err)

    def test_help_says_how_to_mark_a_region(self):
        r = self.ok("export", "--help")
        self.assertIn("<!-- pubdb:NAME -->", r.out)
        self.assertIn("<!-- /pubdb:NAME -->", r.out)

    def test_pubdb_style_looks_right_without_a_stylesheet(self):
        self.ok("edit", "a2024x", "venue=ICLR 2025")
        self.ok("link", "a2024x", "code", "https://github.com/hpcaitech/FastFold")
        self.ok("repo", "edit", "hpcaitech/FastFold", "name=FF")
        with self.db_stars(1234):
            out = self.ok("export", "--html").out
        # the star mark and the italics are in the markup itself
        self.assertIn("\u2605 1,234</span>", out)
        self.assertRegex(out, r'<div class="pub-authors"><em>.*</em></div>')
        self.assertNotIn("<style", out)
        for cls in ("pub-list", "pub-venue", "pub-title", "pub-links", "pub-stars",
                    "pub-authors"):
            self.assertIn('class="%s"' % cls, out)

    def db_stars(self, n):
        import contextlib
        import sqlite3

        @contextlib.contextmanager
        def cm():
            con = sqlite3.connect(self.db)
            con.execute("UPDATE repos SET stars = ?", (n,))
            con.commit()
            con.close()
            yield
        return cm()


class RepoEditTest(ReplayTestCase):
    def test_overrides_survive_refresh_and_show_everywhere(self):
        import json
        env = {"PUBDB_GITHUB_URL": self.srv.url, "GITHUB_TOKEN": "", "PUB_HTTP_BACKOFF_MS": "10"}
        self.ok("repo", "add", "https://github.com/hpcaitech/ColossalAI")
        self.ok("repo", "edit", "hpcaitech/ColossalAI", "name=Colossal-AI",
                "description=Our words")
        self.ok("refresh", "--stars", env=env)
        lst = self.ok("repo", "list").out
        self.assertIn("Colossal-AI: Our words [GitHub: ColossalAI: Making large AI", lst)
        md = self.ok("export", "--markdown", "--repos").out
        self.assertIn("[Colossal-AI](https://github.com/hpcaitech/ColossalAI)**: Our words", md)
        self.assertIn(">Colossal-AI<", self.ok("export", "--html", "--repos").out)
        js = json.loads(self.ok("stars", "--json").out)[0]
        self.assertEqual((js["display_name"], js["display_description"]),
                         ("Colossal-AI", "Our words"))
        self.assertEqual(js["description"],
                         "Making large AI models cheaper, faster and more accessible")
        # name= empty clears it; the description stays
        self.ok("repo", "edit", "hpcaitech/ColossalAI", "name=")
        js = json.loads(self.ok("stars", "--json").out)[0]
        self.assertEqual((js["display_name"], js["display_description"]), (None, "Our words"))
        self.assertIn("[ColossalAI]", self.ok("export", "--markdown", "--repos").out)
        r = self.pub("repo", "edit", "no/such", "name=x")
        self.assertEqual(r.code, 1, r)
        r = self.pub("repo", "edit", "hpcaitech/ColossalAI", "stars=3")
        self.assertEqual(r.code, 2, r)


class TagRenameTest(PubTestCase):
    def test_rename_and_merge(self):
        self.ok("add", self.write("x.bib", "@misc{a1,title={A},year={2020}}\n"
                                  "@misc{b1,title={B},year={2020}}\n"))
        self.ok("tag", "a1", "+Video")
        self.ok("tag", "b1", "+Memory")
        self.ok("tag", "--rename", "video", "📽️ Video")
        self.assertEqual(self.paper("a1")["tags"], ["📽️ Video"])
        self.ok("tag", "--rename", "Memory", "📽️ video")  # merges, new spelling wins
        self.assertEqual(self.paper("b1")["tags"], ["📽️ video"])
        self.assertEqual(self.paper("a1")["tags"], ["📽️ video"])
        self.assertEqual(self.pub("tag", "--rename", "nope", "x").code, 1)
        self.assertEqual(self.pub("tag", "--rename", "only-one").code, 2)


if __name__ == "__main__":
    unittest.main()
