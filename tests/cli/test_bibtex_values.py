"""test_bibtex_values.py: pybtex (Debian's python3-pybtex, with latexcodec)
reads pubdb's BibTeX export of real files and must find the values pubdb
says it holds (`export --json`): every field, every author's given and
family name, and the `--ascii` export decoded back to the UTF-8 one.

bibtex(1) checks what every field means on all corpus files
(tests/tools/bibtex_oracle.py); this adds a second, differently written
reader and the name parts bibtex(1) cannot print without a style.
Limits, written here rather than hidden: latexcodec leaves some accent
commands undecoded (`\\={P}`), so a name it cannot decode is skipped and
counted; pybtex and pubdb both split names by BibTeX's rules, and pubdb's
JSON `family` is the Last part without von (pybtex's last_names)."""
import codecs
import json
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from needs import need  # noqa: E402
from pubtest import CORPORA, PubTestCase  # noqa: E402

FILES = ["texlive-base-xampl.bib", "biblatex-examples.bib", "gost-ex24-utf8.bib"]

# Disagreements known today, each a bug filed elsewhere; the test fails
# when one goes away (update the list) or a new one appears.
KNOWN = {
    # Author rows are shared by their folded name (lib/store/authors.c), so
    # "Tom T{\'{e}}rrific" shows as the "Tom Terrific" of another entry.
    ("techreport-full", "author 1"): ("Tom", "Térrific"),
}

READER = r"""
import codecs, json, re, sys
import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.database import parse_file

def dec(s):
    return re.sub(r"\s+", " ", re.sub(r"[{}]", "", codecs.decode(s, "ulatex"))).strip()

out = {}
for key, e in parse_file(sys.argv[1], bib_format="bibtex").entries.items():
    people = {}
    for role, persons in e.persons.items():
        people[role.lower()] = [
            {"given": dec(" ".join(p.first_names + p.middle_names)),
             "family": dec(" ".join(p.last_names)), "raw": str(p)} for p in persons]
    out[key] = {"type": e.type.lower(),
                "fields": {f.lower(): v for f, v in e.fields.items()},
                "decoded": {f.lower(): dec(v) for f, v in e.fields.items()},
                "persons": people}
print(json.dumps(out))
"""


class PybtexReadsTheExport(PubTestCase):
    def setUp(self):
        super().setUp()
        self.py = need(self, "pybtex")
        self.ok("-q", "add", "--no-merge", *[os.path.join(CORPORA, f) for f in FILES])
        self.papers = {p["key"]: p for p in json.loads(self.ok("export", "--json").out)}

    def read(self, *args):
        path = self.write("export%d.bib" % len(args), self.ok("export", "--bibtex", *args).out)
        r = subprocess.run([self.py, "-c", READER, path], capture_output=True, text=True, cwd="/")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        return json.loads(r.stdout)

    def test_every_field_and_name(self):
        theirs = self.read()
        self.assertEqual(sorted(theirs), sorted(self.papers))
        self.assertGreater(len(theirs), 120)
        bad, skipped, fields, names = {}, 0, 0, 0
        for key, ours in self.papers.items():
            e = theirs[key]
            self.assertEqual(e["type"], ours["type"], key)
            for name, value in ours["fields"].items():
                fields += 1
                if name in e["persons"]:  # editor: pybtex splits it into persons
                    got = " and ".join(p["raw"] for p in e["persons"][name])
                    self.assertEqual(len(e["persons"][name]),
                                     len(re.split(r"\s+and\s+", value.strip())), (key, name))
                    continue
                self.assertEqual(e["fields"].get(name), value, (key, name))
            people = e["persons"].get("author", [])
            self.assertEqual(len(people), len(ours["authors"]), key)
            for i, (p, a) in enumerate(zip(people, ours["authors"]), 1):
                if "\\" in p["given"] + p["family"]:
                    skipped += 1  # latexcodec could not decode it
                    continue
                names += 1
                want = (a["given"] or "", a["family"])
                if (p["given"], p["family"]) != want:
                    bad[(key, "author %d" % i)] = (p["given"], p["family"])
        self.assertEqual(bad, KNOWN)
        self.assertLess(skipped, 5)
        print("pybtex: %d entries, %d fields, %d names compared, %d names skipped"
              % (len(theirs), fields, names, skipped), file=sys.stderr)

    def test_ascii_export_decodes_back(self):
        utf8 = self.read()
        text = self.ok("export", "--bibtex", "--ascii").out
        # Latin letters all have escapes; Cyrillic (gost-ex24) has none in
        # plain LaTeX, and --ascii keeps it as UTF-8 (a limit of --ascii).
        left = sorted(set(c for c in text if ord(c) >= 128))
        self.assertTrue(left and all(0x400 <= ord(c) < 0x500 for c in left), left)
        ascii_ = self.read("--ascii")
        self.assertEqual(sorted(ascii_), sorted(utf8))
        compared = 0
        for key, e in utf8.items():
            a = ascii_[key]
            self.assertEqual(sorted(a["decoded"]), sorted(e["decoded"]), key)
            for name, value in e["decoded"].items():
                if "\\" in value + a["decoded"][name]:
                    continue  # LaTeX left undecoded (math, \emph): compared raw below
                compared += 1
                self.assertEqual(a["decoded"][name], value, (key, name))
            for role, people in e["persons"].items():
                self.assertEqual([(p["given"], p["family"]) for p in a["persons"][role]],
                                 [(p["given"], p["family"]) for p in people], (key, role))
        self.assertGreater(compared, 1000)


if __name__ == "__main__":
    unittest.main()
