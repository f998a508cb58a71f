"""test_action.py: the GitHub Action (action.yml) and its steps
(.ci/site-refresh), run locally: a throwaway site repository cloned from a
bare remote, holding a page with two regions and the database's dump,
refreshed through the real pubdb against the replay server.  The page is
rewritten and one commit pushed when something changed, none when nothing
did; a refresh that stops partly (exit 3) still rewrites and commits; one
that reaches nothing (exit 75) commits nothing.  action.yml is a composite
action whose inputs the script reads."""
import os
import subprocess
import unittest

import needs
from pubtest import PUBDB, SERVICES, ReplayTestCase

SRC = os.environ.get("PUB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(SRC, ".ci", "site-refresh")
ACTION = os.path.join(SRC, "action.yml")

BIB = """@inproceedings{li2022fastfold,
  title = {FastFold: Optimizing AlphaFold Training and Inference on GPU Clusters},
  author = {Li, Shenggan and You, Yang},
  year = {2022},
}
"""

PAGE = """# About me

## Publications
<!-- pubdb:publications -->
<!-- /pubdb:publications -->

## Projects
<!-- pubdb:projects -->
<!-- /pubdb:projects -->

Thanks for visiting.
"""

REGIONS = """publications: --markdown
# stars as stored, so the page changes with them
projects: --style acad-homepage --repos --static-stars
"""


class ActionTest(ReplayTestCase):
    def setUp(self):
        super().setUp()
        self.git_bin = needs.need(self, "git")
        self.env.update({"PUB_GITHUB_WAIT_UNIT_MS": "20"})
        # no user's or system's git configuration: an empty file of our own
        self.gitconfig = self.write("gitconfig", "")
        self.remote = os.path.join(self.tmp.name, "remote.git")
        self.site = os.path.join(self.tmp.name, "site")
        self.git("init", "-q", "--bare", "-b", "main", self.remote, cwd=self.tmp.name)
        self.git("clone", "-q", self.remote, self.site, cwd=self.tmp.name)
        self.git("checkout", "-q", "-b", "main")
        with open(os.path.join(self.site, "about.md"), "w") as f:
            f.write(PAGE)
        # the owner's database, made on their machine, kept as its dump
        bib = self.write("papers.bib", BIB)
        self.ok("add", "--code", "https://github.com/hpcaitech/FastFold", bib)
        self.ok("dump", "-o", os.path.join(self.site, "pubdb.jsonl"))
        self.git("add", "about.md", "pubdb.jsonl")
        self.git("commit", "-q", "-m", "the site")
        self.git("push", "-q", "-u", "origin", "main")

    def git(self, *args, cwd=None):
        e = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                 GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
                 GIT_CONFIG_GLOBAL=self.gitconfig, GIT_CONFIG_NOSYSTEM="1")
        p = subprocess.run([self.git_bin] + list(args), cwd=cwd or self.site, env=e,
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, "git %s: %s" % (" ".join(args), p.stderr))
        return p.stdout

    def remote_commits(self):
        return self.git("--git-dir", self.remote, "rev-list", "--count", "main").strip()

    def remote_file(self, path):
        return self.git("--git-dir", self.remote, "show", "main:" + path)

    def action(self, env=None, refresh="--stars"):
        e = dict(os.environ)
        e.pop("PUBDB_DB", None)
        e.pop("GITHUB_ACTIONS", None)
        for svc in SERVICES:
            e["PUBDB_%s_URL" % svc] = "http://127.0.0.1:9"
        e.update(self.env)
        pubdb = os.path.abspath(PUBDB) if os.sep in PUBDB else PUBDB
        e.update({"PUBDB_BIN": pubdb, "PUBDB_SITE": self.site, "PUBDB_PAGE": "about.md",
                  "PUBDB_REGIONS": REGIONS, "PUBDB_DUMP": "pubdb.jsonl",
                  "PUBDB_MAX_TIME": "30s", "PUBDB_REFRESH": refresh,
                  "GIT_CONFIG_GLOBAL": self.gitconfig, "GIT_CONFIG_NOSYSTEM": "1"})
        e.update(env or {})
        return subprocess.run(["bash", SCRIPT], env=e, capture_output=True, text=True,
                              timeout=120)

    def test_changed_page_is_committed_once_then_nothing(self):
        r = self.action()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.remote_commits(), "2", r.stderr)
        page = self.remote_file("about.md")
        self.assertIn("FastFold", page)
        self.assertIn("598", page)
        self.assertTrue(page.startswith("# About me\n") and page.endswith("Thanks for visiting.\n"))
        self.assertIn('"stars":598', self.remote_file("pubdb.jsonl"))
        self.assertEqual(self.git("status", "--porcelain"), "")
        # the same answers again: nothing to commit (the refresh's checked
        # times alone are not a change)
        r = self.action()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("nothing changed: no commit", r.stderr)
        self.assertEqual(self.remote_commits(), "2")
        self.assertEqual(self.git("status", "--porcelain"), "")

    def test_partly_failed_refresh_still_rewrites_and_commits(self):
        # GitHub keeps failing: the stars step fails its item, exit 3
        self.srv.control({"path_prefix": "/repos/hpcaitech/FastFold", "status": 503,
                          "times": -1})
        r = self.action()
        self.assertIn("refresh did not finish (exit 3)", r.stderr)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.remote_commits(), "2")
        self.assertIn("FastFold", self.remote_file("about.md"))

    def test_nothing_reachable_makes_no_commit(self):
        env = {"PUBDB_%s_URL" % s: "http://127.0.0.1:9" for s in SERVICES}
        r = self.action(env=env)
        self.assertEqual(r.returncode, 75, r.stderr)
        self.assertIn("refresh reached nothing (exit 75): no commit", r.stderr)
        self.assertEqual(self.remote_commits(), "1")
        self.assertEqual(self.git("status", "--porcelain"), "")
        with open(os.path.join(self.site, "about.md")) as f:
            self.assertEqual(f.read(), PAGE)

    def test_stalled_service_stops_at_the_time_limit_and_commits(self):
        self.srv.control({"path_prefix": "/repos/hpcaitech/FastFold", "delay": 20,
                          "times": -1, "status": 500})
        r = self.action(env={"PUBDB_MAX_TIME": "2"}, refresh="--stars")
        self.assertIn("time limit reached", r.stderr)
        self.assertEqual(r.returncode, 0, r.stderr)
        # the publications region is new either way: one commit
        self.assertEqual(self.remote_commits(), "2")
        self.assertIn("FastFold", self.remote_file("about.md"))


class ActionYamlTest(unittest.TestCase):
    """action.yml is a composite action, and every input it passes the
    script is one the script reads."""

    def test_composite_action_parses(self):
        ruby = needs.need(self, "ruby-yaml")
        prog = ('require "yaml"; require "json"; '
                'puts JSON.generate(YAML.safe_load(File.read(ARGV[0])))')
        p = subprocess.run([ruby, "-e", prog, ACTION], capture_output=True, text=True,
                           timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        import json
        doc = json.loads(p.stdout)
        self.assertEqual(doc["runs"]["using"], "composite")
        inputs = doc["inputs"]
        for name in ("page", "regions", "dump", "max-time", "deb-urls"):
            self.assertIn(name, inputs)
        self.assertTrue(inputs["page"]["required"] and inputs["regions"]["required"])
        steps = doc["runs"]["steps"]
        self.assertTrue(all("shell" in s or "uses" in s for s in steps))
        last = steps[-1]
        self.assertIn(".ci/site-refresh", last["run"])
        with open(SCRIPT) as f:
            script = f.read()
        for var in last["env"]:
            if var.startswith("PUBDB_"):
                self.assertIn(var, script, "the script reads " + var)

    def test_example_workflow_uses_the_action_with_its_inputs(self):
        ruby = needs.need(self, "ruby-yaml")
        prog = ('require "yaml"; require "json"; '
                'puts JSON.generate(ARGV.map { |f| YAML.safe_load(File.read(f)) })')
        p = subprocess.run([ruby, "-e", prog, ACTION,
                            os.path.join(SRC, "docs", "github-actions.yml")],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        import json
        action, flow = json.loads(p.stdout)
        with open(os.path.join(SRC, "docs", "github-actions.yml")) as f:
            self.assertLessEqual(len(f.read().splitlines()), 12, "a short example")
        steps = [s for job in flow["jobs"].values() for s in job["steps"]]
        ours = [s for s in steps if s.get("uses", "").startswith("pubdb/pubdb@")]
        self.assertEqual(len(ours), 1)
        self.assertLessEqual(set(ours[0]["with"]), set(action["inputs"]))
        required = {k for k, v in action["inputs"].items() if v.get("required")}
        self.assertLessEqual(required, set(ours[0]["with"]))


if __name__ == "__main__":
    unittest.main()
