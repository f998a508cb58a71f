#!/bin/sh
# Peer driver for bench/import: bibtex-tidy (npm, pinned in bench/package.json,
# installed into bench/node_modules) with its default tidying, IN -> OUT.
# The input must come before the options (bibtex-tidy 1.14 silently tidies
# nothing otherwise); --v2 keeps it from overwriting IN.  exec, so the bench's
# /usr/bin/time measures node itself.  bibtex-tidy reports
# "Successfully tidied N entries", which the bench reads as "entries in".
[ $# -eq 2 ] || { echo "usage: bibtex-tidy.sh IN OUT" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
exec node "$here/node_modules/bibtex-tidy/bin/bibtex-tidy" "$1" --v2 -o "$2"
