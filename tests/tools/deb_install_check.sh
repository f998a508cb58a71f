#!/bin/sh
# deb_install_check.sh: the built Debian packages install and work on a
# root file system: a fresh Debian root (mmdebstrap, the .ci/fresh
# machinery) or this machine (ROOT /).
#
# Usage: tests/tools/deb_install_check.sh DEBDIR ROOT
#   DEBDIR  the folder dpkg-buildpackage wrote pubdb_*.deb, libpub*.deb to
#           (-dbgsym packages are left out)
#   ROOT    the root to install into: chroot ROOT for anything but /
#
# Installs the packages with apt-get in ROOT (their dependencies from ROOT's
# apt sources, with gcc, libc6-dev, pkgconf and man-db for the checks), then
# checks there: `pubdb --version` says the package's version, `man -w pubdb`
# finds the page, `pkg-config --modversion libpub` says it too, a C program
# built with `pkg-config --cflags --libs libpub` links the shared library
# and runs (opens a database, reads the version), and pubdb dumps and loads
# a database.  Prints one "ok" line per check; the first failure stops it
# with exit 1.  Needs root (chroot, apt-get).
set -eu

usage() {
	echo "usage: $0 DEBDIR ROOT" >&2
	exit 2
}
[ $# -eq 2 ] || usage
debdir=$(cd "$1" && pwd)
root=$(cd "$2" && pwd)

fail() {
	echo "deb_install_check: $*" >&2
	exit 1
}

# Runs a shell command in ROOT.
inroot() {
	if [ "$root" = / ]; then
		sh -c "$1"
	else
		chroot "$root" sh -c "$1"
	fi
}

debs=$(ls "$debdir"/pubdb_*.deb "$debdir"/libpub*.deb 2>/dev/null | grep -v -- '-dbgsym_' || true)
[ -n "$debs" ] || fail "no pubdb_*.deb or libpub*.deb in $debdir"

# The packages and the check program go to a scratch folder inside ROOT.
scratch=/tmp/pubdb-deb-check
rm -rf "$root$scratch"
mkdir -p "$root$scratch"
for d in $debs; do
	cp "$d" "$root$scratch/"
done
if [ "$root" != / ] && [ ! -s "$root/etc/resolv.conf" ] && [ -f /etc/resolv.conf ]; then
	cp /etc/resolv.conf "$root/etc/resolv.conf"
fi

inroot "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq &&
	apt-get install -y -qq --no-install-recommends gcc libc6-dev pkgconf man-db \
		$scratch/*.deb >$scratch/apt.log 2>&1" ||
	{ tail -20 "$root$scratch/apt.log" >&2; fail "apt-get install failed"; }
echo "ok: installed $(cd "$root$scratch" && echo *.deb)"

version=$(inroot "dpkg-query -W -f='\${Version}' pubdb")
upstream=${version%%-*}

got=$(inroot "pubdb --version") || fail "pubdb --version failed"
[ "$got" = "pubdb $upstream" ] || fail "pubdb --version says '$got', the package is $version"
echo "ok: $got"

page=$(inroot "man -w pubdb") || fail "man -w pubdb finds no page"
echo "ok: man -w pubdb: $page"

pc=$(inroot "pkg-config --modversion libpub") || fail "pkg-config knows no libpub"
[ "$pc" = "$upstream" ] || fail "pkg-config --modversion libpub says '$pc', the package is $version"
echo "ok: pkg-config --modversion libpub: $pc"

cat >"$root$scratch/check.c" <<'EOF'
/* Built against the installed libpub-dev, run against libpub's package. */
#include <pub.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	pub_db *db = NULL;
	if (argc != 2 || pub_db_open(&db, argv[1], PUB_OPEN_CREATE) < 0) {
		fprintf(stderr, "check: %s\n", pub_error_last());
		return 1;
	}
	printf("libpub %s, schema %d\n", pub_version(), pub_db_schema_version());
	pub_db_free(db);
	return strcmp(pub_version(), PUB_VERSION) != 0;
}
EOF
inroot "cd $scratch && cc -Wall -Werror -o check check.c \$(pkg-config --cflags --libs libpub)" ||
	fail "a C program does not build against libpub"
inroot "ldd $scratch/check" | grep -q 'libpub\.so\.[0-9]' ||
	fail "the C program is not linked against the shared libpub"
out=$(inroot "$scratch/check $scratch/check.sqlite3") || fail "the C program fails: $out"
echo "ok: a C program linked against libpub runs: $out"

inroot "cd $scratch && pubdb --db a.sqlite3 config set owner 'Jane Doe' &&
	pubdb -q --db a.sqlite3 dump -o a.jsonl && pubdb -q --db b.sqlite3 load a.jsonl &&
	pubdb --db b.sqlite3 dump | cmp - a.jsonl" || fail "pubdb dump and load fail"
echo "ok: pubdb dump, load, dump"

rm -rf "$root$scratch"
