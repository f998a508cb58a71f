"""test_network.py: `pubdb add arxiv:/doi:` and `pubdb refresh --arxiv`
end to end: the real pubdb binary against tests/replay_server.py on
loopback, with faults injected through /_control and the server's request
log used to check what pubdb sent (batching, User-Agent, retries, pacing).

Every failing command must leave the database as it was (dump_db before and
after).  The one row allowed to change is the settings key
arxiv_last_request: it records that a request was made, which must hold
even when the request failed, or the next process could ask arXiv again at
once."""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from pubtest import FIXTURES, SLOWDOWN, PubTestCase, dump_db

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "replay_server.py")

_server = None
_tmp = None
PORT = None


def setUpModule():
    global _server, _tmp, PORT
    _tmp = tempfile.TemporaryDirectory()
    port_file = os.path.join(_tmp.name, "port")
    _server = subprocess.Popen([sys.executable, SERVER, "--fixtures", FIXTURES,
                                "--port", "0", "--port-file", port_file],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(port_file) and read(port_file).strip():
            break
        time.sleep(0.05)
    PORT = int(read(port_file).strip())


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def tearDownModule():
    _server.terminate()
    _server.wait(5)
    _tmp.cleanup()


def http(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (PORT, path), data=data,
                                 method=method)
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read().decode()


def fault(*specs):
    http("POST", "/_control", list(specs))


def server_log():
    return [json.loads(l) for l in http("GET", "/_log").splitlines() if l.strip()]


def unused_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def without_pacing(dump):
    return "\n".join(l for l in dump.splitlines() if "arxiv_last_request" not in l)


FOUR = ["arxiv:2408.12588", "arxiv:2403.10266", "arxiv:2401.10652", "arxiv:2403.01164"]
KNOWN_BIB = "@article{known2020, title={A Paper Already There}, author={Ann Person}, year=2020}\n"


class NetTestCase(PubTestCase):
    def setUp(self):
        super().setUp()
        http("DELETE", "/_control")
        self.mark = len(server_log())
        base = "http://127.0.0.1:%d" % PORT
        self.env = {"PUBDB_ARXIV_URL": base, "PUBDB_DOI_URL": base,
                    "PUBDB_CROSSREF_URL": base, "PUBDB_GITHUB_URL": base,
                    "PUBDB_S2_URL": base, "PUBDB_DBLP_URL": base, "PUBDB_OPENALEX_URL": base,
                    "PUBDB_ORCID_URL": base, "PUBDB_HF_URL": base, "PUB_HF_INTERVAL_MS": "0",
                    "PUBDB_ORCID_URL": base, "PUBDB_OPENREVIEW_URL": base,
                    "PUB_OPENREVIEW_INTERVAL_MS": "0",
                    "PUB_S2_INTERVAL_MS": "0", "PUB_DBLP_INTERVAL_MS": "0",
                    "PUB_ARXIV_INTERVAL_MS": "0", "PUB_HTTP_BACKOFF_MS": "50",
                    "PUB_HTTP_TIMEOUT": "5"}
        self.ok("init")
        self.ok("add", self.write("known.bib", KNOWN_BIB))

    def tearDown(self):
        http("DELETE", "/_control")
        super().tearDown()

    def net(self, *args, env=None, **kw):
        e = dict(self.env)
        e.update(env or {})
        return self.pub(*args, env=e, **kw)

    def requests(self, prefix="/"):
        return [r for r in server_log()[self.mark:] if r["path"].startswith(prefix)]

    def fails_unchanged(self, args, code=1, message=None, env=None, requested=True):
        """Runs a command that must fail with `code` and `message` on
        stderr, and leave the database as it was."""
        before = dump_db(self.db)
        r = self.net(*args, env=env)
        self.assertEqual(r.code, code, r)
        if message:
            self.assertRegex(r.err, message, r)
        self.assertEqual(len([l for l in r.err.splitlines() if "error" in l]), 1, r)
        after = dump_db(self.db)
        if requested:
            self.assertEqual(without_pacing(before), without_pacing(after))
        else:
            self.assertEqual(before, after)
        return r


class AddArxiv(NetTestCase):
    def test_four_homepage_papers_in_one_request(self):
        r = self.net("add", *FOUR)
        self.assertEqual(r.code, 0, r)
        self.assertIn("added zhao2024realtime: Real-Time Video Generation with "
                      "Pyramid Attention Broadcast", r.out)
        self.assertEqual(len(r.out.splitlines()), 4, r)
        reqs = self.requests("/api/query")
        self.assertEqual(len(reqs), 1, reqs)
        self.assertIn("id_list=2408.12588,2403.10266,2401.10652,2403.01164", reqs[0]["query"])
        self.assertRegex(reqs[0]["user_agent"], r"^pubdb/\d")
        rows = self.sql("SELECT citekey, arxiv, arxiv_version, arxiv_category, published, "
                        "updated, title, abstract FROM papers WHERE arxiv = '2408.12588'")
        self.assertEqual(len(rows), 1)
        key, arxiv, ver, cat, pub, upd, title, abstract = rows[0]
        self.assertEqual((key, ver, cat), ("zhao2024realtime", 2, "cs.CV"))
        self.assertTrue(pub.startswith("2024-08-22"), pub)
        self.assertTrue(upd.startswith("2024-10-01"), upd)
        self.assertFalse(abstract.startswith(" ") or "  " in abstract, abstract)
        links = self.sql("SELECT kind, url FROM links l JOIN papers p ON p.id = l.paper_id "
                         "WHERE p.citekey = 'zhao2024realtime' ORDER BY kind")
        self.assertEqual(links, [("code", "https://github.com/NUS-HPC-AI-Lab/VideoSys"),
                                 ("paper", "https://arxiv.org/abs/2408.12588")])
        authors = self.sql("SELECT a.name FROM paper_authors pa JOIN authors a ON a.id = pa.author_id "
                           "JOIN papers p ON p.id = pa.paper_id WHERE p.citekey = 'zhao2024realtime' "
                           "ORDER BY pa.position")
        self.assertEqual([a[0] for a in authors],
                         ["Xuanlei Zhao", "Xiaolong Jin", "Kai Wang", "Yang You"])
        comment = self.sql("SELECT value FROM fields f JOIN papers p ON p.id = f.paper_id "
                           "WHERE p.citekey = 'zhao2024realtime' AND f.name = 'comment'")
        self.assertEqual(comment, [("ICLR 2025",)])
        self.assertEqual(self.sql("SELECT COUNT(*) FROM papers")[0][0], 5)

    def test_id_forms_are_one_paper(self):
        r = self.net("add", "arXiv:2408.12588v2", "https://arxiv.org/abs/2408.12588",
                     "arxiv.org/pdf/2408.12588v1.pdf", "2408.12588",
                     "doi:10.48550/arXiv.2408.12588")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out.count("added zhao2024realtime"), 1, r)
        self.assertEqual(r.out.count("into 'zhao2024realtime' ("), 4, r)
        self.assertEqual(len(self.requests("/api/query")), 1)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM papers WHERE arxiv = '2408.12588'")[0][0], 1)

    def test_old_style_id(self):
        r = self.net("add", "astro-ph/0601001")
        self.assertEqual(r.code, 0, r)
        self.assertIn("Hot Jupiters", r.out)
        self.assertIn("id_list=astro-ph/0601001", self.requests("/api/query")[0]["query"])
        # math.GT/0309136 is asked for as math/0309136 (not in the fixtures)
        r = self.net("add", "math.GT/0309136")
        self.assertEqual(r.code, 1, r)
        self.assertIn("math/0309136", self.requests("/api/query")[-1]["query"])

    def test_tex_specials_are_escaped_in_bibtex(self):
        body = read(os.path.join(FIXTURES, "arxiv/2408.12588.xml")).replace(
            "Real-Time Video Generation with Pyramid Attention Broadcast",
            "Speed &amp; 50%  Less\n   #Memory")
        fault({"path_prefix": "/api/query", "body": body,
               "content_type": "application/atom+xml"})
        r = self.net("add", "arxiv:2408.12588")
        self.assertEqual(r.code, 0, r)
        self.assertIn("added zhao2024speed: Speed & 50% Less #Memory\n", r.out)
        self.assertEqual(self.sql("SELECT value FROM fields WHERE name = 'title' AND value LIKE 'Speed%'"),
                         [("Speed \\& 50\\% Less \\#Memory",)])

    def test_dry_run_stores_nothing(self):
        before = dump_db(self.db)
        r = self.net("add", "--dry-run", "arxiv:2408.12588")
        self.assertEqual(r.code, 0, r)
        self.assertIn("@misc{zhao2024realtime,", r.out)
        self.assertIn("eprint", r.out)
        self.assertNotIn("added", r.out)
        self.assertEqual(without_pacing(before), without_pacing(dump_db(self.db)))

    def test_malformed_ids_fail_before_any_request(self):
        for bad in ("arxiv:abc", "arxiv:2408.1", "12345.678901", "doi:11.1/x", "arxiv:"):
            self.fails_unchanged(("add", "arxiv:2408.12588", bad), code=2,
                                 message="arXiv id|DOI", requested=False)
        self.assertEqual(self.requests(), [])

    def test_unknown_id_others_still_added(self):
        r = self.net("add", "arxiv:0000.0000", "arxiv:2408.12588")
        self.assertEqual(r.code, 1, r)
        self.assertIn("no such paper: 0000.0000", r.err)
        self.assertIn("added zhao2024realtime", r.out)
        # the missing id was asked for once more, alone
        qs = [q["query"] for q in self.requests("/api/query")]
        self.assertEqual(len(qs), 2, qs)
        self.assertIn("id_list=0000.0000&", qs[1])

    def test_unknown_id_alone_changes_nothing(self):
        self.fails_unchanged(("add", "arxiv:0000.0000"), message="no such paper: 0000.0000")

    def test_pacing_across_processes(self):
        env = {"PUB_ARXIV_INTERVAL_MS": "1500"}
        self.assertEqual(self.net("add", "arxiv:2408.12588", env=env).code, 0)
        self.assertEqual(self.net("add", "arxiv:2403.10266", env=env).code, 0)
        t = [r["time"] for r in self.requests("/api/query")]
        self.assertEqual(len(t), 2)
        self.assertGreaterEqual(t[1] - t[0], 1.45, t)
        last = self.sql("SELECT value FROM settings WHERE key = 'arxiv_last_request'")
        self.assertAlmostEqual(int(last[0][0]) / 1000.0, t[1], delta=1.0)


class ArxivErrorTable(NetTestCase):
    """The rows of API-NOTES.md's arXiv error table, classic and new."""

    def feed(self, body_file, status=200, times=1):
        fault({"path_prefix": "/api/query", "status": status, "body_file": body_file,
               "content_type": "application/atom+xml", "times": times})

    def test_error_feed_new(self):
        self.feed("arxiv/errors/new_error_abc.http400.xml", 400)
        self.fails_unchanged(("add", "arxiv:2408.12588"),
                             message="arXiv: incorrect id format for abc")
        self.assertEqual(len(self.requests("/api/query")), 1)  # 400 is never retried

    def test_error_feed_classic(self):
        self.feed("arxiv/errors/classic_error_INVALIDID.http400.xml", 400)
        self.fails_unchanged(("add", "arxiv:2408.12588"),
                             message="incorrect id format for INVALIDID")

    def test_bad_max_results_error(self):
        fault({"path_prefix": "/api/query", "status": 400,
               "content_type": "application/atom+xml",
               "body": read(os.path.join(FIXTURES, "arxiv/errors/new_error_abc.http400.xml")).replace("incorrect id format for abc", "max_results must be &gt;= 0")})
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="max_results must be >= 0")

    def test_not_found_new(self):
        self.feed("arxiv/errors/new_not_found_0000.0000.xml", times=2)
        self.fails_unchanged(("add", "arxiv:0000.0000"), message="no such paper: 0000.0000")

    def test_not_found_classic_total1_no_entry(self):
        self.feed("arxiv/errors/classic_total1_no_entry.xml", times=2)
        self.fails_unchanged(("add", "arxiv:1201.56789"), message="no such paper: 1201.56789")

    def test_classic_batch_with_ghost_entries(self):
        self.feed("arxiv/errors/classic_batch_ghost_entries.xml", times=2)
        r = self.net("add", "2201.13452", "2201.13453", "2201.13454")
        self.assertEqual(r.code, 1, r)
        self.assertIn("no such paper: 2201.13453", r.err)
        self.assertIn("no such paper: 2201.13454", r.err)
        self.assertIn("Asymptotic Analysis for a Nonlinear Reaction-Diffusion System "
                      "Modeling an Infectious Disease", r.out)  # whitespace collapsed
        self.assertEqual(self.sql("SELECT arxiv_category FROM papers WHERE arxiv = '2201.13452'"),
                         [("math.AP",)])

    def test_classic_layout_paper(self):
        self.feed("arxiv/errors/classic_1312.2021.xml")
        r = self.net("add", "arxiv:1312.2021")
        self.assertEqual(r.code, 0, r)
        self.assertIn("Living with the Wrong Sign", r.out)

    def test_throttled_503_then_success(self):
        fault({"path_prefix": "/api/query", "status": 503, "times": 2, "body": "busy"})
        r = self.net("add", "arxiv:2408.12588")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(len(self.requests("/api/query")), 3)
        self.assertEqual(self.sql("SELECT citekey FROM papers WHERE arxiv = '2408.12588'"),
                         [("zhao2024realtime",)])

    def test_429_with_retry_after(self):
        fault({"path_prefix": "/api/query", "status": 429, "retry_after": 1,
               "body": "Rate exceeded."})
        r = self.net("add", "arxiv:2408.12588")
        self.assertEqual(r.code, 0, r)
        t = [q["time"] for q in self.requests("/api/query")]
        self.assertEqual(len(t), 2)
        self.assertGreaterEqual(t[1] - t[0], 0.95, t)  # Retry-After honoured
        self.assertEqual(self.sql("SELECT arxiv_version FROM papers WHERE arxiv = '2408.12588'"),
                         [(2,)])

    def test_429_without_retry_after(self):
        fault({"path_prefix": "/api/query", "status": 429, "body": "Rate exceeded."})
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        self.assertEqual(len(self.requests("/api/query")), 2)
        self.assertEqual(self.sql("SELECT citekey FROM papers WHERE arxiv = '2408.12588'"),
                         [("zhao2024realtime",)])

    def test_503_with_retry_after(self):
        fault({"path_prefix": "/api/query", "status": 503, "retry_after": 1, "body": "x"})
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        self.assertEqual(len(self.requests("/api/query")), 2)
        self.assertEqual(self.sql("SELECT citekey FROM papers WHERE arxiv = '2408.12588'"),
                         [("zhao2024realtime",)])

    def test_503_forever(self):
        fault({"path_prefix": "/api/query", "status": 503, "times": -1, "body": "down"})
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="arXiv.*503")
        self.assertEqual(len(self.requests("/api/query")), 4)


class Faults(NetTestCase):
    def test_html_instead_of_xml(self):
        fault({"path_prefix": "/api/query", "body_file": "arxiv/errors/html_instead.html",
               "content_type": "text/html"})
        self.fails_unchanged(("add", *FOUR), message="arXiv")

    def test_truncated_xml(self):
        body = read(os.path.join(FIXTURES, "arxiv/2408.12588.xml"))
        fault({"path_prefix": "/api/query", "body": body, "cut": 900,
               "content_type": "application/atom+xml"})
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="arXiv")

    def test_connection_cut_mid_body(self):
        body = read(os.path.join(FIXTURES, "arxiv/2408.12588.xml"))
        fault({"path_prefix": "/api/query", "body": body, "truncate": 300, "times": -1,
               "content_type": "application/atom+xml"})
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="arXiv")

    def test_xml_bomb(self):
        fault({"path_prefix": "/api/query", "body_file": "arxiv/errors/xml_bomb.xml",
               "content_type": "application/atom+xml"})
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="arXiv")

    def test_external_entity(self):
        fault({"path_prefix": "/api/query", "body_file": "arxiv/errors/xxe.xml",
               "content_type": "application/atom+xml"})
        r = self.fails_unchanged(("add", "arxiv:2408.12588"), message="arXiv")
        self.assertNotIn("root:", r.out + r.err)

    def test_body_over_cap(self):
        fault({"path_prefix": "/api/query", "size": 9 * 1024 * 1024,
               "content_type": "application/atom+xml"})
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="8 MiB")

    def test_server_never_answers(self):
        fault({"path_prefix": "/api/query", "delay": 3, "times": -1, "body": ""})
        t0 = time.time()
        self.fails_unchanged(("add", "arxiv:2408.12588"), message="arXiv.*timed out",
                             env={"PUB_HTTP_TIMEOUT": "0.5"})
        self.assertLess(time.time() - t0, 15)

    def test_connection_refused_exit_75(self):
        port = unused_port()
        base = "http://127.0.0.1:%d" % port
        self.fails_unchanged(("add", "arxiv:2408.12588"), code=75, message="arXiv",
                             env={"PUBDB_ARXIV_URL": base})
        self.fails_unchanged(("add", "doi:10.1145/3627535.3638465"), code=75,
                             message="doi.org", env={"PUBDB_DOI_URL": base})


class Offline(NetTestCase):
    """No network: a name that does not resolve or a refused connection
    fails at once (nothing to retry), says so in words, exits 75, and a
    first `add` leaves no database behind."""

    def offline_add(self, base, db):
        t0 = time.time()
        r = self.pub("add", "arxiv:2408.12588", db=db,
                     env=dict(self.env, PUBDB_ARXIV_URL=base, PUB_HTTP_BACKOFF_MS="3000"))
        # generous: the failure is immediate, the bound only catches retries
        self.assertLess(time.time() - t0, 5 * SLOWDOWN, r)
        self.assertEqual(r.code, 75, r)
        self.assertNotIn("/api/query", r.err, r)
        return r

    def test_unresolvable_name(self):
        fresh = os.path.join(self.dir, "new", "fresh.sqlite3")
        r = self.offline_add("http://nonexistent.invalid", fresh)
        self.assertIn("arXiv is unreachable: could not resolve nonexistent.invalid", r.err)
        self.assertEqual([f for f in os.listdir(os.path.dirname(fresh))], [], r)

    def test_refused_connection(self):
        port = unused_port()
        fresh = os.path.join(self.dir, "fresh.sqlite3")
        r = self.offline_add("http://127.0.0.1:%d" % port, fresh)
        self.assertIn("arXiv is unreachable: connection refused (127.0.0.1:%d)" % port, r.err)
        self.assertFalse([f for f in os.listdir(self.dir) if f.startswith("fresh")], r)

    def test_existing_database_kept(self):
        before = dump_db(self.db)
        self.offline_add("http://127.0.0.1:%d" % unused_port(), self.db)
        self.assertTrue(os.path.exists(self.db))
        self.assertEqual(without_pacing(before), without_pacing(dump_db(self.db)))

    def test_first_add_that_stores_kept(self):
        fresh = os.path.join(self.dir, "kept.sqlite3")
        r = self.pub("add", "arxiv:2408.12588", db=fresh, env=self.env)
        self.assertEqual(r.code, 0, r)
        self.assertTrue(os.path.exists(fresh))

    def test_dry_run_into_new_database_leaves_nothing(self):
        fresh = os.path.join(self.dir, "dry.sqlite3")
        r = self.pub("add", "--dry-run", "arxiv:2408.12588", db=fresh, env=self.env)
        self.assertEqual(r.code, 0, r)
        self.assertFalse(os.path.exists(fresh), r)


class AddDoi(NetTestCase):
    def test_doi_paper(self):
        r = self.net("add", "doi:10.1145/3627535.3638465")
        self.assertEqual(r.code, 0, r)
        self.assertIn("added cheng2024fastfold: FastFold", r.out)
        rows = self.sql("SELECT type, doi, year FROM papers WHERE citekey = 'cheng2024fastfold'")
        self.assertEqual(rows, [("inproceedings", "10.1145/3627535.3638465", 2024)])
        reqs = self.requests("/")
        self.assertIn("citationstyles.csl+json", reqs[0]["accept"])
        self.assertTrue(all(q["user_agent"].startswith("pubdb/") for q in reqs), reqs)
        # the same DOI as a URL is the same paper
        r = self.net("add", "https://doi.org/10.1145/3627535.3638465")
        self.assertEqual(r.code, 0, r)
        self.assertIn("into 'cheng2024fastfold' (", r.out)

    def test_bibtex_fallback(self):
        r = self.net("add", "doi:10.1126/science.169.3946.635")
        self.assertEqual(r.code, 0, r)
        accepts = [q["accept"] for q in self.requests("/v1/works/")]
        self.assertTrue(any("x-bibtex" in a for a in accepts), accepts)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM papers WHERE doi = "
                                  "'10.1126/science.169.3946.635'")[0][0], 1)

    def test_crossref_when_doi_org_has_neither_format(self):
        r = self.net("add", "doi:10.1103/PhysRevA.106.022212")
        self.assertEqual(r.code, 0, r)
        self.assertIn("added donadi2022toy", r.out)
        self.assertEqual(len(self.requests("/works/")), 1)
        self.assertEqual(self.sql("SELECT type, doi FROM papers WHERE citekey = 'donadi2022toy'"),
                         [("article", "10.1103/physreva.106.022212")])

    def test_no_such_doi(self):
        self.fails_unchanged(("add", "doi:10.9999/no.such.paper"),
                             message="no such DOI: 10.9999/no.such.paper")

    def test_doi_of_arxiv_paper_merges(self):
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        fault({"path_prefix": "/api/query", "body_file": "arxiv/refresh/2408.12588_v3.xml",
               "content_type": "application/atom+xml", "times": -1})
        self.assertEqual(self.net("refresh", "--arxiv").code, 0)
        r = self.net("add", "doi:10.5555/iclr.2025.pab")
        self.assertEqual(r.code, 0, r)
        self.assertIn("into 'zhao2024realtime' (", r.out)
        self.assertEqual(self.sql("SELECT COUNT(*) FROM papers")[0][0], 2)


    def test_published_doi_with_later_year_merges_into_preprint(self):
        # the ICLR 2025 version of the 2024 preprint: same title and first
        # author, a year later, no DOI stored yet
        r = self.net("add", "arxiv:2408.12588", "doi:10.5555/iclr.2025.pab")
        self.assertEqual(r.code, 0, r)
        self.assertIn("into 'zhao2024realtime' (", r.out)
        self.assertEqual(self.sql("SELECT arxiv, doi FROM papers WHERE citekey = 'zhao2024realtime'"),
                         [("2408.12588", "10.5555/iclr.2025.pab")])
        self.assertEqual(self.sql("SELECT COUNT(*) FROM papers")[0][0], 2)
        # --no-merge keeps them apart
        r = self.net("add", "--no-merge", "doi:10.5555/iclr.2025.pab")
        self.assertIn("added zhao2025realtime", r.out)


class RefreshArxiv(NetTestCase):
    def test_version_and_doi_appear(self):
        self.assertEqual(self.net("add", *FOUR).code, 0)
        fault({"path_prefix": "/api/query", "body_file": "arxiv/refresh/2408.12588_v3.xml",
               "content_type": "application/atom+xml", "times": 1})
        self.mark = len(server_log())
        r = self.net("refresh", "--arxiv")
        # the batch answer holds only 2408.12588; the other three are asked
        # again (served normally now) and are unchanged
        self.assertEqual(r.code, 0, r)
        self.assertIn("2408.12588: v2 -> v3", r.out)
        self.assertIn("2408.12588: published as 10.5555/iclr.2025.pab", r.out)
        q = self.requests("/api/query")[0]["query"]
        self.assertEqual(len(re.findall(r"\d{4}\.\d{5}", q)), 4, q)
        row = self.sql("SELECT arxiv, arxiv_version, doi, updated, venue, type, checked "
                       "FROM papers WHERE citekey = 'zhao2024realtime'")[0]
        self.assertEqual(row[:3], ("2408.12588", 3, "10.5555/iclr.2025.pab"))
        self.assertTrue(row[3].startswith("2025-02-11"), row)
        self.assertEqual(row[4:6], ("ICLR 2025", "article"))
        self.assertIsNotNone(row[6])
        self.assertEqual(self.sql("SELECT venue_source FROM papers WHERE citekey = "
                                  "'zhao2024realtime'"), [("arxiv",)])
        fields = dict(self.sql("SELECT f.name, f.value FROM fields f JOIN papers p ON "
                               "p.id = f.paper_id WHERE p.citekey = 'zhao2024realtime'"))
        self.assertEqual(fields["doi"], "10.5555/iclr.2025.pab")
        self.assertEqual(fields["journal"], "ICLR 2025")
        self.assertEqual(fields["eprint"], "2408.12588")
        self.assertEqual(fields["year"], "2025")
        # checked just now: --max-age skips every paper without a request
        self.mark = len(server_log())
        r = self.net("refresh", "--arxiv", "--max-age", "1h")
        self.assertEqual(r.code, 0, r)
        self.assertIn("4 skipped", r.err)
        self.assertEqual(self.requests("/api/query"), [])

    def test_unknown_id_is_partial_exit_3(self):
        self.ok("add", self.write("eprint.bib", "@misc{gone, title={Withdrawn}, author={B. C}, "
                                  "year=2020, eprint={2001.99999}, archiveprefix={arXiv}}\n"))
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        r = self.net("refresh", "--arxiv")
        self.assertEqual(r.code, 3, r)
        self.assertIn("no such paper: 2001.99999", r.err)
        self.assertIn("2 checked, 0 changed, 1 unchanged, 0 skipped, 1 failed", r.err)

    def test_same_id_on_two_papers_asked_once(self):
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        self.assertEqual(self.net("add", "--no-merge", "arxiv:2408.12588").code, 0)
        fault({"path_prefix": "/api/query", "body_file": "arxiv/refresh/2408.12588_v3.xml",
               "content_type": "application/atom+xml", "times": -1})
        self.mark = len(server_log())
        r = self.net("refresh", "--arxiv")
        self.assertEqual(r.code, 0, r)
        self.assertEqual(r.out.count("2408.12588: v2 -> v3"), 2, r)
        self.assertEqual([q["query"] for q in self.requests("/api/query")],
                         ["id_list=2408.12588&max_results=1"])
        self.assertEqual(self.sql("SELECT DISTINCT arxiv_version FROM papers WHERE arxiv = '2408.12588'"),
                         [(3,)])

    def test_refresh_failures(self):
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        fault({"path_prefix": "/api/query", "status": 503, "times": -1, "body": "down"})
        before = dump_db(self.db)
        r = self.net("refresh", "--arxiv")
        self.assertEqual(r.code, 1, r)
        self.assertIn("503", r.err)
        self.assertEqual(without_pacing(before), without_pacing(dump_db(self.db)))
        r = self.net("refresh", "--arxiv",
                     env={"PUBDB_ARXIV_URL": "http://127.0.0.1:%d" % unused_port()})
        self.assertEqual(r.code, 75, r)


class RefreshCron(NetTestCase):
    """The README's cron line, `pubdb -q refresh`: arXiv and GitHub stars in
    one run, silent when all is well, exit 3 when some item failed or a
    service could not be reached (the others still asked), 75 only when none
    could, one stderr line per problem and nothing on stdout with -q."""
    def setUp(self):
        super().setUp()
        self.env["GITHUB_TOKEN"] = ""  # REST, whose paths the faults name
        self.assertEqual(self.net("add", "arxiv:2408.12588").code, 0)
        for repo in ("hpcaitech/FastFold", "NUS-HPC-AI-Lab/VideoSys"):
            self.assertEqual(self.net("repo", "add", "https://github.com/" + repo).code, 0)
        self.mark = len(server_log())

    def cron(self, code, env=None):
        r = self.net("-q", "refresh", env=env)
        self.assertEqual(r.code, code, r)
        self.assertEqual(r.out, "", r)
        return r

    def stars(self):
        return dict(self.sql("SELECT owner || '/' || name, stars FROM repos"))

    def test_all_well_is_silent_and_asks_both(self):
        r = self.cron(0)
        self.assertEqual(r.err, "")
        self.assertEqual(len(self.requests("/api/query")), 1)
        self.assertEqual(sorted(q["path"] for q in self.requests("/repos/")),
                         ["/repos/NUS-HPC-AI-Lab/VideoSys", "/repos/hpcaitech/FastFold"])
        self.assertEqual(self.stars(), {"hpcaitech/FastFold": 598, "NUS-HPC-AI-Lab/VideoSys": 2012})

    def test_one_repository_404_is_3(self):
        fault({"path_prefix": "/repos/hpcaitech/FastFold", "status": 404,
               "body": '{"message":"Not Found"}', "times": -1})
        r = self.cron(3)
        self.assertEqual(r.err.splitlines(), ["pubdb: hpcaitech/FastFold: not found on GitHub"], r)
        self.assertEqual(self.stars()["NUS-HPC-AI-Lab/VideoSys"], 2012)
        self.assertEqual(len(self.requests("/api/query")), 1)  # arXiv was done too

    def test_arxiv_item_failed_github_fine_is_3(self):
        self.ok("add", self.write("eprint.bib", "@misc{gone, title={Withdrawn}, author={B. C}, "
                                  "year=2020, eprint={2001.99999}, archiveprefix={arXiv}}\n"))
        r = self.cron(3)
        self.assertEqual(r.err.splitlines(), ["pubdb: arXiv: no such paper: 2001.99999"], r)
        self.assertEqual(self.stars(), {"hpcaitech/FastFold": 598, "NUS-HPC-AI-Lab/VideoSys": 2012})

    def test_github_unreachable_fails_alone(self):
        r = self.cron(3, env={"PUBDB_GITHUB_URL": "http://127.0.0.1:%d" % unused_port()})
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 1, r)
        self.assertRegex(lines[0], r"^pubdb: error: GitHub: cannot connect to http://127.0.0.1:\d+$")
        self.assertEqual(len(self.requests("/api/query")), 1)  # arXiv first, and done
        self.assertEqual(self.sql("SELECT COUNT(*) FROM repos WHERE checked IS NOT NULL"), [(0,)])

    def test_arxiv_unreachable_fails_alone_and_nothing_reachable_is_75(self):
        r = self.cron(3, env={"PUBDB_ARXIV_URL": "http://127.0.0.1:%d" % unused_port()})
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 1, r)
        self.assertRegex(lines[0], r"^pubdb: error: arXiv is unreachable")
        self.assertTrue(self.requests("/repos/"))  # GitHub still asked
        # nothing reachable at all: 75 (cron may retry), nothing changed
        before = dump_db(self.db)
        off = "http://127.0.0.1:%d" % unused_port()
        r = self.cron(75, env={"PUBDB_%s_URL" % s: off for s in
                               ("ARXIV", "GITHUB", "S2", "DBLP", "OPENALEX", "CROSSREF", "DOI",
                                "ORCID", "HF", "OPENREVIEW")})
        self.assertIn("arXiv is unreachable", r.err)
        self.assertEqual(without_pacing(before), without_pacing(dump_db(self.db)))

    def test_item_failed_then_unreachable_is_3(self):
        fault({"path_prefix": "/api/query", "status": 200, "times": -1,
               "content_type": "application/atom+xml",
               "body_file": "arxiv/refresh/2408.12588_v3.xml"})
        self.ok("add", self.write("eprint.bib", "@misc{gone, title={Withdrawn}, author={B. C}, "
                                  "year=2020, eprint={2001.99999}, archiveprefix={arXiv}}\n"))
        r = self.cron(3, env={"PUBDB_GITHUB_URL": "http://127.0.0.1:%d" % unused_port()})
        lines = r.err.splitlines()
        self.assertEqual(len(lines), 2, r)
        self.assertEqual(lines[0], "pubdb: arXiv: no such paper: 2001.99999")
        self.assertRegex(lines[1], r"^pubdb: error: GitHub: cannot connect to http://127.0.0.1:\d+$")


if __name__ == "__main__":
    unittest.main()
