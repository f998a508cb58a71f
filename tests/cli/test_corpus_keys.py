"""test_corpus_keys.py: a default import (merging on) of every .bib file of
fixtures/corpora/ into a fresh database keeps every citation key of the
file resolvable, as a paper's key or as an alias a merge left.  The keys
are the reader's (bibdump); what resolves is read back with one
`export --json` per file.  Run as a script, it prints the counts:
PUBDB_BIN=... BIBDUMP_BIN=... python3 test_corpus_keys.py"""
import json
import os
import sys
import tempfile
import unittest

from pubtest import CORPORA, WRAPPER, run, bibdump

# Under a wrapper (valgrind in .ci/run: 20-40 times slower, 832 runs would
# take hours) one file in STRIDE, spread over the whole sorted list; the
# plain and ASan+UBSan stages take every file.
STRIDE = 16 if WRAPPER else 1


def corpus_files():
    i = 0
    for root, dirs, names in os.walk(CORPORA):
        dirs.sort()
        for n in sorted(names):
            if n.endswith(".bib"):
                if i % STRIDE == 0:
                    yield os.path.join(root, n)
                i += 1


def lost_keys(path, d):
    """(source keys, keys that do not resolve, import result) of one file."""
    keys = [e["key"] for e in bibdump(path)
            if "error" not in e and e["type"] != "preamble" and e["key"]]
    if not keys:
        return 0, [], None
    db = os.path.join(d, "%d.sqlite3" % abs(hash(path)))
    r = run("-q", "add", path, db=db)
    if r.code != 0:
        return len(keys), list(keys), r
    r = run("export", "--json", db=db)
    names = set()
    for p in json.loads(r.out):
        names.add(p["key"].lower())
        names.update(a.lower() for a in p.get("aliases", []))
    return len(keys), [k for k in keys if k.lower() not in names], None


def survey():
    total, lost, files = 0, {}, 0
    with tempfile.TemporaryDirectory() as d:
        for path in corpus_files():
            files += 1
            n, missing, failed = lost_keys(path, d)
            total += n
            if missing:
                lost[os.path.relpath(path, CORPORA)] = (missing, failed)
    return files, total, lost


class TestCorpusKeys(unittest.TestCase):
    def test_every_source_key_resolves(self):
        files, total, lost = survey()
        self.assertGreater(files, 400 // STRIDE)
        if STRIDE > 1:
            print("under %s: %d corpus files, one in %d" % (WRAPPER[0], files, STRIDE), file=sys.stderr)
        report = ["%s: %d keys lost, e.g. %s%s" % (f, len(m), ", ".join(m[:5]),
                                                   " (import failed: %r)" % r if r else "")
                  for f, (m, r) in sorted(lost.items())]
        self.assertEqual(report, [], "%d of %d keys unresolvable" %
                         (sum(len(m) for m, _ in lost.values()), total))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        unittest.main()
    files, total, lost = survey()
    n = sum(len(m) for m, _ in lost.values())
    for f, (m, r) in sorted(lost.items()):
        print("%s: %d lost%s" % (f, len(m), " (import failed)" if r else ""))
    print("%d files, %d source keys, %d unresolvable in %d files" % (files, total, n, len(lost)))
