"""roundtrip.py FILE: import a real .bib file with --no-merge, export it,
and check that every entry and every field value came back; then import
the export into a fresh database and check the second export is identical
(idempotent), and that importing the export into the first database
changes nothing.

The original's entry and error counts must be those of
tests/expect/corpus_counts.tsv, so a reader that wrongly rejected entries
cannot pass as "no entries"; the export must read without a single error;
an import or export that fails is a failure.  The values are compared
through pubdb's own reader (bibdump), so this is pubdb against pubdb: the
independent check of the values is bibtex_oracle.py (bibtex(1) reads the
file and the export)."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pubtest  # noqa: E402

COUNTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "expect",
                      "corpus_counts.tsv")


def expected_counts(path):
    """(entries, errors) of path in corpus_counts.tsv, or None."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(pubtest.CORPORA))
    with open(COUNTS, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if cells[0] == rel:
                return int(cells[1]), int(cells[2])
    return None


def entries(dump):
    return [e for e in dump if "error" not in e and e["type"] != "preamble"]


def errors(dump):
    return [e["error"] for e in dump if "error" in e]


def main(path):
    failures = []
    with tempfile.TemporaryDirectory() as d:
        db1, db2 = os.path.join(d, "1.sqlite3"), os.path.join(d, "2.sqlite3")
        dump = pubtest.bibdump(path)
        original = entries(dump)
        want = expected_counts(path)
        if want is None:
            print("FAIL: %s has no row in %s" % (path, COUNTS))
            return 1
        got = (len(original), len(errors(dump)))
        if got != want:
            print("FAIL: %d entries and %d parse errors, expected %d and %d (%s)"
                  % (got + want + (COUNTS,)))
            for e in errors(dump)[:10]:
                print("  ", e)
            return 1
        r = pubtest.run("-q", "add", "--no-merge", path, db=db1)
        if not original:
            # No entries (only @string, or every entry broken): the import must
            # say so and fail; only a 0-byte file may import nothing quietly.
            if os.path.getsize(path) == 0 and r.code == 0:
                print("empty file; import exit 0")
                return 0
            said = "all %d entries are broken" % want[1] if want[1] else "no BibTeX entries"
            if r.code != 1 or said not in r.err:
                print("FAIL: importing a file without entries: expected exit 1 "
                      "saying %r, got %r" % (said, r))
                return 1
            print("no entries; import exit 1: %s" % r.err.strip()[-200:])
            return 0
        if r.code != 0:
            print("FAIL: import failed:", r)
            return 1
        exp1 = os.path.join(d, "export1.bib")
        r = pubtest.run("export", "--bibtex", "-o", exp1, db=db1)
        if r.code != 0:
            print("FAIL: export failed:", r)
            return 1
        dump = pubtest.bibdump(exp1)
        exported = entries(dump)
        for e in errors(dump)[:10]:
            failures.append("the export does not read back: %s" % e)
        if len(exported) != len(original):
            failures.append("entries: %d in, %d out" % (len(original), len(exported)))
        for a, b in zip(original, exported):
            if a["type"] != b["type"]:
                failures.append("%s: type %s became %s" % (a["key"], a["type"], b["type"]))
            if a["key"] and a["key"] != b["key"] and not b["key"].startswith(a["key"]):
                failures.append("key %s became %s" % (a["key"], b["key"]))
            fa = {}
            for n, v in a["fields"]:
                fa.setdefault(n, v)  # the reader keeps the first of a repeated field
            fb = dict((n, v) for n, v in b["fields"])
            if fa != fb:
                for n in sorted(set(fa) | set(fb)):
                    if fa.get(n) != fb.get(n):
                        failures.append("%s: field %s: %r became %r" % (a["key"], n, fa.get(n), fb.get(n)))
        # Idempotent: export -> import -> export gives the same bytes.
        r = pubtest.run("-q", "add", "--no-merge", exp1, db=db2)
        exp2 = os.path.join(d, "export2.bib")
        r2 = pubtest.run("export", "--bibtex", "-o", exp2, db=db2)
        if r.code != 0 or r2.code != 0:
            failures.append("re-import failed: %r %r" % (r, r2))
        elif open(exp1, "rb").read() != open(exp2, "rb").read():
            failures.append("second export differs from the first")
        # Importing the export into the same database changes nothing.
        before = pubtest.dump_db(db1)
        r = pubtest.run("-q", "add", exp1, db=db1)
        after = pubtest.dump_db(db1)
        if r.code != 0:
            failures.append("re-import into the same database failed: %r" % r)
        elif before != after:
            failures.append("re-importing the export changed the database")
    for f in failures[:40]:
        print("FAIL:", f)
    if len(failures) > 40:
        print("... and %d more" % (len(failures) - 40))
    print("%s: %d entries, %d failures" % (os.path.basename(path), len(original), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
