"""replay_selftest.py: the replay server answers each scenario its docstring
documents (tests/replay_server.py): arXiv feeds and errors, GitHub REST with
ETags and renames, GitHub GraphQL (only the fields asked for; a parse error,
a misspelt field or argument gives GitHub's 200 with errors and no data),
doi.org's redirect and content negotiation, Crossref, OpenAlex (DOI and W
id lookups, select=, the HTML 404 page), injected faults and
the request log.  The end-to-end tests trust these answers, so a server that
doi.org's redirect and content negotiation, Crossref, Semantic Scholar's
batch (null for an unknown id, the 500-id cap), DBLP's record BibTeX and
search (no "hit" key when nothing matched), injected faults and the request
log (whether x-api-key was sent, never its value).  The end-to-end tests trust these answers, so a server that
answered more than it was asked (a misspelt field in lib/net/github.c still
getting its data) would hide bugs there.

  python3 tests/tools/replay_selftest.py FIXTURES_DIR
"""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "replay_server.py")
FIXTURES = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "fixtures")


JSON = {"Accept": "application/json"}

class ReplayServer(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        portfile = os.path.join(cls.tmp.name, "port")
        cls.log = os.path.join(cls.tmp.name, "log.jsonl")
        # the server writes the port file once its socket listens
        cls.proc = subprocess.Popen([sys.executable, SERVER, "--fixtures", FIXTURES, "--port", "0",
                                     "--port-file", portfile, "--log", cls.log])
        for _ in range(1000):
            if os.path.exists(portfile) and os.path.getsize(portfile):
                break
            time.sleep(0.02)
        with open(portfile) as f:
            cls.port = int(f.read())

    @classmethod
    def tearDownClass(cls):
        cls.proc.terminate()
        cls.proc.wait(10)
        cls.tmp.cleanup()

    def req(self, method, path, body=None, headers=None):  # noqa: E301
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = {"User-Agent": "replay-selftest"}
        h.update(headers or {})
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def graphql(self, query):
        status, _, data = self.req("POST", "/graphql", json.dumps({"query": query}))
        self.assertEqual(status, 200, data)
        return json.loads(data)

    # ---- arXiv
    def test_arxiv_feed_error_and_missing(self):
        status, h, body = self.req("GET", "/api/query?id_list=2408.12588,2401.10652,9999.99999&max_results=3")
        self.assertEqual(status, 200)
        self.assertTrue(h["content-type"].startswith("application/atom+xml"))
        self.assertEqual(body.count(b"<entry>"), 2)  # the unknown id is omitted
        self.assertIn(b"<opensearch:totalResults>2</opensearch:totalResults>", body)
        status, _, body = self.req("GET", "/api/query?id_list=astro-ph/0601001")
        self.assertEqual((status, body.count(b"<entry>")), (200, 1))
        status, _, body = self.req("GET", "/api/query?id_list=not-an-id")
        self.assertEqual(status, 400)
        self.assertIn(b"incorrect id format for not-an-id", body)

    # ---- GitHub REST
    def test_github_rest(self):
        status, h, body = self.req("GET", "/repos/hpcaitech/FastFold")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["stargazers_count"], 598)
        status, _, body = self.req("GET", "/repos/hpcaitech/FastFold", headers={"If-None-Match": h["etag"]})
        self.assertEqual((status, body), (304, b""))
        status, h2, _ = self.req("GET", "/repos/NUS-HPC-AI-Lab/OpenDiT")
        self.assertEqual(status, 301)
        status, _, body = self.req("GET", h2["location"])
        self.assertEqual((status, json.loads(body)["full_name"]), (200, "NUS-HPC-AI-Lab/VideoSys"))
        self.assertEqual(self.req("GET", "/repos/nobody/nothing")[0], 404)
        self.assertEqual(self.req("GET", "/repos/hpcaitech/FastFold", headers={"User-Agent": ""})[0], 403)

    # ---- GitHub GraphQL
    def test_graphql_answers_only_what_was_asked(self):
        out = self.graphql('query { a: repository(owner: "hpcaitech", name: "FastFold") { stargazerCount }\n'
                           '  b: repository(owner: "NUS-HPC-AI-Lab", name: "VideoSys") { nameWithOwner n: databaseId }\n'
                           '  rateLimit { remaining } }')
        self.assertEqual(set(out), {"data"})
        self.assertEqual(out["data"]["a"], {"stargazerCount": 598})
        self.assertEqual(set(out["data"]["b"]), {"nameWithOwner", "n"})
        self.assertEqual(out["data"]["b"]["nameWithOwner"], "NUS-HPC-AI-Lab/VideoSys")
        self.assertEqual(out["data"]["rateLimit"], {"remaining": 4999})

    def test_graphql_unknown_repository(self):
        out = self.graphql('{ r0: repository(owner: "nobody", name: "nothing") { stargazerCount } }')
        self.assertEqual(out["data"], {"r0": None})
        self.assertEqual(out["errors"][0]["type"], "NOT_FOUND")
        self.assertEqual(out["errors"][0]["path"], ["r0"])

    def test_graphql_misspelt_field_is_an_error(self):
        out = self.graphql('query {\n  r0: repository(owner: "hpcaitech", name: "FastFold") '
                           '{ databaseId stargazerCont }\n}')
        self.assertNotIn("data", out)
        self.assertEqual(len(out["errors"]), 1)
        e = out["errors"][0]
        self.assertEqual(e["message"], "Field 'stargazerCont' doesn't exist on type 'Repository'")
        self.assertEqual(e["path"], ["query", "r0", "stargazerCont"])
        self.assertEqual(e["extensions"]["code"], "undefinedField")

    def test_graphql_malformed_queries(self):
        for q, message in [
                ('{ r0: repository(owner: "a", name: "b") { stargazerCount }', "Parse error on \"end of file\""),
                ('{ r0: repository(owner: "a" name: ) { x } }', "Parse error on \")\""),
                ('{ r0: repository(owner: "a", name: "b") }', "Field must have selections"),
                ('{ r0: repository(owner: "a") { stargazerCount } }', "missing required arguments: name"),
                ('{ r0: repository(ownr: "a", name: "b") { stargazerCount } }', "doesn't accept argument 'ownr'"),
                ('{ r0: repository(owner: "a", name: "b") { stargazerCount { x } } }', "Selections can't be made"),
                ('{ }', "Parse error on \"}\""),
                ('{ viewer { login } }', "Field 'viewer' doesn't exist on type 'Query'")]:
            out = self.graphql(q)
            self.assertNotIn("data", out, q)
            self.assertIn(message, out["errors"][0]["message"], q)
            self.assertIn("locations", out["errors"][0], q)
        status, _, _ = self.req("POST", "/graphql", b"{not json")
        self.assertEqual(status, 400)

    def test_graphql_query_of_lib_net_github_c(self):
        # the fields lib/net/github.c asks for, in its layout
        out = self.graphql('query {\n  r0: repository(owner: "hpcaitech", name: "FastFold") '
                           '{ databaseId nameWithOwner stargazerCount isArchived description }\n'
                           '  rateLimit { cost remaining resetAt }\n}\n')
        self.assertNotIn("errors", out)
        self.assertEqual(set(out["data"]["r0"]),
                         {"databaseId", "nameWithOwner", "stargazerCount", "isArchived", "description"})

    # ---- doi.org and Crossref
    def test_doi_org_and_crossref(self):
        doi = "10.1145/3627535.3638465"
        status, h, _ = self.req("GET", "/" + doi)
        self.assertEqual(status, 302)
        status, h2, body = self.req("GET", h["location"], headers={"Accept": "application/vnd.citationstyles.csl+json"})
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["DOI"].lower(), doi)
        self.assertEqual(self.req("GET", h["location"], headers={"Accept": "application/x-bibtex"})[0], 406)
        self.assertEqual(self.req("GET", "/10.9999/unknown")[0], 404)
        status, _, body = self.req("GET", "/v1/works/%s/transform" % urllib.parse.quote("10.1126/science.169.3946.635", safe=""),
                                   headers={"Accept": "application/x-bibtex"})
        self.assertEqual(status, 200)
        self.assertIn(b"@", body)
        status, _, body = self.req("GET", "/works/" + doi)
        self.assertEqual(status, 200)
        self.assertEqual(self.req("GET", "/works/10.9999/unknown")[0], 404)

    def test_openalex(self):
        # a DOI lookup, with select= honoured, beside Crossref's /works/{doi}
        status, _, body = self.req("GET", "/works/doi:10.1145/3627535.3638465?select=id,doi,cited_by_count")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body), {"id": "https://openalex.org/W4392010001",
                                            "doi": "https://doi.org/10.1145/3627535.3638465",
                                            "cited_by_count": 57})
        status, _, body = self.req("GET", "/works/doi:10.1023/a:1007154515475")
        self.assertEqual((status, json.loads(body)["cited_by_count"]), (200, 7))
        self.assertIn("counts_by_year", json.loads(body))
        status, _, body = self.req("GET", "/works/W1554322594?select=cited_by_count")
        self.assertEqual((status, json.loads(body)), (200, {"cited_by_count": 7}))
        status, h, body = self.req("GET", "/works/doi:10.9999/unknown")
        self.assertEqual(status, 404)
        self.assertTrue(h["content-type"].startswith("text/html"))
        self.assertIn(b"<title>404 Not Found</title>", body)
        self.assertEqual(self.req("GET", "/works/W1")[0], 404)
        # Crossref's route is unchanged
        status, _, body = self.req("GET", "/works/10.1145/3627535.3638465")
        self.assertIn("message", json.loads(body))

    def test_profiles(self):
        status, h, body = self.req("GET", "/pid/95/7448-1.xml")
        self.assertEqual(status, 200)
        self.assertIn(b'<dblpperson name="Di Xu 0001"', body)
        status, h, body = self.req("GET", "/pid/99/9999.xml")
        self.assertEqual(status, 404)
        self.assertIn("text/html", h["content-type"])
        status, _, body = self.req("GET", "/v3.0/0000-0003-1620-1408/works", headers=JSON)
        self.assertEqual((status, json.loads(body)["group"]), (200, []))
        # pub.orcid.org answers XML unless Accept asks for JSON
        status, h, body = self.req("GET", "/v3.0/0000-0003-1620-1408/works")
        self.assertTrue(body.startswith(b"<?xml") and "orcid+xml" in h["content-type"], body)
        status, _, body = self.req("GET", "/v3.0/0000-0001-5109-3700/works", headers=JSON)
        self.assertEqual((status, json.loads(body)["error-code"]), (404, 9016))
        status, _, body = self.req("GET", "/v3.0/0000-0002-0734-2199/works/77226586,1",
                                   headers=JSON)
        bulk = json.loads(body)["bulk"]
        self.assertEqual(status, 200)
        self.assertEqual(bulk[0]["work"]["put-code"], 77226586)
        self.assertEqual(bulk[1]["error"]["response-code"], 404)
        status, _, body = self.req("GET", "/v3.0/0000-0002-0734-2199/works/"
                                   + ",".join(str(i) for i in range(101)), headers=JSON)
        self.assertEqual(status, 400)
        pages, offset = [], 0
        while offset is not None:
            status, _, body = self.req("GET", "/graph/v1/author/1000001/papers?offset=%d&limit=100" % offset)
            self.assertEqual(status, 200)
            page = json.loads(body)
            self.assertEqual(page["offset"], offset)
            pages.append(len(page["data"]))
            offset = page.get("next")
        self.assertEqual(pages, [2, 2, 1])
        status, _, body = self.req("GET", "/graph/v1/author/1000001/papers?offset=0&limit=1")
        self.assertEqual((len(json.loads(body)["data"]), json.loads(body)["next"]), (1, 1))
        self.assertEqual(self.req("GET", "/graph/v1/author/42/papers")[0], 404)
    # ---- Semantic Scholar and DBLP
    def test_semantic_scholar_batch(self):
        ids = ["ARXIV:2408.12588", "ARXIV:0000.00000", "DOI:10.1145/3627535.3638465"]
        status, _, body = self.req("POST", "/graph/v1/paper/batch?fields=title,externalIds",
                                   json.dumps({"ids": ids}), {"x-api-key": "s2-secret-value"})
        self.assertEqual(status, 200, body)
        got = json.loads(body)
        self.assertEqual(len(got), 3)
        self.assertEqual(got[0]["externalIds"]["DBLP"], "conf/iclr/ZhaoJWY25")
        self.assertIsNone(got[1])
        self.assertEqual(got[2]["externalIds"]["DOI"], "10.1145/3627535.3638465")
        status, _, body = self.req("POST", "/graph/v1/paper/batch",
                                   json.dumps({"ids": ["ARXIV:1"] * 501}))
        self.assertEqual(status, 400)
        self.assertIn(b"500", body)
        self.assertEqual(self.req("POST", "/graph/v1/paper/batch", b"[]")[0], 400)
        with open(self.log, encoding="utf-8") as f:
            text = f.read()
        self.assertNotIn("s2-secret-value", text)
        log = [json.loads(l) for l in text.splitlines() if l.strip()]
        batch = [r for r in log if r["path"] == "/graph/v1/paper/batch"]
        self.assertEqual([(r["x_api_key"], r["ids"]) for r in batch[:2]], [(True, 3), (False, 501)])

    def test_dblp_record_and_search(self):
        status, h, body = self.req("GET", "/rec/conf/ppopp/ChengZLFZWZPY24.bib")
        self.assertEqual(status, 200)
        self.assertTrue(body.startswith(b"@inproceedings{DBLP:conf/ppopp/ChengZLFZWZPY24,"))
        status, h, body = self.req("GET", "/rec/conf/none/X99.bib")
        self.assertEqual(status, 404)
        self.assertIn("text/html", h["content-type"])
        q = urllib.parse.quote("one title at two venues")
        status, _, body = self.req("GET", "/search/publ/api?q=%s&format=json&h=10" % q)
        self.assertEqual(status, 200)
        hits = json.loads(body)["result"]["hits"]["hit"]
        self.assertEqual([x["info"]["key"] for x in hits], ["conf/icml/ZhaoY23", "journals/jmlr/ZhaoY24"])
        status, _, body = self.req("GET", "/search/publ/api?q=nothing%20like%20this&format=json")
        hits = json.loads(body)["result"]["hits"]
        self.assertEqual((status, hits["@total"]), (200, "0"))
        self.assertNotIn("hit", hits)

    # ---- faults and the log
    # ---- Hugging Face
    def test_huggingface_paper_pages(self):
        status, h, body = self.req("GET", "/api/papers/2408.12588")
        self.assertEqual(status, 200)
        self.assertEqual(h["ratelimit-policy"], '"fixed window";"api";q=500;w=300')
        paper = json.loads(body)
        self.assertEqual(paper["githubRepo"], "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        # unset keys are absent, not null
        paper = json.loads(self.req("GET", "/api/papers/2407.13168")[2])
        self.assertNotIn("githubRepo", paper)
        self.assertNotIn("projectPage", paper)
        # strict: an unindexed id, a version, a query, another method
        for method, path in (("GET", "/api/papers/2403.01164"), ("GET", "/api/papers/2408.12588v3"),
                             ("GET", "/api/papers/2408.12588?full=1"),
                             ("POST", "/api/papers/2408.12588")):
            status, h, body = self.req(method, path)
            self.assertEqual(status, 404, path)
            self.assertEqual(json.loads(body), {"error": "Paper not found"})
            self.assertEqual(h["x-error-message"], "Paper not found")

    def test_faults_and_log(self):
        fault = {"path_prefix": "/repos/hpcaitech/", "status": 503, "retry_after": "7", "times": 2}
        self.assertEqual(self.req("POST", "/_control", json.dumps(fault))[0], 200)
        for _ in range(2):
            status, h, _ = self.req("GET", "/repos/hpcaitech/FastFold")
            self.assertEqual((status, h.get("retry-after")), (503, "7"))
        self.assertEqual(self.req("GET", "/repos/hpcaitech/FastFold")[0], 200)  # times: 2 used up
        self.req("POST", "/_control", json.dumps({"path_prefix": "/works/", "size": 100, "cut": 10}))
        status, _, body = self.req("GET", "/works/10.1145/3627535.3638465")
        self.assertEqual((status, len(body)), (200, 10))
        self.req("POST", "/_control", json.dumps({"path_prefix": "/works/", "drop": True, "times": -1}))
        with self.assertRaises((http.client.HTTPException, ConnectionError)):
            self.req("GET", "/works/10.1145/3627535.3638465")
        self.assertEqual(self.req("DELETE", "/_control")[0], 200)
        self.assertEqual(self.req("GET", "/works/10.1145/3627535.3638465")[0], 200)
        status, _, body = self.req("GET", "/_log")
        log = [json.loads(l) for l in body.decode().splitlines() if l.strip()]
        self.assertTrue(any(r["path"] == "/repos/hpcaitech/FastFold" and r.get("fault") for r in log))

    def test_hold_until_released(self):
        # a held request gets no answer until the release; then the normal one
        self.req("POST", "/_control", json.dumps({"path_prefix": "/repos/hpcaitech/", "hold": True}))
        done = []
        t = threading.Thread(target=lambda: done.append(self.req("GET", "/repos/hpcaitech/FastFold")[0]))
        t.start()
        t.join(1.0)  # only a bound: the assertion is that no answer came
        self.assertEqual(done, [])
        self.assertEqual(self.req("GET", "/repos/hpcaitech/ColossalAI")[0], 200)  # times: 1 used
        self.req("POST", "/_control", json.dumps({"release": True}))
        t.join(60)
        self.assertEqual(done, [200])


if __name__ == "__main__":
    unittest.main(verbosity=2)
