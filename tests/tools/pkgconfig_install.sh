#!/bin/sh
# pkgconfig_install.sh BUILD_DIR CC [CFLAGS]: installs the build into a temporary
# prefix, as a packager would (`cmake --install BUILD --prefix X`), and
# builds and runs a tiny program with `pkg-config --cflags --libs libpub`
# from that prefix alone: libpub.pc must name X, not the configured prefix.
set -eu
build=$1
cc=$2
cflags=${3:-} # a sanitizer build's -fsanitize=..., which its library needs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/pre" >/dev/null
pc=$(find "$tmp/pre" -name libpub.pc)
test -n "$pc" || { echo "no libpub.pc installed"; exit 1; }
# move the tree: a relocatable .pc file follows it
mv "$tmp/pre" "$tmp/moved"
pc=$(find "$tmp/moved" -name libpub.pc)
export PKG_CONFIG_PATH=$(dirname "$pc")
flags=$(pkg-config --cflags --libs libpub)
case "$flags" in
*"$tmp/moved"*) ;;
*) echo "libpub.pc does not name the install prefix: $flags"; cat "$pc"; exit 1 ;;
esac
cat >"$tmp/prog.c" <<'PROG'
#include <stdio.h>
#include <string.h>
#include <pub.h>
int main(void)
{
	pub_init();
	printf("%s\n", pub_version());
	return strcmp(pub_version(), PUB_VERSION) != 0;
}
PROG
# shellcheck disable=SC2086 # the flags are words
"$cc" -std=c11 $cflags -o "$tmp/prog" "$tmp/prog.c" $flags
libdir=$(pkg-config --variable=libdir libpub)
LD_LIBRARY_PATH=$libdir "$tmp/prog"
