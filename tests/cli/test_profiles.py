"""test_profiles.py: `pubdb add dblp:PID | orcid:ID | s2author:ID`, `refresh
--profiles`, `pubdb inbox` and its accept and reject, end to end with the real
binary against tests/replay_server.py serving fixtures/{dblp,orcid,semanticscholar}
(the crafted person 00/0001 = ORCID 0000-0002-1825-0097 = S2 author 1000001, the
recorded DBLP person 95/7448-1 and ORCID records) and injecting faults."""
import json
import os
import sqlite3
import tempfile
import unittest

from pubtest import PubTestCase, ReplayTestCase, Replay

BIB_NOTE = """@article{mynote,
  title = {A Note on Single Authors \\& Their Records},
  author = {Tester, Ada},
  journal = {J. Test.},
  year = {2024},
  doi = {10.1234/jtest.2024.1},
}
"""

BIB_DOSE = """@article{dose20,
  title = {Dose-Rate Estimation using α-Al2O3:C Chips: Aftermath},
  author = {Kreutzer, Sebastian and Tribolo, Chantal},
  journal = {Ancient TL},
  year = {2020},
}
"""


class ProfilesTest(ReplayTestCase):
    def setUp(self):
        super().setUp()
        u = self.srv.url
        self.env = {"PUBDB_DBLP_URL": u, "PUBDB_ORCID_URL": u, "PUBDB_S2_URL": u,
                    "PUB_DBLP_INTERVAL_MS": "1", "PUB_S2_INTERVAL_MS": "1",
                    "PUB_HTTP_BACKOFF_MS": "5"}

    def run_pub(self, *args, code=0):
        r = self.pub(*args, env=self.env)
        self.assertEqual(r.code, code, r)
        return r

    def count(self, sql):
        with sqlite3.connect(self.db) as c:
            return c.execute(sql).fetchone()[0]

    def inbox(self):
        return json.loads(self.run_pub("inbox", "--json").out)

    # ---- add ----
    def test_add_dblp_once_with_venues_then_nothing(self):
        r = self.run_pub("add", "dblp:00/0001")
        self.assertIn("3 papers listed: 3 added, 0 merged", r.err)
        ps = {p["title"]: p for p in self.papers()}
        self.assertEqual(len(ps), 3)
        # the ICLR record and its CoRR record are one paper, with both ids
        t = ps["Testing Profiles at Scale"]
        self.assertEqual(t["venue"], "ICLR 2025")
        self.assertEqual(t["arxiv"], "2408.00001")
        self.assertEqual(t["type"], "inproceedings")
        note = ps["A Note on Single Authors & Their Records"]
        self.assertEqual(note["venue"], "J. Test. 2024")
        self.assertEqual(note["doi"], "10.1234/jtest.2024.1")
        self.assertEqual([a["name"] for a in note["authors"]], ["Ada Tester"])
        # homonym numbers are not part of names
        icse = ps["Replay Servers Considered Helpful"]
        self.assertEqual([a["name"] for a in icse["authors"]], ["Ada Tester", "Kim Lee"])
        self.assertEqual(self.count("SELECT count(*) FROM papers WHERE dblp IS NOT NULL"), 3)
        # again, or through ORCID or Semantic Scholar: nothing new
        before = self.count("SELECT count(*) FROM papers")
        r = self.run_pub("add", "dblp:00/0001")
        self.assertIn("0 added, 3 merged", r.err)
        r = self.run_pub("add", "orcid:0000-0002-1825-0097")
        self.assertIn("0 added, 3 merged", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), before)

    def test_add_recorded_dblp_person(self):
        r = self.run_pub("add", "dblp:https://dblp.org/pid/95/7448-1.html")
        self.assertIn("8 papers listed: 8 added", r.err)
        ps = self.papers()
        self.assertEqual(len(ps), 8)
        self.assertTrue(all(p["venue"] for p in ps))
        self.assertTrue(all("Di Xu" in [a["name"] for a in p["authors"]] for p in ps))

    def test_orcid_two_groups_one_doi(self):
        n = len(self.srv.requests())
        r = self.run_pub("add", "orcid:0000-0002-1825-0097")
        self.assertIn("3 papers listed: 3 added, 0 merged", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers WHERE doi = '10.1234/jtest.2024.1'"), 1)
        # one bulk request for the preferred summaries' put-codes
        bulk = [q["path"] for q in self.srv.requests()[n:]
                if q["path"].startswith("/v3.0/0000-0002-1825-0097/works/")]
        self.assertEqual(bulk, ["/v3.0/0000-0002-1825-0097/works/101,102,104,105"])
        ps = {p["title"]: [a["name"] for a in p["authors"]] for p in self.papers()}
        # contributors in sequence order, the editor left out
        self.assertEqual(ps["Replay Servers Considered Helpful"], ["Ada Tester", "Kim Lee"])
        # no contributors: the author field of the BibTeX citation
        self.assertEqual(ps["A Note on Single Authors & Their Records"], ["Ada Tester"])
        # the acceptances the works arrive with are news, by their year
        # (ORCID gives no month here), never the import's day
        news = [(i["day"], i["paper"], i["value"]) for i in
                json.loads(self.run_pub("news", "--json").out) if i["kind"] == "venue"]
        self.assertEqual(sorted(news), [("2023", "tester2023replay", "ICSE 2023"),
                                        ("2024", "tester2024note", "Journal of Testing 2024")])
        # an error slot: no authors, no failure
        self.assertEqual(ps["Testing Profiles at Scale"], [])

    def test_orcid_authors_from_full_works(self):
        r = self.run_pub("add", "orcid:0000-0002-0734-2199")
        self.assertIn("3 papers listed: 3 added, 0 merged", r.err)
        ps = {p["title"]: [a["name"] for a in p["authors"]] for p in self.papers()}
        self.assertEqual(ps["Dose-Rate Estimation using α-Al2O3:C Chips: Aftermath"],
                         ["Sebastian Kreutzer", "Chantal Tribolo", "Loïc Martin",
                          "Norbert Mercier"])
        self.assertEqual(ps["Luminescence Without Identifiers"],
                         ["Sebastian Kreutzer", "Norbert Mercier", "Loïc Martin"])
        self.assertEqual(ps["A Work Whose Full Record Is Gone"], [])

    def test_orcid_bulk_100_put_codes_a_request(self):
        n = len(self.srv.requests())
        r = self.run_pub("add", "orcid:0000-0002-1000-0106")
        self.assertIn("105 papers listed: 105 added", r.err)
        bulk = [q["path"].rsplit("/", 1)[1].split(",") for q in self.srv.requests()[n:]
                if q["path"].startswith("/v3.0/0000-0002-1000-0106/works/")]
        self.assertEqual([len(b) for b in bulk], [100, 5])
        self.assertEqual(bulk[1], ["601", "602", "603", "604", "605"])
        p = [p for p in self.papers() if p["title"] == "Paged Work Number 105"][0]
        self.assertEqual([a["name"] for a in p["authors"]], ["Robin Pager"])

    def test_orcid_paper_without_doi_merges_by_title(self):
        self.ok("add", self.write("dose.bib", BIB_DOSE))
        r = self.run_pub("add", "orcid:0000-0002-0734-2199")
        self.assertIn("3 papers listed: 2 added, 1 merged", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 3)
        self.assertEqual(self.count("SELECT count(*) FROM papers WHERE citekey = 'dose20'"), 1)

    def test_orcid_bulk_failure_stores_nothing(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        self.srv.control({"path_prefix": "/v3.0/0000-0002-0734-2199/works/", "status": 500,
                          "times": -1, "body": "{}", "content_type": "application/json"})
        r = self.run_pub("add", "dblp:00/0001", "orcid:0000-0002-0734-2199", code=1)
        self.assertIn("ORCID", r.err)
        self.assertIn("500", r.err)
        self.assertIn("nothing was stored", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 1)
        # refresh --profiles fails that profile as a failed /works does
        self.ok("config", "set", "owner.orcid", "0000-0002-0734-2199")
        r = self.run_pub("-q", "refresh", "--profiles", code=3)
        self.assertIn("ORCID", r.err)
        self.assertEqual(self.inbox(), [])

    def test_already_stored_paper_merges(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        r = self.run_pub("add", "dblp:00/0001")
        self.assertIn("2 added, 1 merged", r.err)
        self.assertIn("merged", r.out)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 3)

    def test_dry_run_stores_nothing(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        r = self.run_pub("add", "--dry-run", "dblp:00/0001")
        self.assertIn("dry run", r.err)
        self.assertIn("@inproceedings{", r.out)
        self.assertIn("Replay Servers Considered Helpful", r.out)
        self.assertNotIn("Single Authors", r.out)  # that one would merge
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 1)

    def test_s2_pages_to_the_last_page(self):
        r = self.run_pub("add", "s2author:1000001")
        self.assertIn("5 papers listed: 5 added", r.err)
        offsets = [q["query"] for q in self.srv.requests()
                   if q["path"] == "/graph/v1/author/1000001/papers"][-3:]
        self.assertEqual([o.split("offset=")[1].split("&")[0] for o in offsets], ["0", "2", "4"])
        keys = [p["arxiv"] for p in self.papers()]
        self.assertIn("2201.00002", keys)
        # each venue a paper arrives with is an acceptance item of its year
        news = {i["paper"]: i["day"] for i in json.loads(self.run_pub("news", "--json").out)
                if i["kind"] == "venue"}
        self.assertEqual(news, {"tester2025testing": "2025", "tester2024note": "2024",
                                "tester2023replay": "2023"})

    def test_malformed_ids_are_usage_errors_before_any_request(self):
        n = len(self.srv.requests())
        for bad in ("orcid:0000-0002-1825-0098", "dblp:not-a-pid", "s2author:abc",
                    "dblp:conf/iclr/TesterL25"):
            r = self.run_pub("add", bad, code=2)
            self.assertIn(bad.split(":", 1)[1], r.err)
        self.assertEqual(len(self.srv.requests()), n)
        self.assertFalse(os.path.exists(self.db))

    def test_unknown_person_exit_1_nothing_stored(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        for who in ("dblp:99/9999", "orcid:0000-0001-5109-3700", "s2author:42"):
            r = self.run_pub("add", "dblp:00/0001", who, code=1)
            self.assertIn("nothing was stored", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 1)
        # ORCID's 404 (error 9016) is one clear line, exit 1
        r = self.run_pub("add", "orcid:0000-0001-5109-3700", code=1)
        self.assertEqual([l for l in r.err.splitlines() if "ORCID" in l],
                         ["pubdb: error: ORCID has no record 0000-0001-5109-3700"])
        self.assertNotIn("404", r.err)
        # as the owner's profile: that one line, the refresh exits 3
        self.ok("config", "set", "owner.orcid", "0000-0001-5109-3700")
        r = self.run_pub("refresh", "--profiles", code=3)
        self.assertIn("ORCID has no record 0000-0001-5109-3700", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 1)

    def test_empty_orcid_record(self):
        r = self.run_pub("add", "orcid:0000-0003-1620-1408")
        self.assertIn("0 papers listed", r.err)

    def test_html_error_pages(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        with open(os.path.join(os.environ.get("PUB_FIXTURES", "../../fixtures"),
                               "dblp", "errors", "429.html")) as f:
            page = f.read()
        self.srv.control({"path_prefix": "/pid/", "status": 429, "times": -1,
                          "body": page, "content_type": "text/html"})
        r = self.run_pub("add", "dblp:00/0001", code=1)
        self.assertIn("DBLP", r.err)
        self.assertIn("429", r.err)
        self.srv.control()
        self.srv.control({"path_prefix": "/pid/", "status": 200, "times": 1,
                          "body": page, "content_type": "text/html"})
        r = self.run_pub("add", "dblp:00/0001", code=1)
        self.assertIn("HTML page", r.err)
        self.srv.control({"path_prefix": "/v3.0/", "status": 200, "times": 1,
                          "body": '{"group": [', "content_type": "application/json"})
        r = self.run_pub("add", "orcid:0000-0002-1825-0097", code=1)
        self.assertIn("malformed JSON", r.err)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 1)

    # ---- refresh and the inbox ----
    def test_refresh_proposes_exactly_what_is_not_stored(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        self.ok("config", "set", "owner.dblp", "00/0001")
        r = self.run_pub("-q", "refresh", "--profiles")
        self.assertEqual(r.out, "2 new papers in the inbox (pubdb inbox)\n")
        self.assertEqual(r.err, "")
        items = self.inbox()
        self.assertEqual(sorted(i["title"] for i in items),
                         ["Replay Servers Considered Helpful", "Testing Profiles at Scale"])
        t = [i for i in items if i["title"] == "Testing Profiles at Scale"][0]
        self.assertEqual(set(t), {"id", "title", "authors", "year", "venue", "source",
                                  "arxiv", "doi"})
        self.assertEqual(t["authors"], ["Ada Tester", "Bo Lin"])
        self.assertEqual((t["year"], t["venue"], t["source"], t["arxiv"], t["doi"]),
                         (2025, "ICLR 2025", "dblp", "2408.00001", None))
        self.assertEqual(self.count("SELECT count(*) FROM events WHERE kind = 'inbox' AND value = '2'"), 1)
        # nothing stored by the refresh; a second one is silent
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 1)
        r = self.run_pub("-q", "refresh", "--profiles")
        self.assertEqual((r.out, r.err), ("", ""))
        self.assertEqual(len(self.inbox()), 2)
        # ORCID and S2 list the same papers: still two
        self.ok("config", "set", "owner.orcid", "0000-0002-1825-0097")
        self.ok("config", "set", "owner.s2", "1000001")
        r = self.run_pub("-q", "refresh", "--profiles")
        self.assertEqual(r.out, "2 new papers in the inbox (pubdb inbox)\n")
        titles = sorted(i["title"] for i in self.inbox())
        self.assertEqual(titles, ["Paging to the Last Page", "Replay Servers Considered Helpful",
                                  "Testing Profiles at Scale", "The Fifth Paper Comes Last"])

    def test_accept_and_reject_stick(self):
        self.ok("add", self.write("note.bib", BIB_NOTE))
        self.ok("config", "set", "owner.dblp", "00/0001")
        self.run_pub("refresh", "--profiles")
        items = {i["title"]: i["id"] for i in self.inbox()}
        r = self.run_pub("inbox", "accept", items["Testing Profiles at Scale"])
        self.assertIn("added", r.out)
        self.run_pub("inbox", "reject", items["Replay Servers Considered Helpful"])
        self.assertEqual(self.inbox(), [])
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 2)
        p = [p for p in self.papers() if p["title"] == "Testing Profiles at Scale"][0]
        self.assertEqual((p["venue"], p["arxiv"]), ("ICLR 2025", "2408.00001"))
        # later refreshes, from any source, propose neither again
        self.ok("config", "set", "owner.orcid", "0000-0002-1825-0097")
        r = self.run_pub("-q", "refresh", "--profiles")
        self.assertEqual((r.out, r.err), ("", ""))
        self.ok("config", "set", "owner.s2", "1000001")
        r = self.run_pub("-q", "refresh", "--profiles")
        self.assertEqual(r.out, "2 new papers in the inbox (pubdb inbox)\n")
        titles = sorted(i["title"] for i in self.inbox())
        self.assertEqual(titles, ["Paging to the Last Page", "The Fifth Paper Comes Last"])
        self.assertEqual(self.count("SELECT count(*) FROM inbox_rejected"), 3)
        r = self.run_pub("inbox", "accept", "all")
        self.assertEqual(self.inbox(), [])
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 4)

    def test_inbox_unknown_id_changes_nothing(self):
        self.ok("config", "set", "owner.dblp", "00/0001")
        self.run_pub("refresh", "--profiles")
        ids = [i["id"] for i in self.inbox()]
        r = self.run_pub("inbox", "reject", ids[0], "999", code=1)
        self.assertIn("999", r.err)
        self.assertEqual(len(self.inbox()), 3)
        self.run_pub("inbox", "accept", ids[0], "x", code=1)
        self.assertEqual(self.count("SELECT count(*) FROM papers"), 0)

    def test_refresh_failure_keeps_inbox(self):
        self.ok("config", "set", "owner.dblp", "00/0001")
        self.ok("config", "set", "owner.orcid", "0000-0002-1825-0097")
        self.srv.control({"path_prefix": "/pid/", "status": 200, "times": 1,
                          "body": "<dblpperson><r><article", "content_type": "text/xml"})
        r = self.run_pub("-q", "refresh", "--profiles", code=3)
        self.assertIn("DBLP", r.err)
        self.assertIn("new papers in the inbox", r.out)


ALIAS_BIB = """@inproceedings{one, title = {One}, year = {2024}, booktitle = {ICLR},
  author = {Zhao, Xuanlei and You, Yang and Jin, Xiaolong}}
@inproceedings{two, title = {Two}, year = {2021}, booktitle = {ICML},
  author = {Chao, Hsuan-Lei and Y. You and Kai Wang}}
@misc{three, title = {Three}, year = {2020}, author = {Kai Wang}}
"""


class OwnerTest(PubTestCase):
    """The owner as a person: owner.aliases in the underline, --author and
    "me"; export --highlight for several people, each by their spellings."""

    def setUp(self):
        super().setUp()
        self.ok("add", self.write("a.bib", ALIAS_BIB))
        self.ok("config", "set", "owner", "Xuanlei Zhao")

    def test_aliases(self):
        self.assertEqual([p["key"] for p in self.papers("--author", "Xuanlei Zhao")], ["one"])
        html = self.ok("export", "--html").out
        self.assertEqual(html.count('class="pub-me"'), 1)
        self.ok("config", "set", "owner.aliases", "Hsuan-Lei Chao; X. L. Zhao")
        self.assertEqual(self.ok("config", "get", "owner.aliases").out.strip(),
                         "Hsuan-Lei Chao; X. L. Zhao")
        self.assertEqual([p["key"] for p in self.papers("--author", "Xuanlei Zhao")],
                         ["one", "two"])
        self.assertEqual([p["key"] for p in self.papers("--author", "Hsuan-Lei Chao")],
                         ["one", "two"])
        html = self.ok("export", "--html").out
        self.assertIn('<u class="pub-me">Hsuan-Lei Chao</u>', html)
        self.assertIn('<u class="pub-me">Xuanlei Zhao</u>', html)
        md = self.ok("export", "--markdown").out
        self.assertIn("<u>Hsuan-Lei Chao</u>", md)
        me = [(p["key"], [a["name"] for a in p["authors"] if a["me"]]) for p in self.papers()]
        self.assertEqual(me, [("one", ["Xuanlei Zhao"]), ("two", ["Hsuan-Lei Chao"]), ("three", [])])
        show = json.loads(self.ok("show", "--json", "two").out)
        self.assertTrue(show["authors"][0]["me"])

    def test_highlight_several_people(self):
        html = self.ok("export", "--html", "--highlight", "Yang You; Y. You",
                       "--highlight", "Kai Wang").out
        self.assertIn('<u class="pub-me">Yang You</u>', html)
        self.assertIn('<u class="pub-me">Y. You</u>', html)
        self.assertEqual(html.count('<u class="pub-me">Kai Wang</u>'), 2)
        self.assertIn('<u class="pub-me">Xuanlei Zhao</u>', html)
        self.assertNotIn('<u class="pub-me">Xiaolong Jin</u>', html)
        md = self.ok("export", "--markdown", "--highlight", "Kai Wang").out
        self.assertEqual(md.count("<u>Kai Wang</u>"), 2)
        # "me" stays the owner's
        self.assertFalse(any(a["me"] for p in self.papers() for a in p["authors"]
                             if a["name"] == "Kai Wang"))


if __name__ == "__main__":
    unittest.main()
