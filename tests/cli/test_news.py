"""test_news.py: `pubdb news` end to end: which changes record an event
(add by identifier, edit venue=, repo add, a code link, a star milestone in
a refresh; of a .bib import only the owner's entries), how news names and links a paper (short=,
the title before a colon, the paper link or arXiv page), and the four
renderings: Markdown in the example page's style, escaped HTML, an Atom
feed read back by an XML parser (ids stable), JSON."""
import datetime
import json
import sqlite3
import tempfile
import unittest
import xml.etree.ElementTree as ET

from pubtest import PubTestCase, ReplayTestCase, Replay

ATOM = "{http://www.w3.org/2005/Atom}"

DSP = """@misc{dsp,
  title = {DSP: Dynamic Sequence Parallelism for Multi-Dimensional Transformers},
  author = {Zhao, Xuanlei and Cheng, Shenggan and You, Yang},
  year = {2024},
  eprint = {2403.10266},
  archivePrefix = {arXiv},
}
@misc{pab,
  title = {Real-Time Video Generation with Pyramid Attention Broadcast},
  author = {Zhao, Xuanlei and Jin, Xiaolong},
  year = {2024},
}
"""


def month():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y.%m")


def accepted(year):
    """The day news gives an acceptance learnt today: today, but never
    later than the venue's year (then the year alone)."""
    now = datetime.datetime.now(datetime.timezone.utc)
    return month() if year >= now.year else str(year)


class NewsTest(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("a.bib", DSP))

    def test_a_bib_import_is_no_news(self):
        self.assertEqual(self.sql("SELECT count(*) FROM events"), [(0,)])
        self.assertEqual(self.ok("news").out, "")
        self.assertEqual(json.loads(self.ok("news", "--json").out), [])

    def test_the_owners_papers_in_a_bib_import(self):
        # the owner's entries are news, dated by the entry (never the
        # import); the acceptance they arrive with (pubdb-venue, add
        # --venue) too, by the venue's year when that is another; other
        # people's entries and entries without a year are none
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.ok("add", self.write("own.bib", """
@inproceedings{autochunk, title = {AutoChunk}, year = {2024}, month = jan,
  author = {Zh{\\'a}o, Xuanlei and Ou, Shenggui and You, Yang}, pubdb-venue = {ICLR 2024}}
@misc{pre, title = {Preprint Then ICLR}, author = {X. Zhao}, year = {2024}, month = {8},
  pubdb-venue = {ICLR 2025}}
@misc{plain, title = {Plain Preprint}, author = {Zhao Xuanlei}, year = {2021}}
@misc{undated, title = {Undated}, author = {Xuanlei Zhao}}
@misc{utf, title = {Accented}, author = {Ou, Shenggui and Xuanlei Zhào}, year = {2019}}
@inproceedings{theirs, title = {Theirs}, author = {Jin, Xiaolong and Zhao, Xiaolong},
  year = {2023}, pubdb-venue = {NeurIPS 2023}}
"""))
        # a venue still to come: the entry's day, never a day in the future
        ty = datetime.datetime.now(datetime.timezone.utc).year
        self.ok("add", self.write("future.bib", "@misc{future, title = {To Come}, author = "
                                  "{Xuanlei Zhao}, year = {%d}, month = {1}, pubdb-venue = "
                                  "{ICLR %d}}\n" % (ty, ty + 1)))
        items = [(i["day"], i["kind"], i["paper"], i["value"])
                 for i in json.loads(self.ok("news", "--json").out)]
        self.assertEqual(sorted(items), sorted([
            ("%d-01" % ty, "paper", "future", None),
            ("%d-01" % ty, "venue", "future", "ICLR %d" % (ty + 1)),
            ("2024-01", "paper", "autochunk", None),
            ("2024-01", "venue", "autochunk", "ICLR 2024"),
            ("2024-08", "paper", "pre", None),
            ("2025", "venue", "pre", "ICLR 2025"),
            ("2021", "paper", "plain", None),
            ("2019", "paper", "utf", None)]))
        self.assertIn("- *2024.01*: AutoChunk is accepted by ICLR 2024!\n",
                      self.ok("news").out)
        # add --venue gives the acceptance of every new entry of the owner's
        self.ok("add", "--venue", "TPAMI 2022", self.write("j.bib",
                "@article{j, title = {Journal One}, author = {Xuanlei Zhao}, "
                "year = {2022}, month = {6}}\n"
                "@article{k, title = {Journal Two}, author = {Yang You}, year = {2022}}\n"))
        days = {(i["kind"], i["paper"]): i["day"]
                for i in json.loads(self.ok("news", "--json").out)}
        self.assertEqual((days[("paper", "j")], days[("venue", "j")]), ("2022-06", "2022-06"))
        self.assertNotIn(("paper", "k"), days)

    def test_accepted_preprint_in_the_page_style(self):
        self.ok("edit", "dsp", "venue=ICML 2025")
        self.assertEqual(self.ok("news").out,
                         "- *%s*: [DSP](https://arxiv.org/abs/2403.10266) is accepted by "
                         "ICML 2025!\n" % accepted(2025))
        # a paper that has a venue gains none: a change is no news
        self.ok("edit", "dsp", "venue=ICML 2026")
        self.assertEqual(len(self.ok("news").out.splitlines()), 1)
        # the venue as it was recorded, not as it is now
        self.assertIn("ICML 2025!", self.ok("news").out)

    def test_into_a_page_region(self):
        # The page's News section keeps itself: only the region changes,
        # a second run writes nothing, and a page without the region is
        # refused with nothing written.
        page = self.write("about.md", "# About\n\n# News\n<!-- pubdb:news -->\n"
                          "- old line\n<!-- /pubdb:news -->\n\n# Publications\n")
        self.ok("edit", "dsp", "venue=ICML 2025")
        r = self.ok("news", "--into", page, "--region", "news")
        self.assertIn("region 'news'", r.out + r.err)
        with open(page, encoding="utf-8") as f:
            text = f.read()
        self.assertEqual(text, "# About\n\n# News\n<!-- pubdb:news -->\n"
                         "- *%s*: [DSP](https://arxiv.org/abs/2403.10266) is accepted by "
                         "ICML 2025!\n<!-- /pubdb:news -->\n\n# Publications\n" % accepted(2025))
        import os
        before = os.stat(page).st_mtime_ns
        r = self.ok("-q", "news", "--into", page, "--region", "news")
        self.assertEqual((r.out, r.err), ("", ""))
        self.assertEqual(os.stat(page).st_mtime_ns, before)
        r = self.pub("news", "--into", page, "--region", "other")
        self.assertEqual(r.code, 1, r)
        self.assertEqual(os.stat(page).st_mtime_ns, before)
        self.assertEqual(self.pub("news", "--into", page).code, 2)
        self.assertEqual(self.pub("news", "--atom", "--into", page, "--region", "news").code, 2)

    def test_short_name_and_paper_link(self):
        self.ok("edit", "pab", "venue=ICLR 2025")
        out = self.ok("news").out
        # no colon: the whole title; no arXiv id and no link: no link
        self.assertIn("*: Real-Time Video Generation with Pyramid Attention Broadcast is "
                      "accepted by ICLR 2025!", out)
        self.ok("edit", "pab", "short=PAB")
        self.ok("link", "pab", "paper", "https://arxiv.org/abs/2408.12588")
        self.assertIn("[PAB](https://arxiv.org/abs/2408.12588) is accepted by ICLR 2025!",
                      self.ok("news").out)
        # short is pubdb's own: no export writes it
        for fmt in ("--bibtex", "--biblatex"):
            self.assertNotIn("short", self.ok("export", fmt).out.lower().replace(
                "shortened", ""))
        self.assertNotIn("PAB", self.ok("export", "--bibtex", "--plain").out)
        self.assertEqual(self.sql("SELECT short FROM papers WHERE citekey = 'pab'"),
                         [("PAB",)])
        self.ok("edit", "pab", "short=")
        self.assertEqual(self.sql("SELECT short FROM papers WHERE citekey = 'pab'"), [(None,)])

    def test_markdown_and_html_escape(self):
        self.ok("edit", "pab", "short=[x] <b>&", "venue=A*B 2025")
        md = self.ok("news").out
        self.assertIn(r"\[x\] &lt;b&gt;&amp; is accepted by A\*B 2025!", md)
        html = self.ok("news", "--html").out
        self.assertIn("<li><em>%s</em>: [x] &lt;b&gt;&amp; is accepted by A*B 2025!</li>"
                      % accepted(2025), html)
        self.assertTrue(html.startswith('<ul class="pub-news">\n'))
        self.assertNotIn("<b>", html)

    def test_repositories(self):
        self.ok("repo", "add", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        # a code link making a new repository row is a release too ...
        self.ok("link", "dsp", "code", "https://github.com/hpcaitech/ColossalAI")
        # ... and a row that exists is not news again
        self.ok("link", "pab", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.ok("repo", "add", "https://github.com/hpcaitech/ColossalAI")
        out = self.ok("news").out.splitlines()
        self.assertEqual(sorted(out), sorted([
            "- *%s*: Release [VideoSys](https://github.com/NUS-HPC-AI-Lab/VideoSys)!" % month(),
            "- *%s*: Release [ColossalAI](https://github.com/hpcaitech/ColossalAI)!" % month()]))
        # a code link made by a .bib import is not news
        self.ok("add", self.write("b.bib", "@misc{c, title={C}, year=2020, "
                                  "pubdb-links={code=https://github.com/a/b}}\n"))
        self.assertEqual(len(self.ok("news").out.splitlines()), 2)

    def test_order_since_and_limit(self):
        self.ok("edit", "dsp", "venue=ICML 2025")
        self.ok("edit", "pab", "venue=ICLR 2025")
        con = sqlite3.connect(self.db)
        con.execute("UPDATE events SET day = '2025-05-02' WHERE value = 'ICML 2025'")
        con.execute("UPDATE events SET day = '2025-01' WHERE value = 'ICLR 2025'")
        con.commit()
        con.close()
        out = self.ok("news").out.splitlines()
        self.assertEqual([l[:12] for l in out], ["- *2025.05*:", "- *2025.01*:"])
        self.assertEqual(len(self.ok("news", "--since", "2025-02").out.splitlines()), 1)
        self.assertEqual(len(self.ok("news", "--since", "2025").out.splitlines()), 2)
        self.assertEqual(self.ok("news", "-n", "1").out, out[0] + "\n")
        for bad in (("--since", "May"), ("--since", "2025-5"), ("-n", "0"), ("-n", "x")):
            r = self.pub("news", *bad)
            self.assertEqual(r.code, 2, r)
            self.assertEqual(r.out, "")
        r = self.pub("news", "--html", "--atom")
        self.assertEqual(r.code, 2, r)
        r = self.pub("news", "--title", "T")
        self.assertEqual(r.code, 2, r)

    def test_atom_feed(self):
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.ok("edit", "dsp", "venue=ICML 2025")
        self.ok("edit", "pab", "venue=ICLR 2025", "short=P&B")
        first = self.ok("news", "--atom", "--title", "Xuanlei's <news>").out
        feed = ET.fromstring(first.encode())
        self.assertEqual(feed.tag, ATOM + "feed")
        self.assertEqual(feed.find(ATOM + "title").text, "Xuanlei's <news>")
        self.assertEqual(feed.find(ATOM + "author/" + ATOM + "name").text, "Xuanlei Zhao")
        self.assertRegex(feed.find(ATOM + "updated").text, r"^\d{4}-\d\d-\d\dT00:00:00Z$")
        entries = feed.findall(ATOM + "entry")
        self.assertEqual(len(entries), 2)
        titles = sorted(e.find(ATOM + "title").text for e in entries)
        self.assertEqual(titles, ["DSP is accepted by ICML 2025!",
                                  "P&B is accepted by ICLR 2025!"])
        for e in entries:
            self.assertTrue(e.find(ATOM + "id").text.startswith("urn:pubdb:event:"))
            self.assertIsNotNone(e.find(ATOM + "updated").text)
        dsp = [e for e in entries if e.find(ATOM + "title").text.startswith("DSP")][0]
        self.assertEqual(dsp.find(ATOM + "link").get("href"), "https://arxiv.org/abs/2403.10266")
        self.assertIn('<a href="https://arxiv.org/abs/2403.10266">DSP</a>',
                      dsp.find(ATOM + "content").text)
        # ids stay: the same events give the same ids, also in a new database
        ids = lambda text: sorted(e.find(ATOM + "id").text
                                  for e in ET.fromstring(text.encode()).iter(ATOM + "entry"))
        self.assertEqual(ids(self.ok("news", "--atom").out), ids(first))
        with tempfile.TemporaryDirectory() as d:
            other = d + "/other.sqlite3"
            self.ok("add", self.write("a2.bib", DSP), db=other)
            self.ok("config", "set", "owner", "Xuanlei Zhao", db=other)
            self.ok("edit", "pab", "venue=ICLR 2025", "short=P&B", db=other)
            self.ok("edit", "dsp", "venue=ICML 2025", db=other)
            self.assertEqual(ids(self.ok("news", "--atom", db=other).out), ids(first))
            self.assertEqual(ET.fromstring(self.ok("news", "--atom", db=other).out.encode())
                             .find(ATOM + "id").text, feed.find(ATOM + "id").text)
        # an empty feed is still a feed
        self.ok("rm", "dsp", "pab")
        empty = ET.fromstring(self.ok("news", "--atom").out.encode())
        self.assertEqual(empty.findall(ATOM + "entry"), [])

    def test_json(self):
        self.ok("edit", "dsp", "venue=ICML 2025")
        items = json.loads(self.ok("--json", "news").out)
        self.assertEqual(len(items), 1)
        self.assertEqual(items[0]["kind"], "venue")
        self.assertEqual(items[0]["paper"], "dsp")
        self.assertIsNone(items[0]["repo"])
        self.assertEqual(items[0]["value"], "ICML 2025")
        self.assertEqual(items[0]["name"], "DSP")
        self.assertEqual(items[0]["url"], "https://arxiv.org/abs/2403.10266")
        self.assertEqual(items[0]["text"], "DSP is accepted by ICML 2025!")
        self.assertEqual(json.loads(self.ok("news", "--json").out), items)


class NetworkNewsTest(ReplayTestCase):
    def setUp(self):
        super().setUp()
        self.env = {"PUBDB_ARXIV_URL": self.srv.url, "PUBDB_GITHUB_URL": self.srv.url,
                    "PUB_ARXIV_INTERVAL_MS": "0", "PUB_HTTP_BACKOFF_MS": "10",
                    "GITHUB_TOKEN": ""}

    def test_added_paper_dated_by_arxiv(self):
        self.ok("add", "arxiv:2403.10266", env=self.env)
        out = self.ok("news").out
        # the day it appeared on arXiv; its code link a release of the day
        self.assertIn("- *2024.03*: New paper [DSP](https://arxiv.org/abs/2403.10266) on "
                      "arXiv!\n", out)
        self.assertEqual(json.loads(self.ok("news", "--json").out)[-1]["day"], "2024-03-15")
        # adding it again merges: no second event
        self.ok("add", "arxiv:2403.10266", env=self.env)
        self.assertEqual(self.ok("news").out, out)

    def test_star_milestone(self):
        self.ok("repo", "add", "https://github.com/hpcaitech/FastFold", env=self.env)
        # the first count (598) crosses nothing: pubdb did not see it happen
        self.ok("refresh", "--stars", env=self.env)
        kinds = [i["kind"] for i in json.loads(self.ok("news", "--json").out)]
        self.assertEqual(kinds, ["repo"])
        con = sqlite3.connect(self.db)
        con.execute("UPDATE repos SET stars = 90, etag = NULL")
        con.commit()
        self.ok("refresh", "--stars", env=self.env)
        items = json.loads(self.ok("news", "--json").out)
        stars = [i for i in items if i["kind"] == "stars"]
        self.assertEqual([i["value"] for i in stars], ["500"])  # the highest crossed
        self.assertEqual(stars[0]["text"], "FastFold reaches 500 stars on GitHub!")
        # dipping below and rising again is not news twice
        con.execute("UPDATE repos SET stars = 450, etag = NULL")
        con.commit()
        con.close()
        self.ok("refresh", "--stars", env=self.env)
        self.assertEqual(len([i for i in json.loads(self.ok("news", "--json").out)
                              if i["kind"] == "stars"]), 1)


if __name__ == "__main__":
    unittest.main()
