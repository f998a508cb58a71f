#!/usr/bin/env python3
"""needs.py: the outside programs the tests check pubdb's output with, the
Debian package each comes from, and how a test asks for one.

    path = needs.need(self, "chromium")

returns what the test runs (a program's path; for "pybtex", the python3 that
imports pybtex and latexcodec).  When the tool is missing, the test fails
under .ci/run (PUB_REQUIRE_TOOLS=1) with a message naming the Debian package;
elsewhere it is skipped, and the skip is printed on stderr so that it is
seen.  A check that would pass without its tool is no check.

    python3 tests/cli/needs.py [--quiet] [TOOL...]

checks that each tool (default: all) really works (bibtex(1) finds
plain.bst, pybtex imports in the python3 the tests run, chromium answers
--version, ...), prints one line per tool, and exits 1 naming the Debian
packages of whatever does not: .ci/deps --test runs it after installing.
"""
import os
import shutil
import subprocess
import sys

REQUIRED = os.environ.get("PUB_REQUIRE_TOOLS") == "1"
MISSING = "missing tool"  # every skip for a missing tool starts so


def _works(cmd, **kw):
    try:
        return subprocess.run(cmd, capture_output=True, timeout=120, cwd="/", **kw).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _program(*names, probe=("--version",)):
    """The first of NAMES on PATH that answers PROBE with exit 0."""
    def find():
        for n in names:
            p = shutil.which(n)
            if p and (probe is None or _works([p] + list(probe))):
                return p, None
        return None, None
    return find


def _bibtex():
    p = shutil.which("bibtex")
    if not p or not _works([p, "--version"]):
        return None, "texlive-binaries"
    # bibtex(1) without texlive-base runs, but finds no plain.bst and no
    # texmf.cnf: every real use then fails
    if not _works(["kpsewhich", "plain.bst"]):
        return None, "texlive-base"
    return p, None


def _pybtex():
    # Debian's python3-pybtex lives in /usr/bin/python3's dist-packages: a
    # python3 of pyenv or a venv that runs the tests does not see it
    for p in (sys.executable, "/usr/bin/python3"):
        if p and os.path.exists(p) and _works([p, "-c", "import pybtex, latexcodec"]):
            return p, None
    return None, None


def _kramdown():
    ruby = shutil.which("ruby")
    if ruby and _works([ruby, "-e", 'require "kramdown"; require "kramdown-parser-gfm"']):
        return ruby, None
    return None, None


def _ruby_yaml():
    ruby = shutil.which("ruby")
    if ruby and _works([ruby, "-ryaml", "-e", "YAML.safe_load('a: 1')"]):
        return ruby, None
    return None, None


def _pdflatex():
    # pdflatex(1) is texlive-binaries'; without texlive-latex-base it finds
    # no latex.ltx format and no article.cls
    p = shutil.which("pdflatex")
    if not p or not _works([p, "--version"]):
        return None, "texlive-binaries texlive-latex-base"
    if not _works(["kpsewhich", "article.cls"]) or not _works(["kpsewhich", "hyperref.sty"]):
        return None, "texlive-latex-base"
    return p, None


# The JSON Resume schema package the tests validate with, pinned: .ci/deps
# --test installs this version with npm (keep the two in step).
JSONRESUME_SCHEMA = "1.3.1"


def _jsonresume():
    """(node, the package's folder) when @jsonresume/schema at the pinned
    version is installed where `npm root -g` says."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "nodejs npm"
    try:
        root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True,
                              timeout=60, cwd="/").stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None, "npm"
    pkg = os.path.join(root, "@jsonresume", "schema")
    probe = ("const p = require(process.argv[1] + '/package.json');"
             "if (p.version !== process.argv[2]) process.exit(1);"
             "require(process.argv[1]).validate({basics: {name: 'x'}},"
             " (e, ok) => process.exit(e || !ok ? 1 : 0));")
    if not _works([node, "-e", probe, pkg, JSONRESUME_SCHEMA]):
        return None, "nodejs npm (then npm install -g @jsonresume/schema@%s)" % JSONRESUME_SCHEMA
    return (node, pkg), None


def _chattr():
    p = shutil.which("chattr")
    return (p, None) if p else (None, None)


# name: (Debian package(s), finder, what it checks)
TOOLS = {
    "bibtex": ("texlive-binaries texlive-base", _bibtex, "BibTeX values through bibtex(1) and plain.bst"),
    "pybtex": ("python3-pybtex", _pybtex, "BibTeX values through pybtex"),
    "biber": ("biber", _program("biber"), "biblatex files through biber --tool"),
    "pandoc": ("pandoc", _program("pandoc"), "CSL-JSON and Markdown through pandoc"),
    "chromium": ("chromium", _program("chromium", "chromium-browser"), "HTML through Chromium"),
    "kramdown": ("ruby-kramdown ruby-kramdown-parser-gfm", _kramdown, "acad-homepage Markdown through kramdown"),
    "jekyll": ("jekyll", _program("jekyll"), "site files through jekyll build"),
    "hugo": ("hugo", _program("hugo", probe=("version",)), "site files through hugo"),
    "xmllint": ("libxml2-utils", _program("xmllint"), "SVG badges through xmllint"),
    "chattr": ("e2fsprogs", _chattr, "read-only databases (chattr +i)"),
    "pdflatex": ("texlive-latex-base", _pdflatex, "the LaTeX CV through pdflatex"),
    "pdftotext": ("poppler-utils", _program("pdftotext", probe=("-v",)),
                  "the CV's PDF read back (pdftotext, pdftohtml -xml)"),
    "jsonresume": ("nodejs npm", _jsonresume, "the JSON Resume CV through @jsonresume/schema"),
    "man": ("man-db", _program("man"), "the man page"),
    "git": ("git", _program("git"), "the site repository the GitHub Action's script commits to"),
    "ruby-yaml": ("ruby", _ruby_yaml, "action.yml through Ruby's YAML"),
    "valgrind": ("valgrind", _program("valgrind"), "memory errors (.ci/run)"),
}

_found = {}


def find(name):
    """(what to run, None) or (None, the Debian package that is missing)."""
    if name not in _found:
        pkg, finder, _ = TOOLS[name]
        got, which_pkg = finder()
        _found[name] = (got, None) if got else (None, which_pkg or pkg)
    return _found[name]


def message(name, pkg):
    return "%s: %s (Debian package %s; .ci/deps --test installs it)" % (MISSING, name, pkg)


def need(test, name):
    """What to run for tool NAME; fails or skips TEST when it is missing."""
    got, pkg = find(name)
    if got:
        return got
    msg = message(name, pkg)
    if REQUIRED:
        test.fail(msg)
    print("SKIP %s: %s" % (test.id(), msg), file=sys.stderr)
    test.skipTest(msg)
    return None


def missing_or_exit(name):
    """For scripts (not unittest): exits 1 under PUB_REQUIRE_TOOLS, 77 (a
    ctest skip) elsewhere, with the message, when NAME is missing."""
    got, pkg = find(name)
    if got:
        return got
    print(message(name, pkg), file=sys.stderr)
    sys.exit(1 if REQUIRED else 77)


def main(argv):
    quiet = "--quiet" in argv
    names = [a for a in argv if not a.startswith("-")] or list(TOOLS)
    unknown = [n for n in names if n not in TOOLS]
    if unknown:
        print("needs.py: unknown tool %s (known: %s)" % (", ".join(unknown), ", ".join(TOOLS)),
              file=sys.stderr)
        return 2
    bad = []
    for n in names:
        got, pkg = find(n)
        if got and not quiet:
            print("ok      %-9s %s" % (n, got))
        elif not got:
            print("MISSING %-9s install Debian package %s (%s)" % (n, pkg, TOOLS[n][2]))
            bad.append(pkg)
    if bad:
        print("needs.py: missing Debian package(s): %s" % " ".join(bad), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
