"""test_citations.py: `pubdb refresh --citations`, `pubdb citations`, `pubdb
stats` and `export --citations` end to end, with the real binary against
tests/replay_server.py serving fixtures/openalex (a real work, synthetic
works in its shape, OpenAlex's real 404 HTML page) and fixtures/crossref,
and injecting faults (429 with Retry-After, 429 for good, 500)."""
import json
from html.parser import HTMLParser
import os
import re
import subprocess
import html
import time
import unittest
import xml.etree.ElementTree as ET

from needs import need
from pubtest import PubTestCase, ReplayTestCase, Replay

KEY = "oa-secret-key-NeverPrinted-4242"
SVG = "{http://www.w3.org/2000/svg}"

BIB = """@inproceedings{cheng2024fastfold,
  title = {FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters},
  author = {Cheng, Shenggan and Zhao, Xuanlei},
  year = {2024},
  doi = {10.1145/3627535.3638465},
}
@misc{zhao2024realtime,
  title = {Real-Time Video Generation with Pyramid Attention Broadcast},
  author = {Zhao, Xuanlei},
  year = {2024},
  eprint = {2408.12588},
  archiveprefix = {arXiv},
}
@article{old2001,
  title = {An essential role of active site arginine residue},
  author = {Someone, Ann},
  year = {2001},
  doi = {10.1023/a:1007154515475},
}
@article{unknown2020,
  title = {A Paper OpenAlex Does Not Know},
  author = {Nobody, Bea},
  year = {2020},
  doi = {10.9999/unknown.1},
}
@misc{nodoi2019,
  title = {No Identifier At All},
  author = {Nobody, Bea},
  year = {2019},
}
"""

CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class CitationsTest(ReplayTestCase):
    # Semantic Scholar, asked first, knows none of these papers here (a
    # batch answer of four nulls), so the tests below are OpenAlex's;
    # test_semantic_scholar_* take the fault away.
    S2_NULLS = {"path_prefix": "/graph/v1/paper/batch", "times": -1, "status": 200,
                "body": "[null, null, null, null]", "content_type": "application/json"}

    def setUp(self):
        super().setUp()
        self.srv.control(self.S2_NULLS)
        self.mark = len(self.srv.requests())
        self.env = {"PUBDB_OPENALEX_URL": self.srv.url, "PUBDB_DOI_URL": self.srv.url,
                    "PUBDB_CROSSREF_URL": self.srv.url, "PUB_HTTP_BACKOFF_MS": "10",
                    "PUBDB_S2_URL": self.srv.url, "PUB_S2_INTERVAL_MS": "0",
                    "OPENALEX_API_KEY": "", "S2_API_KEY": ""}
        self.ok("add", self.write("p.bib", BIB))

    # ---- helpers ----
    def sent(self, s2=False):
        """OpenAlex's requests since setUp (Semantic Scholar's with s2)."""
        return [q for q in self.srv.requests()[self.mark:]
                if (q["path"] == "/graph/v1/paper/batch") == s2]

    def refresh(self, *args, env=None, code=0):
        e = dict(self.env)
        e.update(env or {})
        r = self.pub("refresh", "--citations", *args, env=e)
        self.assertEqual(r.code, code, r)
        return r

    def pid(self, key):
        return self.sql("SELECT id FROM papers WHERE citekey = ?", key)[0][0]

    def cites(self):
        return json.loads(self.ok("--json", "citations").out)

    # ---- refresh ----
    def test_counts_stored_with_history_one_row_per_day(self):
        r = self.refresh()
        self.assertIn("cheng2024fastfold: cited by 57 (openalex)", r.out)
        self.assertIn("zhao2024realtime: cited by 151 (openalex)", r.out)
        self.assertIn("old2001: cited by 7 (openalex)", r.out)
        # an unknown DOI's HTML 404 is "not in OpenAlex", not a failure
        self.assertIn("unknown2020: not in OpenAlex", r.out)
        self.assertNotIn("unknown2020", r.err)
        paths = sorted(q["path"] for q in self.sent())
        # one lookup per DOI; the arXiv paper by its DataCite DOI; none without
        self.assertEqual(paths, ["/works/doi:10.1023/a:1007154515475",
                                 "/works/doi:10.1145/3627535.3638465",
                                 "/works/doi:10.48550/arXiv.2408.12588",
                                 "/works/doi:10.9999/unknown.1"])
        for q in self.sent():
            self.assertEqual(q["query"], "select=id,doi,cited_by_count")
        rows = self.sql("SELECT paper_id, source, count, checked FROM citations ORDER BY count")
        self.assertEqual([(x[1], x[2]) for x in rows], [("openalex", 7), ("openalex", 57), ("openalex", 151)])
        for x in rows:
            self.assertRegex(x[3], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        today = self.sql("SELECT date('now')")[0][0]
        hist = self.sql("SELECT source, day, count FROM citation_history ORDER BY count")
        self.assertEqual(hist, [("openalex", today, 7), ("openalex", today, 57), ("openalex", today, 151)])
        # a second answer the same day replaces the day's row
        work = {"id": "https://openalex.org/W4392010001", "doi": "https://doi.org/10.1145/3627535.3638465",
                "cited_by_count": 60}
        self.srv.control({"path_prefix": "/works/doi:10.1145/", "status": 200, "body": json.dumps(work),
                          "content_type": "application/json"})
        r = self.refresh()
        self.assertIn("cheng2024fastfold: cited by 57 -> 60 (openalex)", r.out)
        changed = [l for l in r.out.splitlines() if ": not in " not in l]
        self.assertNotIn("zhao2024realtime", "\n".join(changed))
        self.assertEqual(self.sql("SELECT COUNT(*), MAX(count) FROM citation_history WHERE paper_id = ?",
                                  self.pid("cheng2024fastfold")), [(1, 60)])
        self.assertEqual(self.sql("SELECT COUNT(*) FROM citation_history"), [(3,)])

    def test_max_age_skips_fresh_counts(self):
        self.refresh()
        self.mark = len(self.srv.requests())
        r = self.refresh("--max-age", "1h")
        # the unknown DOI has no count, but OpenAlex said lately that it
        # does not know it (refresh.unknown_days): not asked again either
        self.assertEqual([q["path"] for q in self.sent()], [])
        self.assertIn("4 skipped", r.err)
        self.ok("config", "set", "refresh.unknown_days", "0")
        r = self.refresh("--max-age", "1h")
        self.assertEqual([q["path"] for q in self.sent()], ["/works/doi:10.9999/unknown.1"])
        self.assertIn("3 skipped", r.err)

    def test_429_with_retry_after_is_waited_out(self):
        self.srv.control({"path_prefix": "/works/doi:10.1145/", "status": 429, "retry_after": 1,
                          "times": 1, "content_type": "text/html", "body": "<html>slow down</html>"})
        t0 = time.time()
        self.refresh()
        self.assertGreaterEqual(time.time() - t0, 0.9)
        fast = [q for q in self.sent() if q["path"].startswith("/works/doi:10.1145/")]
        self.assertEqual(len(fast), 2)
        self.assertGreaterEqual(fast[1]["time"] - fast[0]["time"], 0.9)
        self.assertEqual(self.paper("cheng2024fastfold")["citations"][0]["count"], 57)

    def test_429_for_good_is_exit_75_and_nothing_stored(self):
        # every source rate-limited: nothing could be reached, cron may retry
        self.srv.control()
        self.srv.control({"path_prefix": "/works/", "status": 429, "retry_after": 0, "times": -1})
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "status": 429, "times": -1,
                          "body_file": "semanticscholar/rate_limited_429.json",
                          "content_type": "application/json"})
        r = self.refresh(code=75)
        self.assertIn("OpenAlex", r.err)
        self.assertIn("429", r.err)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM citations"), [(0,)])
        self.assertEqual(self.sql("SELECT COUNT(*) FROM citation_history"), [(0,)])

    def test_429_of_one_source_is_exit_3(self):
        # Semantic Scholar answered (nulls): OpenAlex's 429 is that source's alone
        self.srv.control({"path_prefix": "/works/", "status": 429, "retry_after": 0, "times": -1})
        r = self.refresh(code=3)
        self.assertIn("OpenAlex: still rate-limited (HTTP 429)", r.err)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM citations"), [(0,)])

    def test_server_error_fails_that_paper_only_exit_3(self):
        self.srv.control({"path_prefix": "/works/doi:10.1145/", "status": 500, "times": -1})
        r = self.refresh(code=3)
        self.assertRegex(r.err, r"pubdb: cheng2024fastfold: OpenAlex: /works/doi:10.1145/3627535.3638465"
                                r"\S*: HTTP 500 after 4 attempts")
        self.assertEqual(self.sql("SELECT COUNT(*) FROM citations"), [(2,)])

    def test_unreachable_is_exit_75(self):
        import socket
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
        # Semantic Scholar answered: one source offline is exit 3; both, 75
        r = self.refresh(env={"PUBDB_OPENALEX_URL": "http://127.0.0.1:%d" % port}, code=3)
        self.assertIn("OpenAlex is unreachable", r.err)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM citations"), [(0,)])
        r = self.refresh(env={"PUBDB_OPENALEX_URL": "http://127.0.0.1:%d" % port,
                              "PUBDB_S2_URL": "http://127.0.0.1:%d" % port}, code=75)
        self.assertIn("unreachable", r.err)

    def test_api_key_sent_never_shown_or_stored(self):
        self.srv.control({"path_prefix": "/works/doi:10.1145/", "status": 500, "times": -1})
        r = self.refresh(env={"OPENALEX_API_KEY": KEY}, code=3)
        for q in self.sent():
            self.assertEqual(q["query"], "select=id,doi,cited_by_count&api_key=" + KEY)
        self.assertNotIn(KEY, r.out + r.err)
        self.assertIn("HTTP 500", r.err)  # the failure is named, without the key
        with open(self.db, "rb") as f:
            self.assertNotIn(KEY.encode(), f.read())
        r = self.ok("--json", "citations")
        self.assertNotIn(KEY, r.out)

    def test_semantic_scholar_first_in_one_batch(self):
        # Semantic Scholar's citationCount: one batch request for every
        # paper with an arXiv id or DOI, the preprint by its arXiv id
        self.srv.control()
        r = self.refresh()
        batches = self.sent(s2=True)
        self.assertEqual(len(batches), 1)
        self.assertEqual(batches[0].get("ids"), 4)
        self.assertIn("cheng2024fastfold: cited by 9 (semanticscholar)", r.out)
        self.assertIn("zhao2024realtime: cited by 142 (semanticscholar)", r.out)
        self.assertIn("old2001: not in Semantic Scholar", r.out)
        rows = self.sql("SELECT c.source, c.count FROM citations c JOIN papers p ON p.id = c.paper_id "
                        "WHERE p.citekey = 'cheng2024fastfold' ORDER BY c.source")
        self.assertEqual(rows, [("openalex", 57), ("semanticscholar", 9)])
        # stats takes per paper the largest count of any source
        self.assertEqual(json.loads(self.ok("--json", "stats").out)["citations"], 151 + 57 + 7)

    def test_semantic_scholar_rate_limited_still_asks_openalex(self):
        # S2's 429 (no Retry-After) past the retries fails that source alone:
        # OpenAlex's counts are stored all the same, exit 3
        self.srv.control()
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "times": -1, "status": 429,
                          "body": '{"message":"Too Many Requests. Please wait and try again or '
                                  'apply for a key for higher rate limits.","code":"429"}',
                          "content_type": "application/json"})
        r = self.refresh(code=3)
        self.assertIn("Semantic Scholar", r.err)
        self.assertEqual(self.sql("SELECT source, COUNT(*) FROM citations GROUP BY source"),
                         [("openalex", 3)])

    # ---- citations ----
    def test_citations_json_deltas_and_history(self):
        self.refresh()
        pid = self.pid("zhao2024realtime")
        # earlier days, written directly: pubdb has no fake clock
        self.sql("INSERT INTO citation_history VALUES (?, 'openalex', date('now', '-8 days'), 140)", pid)
        self.sql("INSERT INTO citation_history VALUES (?, 'openalex', date('now', '-31 days'), 100)", pid)
        self.sql("INSERT INTO citation_history VALUES (?, 'openalex', date('now', '-40 days'), 90)", pid)
        got = self.cites()
        self.assertEqual([p["key"] for p in got], ["zhao2024realtime", "cheng2024fastfold", "old2001"])
        first = got[0]
        self.assertEqual(list(first), ["key", "title", "citations", "sources"])
        self.assertEqual(first["citations"], 151)
        self.assertEqual(len(first["sources"]), 1)
        src = first["sources"][0]
        self.assertEqual(list(src), ["source", "count", "delta_7d", "delta_30d", "checked"])
        self.assertEqual((src["source"], src["count"], src["delta_7d"], src["delta_30d"]),
                         ("openalex", 151, 11, 51))
        self.assertEqual(got[1]["sources"][0]["delta_7d"], 0)  # no history that old
        table = self.ok("citations").out
        self.assertRegex(table, r"zhao2024realtime\s+openalex\s+151\s+\+11\s+\+51")
        hist = json.loads(self.ok("--json", "citations", "--history", "zhao2024realtime").out)
        self.assertEqual([h["count"] for h in hist], [90, 100, 140, 151])
        self.assertEqual(list(hist[0]), ["key", "source", "day", "count"])
        lines = self.ok("citations", "--history", "zhao2024realtime").out.splitlines()
        self.assertEqual(len(lines), 4)
        self.assertTrue(lines[-1].startswith("openalex\t") and lines[-1].endswith("\t151"))
        r = self.pub("citations", "--history", "nosuchkey")
        self.assertNotEqual(r.code, 0)
        self.assertIn("nosuchkey", r.err)
        # an empty database lists nothing, as JSON too
        self.sql("DELETE FROM citations")
        self.assertEqual(self.cites(), [])

    def test_citations_svg(self):
        self.refresh()
        pid = self.pid("zhao2024realtime")
        self.sql("INSERT INTO citation_history VALUES (?, 'openalex', date('now', '-8 days'), 140)", pid)
        out = os.path.join(self.dir, "c.svg")
        self.ok("citations", "--svg", out)
        root = ET.parse(out).getroot()
        self.assertEqual(root.tag, SVG + "svg")
        self.assertEqual(len(root.findall(".//" + SVG + "polyline")), 3)  # one per paper
        text = " ".join(t.text or "" for t in root.iter(SVG + "text"))
        self.assertIn("zhao2024realtime", text)
        self.ok("citations", "--history", "zhao2024realtime", "--svg", out)
        root = ET.parse(out).getroot()
        self.assertEqual(len(root.findall(".//" + SVG + "polyline")), 1)  # one per source
        self.assertIn("openalex", " ".join(t.text or "" for t in root.iter(SVG + "text")))

    def test_paper_json_has_citations(self):
        self.refresh()
        today = self.sql("SELECT date('now')")[0][0]
        want = [{"source": "openalex", "count": 57, "checked": today}]
        self.assertEqual(self.paper("cheng2024fastfold")["citations"], want)
        listed = {p["key"]: p for p in self.papers()}
        self.assertEqual(listed["cheng2024fastfold"]["citations"], want)
        self.assertEqual(listed["nodoi2019"]["citations"], [])
        exported = {p["key"]: p for p in json.loads(self.ok("export", "--json").out)}
        self.assertEqual(exported["cheng2024fastfold"]["citations"], want)

    def test_crossref_count_stored_when_fetched(self):
        # doi.org has no CSL-JSON or BibTeX for it: the add falls back to
        # Crossref's /works, whose is-referenced-by-count (238) is kept
        self.ok("add", "doi:10.1038/s42256-024-00832-8", env=self.env)
        key = [p["key"] for p in self.papers() if p["doi"] == "10.1038/s42256-024-00832-8"][0]
        c = self.paper(key)["citations"]
        self.assertEqual([(x["source"], x["count"]) for x in c], [("crossref", 238)])
        self.assertEqual(self.sql("SELECT source, count FROM citation_history WHERE paper_id = ?",
                                  self.pid(key)), [("crossref", 238)])

    # ---- stats ----
    def craft(self):
        """Counts 10, 10, 3, 1 (the largest of two sources where there are two)."""
        ids = [self.pid(k) for k in ("cheng2024fastfold", "zhao2024realtime", "old2001", "unknown2020")]
        for pid, counts in zip(ids, [(10, 4), (10,), (3, 2), (1,)]):
            for src, n in zip(("openalex", "crossref"), counts):
                self.sql("INSERT INTO citations VALUES (?, ?, ?, '2026-01-01T00:00:00Z')", pid, src, n)
        self.ok("repo", "add", "https://github.com/hpcaitech/FastFold")
        self.ok("repo", "add", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.sql("UPDATE repos SET stars = CASE name WHEN 'FastFold' THEN 598 ELSE 1800 END")

    def test_stats_h_index_and_i10(self):
        self.craft()
        r = self.ok("--json", "stats")
        self.assertEqual(r.out, '{"papers": 5, "citations": 24, "h_index": 3, "i10_index": 2, "stars": 2398}\n')
        self.assertEqual(json.loads(self.ok("stats", "--json").out)["h_index"], 3)
        self.assertIn("h-index    3", self.ok("stats").out)

    def test_stats_empty(self):
        self.assertEqual(json.loads(self.ok("--json", "stats").out),
                         {"papers": 5, "citations": 0, "h_index": 0, "i10_index": 0, "stars": 0})

    def test_stats_badge_renders(self):
        self.craft()
        badge = os.path.join(self.dir, "badge.svg")
        self.ok("stats", "--svg", badge)
        root = ET.parse(badge).getroot()  # well-formed XML
        self.assertEqual(root.tag, SVG + "svg")
        texts = [t.text for t in root.iter(SVG + "text")]
        self.assertEqual(texts, ["citations", "citations", "24", "24", "h-index", "h-index", "3", "3"])
        r = subprocess.run([need(self, "xmllint"), "--noout", badge], capture_output=True, text=True)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        chromium = need(self, "chromium")
        page = self.write("badge.html", """<!doctype html><html><body>
<img id="b" src="badge.svg"><pre id="probe"></pre>
<script>window.addEventListener("load", function () {
  var i = document.getElementById("b");
  document.getElementById("probe").textContent = JSON.stringify({w: i.naturalWidth, h: i.naturalHeight,
    complete: i.complete});
});</script></body></html>""")
        r = subprocess.run([chromium] + CHROME_FLAGS + ["--user-data-dir=" + os.path.join(self.dir, "chrome"),
                                                       "--allow-file-access-from-files",
                                                       "--dump-dom", "file://" + page],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        m = re.search(r'<pre id="probe">(.*?)</pre>', r.stdout, re.S)
        seen = json.loads(html.unescape(m.group(1)))
        self.assertTrue(seen["complete"])
        self.assertEqual(seen["h"], 20)
        self.assertEqual(seen["w"], int(root.get("width")))

    # ---- exports ----
    def test_export_citations_html_in_chromium_and_markdown_in_pandoc(self):
        self.refresh()
        page = self.write("page.html", self.ok("export", "--html", "--standalone", "--citations").out)
        plain = self.ok("export", "--html").out
        self.assertNotIn("pub-citations", plain)
        chromium = need(self, "chromium")
        with open(page, encoding="utf-8") as f:
            probe = self.write("probe.html", f.read().replace("</body>", """<script>
var out = {};
document.querySelectorAll("li.pub").forEach(function (li) {
  var s = li.querySelector("span.pub-citations");
  out[li.id] = s ? s.innerText.trim() : null;
});
var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
document.body.appendChild(pre);
</script></body>"""))
        r = subprocess.run([chromium] + CHROME_FLAGS + ["--user-data-dir=" + os.path.join(self.dir, "chrome"),
                                                       "--dump-dom", "file://" + probe],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        seen = json.loads(html.unescape(re.search(r'<pre id="probe">(.*?)</pre>', r.stdout, re.S).group(1)))
        self.assertEqual(seen, {"zhao2024realtime": "cited by 151", "cheng2024fastfold": "cited by 57",
                                "old2001": "cited by 7", "unknown2020": None, "nodoi2019": None})
        md = self.ok("export", "--markdown", "--citations").out
        self.assertNotIn("cited by", self.ok("export", "--markdown").out)
        r = subprocess.run([need(self, "pandoc"), "-f", "markdown", "-t", "plain", "--wrap=none"], input=md,
                           capture_output=True, text=True, check=True)
        lines = [l for l in r.stdout.splitlines() if "cited by" in l]
        self.assertEqual(len(lines), 3)
        self.assertTrue(any("Pyramid Attention Broadcast" in l and "(cited by 151)" in l for l in lines), lines)
        # a thousands separator, as for stars
        self.sql("UPDATE citations SET count = 12345 WHERE paper_id = ?", self.pid("old2001"))
        self.assertIn("(cited by 12,345)", self.ok("export", "--markdown", "--citations").out)

    def test_acad_homepage_style_shows_citations(self):
        # the acad-homepage list carries the count in its own span, read
        # back from what kramdown (GFM input, as acad-homepage's Jekyll
        # configures it; Debian's jekyll brings it) makes of the page
        self.refresh()
        self.assertNotIn("cited by", self.ok("export", "--style", "acad-homepage").out)
        md = self.ok("export", "--style", "acad-homepage", "--citations").out
        out = subprocess.run([need(self, "kramdown"), "-e", 'require "kramdown"; require "kramdown-parser-gfm"; '
                              'print Kramdown::Document.new(STDIN.read, input: "GFM").to_html'],
                             input=md, capture_output=True, text=True, check=True).stdout
        spans = []

        class Spans(HTMLParser):
            inside = False

            def handle_starttag(self, tag, attrs):
                self.inside = tag == "span" and ("class", "pub-citations") in attrs

            def handle_data(self, data):
                if self.inside and data.strip():
                    spans.append(data.strip())
                self.inside = False

        Spans().feed(out)
        self.assertEqual(sorted(spans), ["cited by 151", "cited by 57", "cited by 7"])

    def test_export_citations_only_html_markdown(self):
        r = self.pub("export", "--bibtex", "--citations")
        self.assertEqual(r.code, 2, r)
        # the library's one check names the option; the CLI adds the help
        self.assertIn("'citations' does not go with BibTeX", r.err)
        self.assertIn("(see 'pubdb help export')", r.err)


if __name__ == "__main__":
    unittest.main()
