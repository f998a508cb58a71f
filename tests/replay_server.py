#!/usr/bin/env python3
"""replay_server.py: a loopback stand-in for arXiv, GitHub, doi.org,
Crossref and OpenAlex that serves pubdb's fixtures/ and injects faults on demand.
Crossref, Semantic Scholar and DBLP that serves pubdb's fixtures/ and
injects faults on demand.

  python3 tests/replay_server.py --fixtures DIR [--port 0] [--port-file F]
      [--log F] [--latency-ms N] [--fault-file F]

Paths (all services share one port, so every PUBDB_*_URL points here):
  GET  /api/query?id_list=a,b&max_results=N   arXiv (new layout feed built
       from fixtures/arxiv/<id>.xml entries; '/' in old ids is '_' in names;
       malformed ids give arXiv's 400 error feed; missing ids are omitted)
  GET  /repos/{o}/{r}, /repositories/{id}     GitHub REST from
       fixtures/github/<owner>__<repo>.json (ETag, If-None-Match -> 304,
       "renamed_from" -> 301 to /repositories/{id}, unknown -> 404)
  POST /graphql                               GitHub GraphQL: repository(owner,
       name) under aliases and rateLimit, parsed; only the fields asked for
       are answered; a parse error, an unknown field or argument is a 200
       with {"errors": [...]} and no data, as on GitHub
  GET  /{doi}                                 doi.org: 302 to
       /v1/works/{quoted doi}/transform, unknown DOI -> 404 HTML
  GET  /v1/works/{doi}/transform              Accept: CSL-JSON from
       fixtures/doi/<doi_>.csl.json, BibTeX from <doi_>.bib, else 406
  GET  /works/{doi}                           Crossref fixtures/crossref/<doi_>.json
  GET  /works/doi:{doi}, /works/W{n}          OpenAlex (checked before Crossref's
       route: OpenAlex's paths start with doi: or W) from fixtures/openalex/
       <doi_>.json ('/' and ':' as '_'), or the file whose "id" ends in W{n};
       select=a,b keeps only those keys; unknown -> OpenAlex's 404 HTML page
       (fixtures/openalex/errors_not_found_404.html, text/html)
  GET  /pid/{pid}.xml                         DBLP person page from
       fixtures/dblp/pid/<pid with '/' as '_'>.xml; unknown -> 404 HTML page
  GET  /v3.0/{orcid}/works                    ORCID works summaries from
       fixtures/orcid/<orcid>_works.json; an unknown iD -> ORCID's 404 (error
       9016, as recorded), JSON or XML as Accept asks, here and on the bulk
  GET  /v3.0/{orcid}/works/{pc},{pc},...      ORCID bulk full works:
       {"bulk": [...]} with one slot per put-code, in order: {"work": ...}
       from fixtures/orcid/<orcid>_work_<pc>.json, else {"error": ...} (404
       JSON, 9016); more than 100 put-codes -> 400 JSON error
  Semantic Scholar answers only the `fields` asked for (paperId always; a
       field the fixture lacks is null, as S2 answers it), and an unknown
       field is S2's 400 {"error": "Unrecognized or unsupported fields: [..]"}
  GET  /graph/v1/author/{id}/papers?offset=&limit=   Semantic Scholar author
       papers from fixtures/semanticscholar/author_<id>_papers.json, which
       holds {"data": [...all papers...], "page_size": N (optional)}: the
       page at `offset` has min(limit, page_size) papers and `next` until
       the last page, as S2 pages; unknown -> 404 {"error": ...}
  POST /graph/v1/paper/batch?fields=...       Semantic Scholar: body {"ids": [...]},
       answered slot by slot from fixtures/semanticscholar/batch/<id>.json
       (id lower-cased, ':' and '/' as '_'), null for an unknown id; more
       than 500 ids or a body without "ids" -> 400 {"error": ...}
  GET  /rec/{key}.bib                         DBLP record BibTeX from
       fixtures/dblp/rec/<key, '/' as '_'>.bib, unknown -> 404 HTML page
  GET  /api/papers/{arxiv-id}                 Hugging Face paper pages from
       fixtures/huggingface/papers/<id>.json with RateLimit-Policy and
       RateLimit headers; strict: only GET, a bare new-style or old-style
       arXiv id (no version, no query), else 404 {"error": ...} as the Hub
       answers an id it has not indexed
  GET  /search/publ/api?q=...&format=json     DBLP search from
       fixtures/dblp/search/<slug>.json (slug: q lower-cased, other runs as
       '_'), unknown -> the recorded no-hits shape (no "hit" key); without
       format=json DBLP answers XML, and so does this
  ORCID answers XML unless Accept asks for JSON, as pub.orcid.org does
  GET  /notes/search?term=...                 OpenReview search (a guest may ask):
       fixtures/openreview/search/<slug>.json (slug as DBLP's), or the file
       search/aliases.json names for the slug; else {"count":0,"notes":[]};
       no term -> 400 ValidationError
  GET  /notes?content.authorids=~ID           OpenReview notes: without the
       login's bearer token the recorded 403 ChallengeRequiredError (the
       2026 guest challenge); with it fixtures/openreview/notes/<~ID>.json,
       else {"notes":[]}
  POST /login {"id", "password"}              OpenReview login: the password
       "replay-password" gives {"token", "user"}; another 400 (assembled)
Control:
  POST /_control  JSON fault {path_prefix (or a list of them), after (that
       many matching requests are answered normally first: a storm that
       starts mid-run), status, retry_after, times (1; -1 forever), delay (s before answering), truncate (bytes of body sent
       before closing), body, body_file (under fixtures), content_type,
       redirect, size (bytes of filler body), cut (body cut to N bytes with a
       matching Content-Length), drop (close without answer), headers {},
       hold (no answer until {"release": true} is posted: a request a test
       can keep open as long as it needs, without a clock; then the rest of
       the fault, or the normal answer)};
       a list adds several.  DELETE /_control or {"clear": true} clears them.
  GET  /_log      the request log so far (JSON lines)
  GET  /_counts   {path: requests so far} (faulted ones included), for
       assertions such as "at most six DBLP requests"
Every request is logged as a JSON line: time, method, path, query, headers
(User-Agent, Accept, If-None-Match, whether Authorization or x-api-key was
present: never their values), the number of ids of an S2 batch, fault
applied.
"""
import argparse
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ATOM_HEAD = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/api/replay</id>
  <title>arXiv Query: search_query=&amp;id_list={ids}&amp;start=0&amp;max_results={maxr}</title>
  <updated>2026-05-11T23:51:23Z</updated>
  <link href="https://arxiv.org/api/query?search_query=&amp;start=0&amp;max_results={maxr}&amp;id_list={ids}" type="application/atom+xml"/>
  <opensearch:itemsPerPage>{maxr}</opensearch:itemsPerPage>
  <opensearch:totalResults>{total}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
"""

ERROR_FEED = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
  <id>https://arxiv.org/</id>
  <title>arXiv Search Results</title>
  <updated>2026-04-12T22:59:06Z</updated>
  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
  <opensearch:totalResults>1</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <entry>
    <id>https://arxiv.org/api/errors#{anchor}</id>
    <title>Error</title>
    <updated>2026-04-12T22:59:06Z</updated>
    <link href="https://arxiv.org/api/errors#{anchor}" rel="alternate" type="text/html"/>
    <summary>{summary}</summary>
    <author>
      <name>arXiv api core</name>
    </author>
  </entry>
</feed>
"""

NEW_ID = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")
OLD_ID = re.compile(r"^[a-z-]+(\.[A-Za-z-]+)?/\d{7}(v\d+)?$")
ENTRY = re.compile(r"<entry>.*?</entry>", re.S)


class State:
    def __init__(self, args):
        self.fixtures = args.fixtures
        self.latency = args.latency_ms / 1000.0
        self.fault_file = args.fault_file
        self.faults = []
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.log_lock = threading.Lock()
        self.log_path = args.log
        self.log_lines = []

    def log(self, rec):
        line = json.dumps(rec, sort_keys=True)
        with self.log_lock:
            self.log_lines.append(line)
            if self.log_path:
                with open(self.log_path, "a", encoding="utf-8") as f:
                    f.write(line + "\n")

    def take_fault(self, path):
        """The first matching fault, with its use counted."""
        with self.lock:
            faults = list(self.faults)
            if self.fault_file and os.path.exists(self.fault_file):
                try:
                    with open(self.fault_file, encoding="utf-8") as f:
                        extra = json.load(f)
                    faults += extra if isinstance(extra, list) else [extra]
                except (OSError, ValueError):
                    pass
            for fl in faults:
                prefixes = fl.get("path_prefix", "/")
                if not any(path.startswith(p) for p in
                           (prefixes if isinstance(prefixes, list) else [prefixes])):
                    continue
                if fl.get("after", 0) > 0:  # this many pass untouched first
                    fl["after"] -= 1
                    continue
                times = fl.get("times", 1)
                if times == 0:
                    continue
                if times > 0:
                    fl["times"] = times - 1
                return dict(fl)
        return None

    def fixture(self, *parts):
        p = os.path.join(self.fixtures, *parts)
        try:
            with open(p, "rb") as f:
                return f.read()
        except OSError:
            return None


def doi_name(doi):
    return doi.lower().replace("/", "_")


class Handler(BaseHTTPRequestHandler):
    # Headers and body go out in separate writes: without this, Nagle's
    # algorithm delays every response by ~40 ms.
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    server_version = "pubdb-replay/1"
    state = None  # set in main

    def log_message(self, fmt, *args):  # quiet: we keep our own log
        pass

    # ---- plumbing ----
    def send(self, status, body=b"", ctype="application/json", headers=None,
             truncate=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        if truncate is not None:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        try:
            if truncate is not None:
                self.wfile.write(body[:truncate])
                self.wfile.flush()
                self.close_connection = True
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_DELETE(self):
        self.handle_any()

    def handle_any(self):
        st = self.state
        url = urllib.parse.urlsplit(self.path)
        path, query = url.path, url.query
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        if path == "/_control":
            return self.control(body)
        if path == "/_log":
            with st.log_lock:
                return self.send(200, "\n".join(st.log_lines) + "\n", "application/x-ndjson")
        if path == "/_counts":
            counts = {}
            with st.log_lock:
                for line in st.log_lines:
                    p = json.loads(line)["path"]
                    counts[p] = counts.get(p, 0) + 1
            return self.send(200, json.dumps(counts, sort_keys=True))
        fault = st.take_fault(path)
        rec = {
            "time": time.time(), "method": self.command, "path": path,
            "query": query,
            "user_agent": self.headers.get("User-Agent"),
            "accept": self.headers.get("Accept"),
            "if_none_match": self.headers.get("If-None-Match"),
            "accept_encoding": self.headers.get("Accept-Encoding"),
            "authorization": self.headers.get("Authorization") is not None,
            "x_api_key": self.headers.get("x-api-key") is not None,
            "fault": bool(fault),
        }
        if path == "/graph/v1/paper/batch":
            try:
                rec["ids"] = len(json.loads(body or b"{}").get("ids") or [])
            except (ValueError, AttributeError):
                rec["ids"] = None
        st.log(rec)
        if st.latency:
            time.sleep(st.latency)
        if fault and fault.get("hold"):
            st.released.wait(3600)
            if not set(fault) - {"path_prefix", "times", "hold"}:
                fault = None
        if fault:
            return self.apply_fault(fault)
        try:
            self.route(path, query, body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def control(self, body):
        st = self.state
        if self.command == "DELETE":
            with st.lock:
                st.faults.clear()
            return self.send(200, "{}")
        try:
            spec = json.loads(body or b"{}")
        except ValueError:
            return self.send(400, '{"error":"bad json"}')
        with st.lock:
            if isinstance(spec, dict) and spec.get("release"):
                st.released.set()
            elif isinstance(spec, dict) and spec.get("clear"):
                st.faults.clear()
            else:
                new = spec if isinstance(spec, list) else [spec]
                if any(isinstance(f, dict) and f.get("hold") for f in new):
                    st.released.clear()  # a new hold waits for a new release
                st.faults.extend(new)
        return self.send(200, "{}")

    def apply_fault(self, fl):
        if fl.get("delay"):
            time.sleep(float(fl["delay"]))
        if fl.get("drop"):
            self.close_connection = True
            return
        headers = dict(fl.get("headers") or {})
        if fl.get("retry_after") is not None:
            headers["Retry-After"] = str(fl["retry_after"])
        status = int(fl.get("status", 200))
        if fl.get("redirect"):
            headers["Location"] = fl["redirect"]
            status = int(fl.get("status", 302))
        if "body_file" in fl:
            body = self.state.fixture(fl["body_file"]) or b""
        elif "size" in fl:
            body = b"x" * int(fl["size"])
        else:
            body = fl.get("body", "")
        if isinstance(body, str):
            body = body.encode("utf-8")
        if fl.get("cut") is not None:  # a short body with a matching length
            body = body[:int(fl["cut"])]
        self.send(status, body, fl.get("content_type", "text/plain"), headers,
                  fl.get("truncate"))

    # ---- services ----
    def route(self, path, query, body):
        if path == "/api/query":
            return self.arxiv(query)
        if path.startswith("/repos/") or path.startswith("/repositories/"):
            return self.github_rest(path)
        if path == "/graphql" and self.command == "POST":
            return self.github_graphql(body)
        m = re.match(r"^/v1/works/(.+)/transform$", path)
        if m:
            return self.transform(urllib.parse.unquote(m.group(1)))
        if path.startswith("/works/doi:") or re.match(r"^/works/W\d+$", path):
            return self.openalex(urllib.parse.unquote(path[len("/works/"):]), query)
        if path.startswith("/works/"):
            return self.crossref(urllib.parse.unquote(path[len("/works/"):]))
        if path.startswith("/10."):
            return self.doi_org(urllib.parse.unquote(path[1:]))
        m = re.match(r"^/pid/(.+)\.xml$", path)
        if m:
            return self.dblp_person(m.group(1))
        m = re.match(r"^/v3\.0/([0-9X-]+)/works$", path)
        if m:
            return self.orcid_works(m.group(1))
        m = re.match(r"^/v3\.0/([0-9X-]+)/works/([0-9,]+)$", path)
        if m:
            return self.orcid_bulk(m.group(1), m.group(2).split(","))
        m = re.match(r"^/graph/v1/author/([^/]+)/papers$", path)
        if m:
            return self.s2_author_papers(m.group(1), query)
        if path == "/graph/v1/paper/batch" and self.command == "POST":
            return self.s2_batch(body, query)
        if path.startswith("/rec/") and path.endswith(".bib"):
            return self.dblp_rec(path[len("/rec/"):-len(".bib")])
        if path == "/search/publ/api":
            return self.dblp_search(query)
        if path.startswith("/api/papers/"):
            return self.hf_paper(path[len("/api/papers/"):], query)
        if path == "/notes/search":
            return self.openreview_search(query)
        if path == "/notes":
            return self.openreview_notes(query)
        if path == "/login" and self.command == "POST":
            return self.openreview_login(body)
        return self.send(404, '{"message":"Not Found"}')

    HF_ID = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})$")
    HF_LIMIT = {"RateLimit-Policy": '"fixed window";"api";q=500;w=300',
                "RateLimit": '"api";r=499;t=300'}

    def hf_paper(self, ident, query):
        """Hugging Face GET /api/papers/{id}: the paper object, or the
        Hub's 404 for anything it has not indexed (a versioned id, a
        query string, another method included)."""
        data = None
        if self.command == "GET" and not query and self.HF_ID.match(ident):
            data = self.state.fixture("huggingface", "papers", ident.replace("/", "_") + ".json")
        if data is None:
            return self.send(404, '{"error":"Paper not found"}', "application/json; charset=utf-8",
                             {"X-Error-Message": "Paper not found"})
        return self.send(200, data, "application/json; charset=utf-8", self.HF_LIMIT)

    def dblp_person(self, pid):
        data = self.state.fixture("dblp", "pid", pid.replace("/", "_") + ".xml")
        if data is None:
            return self.send(404, "<!DOCTYPE html>\n<html><head><title>404 Not Found"
                             "</title></head><body>dblp: Error 404</body></html>\n",
                             "text/html; charset=utf-8")
        return self.send(200, data, "application/xml; charset=utf-8")

    def orcid_wants_xml(self):
        """pub.orcid.org answers XML unless Accept asks for JSON."""
        return "json" not in (self.headers.get("Accept") or "")

    def orcid_xml(self, status, path):
        return self.send(status, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         '<activities:works path="%s" xmlns:activities='
                         '"http://www.orcid.org/ns/activities" xmlns:common='
                         '"http://www.orcid.org/ns/common"/>\n' % xml_escape(path),
                         "application/vnd.orcid+xml; qs=5;charset=UTF-8")

    def orcid_unknown(self, orcid):
        """ORCID's answer for an iD it has no record of (recorded:
        reference-responses/orcid/v3.0_invalid_id_person_404): 404 with
        error 9016, as JSON or as XML, as Accept asks."""
        msg = ("404 Not Found: The resource was not found. "
               "Full validation error: ORCID iD %s not found" % orcid)
        if self.orcid_wants_xml():
            return self.send(404, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                             '<error:error xmlns:error="http://www.orcid.org/ns/error">\n'
                             '    <error:response-code>404</error:response-code>\n'
                             '    <error:developer-message>%s</error:developer-message>\n'
                             '    <error:user-message>The resource was not found.</error:user-message>\n'
                             '    <error:error-code>9016</error:error-code>\n'
                             '    <error:more-info>https://members.orcid.org/api/resources/'
                             'troubleshooting</error:more-info>\n</error:error>\n' % xml_escape(msg),
                             "application/vnd.orcid+xml; qs=5;charset=UTF-8")
        return self.send(404, json.dumps({
            "response-code": 404, "developer-message": msg,
            "user-message": "The resource was not found.", "error-code": 9016,
            "more-info": "https://members.orcid.org/api/resources/troubleshooting"}),
            "application/json;charset=UTF-8")

    def orcid_works(self, orcid):
        data = self.state.fixture("orcid", orcid + "_works.json")
        if data is None:
            return self.orcid_unknown(orcid)
        if self.orcid_wants_xml():
            return self.orcid_xml(200, "/%s/works" % orcid)
        return self.send(200, data, "application/json;charset=UTF-8")

    @staticmethod
    def orcid_error(status, message):
        return {"response-code": status,
                "developer-message": "%d: %s" % (status, message),
                "user-message": "The resource was not found." if status == 404
                else "Bad request.", "error-code": 9016 if status == 404 else 9006,
                "more-info": "https://members.orcid.org/api/resources/troubleshooting"}

    def orcid_bulk(self, orcid, codes):
        if self.state.fixture("orcid", orcid + "_works.json") is None:
            return self.orcid_unknown(orcid)
        if self.orcid_wants_xml():
            return self.orcid_xml(200, "/%s/works/%s" % (orcid, ",".join(codes)))
        if len(codes) > 100:
            return self.send(400, json.dumps(self.orcid_error(
                400, "too many put-codes: %d (at most 100)" % len(codes))),
                "application/json;charset=UTF-8")
        slots = []
        for pc in codes:
            data = self.state.fixture("orcid", "%s_work_%s.json" % (orcid, pc))
            if data is None:
                slots.append({"error": self.orcid_error(
                    404, "No entity found with id: %s" % pc)})
            else:
                slots.append({"work": json.loads(data)})
        return self.send(200, json.dumps({"bulk": slots}, ensure_ascii=False),
                         "application/json;charset=UTF-8")

    def s2_fields(self, query):
        """The fields asked for, or an error answer already sent (None)."""
        asked = urllib.parse.parse_qs(query).get("fields", [""])[0]
        fields = [f for f in asked.split(",") if f]
        unknown = [f for f in fields if f.split(".")[0] not in S2_PAPER_FIELDS]
        if unknown:
            self.send(400, json.dumps({"error": "Unrecognized or unsupported fields: [%s]"
                                                % ", ".join(unknown)}))
            return None
        return fields

    @staticmethod
    def s2_pick(paper, fields):
        """A paper as S2 answers it: paperId and the fields asked for only
        (nested ones such as authors.name by their top-level name)."""
        if paper is None:
            return None
        out = {"paperId": paper.get("paperId")}
        for f in fields:
            top = f.split(".")[0]
            out[top] = paper.get(top)
        if not fields:  # S2's default: paperId and title
            out["title"] = paper.get("title")
        return out

    def s2_author_papers(self, author, query):
        fields = self.s2_fields(query)
        if fields is None:
            return
        data = self.state.fixture("semanticscholar", "author_%s_papers.json" % author)
        if data is None:
            return self.send(404, json.dumps({"error": "Author with id %s not found" % author}))
        whole = json.loads(data)
        q = urllib.parse.parse_qs(query)
        offset = int(q.get("offset", ["0"])[0])
        limit = int(q.get("limit", ["100"])[0])
        size = min(limit, int(whole.get("page_size", limit)))
        papers = whole.get("data", [])
        page = {"offset": offset}
        if offset + size < len(papers):
            page["next"] = offset + size
        page["data"] = [self.s2_pick(p, fields) for p in papers[offset:offset + size]]
        return self.send(200, json.dumps(page))

    def s2_batch(self, body, query=""):
        fields = self.s2_fields(query)
        if fields is None:
            return
        try:
            ids = json.loads(body or b"{}").get("ids")
        except (ValueError, AttributeError):
            ids = None
        if not isinstance(ids, list):
            return self.send(400, '{"error":"Unacceptable JSON body"}')
        if len(ids) > 500:
            return self.send(400, '{"error":"Cannot process more than 500 ids"}')
        out = []
        for i in ids:
            name = re.sub(r"[:/]", "_", str(i).lower()) + ".json"
            data = self.state.fixture("semanticscholar", "batch", name)
            out.append(self.s2_pick(json.loads(data), fields) if data else None)
        self.send(200, json.dumps(out), "application/json")

    def dblp_rec(self, key):
        data = None
        if re.match(r"^[A-Za-z0-9/_.-]+$", key):
            data = self.state.fixture("dblp", "rec", key.replace("/", "_") + ".bib")
        if data is None:
            return self.send(404, "<!DOCTYPE html><html><head><title>Error 404: Not Found"
                             "</title></head><body><h1>Not Found</h1></body></html>",
                             "text/html; charset=utf-8")
        self.send(200, data, "application/x-bibtex; charset=utf-8")

    # ---- OpenReview (API v2) ----
    OR_TOKEN = "replay-openreview-token"
    OR_CHALLENGE = {  # the recorded 403 body (reference or_06, 2026-10-01)
        "name": "ChallengeRequiredError",
        "message": "Challenge verification required (2026-09-30-10246308)",
        "status": 403,
        "details": {"challengeUrl": "https://openreview.net/challenge?redirect=https%3A%2F%2F"
                    "api2.openreview.net%2Fnotes%3Fcontent.venueid%3DICLR.cc%252F2026%252F"
                    "Conference%26limit%3D5", "reqId": "2026-09-30-10246308"}}

    def openreview_error(self, status, name, message, **details):
        details["reqId"] = "2026-12-01-1"
        self.send(status, json.dumps({"name": name, "message": "%s (2026-12-01-1)" % message,
                                      "status": status, "details": details}),
                  "application/json; charset=utf-8")

    def openreview_search(self, query):
        q = urllib.parse.parse_qs(query)
        term = q.get("term", [""])[0]
        if not term:
            return self.openreview_error(400, "ValidationError", "term is required", path="term")
        slug = re.sub(r"[^a-z0-9]+", "_", term.lower()).strip("_")
        data = self.state.fixture("openreview", "search", slug + ".json")
        if data is None:
            aliases = json.loads(self.state.fixture("openreview", "search", "aliases.json")
                                 or b"{}")
            if slug in aliases:
                data = self.state.fixture("openreview", "search", aliases[slug])
        if data is None:
            data = '{"count":0,"notes":[]}'
        self.send(200, data, "application/json; charset=utf-8")

    def openreview_notes(self, query):
        auth = self.headers.get("Authorization") or ""
        if auth != "Bearer " + self.OR_TOKEN:
            return self.send(403, json.dumps(self.OR_CHALLENGE), "application/json; charset=utf-8")
        q = urllib.parse.parse_qs(query)
        who = q.get("content.authorids", [""])[0]
        ok = re.match(r"^~[A-Za-z0-9_.-]+$", who)
        data = self.state.fixture("openreview", "notes", who + ".json") if ok else None
        self.send(200, data if data is not None else '{"notes":[]}',
                  "application/json; charset=utf-8")

    def openreview_login(self, body):
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            return self.openreview_error(400, "Error", "Invalid JSON")
        if not isinstance(req, dict) or not isinstance(req.get("id"), str) or \
                not isinstance(req.get("password"), str):
            return self.openreview_error(400, "ValidationError", "id and password are required")
        if req["password"] != "replay-password":
            return self.openreview_error(400, "Error", "Invalid username or password")
        self.send(200, json.dumps({"token": self.OR_TOKEN, "user": {"id": "~Xuanlei_Zhao1"}}),
                  "application/json; charset=utf-8")

    def dblp_search(self, query):
        qs = urllib.parse.parse_qs(query)
        q = qs.get("q", [""])[0]
        slug = re.sub(r"[^a-z0-9]+", "_", q.lower()).strip("_")
        data = self.state.fixture("dblp", "search", slug + ".json") if slug else None
        if data is None:
            data = ('{\n"result":{\n"query":%s,\n"status":{\n"@code":"200",\n"text":"OK"\n},\n'
                    '"time":{\n"@unit":"msecs",\n"text":"0.57"\n},\n"completions":{\n'
                    '"@total":"0",\n"@computed":"0",\n"@sent":"0"\n},\n"hits":{\n'
                    '"@total":"0",\n"@computed":"0",\n"@sent":"0",\n"@first":"0"}\n}\n}\n'
                    % json.dumps(q))
        if qs.get("format", ["xml"])[0] != "json":
            # DBLP's default is XML: a client that forgot format=json gets it
            return self.send(200, dblp_search_xml(q, json.loads(data)),
                             "application/xml; charset=utf-8")
        self.send(200, data, "application/json")

    def arxiv(self, query):
        q = urllib.parse.parse_qs(query)
        ids = [i for i in ",".join(q.get("id_list", [""])).split(",") if i]
        maxr = q.get("max_results", ["10"])[0]
        for i in ids:
            if not (NEW_ID.match(i) or OLD_ID.match(i)):
                anchor = "incorrect_id_format_for_" + i
                s = ERROR_FEED.format(anchor=xml_escape(anchor),
                                      summary=xml_escape("incorrect id format for " + i))
                return self.send(400, s, "application/atom+xml; charset=utf-8")
        entries = []
        for i in ids:
            base = re.sub(r"v\d+$", "", i)
            data = self.state.fixture("arxiv", base.replace("/", "_") + ".xml")
            if data is None:
                continue
            entries += ENTRY.findall(data.decode("utf-8"))
        out = ATOM_HEAD.format(ids=xml_escape(",".join(ids)), maxr=xml_escape(maxr),
                               total=len(entries))
        out += "".join("  " + e + "\n" for e in entries) + "</feed>\n"
        self.send(200, out, "application/atom+xml; charset=utf-8")

    def github_repos(self):
        d = os.path.join(self.state.fixtures, "github")
        for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if name.endswith(".json") and "__" in name:
                with open(os.path.join(d, name), encoding="utf-8") as f:
                    yield json.load(f)

    def github_rest(self, path):
        if self.headers.get("User-Agent") in (None, ""):
            return self.send(403, '{"message":"Missing or invalid User Agent string."}')
        fx = None
        m = re.match(r"^/repos/([^/]+)/([^/]+)$", path)
        m2 = re.match(r"^/repositories/(\d+)$", path)
        for r in self.github_repos():
            repo = r["repo"]
            if m and repo["full_name"].lower() == (m.group(1) + "/" + m.group(2)).lower():
                fx = r
            elif m and (m.group(1) + "/" + m.group(2)).lower() in \
                    [x.lower() for x in r.get("renamed_from", [])]:
                loc = "/repositories/%d" % repo["id"]
                return self.send(301, json.dumps({"message": "Moved Permanently",
                                 "url": loc}), headers={"Location": loc})
            elif m2 and repo["id"] == int(m2.group(1)):
                fx = r
        if not fx:
            return self.send(404, '{"message":"Not Found","documentation_url":'
                             '"https://docs.github.com/rest/repos/repos#get-a-repository",'
                             '"status":"404"}')
        headers = {"ETag": fx["etag"], "X-RateLimit-Limit": "60",
                   "X-RateLimit-Remaining": "59", "X-RateLimit-Reset": "1767225600",
                   "Cache-Control": "public, max-age=60, s-maxage=60"}
        if self.headers.get("If-None-Match") == fx["etag"]:
            return self.send(304, b"", None, headers)
        self.send(200, json.dumps(fx["repo"]), "application/json; charset=utf-8", headers)

    def github_graphql(self, body):
        try:
            q = json.loads(body).get("query", "")
        except (ValueError, AttributeError):
            return self.send(400, '{"message":"Problems parsing JSON"}')
        try:
            selections = GraphQL(q).document()
        except GraphQLError as e:
            # GitHub answers a query it cannot parse with 200 and errors only
            return self.send(200, json.dumps({"errors": [e.as_json()]}),
                             "application/json; charset=utf-8")
        repos = {r["repo"]["full_name"].lower(): r["repo"] for r in self.github_repos()}
        invalid = [e for sel in selections for e in graphql_validate(sel, "Query", ["query"])]
        if invalid:
            return self.send(200, json.dumps({"errors": invalid}), "application/json; charset=utf-8")
        data, errors = {}, []
        for sel in selections:
            alias = sel["alias"]
            if sel["name"] == "rateLimit":
                data[alias] = graphql_pick(sel, {"cost": 1, "remaining": 4999, "limit": 5000,
                                                 "used": 1, "resetAt": "2026-01-01T00:00:00Z"})
                continue
            owner, name = sel["args"]["owner"], sel["args"]["name"]
            r = repos.get((owner + "/" + name).lower())
            if r is None:
                data[alias] = None
                errors.append({"type": "NOT_FOUND", "path": [alias],
                               "locations": [sel["location"]],
                               "message": "Could not resolve to a Repository with the name '%s/%s'." % (owner, name)})
            else:
                data[alias] = graphql_pick(sel, {
                    "databaseId": r["id"], "nameWithOwner": r["full_name"], "name": r["name"],
                    "url": r["html_url"], "stargazerCount": r["stargazers_count"],
                    "isArchived": r.get("archived", False), "description": r.get("description"),
                    "createdAt": r.get("created_at"),
                    "forkCount": r.get("forks_count", 0)})
        out = {"data": data}
        if errors:
            out["errors"] = errors
        self.send(200, json.dumps(out), "application/json; charset=utf-8")

    def doi_known(self, doi):
        n = doi_name(doi)
        return any(self.state.fixture(*p) is not None for p in
                   (("doi", n + ".csl.json"), ("doi", n + ".bib"), ("crossref", n + ".json")))

    def doi_org(self, doi):
        if not self.doi_known(doi):
            page = self.state.fixture("doi", "errors", "unknown_doi_404.html") or b"Error: DOI Not Found"
            return self.send(404, page, "text/html;charset=utf-8")
        loc = "/v1/works/%s/transform" % urllib.parse.quote(doi, safe="")
        body = '<html><head><title>Handle Redirect</title></head>\n<body><a href="%s">%s</a></body></html>' % (loc, loc)
        self.send(302, body, "text/html;charset=utf-8", {"Location": loc, "Vary": "Accept"})

    def transform(self, doi):
        accept = self.headers.get("Accept", "")
        n = doi_name(doi)
        if "citationstyles.csl+json" in accept:
            data = self.state.fixture("doi", n + ".csl.json")
            if data is not None:
                return self.send(200, data, "application/vnd.citationstyles.csl+json")
        elif "x-bibtex" in accept:
            data = self.state.fixture("doi", n + ".bib")
            if data is not None:
                return self.send(200, data, "application/x-bibtex")
        if not self.doi_known(doi):
            return self.send(404, "Resource not found.", "text/plain")
        self.send(406, "Not Acceptable", "text/plain")

    def crossref(self, doi):
        data = self.state.fixture("crossref", doi_name(doi) + ".json")
        if data is None:
            return self.send(404, "Resource not found.", "text/plain",
                             {"x-api-pool": "public", "x-rate-limit-limit": "5",
                              "x-rate-limit-interval": "1s", "x-concurrency-limit": "1"})
        self.send(200, data, "application/json", {"x-api-pool": "public"})

    def openalex(self, ident, query):
        d = os.path.join(self.state.fixtures, "openalex")
        data = None
        if ident.startswith("doi:"):
            name = ident[4:].lower().replace("/", "_").replace(":", "_")
            data = self.state.fixture("openalex", name + ".json")
        else:
            for f in sorted(os.listdir(d)):
                if f.endswith(".json"):
                    with open(os.path.join(d, f), "rb") as fh:
                        raw = fh.read()
                    if json.loads(raw).get("id", "").endswith("/" + ident):
                        data = raw
                        break
        if data is None:
            page = self.state.fixture("openalex", "errors_not_found_404.html") or b"Not Found"
            return self.send(404, page, "text/html; charset=utf-8",
                             {"RateLimit-Limit": "5", "RateLimit-Remaining": "9",
                              "RateLimit-Reset": "1"})
        sel = urllib.parse.parse_qs(query).get("select")
        if sel:
            keys = sel[0].split(",")
            work = json.loads(data)
            data = json.dumps({k: work[k] for k in keys if k in work}).encode()
        self.send(200, data, "application/json", {"X-Api-Pool": "common"})


# ---- GraphQL: enough of the language for pubdb's queries ------------------
# The fields each type has (a subset of GitHub's schema); a field asked for
# that is not here is an error, as on GitHub, and an answer holds only the
# fields asked for.
GRAPHQL_SCHEMA = {
    "Query": {"repository": ("Repository", ["owner", "name"]), "rateLimit": ("RateLimit", [])},
    "Repository": {f: (None, []) for f in ("databaseId", "nameWithOwner", "name", "url", "stargazerCount",
                                           "isArchived", "description", "forkCount",
                                           "createdAt")},
    "RateLimit": {f: (None, []) for f in ("cost", "remaining", "limit", "used", "resetAt")},
}
GRAPHQL_TOKEN = re.compile(r'\s*(?:(?P<name>[_A-Za-z][_0-9A-Za-z]*)|(?P<str>"(?:[^"\\\n]|\\.)*")|'
                           r'(?P<int>-?\d+)|(?P<punct>[{}():,!$]))')


class GraphQLError(Exception):
    def __init__(self, message, line, column):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def as_json(self):
        return {"message": self.message, "locations": [{"line": self.line, "column": self.column}]}


class GraphQL:
    """A parser of one anonymous or named query: selections with aliases,
    arguments of string or integer literals and sub-selections."""

    def __init__(self, text):
        self.text, self.pos, self.tokens = text, 0, []
        while True:
            while self.pos < len(text) and (text[self.pos].isspace() or text[self.pos] == ","):
                self.pos += 1
            if self.pos >= len(text):
                break
            if text[self.pos] == "#":
                while self.pos < len(text) and text[self.pos] != "\n":
                    self.pos += 1
                continue
            m = GRAPHQL_TOKEN.match(text, self.pos)
            if not m or m.end() == self.pos:
                raise GraphQLError("Parse error on \"%s\" (error) at %s" % (text[self.pos], self.where(self.pos)),
                                   *self.linecol(self.pos))
            kind = m.lastgroup
            self.tokens.append((kind, m.group(kind), m.start(kind)))
            self.pos = m.end()
        self.i = 0

    def linecol(self, pos):
        line = self.text.count("\n", 0, pos) + 1
        return line, pos - (self.text.rfind("\n", 0, pos) + 1) + 1

    def where(self, pos):
        return "[%d, %d]" % self.linecol(pos)

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("end", "end of file", len(self.text))

    def take(self, kind, value=None):
        t = self.peek()
        if t[0] != kind or (value is not None and t[1] != value):
            raise GraphQLError("Parse error on \"%s\" (%s) at %s" % (t[1], t[0].upper(), self.where(t[2])),
                               *self.linecol(t[2]))
        self.i += 1
        return t

    def document(self):
        if self.peek()[:2] == ("name", "query"):
            self.i += 1
            if self.peek()[0] == "name":
                self.i += 1
        sels = self.selection_set()
        self.take("end")
        return sels

    def selection_set(self):
        self.take("punct", "{")
        sels = []
        while self.peek()[:2] != ("punct", "}"):
            sels.append(self.selection())
        self.take("punct", "}")
        if not sels:
            t = self.tokens[self.i - 1]
            raise GraphQLError("Parse error on \"}\" (RCURLY) at %s" % self.where(t[2]), *self.linecol(t[2]))
        return sels

    def selection(self):
        _, name, at = self.take("name")
        alias = name
        if self.peek()[:2] == ("punct", ":"):
            self.i += 1
            _, name, _ = self.take("name")
        args = {}
        if self.peek()[:2] == ("punct", "("):
            self.i += 1
            while self.peek()[:2] != ("punct", ")"):
                _, arg, _ = self.take("name")
                self.take("punct", ":")
                t = self.peek()
                if t[0] == "str":
                    args[arg] = json.loads(t[1])
                elif t[0] == "int":
                    args[arg] = int(t[1])
                else:
                    self.take("str")  # raises the parse error
                self.i += 1
            self.take("punct", ")")
        sub = self.selection_set() if self.peek()[:2] == ("punct", "{") else None
        line, column = self.linecol(at)
        return {"alias": alias, "name": name, "args": args, "sub": sub,
                "location": {"line": line, "column": column}}


def graphql_validate(sel, typename, path):
    """GitHub's validation errors for one selection on a type."""
    here = path + [sel["alias"]]
    field = GRAPHQL_SCHEMA[typename].get(sel["name"])
    if field is None:
        return [{"path": here, "extensions": {"code": "undefinedField", "typeName": typename,
                                              "fieldName": sel["name"]},
                 "locations": [sel["location"]],
                 "message": "Field '%s' doesn't exist on type '%s'" % (sel["name"], typename)}]
    rtype, required = field
    unknown = [a for a in sel["args"] if a not in required]
    if unknown:
        return [{"path": here + [unknown[0]], "extensions": {"code": "argumentNotAccepted", "name": sel["name"],
                                                             "typeName": "Field", "argumentName": unknown[0]},
                 "locations": [sel["location"]],
                 "message": "Field '%s' doesn't accept argument '%s'" % (sel["name"], unknown[0])}]
    missing = [a for a in required if a not in sel["args"]]
    if missing:
        return [{"path": here, "extensions": {"code": "missingRequiredArguments", "className": "Field",
                                              "name": sel["name"], "arguments": ", ".join(missing)},
                 "locations": [sel["location"]],
                 "message": "Field '%s' is missing required arguments: %s" % (sel["name"], ", ".join(missing))}]
    if rtype and sel["sub"] is None:
        return [{"path": here, "extensions": {"code": "selectionMismatch", "nodeName": "field '%s'" % sel["name"],
                                              "typeName": rtype},
                 "locations": [sel["location"]],
                 "message": "Field must have selections (field '%s' returns %s but has no selections. "
                            "Did you mean '%s { ... }'?)" % (sel["name"], rtype, sel["name"])}]
    if not rtype and sel["sub"] is not None:
        return [{"path": here, "extensions": {"code": "selectionMismatch", "nodeName": "field '%s'" % sel["name"]},
                 "locations": [sel["location"]],
                 "message": "Selections can't be made on scalars (field '%s' returns a scalar)" % sel["name"]}]
    return [e for s in sel["sub"] or [] for e in graphql_validate(s, rtype, here)]


def graphql_pick(sel, values):
    """The answer to a validated selection: only the fields asked for, under their aliases."""
    return {s["alias"]: values[s["name"]] for s in sel["sub"]}


class Server(ThreadingHTTPServer):
    # --jobs N opens N connections at once; the default backlog of 5 drops some.
    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request, client_address):
        # clients hanging up (timeouts, size caps) are part of the tests
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The paper fields of the Graph API (docs: "paper fields"); anything else
# asked for is a 400.
S2_PAPER_FIELDS = {
    "paperId", "corpusId", "externalIds", "url", "title", "abstract", "venue", "publicationVenue",
    "year", "referenceCount", "citationCount", "influentialCitationCount", "isOpenAccess",
    "openAccessPdf", "fieldsOfStudy", "s2FieldsOfStudy", "publicationTypes", "publicationDate",
    "journal", "citationStyles", "authors", "citations", "references", "embedding", "tldr",
    "textAvailability",
}


def dblp_search_xml(q, doc):
    """A search answer in DBLP's XML layout (its default format)."""
    hits = doc.get("result", {}).get("hits", {})
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<result>",
           "<query>%s</query>" % xml_escape(q), '<status code="200">OK</status>',
           '<hits total="%s" computed="%s" sent="%s" first="0">'
           % (hits.get("@total", "0"), hits.get("@computed", "0"), hits.get("@sent", "0"))]
    one = hits.get("hit", [])
    for h in one if isinstance(one, list) else [one]:
        info = h.get("info", {})
        out.append('<hit score="%s" id="%s"><info>' % (h.get("@score", ""), h.get("@id", "")))
        authors = (info.get("authors") or {}).get("author", [])
        out.append("<authors>%s</authors>" % "".join(
            '<author pid="%s">%s</author>' % (a.get("@pid", ""), xml_escape(a.get("text", "")))
            for a in (authors if isinstance(authors, list) else [authors])))
        for k, v in info.items():
            if k != "authors":
                for one_v in v if isinstance(v, list) else [v]:
                    out.append("<%s>%s</%s>" % (k, xml_escape(str(one_v)), k))
        out.append("</info></hit>")
    out += ["</hits>", "</result>"]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    ap.add_argument("--latency-ms", type=int, default=0)
    ap.add_argument("--fault-file")
    args = ap.parse_args()
    Handler.state = State(args)
    srv = Server(("127.0.0.1", args.port), Handler)
    port = srv.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.replace(tmp, args.port_file)
    else:
        print(port, flush=True)
    try:
        srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
