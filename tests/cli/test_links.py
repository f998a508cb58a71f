"""test_links.py: `pubdb refresh --links` end to end, the real binary
against tests/replay_server.py: code links from arXiv comments and
abstracts, code and project pages from Hugging Face's paper pages
(fixtures/huggingface/papers, real and assembled in the recorded shape; a
paper without a file is Hugging Face's 404), each link's source in `show`,
`link --rm` remembered across refreshes (and dump/load), the setting
links.project, --max-age, and Hugging Face's 429 and 500."""
import json
import os
import sqlite3
import unittest

from pubtest import ReplayTestCase

IDS = ["arxiv:2408.12588", "arxiv:2403.10266", "arxiv:2401.10652", "arxiv:2403.01164"]
VIDEOSYS = "https://github.com/NUS-HPC-AI-Lab/VideoSys"
AUTOCHUNK = "https://github.com/hpcaitech/ColossalAI/tree/main/colossalai/autochunk"
PAB_PAGE = "https://oahzxl.github.io/PAB/"


class LinksTest(ReplayTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", *IDS, env=self.env)
        self.mark = len(self.srv.requests())

    def links(self, key):
        return [(l["kind"], l["url"], l.get("source")) for l in self.paper(key)["links"]]

    def hf_requests(self):
        return [q["path"] for q in self.srv.requests()[self.mark:]
                if q["path"].startswith("/api/papers/")]

    def refresh(self, *args, code=0, env=None):
        e = dict(self.env)
        e.update(env or {})
        r = self.pub("refresh", *args, env=e)
        self.assertEqual(r.code, code, r)
        return r

    def test_add_finds_code_in_comment_and_abstract(self):
        # the comment's URL ("code at https://github.com/...)." ) and the
        # abstract's deep link, as written, found by arXiv
        self.assertIn(("code", VIDEOSYS, "arxiv"), self.links("zhao2024dsp"))
        self.assertIn(("code", AUTOCHUNK, "arxiv"), self.links("zhao2024autochunk"))
        # a deep link gets no stars: they are ColossalAI's, not the paper's
        code = [l for l in self.paper("zhao2024autochunk")["links"] if l["kind"] == "code"]
        self.assertNotIn("stars", code[0])

    def test_refresh_links_finds_the_project_page(self):
        r = self.refresh("--links")
        self.assertIn("zhao2024realtime: project %s (found by huggingface)" % PAB_PAGE, r.out)
        self.assertEqual(self.links("zhao2024realtime"), [
            ("paper", "https://arxiv.org/abs/2408.12588", "arxiv"),
            ("code", VIDEOSYS, "arxiv"),
            ("project", PAB_PAGE, "huggingface")])
        show = self.ok("show", "zhao2024realtime").out
        self.assertIn("[project] %s (found by huggingface)" % PAB_PAGE, show)
        # one request per arXiv paper, by its bare id; HeteGen's 404 is
        # "not indexed", not a failure
        self.assertEqual(sorted(self.hf_requests()), ["/api/papers/2401.10652", "/api/papers/2403.01164",
                                                      "/api/papers/2403.10266", "/api/papers/2408.12588"])
        self.assertIn("links: 4 checked, 1 changed, 3 unchanged, 0 skipped, 0 failed", r.err)
        # nothing twice: a second run adds nothing (Hugging Face's VideoSys
        # is the code link the comment gave)
        r = self.refresh("--links")
        self.assertNotIn("found by", r.out)
        self.assertEqual(len(self.links("zhao2024realtime")), 3)
        # --max-age: papers looked at within the hour are not asked again
        self.mark = len(self.srv.requests())
        r = self.refresh("--links", "--max-age", "1h")
        self.assertEqual(self.hf_requests(), [])
        self.assertIn("4 skipped", r.err)

    def test_project_pages_as_blog(self):
        self.ok("config", "set", "links.project", "blog")
        self.refresh("--only", "links")
        self.assertIn(("blog", PAB_PAGE, "huggingface"), self.links("zhao2024realtime"))
        r = self.pub("config", "set", "links.project", "Blog Posts")
        self.assertEqual(r.code, 2, r)
        self.assertIn("links.project", r.err)
        self.assertEqual(self.ok("config", "get", "links.project").out.strip(), "blog")

    def test_removed_link_sticks_across_refreshes(self):
        self.refresh("--links")
        self.ok("link", "--rm", "zhao2024realtime", "code")
        self.ok("link", "--rm", "zhao2024realtime", "project", PAB_PAGE)
        self.ok("link", "--rm", "zhao2024autochunk", "code")
        for args in (["--links"], ["--only", "arxiv,links"], ["--links", "--max-age", "0"]):
            self.refresh(*args)
            self.assertEqual(self.links("zhao2024realtime"),
                             [("paper", "https://arxiv.org/abs/2408.12588", "arxiv")], args)
            self.assertEqual([l for l in self.links("zhao2024autochunk") if l[0] == "code"], [])
        # the repository went with its only link: no stars kept for it
        self.assertNotIn("hpcaitech/ColossalAI", self.ok("repo", "list").out)
        # the removal survives dump and load
        dump = os.path.join(self.dir, "d.jsonl")
        self.ok("dump", "-o", dump)
        with open(dump) as f:
            text = f.read()
        self.assertIn('"t":"links_removed"', text)
        back = os.path.join(self.dir, "back.sqlite3")
        self.ok("load", dump, db=back)
        r = self.pub("refresh", "--links", db=back, env=self.env)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(len(json.loads(self.ok("show", "--json", "zhao2024realtime", db=back).out)
                             ["links"]), 1)
        # typing the link again lifts the removal; it is the user's now
        self.ok("link", "zhao2024realtime", "code", VIDEOSYS)
        self.assertIn(("code", VIDEOSYS, None), self.links("zhao2024realtime"))
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("SELECT count(*) FROM links_removed WHERE url = ?",
                                     (VIDEOSYS,)).fetchone()[0], 0)
        con.close()

    def test_a_users_code_link_is_not_doubled(self):
        # the user's own code link (another repository) stays the only one
        self.ok("link", "--rm", "zhao2024dsp", "code")
        self.ok("link", "zhao2024dsp", "code", "https://github.com/someone/fork")
        self.refresh("--links")
        self.assertEqual([l for l in self.links("zhao2024dsp") if l[0] == "code"],
                         [("code", "https://github.com/someone/fork", None)])

    def test_rate_limit_and_failure(self):
        # 429 for good: exit 75 (cron tries later), nothing half-stored;
        # its RateLimit header says the window resets in an hour: one
        # request, then Hugging Face is left alone (no blind retries)
        self.srv.control({"path_prefix": "/api/papers/", "status": 429, "times": -1,
                          "headers": {"RateLimit": '"api";r=0;t=3600'}})
        self.mark = len(self.srv.requests())
        r = self.refresh("--links", code=75)
        self.assertIn("Hugging Face", r.err)
        self.assertIn("Hugging Face: still rate-limited (HTTP 429); try again later", r.err)
        self.assertEqual(len(self.hf_requests()), 1, self.hf_requests())
        self.assertEqual(len(self.links("zhao2024realtime")), 2)
        # one paper's 500: the others are filed, exit 3, the next run asks again
        self.srv.control()
        self.srv.control({"path_prefix": "/api/papers/2403.10266", "status": 500, "times": -1})
        r = self.refresh("--links", code=3)
        self.assertIn("zhao2024dsp: Hugging Face: /api/papers/2403.10266", r.err)
        self.assertIn(("project", PAB_PAGE, "huggingface"), self.links("zhao2024realtime"))
        self.srv.control()
        self.mark = len(self.srv.requests())
        self.refresh("--links", "--max-age", "1h")
        self.assertEqual(self.hf_requests(), ["/api/papers/2403.10266"])


if __name__ == "__main__":
    unittest.main()
