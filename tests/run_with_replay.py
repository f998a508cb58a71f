#!/usr/bin/env python3
"""run_with_replay.py: starts tests/replay_server.py on a free loopback port,
points every PUBDB_*_URL at it, runs the given command and stops the server.

  python3 tests/run_with_replay.py --fixtures DIR [--latency-ms N] -- CMD ARGS...

The command also gets PUB_REPLAY_URL (the server's base URL) and
PUB_REPLAY_LOG (its JSON-lines request log).  With PUB_TEST_WRAPPER set
(say "valgrind -q --error-exitcode=99"), the command runs under it: .ci/run
checks the network unit tests under valgrind that way, the server not."""
import shlex
import argparse
import os
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("--latency-ms", default="0")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory(prefix="pubdb-replay-") as tmp:
        port_file = os.path.join(tmp, "port")
        log = os.path.join(tmp, "requests.jsonl")
        srv = subprocess.Popen([sys.executable, os.path.join(here, "replay_server.py"),
                                "--fixtures", a.fixtures, "--port", "0",
                                "--port-file", port_file, "--log", log,
                                "--latency-ms", a.latency_ms])
        try:
            deadline = time.time() + 15
            while not os.path.exists(port_file):
                if srv.poll() is not None or time.time() > deadline:
                    print("replay server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.05)
            with open(port_file) as f:
                base = "http://127.0.0.1:%d" % int(f.read())
            env = dict(os.environ)
            for k in ("ARXIV", "GITHUB", "DOI", "CROSSREF", "OPENALEX", "S2", "DBLP", "ORCID", "HF"):
                env["PUBDB_%s_URL" % k] = base
            env["PUB_REPLAY_URL"] = base
            env["PUB_REPLAY_LOG"] = log
            env["PUB_REPLAY_FIXTURES"] = a.fixtures
            env.setdefault("PUB_ARXIV_INTERVAL_MS", "50")
            env.setdefault("PUB_HTTP_BACKOFF_MS", "20")
            env.setdefault("PUB_HTTP_TIMEOUT", "10")
            env.pop("GITHUB_TOKEN", None)
            wrapper = shlex.split(os.environ.get("PUB_TEST_WRAPPER", ""))
            return subprocess.call(wrapper + cmd, env=env)
        finally:
            srv.terminate()
            try:
                srv.wait(5)
            except subprocess.TimeoutExpired:
                srv.kill()
                srv.wait()


if __name__ == "__main__":
    sys.exit(main())
