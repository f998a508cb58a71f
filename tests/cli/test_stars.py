"""test_stars.py: `pubdb refresh --stars` and `pubdb stars` end to end, with
the real binary against tests/replay_server.py serving fixtures/github
(ETag/304, 301 renames, 404, archived) and injecting faults (limits, 5xx)."""
import json
import os
import socket
import sqlite3
import time
import unittest
import xml.etree.ElementTree as ET

from pubtest import FIXTURES, SLOWDOWN, PubTestCase, ReplayTestCase, Replay, spawn

TOKEN = "ghp_TestTokenNeverPrinted0123456789abcdef"
SVG = "{http://www.w3.org/2000/svg}"
FASTFOLD_ETAG = 'W/"064de78ca5930e29552dd2f179bffeb683fcedd0"'

BIB = """@inproceedings{li2022fastfold,
  title = {FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters},
  author = {Li, Shenggan and You, Yang},
  year = {2022},
}
@misc{zhao2024infobatch,
  title = {InfoBatch},
  author = {Zhao, Xuanlei},
  year = {2024},
}
"""


class StarsTest(ReplayTestCase):
    def setUp(self):
        super().setUp()
        self.env = {"PUBDB_GITHUB_URL": self.srv.url, "PUB_HTTP_BACKOFF_MS": "10",
                    "PUB_GITHUB_WAIT_UNIT_MS": "20", "GITHUB_TOKEN": ""}

    # ---- helpers ----
    def sent(self):
        """Requests the server saw since the test started."""
        return self.srv.requests()[self.mark:]

    def refresh(self, *args, env=None, code=0):
        e = dict(self.env)
        e.update(env or {})
        r = self.pub("refresh", "--stars", *args, env=e)
        self.assertEqual(r.code, code, r)
        return r

    def repos(self):
        return {x["repo"]: x for x in json.loads(self.ok("--json", "stars").out)}

    def add(self, *repos):
        for name in repos:
            self.ok("repo", "add", "https://github.com/" + name, env=self.env)

    # ---- REST ----
    def test_etag_then_304(self):
        self.add("hpcaitech/FastFold")
        r = self.refresh()
        self.assertIn("hpcaitech/FastFold: - -> 598", r.out)
        self.assertEqual(self.repos()["hpcaitech/FastFold"]["stars"], 598)
        self.assertEqual(self.sql("SELECT etag, github_id FROM repos"),
                         [(FASTFOLD_ETAG, 436541226)])
        before = self.mark
        self.mark = len(self.srv.requests())
        r = self.refresh()
        reqs = self.sent()
        self.assertEqual(len(reqs), 1)
        self.assertEqual(reqs[0]["if_none_match"], FASTFOLD_ETAG)
        self.assertEqual(reqs[0]["method"], "GET")
        self.assertIn("0 changed, 1 unchanged", r.err)
        self.assertEqual(self.repos()["hpcaitech/FastFold"]["stars"], 598)
        self.assertEqual(self.sql("SELECT day, stars FROM star_history")[0][1], 598)
        self.assertEqual(len(self.sql("SELECT * FROM star_history")), 1)
        self.mark = before
        for q in self.sent():  # a User-Agent on every request
            self.assertTrue((q["user_agent"] or "").startswith("pubdb/"), q)

    def test_rename_followed_and_links_updated(self):
        bib = self.write("p.bib", BIB)
        self.ok("add", bib)
        self.ok("link", "zhao2024infobatch", "code",
                "https://github.com/NUS-HPC-AI-Lab/OldInfoBatch/tree/main/docs")
        r = self.refresh()
        self.assertIn("NUS-HPC-AI-Lab/OldInfoBatch: renamed to NUS-HPC-AI-Lab/InfoBatch", r.out)
        repo = self.repos()["NUS-HPC-AI-Lab/InfoBatch"]
        self.assertEqual((repo["stars"], repo["status"]), (1612, "renamed"))
        self.assertEqual(self.sql("SELECT renamed_from, github_id FROM repos"),
                         [("NUS-HPC-AI-Lab/OldInfoBatch", 601234567)])
        links = self.paper("zhao2024infobatch")["links"]
        code = [l for l in links if l["kind"] == "code"]
        self.assertEqual(code[0]["url"], "https://github.com/NUS-HPC-AI-Lab/InfoBatch/tree/main/docs")
        self.assertEqual(code[0].get("stars"), 1612)
        self.assertTrue(any(q["path"] == "/repositories/601234567" for q in self.sent()))
        # the next run asks for the new name directly
        self.mark = len(self.srv.requests())
        self.refresh()
        self.assertEqual([q["path"] for q in self.sent()], ["/repos/NUS-HPC-AI-Lab/InfoBatch"])
        self.assertEqual(self.repos()["NUS-HPC-AI-Lab/InfoBatch"]["status"], "ok")

    def test_missing_keeps_last_count(self):
        self.add("hpcaitech/FastFold")
        self.refresh()
        self.srv.control({"path_prefix": "/repos/hpcaitech/FastFold", "status": 404,
                          "body": '{"message":"Not Found"}', "times": 1})
        r = self.refresh(code=3)
        self.assertIn("hpcaitech/FastFold: not found on GitHub (kept the last count, 598)", r.err)
        repo = self.repos()["hpcaitech/FastFold"]
        self.assertEqual((repo["stars"], repo["status"]), (598, "missing"))
        self.assertIn("stale", self.ok("stars").out)

    def test_archived_flagged(self):
        self.add("hpcaitech/EnergonAI")
        r = self.refresh()
        self.assertIn("hpcaitech/EnergonAI: archived on GitHub", r.out)
        self.assertEqual(self.repos()["hpcaitech/EnergonAI"]["status"], "archived")
        self.assertEqual(self.sql("SELECT archived FROM repos"), [(1,)])

    def test_some_failed_exit_3_each_named(self):
        self.add("hpcaitech/FastFold", "hpcaitech/Gone", "nobody/Nothing")
        r = self.refresh(code=3)
        self.assertIn("hpcaitech/Gone: not found on GitHub", r.err)
        self.assertIn("nobody/Nothing: not found on GitHub", r.err)
        self.assertEqual(self.repos()["hpcaitech/FastFold"]["stars"], 598)

    def test_quiet_prints_nothing(self):
        self.add("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys")
        r = self.refresh("-q")
        self.assertEqual((r.out, r.err), ("", ""))

    def test_primary_limit_far_stops_with_75(self):
        self.add("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys")
        reset = int(time.time()) + 3600
        self.srv.control({"path_prefix": "/repos/", "status": 403, "times": -1,
                          "body": '{"message":"API rate limit exceeded for 127.0.0.1."}',
                          "headers": {"X-RateLimit-Remaining": "0",
                                      "X-RateLimit-Reset": str(reset)}})
        r = self.refresh(code=75)
        hhmm = time.strftime("%H:%M", time.localtime(reset))
        self.assertIn("rate limit", r.err)
        self.assertIn(hhmm, r.err)
        self.assertEqual(len(self.sent()), 1)  # stopped at once
        self.assertEqual(self.sql("SELECT COUNT(*) FROM repos WHERE checked IS NOT NULL"), [(0,)])

    def test_primary_limit_near_waits(self):
        self.add("hpcaitech/FastFold")
        self.srv.control({"path_prefix": "/repos/", "status": 429, "times": 1,
                          "body": '{"message":"API rate limit exceeded"}',
                          "headers": {"X-RateLimit-Remaining": "0",
                                      "X-RateLimit-Reset": str(int(time.time()) + 5)}})
        self.refresh()
        self.assertEqual(len(self.sent()), 2)
        self.assertEqual(self.repos()["hpcaitech/FastFold"]["stars"], 598)

    def test_secondary_limit_waits_retry_after(self):
        self.add("hpcaitech/FastFold")
        self.srv.control({"path_prefix": "/repos/", "status": 403, "times": 2,
                          "retry_after": 3, "headers": {"X-RateLimit-Remaining": "4000"},
                          "body": '{"message":"You have exceeded a secondary rate limit."}'})
        t0 = time.time()
        self.refresh()
        # 3 s and then twice that (backing off), at 20 ms a second in tests
        self.assertGreaterEqual(time.time() - t0, 0.18)
        self.assertEqual(len(self.sent()), 3)
        self.assertEqual(self.repos()["hpcaitech/FastFold"]["stars"], 598)

    def test_5xx_then_success(self):
        self.add("hpcaitech/FastFold")
        self.srv.control({"path_prefix": "/repos/", "status": 502, "times": 2})
        self.refresh()
        self.assertEqual(len(self.sent()), 3)
        self.assertEqual(self.repos()["hpcaitech/FastFold"]["stars"], 598)

    def test_5xx_persisting_fails_item(self):
        self.add("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys")
        self.srv.control({"path_prefix": "/repos/hpcaitech/", "status": 503, "times": -1})
        r = self.refresh(code=3)
        self.assertIn("hpcaitech/FastFold: GitHub: HTTP 503 after 4 attempts", r.err)
        self.assertEqual(self.repos()["NUS-HPC-AI-Lab/VideoSys"]["stars"], 2012)

    def test_max_age_and_jobs(self):
        self.add("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys", "hpcaitech/ColossalAI",
                 "hpcaitech/EnergonAI")
        self.refresh("--jobs", "4")
        self.assertEqual(len(self.sent()), 4)
        self.mark = len(self.srv.requests())
        r = self.refresh("--max-age", "1h")
        self.assertEqual(self.sent(), [])
        self.assertIn("4 skipped", r.err)

    def test_no_network_is_75(self):
        self.add("hpcaitech/FastFold")
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()  # nothing listens there now
        r = self.refresh(env={"PUBDB_GITHUB_URL": "http://127.0.0.1:%d" % port}, code=75)
        self.assertIn("cannot connect", r.err)

    # ---- GraphQL ----
    def test_graphql_batch_with_missing(self):
        self.add("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys", "hpcaitech/Gone",
                 "hpcaitech/EnergonAI")
        r = self.refresh(env={"GITHUB_TOKEN": TOKEN}, code=3)
        reqs = self.sent()
        self.assertEqual([(q["method"], q["path"]) for q in reqs], [("POST", "/graphql")])
        self.assertTrue(reqs[0]["authorization"])
        self.assertTrue(reqs[0]["user_agent"].startswith("pubdb/"))
        self.assertIn("hpcaitech/Gone: not found on GitHub", r.err)
        self.assertNotIn("FastFold", r.err)
        got = self.repos()
        self.assertEqual(got["hpcaitech/FastFold"]["stars"], 598)
        self.assertEqual(got["NUS-HPC-AI-Lab/VideoSys"]["stars"], 2012)
        self.assertEqual(got["hpcaitech/EnergonAI"]["status"], "archived")
        self.assertEqual(got["hpcaitech/Gone"]["status"], "missing")
        self.assertNoToken(r)

    def test_graphql_bad_credentials_and_token_never_shown(self):
        self.add("hpcaitech/FastFold")
        self.srv.control({"path_prefix": "/graphql", "status": 401, "times": 1,
                          "body": '{"message":"Bad credentials","status":"401"}'})
        r = self.refresh(env={"GITHUB_TOKEN": TOKEN}, code=1)
        self.assertIn("GITHUB_TOKEN", r.err)
        self.assertNoToken(r)
        # REST with a token: sent to GitHub, never shown
        r = self.refresh(env={"GITHUB_TOKEN": TOKEN})
        self.assertNoToken(r)

    def assertNoToken(self, r):
        self.assertNotIn(TOKEN, r.out)
        self.assertNotIn(TOKEN, r.err)
        for name in os.listdir(self.dir):
            with open(os.path.join(self.dir, name), "rb") as f:
                self.assertNotIn(TOKEN.encode(), f.read(), name)

    # ---- listing, history, chart ----
    def test_stars_json_shape_history_and_svg(self):
        self.add("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys", "hpcaitech/ColossalAI")
        self.refresh()
        # an older day, so the chart has a line to draw
        self.sql_exec("INSERT INTO star_history(repo_id, day, stars) SELECT id, "
                      "date('now', '-10 days'), stars - 7 FROM repos")
        rows = json.loads(self.ok("--json", "stars").out)
        self.assertEqual(len(rows), 3)
        for row in rows:
            self.assertEqual(set(row), {"repo", "url", "stars", "delta_7d", "delta_30d",
                                        "checked", "status", "description",
                                        "display_name", "display_description"})
            self.assertEqual(row["url"], "https://github.com/" + row["repo"])
            self.assertEqual(row["delta_7d"], 7)
            self.assertTrue(row["checked"].endswith("Z"))
        self.assertEqual([r["stars"] for r in rows], sorted([r["stars"] for r in rows],
                                                           reverse=True))
        hist = self.ok("stars", "--history").out.splitlines()
        self.assertEqual(len(hist), 6)
        self.assertEqual(len(json.loads(self.ok("--json", "stars", "--history").out)), 6)
        path = os.path.join(self.dir, "stars.svg")
        self.ok("stars", "--svg", path)
        root = ET.parse(path).getroot()
        self.assertEqual(root.tag, SVG + "svg")
        self.assertEqual(len(root.findall(".//" + SVG + "polyline")), 3)
        texts = " ".join(t.text or "" for t in root.iter(SVG + "text"))
        self.assertIn("hpcaitech/FastFold", texts)
        self.assertEqual([n for n in os.listdir(self.dir) if "stars.svg." in n], [])

    def sql_exec(self, q):
        con = sqlite3.connect(self.db)
        try:
            con.execute(q)
            con.commit()
        finally:
            con.close()


class ConcurrentRefreshTest(PubTestCase):
    """Two refreshes at once: one runs, one says so."""

    def test_two_at_once(self):
        import tempfile
        with tempfile.TemporaryDirectory() as logdir:
            srv = Replay(logdir)
            try:
                env = dict(os.environ, PUBDB_GITHUB_URL=srv.url, GITHUB_TOKEN="")
                for name in ("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys",
                             "hpcaitech/ColossalAI"):
                    self.ok("repo", "add", "https://github.com/" + name)
                # the first refresh's first request is held open by the
                # server until the second refresh has run, so the first
                # surely holds the lock: no clock decides who is first
                srv.control({"path_prefix": "/", "hold": True})
                a = spawn("refresh", "--stars", db=self.db, env=env)
                try:
                    for _ in range(6000 * SLOWDOWN):
                        if srv.requests() or a.poll() is not None:
                            break
                        time.sleep(0.01)
                    self.assertTrue(srv.requests(), "the first refresh asks")
                    b = self.pub("refresh", "--stars", env=env)
                    self.assertEqual(b.code, 0, b)
                    self.assertIn("not starting a second one", b.err)
                finally:
                    srv.control({"release": True})
                    out, err = a.communicate(timeout=60 * SLOWDOWN)
                self.assertEqual(a.returncode, 0, err)
                self.assertEqual(len(srv.requests()), 3)  # only the first one asked
            finally:
                srv.stop()
        con = sqlite3.connect(self.db)
        try:
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
            self.assertEqual(con.execute("SELECT COUNT(*) FROM repos WHERE stars > 0")
                             .fetchall(), [(3,)])
        finally:
            con.close()


if __name__ == "__main__":
    unittest.main()
