"""test_needs.py: a check without its tool never passes in silence.  A
suite run with biber hidden from PATH fails under .ci/run's setting
(PUB_REQUIRE_TOOLS=1) and names the Debian package; elsewhere it skips, says
so on stderr and in its record; tests/tools/ci_summary.py counts the records
and fails a run where a skip's reason is a missing tool."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

from pubtest import PubTestCase

HERE = os.path.dirname(os.path.abspath(__file__))
SUMMARY = os.path.join(HERE, "..", "tools", "ci_summary.py")
ONE_TEST = "test_sitegen.SiteExportTest.test_biber_reads_the_annotations"


def path_without(tool, into):
    """A PATH of symlinks to every program of the current PATH but TOOL."""
    seen = set()
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            if name == tool or name in seen:
                continue
            seen.add(name)
            try:
                os.symlink(os.path.join(d, name), os.path.join(into, name))
            except OSError:
                pass
    return into


class TestNoSilentSkip(PubTestCase):
    @classmethod
    def setUpClass(cls):
        cls.bin_tmp = tempfile.TemporaryDirectory()
        cls.path = path_without("biber", cls.bin_tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.bin_tmp.cleanup()

    def suite(self, require):
        logs = os.path.join(self.dir, "logs")
        env = dict(os.environ, PATH=self.path, PUB_TEST_LOG_DIR=logs, PUB_TEST_STAGE="hidden")
        env.pop("PUB_REQUIRE_TOOLS", None)
        if require:
            env["PUB_REQUIRE_TOOLS"] = "1"
        p = subprocess.run([sys.executable, os.path.join(HERE, "run_suite.py"), ONE_TEST],
                           capture_output=True, text=True, env=env, cwd=HERE, timeout=600)
        with open(os.path.join(logs, "hidden.%s.jsonl" % ONE_TEST)) as f:
            return p, [json.loads(line) for line in f]

    def test_missing_tool_fails_under_ci_run(self):
        p, recs = self.suite(require=True)
        self.assertEqual(p.returncode, 1, p.stderr[-2000:])
        self.assertIn("missing tool: biber (Debian package biber; .ci/deps --test installs it)", p.stderr)
        self.assertEqual([r["outcome"] for r in recs], ["failed"])

    def test_missing_tool_skips_loudly_elsewhere(self):
        p, recs = self.suite(require=False)
        self.assertEqual(p.returncode, 0, p.stderr[-2000:])
        self.assertIn("SKIP %s: missing tool: biber (Debian package biber" % ONE_TEST, p.stderr)
        self.assertEqual([(r["outcome"], r["reason"].split(" (")[0]) for r in recs],
                         [("skipped", "missing tool: biber")])
        # and the summary of a run holding that skip fails, naming it
        logs = os.path.join(self.dir, "logs")
        with open(os.path.join(logs, "junit-hidden.xml"), "w") as f:
            f.write('<testsuite><testcase name="cli_sitegen" status="run"/>'
                    '<testcase name="unit_x" status="run"/>'
                    '<testcase name="oracle" status="notrun"><skipped message="SKIP_RETURN_CODE=77"/>'
                    '<system-out>nothing to compare\n</system-out></testcase></testsuite>')
        os.rename(os.path.join(logs, "hidden.%s.jsonl" % ONE_TEST),
                  os.path.join(logs, "hidden.test_sitegen.jsonl"))
        s = subprocess.run([sys.executable, SUMMARY, logs], capture_output=True, text=True)
        self.assertEqual(s.returncode, 1, s)
        lines = s.stdout.splitlines()
        self.assertEqual(lines[-1], "1 passed, 0 failed, 2 skipped")
        self.assertIn("skipped: [hidden] oracle: nothing to compare", lines)
        self.assertTrue(any(l.startswith("skipped: [hidden] %s: missing tool: biber" % ONE_TEST)
                            for l in lines), lines)
        self.assertIn("skipped for a missing tool", s.stderr)

    def test_summary_of_a_clean_run_passes(self):
        logs = os.path.join(self.dir, "logs")
        os.mkdir(logs)
        with open(os.path.join(logs, "junit-a.xml"), "w") as f:
            f.write('<testsuite><testcase name="cli_x" status="run"/><testcase name="u" status="run"/>'
                    '<testcase name="v" status="notrun"><system-out>needs root\n</system-out>'
                    '</testcase></testsuite>')
        with open(os.path.join(logs, "a.test_x.jsonl"), "w") as f:
            for outcome in ("passed", "passed", "passed"):
                f.write(json.dumps({"stage": "a", "suite": "test_x", "test": "t", "outcome": outcome,
                                    "reason": ""}) + "\n")
        s = subprocess.run([sys.executable, SUMMARY, logs], capture_output=True, text=True)
        self.assertEqual((s.returncode, s.stdout.splitlines()[-1]), (0, "4 passed, 0 failed, 1 skipped"), s)
        # no result at all is no pass
        empty = os.path.join(self.dir, "empty")
        os.mkdir(empty)
        self.assertEqual(subprocess.run([sys.executable, SUMMARY, empty], capture_output=True).returncode, 1)

    def test_needs_names_the_package(self):
        p = subprocess.run([sys.executable, os.path.join(HERE, "needs.py"), "biber", "pandoc"],
                           capture_output=True, text=True, env=dict(os.environ, PATH=self.path))
        self.assertEqual(p.returncode, 1, p)
        self.assertIn("MISSING biber     install Debian package biber", p.stdout)
        self.assertIn("missing Debian package(s): biber", p.stderr)


if __name__ == "__main__":
    unittest.main()
