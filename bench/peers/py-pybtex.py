#!/usr/bin/python3
"""Peer driver for bench/import: pybtex parse_file + write to a string in
BibTeX format, then to OUT.  Prints "entries_in N".  Run with the system
/usr/bin/python3, which is where Debian's python3-pybtex lives."""
import sys

from pybtex.database import parse_file

if len(sys.argv) != 3:
	sys.exit("usage: py-pybtex.py IN OUT")
# Duplicate citekeys would abort a strict parse; real bibliographies
# (and --times4 input) have them, so mirror what a user does.
import pybtex.errors
pybtex.errors.set_strict_mode(False)
db = parse_file(sys.argv[1], bib_format="bibtex")
text = db.to_string("bibtex")
with open(sys.argv[2], "w", encoding="utf-8") as f:
	f.write(text)
print("entries_in", len(db.entries))
