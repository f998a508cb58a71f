#!/usr/bin/python3
"""Peer driver for bench/import: python3-bibtexparser (Debian's 1.x) load +
dump of IN into OUT.  Prints "entries_in N".  Run with the system
/usr/bin/python3, which is where Debian's python3-bibtexparser lives."""
import sys

import bibtexparser

if len(sys.argv) != 3:
	sys.exit("usage: py-bibtexparser.py IN OUT")
with open(sys.argv[1], encoding="utf-8") as f:
	db = bibtexparser.load(f)
with open(sys.argv[2], "w", encoding="utf-8") as f:
	bibtexparser.dump(db, f)
print("entries_in", len(db.entries))
