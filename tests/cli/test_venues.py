"""test_venues.py: `pubdb refresh --venues` end to end, with the real binary
against tests/replay_server.py serving fixtures/semanticscholar and
fixtures/dblp: the example page's five papers get their five badges with no
`edit venue=`; a same-title paper by other authors, a CoRR-only hit and a
workshop version are not taken; two acceptable versions are left to
`doctor`; a user-set venue survives; 429s; the S2 key never leaks; one S2
request for five papers; `--only`; a failed source fails alone."""
import json
import os
import tempfile
import unittest

from pubtest import PubTestCase, ReplayTestCase, Replay, dump_db

S2_KEY = "s2-key-NeverShown-0123456789"
FIVE = {"zhao2024realtime": "ICLR 2025", "zhao2024dsp": "ICML 2025",
        "zhao2024autochunk": "ICLR 2024", "zhao2024hetegen": "MLSys 2024",
        "cheng2024fastfold": "PPoPP 2024"}
OTHERS = r"""@misc{other, title={Efficient Attention for Everything}, author={Xuanlei Zhao}, year=2023}
@misc{corronly, title={A Study Only on arXiv}, author={Xuanlei Zhao}, year=2023}
@misc{workshop, title={Sparse Tricks for Tiny Models}, author={Xuanlei Zhao and Yang You}, year=2023}
@misc{twice, title={One Title at Two Venues}, author={Xuanlei Zhao and Yang You}, year=2023}
@misc{caching, title={Zhao's Law of Caching}, author={Zhao, Xuanlei}, year=2022}
"""


class VenueHelpers:
    """What the venue and limit suites ask of their replay-server tests
    (test_limits imports it)."""
    def net(self, *args, code=0, env=None):
        e = dict(self.env)
        e.update(env or {})
        r = self.pub(*args, env=e)
        self.assertEqual(r.code, code, r)
        return r

    def sent(self, prefix="/"):
        return [r for r in self.srv.requests()[self.mark:] if r["path"].startswith(prefix)]

    def mark_log(self):
        self.mark = len(self.srv.requests())

    def add_five(self):
        self.net("-q", "add", "arxiv:2408.12588", "arxiv:2403.10266", "arxiv:2401.10652",
                 "arxiv:2403.01164")
        self.net("-q", "add", "doi:10.1145/3627535.3638465")
        self.mark_log()

    def badges(self):
        return {p["key"]: p["venue"] for p in self.papers()}



class VenuesTest(VenueHelpers, ReplayTestCase):
    def setUp(self):
        super().setUp()
        u = self.srv.url
        self.env = {"PUBDB_ARXIV_URL": u, "PUBDB_DOI_URL": u, "PUBDB_CROSSREF_URL": u,
                    "PUBDB_GITHUB_URL": u, "PUBDB_S2_URL": u, "PUBDB_DBLP_URL": u, "PUBDB_OPENALEX_URL": u,
                    "PUBDB_HF_URL": u, "PUB_HF_INTERVAL_MS": "0",
                    "PUBDB_OPENREVIEW_URL": u, "PUB_OPENREVIEW_INTERVAL_MS": "0",
                    "PUB_ARXIV_INTERVAL_MS": "0", "PUB_S2_INTERVAL_MS": "0",
                    "PUB_DBLP_INTERVAL_MS": "0", "PUB_HTTP_BACKOFF_MS": "10",
                    "S2_API_KEY": S2_KEY, "GITHUB_TOKEN": ""}
        self.ok("init")

    def tearDown(self):
        self.srv.control()
        super().tearDown()

    # ---- the example page ----
    def test_five_badges_from_discovery(self):
        self.add_five()
        self.assertEqual(set(self.badges().values()), {None})
        r = self.net("refresh", "--venues")
        self.assertEqual(sorted(r.out.splitlines()), sorted([
            "cheng2024fastfold: published at PPoPP 2024 (dblp conf/ppopp/ChengZLFZWZPY24)",
            "zhao2024autochunk: published at ICLR 2024 (dblp conf/iclr/ZhaoCLFZJLY24)",
            "zhao2024dsp: published at ICML 2025 (dblp conf/icml/ZhaoCCZLYY25)",
            "zhao2024hetegen: published at MLSys 2024 (dblp conf/mlsys/ZhaoJZLCY24)",
            "zhao2024realtime: published at ICLR 2025 (dblp conf/iclr/ZhaoJWY25)"]), r)
        self.assertEqual(self.badges(), FIVE)
        # one S2 request for the five papers, arXiv ids and the DOI together
        batch = self.sent("/graph/v1/paper/batch")
        self.assertEqual([(b["method"], b["ids"]) for b in batch], [("POST", 5)])
        self.assertIn("fields=title,year,venue,publicationVenue,externalIds,authors,citationCount",
                      batch[0]["query"].replace("%2C", ","))
        # DBLP searched only the two S2 could not place (DSP: CoRR key; HeteGen: null)
        self.assertEqual(len(self.sent("/search/publ/api")), 2)
        rows = dict((k, (s, d)) for k, s, d in self.sql(
            "SELECT citekey, venue_source, dblp FROM papers"))
        self.assertEqual(rows["zhao2024realtime"], ("dblp", "conf/iclr/ZhaoJWY25"))
        self.assertEqual(rows["cheng2024fastfold"], ("dblp", "conf/ppopp/ChengZLFZWZPY24"))
        events = self.sql("SELECT p.citekey, e.kind, e.value, e.source FROM events e "
                          "JOIN papers p ON p.id = e.paper_id WHERE e.kind = 'venue'")
        self.assertEqual(sorted(events), sorted((k, "venue", v, "dblp") for k, v in FIVE.items()))
        # the published entry, with the arXiv eprint kept, read by the reader
        bib = self.ok("export", "--bibtex").out
        path = self.write("out.bib", bib)
        from pubtest import bibdump
        entries = {e["key"]: e for e in bibdump(path) if "key" in e}
        pab = entries["zhao2024realtime"]
        fields = dict((f[0], f[1]) for f in pab["fields"]) if isinstance(pab["fields"], list) \
            else pab["fields"]
        self.assertEqual(pab["type"], "inproceedings")
        self.assertEqual(fields["booktitle"], "The Thirteenth International Conference on Learning "
                         "Representations, {ICLR} 2025, Singapore, April 24-28, 2025")
        self.assertEqual(fields["year"], "2025")
        self.assertEqual(fields["eprint"], "2408.12588")
        ff = entries["cheng2024fastfold"]
        ffields = dict((f[0], f[1]) for f in ff["fields"]) if isinstance(ff["fields"], list) \
            else ff["fields"]
        self.assertIn("Principles and Practice of Parallel Programming", ffields["booktitle"])
        # a second run asks nothing: every paper has its badge
        self.mark_log()
        r = self.net("-q", "refresh", "--venues")
        self.assertEqual((r.out, r.err), ("", ""))
        self.assertEqual(self.sent("/graph/v1/paper/batch"), [])

    def test_html_page_shows_badges(self):
        self.add_five()
        self.net("-q", "refresh", "--venues")
        html = self.ok("export", "--html").out
        for badge in FIVE.values():
            self.assertIn('<code class="pub-venue">%s</code>' % badge, html)

    def test_semantic_scholar_venue_when_dblp_has_none(self):
        # a paper DBLP does not know (chemistry, added by DOI): S2's journal
        self.net("-q", "add", "doi:10.1126/science.169.3946.635")
        self.mark_log()
        r = self.net("refresh", "--venues")
        self.assertEqual(r.out.strip(), "frank1970structure: published at Science 1970 "
                         "(semanticscholar 0a7c3e5f1b9d2c4e6f8a0b1c3d5e7f9a1b3c5d7e)")
        self.assertEqual(self.sql("SELECT venue, venue_source, dblp FROM papers"),
                         [("Science 1970", "semanticscholar", None)])
        self.assertEqual(len(self.sent("/search/publ/api")), 1)  # DBLP was asked first
        self.assertEqual(self.sql("SELECT count(*) FROM events WHERE source = 'semanticscholar'"),
                         [(1,)])

    def test_semantic_scholar_venue_not_for_a_merged_preprint(self):
        # S2 merged arXiv 2408.12588 with its ICLR version but keeps the
        # arXiv year: without DBLP, its own venue would give "ICLR 2024"
        self.add_five()
        self.srv.control({"path_prefix": "/rec/conf/iclr/ZhaoJWY25.bib", "status": 404,
                          "times": -1, "body": "<html>Not Found</html>", "content_type": "text/html"})
        self.srv.control({"path_prefix": "/search/publ/api", "times": -1, "status": 200,
                          "body_file": "dblp/search_publ_json_no_hits_dasfaa90.json",
                          "content_type": "application/json"})
        self.net("-q", "refresh", "--venues")
        b = self.badges()
        self.assertIsNone(b["zhao2024realtime"])
        self.assertEqual(b["zhao2024autochunk"], "ICLR 2024")

    # ---- what is not taken ----
    def test_not_taken(self):
        self.ok("add", self.write("o.bib", OTHERS))
        self.mark_log()
        r = self.net("refresh", "--venues")
        self.assertEqual(sorted(r.out.splitlines()), [
            "caching: published at AAAI 2023 (dblp conf/aaai/Zhao23)",
            "twice: more than one published version found, not applied (see pubdb doctor)",
            "workshop: only a workshop version found, not applied (see pubdb doctor)"], r)
        b = self.badges()
        self.assertEqual((b["other"], b["corronly"], b["workshop"], b["twice"]),
                         (None, None, None, None))
        self.assertEqual(b["caching"], "AAAI 2023")  # one author object, a venue array, &apos;
        # no paper has an id, so Semantic Scholar is not asked
        self.assertEqual(self.sent("/graph/v1/paper/batch"), [])
        doc = self.pub("doctor")
        self.assertIn("note: venue candidates: twice: ICML 2023 (dblp conf/icml/ZhaoY23), "
                      "JMLR 2024 (dblp journals/jmlr/ZhaoY24); set one with: pubdb edit twice "
                      "venue=...", doc.out + doc.err)
        self.assertIn("note: venue candidates: workshop: CVPR Workshops 2023 (dblp "
                      "conf/cvpr/ZhaoY23, workshop)", doc.out + doc.err)
        # the user's choice ends the note
        self.ok("edit", "twice", "venue=ICML 2023")
        doc = self.pub("doctor")
        self.assertNotIn("twice:", doc.out + doc.err)

    # ---- the user's venue ----
    def test_user_venue_survives_and_empty_clears(self):
        self.add_five()
        self.ok("edit", "zhao2024realtime", "venue=NeurIPS 2024 (oral)")
        self.net("-q", "refresh", "--venues")
        b = self.badges()
        self.assertEqual(b["zhao2024realtime"], "NeurIPS 2024 (oral)")
        self.assertEqual(b["zhao2024dsp"], "ICML 2025")
        self.assertEqual(self.sent("/graph/v1/paper/batch")[0]["ids"], 4)  # not even asked
        self.assertEqual(self.sql("SELECT venue_source FROM papers WHERE citekey = "
                                  "'zhao2024realtime'"), [("user",)])
        self.ok("edit", "zhao2024realtime", "venue=")
        self.assertEqual(self.sql("SELECT venue, venue_source FROM papers WHERE citekey = "
                                  "'zhao2024realtime'"), [(None, None)])
        r = self.net("refresh", "--venues", "--max-age", "7d")
        self.assertEqual(r.out.strip(), "zhao2024realtime: published at ICLR 2025 "
                         "(dblp conf/iclr/ZhaoJWY25)")

    def test_add_venue_is_the_users(self):
        self.net("-q", "add", "--venue", "Workshop X 2024", "arxiv:2408.12588")
        self.mark_log()
        self.net("-q", "refresh", "--venues")
        self.assertEqual(self.badges()["zhao2024realtime"], "Workshop X 2024")
        self.assertEqual(self.sent("/graph/v1/paper/batch"), [])

    # ---- the network ----
    def test_429_with_retry_after_is_waited_out(self):
        self.add_five()
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "status": 429,
                          "retry_after": "1", "times": 1,
                          "body_file": "semanticscholar/rate_limited_429.json",
                          "content_type": "application/json"})
        self.srv.control({"path_prefix": "/rec/", "status": 429, "retry_after": "1", "times": 1,
                          "body": "<html><head><title>429 Too Many Requests</title></head></html>",
                          "content_type": "text/html"})
        self.net("-q", "refresh", "--venues")
        self.assertEqual(self.badges(), FIVE)
        self.assertEqual(len(self.sent("/graph/v1/paper/batch")), 2)

    def test_each_source_fails_alone(self):
        # a rate-limited, broken or unreachable source is one line, and the
        # next source goes on: exit 3; 75 only when nothing could be reached
        self.add_five()
        before = dump_db(self.db)
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "status": 429, "times": -1,
                          "body_file": "semanticscholar/rate_limited_429.json",
                          "content_type": "application/json"})
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("pubdb: venues: Semantic Scholar: ", r.err)
        self.assertIn("; going on with DBLP", r.err)
        # DBLP's search places the two it has records for
        b = self.badges()
        self.assertEqual((b["zhao2024dsp"], b["zhao2024hetegen"]), ("ICML 2025", "MLSys 2024"))
        self.ok("edit", "zhao2024dsp", "venue=")
        self.ok("edit", "zhao2024hetegen", "venue=")
        self.srv.control()
        self.srv.control({"path_prefix": "/search/publ/api", "status": 429, "times": -1,
                          "body": "<html><title>429 Too Many Requests</title></html>",
                          "content_type": "text/html"})
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("DBLP", r.err)
        # the three S2 placed through their DBLP keys are kept
        b = self.badges()
        self.assertEqual(b["zhao2024realtime"], "ICLR 2025")
        self.assertIsNone(b["zhao2024dsp"])
        self.srv.control()
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "status": 200, "times": 1,
                          "body": "<!DOCTYPE html><p>down for maintenance</p>",
                          "content_type": "text/html"})
        r = self.net("refresh", "--venues", code=3)
        self.assertIn("pubdb: venues: Semantic Scholar: /graph/v1/paper/batch: an HTML page", r.err)
        self.assertEqual(self.badges()["zhao2024dsp"], "ICML 2025")
        # nothing reachable at all: 75, nothing changed
        self.ok("edit", "zhao2024dsp", "venue=")
        before = dump_db(self.db)
        r = self.net("refresh", "--venues", code=75,
                     env={"PUBDB_S2_URL": "http://127.0.0.1:9", "PUBDB_DBLP_URL": "http://127.0.0.1:9"})
        self.assertIn("Semantic Scholar is unreachable", r.err)
        self.assertIn("DBLP is unreachable", r.err)
        self.assertEqual(before, dump_db(self.db))

    def test_one_dblp_failure_is_partial(self):
        self.add_five()
        self.srv.control({"path_prefix": "/rec/conf/iclr/ZhaoJWY25.bib", "status": 500,
                          "times": -1, "body": "oops"})
        r = self.net("-q", "refresh", "--venues", code=3)
        self.assertIn("zhao2024realtime: DBLP: /rec/conf/iclr/ZhaoJWY25.bib: HTTP 500", r.err)
        b = self.badges()
        self.assertIsNone(b["zhao2024realtime"])
        self.assertEqual(b["zhao2024dsp"], "ICML 2025")

    def test_key_never_leaks(self):
        self.add_five()
        r = self.net("refresh", "--venues")
        self.srv.control({"path_prefix": "/graph/v1/paper/batch", "status": 400, "times": 1,
                          "body": '{"error":"Unrecognized or unsupported fields: [x]"}',
                          "content_type": "application/json"})
        self.ok("edit", "zhao2024dsp", "venue=")
        r2 = self.net("refresh", "--venues", code=3)
        self.assertIn("HTTP 400: Unrecognized", r2.err)
        for text in (r.out, r.err, r2.out, r2.err, dump_db(self.db)):
            self.assertNotIn(S2_KEY, text)
        with open(self.db, "rb") as f:
            self.assertNotIn(S2_KEY.encode(), f.read())
        with open(self.srv.log, encoding="utf-8") as f:
            self.assertNotIn(S2_KEY, f.read())
        self.assertTrue(all(b["x_api_key"] for b in self.sent("/graph/v1/paper/batch")))

    # ---- refresh's steps ----
    def test_only_and_plain_refresh(self):
        self.add_five()
        r = self.net("refresh", "--only", "venues,bogus", code=2)
        self.assertIn("unknown source 'bogus'", r.err)
        self.net("-q", "refresh", "--only", "venues")
        self.assertEqual(self.sent("/api/query"), [])  # arXiv not asked
        self.assertEqual(len(self.sent("/graph/v1/paper/batch")), 1)
        self.ok("edit", "zhao2024dsp", "venue=")
        self.mark_log()
        r = self.net("-q", "refresh")  # every step: arXiv, citations, venues, stars, profiles
        self.assertEqual((r.out, r.err), ("", ""))
        self.assertEqual(len(self.sent("/api/query")), 1)
        # one batch for all five papers: citations asks it, and venues finds
        # its one paper without a badge among the answers
        self.assertEqual([b["ids"] for b in self.sent("/graph/v1/paper/batch")], [5])
        self.assertEqual(self.badges()["zhao2024dsp"], "ICML 2025")
        self.mark_log()
        self.net("-q", "refresh", "--only", "arxiv,stars,profiles")
        self.assertEqual(self.sent("/graph/v1/paper/batch"), [])

    def test_max_age_skips_recent_lookups(self):
        self.ok("add", self.write("o.bib", OTHERS))
        self.net("-q", "refresh", "--venues")
        self.mark_log()
        r = self.net("refresh", "--venues", "--max-age", "1h")
        self.assertEqual(self.sent("/search/publ/api"), [])
        self.assertIn("4 skipped", r.err)
        self.net("-q", "refresh", "--venues")
        # the two DBLP said it does not know are not asked again (30 days)
        self.assertEqual(len(self.sent("/search/publ/api")), 2)


if __name__ == "__main__":
    unittest.main()
