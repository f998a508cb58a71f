#!/usr/bin/env python3
"""bibtex_oracle.py: bibtex(1) as an independent reader of pubdb's import.

For each corpus .bib file, asks bibtex(1) what every field of every entry
means, once for the original file and once for pubdb's export of it
(`pubdb --db TMP add --no-merge FILE`, then `export --bibtex`), and
compares the two per key (case-insensitively, as BibTeX matches keys) and
per field, after collapsing whitespace runs.  --no-merge keeps every entry
apart, so a merge (its own test) cannot hide an entry from this one.
With --merge the import is a default one: an entry merged into another
paper must come back as the copy under its key (an alias), and every field
an entry has must read the same; fields a merge added to a paper, which
the original entry lacked, are not compared.

The .bst it generates declares every field name the original file uses (a
regex over the text; names only pubdb's export has, its own data, are not
declared and so not compared), defines the month macros as the standard
styles do, and writes `@@K key`, `@@T type` and `@@F name=value` lines.
A file that is not UTF-8 is decoded as pubdb decodes it (BOM or NUL
pattern -> UTF-16, valid UTF-8, else Windows-1252) and bibtex(1) reads that
UTF-8 text, so both sides are compared on the same decoded text.

Per file it counts: entries bibtex(1) read in the original, its error
messages there (broken entries that pubdb skips with a warning), entries
compared and the fields compared in them, keys missing from the export,
keys only in the export (a key pubdb had to give: a repeated or missing
key), and disagreeing entries.
tests/expect/bibtex_oracle.tsv holds the expected numbers of every file;
any difference fails.  --write rewrites the rows of the files checked.

Usage: bibtex_oracle.py [--write] [--verbose] --corpora DIR --expect TSV
       --pubdb PUBDB PATH...   (PATHs: files or folders under DIR)
Exit 0: as expected; 1: a difference, or bibtex(1) missing under .ci/run
(PUB_REQUIRE_TOOLS=1); 77: bibtex(1) missing elsewhere (a ctest skip).
Python 3 standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
# A field name the .bst can declare: BibTeX's identifier characters
# (ASCII only here), not starting with a digit, never a built-in (`...$`).
# The look-behind starts a name only at the start of a run of such
# characters: without it a 58 KB run of letters costs quadratic time.
ID_CHARS = r"A-Za-z0-9_.:+/\-!&*;<>?\[\]^`|~"
FIELD_RE = re.compile(r"(?<![" + ID_CHARS + r"])([A-Za-z_][" + ID_CHARS + r"]*)\s*=")
RESERVED = {"crossref", "default.type", "oracle.entry"}
WS = re.compile(r"[ \t\n\r\f\v]+")
COLUMNS = ["file", "bibtex_entries", "bibtex_errors", "compared", "fields",
           "missing", "extra", "disagreements", "note"]
COUNTS = COLUMNS[1:-1]
ENV = {
    "BIBINPUTS": ".", "BSTINPUTS": ".", "max_print_line": "1000000",
    "max_strings": "1000000", "hash_extra": "1000000", "pool_size": "80000000",
    "buf_size": "2000000", "max_fields": "20000000", "wiz_fn_space": "100000",
    "single_fn_space": "100000", "ent_str_size": "10000",
    "glob_str_size": "100000",
}


def cp1252_byte(b):
    """Windows-1252 as pubdb reads it: the five holes map to C1 controls."""
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


def decode(data):
    """The text pubdb reads from these bytes (lib/text/encoding.c)."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", "replace")
    elif data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le", "replace")
    elif data.startswith(b"\xfe\xff"):
        text = data[2:].decode("utf-16-be", "replace")
    else:
        head = data[:4096]
        le = sum(1 for i in range(1, len(head), 2) if head[i] == 0)
        be = sum(1 for i in range(0, len(head), 2) if head[i] == 0)
        if len(head) >= 4 and max(le, be) * 4 >= len(head):
            text = data.decode("utf-16-be" if be > le else "utf-16-le", "replace")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = "".join(cp1252_byte(b) for b in data)
    text = text.replace("\0", "")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def field_names(text):
    names = set()
    for m in FIELD_RE.finditer(text):
        n = m.group(1).lower()
        if n not in RESERVED and n.lower() not in ("jan", "feb", "mar", "apr", "may",
                                                   "jun", "jul", "aug", "sep", "oct",
                                                   "nov", "dec"):
            names.add(n)
    return sorted(names)


def make_bst(fields):
    out = ["ENTRY {\n"]
    out += ["  %s\n" % f for f in fields]
    out.append("} {} {}\n")
    for short, full in zip(["jan", "feb", "mar", "apr", "may", "jun", "jul",
                            "aug", "sep", "oct", "nov", "dec"], MONTHS):
        out.append('MACRO {%s} {"%s"}\n' % (short, full))
    out.append("FUNCTION {oracle.entry}\n{\n"
               '  "@@K " write$ cite$ write$ newline$\n'
               '  "@@T " write$ type$ write$ newline$\n')
    for f in fields + ["crossref"]:
        out.append("  %s missing$ 'skip$ { \"@@F %s=\" write$ %s write$ newline$ } if$\n"
                   % (f, f, f))
    out.append("}\nFUNCTION {default.type} { oracle.entry }\nREAD\n"
               "ITERATE {call.type$}\n")
    return "".join(out)


def run_bibtex(folder, name, bib_text, bst):
    """bibtex(1) on bib_text: ({key: (type, {field: value})}, entries, errors)."""
    with open(os.path.join(folder, name + ".bib"), "w", encoding="utf-8",
              errors="surrogateescape") as f:
        f.write(bib_text)
    with open(os.path.join(folder, "oracle.bst"), "w") as f:
        f.write(bst)
    with open(os.path.join(folder, name + ".aux"), "w") as f:
        f.write("\\citation{*}\n\\bibdata{%s}\n\\bibstyle{oracle}\n" % name)
    env = dict(os.environ)
    env.update(ENV)
    p = subprocess.run(["bibtex", "-terse", name], cwd=folder, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    log = p.stdout.decode("utf-8", "replace")
    bbl = os.path.join(folder, name + ".bbl")
    if p.returncode >= 3 or not os.path.exists(bbl):
        raise RuntimeError("bibtex failed (exit %d) on %s:\n%s" % (p.returncode, name, log[-3000:]))
    m = re.search(r"\(There (?:was|were) (\d+|one) error message", log)
    errors = 0 if not m else (1 if m.group(1) == "one" else int(m.group(1)))
    entries = {}
    order = 0
    cur = None
    last = None
    with open(bbl, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("@@K "):
                key = line[4:]
                order += 1
                cur = entries.setdefault(key.lower(), {"key": key, "fields": {}})
                last = None
            elif line.startswith("@@T ") and cur is not None:
                cur["type"] = line[4:]
            elif line.startswith("@@F ") and cur is not None:
                name_, _, value = line[4:].partition("=")
                cur["fields"][name_] = value
                last = name_
            elif cur is not None and last is not None:
                cur["fields"][last] += " " + line  # a line BibTeX wrapped
    return entries, order, errors


def norm(v):
    return WS.sub(" ", v).strip()


def check_file(path, rel, pubdb, verbose, merge=False):
    with open(path, "rb") as f:
        text = decode(f.read())
    fields = field_names(text)
    bst = make_bst(fields)
    with tempfile.TemporaryDirectory() as d:
        orig, n_orig, errors = run_bibtex(d, "original", text, bst)
        db = os.path.join(d, "db.sqlite3")
        r = subprocess.run([pubdb, "-q", "--db", db, "add"] + ([] if merge else ["--no-merge"]) + [path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        exported = ""
        failed = []
        if r.returncode != 0:
            # Every entry of the file broken: pubdb refuses it (exit 1) and
            # the export is empty, so each entry bibtex(1) read is missing.
            failed.append("pubdb add exit %d: %s" % (r.returncode, r.stderr.decode()[-300:].strip()))
        if r.returncode == 0 and os.path.exists(db):
            x = subprocess.run([pubdb, "--db", db, "export", "--bibtex"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
            if x.returncode != 0:
                return None, "pubdb export exit %d: %s" % (x.returncode, x.stderr.decode()[-500:])
            exported = x.stdout.decode("utf-8", "surrogateescape")
        back, _, _ = run_bibtex(d, "export", exported, bst)
    compared = missing = disagree = nfields = 0
    details = failed
    for k, a in orig.items():
        b = back.get(k)
        if b is None:
            missing += 1
            details.append("%s: missing from the export" % a["key"])
            continue
        compared += 1
        diffs = []
        if a.get("type") != b.get("type"):
            diffs.append("type %r became %r" % (a.get("type"), b.get("type")))
        for n in sorted(set(a["fields"]) | set(b["fields"])):
            if merge and n not in a["fields"]:
                continue  # a merge only adds what an entry lacks
            nfields += 1
            va, vb = a["fields"].get(n), b["fields"].get(n)
            if va is None or vb is None or norm(va) != norm(vb):
                diffs.append("%s: %r became %r" % (n, va, vb))
        if diffs:
            disagree += 1
            details.append("%s: %s" % (a["key"], "; ".join(diffs)))
    extra = sorted(b["key"] for k, b in back.items() if k not in orig)
    if extra:
        details.append("only in the export: %s" % ", ".join(extra[:20]))
    row = {"file": rel, "bibtex_entries": n_orig, "bibtex_errors": errors,
           "compared": compared, "fields": nfields, "missing": missing, "extra": len(extra),
           "disagreements": disagree}
    return row, details


def read_expect(path):
    rows = {}
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            if cells[0] == "file":
                continue
            cells += [""] * (len(COLUMNS) - len(cells))
            rows[cells[0]] = dict(zip(COLUMNS, cells))
    return rows


def write_expect(path, rows):
    header = ("# bibtex_oracle.tsv: what bibtex(1) reads in every corpus file and in\n"
              "# pubdb's export of it (tests/tools/bibtex_oracle.py).  bibtex_errors:\n"
              "# bibtex(1)'s own error messages on the original (broken entries, repeated\n"
              "# keys); compared: entries in both; fields: fields compared in them;\n"
              "# missing: keys bibtex(1) read that the export lacks; extra: keys\n"
              "# only the export has; disagreements: entries whose type or a field\n"
              "# differs.  Anything but 0 in the last three needs a note.\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("\t".join(COLUMNS) + "\n")
        for rel in sorted(rows):
            r = rows[rel]
            f.write("\t".join(str(r.get(c, "")) for c in COLUMNS) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", required=True)
    ap.add_argument("--expect", required=True)
    ap.add_argument("--pubdb", required=True)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--merge", action="store_true",
                    help="a default import (merging on): every field an entry has must "
                         "come back under its key, as the paper or as the copy under an alias")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    # bibtex(1) with plain.bst, or exit 77 (a ctest skip; 1 under .ci/run)
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
    import needs
    needs.missing_or_exit("bibtex")
    root = os.path.abspath(a.corpora)
    files = []
    for p in a.paths:
        p = os.path.join(root, p)
        if os.path.isdir(p):
            for dp, dn, fn in os.walk(p):
                dn.sort()
                files += [os.path.join(dp, n) for n in sorted(fn) if n.endswith(".bib")]
        else:
            files.append(p)
    expect = read_expect(a.expect)
    fail = 0
    totals = [0] * len(COUNTS)
    seen = set()
    for path in files:
        rel = os.path.relpath(path, root)
        seen.add(rel)
        try:
            row, details = check_file(path, rel, a.pubdb, a.verbose, a.merge)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print("FAIL %s: %s" % (rel, e))
            fail = 1
            continue
        if row is None:
            print("FAIL %s: %s" % (rel, details))
            fail = 1
            continue
        for i, c in enumerate(COUNTS):
            totals[i] += row[c]
        want = expect.get(rel)
        got = [str(row[c]) for c in COUNTS]
        if a.write:
            row["note"] = want["note"] if want else ""
            expect[rel] = row
        elif want is None:
            print("FAIL %s: no row in %s (got %s)" % (rel, a.expect, " ".join(got)))
            fail = 1
        elif [want[c] for c in COUNTS] != got:
            print("FAIL %s: expected %s, got %s (%s)" % (
                rel, " ".join(want[c] for c in COUNTS), " ".join(got), " ".join(COUNTS)))
            fail = 1
        if (a.verbose or (want and not a.write and [want[c] for c in COUNTS] != got)) and details:
            for line in details[:30]:
                print("    " + line)
    if not a.write:
        # Every expected row under the folders checked must still exist.
        for rel in expect:
            if any(rel == p or rel.startswith(p.rstrip("/") + "/") for p in a.paths) \
                    and rel not in seen:
                print("FAIL %s: in %s but not found" % (rel, a.expect))
                fail = 1
    else:
        write_expect(a.expect, expect)
    print("%d files: bibtex(1) read %d entries (%d error messages); %d entries and %d "
          "fields compared, %d missing, %d only in the export, %d disagreeing"
          % ((len(files),) + tuple(totals)))
    return fail


if __name__ == "__main__":
    sys.exit(main())
