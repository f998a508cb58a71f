"""test_max_time.py: `--max-time DURATION` of `refresh` and profile `add`
with the real binary against tests/replay_server.py: a stalled service
(the server's delay fault, longer than the run's limit but inside the
per-request transfer timeout) ends the run at the limit with exit 3 and one
line naming what was left; what was stored before stays; a bad duration is
a usage error; a normal run never meets the limit."""
import json
import sqlite3
import time
import unittest

from pubtest import ReplayTestCase

STALL_S = 20  # the stalled answer's delay: far past --max-time 2


class MaxTimeTest(ReplayTestCase):
    def setUp(self):
        super().setUp()
        self.env.update({"PUB_GITHUB_WAIT_UNIT_MS": "20"})
        # a per-request transfer timeout far longer than the limit: only
        # the run's deadline can end a stalled request in time
        self.env.pop("PUB_HTTP_TIMEOUT", None)

    def stars(self):
        return {x["repo"]: x["stars"] for x in json.loads(self.ok("--json", "stars").out)}

    def papers_count(self):
        con = sqlite3.connect(self.db)
        try:
            return con.execute("SELECT count(*) FROM papers").fetchone()[0]
        finally:
            con.close()

    def test_stalled_github_stops_at_the_limit_and_keeps_what_was_stored(self):
        for name in ("hpcaitech/FastFold", "hpcaitech/EnergonAI"):
            self.ok("repo", "add", "https://github.com/" + name, env=self.env)
        self.srv.control({"path_prefix": "/repos/hpcaitech/EnergonAI", "delay": STALL_S,
                          "times": -1, "status": 500})
        t0 = time.monotonic()
        r = self.pub("refresh", "--stars", "--profiles", "--max-time", "2", env=self.env)
        took = time.monotonic() - t0
        self.assertEqual(r.code, 3, r)
        self.assertLess(took, 6, "the run took %.1f s with --max-time 2" % took)
        lines = [l for l in r.err.splitlines() if "time limit" in l]
        self.assertEqual(len(lines), 1, r)
        self.assertRegex(lines[0], r"^pubdb: time limit reached after 2\.\d s; "
                         r"not done: stars \(cut short\), profiles$")
        # each stalled attempt is not reported one by one
        self.assertNotIn("EnergonAI", r.err, r)
        self.assertEqual(self.stars().get("hpcaitech/FastFold"), 598)

    def test_profile_add_stops_at_the_limit_keeping_the_first_profile(self):
        self.srv.control({"path_prefix": "/v3.0/0000-0002-0734-2199", "delay": STALL_S,
                          "times": -1})
        t0 = time.monotonic()
        r = self.pub("add", "--max-time", "2s", "dblp:00/0001",
                     "orcid:0000-0002-0734-2199", env=self.env)
        took = time.monotonic() - t0
        self.assertEqual(r.code, 3, r)
        self.assertLess(took, 6, "add took %.1f s with --max-time 2s" % took)
        self.assertRegex(r.err, r"pubdb: time limit reached after 2\.\d s; "
                         r"not done: orcid:0000-0002-0734-2199\n")
        self.assertGreater(self.papers_count(), 0, "the DBLP profile's papers were kept")

    def test_bad_durations_are_usage_errors_naming_the_value(self):
        self.ok("init")
        for bad in ("abc", "0", "-5", "10x", "1.5", "2hh", "", "9999h"):
            for args in (["refresh", "--max-time", bad], ["add", "--max-time", bad,
                                                          "dblp:00/0001"]):
                r = self.pub(*args, env=self.env)
                self.assertEqual(r.code, 2, (bad, r))
                self.assertIn("--max-time: invalid duration '%s'" % bad, r.err)
        self.assertEqual(self.srv.requests()[self.mark:], [])

    def test_normal_run_does_not_meet_the_limit(self):
        self.ok("repo", "add", "https://github.com/hpcaitech/FastFold", env=self.env)
        for d in ("90", "90s", "10m", "1h"):
            r = self.pub("refresh", "--stars", "--max-time", d, env=self.env)
            self.assertEqual(r.code, 0, (d, r))
            self.assertNotIn("time limit", r.err)
        self.assertEqual(self.stars()["hpcaitech/FastFold"], 598)
        r = self.pub("add", "--max-time", "1h", "dblp:00/0001", env=self.env)
        self.assertEqual(r.code, 0, r)


if __name__ == "__main__":
    unittest.main()
