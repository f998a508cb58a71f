#!/usr/bin/env python3
"""layers.py: checks the shape of lib/ that docs/architecture.md promises.

- Each layer includes only itself and the layers below it:
  util -> text -> bibtex -> ids -> store -> net -> sync, export (export
  includes neither net nor sync, nor they it).
- net/ holds service clients only: no pub_db, no store/ include, no SQL.
- SQL (sqlite3_*, <sqlite3.h>) only in store/: every other layer reads
  and writes through store/ functions.
- The HTTP client is made in sync/session.c alone (pub__http_new): every
  workflow, `add` as `refresh`, asks through its command's sync session,
  which owns each service's pacing, the caches and the deadline.
- No include cycle between lib/'s headers and files.
- No source file over 800 lines.
- The library never writes to stdout or stderr (the CLI does).
- No source comment or doc points outside the repository (../shared).

Usage: layers.py REPO_ROOT.  Prints one line per finding; exit 1 if any.
"""
import os
import re
import sys

LAYERS = ["util", "text", "bibtex", "ids", "store", "net", "sync", "export"]
SIDEWAYS = {("net", "export"), ("export", "net"), ("sync", "export"), ("export", "sync")}
MAX_LINES = 800
# Where an HTTP client may be made: its definition and the sync session.
HTTP_MAKERS = {"net/http.c", "net/http.h", "sync/session.c"}


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    lib = os.path.join(root, "lib")
    findings = []
    graph = {}
    files = []
    for layer in sorted(os.listdir(lib)):
        d = os.path.join(lib, layer)
        if not os.path.isdir(d) or layer == "include":
            continue
        if layer not in LAYERS:
            findings.append(f"lib/{layer}/: a folder that is no layer of {LAYERS}")
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith((".c", ".h")):
                files.append(f"{layer}/{name}")
    for f in files:
        text = open(os.path.join(lib, f), encoding="utf-8").read()
        lines = text.count("\n")
        if f.endswith(".c") and lines > MAX_LINES:
            findings.append(f"lib/{f}: {lines} lines (at most {MAX_LINES})")
        here = f.split("/")[0]
        graph[f] = []
        for inc in re.findall(r'^#include "([^"]+)"', text, re.M):
            if inc == "pub.h":
                continue
            there = inc.split("/")[0]
            if there not in LAYERS or not os.path.exists(os.path.join(lib, inc)):
                findings.append(f"lib/{f}: includes \"{inc}\", not a lib-relative private header")
                continue
            graph[f].append(inc)
            if LAYERS.index(there) > LAYERS.index(here) or (here, there) in SIDEWAYS:
                findings.append(f"lib/{f}: {here}/ includes {inc} (a layer above or beside it)")
        code = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
        bare = re.sub(r'"(\\.|[^"\\\n])*"', '""', code)
        uses_sql = re.search(r"\bsqlite3_|<sqlite3\.h>", code) is not None
        if here == "net":
            if re.search(r"\bpub_db\b", bare):
                findings.append(f"lib/{f}: net/ uses pub_db (clients know no database; sync/ files)")
            if re.search(r'^#include "store/', text, re.M):
                findings.append(f"lib/{f}: net/ includes store/ (clients know no database)")
        if re.search(r"\bpub__http_new\s*\(", bare) and f not in HTTP_MAKERS:
            findings.append(f"lib/{f}: makes an HTTP client (take the sync session's: pub__sync_http)")
        if here != "store" and uses_sql:
            findings.append(f"lib/{f}: runs SQL outside store/ (read and write through store/ functions)")
        code = re.sub(r'"(\\.|[^"\\\n])*"', '""', code)
        if re.search(r"\b(stdout|stderr)\b|\bprintf\s*\(|\bputs\s*\(", code):
            findings.append(f"lib/{f}: writes to stdout or stderr (the library reports through callbacks)")
    # include cycles (depth-first search over the include graph)
    state = {}

    def visit(node, path):
        state[node] = 1
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cyc = path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt]
                findings.append("include cycle: " + " -> ".join(cyc))
            elif not state.get(nxt):
                visit(nxt, path + [nxt])
        state[node] = 2

    for f in files:
        if not state.get(f):
            visit(f, [f])
    for sub in ("lib", "cli", "docs", "tests", "README.md"):
        p = os.path.join(root, sub)
        walk = [(p, [], [os.path.basename(p)])] if os.path.isfile(p) else os.walk(p)
        for d, _, names in walk:
            for n in names:
                fp = os.path.join(d if os.path.isdir(d) else os.path.dirname(d), n) if os.path.isdir(d) else d
                if not fp.endswith((".c", ".h", ".md", ".py", ".cmake", ".1", ".txt")):
                    continue
                if "/fixtures/" in fp or fp.endswith("layers.py"):
                    continue
                try:
                    t = open(fp, encoding="utf-8").read()
                except (UnicodeDecodeError, OSError):
                    continue
                if "../shared" in t:
                    findings.append(f"{os.path.relpath(fp, root)}: points outside the repository (../shared)")
    for line in findings:
        print(line)
    print(f"layers: {len(files)} files in {len(LAYERS)} layers, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
