"""roundtrip.py FILE: import a real .bib file with --no-merge, export it,
and check that every entry and every field value came back; then import
the export into a fresh database and check the second export is identical
(idempotent), and that importing the export into the first database
changes nothing."""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import pubtest  # noqa: E402


def entries(dump):
    return [e for e in dump if "error" not in e and e["type"] != "preamble"]


def main(path):
    failures = []
    with tempfile.TemporaryDirectory() as d:
        db1, db2 = os.path.join(d, "1.sqlite3"), os.path.join(d, "2.sqlite3")
        original = entries(pubtest.bibdump(path))
        r = pubtest.run("-q", "add", "--no-merge", path, db=db1)
        if not original:
            # Files with no entries (only @string, empty) must not pass as imports.
            if r.code == 0 and os.path.getsize(path) > 0:
                print("FAIL: exit 0 importing a file without entries")
                return 1
            print("no entries; import exit %d: %s" % (r.code, r.err.strip()[:200]))
            return 0
        if r.code != 0:
            print("FAIL: import failed:", r)
            return 1
        exp1 = os.path.join(d, "export1.bib")
        r = pubtest.run("export", "--bibtex", "-o", exp1, db=db1)
        if r.code != 0:
            print("FAIL: export failed:", r)
            return 1
        exported = entries(pubtest.bibdump(exp1))
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
