"""test_export.py: the example homepage end to end.  Builds the database the
way a user would (add arxiv:/doi: against the replay server, tag, edit,
link, repo add, refresh --stars), then checks every export format with
independent readers: the HTML parsed back by tests/check_html.py against
`export --json` and against example-homepage.md's structure; the BibTeX by
pybtex (Debian's python3-pybtex; values in test_bibtex_values.py); the CSL-JSON rendered by
pandoc --citeproc and read back by pandoc for its values; the standalone page by headless Chromium (DOM dump and a
screenshot in the build folder).  Hostile input: XSS in titles, names and
URLs."""
import html
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

from needs import need
from pubtest import PubTestCase, Replay, run

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK_HTML = os.path.join(HERE, "..", "check_html.py")
GROUPS = ["Efficient Video Generation", "Efficient Memory Cost", "Efficient AI for Science"]
ARTIFACTS = os.environ.get("PUB_ARTIFACTS", tempfile.gettempdir())

# (key, group, venue, equal positions, links) as on example-homepage.md
HOMEPAGE = [
    ("zhao2024realtime", 0, "ICLR 2025", "1,2,3",
     [("code", "https://github.com/NUS-HPC-AI-Lab/VideoSys"), ("blog", "https://oahzxl.github.io/PAB/")]),
    ("zhao2024dsp", 0, "ICML 2025", "", [("code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")]),
    ("zhao2024autochunk", 1, "ICLR 2024", "",
     [("code", "https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk")]),
    ("zhao2024hetegen", 1, "MLSys 2024", "1,2,3", []),
    ("cheng2024fastfold", 2, "PPoPP 2024", "",
     [("paper", "https://dl.acm.org/doi/10.1145/3627535.3638465"), ("code", "https://github.com/hpcaitech/FastFold")]),
]
REPOS = ["https://github.com/NUS-HPC-AI-Lab/VideoSys", "https://github.com/hpcaitech/ColossalAI",
         "https://github.com/hpcaitech/FastFold"]

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


class Homepage(PubTestCase):
    @classmethod
    def setUpClass(cls):
        cls.ctmp = tempfile.TemporaryDirectory()
        cls.server = Replay(cls.ctmp.name)
        cls.cdb = os.path.join(cls.ctmp.name, "homepage.sqlite3")
        cls.env = {"PUBDB_ARXIV_URL": cls.server.url, "PUBDB_DOI_URL": cls.server.url,
                   "PUBDB_CROSSREF_URL": cls.server.url, "PUBDB_GITHUB_URL": cls.server.url,
                   "PUB_ARXIV_INTERVAL_MS": "100"}

        def must(*args):
            r = run(*args, db=cls.cdb, env=cls.env)
            if r.code != 0:
                raise AssertionError("%s: %r" % (" ".join(args), r))
            return r

        must("config", "set", "owner", "Xuanlei Zhao")
        must("add", "arxiv:2408.12588", "arxiv:2403.10266", "arxiv:2401.10652", "arxiv:2403.01164")
        must("add", "doi:10.1145/3627535.3638465")
        for key, group, venue, equal, links in HOMEPAGE:
            must("tag", key, "+" + GROUPS[group])
            edits = ["venue=" + venue, "selected=1"] + (["equal=" + equal] if equal else [])
            must("edit", key, *edits)
            for kind, url in links:
                must("link", key, kind, url)
        for url in REPOS:
            must("repo", "add", url)
        must("refresh", "--stars")
        cls.tag_args = sum((["--tag", g] for g in GROUPS), [])

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.ctmp.cleanup()

    def export(self, *args):
        r = run("export", *args, db=self.cdb, env=self.env)
        self.assertEqual(r.code, 0, r)
        return r.out

    def save(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def test_html_matches_database_and_homepage(self):
        page = self.save("pubs.html", self.export("--html", "--selected", *self.tag_args))
        papers = self.save("pubs.json", self.export("--json", "--selected"))
        r = subprocess.run([sys.executable, CHECK_HTML, "--owner", "Xuanlei Zhao", page, papers], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

        # Group order is the order of --tag; papers sit in their groups, newest first.
        class Walk(html.parser.HTMLParser):
            def __init__(self):
                super().__init__()
                self.groups, self.stack = [], []

            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                self.stack.append(tag)
                if tag == "h2" and "pub-group" in (a.get("class") or ""):
                    self.groups.append(["", []])
                    self.in_h2 = True
                if tag == "li" and "pub" in (a.get("class") or "").split():
                    self.groups[-1][1].append(a.get("id"))

            def handle_endtag(self, tag):
                if self.stack:
                    self.stack.pop()
                self.in_h2 = False

            def handle_data(self, data):
                if getattr(self, "in_h2", False):
                    self.groups[-1][0] += data

        w = Walk()
        w.feed(open(page, encoding="utf-8").read())
        self.assertEqual([g for g, _ in w.groups], GROUPS)
        self.assertEqual([ids for _, ids in w.groups],
                         [["zhao2024realtime", "zhao2024dsp"], ["zhao2024autochunk", "zhao2024hetegen"],
                          ["cheng2024fastfold"]])
        text = open(page, encoding="utf-8").read()
        self.assertIn('<code class="pub-venue">ICLR 2025</code>', text)
        self.assertIn('<u class="pub-me">Xuanlei Zhao</u><sup>*</sup>, Xiaolong Jin<sup>*</sup>, '
                      'Kai Wang<sup>*</sup>, Yang You', text)
        self.assertIn('title="GitHub stars"', text)

    def test_markdown_and_repos(self):
        md = self.export("--markdown", "--selected", *self.tag_args)
        self.assertEqual([l[3:] for l in md.splitlines() if l.startswith("## ")], GROUPS)
        self.assertIn("`ICLR 2025` **Real-Time Video Generation with Pyramid Attention Broadcast**", md)
        self.assertIn("<u>Xuanlei Zhao</u>\\*", md)
        repos = self.export("--markdown", "--repos")
        names = [l.split("**[")[1].split("]")[0] for l in repos.splitlines() if l.startswith("- **[")]
        self.assertEqual(names, ["VideoSys", "ColossalAI", "FastFold"])  # as added, like the homepage
        self.assertIn("<ul class=\"pub-repos\">", self.export("--html", "--repos"))

    def test_jekyll_files(self):
        out = os.path.join(self.dir, "_publications")
        r = run("export", "--markdown", "--jekyll", out, db=self.cdb)
        self.assertEqual(r.code, 0, r)
        files = sorted(os.listdir(out))
        self.assertEqual(len(files), 5)
        text = open(os.path.join(out, [f for f in files if "realtime" in f][0]), encoding="utf-8").read()
        self.assertTrue(text.startswith("---\n"))
        for key in ("title:", "collection: publications", "permalink:", "date:", "venue:", "paperurl:",
                    "citation:"):
            self.assertIn(key, text)

    def test_bibtex_read_by_an_independent_parser(self):
        bib = self.save("pubs.bib", self.export("--bibtex"))
        ours = {p["key"]: p for p in json.loads(self.export("--json"))}
        py = need(self, "pybtex")
        code = ("import json,sys\nfrom pybtex.database import parse_file\n"
                "d = parse_file(sys.argv[1], bib_format='bibtex')\n"
                "print(json.dumps({k: {'type': e.type, 'fields': {f.lower(): v for f, v in e.fields.items()},"
                " 'authors': [str(p) for p in e.persons.get('author', [])]} for k, e in d.entries.items()}))")
        r = subprocess.run([py, "-c", code, bib], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        theirs = json.loads(r.stdout)
        self.assertEqual(sorted(theirs), sorted(ours))
        for key, e in theirs.items():
            # a preprint with a venue badge goes out as the published entry
            published = ours[key]["type"] in ("misc", "article") and \
                "eprint" in ours[key]["fields"]
            self.assertEqual(e["type"].lower(),
                             "inproceedings" if published else ours[key]["type"], key)
            self.assertEqual(len(e["authors"]), len(ours[key]["authors"]), key)
            for name, value in ours[key]["fields"].items():
                if published and name in ("month", "journal"):
                    continue  # the preprint's, not the publication's
                self.assertIn(name, e["fields"], (key, name))
            if published:
                venue = ours[key]["venue"]
                self.assertEqual(e["fields"]["booktitle"], venue.rsplit(" ", 1)[0], key)
                self.assertEqual(e["fields"]["year"], venue.rsplit(" ", 1)[1], key)
                self.assertEqual(e["fields"]["eprint"], ours[key]["arxiv"], key)
                self.assertEqual(e["fields"]["pubdb-venue"], venue, key)

    def test_bibtex_is_a_backup(self):
        """export --bibtex, then add into a new database: the same papers,
        links, tags, marks and venues (star counts come from refresh)."""
        bib = self.save("backup.bib", self.export("--bibtex"))
        fresh = os.path.join(self.dir, "fresh.sqlite3")
        self.assertEqual(run("config", "set", "owner", "Xuanlei Zhao", db=fresh).code, 0)
        r = run("add", bib, db=fresh)
        self.assertEqual(r.code, 0, r)

        def papers(db):
            r = run("export", "--json", db=db)
            self.assertEqual(r.code, 0, r)
            out = json.loads(r.out)
            for p in out:
                for link in p["links"]:
                    link.pop("stars", None)
                    link.pop("source", None)  # who found a link: not in BibTeX
            return out
        self.assertEqual(papers(fresh), papers(self.cdb))
        r = run("export", "--bibtex", db=fresh)
        self.assertEqual(r.out, self.export("--bibtex"))

    def test_bibtex_plain_leaves_out_pubdb_fields(self):
        full, plain = self.export("--bibtex"), self.export("--bibtex", "--plain")
        self.assertIn("pubdb-links = {", full)
        self.assertIn("pubdb-tags = {Efficient Video Generation}", full)
        self.assertIn("pubdb-equal = {1,2,3}", full)
        self.assertIn("pubdb-selected = {1}", full)
        self.assertNotIn("pubdb-", plain)
        self.assertIn("@inproceedings{zhao2024realtime,", plain)
        self.assertIn("booktitle = {ICLR}", plain)

    def test_bibtex_read_by_bibtex(self):
        """bibtex(1) accepts the export and reads the published entry."""
        bib = self.export("--bibtex")
        got = bibtex_fields(self, bib, ["booktitle", "journal", "year", "eprint",
                                        "archiveprefix"])
        self.assertEqual(got["zhao2024realtime"], {
            "type": "inproceedings", "booktitle": "ICLR", "year": "2025",
            "eprint": "2408.12588", "archiveprefix": "arXiv"})
        self.assertEqual(got["zhao2024dsp"]["booktitle"], "ICML")
        self.assertEqual(got["zhao2024dsp"]["year"], "2025")
        self.assertEqual(got["zhao2024hetegen"]["booktitle"], "MLSys")

    def test_group_by_year_uses_the_venue_year(self):
        md = self.export("--markdown", "--group-by", "year")
        self.assertLess(md.index("## 2025"), md.index("Real-Time Video Generation"))
        self.assertLess(md.index("Real-Time Video Generation"), md.index("## 2024"))

    def test_biblatex_arxiv_as_eprint(self):
        out = self.export("--biblatex")
        entry = out[out.index("{zhao2024realtime,"):]
        entry = entry[:entry.index("\n}")]
        self.assertIn("eprint = {2408.12588}", entry)
        self.assertIn("eprinttype = {arxiv}", entry)
        self.assertIn("eprintclass = {", entry)
        self.assertNotIn("archiveprefix", entry)

    def test_csl_json_renders_with_pandoc(self):
        csl = self.save("pubs.json", self.export("--csl-json"))
        items = json.load(open(csl, encoding="utf-8"))
        self.assertEqual(len(items), 5)
        pandoc = need(self, "pandoc")
        doc = self.save("doc.md", "---\nnocite: '@*'\n---\n\n# Refs\n")
        r = subprocess.run([pandoc, "--citeproc", "--bibliography", csl, "-t", "plain", doc],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("[WARNING]", r.stderr)
        for title in ("Real-Time Video Generation", "FastFold", "HeteGen", "AutoChunk", "DSP"):
            self.assertIn(title, r.stdout.replace("\n", " "))

    def test_csl_json_values_as_pandoc_reads_them(self):
        """What pandoc understood of the CSL-JSON (its own reader and writer:
        `pandoc -f csljson -t csljson`) against `export --json`: every
        paper's title, authors (given, family), issued year and month, and
        container (journal for an article, booktitle for a paper in a
        proceedings, else the venue).  The JSON has no month of its own: it
        is the stored `month` field, read by the rule below.  The JSON holds the stored LaTeX; these
        papers have none, so the two compare as they are."""
        pandoc = need(self, "pandoc")
        csl = self.save("values.json", self.export("--csl-json"))
        r = subprocess.run([pandoc, "-f", "csljson", "-t", "csljson", csl],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        got = {item["id"]: item for item in json.loads(r.stdout)}
        papers = json.loads(self.export("--json"))
        self.assertEqual(sorted(got), sorted(p["key"] for p in papers))
        self.assertEqual(len(papers), 5)
        months = 0
        for p in papers:
            item = got[p["key"]]
            fields = p.get("fields") or {}
            self.assertEqual(item.get("title"), p["title"], p["key"])
            self.assertEqual([(a.get("given"), a.get("family")) for a in item["author"]],
                             [(a["given"], a["family"]) for a in p["authors"]], p["key"])
            # the stored month field, "August" or "aug" or "8", read by this rule
            m = (fields.get("month") or "").strip().lower()
            month = int(m) if m.isdigit() else MONTHS.index(m[:3]) + 1 if m[:3] in MONTHS else 0
            want = [p["year"]] + ([month] if month else [])
            months += len(want) == 2
            self.assertEqual([int(x) for x in item["issued"]["date-parts"][0]], want, p["key"])
            if p["type"] == "article" and fields.get("journal"):
                container = fields["journal"]
            elif p["type"] in ("inproceedings", "conference", "incollection", "inbook") \
                    and fields.get("booktitle"):
                container = fields["booktitle"]
            else:
                container = p["venue"]
            self.assertEqual(item.get("container-title"), container, p["key"])
        # the month is there to lose: the arXiv papers have one
        self.assertGreaterEqual(months, 4)

    def test_standalone_page_in_chromium(self):
        page = self.save("page.html", self.export("--html", "--standalone", "--selected", *self.tag_args))
        chromium = need(self, "chromium")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--user-data-dir=" + os.path.join(self.dir, "chrome")]
        # What Chromium renders: a probe script (added to a copy of the page)
        # writes each element's innerText, which is the text as laid out
        # (hidden elements give none), into the DOM that --dump-dom prints.
        with open(page, encoding="utf-8") as f:
            probe = self.save("probe.html", f.read().replace("</body>", PROBE + "</body>"))
        r = subprocess.run([chromium] + flags + ["--dump-dom", "file://" + probe],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        m = re.search(r'<pre id="probe">(.*?)</pre>', r.stdout, re.S)
        self.assertIsNotNone(m, r.stdout[-2000:])
        seen = json.loads(html.unescape(m.group(1)))
        self.assertEqual(seen["groups"], GROUPS)
        papers = {p["key"]: p for p in json.loads(self.export("--json", "--selected"))}
        self.assertEqual([li["id"] for li in seen["papers"]],
                         ["zhao2024realtime", "zhao2024dsp", "zhao2024autochunk", "zhao2024hetegen",
                          "cheng2024fastfold"])
        for li in seen["papers"]:
            p = papers[li["id"]]
            self.assertEqual(li["title"], p["title"], li)
            self.assertGreaterEqual(li["titleWeight"], 600, li)  # strong.pub-title is bold
            self.assertEqual(li["venue"], p["venue"], li)
            names = [a["name"] + ("*" if a["equal"] else "") for a in p["authors"]]
            self.assertEqual(li["authors"], ", ".join(names), li)
            self.assertEqual(li["me"], [a["name"] for a in p["authors"] if a["me"]], li)
        stars = {x["url"]: x["stars"] for x in json.loads(run("--json", "stars", db=self.cdb, env=self.env).out)}
        # the star mark and the star count of a code link's repository, with a
        # thousands separator, in the text itself (not only in CSS)
        shown = {li["id"]: li["stars"] for li in seen["papers"]}
        self.assertEqual(shown["zhao2024realtime"], ["\u2605 {:,}".format(stars["https://github.com/NUS-HPC-AI-Lab/VideoSys"])])
        self.assertEqual(shown["cheng2024fastfold"], ["\u2605 {:,}".format(stars["https://github.com/hpcaitech/FastFold"])])
        shot = os.path.join(ARTIFACTS, "publications.png")  # for a human to look at
        r = subprocess.run([chromium] + flags + ["--window-size=900,1400", "--screenshot=" + shot,
                                                 "file://" + page],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])


PROBE = """<script>
(function () {
  function text(root, sel) { var e = root.querySelector(sel); return e ? e.innerText.trim() : null; }
  var out = {groups: [], papers: []};
  document.querySelectorAll("h2.pub-group").forEach(function (h) { out.groups.push(h.innerText.trim()); });
  document.querySelectorAll("li.pub").forEach(function (li) {
    var t = li.querySelector("strong.pub-title");
    out.papers.push({id: li.id, title: text(li, "strong.pub-title"), venue: text(li, "code.pub-venue"),
      titleWeight: t ? parseInt(getComputedStyle(t).fontWeight, 10) : 0,
      authors: (text(li, "div.pub-authors") || "").replace(/\\s+/g, " "),
      me: Array.prototype.map.call(li.querySelectorAll("u.pub-me"), function (u) { return u.innerText.trim(); }),
      stars: Array.prototype.map.call(li.querySelectorAll("span.pub-stars"), function (s) { return s.innerText.trim(); })});
  });
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


BST = """ENTRY { %s } {} {}
FUNCTION {default.type} {
  "@@KEY=" cite$ * write$ newline$
  "@@TYPE=" type$ * write$ newline$
%s}
FUNCTION {article} { default.type }
FUNCTION {inproceedings} { default.type }
FUNCTION {misc} { default.type }
READ
ITERATE {call.type$}
"""


def bibtex_fields(test, bib, fields):
    """What bibtex(1) reads: {key: {"type": ..., field: value}} for `fields`
    (/work/shared/bibtex-oracle.md: a generated .bst writes them)."""
    need(test, "bibtex")
    with tempfile.TemporaryDirectory() as d:
        writes = "".join('  %s empty$ \'skip$ { "@@%s=" %s * write$ newline$ } if$\n'
                         % (f, f, f) for f in fields)
        with open(os.path.join(d, "o.bst"), "w") as f:
            f.write(BST % (" ".join(fields), writes))
        with open(os.path.join(d, "o.bib"), "w", encoding="utf-8") as f:
            f.write(bib)
        with open(os.path.join(d, "o.aux"), "w") as f:
            f.write("\\citation{*}\n\\bibdata{o}\n\\bibstyle{o}\n")
        env = dict(os.environ, BIBINPUTS=".", BSTINPUTS=".", max_print_line="100000")
        r = subprocess.run(["bibtex", "-terse", "o"], cwd=d, env=env, capture_output=True,
                           text=True)
        test.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(os.path.join(d, "o.bbl"), encoding="utf-8") as f:
            out, key = {}, None
            for line in f.read().split("\n"):
                if not line.startswith("@@"):
                    continue
                name, _, value = line[2:].partition("=")
                if name == "KEY":
                    key = value
                    out[key] = {}
                else:
                    out[key][name.lower()] = value
        return out


class PublishedVenue(PubTestCase):
    """A venue badge makes a preprint's BibTeX the published entry, derived
    at export time: @inproceedings/booktitle for a conference, @article/
    journal for a journal, the badge's year; nothing stored changes."""
    BIB = ("@misc{conf, title={A Conference Paper}, author={Ann Person and Bo Other},"
           " year={2024}, month=aug, eprint={2408.00001}, archiveprefix={arXiv}}\n"
           "@misc{jour, title={A Journal Paper}, author={Ann Person}, year={2022},"
           " eprint={2201.00002}, archiveprefix={arXiv}}\n"
           "@misc{pre, title={A Preprint}, author={Ann Person}, year={2025},"
           " eprint={2501.00003}, archiveprefix={arXiv}}\n")

    def setUp(self):
        super().setUp()
        self.ok("add", self.write("in.bib", self.BIB))
        self.ok("edit", "conf", "venue=ICLR 2025", "equal=1,2")
        self.ok("edit", "jour", "venue=TPAMI 2023")
        self.ok("edit", "pre", "venue=arXiv 2025")
        self.ok("tag", "conf", "+Video; Generation", "+Other")
        self.ok("link", "conf", "code", "https://github.com/a/b")
        self.ok("link", "conf", "blog", "https://example.org/post?a=1;b=2")

    def test_bibtex_reads_published_entries(self):
        before = self.ok("export", "--json").out
        got = bibtex_fields(self, self.ok("export", "--bibtex").out,
                            ["booktitle", "journal", "year", "month", "eprint"])
        self.assertEqual(got["conf"], {"type": "inproceedings", "booktitle": "ICLR",
                                       "year": "2025", "eprint": "2408.00001"})
        self.assertEqual(got["jour"], {"type": "article", "journal": "TPAMI",
                                       "year": "2023", "eprint": "2201.00002"})
        self.assertEqual(got["pre"], {"type": "misc", "year": "2025", "eprint": "2501.00003"})
        self.assertEqual(self.ok("export", "--json").out, before)  # nothing stored changed
        self.assertEqual(json.loads(before)[0]["type"], "misc")

    def test_pybtex_reads_the_published_entry(self):
        py = need(self, "pybtex")
        bib = self.write("out.bib", self.ok("export", "--bibtex").out)
        code = ("import json,sys\nfrom pybtex.database import parse_file\n"
                "d = parse_file(sys.argv[1], bib_format='bibtex')\n"
                "print(json.dumps({k: [e.type, dict(e.fields)] for k, e in d.entries.items()}))")
        r = subprocess.run([py, "-c", code, bib], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        got = json.loads(r.stdout)
        self.assertEqual(got["conf"][0], "inproceedings")
        self.assertEqual(got["conf"][1]["booktitle"], "ICLR")
        self.assertEqual(got["conf"][1]["year"], "2025")
        self.assertEqual(got["jour"][0], "article")
        self.assertEqual(got["jour"][1]["journal"], "TPAMI")

    def test_round_trip_restores_the_stored_entries(self):
        fresh = os.path.join(self.dir, "fresh.sqlite3")
        r = run("add", self.write("out.bib", self.ok("export", "--bibtex").out), db=fresh)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(run("export", "--json", db=fresh).out, self.ok("export", "--json").out)
        self.assertEqual(run("export", "--bibtex", db=fresh).out, self.ok("export", "--bibtex").out)
        # pubdb's fields are applied, not kept as ordinary fields
        self.assertNotIn("pubdb-", json.dumps(json.loads(run("export", "--json", db=fresh).out)))

    def test_plain_only_with_bibtex(self):
        r = self.pub("export", "--json", "--plain")
        self.assertEqual(r.code, 2, r)
        # the library's one check of what goes with what; the CLI adds the help
        self.assertIn("'plain' does not go with JSON (it goes with BibTeX", r.err)
        self.assertIn("(see 'pubdb help export')", r.err)


class Hostile(PubTestCase):
    BIB = r"""@misc{evil,
  title = {<script>alert(1)</script> \& {"quotes"} 'single'},
  author = {<img src=x onerror=alert(1)> and O'Brien, "Quote"},
  year = {2024},
  url = {javascript:alert(1)},
}
"""

    def test_html_escapes_everything(self):
        self.ok("add", self.write("evil.bib", self.BIB))
        self.ok("tag", "evil", "+<b>tag</b>")
        r = self.pub("link", "evil", "code", "javascript:alert(1)")
        self.assertEqual(r.code, 2)
        r = self.pub("link", "evil", "blog", " JaVaScRiPt:alert(1)")
        # a usage error, as for the lower-case scheme; not a crash or a sanitizer abort
        self.assertEqual((r.code, r.err), (2, "pubdb: error: link ' JaVaScRiPt:alert(1)' must be an http or https URL\n"))
        self.assertEqual(r.out, "")
        for args in (["--html", "--standalone"], ["--html", "--tag", "<b>tag</b>"], ["--markdown"]):
            out = self.ok("export", *args).out
            self.assertNotIn("<script>", out)
            self.assertNotIn("<img", out)
            self.assertNotIn("javascript:", out.lower())
            self.assertNotIn("<b>tag", out)
        page = self.write("evil.html", self.ok("export", "--html").out)
        papers = self.write("evil.json", self.ok("export", "--json").out)
        r = subprocess.run([sys.executable, CHECK_HTML, "--owner", "Xuanlei Zhao", page, papers], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_jekyll_never_writes_outside(self):
        self.ok("add", self.write("k.bib", "@misc{../../escape, title={T}, year=2020}\n"))
        out = os.path.join(self.dir, "site", "_pubs")
        self.ok("export", "--markdown", "--jekyll", out)
        for root, _, files in os.walk(self.dir):
            for f in files:
                path = os.path.join(root, f)
                if f.endswith(".md"):
                    self.assertTrue(path.startswith(out + os.sep), path)


class OldStyleGitHubLink(PubTestCase):
    """A code link written http://www.github.com/OWNER/NAME gets a repository
    row and shows that repository's stars, like https://github.com/OWNER/NAME
    (the two disagreed once: a row, but never its stars)."""

    def test_www_http_link_shows_stars(self):
        server = Replay(self.dir)
        self.addCleanup(server.stop)
        env = {"PUBDB_GITHUB_URL": server.url}
        self.ok("add", self.write("p.bib", "@inproceedings{fastfold, title={FastFold}, "
                                           "author={Cheng, Shenggan}, year=2024}\n"))
        self.ok("link", "fastfold", "code", "http://www.github.com/hpcaitech/FastFold")
        self.ok("refresh", "--stars", env=env)
        repos = json.loads(self.ok("--json", "stars").out)
        self.assertEqual([(r["repo"], r["stars"]) for r in repos], [("hpcaitech/FastFold", 598)])
        md = self.ok("export", "--markdown").out
        self.assertIn("[\\[code\\]](http://www.github.com/hpcaitech/FastFold) \u2605 598", md)
        self.assertIn('title="GitHub stars"', self.ok("export", "--html").out)
        links = json.loads(self.ok("export", "--json").out)[0]["links"]
        self.assertEqual(links, [{"kind": "code", "url": "http://www.github.com/hpcaitech/FastFold",
                                  "stars": 598}])


if __name__ == "__main__":
    unittest.main()
