"""pubtest.py: shared helpers of the end-to-end tests: run the real pubdb
binary on a temporary database and look at the SQLite file directly."""
import json
import os
import shlex
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

PUBDB = os.environ.get("PUBDB_BIN", "pubdb")
BIBDUMP = os.environ.get("BIBDUMP_BIN", "bibdump")
FIXTURES = os.environ.get("PUB_FIXTURES", os.path.join(os.path.dirname(__file__), "..", "..", "fixtures"))
CORPORA = os.environ.get("PUB_CORPORA", os.path.join(FIXTURES, "corpora"))
# A command put in front of every pubdb run() starts, e.g. under valgrind:
# PUBDB_WRAPPER="valgrind --error-exitcode=99 --leak-check=full
# --errors-for-leak-kinds=definite".  Timeouts grow with it.
REPLAY_SERVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "replay_server.py")
WRAPPER = shlex.split(os.environ.get("PUBDB_WRAPPER", ""))
SLOWDOWN = 20 if WRAPPER else 1
# PUBDB_WRAPPER_EVERY=N puts the wrapper before the 1st, (N+1)th, (2N+1)th
# ... pubdb run of a suite and runs the others bare: every test still runs
# and checks its results, one run in N under valgrind (.ci/run's valgrind
# stage, to keep CI within its time).  Deterministic: the same runs each
# time.
WRAPPER_EVERY = max(1, int(os.environ.get("PUBDB_WRAPPER_EVERY", "1") or 1))
_runs = [0]


def wrapper():
    """The wrapper for the next pubdb run (WRAPPER or none, by
    PUBDB_WRAPPER_EVERY)."""
    _runs[0] += 1
    return WRAPPER if (_runs[0] - 1) % WRAPPER_EVERY == 0 else []


class Result:
    def __init__(self, proc):
        self.code = proc.returncode
        self.out = (proc.stdout or b"").decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return "exit %d\nstdout: %s\nstderr: %s" % (self.code, self.out[:2000], self.err[:2000])


SERVICES = ("ARXIV", "GITHUB", "DOI", "CROSSREF", "DBLP", "S2", "OPENALEX", "ORCID", "HF",
            "OPENREVIEW")


def command(args, db=None, env=None, outer=()):
    """The command line and environment of a pubdb run, wrapper included."""
    cmd = list(outer) + wrapper() + [PUBDB]
    if db:
        cmd += ["--db", db]
    cmd += list(args)
    e = dict(os.environ)
    e.pop("PUBDB_DB", None)
    # No test goes online: a service a test does not point at its replay
    # server is a closed port on 127.0.0.1 (a plain `refresh` runs every
    # step, and a step a test did not mean to run must not reach the real
    # service).
    for svc in SERVICES:
        e.setdefault("PUBDB_%s_URL" % svc, "http://127.0.0.1:9")
    if env:
        e.update(env)
    return cmd, e


def run(*args, db=None, input=None, env=None, timeout=120, outer=(), stdout=None):
    """pubdb ARGS; OUTER is a command put before the wrapper (a namespace);
    STDOUT a file to write to instead of Result.out (e.g. /dev/full)."""
    cmd, e = command(args, db, env, outer)
    if isinstance(input, str):
        input = input.encode("utf-8")
    p = subprocess.run(cmd, input=input, stdout=stdout or subprocess.PIPE,
                       stderr=subprocess.PIPE, env=e,
                       timeout=timeout * SLOWDOWN if timeout else None)
    return Result(p)


def spawn(*args, db=None, env=None):
    """pubdb ARGS started and not waited for (a subprocess.Popen, output
    piped), under the wrapper like run()."""
    cmd, e = command(args, db, env)
    return subprocess.Popen(cmd, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def dump_db(path):
    """Every row of every table, to prove a failed command changed nothing."""
    con = sqlite3.connect(path)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def bibdump(path):
    """What libpub's reader sees in path (tests/tools/bibdump.c), as a list of
    entries and {"error": ...} items.  A fatal error (exit status not 0: an
    unreadable file, a read error) raises instead of passing as no entries."""
    p = subprocess.run([BIBDUMP, path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise RuntimeError("bibdump %s: exit %d: %s" % (path, p.returncode,
                                                        p.stderr.decode("utf-8", "replace")[-500:]))
    return [json.loads(l) for l in p.stdout.decode().splitlines() if l.strip()]


class PubTestCase(unittest.TestCase):
    def sql(self, query, *args):
        """Runs one statement on the test's database (a write is committed)."""
        con = sqlite3.connect(self.db)
        try:
            with con:
                return con.execute(query, args).fetchall()
        finally:
            con.close()

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.db = os.path.join(self.dir, "pub.sqlite3")

    def tearDown(self):
        self.tmp.cleanup()

    def pub(self, *args, **kw):
        kw.setdefault("db", self.db)
        return run(*args, **kw)

    def ok(self, *args, **kw):
        r = self.pub(*args, **kw)
        self.assertEqual(r.code, 0, r)
        return r

    def write(self, name, text, mode="w"):
        path = os.path.join(self.dir, name)
        with open(path, mode) as f:
            f.write(text)
        return path

    def papers(self, *args):
        return json.loads(self.ok("list", "--json", *args).out)

    def paper(self, key):
        return json.loads(self.ok("show", "--json", key).out)


class Replay:
    """One replay server process on a free port with its own request log."""

    def __init__(self, logdir, latency_ms=0):
        self.log = os.path.join(logdir, "replay-%d.jsonl" % latency_ms)
        portfile = os.path.join(logdir, "port-%d" % latency_ms)
        self.proc = subprocess.Popen(
            [sys.executable, REPLAY_SERVER, "--fixtures", FIXTURES, "--port", "0",
             "--port-file", portfile, "--log", self.log,
             "--latency-ms", str(latency_ms)])
        for _ in range(200):
            if os.path.exists(portfile):
                break
            time.sleep(0.02)
        with open(portfile) as f:
            self.port = int(f.read())
        self.url = "http://127.0.0.1:%d" % self.port

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)

    def control(self, spec=None):
        req = urllib.request.Request(self.url + "/_control",
                                     data=json.dumps(spec).encode() if spec else None,
                                     method="POST" if spec else "DELETE")
        urllib.request.urlopen(req, timeout=5).read()

    def requests(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log, encoding="utf-8") as f:
            return [json.loads(l) for l in f if l.strip()]


def demo_database(workdir, url):
    """Builds the demo database (the README's tutorial,
    tests/tools/demo_commands.sh, with `pubdb` on PATH under the suite's
    wrapper) in WORKDIR against the replay server at URL.  Returns its path
    and the environment that points pubdb at the server."""
    bindir = os.path.join(workdir, "bin")
    os.makedirs(bindir)
    with open(os.path.join(bindir, "pubdb"), "w") as f:
        f.write('#!/bin/sh\nexec %s "$@"\n' % " ".join(
            "'%s'" % w for w in WRAPPER + [os.path.abspath(PUBDB) if os.sep in PUBDB else PUBDB]))
    os.chmod(os.path.join(bindir, "pubdb"), 0o755)
    db = os.path.join(workdir, "demo.sqlite3")
    env = {"PUBDB_ARXIV_URL": url, "PUBDB_DOI_URL": url, "PUBDB_CROSSREF_URL": url,
           "PUBDB_GITHUB_URL": url, "PUB_ARXIV_INTERVAL_MS": "0",
           "PUBDB_S2_URL": url, "PUBDB_DBLP_URL": url, "PUBDB_OPENALEX_URL": url,
           "PUBDB_HF_URL": url, "PUB_HF_INTERVAL_MS": "0",
           "PUBDB_OPENREVIEW_URL": url, "PUB_OPENREVIEW_INTERVAL_MS": "0",
           "OPENREVIEW_USERNAME": "", "OPENREVIEW_PASSWORD": "",
           "PUB_S2_INTERVAL_MS": "0", "PUB_DBLP_INTERVAL_MS": "0",
           "PUB_HTTP_BACKOFF_MS": "10", "GITHUB_TOKEN": ""}
    src = os.environ.get("PUB_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    p = subprocess.run(["sh", os.path.join(src, "tests", "tools", "demo_commands.sh")],
                       env=dict(os.environ, PUBDB_DB=db,
                                PATH=bindir + os.pathsep + os.environ.get("PATH", ""), **env),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600 * SLOWDOWN)
    if p.returncode != 0:
        raise AssertionError("demo_commands.sh: %s" % p.stderr.decode(errors="replace"))
    return db, env


class ReplayTestCase(PubTestCase):
    """A PubTestCase with one replay server for the class (self.srv), its
    faults cleared and its log marked (self.mark) before each test, and
    self.env pointing every service at it, with no waits between requests
    and no credentials; a test's own env adds to or overrides it."""

    @classmethod
    def setUpClass(cls):
        cls.logtmp = tempfile.TemporaryDirectory()
        cls.srv = Replay(cls.logtmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.logtmp.cleanup()

    def setUp(self):
        super().setUp()
        self.srv.control()  # no faults left over
        self.mark = len(self.srv.requests())
        self.env = {"PUBDB_%s_URL" % s: self.srv.url for s in SERVICES}
        self.env.update({"PUB_ARXIV_INTERVAL_MS": "0", "PUB_S2_INTERVAL_MS": "0",
                         "PUB_DBLP_INTERVAL_MS": "0", "PUB_HF_INTERVAL_MS": "0", "PUB_HTTP_BACKOFF_MS": "10",
                         "GITHUB_TOKEN": "", "S2_API_KEY": "", "OPENALEX_API_KEY": "",
                         "PUB_OPENREVIEW_INTERVAL_MS": "0", "OPENREVIEW_USERNAME": "",
                         "OPENREVIEW_PASSWORD": ""})
