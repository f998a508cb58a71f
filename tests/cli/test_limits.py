"""test_limits.py: `refresh --venues` under the services' real limits (issue
22), with the real binary against tests/replay_server.py: Semantic Scholar
answering 429 to everything (its real 429 body) -> the badges from DBLP,
exit 3, in seconds, and S2 not asked again in the run; a 429 storm after
two DBLP records -> two kept, and the next run asks only about the rest;
the owner's DBLP page -> five papers in five venue-years at six DBLP
requests; --max-time against a stalled service; a homonym ("Xuanlei Zhao
0002", same title, AAAI 2024) not taken; the replay server as strict as
the services (S2's fields, DBLP's format, ORCID's Accept); the pacing
table and docs/services.md name the same services."""
import json
import os
import re
import sqlite3
import time
import unittest
import urllib.error
import urllib.request

from pubtest import ReplayTestCase
from test_venues import VenueHelpers

FIVE = {"zhao2024realtime": "ICLR 2025", "zhao2024dsp": "ICML 2025",
        "zhao2024autochunk": "ICLR 2024", "zhao2024hetegen": "MLSys 2024",
        "cheng2024fastfold": "PPoPP 2024"}
OWNER_PID = "263/9919"  # fixtures/dblp/pid/263_9919.xml
OWNER_S2 = "2261354811"  # fixtures/semanticscholar/author_2261354811_papers.json
OWNER_ORCID = "0000-0002-5555-0005"  # fixtures/orcid/0000-0002-5555-0005_works.json
S2_429 = {"path_prefix": "/graph/v1/paper/batch", "status": 429, "times": -1,
          "body_file": "semanticscholar/rate_limited_429.json", "content_type": "application/json"}
DBLP_429 = {"status": 429, "times": -1, "content_type": "text/html",
            "body": "<html><head><title>429 Too Many Requests</title></head><body>The vast "
                    "number of requests from your side has led to a temporary block.</body></html>"}
PAPERQA = ("@misc{lala2023paperqa, title={PaperQA: Retrieval-Augmented Generative Agent for "
           "Scientific Research}, author={L'ala, Jakub and White, Andrew D.}, year=2023, "
           "eprint={2312.07559}, archivePrefix={arXiv}}\n")
SRC = os.environ.get("PUB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


class LimitsTest(VenueHelpers, ReplayTestCase):
    def setUp(self):
        super().setUp()
        self.ok("init")

    def tearDown(self):
        self.srv.control()
        super().tearDown()

    # ---- helpers ----
    def dblp_sent(self):
        return [r["path"] for r in self.sent() if r["path"].startswith(("/pid/", "/rec/", "/search/"))]

    # ---- each source fails alone ----
    def test_semantic_scholar_always_429_badges_from_dblp(self):
        self.add_five()
        self.srv.control(S2_429)
        t0 = time.monotonic()
        r = self.net("refresh", "--citations", "--venues", code=3,
                     env={"PUB_HTTP_BACKOFF_MS": "200"})
        took = time.monotonic() - t0
        self.assertLess(took, 20, "took %.1f s" % took)
        self.assertEqual(self.badges(), FIVE, r)
        # one line about the source, naming what goes on
        self.assertIn("pubdb: venues: Semantic Scholar: /graph/v1/paper/batch", r.err)
        self.assertIn("; going on with DBLP", r.err)
        # it asked to be left alone: one request's attempts, then never again
        # in the run (citations asked; venues did not)
        self.assertEqual(len(self.sent("/graph/v1/paper/batch")), 4)
        self.assertIn("not asked: it answered HTTP 429 earlier in this run", r.err)
        # the homonym (AAAI 2024, "Xuanlei Zhao 0002") was in AutoChunk's search
        self.assertNotIn("AAAI", r.out)
        self.assertNotIn("zhao2024autochunk: more than one", r.out)

    def test_title_search_record_500_fails_that_paper(self):
        # the title-search path (S2 rate-limited): a search hit whose /rec
        # answers 500 is not taken on the hit's word; that paper fails
        # alone, as on the Semantic Scholar path (test_venues)
        self.add_five()
        self.srv.control(S2_429)
        self.srv.control({"path_prefix": "/rec/conf/iclr/ZhaoJWY25.bib", "status": 500,
                          "times": -1, "body": "oops"})
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("zhao2024realtime: DBLP: /rec/conf/iclr/ZhaoJWY25.bib: HTTP 500", r.err)
        self.assertTrue(any(q["path"].startswith("/search/") for q in self.sent()))
        b = self.badges()
        self.assertIsNone(b["zhao2024realtime"])
        self.assertEqual({k: v for k, v in b.items() if k != "zhao2024realtime"},
                         {k: v for k, v in FIVE.items() if k != "zhao2024realtime"})

    def test_nothing_reachable_is_75(self):
        self.add_five()
        self.srv.control(S2_429)
        self.srv.control(dict(DBLP_429, path_prefix=["/rec/", "/search/", "/pid/"]))
        r = self.net("refresh", "--venues", code=75)
        self.assertEqual(set(self.badges().values()), {None})
        self.assertIn("DBLP", r.err)

    # ---- progress kept per item ----
    def test_storm_after_two_records_keeps_two_and_the_next_run_asks_the_rest(self):
        self.add_five()
        # PAB's record, DSP's search and record pass; then DBLP answers 429
        self.srv.control(dict(DBLP_429, path_prefix=["/rec/", "/search/"], after=3))
        r = self.net("refresh", "--venues", code=3)
        b = self.badges()
        self.assertEqual((b["zhao2024realtime"], b["zhao2024dsp"]), ("ICLR 2025", "ICML 2025"), r)
        self.assertEqual({k for k, v in b.items() if v}, {"zhao2024realtime", "zhao2024dsp"})
        self.assertIn("pubdb: venues: 3 papers left for the next run (DBLP could not be asked)",
                      r.err)
        # after the storm DBLP was asked once (its retries), not per paper
        storm = self.dblp_sent()[3:]
        self.assertEqual(len(set(storm)), 1, storm)
        self.srv.control()
        self.mark_log()
        r = self.net("refresh", "--venues")
        self.assertEqual(self.badges(), FIVE)
        # only the three left were asked about
        self.assertEqual([b["ids"] for b in self.sent("/graph/v1/paper/batch")], [3])
        paths = self.dblp_sent()
        self.assertNotIn("/rec/conf/iclr/ZhaoJWY25.bib", paths)
        self.assertFalse(any("dynamic_sequence" in p or "dynamic+sequence" in p for p in paths))

    # ---- the owner's page first ----
    def test_owner_page_five_papers_five_venue_years_at_most_six_requests(self):
        self.add_five()
        self.ok("config", "set", "owner.dblp", OWNER_PID)
        r = self.net("refresh", "--venues")
        self.assertEqual(self.badges(), FIVE, r)
        paths = self.dblp_sent()
        self.assertLessEqual(len(paths), 6, paths)
        self.assertEqual(paths[0], "/pid/263/9919.xml")
        self.assertEqual(sorted(paths[1:]), ["/rec/conf/iclr/2024.bib", "/rec/conf/iclr/2025.bib",
                                             "/rec/conf/icml/2025.bib", "/rec/conf/mlsys/2024.bib",
                                             "/rec/conf/ppopp/2024.bib"])
        self.assertEqual(self.sent("/graph/v1/paper/batch"), [])  # the page placed them all
        self.assertIn("zhao2024realtime: published at ICLR 2025 (dblp conf/iclr/ZhaoJWY25)", r.out)
        # the full venue name from the proceedings record
        pab = self.paper("zhao2024realtime")
        self.assertEqual(pab["fields"].get("booktitle"), "The Thirteenth International Conference on "
                         "Learning Representations, {ICLR} 2025, Singapore, April 24-28, 2025")
        ff = self.paper("cheng2024fastfold")
        self.assertIn("Principles and Practice of Parallel Programming", ff["fields"]["booktitle"])
        self.assertEqual(self.sql("SELECT dblp FROM papers WHERE citekey = 'zhao2024dsp'"),
                         [("conf/icml/ZhaoCCZLYY25",)])

    def test_owner_page_asked_once_per_refresh(self):
        # the venues step and the profiles step both read the owner's
        # page: one request in one run (the session keeps it)
        self.add_five()
        self.ok("config", "set", "owner.dblp", OWNER_PID)
        r = self.pub("refresh", env=self.env)
        self.assertIn(r.code, (0, 3), r)
        self.assertEqual(self.badges(), FIVE, r)
        self.assertEqual([q["path"] for q in self.sent("/pid/")], ["/pid/263/9919.xml"])
        # ... and the profiles step read it from the session
        self.assertEqual(r.code, 0, r)
        self.assertIn("profiles: 5 papers listed, 0 new, 5 known", r.err)

    def test_owner_s2_list_gives_badges_and_ids_in_one_request(self):
        # the owner's Semantic Scholar author papers (fixtures/semanticscholar/
        # author_2261354811_papers.json): every badge from the one list,
        # with S2's per-paper batch and DBLP answering 429
        self.add_five()
        self.ok("config", "set", "owner.s2", OWNER_S2)
        self.srv.control(S2_429)
        self.srv.control(dict(DBLP_429, path_prefix=["/rec/", "/search/", "/pid/"]))
        r = self.net("refresh", "--venues", "--profiles")
        # S2's year for a merged preprint is the preprint's (PAB: 2024): the
        # DBLP key it names says ICLR 2025
        self.assertEqual(self.badges(), FIVE, r)
        # one request: the profiles step reused the list (its one paper not
        # stored, an arXiv-only one, went to the inbox)
        self.assertEqual([q["path"] for q in self.sent("/graph/")],
                         ["/graph/v1/author/%s/papers" % OWNER_S2])
        self.assertIn("1 new paper in the inbox", r.out)
        self.assertIn("publicationVenue", self.sent("/graph/")[0]["query"].replace("%2C", ","))
        self.assertEqual(self.dblp_sent(), [])
        self.assertIn("zhao2024realtime: published at ICLR 2025 (semanticscholar conf/iclr/ZhaoJWY25)",
                      r.out)
        # a paper without an arXiv id gains the one the list gives
        self.assertIn("cheng2024fastfold: arXiv 2203.00854 (the owner's list)", r.out)
        self.assertEqual(self.sql("SELECT arxiv FROM papers WHERE citekey = 'cheng2024fastfold'"),
                         [("2203.00854",)])
        self.assertEqual(self.sql("SELECT dblp FROM papers WHERE citekey = 'zhao2024dsp'"),
                         [("conf/icml/ZhaoCCZLYY25",)])

    def test_owner_orcid_list_gives_badges_and_ids(self):
        # the ORCID works (fixtures/orcid/0000-0002-5555-0005_works.json):
        # journal titles "ICLR", "ICLR 2024", "... (ICML)"; a preprint's
        # group ("arXiv") is no venue
        self.add_five()
        self.ok("config", "set", "owner.orcid", OWNER_ORCID)
        self.srv.control(S2_429)
        self.srv.control(dict(DBLP_429, path_prefix=["/rec/", "/search/", "/pid/"]))
        r = self.net("refresh", "--venues")
        self.assertEqual(self.badges(), FIVE, r)
        self.assertEqual([q["path"] for q in self.sent("/v3.0/")][0], "/v3.0/%s/works" % OWNER_ORCID)
        self.assertEqual(self.sent("/graph/"), [])
        self.assertIn("zhao2024dsp: published at ICML 2025 (orcid owner.orcid)", r.out)
        self.assertEqual(self.sql("SELECT arxiv FROM papers WHERE citekey = 'cheng2024fastfold'"),
                         [("2203.00854",)])
        dsp = self.paper("zhao2024dsp")
        self.assertEqual(dsp["fields"].get("booktitle"),
                         "International Conference on Machine Learning (ICML)")

    def test_owner_list_id_another_paper_has_is_not_gained(self):
        # the preprint of FastFold stored as its own entry: the id the
        # owner's list gives the published one is that entry's, not gained
        self.add_five()
        self.ok("add", self.write("pre.bib", "@misc{fastfoldpre, title={FastFold: the preprint}, "
                                  "author={Cheng, Shenggan}, year={2022}, eprint={2203.00854}, "
                                  "archiveprefix={arXiv}}\n"))
        self.ok("config", "set", "owner.orcid", OWNER_ORCID)
        self.srv.control(S2_429)
        self.srv.control(dict(DBLP_429, path_prefix=["/rec/", "/search/", "/pid/"]))
        r = self.net("refresh", "--venues")
        # the preprint is the same work: placed too, by its arXiv id
        self.assertEqual(self.badges(), dict(FIVE, fastfoldpre="PPoPP 2024"), r)
        self.assertIn("cheng2024fastfold: the owner's list gives it an id paper 'fastfoldpre' "
                      "already has; not taken", r.err)
        self.assertNotIn("cheng2024fastfold: arXiv", r.out)
        self.assertIn("fastfoldpre: the owner's list gives it an id paper 'cheng2024fastfold' "
                      "already has; not taken", r.err)
        self.assertEqual(self.sql("SELECT citekey FROM papers WHERE arxiv = '2203.00854'"),
                         [("fastfoldpre",)])

    def test_owner_page_rate_limited_goes_on_with_the_others(self):
        self.add_five()
        self.ok("config", "set", "owner.dblp", OWNER_PID)
        self.srv.control(dict(DBLP_429, path_prefix="/pid/", times=4))
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("pubdb: venues: DBLP: /pid/263/9919.xml", r.err)
        self.assertIn("going on with Semantic Scholar", r.err)
        # DBLP is held for the run: S2 placed nothing without DBLP's records
        self.assertEqual(len(self.sent("/pid/")), 4)
        self.assertEqual(self.sent("/rec/"), [])

    # ---- negative answers remembered ----
    def test_negative_answers_are_remembered(self):
        self.ok("add", self.write("o.bib", "@misc{other, title={Efficient Attention for Everything}, "
                                  "author={Xuanlei Zhao and Yang You}, year=2023}\n"))
        self.mark_log()
        self.net("-q", "refresh", "--venues")
        self.assertEqual(len(self.sent("/search/publ/api")), 1)
        (unknown,), = self.sql("SELECT unknown FROM venue_lookups")
        self.assertEqual(list(json.loads(unknown)), ["dblp"])
        self.assertRegex(json.loads(unknown)["dblp"], r"^\d{4}-\d\d-\d\d$")
        # DBLP said it does not know it: not asked again within 30 days
        self.mark_log()
        r = self.net("refresh", "--venues")
        self.assertEqual(self.sent("/search/publ/api"), [])
        self.assertIn("1 skipped", r.err)
        # ... a setting; 0 asks every run
        self.ok("config", "set", "refresh.unknown_days", "0")
        self.net("-q", "refresh", "--venues")
        self.assertEqual(len(self.sent("/search/publ/api")), 1)
        # the memory goes through dump and load
        self.assertIn('"unknown":{"dblp":', self.ok("dump").out)

    def test_openalex_and_openreview_not_known_are_remembered(self):
        # the real arXiv-only recording: OpenAlex has no work for its arXiv
        # DOI (404), OpenReview's guest search has no note of it
        self.ok("add", self.write("q.bib", PAPERQA))
        oa = "/works/doi:10.48550/arXiv.2312.07559"
        # a 429 is not a negative answer: nothing remembered
        self.srv.control({"path_prefix": "/works/doi:", "status": 429, "times": -1})
        self.net("-q", "refresh", "--citations", code=3)
        self.assertEqual(self.sql("SELECT unknown FROM venue_lookups"), [])
        self.srv.control()
        self.mark_log()
        self.net("-q", "refresh", "--citations", "--openreview")
        self.assertEqual(len(self.sent(oa)), 1)
        self.assertEqual(len(self.sent("/notes/search")), 1)
        (checked, unknown), = self.sql("SELECT checked, unknown FROM venue_lookups")
        self.assertEqual(sorted(json.loads(unknown)), ["openalex", "openreview"])
        # not a venue lookup: --max-age still lets the venues step ask
        self.assertEqual(checked, "")
        # a second run asks neither again (counted by the server)
        before = self.counts()
        r = self.net("refresh", "--citations", "--openreview")
        after = self.counts()
        self.assertEqual(after.get(oa, 0), before.get(oa, 0))
        self.assertEqual(after.get("/notes/search", 0), before.get("/notes/search", 0))
        self.assertIn("1 skipped", r.err)
        # the days passed (0: every run): both are asked again
        self.ok("config", "set", "refresh.unknown_days", "0")
        self.mark_log()
        self.net("-q", "refresh", "--citations", "--openreview")
        self.assertEqual((len(self.sent(oa)), len(self.sent("/notes/search"))), (1, 1))
        self.mark_log()
        self.net("-q", "refresh", "--venues", "--max-age", "12h")
        self.assertEqual(len(self.sent("/graph/v1/paper/batch")), 1)

    def counts(self):
        st, ct, body = self.get("/_counts")
        return json.loads(body)

    def test_schema_5_upgrades_to_6(self):
        v5 = os.path.join(self.dir, "v5.sqlite3")
        con = sqlite3.connect(v5)
        with open(os.path.join(SRC, "fixtures", "schema-v5.sql")) as f:
            con.executescript(f.read())
        con.executescript("""
            INSERT INTO papers(id, citekey, type, title, selected, title_key, added, modified,
              fields_json) VALUES (1, 'a2020', 'misc', 'A', 0, 'a', '2026-01-01T00:00:00Z',
              '2026-01-01T00:00:00Z', '{"title":"A"}');
            INSERT INTO venue_lookups(paper_id, checked, candidates) VALUES (1, '2026-01-01T00:00:00Z', NULL);
            PRAGMA user_version = 5;""")
        con.commit()
        con.close()
        self.ok("list", db=v5)
        con = sqlite3.connect(v5)
        try:
            self.assertEqual(con.execute("PRAGMA user_version").fetchone(), (6,))
            self.assertEqual(con.execute("SELECT paper_id, unknown FROM venue_lookups").fetchall(),
                             [(1, None)])
        finally:
            con.close()

    # ---- the run's time limit ----
    def test_max_time_against_a_stalled_service(self):
        self.add_five()
        env = dict(self.env)
        env.pop("PUB_HTTP_TIMEOUT", None)
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "delay": 30, "times": -1})
        t0 = time.monotonic()
        r = self.pub("refresh", "--venues", "--max-time", "5s", env=env)
        took = time.monotonic() - t0
        self.assertEqual(r.code, 3, r)
        self.assertLess(took, 10, "took %.1f s" % took)
        self.assertRegex(r.err, r"pubdb: time limit reached after 5\.\d s; not done: venues \(cut short\)")

    # ---- homonyms ----
    def test_the_homonym_is_not_taken(self):
        self.net("-q", "add", "arxiv:2401.10652")
        self.mark_log()
        self.srv.control(S2_429)
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("zhao2024autochunk: published at ICLR 2024 (dblp conf/iclr/ZhaoCLFZJLY24)", r.out)
        self.assertEqual(self.sql("SELECT candidates FROM venue_lookups"), [(None,)])
        # with owner.dblp, DBLP's pids say the same
        self.ok("edit", "zhao2024autochunk", "venue=")
        self.ok("config", "set", "owner.dblp", OWNER_PID)
        self.srv.control({"path_prefix": "/pid/", "status": 404, "times": -1,
                          "content_type": "text/html", "body": "<html>Not Found</html>"})
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("zhao2024autochunk: published at ICLR 2024", r.out)

    # ---- the replay is as strict as the services ----
    def post(self, path, body, headers=None):
        req = urllib.request.Request(self.srv.url + path, data=json.dumps(body).encode(),
                                     method="POST", headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=5) as f:
                return f.status, f.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def get(self, path, headers=None):
        req = urllib.request.Request(self.srv.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=5) as f:
                return f.status, f.headers.get("Content-Type"), f.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers.get("Content-Type"), e.read()

    def test_replay_semantic_scholar_answers_only_the_fields_asked(self):
        st, body = self.post("/graph/v1/paper/batch?fields=title,bogusField", {"ids": ["ARXIV:2408.12588"]})
        self.assertEqual(st, 400)
        self.assertEqual(json.loads(body), {"error": "Unrecognized or unsupported fields: [bogusField]"})
        st, body = self.post("/graph/v1/paper/batch?fields=title", {"ids": ["ARXIV:2408.12588"]})
        self.assertEqual((st, sorted(json.loads(body)[0])), (200, ["paperId", "title"]))
        st, body = self.post("/graph/v1/paper/batch?fields=title,externalIds",
                             {"ids": ["ARXIV:2312.07559"]})
        slot = json.loads(body)[0]
        self.assertEqual(slot["externalIds"]["DBLP"], "journals/corr/abs-2312-07559")

    def test_real_arxiv_only_recording_gives_no_badge(self):
        # the real recording of an arXiv-only paper (venue "arXiv.org", a
        # CoRR DBLP key, "JournalArticle"): no badge, no search hit taken
        self.ok("add", self.write("q.bib", PAPERQA))
        self.mark_log()
        r = self.net("refresh", "--venues")
        self.assertIsNone(self.badges()["lala2023paperqa"], r)
        batch = self.sent("/graph/v1/paper/batch")
        self.assertEqual(len(batch), 1)
        self.assertIn("externalIds", batch[0]["query"].replace("%2C", ","))
        self.assertEqual(len(self.sent("/search/publ/api")), 1)

    def test_replay_dblp_and_orcid_formats(self):
        st, ct, body = self.get("/search/publ/api?q=one+title+at+two+venues&h=10")
        self.assertTrue(body.startswith(b"<?xml") and "xml" in ct, body[:80])
        self.assertIn(b'<author pid="263/9919">Xuanlei Zhao</author>', body)
        st, ct, body = self.get("/search/publ/api?q=one+title+at+two+venues&format=json&h=10")
        self.assertEqual(json.loads(body)["result"]["hits"]["@total"], "2")
        st, ct, body = self.get("/v3.0/0000-0002-9341-7985/works")
        self.assertTrue(body.startswith(b"<?xml") and "orcid+xml" in ct, body[:80])
        st, ct, body = self.get("/v3.0/0000-0002-9341-7985/works", {"Accept": "application/json"})
        self.assertIn("group", json.loads(body))
        # an iD ORCID has no record of: its recorded 404 (error 9016), in
        # either format, also on the bulk endpoint
        st, ct, body = self.get("/v3.0/0000-0001-5109-3700/works", {"Accept": "application/json"})
        self.assertEqual((st, json.loads(body)["error-code"]), (404, 9016))
        st, ct, body = self.get("/v3.0/0000-0001-5109-3700/works")
        self.assertEqual(st, 404)
        self.assertIn(b"<error:error-code>9016</error:error-code>", body)
        st, ct, body = self.get("/v3.0/0000-0001-5109-3700/works/1,2", {"Accept": "application/json"})
        self.assertEqual(st, 404)

    def test_replay_counts_requests_per_path(self):
        self.get("/rec/conf/iclr/2024.bib")
        self.get("/rec/conf/iclr/2024.bib")
        st, ct, body = self.get("/_counts")
        self.assertGreaterEqual(json.loads(body)["/rec/conf/iclr/2024.bib"], 2)

    # ---- pacing: one table, documented ----
    def test_pacing_table_is_documented(self):
        with open(os.path.join(SRC, "lib", "sync", "session.c"), encoding="utf-8") as f:
            table = re.findall(r'^\s*\{"([^"]+)", (\d+), (?:"(\w+)"|NULL), (\d+), "([^"]*)"\}',
                               f.read(), re.M)
        names = {t[0] for t in table}
        self.assertTrue({"arXiv", "DBLP", "Semantic Scholar", "OpenReview", "Hugging Face"} <= names,
                        names)
        with open(os.path.join(SRC, "docs", "services.md"), encoding="utf-8") as f:
            doc = f.read()
        pacing = doc[doc.index("## Pacing"):]
        for name, ms, env, slow, rule in table:
            row = [l for l in pacing.splitlines() if l.startswith("| %s |" % name)]
            self.assertEqual(len(row), 1, name)
            self.assertIn("%s ms" % ms if ms != "0" else "none", row[0], name)
            if env:
                self.assertIn(env, row[0])


if __name__ == "__main__":
    unittest.main()
