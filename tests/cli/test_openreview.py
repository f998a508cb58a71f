"""test_openreview.py: decisions from OpenReview and news dated by what
happened, end to end against the replay server (fixtures/openreview/: the
recorded reference responses and notes assembled in their shape, see its
README).  The example homepage's News lines from its database and a plain
`refresh`; a paper only OpenReview knows (badge, tier, day); rejected and
withdrawn submissions and the same title by other authors taken for
nothing; `add dblp:PID` with its acceptances on their decision days; the
guest challenge of /notes and the login; a badge set by `edit` never
replaced, a workshop's replaced; a preprint placed later dated by
Crossref; `news add/edit/rm`; `--tier`; the
decision in show, JSON, BibTeX, dump/load; the schema 5 -> 6 upgrade."""
import json
import os
import re
import sqlite3
import urllib.error
import urllib.request

from pubtest import ReplayTestCase, FIXTURES, demo_database

PAGE = os.path.join(FIXTURES, "homepage", "example-homepage.md")

UNIDB = """@inproceedings{unidb,
  title = {UniDB: A Unified Diffusion Bridge Framework via Stochastic Optimal Control},
  author = {Zhu, Kaizhen and Pan, Mokai and Ma, Yuexin and Fu, Yanwei and Yu, Jingyi
            and Wang, Jingya and Shi, Ye},
  year = {2025},
}
"""

NOT_TAKEN = """@misc{democratized,
  title = {Democratized Diffusion Language Model},
  author = {Lo Cicero Vaina, Sofia Maria and Balagansky, Nikita and Gavrilov, Daniil},
  year = {2023},
}
@misc{latent,
  title = {Latent Adaptation with Masked Policy for Diffusion Language Models},
  author = {Sun, Guangyan and Wu, Chunshu and Li, Ang and Wu, Ying Nian and Geng, Tong},
  year = {2025},
}
@misc{continuous,
  title = {Continuous Diffusion Model for Language Modeling},
  author = {Other, Alice and Else, Bob},
  year = {2025},
}
"""


def page_news():
    with open(PAGE, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.startswith("- *20")]


class OpenReviewTest(ReplayTestCase):
    def run_ok(self, *args, **kw):
        kw.setdefault("env", self.env)
        return self.ok(*args, **kw)

    def log(self):
        return self.srv.requests()[self.mark:]

    def homepage(self):
        self.run_ok("config", "set", "owner", "Xuanlei Zhao")
        self.run_ok("add", "arxiv:2408.12588", "arxiv:2403.10266", "arxiv:2401.10652",
                    "arxiv:2403.01164")
        self.run_ok("add", "doi:10.1145/3627535.3638465")
        self.run_ok("tag", "zhao2024realtime", "+Efficient Video Generation")
        self.run_ok("edit", "zhao2024realtime", "equal=1,2,3", "selected=1", "short=PAB")
        self.run_ok("link", "zhao2024realtime", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.run_ok("link", "zhao2024realtime", "blog", "https://oahzxl.github.io/PAB/")
        self.run_ok("repo", "add", "https://github.com/NUS-HPC-AI-Lab/VideoSys")

    def test_the_example_pages_news(self):
        # The Done-when: the page's lines for DSP, AutoChunk, PAB and
        # VideoSys, dated by what happened, in the page's order, with the
        # owner's own item among them.
        self.homepage()
        self.run_ok("news", "add", "2025-07", "Join [Adobe Research](https://www.adobe.com/) "
                    "as research intern in Seattle!")
        r = self.run_ok("refresh")
        self.assertIn("zhao2024dsp: accepted at ICML 2025 Poster, 2025-05-01", r.out)
        news = self.run_ok("news", "--markdown").out.splitlines()
        page = page_news()

        def page_line(start):
            return next(l for l in page if l.startswith(start))

        def at(line):
            self.assertIn(line, news, "\n".join(news))
            return news.index(line)

        adobe = at(page_line("- *2025.07*: Join"))
        dsp = at(page_line("- *2025.05*: [DSP]"))
        pab_page = page_line("- *2025.01*: [PAB]")
        pab = at("- *2025.01*: [PAB](https://arxiv.org/abs/2408.12588) is accepted by ICLR 2025!")
        self.assertTrue(pab_page.startswith(news[pab][:-1]), pab_page)
        vs_page = page_line("- *2024.03*: Release [VideoSys]")
        vs = at("- *2024.03*: Release [VideoSys](https://github.com/NUS-HPC-AI-Lab/VideoSys)!")
        self.assertTrue(vs_page.startswith(news[vs][:-1]), vs_page)
        autochunk = at(page_line("- *2024.01*: [AutoChunk]"))
        self.assertEqual(sorted([adobe, dsp, pab, vs, autochunk]), [adobe, dsp, pab, vs, autochunk])
        # the badges on the page are OpenReview's, with DBLP's details
        pab_json = self.paper("zhao2024realtime")
        self.assertEqual(pab_json["venue"], "ICLR 2025")
        self.assertEqual(pab_json["decision"], {"venue": "ICLR 2025", "tier": "Poster",
                                                "day": "2025-01-22", "source": "openreview",
                                                "id": "hDBrQ4DApF"})
        self.assertIn("booktitle", self.run_ok("export", "--bibtex", "--plain").out)
        self.assertEqual(self.paper("zhao2024hetegen")["decision"], None)
        # no decision day: Crossref's published month of a paper added by
        # DOI, else the venue's year (never the day pubdb noticed)
        self.assertIn("- *2024.02*: [FastFold](https://doi.org/10.1145/3627535.3638465) is "
                      "accepted by PPoPP 2024!", news)
        self.assertIn("- *2024*: [HeteGen](https://arxiv.org/abs/2403.01164) is accepted by "
                      "MLSys 2024!", news)
        # a paper added by DOI is new by its published month, not its year alone
        self.assertIn(("2024-02", "paper"), [(i["day"], i["kind"]) for i in json.loads(
            self.run_ok("news", "--json").out) if i["paper"] == "cheng2024fastfold"])
        # one item per acceptance, although DBLP found the same venue after
        self.assertEqual(self.sql("SELECT count(*) FROM events e JOIN papers p ON p.id = "
                                  "e.paper_id WHERE p.citekey = 'zhao2024realtime' AND "
                                  "e.kind = 'venue'"), [(1,)])
        # a guest: one search per paper OpenReview may decide, no /notes
        paths = [x["path"] for x in self.log()]
        self.assertNotIn("/notes", paths)
        self.assertGreaterEqual(paths.count("/notes/search"), 3)
        # a second refresh asks nothing: three papers have their decision,
        # the other two a venue OpenReview does not decide (MLSys, PPoPP)
        self.mark = len(self.srv.requests())
        self.run_ok("refresh", "--openreview")
        self.assertEqual([x["path"] for x in self.log()].count("/notes/search"), 0)

    def test_the_demo_database_writes_the_pages_news(self):
        # .ci/demo's database (tests/tools/demo_commands.sh): the page's
        # News lines, in the page's order, HeteGen's dated by its year only
        db, _ = demo_database(self.dir, self.srv.url)
        news = self.ok("news", "--markdown", db=db).out.splitlines()
        page = page_news()
        pab = "- *2025.01*: [PAB](https://arxiv.org/abs/2408.12588) is accepted by ICLR 2025!"
        vs = "- *2024.03*: Release [VideoSys](https://github.com/NUS-HPC-AI-Lab/VideoSys)!"
        self.assertTrue(page[2].startswith(pab[:-1]), page[2])
        self.assertTrue(page[3].startswith(vs[:-1]), page[3])
        want = [page[0], page[1], pab, vs, page[5], page[6]]
        self.assertEqual([l for l in news if l in want], want, "\n".join(news))
        self.assertIn("- *2024*: [HeteGen](https://arxiv.org/abs/2403.01164) is accepted by "
                      "MLSys 2024!", news)

    def test_a_paper_only_openreview_knows(self):
        self.run_ok("config", "set", "owner", "Kaizhen Zhu")
        self.run_ok("add", self.write("u.bib", UNIDB))
        self.assertEqual(self.paper("unidb")["venue"], None)
        r = self.run_ok("refresh", "--only", "openreview")
        self.assertIn("unidb: accepted at ICML 2025 Spotlight, 2025-05-01 (OpenReview uqCfoVXb67)",
                      r.out)
        p = self.paper("unidb")
        self.assertEqual(p["venue"], "ICML 2025")
        self.assertEqual(p["decision"]["tier"], "Spotlight")
        # the owner's .bib entry is news of its year; its acceptance, of its day
        self.assertEqual(self.run_ok("news").out,
                         "- *2025.05*: UniDB is accepted by ICML 2025!\n"
                         "- *2025*: New paper UniDB!\n")
        show = self.run_ok("show", "unidb").out
        self.assertIn("decision: ICML 2025 Spotlight, 2025-05-01 (openreview uqCfoVXb67)", show)
        bib = self.run_ok("export", "--bibtex").out
        self.assertIn("pubdb-decision = {venue=ICML 2025; tier=Spotlight; day=2025-05-01; "
                      "source=openreview; id=uqCfoVXb67}", bib)
        self.assertNotIn("pubdb-decision", self.run_ok("export", "--bibtex", "--plain").out)
        # the tier only when asked
        html = self.run_ok("export", "--html").out
        self.assertIn('<code class="pub-venue">ICML 2025</code>', html)
        html = self.run_ok("export", "--html", "--tier").out
        self.assertIn('<code class="pub-venue">ICML 2025 Spotlight</code>', html)
        md = self.run_ok("export", "--markdown", "--tier").out
        self.assertIn("ICML 2025 Spotlight", md)
        acad = self.run_ok("export", "--style", "acad-homepage", "--tier").out
        self.assertIn(">ICML 2025 Spotlight</code>", acad)
        self.assertEqual(self.pub("export", "--bibtex", "--tier", env=self.env).code, 2)
        # dump and load keep the decision
        dump = self.run_ok("dump").out
        self.assertIn('"decisions"', dump)
        other = os.path.join(self.dir, "other.sqlite3")
        self.ok("load", self.write("d.jsonl", dump), db=other)
        self.assertEqual(self.ok("dump", db=other).out, dump)

    def test_rejected_withdrawn_and_other_authors_get_nothing(self):
        self.run_ok("add", self.write("n.bib", NOT_TAKEN))
        r = self.run_ok("refresh", "--openreview")
        self.assertEqual(r.out, "")
        for key in ("democratized", "latent", "continuous"):
            p = self.paper(key)
            self.assertEqual((p["venue"], p["decision"]), (None, None), key)
        self.assertEqual(self.sql("SELECT p.citekey, d.status, d.venue FROM decisions d "
                                  "JOIN papers p ON p.id = d.paper_id ORDER BY p.citekey"),
                         [("continuous", "none", None), ("democratized", "rejected", None),
                          ("latent", "withdrawn", None)])
        self.assertEqual(self.run_ok("news").out, "")

    def test_rejected_and_withdrawn_later_accepted_elsewhere(self):
        # A rejected or withdrawn submission is asked again; accepted at a
        # later venue, it gets that badge and its own news item.
        self.run_ok("add", self.write("n.bib", NOT_TAKEN))
        self.run_ok("refresh", "--openreview")
        with open(os.path.join(FIXTURES, "openreview", "search", "or_04_search_real_mixed.json"),
                  encoding="utf-8") as f:
            answer = json.load(f)
        later = []
        for old, venueid, venue, pdate in (
                ("qiOqgphnVL", "ICLR.cc/2025/Conference", "ICLR 2025 Poster", 1737504000000),
                ("r12Cz05mUT", "ICML.cc/2026/Conference", "ICML 2026 Oral", 1777593600000)):
            note = json.loads(json.dumps(next(n for n in answer["notes"] if n["id"] == old)))
            note["id"] = note["forum"] = old[:6] + "Later"
            note["domain"] = venueid
            note["invitations"] = [venueid + "/-/Submission"]
            note["content"]["venueid"]["value"] = venueid
            note["content"]["venue"]["value"] = venue
            note["pdate"] = pdate
            later.append(note)
        answer["notes"] += later
        answer["count"] = len(answer["notes"])
        self.srv.control({"path_prefix": "/notes/search", "status": 200, "times": -1,
                          "content_type": "application/json; charset=utf-8",
                          "body": json.dumps(answer)})
        r = self.run_ok("refresh", "--openreview")
        self.assertIn("democratized: accepted at ICLR 2025 Poster, 2025-01-22", r.out)
        self.assertIn("latent: accepted at ICML 2026 Oral, 2026-05-01", r.out)
        self.assertEqual((self.paper("democratized")["venue"], self.paper("latent")["venue"]),
                         ("ICLR 2025", "ICML 2026"))
        self.assertEqual([(i["day"], i["paper"], i["value"]) for i in
                          json.loads(self.run_ok("news", "--json").out)],
                         [("2026-05-01", "latent", "ICML 2026"),
                          ("2025-01-22", "democratized", "ICLR 2025")])
        self.srv.control()

    def test_add_dblp_profile_dates_its_acceptances(self):
        self.run_ok("config", "set", "owner", "Xuanlei Zhao")
        self.run_ok("add", "dblp:00/0010")
        news = self.run_ok("news").out
        self.assertIn("*2025.05*: DSP is accepted by ICML 2025!", news)
        self.assertIn("*2025.01*: Real-Time Video Generation with Pyramid Attention Broadcast "
                      "is accepted by ICLR 2025!", news)
        self.assertIn("*2024.01*: AutoChunk is accepted by ICLR 2024!", news)
        # MLSys is not OpenReview's: its year, never the day of the import
        self.assertIn("*2024*: HeteGen is accepted by MLSys 2024!", news)
        self.assertEqual(self.sql("SELECT count(*) FROM events WHERE kind = 'venue'"), [(4,)])

    def test_guest_challenge_and_the_login(self):
        # /notes answers a guest with the recorded 403 challenge
        with self.assertRaises(urllib.error.HTTPError) as cm:
            urllib.request.urlopen(self.srv.url + "/notes?content.authorids=~Xuanlei_Zhao1",
                                   timeout=5)
        self.assertEqual(cm.exception.code, 403)
        self.assertEqual(json.loads(cm.exception.read())["name"], "ChallengeRequiredError")
        self.homepage()
        self.run_ok("config", "set", "owner.openreview", "~Xuanlei_Zhao1")
        env = dict(self.env, OPENREVIEW_USERNAME="xz@example.org",
                   OPENREVIEW_PASSWORD="wrong-password-123")
        self.mark = len(self.srv.requests())
        r = self.pub("refresh", "--openreview", env=env)
        self.assertEqual(r.code, 1, r)
        self.assertIn("OpenReview: /login: HTTP 400: Invalid username or password", r.err)
        self.assertIn("OPENREVIEW_USERNAME", r.err)
        self.assertNotIn("wrong-password-123", r.out + r.err)
        env["OPENREVIEW_PASSWORD"] = "replay-password"
        self.mark = len(self.srv.requests())
        r = self.ok("refresh", "--openreview", env=env)
        self.assertIn("zhao2024autochunk: accepted at ICLR 2024 Poster, 2024-01-16", r.out)
        log = self.log()
        notes = [x for x in log if x["path"] == "/notes"]
        self.assertEqual(len(notes), 1, log)
        self.assertTrue(notes[0]["authorization"])
        self.assertEqual([x for x in log if x["path"] == "/notes/search"], [])
        with open(self.srv.log, encoding="utf-8") as f:
            self.assertNotIn("replay-openreview-token", f.read())
        self.assertNotIn("replay-openreview-token", self.run_ok("dump").out)
        # a bad profile id is the user's mistake, said as such
        self.assertEqual(self.pub("config", "set", "owner.openreview", "Xuanlei").code, 0)

    def test_a_guest_challenge_on_search_is_not_not_found(self):
        self.homepage()
        self.srv.control({"path_prefix": "/notes/search", "status": 403, "times": -1,
                          "content_type": "application/json; charset=utf-8",
                          "body": json.dumps({"name": "ChallengeRequiredError",
                                              "message": "Challenge verification required (x)",
                                              "status": 403, "details": {"reqId": "x"}})})
        r = self.pub("refresh", "--openreview", env=self.env)
        self.assertNotEqual(r.code, 0, r)
        self.assertIn("needs an account", r.err)
        # one request, not one per paper; nothing recorded as "none"
        self.assertEqual([x["path"] for x in self.log()].count("/notes/search"), 1)
        self.assertEqual(self.sql("SELECT count(*) FROM decisions"), [(0,)])
        self.srv.control({"path_prefix": "/notes/search", "status": 200, "times": -1,
                          "content_type": "text/html; charset=utf-8",
                          "body": "<!DOCTYPE html><title>Verifying your browser | OpenReview</title>"})
        r = self.pub("refresh", "--openreview", env=self.env)
        self.assertIn("needs an account", r.err)
        self.assertEqual(self.sql("SELECT count(*) FROM decisions"), [(0,)])

    def test_an_edited_badge_is_never_replaced_a_workshops_is(self):
        self.homepage()
        self.run_ok("edit", "zhao2024realtime", "venue=ICLR 2024")
        self.run_ok("refresh", "--openreview")
        p = self.paper("zhao2024realtime")
        self.assertEqual(p["venue"], "ICLR 2024")
        self.assertEqual(p["decision"]["venue"], "ICLR 2025")
        # a workshop badge a service found gives way to the main conference
        con = sqlite3.connect(self.db)
        con.execute("UPDATE papers SET venue = 'ICML 2024 Workshop', venue_source = 'dblp' "
                    "WHERE citekey = 'zhao2024dsp'")
        con.execute("DELETE FROM events WHERE kind = 'venue' AND paper_id = "
                    "(SELECT id FROM papers WHERE citekey = 'zhao2024dsp')")
        con.execute("INSERT INTO events(day, recorded, kind, paper_id, value, source) SELECT "
                    "'2024-06', '2024-06-01T00:00:00Z', 'venue', id, 'ICML 2024 Workshop', 'dblp' "
                    "FROM papers WHERE citekey = 'zhao2024dsp'")
        con.execute("DELETE FROM decisions")
        con.commit()
        con.close()
        r = self.run_ok("refresh", "--openreview")
        self.assertIn("zhao2024dsp: accepted at ICML 2025 Poster, 2025-05-01 (OpenReview "
                      "dspICML25x); was ICML 2024 Workshop", r.out)
        self.assertEqual(self.paper("zhao2024dsp")["venue"], "ICML 2025")
        self.assertIn("- *2025.05*: [DSP](https://arxiv.org/abs/2403.10266) is accepted by "
                      "ICML 2025!", self.run_ok("news").out)
        # each change its own item: the workshop's stays, the main
        # conference's is another
        self.assertEqual(self.sql("SELECT e.value FROM events e JOIN papers p ON p.id = "
                                  "e.paper_id WHERE p.citekey = 'zhao2024dsp' AND e.kind = "
                                  "'venue' ORDER BY e.id"), [("ICML 2024 Workshop",), ("ICML 2025",)])

    def test_a_preprint_placed_later_is_dated_by_crossref(self):
        # A preprint the venues step places (DBLP's search: PPoPP 2024, with
        # the DOI) is dated by Crossref's published date of that DOI, asked
        # once; Crossref failing leaves the badge and the venue's year.
        fastfold = ("@misc{fastfold, title = {FastFold: Optimizing AlphaFold Training and "
                    "Inference on GPU Clusters}, author = {Cheng, Shenggan and Zhao, Xuanlei "
                    "and You, Yang}, year = {2022}, eprint = {2203.00854}, archivePrefix = {arXiv}}\n")
        works = "/works/10.1145/3627535.3638465"
        down = os.path.join(self.dir, "down.sqlite3")
        for db in (self.db, down):
            self.ok("add", self.write("ff.bib", fastfold), db=db)
        self.srv.control({"path_prefix": "/works/", "status": 500, "times": -1})
        r = self.ok("refresh", "--venues", env=self.env, db=down)
        self.assertIn("fastfold: published at PPoPP 2024", r.out)
        self.assertEqual([(i["day"], i["value"]) for i in json.loads(
            self.ok("news", "--json", db=down).out) if i["kind"] == "venue"], [("2024", "PPoPP 2024")])
        self.srv.control()
        self.mark = len(self.srv.requests())
        self.run_ok("refresh", "--venues")
        self.assertEqual(self.paper("fastfold")["venue"], "PPoPP 2024")
        self.assertEqual([x["path"] for x in self.log()].count(works), 1)
        self.assertEqual([(i["day"], i["value"]) for i in json.loads(self.run_ok("news", "--json").out)
                          if i["kind"] == "venue"], [("2024-02-20", "PPoPP 2024")])
        self.assertIn("- *2024.02*: [FastFold](https://arxiv.org/abs/2203.00854) is accepted by "
                      "PPoPP 2024!", self.run_ok("news").out)
        # placed once: a second refresh asks nothing more
        self.mark = len(self.srv.requests())
        self.run_ok("refresh", "--venues")
        self.assertNotIn(works, [x["path"] for x in self.log()])

    def test_news_items_of_the_owner(self):
        self.homepage()
        r = self.run_ok("--json", "news", "add", "2024-01", "Start my PhD journey!")
        first = json.loads(r.out)["id"]
        self.run_ok("news", "add", "2025-07-01", "Join [Adobe](https://www.adobe.com/) "
                    "as *research* intern!")
        items = json.loads(self.run_ok("news", "--json").out)
        self.assertTrue(all(isinstance(i["id"], int) for i in items))
        notes = [i for i in items if i["kind"] == "note"]
        self.assertEqual([n["day"] for n in notes], ["2025-07-01", "2024-01"])
        html = self.run_ok("news", "--html").out
        self.assertIn('<li><em>2025.07</em>: Join <a href="https://www.adobe.com/">Adobe</a> as '
                      '<em>research</em> intern!</li>', html)
        atom = self.run_ok("news", "--atom").out
        self.assertIn("<title type=\"text\">Join Adobe as research intern!</title>", atom)
        self.run_ok("news", "edit", str(first), "Start my PhD journey at NUS!")
        self.assertIn("- *2024.01*: Start my PhD journey at NUS!", self.run_ok("news").out)
        page = self.write("about.md", "# News\n<!-- pubdb:news -->\n<!-- /pubdb:news -->\n")
        self.run_ok("news", "--into", page, "--region", "news")
        with open(page, encoding="utf-8") as f:
            self.assertIn("- *2024.01*: Start my PhD journey at NUS!\n", f.read())
        self.run_ok("news", "rm", str(first))
        self.assertNotIn("PhD", self.run_ok("news").out)
        for bad, code in ((("add", "2025-13", "x"), 2), (("add", "2025", "x"), 2),
                          (("add", "2025-01", ""), 2), (("add", "2025-01", "a\nb"), 2),
                          (("add", "2025-01"), 2), (("rm", "999"), 1), (("rm", "x"), 2),
                          (("edit", str(next(i["id"] for i in items if i["kind"] != "note")), "text"), 2), (("frob",), 2)):
            before = self.run_ok("dump").out
            r = self.pub("news", *bad, env=self.env)
            self.assertEqual(r.code, code, (bad, r))
            self.assertTrue(r.err.startswith("pubdb: "), r)
            self.assertLessEqual(len(r.err.strip().splitlines()), 1 if code == 1 else 2, r)
            self.assertEqual(self.run_ok("dump").out, before)
        help_text = self.run_ok("news", "--help").out
        self.assertIn("news add DATE TEXT", help_text)

    def test_upgrade_from_schema_5_re_dates_events(self):
        path = os.path.join(FIXTURES, "schema-v5.sql")
        con = sqlite3.connect(self.db)
        with open(path, encoding="utf-8") as f:
            con.executescript(f.read())
        con.execute("INSERT INTO papers(id, citekey, type, title, year, venue, published, "
                    "added, modified) VALUES (1, 'dsp', 'misc', 'DSP', 2024, 'ICML 2025', "
                    "'2024-03-15T17:00:00Z', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')")
        con.execute("INSERT INTO events(day, recorded, kind, paper_id, value, source) VALUES "
                    "('2026-12-01', '2026-12-01T00:00:00Z', 'paper', 1, NULL, 'add'), "
                    "('2026-12-01', '2026-12-01T00:00:00Z', 'venue', 1, 'ICML 2025', 'dblp'), "
                    "('2025-03-02', '2025-03-02T00:00:00Z', 'venue', 1, 'ICML 2025', 'dblp')")
        con.execute("PRAGMA user_version = 5")
        con.commit()
        con.close()
        self.run_ok("list")
        self.assertEqual(self.sql("PRAGMA user_version"), [(6,)])
        self.assertEqual(self.sql("SELECT kind, day FROM events ORDER BY id"),
                         [("paper", "2024-03-15"), ("venue", "2025"), ("venue", "2025-03-02")])
        self.assertEqual(self.sql("SELECT count(*) FROM decisions"), [(0,)])
        fresh = os.path.join(self.dir, "fresh.sqlite3")
        self.ok("init", db=fresh)

        def schema(db):
            # what a table is, not its CREATE text: ALTER TABLE ... ADD
            # COLUMN (links.source, venue_lookups.unknown) leaves another
            # text than schema.sql's for the same columns
            c = sqlite3.connect(db)
            try:
                out = []
                for typ, name, sql in sorted(c.execute("SELECT type, name, sql FROM sqlite_master")):
                    if typ == "table":
                        out.append((typ, name, c.execute("PRAGMA table_info(%s)" % name).fetchall()))
                    else:
                        out.append((typ, name, sql))
                return out
            finally:
                c.close()
        self.assertEqual(schema(self.db), schema(fresh))


if __name__ == "__main__":
    import unittest
    unittest.main()
