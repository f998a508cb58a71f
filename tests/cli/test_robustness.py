"""test_robustness.py: pubdb under faults and hostile input, end to end.
SIGKILL at random points of a large import and of a star refresh (the
database stays intact, the import all or nothing), refresh/add/edit/export
in parallel on one database (nothing locked out, nothing lost), a full
disk, a read-only or vanished or corrupt or newer database, and hostile
titles, names, URLs, keys and search queries (exports stay well-formed and
escaped, --jekyll stays inside its folder).  docs/robustness.md lists every
case with the test that proves it."""
import html.parser
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

from needs import need
from pubtest import CORPORA, FIXTURES, PUBDB, WRAPPER, PubTestCase, dump_db, run

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "replay_server.py")
BIG = os.path.join(CORPORA, "beebe-tugboat.bib")
SEED = int(os.environ.get("PUB_ROBUSTNESS_SEED", str(int(time.time()))))
KNOWN_REPOS = ["hpcaitech/FastFold", "hpcaitech/ColossalAI", "NUS-HPC-AI-Lab/InfoBatch"]


def integrity(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()


def count(path, sql="SELECT count(*) FROM papers"):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


class Replay:
    """The replay server (GitHub fixtures) on a free port, slowed down by
    latency_ms per request so that a refresh can be killed half-way."""

    def __init__(self, logdir, latency_ms):
        portfile = os.path.join(logdir, "port-%d" % latency_ms)
        self.proc = subprocess.Popen(
            [sys.executable, SERVER, "--fixtures", FIXTURES, "--port", "0",
             "--port-file", portfile, "--latency-ms", str(latency_ms)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(500):
            if os.path.exists(portfile) and os.path.getsize(portfile):
                break
            time.sleep(0.02)
        with open(portfile) as f:
            self.port = int(f.read())
        self.url = "http://127.0.0.1:%d" % self.port
        # the port file can appear before the server answers: wait for it
        for _ in range(250):
            try:
                urllib.request.urlopen(self.url + "/repos/hpcaitech/FastFold", timeout=5).read()
                break
            except OSError:
                time.sleep(0.02)
        self.env = {"PUBDB_GITHUB_URL": self.url, "PUB_HTTP_BACKOFF_MS": "10",
                    "PUB_GITHUB_WAIT_UNIT_MS": "20", "GITHUB_TOKEN": ""}

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


def child_env(extra=None):
    e = dict(os.environ)
    e.pop("PUBDB_DB", None)
    e.update(extra or {})
    return e


class TestCrashSafety(PubTestCase):
    """SIGKILL at a random moment: SQLite's WAL must leave either the old or
    the new state, never a mixture, and no stale lock behind."""
    RUNS = 20

    def assertIntact(self, db, what):
        self.assertEqual(integrity(db), [("ok",)], what)
        r = run("doctor", db=db)
        self.assertEqual(r.code, 0, "%s: %r" % (what, r))

    def kill_imports(self, seed, new_file, check):
        """RUNS imports of BIG, each SIGKILLed at a random moment, into a
        file made by `init` or (new_file) into one `add` itself creates;
        check(db, what) runs after each kill that left a file.  Asserts
        each then holds 0 or all papers, and that most kills landed while
        the import ran (or the test proves little)."""
        rnd = random.Random(seed)
        # the reference: the whole import, uninterrupted, and its duration
        ref = os.path.join(self.dir, "ref%d.sqlite3" % seed)
        t0 = time.monotonic()
        self.assertEqual(run("-q", "add", BIG, db=ref).code, 0)
        full_time = time.monotonic() - t0
        n = count(ref)
        self.assertGreater(n, 1000)
        seen = {0: 0, n: 0}
        killed_running = 0
        for i in range(self.RUNS):
            db = os.path.join(self.dir, "kill%d-%d.sqlite3" % (seed, i))
            if not new_file:
                self.assertEqual(run("init", db=db).code, 0)
            p = subprocess.Popen([PUBDB, "--db", db, "-q", "add", BIG], env=child_env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rnd.uniform(0.0, full_time * 1.1))
            if p.poll() is None:
                killed_running += 1
            p.send_signal(signal.SIGKILL)
            p.wait()
            what = "run %d (seed %d)" % (i, seed)
            if not os.path.exists(db):  # killed before it made the file
                seen[0] += 1
                continue
            check(db, what)
            c = count(db)
            self.assertIn(c, seen, "%s: %d papers, neither 0 nor %d" % (what, c, n))
            seen[c] += 1
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.unlink(db + suffix)
        self.assertGreaterEqual(killed_running, self.RUNS // 2, (seen, seed))

    def test_sigkill_during_import(self):
        self.kill_imports(SEED, False, self.assertIntact)

    def test_sigkill_during_first_import_into_a_new_file(self):
        # `add` into a file it creates fills it under a rollback journal
        # (docs/architecture.md, "Speed"): a kill leaves a hot journal,
        # and the next open must roll it back to nothing or to all.
        def check(db, what):
            # doctor opens it for writing first: that rolls a hot journal
            # back (and creates the schema if the kill came before it).
            r = run("doctor", db=db)
            self.assertEqual(r.code, 0, "%s: %r" % (what, r))
            self.assertFalse(os.path.exists(db + "-journal"), what)
            self.assertIntact(db, what)
            con = sqlite3.connect(db)
            self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal", what)
            con.close()
        self.kill_imports(SEED + 2, True, check)

    def test_sigkill_during_star_refresh(self):
        rnd = random.Random(SEED + 1)
        srv = Replay(self.dir, 40)
        try:
            for name in KNOWN_REPOS + ["nobody%d/proj%d" % (i, i) for i in range(30)]:
                self.ok("-q", "repo", "add", "https://github.com/" + name)
            base = dump_db(self.db)
            # one whole refresh on a copy gives the window to kill in
            ref = os.path.join(self.dir, "ref.sqlite3")
            shutil.copy(self.db, ref)
            t0 = time.monotonic()
            self.assertIn(run("refresh", "--stars", db=ref, env=srv.env).code, (0, 3))
            full_time = time.monotonic() - t0
            killed_running = 0
            for i in range(self.RUNS):
                p = subprocess.Popen([PUBDB, "--db", self.db, "refresh", "--stars"],
                                     env=child_env(srv.env),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rnd.uniform(0.0, full_time * 1.1))
                if p.poll() is None:
                    killed_running += 1
                p.send_signal(signal.SIGKILL)
                p.wait()
                self.assertIntact(self.db, "refresh run %d (seed %d)" % (i, SEED))
            self.assertGreaterEqual(killed_running, self.RUNS // 2)
            # no stale lock: a whole refresh still runs and finishes (exit 3:
            # the nobody/ repositories are not found, as intended)
            r = self.pub("refresh", "--stars", env=srv.env)
            self.assertIn(r.code, (0, 3), r)
            self.assertIn("33 checked", r.err)
            stars = {x["repo"]: x["stars"] for x in json.loads(self.ok("--json", "stars").out)}
            self.assertEqual(stars["hpcaitech/FastFold"], 598)
            self.assertNotEqual(dump_db(self.db), base)
            self.assertIntact(self.db, "after the last refresh")
        finally:
            srv.stop()


class TestConcurrency(PubTestCase):
    """Cron's refresh while the user adds, edits and exports."""

    def test_parallel_refresh_add_edit_export(self):
        seconds = float(os.environ.get("PUB_CONCURRENCY_SECONDS", "20"))
        srv = Replay(self.dir, 5)
        try:
            for name in KNOWN_REPOS:
                self.ok("-q", "repo", "add", "https://github.com/" + name)
            self.ok("-q", "add", "-", input="@misc{target, title={Edited in parallel}, year=2020}\n")
            deadline = time.monotonic() + seconds
            failures = []
            done = {"add": [], "edit": [], "export": 0, "refresh": 0}
            lock = threading.Lock()

            def check(kind, r):
                if r.code != 0 or "locked" in r.err:
                    with lock:
                        failures.append("%s: %r" % (kind, r))
                    return False
                return True

            def adder():
                i = 0
                while time.monotonic() < deadline:
                    bib = "@misc{conc%d, title={Concurrent paper number %d}, year=2021}\n" % (i, i)
                    if check("add", run("-q", "add", "-", db=self.db, input=bib)):
                        done["add"].append(i)
                    i += 1

            def editor():
                i = 0
                while time.monotonic() < deadline:
                    if check("edit", run("edit", "target", "xfield%d=value %d" % (i, i), db=self.db)):
                        done["edit"].append(i)
                    i += 1

            def exporter():
                i = 0
                while time.monotonic() < deadline:
                    fmt = ["--bibtex", "--html", "--json", "--markdown"][i % 4]
                    out = os.path.join(self.dir, "out%d" % (i % 4))
                    if check("export", run("export", fmt, "-o", out, db=self.db)):
                        done["export"] += 1
                    i += 1

            def refresher():
                while time.monotonic() < deadline:
                    if check("refresh", run("-q", "refresh", "--stars", db=self.db, env=srv.env)):
                        done["refresh"] += 1

            threads = [threading.Thread(target=f) for f in (adder, editor, exporter, refresher)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(failures, [])
            self.assertGreater(len(done["add"]), 0)
            self.assertGreater(len(done["edit"]), 0)
            self.assertGreater(done["export"], 0)
            self.assertGreater(done["refresh"], 0)
            # nothing lost: every add is there, every edit is in the paper
            self.assertEqual(count(self.db, "SELECT count(*) FROM papers WHERE citekey LIKE 'conc%'"),
                             len(done["add"]))
            bib = self.ok("export", "--bibtex").out
            for i in done["edit"]:
                self.assertIn("xfield%d = {value %d}" % (i, i), bib)
            self.assertEqual(integrity(self.db), [("ok",)])
            self.ok("doctor")
            sys.stderr.write("concurrency %.0fs: %d adds, %d edits, %d exports, %d refreshes\n" % (
                seconds, len(done["add"]), len(done["edit"]), done["export"], done["refresh"]))
        finally:
            srv.stop()


def set_fsize(limit):
    def pre():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return pre


class TestDiskAndFileFaults(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("-q", "add", "-", input="@misc{seed1, title={Seed paper}, author={Doe, Jane}, year=2020}\n")
        self.before = dump_db(self.db)

    def assertCleanFailure(self, r, *words):
        self.assertGreater(r.code, 0, r)  # an exit code, not a signal
        # warnings about the input file may come first (-q keeps them)
        lines = [l for l in r.err.strip().splitlines() if not l.startswith("pubdb: warning: ")]
        self.assertTrue(1 <= len(lines) <= 2, r)  # the error (+ "nothing was stored")
        self.assertTrue(lines[0].startswith("pubdb: "), r)
        for w in words:
            self.assertIn(w, r.err.lower(), r)

    def fsize_run(self, limit, *args):
        p = subprocess.run([PUBDB, "--db", self.db] + list(args), env=child_env(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           preexec_fn=set_fsize(limit), timeout=120)

        class R:
            code = p.returncode
            out = p.stdout.decode("utf-8", "replace")
            err = p.stderr.decode("utf-8", "replace")

            def __repr__(self):
                return "exit %d\nstderr: %s" % (self.code, self.err[:2000])
        return R()

    def test_full_disk_import(self):
        # RLIMIT_FSIZE stands in for a full disk: writes past it fail with
        # EFBIG (SIGXFSZ ignored), as they would with ENOSPC on a small tmpfs.
        size = os.path.getsize(self.db) + os.path.getsize(self.db + "-wal") \
            if os.path.exists(self.db + "-wal") else os.path.getsize(self.db)
        r = self.fsize_run(size + 256 * 1024, "-q", "add", BIG)
        self.assertCleanFailure(r)
        self.assertEqual(integrity(self.db), [("ok",)])
        self.assertEqual(dump_db(self.db), self.before)
        self.ok("doctor")

    def test_full_disk_export_keeps_old_file(self):
        self.ok("-q", "add", BIG)
        out = os.path.join(self.dir, "list.html")
        with open(out, "w") as f:
            f.write("old contents\n")
        r = self.fsize_run(64 * 1024, "export", "--html", "-o", out)
        self.assertCleanFailure(r)
        with open(out) as f:
            self.assertEqual(f.read(), "old contents\n")
        self.assertEqual([x for x in os.listdir(self.dir) if x.startswith("list.html")], ["list.html"])

    def test_full_disk_tmpfs(self):
        if os.geteuid() != 0:
            self.skipTest("mounting a tmpfs needs root (test_full_disk_import covers it)")
        mnt = os.path.join(self.dir, "small")
        os.mkdir(mnt)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mnt],
                          stderr=subprocess.DEVNULL).returncode != 0:
            self.skipTest("cannot mount a tmpfs here (test_full_disk_import covers it)")
        try:
            db = os.path.join(mnt, "pub.sqlite3")
            self.assertEqual(run("-q", "add", "-", db=db,
                                 input="@misc{s, title={Seed}, year=2020}\n").code, 0)
            before = dump_db(db)
            r = run("-q", "add", BIG, db=db)
            self.assertCleanFailure(r)
            self.assertEqual(integrity(db), [("ok",)])
            self.assertEqual(dump_db(db), before)
        finally:
            subprocess.run(["umount", "-l", mnt])

    # ---- a database nothing can write (docs/robustness.md) ----
    READS = (["list"], ["list", "--json"], ["show", "seed1"], ["search", "Seed"],
             ["export", "--bibtex"], ["export", "--html"], ["export", "--json"], ["stats"])
    WRITES = ((["add", "-"], "@misc{n, title={New}}\n"), (["edit", "seed1", "title=Changed"], None),
              (["tag", "seed1", "+t"], None), (["link", "seed1", "code", "https://github.com/a/b"], None),
              (["config", "set", "owner", "Jane Doe"], None), (["rm", "seed1"], None))

    def change_in_the_wal(self):
        """A change that stays in the WAL: a second connection keeps the
        log from being checkpointed until the test ends."""
        con = sqlite3.connect(self.db, isolation_level=None)
        self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("UPDATE papers SET title = 'Seed paper, in the WAL'")
        self.addCleanup(con.close)

    def assertReadsAndRefusesWrites(self, outer=(), keys=("seed1",)):
        before = dump_db(self.db) if not outer else None
        for args in self.READS:
            r = run(*args, db=self.db, outer=outer)
            self.assertEqual(r.code, 0, (args, r))
            self.assertNotIn("pubdb:", r.err, (args, r))  # no error, no warning
        r = run("list", "--json", db=self.db, outer=outer)
        self.assertEqual(sorted(p["key"] for p in json.loads(r.out)), sorted(keys))
        self.assertIn("Seed paper", run("show", "seed1", db=self.db, outer=outer).out)
        self.assertIn("seed1", run("search", "Seed", db=self.db, outer=outer).out)
        for args, stdin in self.WRITES:
            r = run(*args, db=self.db, input=stdin, outer=outer)
            self.assertCleanFailure(r, "database '%s' is read-only" % self.db)
        if before is not None:
            self.assertEqual(dump_db(self.db), before)

    def test_read_only_database_chattr(self):
        """chattr +i: the file cannot be written, even by root; its folder
        can, so SQLite reads the WAL through its index."""
        chattr = need(self, "chattr")
        self.change_in_the_wal()
        r = subprocess.run([chattr, "+i", self.db], capture_output=True, text=True)
        if r.returncode != 0:
            self.skipTest("chattr +i is not supported on %s's file system: %s" % (self.dir, r.stderr))
        try:  # (tearDown, which removes the folder, runs before cleanups)
            self.assertReadsAndRefusesWrites()
            self.assertIn("Seed paper, in the WAL", run("show", "seed1", db=self.db).out)
        finally:
            subprocess.run([chattr, "-i", self.db])

    def read_only_mount(self):
        """The command prefix that runs pubdb where self.dir is a read-only
        bind mount of itself (a mount namespace of its own)."""
        # --propagation unchanged: in a chroot "/" is no mount point and
        # unshare cannot make it private; the mount holding the folder is
        # made a slave instead, so the bind mount stays in the namespace
        outer = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
        outer += ["--propagation", "unchanged", "sh", "-c",
                  'mp=$(findmnt -n -o TARGET -T "$0") && mount --make-rslave "$mp" && '
                  'mount --bind -o ro "$0" "$0" && exec "$@"', self.dir]
        r = subprocess.run(outer + ["touch", os.path.join(self.dir, "probe")], capture_output=True, text=True)
        if "Read-only file system" not in r.stderr:
            self.fail("cannot make a read-only bind mount here (unshare -m, mount --bind -o ro): %s"
                      % r.stderr)
        return tuple(outer)

    def test_read_only_database_bind_mount(self):
        """A read-only medium: a WAL database pubdb closed cleanly has no
        -wal or -shm, and none can be created beside it."""
        outer = self.read_only_mount()
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        con.close()
        self.assertEqual(sorted(os.listdir(self.dir)), ["pub.sqlite3"], os.listdir(self.dir))
        self.assertReadsAndRefusesWrites(outer)
        self.assertEqual(dump_db(self.db), self.before)
        self.assertEqual(sorted(os.listdir(self.dir)), ["pub.sqlite3"])

    def test_read_only_database_with_a_wal_to_replay(self):
        """A read-only medium holding a WAL with changes (copied while a
        writer had it open): they cannot be read there, and pubdb says so
        rather than show the older papers."""
        outer = self.read_only_mount()
        con = sqlite3.connect(self.db, isolation_level=None)
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("UPDATE papers SET title = 'Changed in the WAL'")
        snap = os.path.join(self.dir, "snap")
        os.mkdir(snap)
        shutil.copy(self.db, snap)
        shutil.copy(self.db + "-wal", snap)
        con.close()
        self.db = os.path.join(snap, "pub.sqlite3")
        r = run("list", db=self.db, outer=outer)
        self.assertCleanFailure(r, "is read-only", "write-ahead log")
        # where it can be written, the log is replayed and the change is there
        self.assertIn("Changed in the WAL", self.ok("list").out)

    def test_vanished_directory(self):
        sub = os.path.join(self.dir, "gone", "deeper")
        db = os.path.join(sub, "pub.sqlite3")
        self.assertEqual(run("-q", "add", "-", db=db, input="@misc{v, title={V}}\n").code, 0)
        shutil.rmtree(os.path.join(self.dir, "gone"))
        for args in (["list"], ["show", "v"], ["edit", "v", "title=W"], ["export", "--html"],
                     ["doctor"], ["search", "x"], ["refresh", "--stars"]):
            r = run(*args, db=db)
            self.assertCleanFailure(r, "no database")
            self.assertFalse(os.path.exists(sub), args)  # nothing recreated
        # `add` and `init` create the database (and its folder) by design
        self.assertEqual(run("-q", "add", "-", db=db, input="@misc{v, title={V}}\n").code, 0)

    def test_newer_schema_every_command(self):
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version = 999")
        con.commit()
        con.close()
        before = dump_db(self.db)
        for args in (["list"], ["edit", "seed1", "title=X"], ["export", "--bibtex"],
                     ["doctor"], ["refresh", "--stars"], ["tag", "seed1", "+t"], ["rm", "seed1"]):
            r = self.pub(*args)
            self.assertCleanFailure(r, "newer")
        self.assertEqual(dump_db(self.db), before)

    def corrupt(self, how):
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        size = os.path.getsize(self.db)
        with open(self.db, "r+b") as f:
            if how == "truncate":
                f.truncate(size // 2)
            else:
                # keep the 100-byte file header, garbage over everything else
                f.seek(100)
                f.write(random.Random(SEED).randbytes(size - 100))

    def test_corrupt_pages(self):
        self.corrupt("garbage")
        for args in (["list"], ["export", "--json"], ["add", "-"], ["doctor"], ["search", "seed"]):
            r = self.pub(*args, input="@misc{n, title={New}}\n")
            self.assertGreater(r.code, 0, (args, r))
            self.assertLessEqual(len(r.err.strip().splitlines()), 2, (args, r))
            self.assertTrue(r.err.startswith("pubdb: "), (args, r))

    def test_truncated_file(self):
        self.corrupt("truncate")
        for args in (["list"], ["export", "--html"], ["add", "-"], ["doctor"]):
            r = self.pub(*args, input="@misc{n, title={New}}\n")
            self.assertGreater(r.code, 0, (args, r))
            self.assertLessEqual(len(r.err.strip().splitlines()), 2, (args, r))


class TagCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attrs = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


HOSTILE = r"""@article{xss,
  title = {<script>alert("t")</script> and <img src=x onerror=alert(1)>},
  author = {<b>Bold</b>, Mallory and O'Neil, "Quote" & Co},
  journal = {</ul><script>alert(2)</script>},
  url = {javascript:alert(3)},
  doi = {10.1000/"><script>alert(4)</script>},
  year = 2020,
}
@misc{dotdot,
  title = {Key with dots},
  url = {https://example.org/?a=1&b=<2>},
  year = 2021,
}
@misc{md,
  title = {[link](javascript:alert(5)) *bold* `code` | pipe --- # head},
  author = {Evil, {]}(javascript:x)},
  year = 2022,
}
"""


class TestHostileInput(PubTestCase):
    def export(self, *args):
        return self.ok("export", *args).out

    def check_html(self, text):
        p = TagCollector()
        p.feed(text)
        p.close()
        self.assertNotIn("script", p.tags)
        self.assertNotIn("img", p.tags)
        for name, value in p.attrs:
            self.assertFalse(name.startswith("on"), (name, value))
            if name in ("href", "src") and value:
                self.assertFalse(value.strip().lower().startswith(("javascript:", "data:", "vbscript:")),
                                 value)
        return p

    def check_all_exports(self, expect_n, reimport=(["--bibtex"], ["--bibtex", "--ascii"], ["--biblatex"]),
                          standalone=True):
        h = self.export("--html")
        self.check_html(h)
        if standalone:
            self.check_html(self.export("--html", "--standalone"))
        md = self.export("--markdown")
        # the venue is a code span by design: literal text in Markdown
        prose = re.sub(r"(?<![`\\])(`+)(?!`).*?(?<!`)\1(?!`)", "", md, flags=re.S)
        self.assertNotIn("<script", prose)
        self.assertIsNone(re.search(r"(?<!\\)\]\(\s*javascript:", prose), prose)
        self.check_html(prose)
        papers = json.loads(self.export("--json"))
        self.assertEqual(len(papers), expect_n)
        self.assertEqual(len(json.loads(self.export("--csl-json"))), expect_n)
        for fmt in reimport:
            out = os.path.join(self.dir, "again.bib")
            with open(out, "w", encoding="utf-8") as f:
                f.write(self.export(*fmt))
            db2 = os.path.join(tempfile.mkdtemp(dir=self.dir), "again.sqlite3")
            r = run("--json", "add", "--strict", "--no-merge", out, db=db2)
            self.assertEqual(r.code, 0, (fmt, r))
            again = json.loads(run("--json", "list", db=db2).out)
            self.assertEqual(len(again), expect_n, fmt)
            if fmt == ["--bibtex"]:
                self.assertEqual(sorted(p["title"] for p in again),
                                 sorted(p["title"] for p in papers))
        return papers

    def test_script_javascript_and_markup(self):
        self.ok("add", self.write("h.bib", HOSTILE))
        self.ok("link", "dotdot", "code", "javascript:alert(6)") \
            if self.pub("link", "dotdot", "code", "javascript:alert(6)").code == 0 else None
        papers = self.check_all_exports(3)
        titles = [p["title"] for p in papers]
        self.assertTrue(any("<script>" in t for t in titles))  # stored as given, escaped on output
        h = self.export("--html")
        self.assertIn("&lt;script&gt;", h)

    def test_hostile_keys_and_jekyll_stays_inside(self):
        self.ok("add", self.write("h.bib", HOSTILE))
        # robustness.md: such keys are accepted (a key is text); the Jekyll
        # export below must keep them inside its folder
        r = self.pub("edit", "dotdot", "key=x\\..\\y")  # a backslash is no key character
        self.assertEqual((r.code, r.err), (2, "pubdb: error: 'x\\..\\y' is not a valid citation key\n"))
        for key in ("../../escape", "/abs/path", "..", "a/b", ".hidden"):
            self.ok("edit", "dotdot", "key=" + key)
            self.assertEqual(self.paper(key)["title"], "Key with dots")
            self.ok("edit", key, "key=dotdot")  # rename back for the next try
        r = self.ok("add", "-", input="@misc{../../../evil, title={Evil key}, year=2020}\n")
        self.assertEqual(self.paper("../../../evil")["title"], "Evil key")
        outside = set()
        for root, dirs, files in os.walk(self.dir):
            outside.update(os.path.join(root, f) for f in files)
        posts = os.path.join(self.dir, "site", "_posts")
        os.makedirs(posts)
        r = self.pub("export", "--markdown", "--jekyll", posts)
        self.assertEqual(r.code, 0, r)
        after = set()
        for root, dirs, files in os.walk(self.dir):
            after.update(os.path.join(root, f) for f in files)
        new = after - outside
        self.assertTrue(new)
        for f in new:
            self.assertTrue(os.path.realpath(f).startswith(os.path.realpath(posts) + os.sep), f)
        self.assertEqual(os.listdir(os.path.join(self.dir, "site")), ["_posts"])
        self.assertIn("2020-01-01-.._.._.._evil.md", os.listdir(posts))

    def test_nul_bytes_and_invalid_utf8(self):
        raw = (b"@misc{nul, title={Before\x00after}, author={Nul, By\x00te}, year=2020}\n"
               b"@misc{bad8, title={Bad \xff\xfe\xc3 bytes \xed\xa0\x80 surrogate}, "
               b"url={http://x/\xc0\xaf}, year=2021}\n")
        path = os.path.join(self.dir, "raw.bib")
        with open(path, "wb") as f:
            f.write(raw)
        # robustness.md: both entries imported, each with its warning; NULs
        # dropped, the invalid UTF-8 file read as Windows-1252
        r = self.pub("add", path)
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.err.splitlines(), [
            "pubdb: warning: %s:1:25: NUL bytes in the input are dropped" % path,
            "pubdb: warning: %s:2:24: not valid UTF-8 (byte 0xFF); reading the file as Windows-1252 "
            "(if it is in another encoding, name it with --encoding, e.g. gbk or iso-8859-15)" % path,
            "'%s': 2 added, 0 merged, 0 skipped" % path])
        self.assertEqual(self.paper("nul")["title"], "Beforeafter")
        self.assertEqual([(a["given"], a["family"]) for a in self.paper("nul")["authors"]], [("Byte", "Nul")])
        bad8 = self.paper("bad8")
        self.assertEqual(bad8["title"], "Bad \u00ff\u00fe\u00c3 bytes \u00ed\u00a0\u20ac surrogate")
        self.assertEqual(bad8["fields"]["url"], "http://x/\u00c0\u00af")
        papers = self.check_all_exports(2)
        for p in papers:
            self.assertNotIn("\x00", json.dumps(p, ensure_ascii=False))

    def test_megabyte_fields_and_100k_authors(self):
        big_title = "T" * (1024 * 1024)
        authors = " and ".join("Author%d, A." % i for i in range(100000))
        bib = ("@misc{huge, title={%s}, author={%s}, year=2020,\n  note={%s}}\n"
               % (big_title, authors, "<script>" * 100000))
        t0 = time.monotonic()
        self.ok("-q", "add", self.write("huge.bib", bib))
        t_add = time.monotonic() - t0
        p = self.paper("huge")
        self.assertEqual(len(p["title"]), 1024 * 1024)
        self.assertEqual(len(p["authors"]), 100000)
        t0 = time.monotonic()
        self.check_all_exports(1, reimport=(["--bibtex"],), standalone=False)
        sys.stderr.write("1 MB title + 100,000 authors: add %.1fs, all exports %.1fs\n"
                         % (t_add, time.monotonic() - t0))

    def test_lone_braces_survive_bibtex_export(self):
        # a lone brace must not swallow the rest of the exported file
        self.ok("-q", "add", "-", input="@misc{a, title={Plain}, year=2020}\n"
                                       "@misc{b, title={After}, year=2021}\n")
        for title in ("Set \\{x and y\\}} z{", "open { only", "close } only", "back\\}slash"):
            self.ok("edit", "a", "title=" + title)
            want = sorted(p["title"] for p in self.papers())
            self.check_all_exports(2, reimport=(["--bibtex"],), standalone=False)
            out = self.write("lone.bib", self.export("--bibtex"))
            db2 = os.path.join(tempfile.mkdtemp(dir=self.dir), "lone.sqlite3")
            self.assertEqual(run("-q", "add", "--strict", out, db=db2).code, 0)
            got = sorted(p["title"] for p in json.loads(run("--json", "list", db=db2).out))
            self.assertEqual(got, want, title)

    def test_fts5_syntax_in_search(self):
        self.ok("add", self.write("h.bib", HOSTILE))
        queries = ['"', '""', '"unterminated', 'NEAR(a b', 'a NEAR/3 b', '*', '**', 'x*y',
                   '^start', 'title:', 'title:"', 'author:', 'year:', 'year:99999999999999999999',
                   'year:-5', 'year:2020-', 'tag:', 'col:val', 'AND', 'OR OR', 'NOT', '(', ')',
                   '{a b}', 'a + b', '-x', "'", ";DROP TABLE papers;--", "\\", "%", "_",
                   "\u00e9\u0301", "\ud7ff", "x" * 100000, " ".join(["w"] * 200),
                   "title:" + "\"" * 50, "author:%_%", "papers_fts MATCH 'x'"]
        # robustness.md: text is text (exit 0, no message); only a bad
        # filter is an error: one line naming it, exit 2 (a usage error)
        bad_filters = {'year:', 'year:99999999999999999999', 'year:-5', 'year:2020-', 'col:val'}
        for q in queries:
            r = self.pub("-q", "search", q)  # -q: no "N papers" note
            if q in bad_filters:
                self.assertEqual(r.code, 2, (q[:80], r))
                self.assertEqual(len(r.err.splitlines()), 1, (q[:80], r))
                self.assertTrue(r.err.startswith("pubdb: error: search: "), (q[:80], r))
                self.assertIn("'%s:" % q.split(":")[0], r.err, q)
                self.assertEqual(r.out, "", (q[:80], r))
            else:
                self.assertEqual(r.code, 0, (q[:80], r))
                self.assertEqual(r.err, "", (q[:80], r))
        # a few whose results are known: the words of the hostile titles
        self.assertEqual(sorted(p["key"] for p in json.loads(self.ok("search", "--json", "AND").out)), ["xss"])
        self.assertEqual(sorted(p["key"] for p in json.loads(self.ok("search", "--json", "title:").out)),
                         ["dotdot", "md", "xss"])
        self.assertEqual(json.loads(self.ok("search", "--json", ";DROP TABLE papers;--").out), [])
        self.assertEqual(len(self.papers()), 3)  # and nothing was dropped
        self.assertEqual(integrity(self.db), [("ok",)])


if __name__ == "__main__":
    unittest.main()
