"""test_promises.py: README promises that no other suite held to (issue 16
item 7): `add --encoding NAME` end to end, as `show --json` gives titles and
authors back (the CJK encodings through iconv(3), GBK's fixture
read with and without `--encoding`), and the `added` / `modified` times of a paper: `modified`
moves on edit, tag and link and stays on reads, `added` never moves.

No test waits for the clock: the times are set to a day in 2000 through
SQLite first, so "changed" means "no longer that day"."""
import json
import os
import unittest

from pubtest import PubTestCase

TITLE = "Caf\u00e9 \u00dcber \u201cquoted\u201d \u20ac\u0160"
AUTHORS = [("J\u00fcrgen", "M\u00fcller"), ("Ana", "\u0160imecek")]
BIB = ("@article{enc1, title={%s}, author={M\u00fcller, J\u00fcrgen and "
       "\u0160imecek, Ana}, year=2020}\n" % TITLE)
# The Latin-1 file holds only what Latin-1 has (no curly quotes, euro, S caron).
LATIN1_TITLE = "Caf\u00e9 \u00dcber na\u00efve \u00bd"
LATIN1_BIB = ("@article{enc2, title={%s}, author={M\u00fcller, J\u00fcrgen}, year=2021}\n"
              % LATIN1_TITLE)
OLD = "2000-01-01T00:00:00Z"


class Encoding(PubTestCase):
    def added(self, name, data, *enc, warn=None):
        path = self.write(name, data, "wb")
        r = self.ok("add", *enc, path)
        if warn:
            self.assertIn(name + ":1:", r.err)
            self.assertIn(warn, r.err)
        else:
            self.assertNotIn("warning", r.err, r)
        return r

    def check(self, key, title, authors):
        p = self.paper(key)
        self.assertEqual(p["title"], title)
        self.assertEqual([(a["given"], a["family"]) for a in p["authors"]], authors)

    def test_windows_1252_with_and_without_encoding(self):
        data = BIB.encode("cp1252")
        self.added("w.bib", data, "--encoding", "windows-1252")
        self.check("enc1", TITLE, AUTHORS)
        self.ok("rm", "enc1")
        # detected: the same values, with the warning naming file and line
        self.added("w2.bib", data, warn="reading the file as Windows-1252")
        self.check("enc1", TITLE, AUTHORS)

    def test_latin1_with_and_without_encoding(self):
        data = LATIN1_BIB.encode("latin-1")
        self.added("l.bib", data, "--encoding", "latin1")
        self.check("enc2", LATIN1_TITLE, [("J\u00fcrgen", "M\u00fcller")])
        self.ok("rm", "enc2")
        self.added("l2.bib", data, warn="Windows-1252")
        self.check("enc2", LATIN1_TITLE, [("J\u00fcrgen", "M\u00fcller")])

    def test_utf16_without_bom_needs_encoding(self):
        for codec, name in (("utf-16-le", "utf-16le"), ("utf-16-be", "utf-16be")):
            data = BIB.encode(codec)
            self.added(name + ".bib", data, "--encoding", name)
            self.check("enc1", TITLE, AUTHORS)
            self.ok("rm", "enc1")
            # without --encoding: detected from the zero bytes, with a warning
            self.added(name + "-2.bib", data, warn="no byte-order mark; reading as " + name.upper())
            self.check("enc1", TITLE, AUTHORS)
            self.ok("rm", "enc1")
        # with a BOM, no warning and no --encoding needed
        self.added("bom.bib", BIB.encode("utf-16"))
        self.check("enc1", TITLE, AUTHORS)

    def test_utf8_named_reads_utf8(self):
        self.added("u.bib", BIB.encode("utf-8"), "--encoding", "utf-8")
        self.check("enc1", TITLE, AUTHORS)

    def test_gbk_needs_encoding(self):
        # fixtures/bibtex/gbk_fallback: the key is 凯撒2013 in GBK
        fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                               "fixtures", "bibtex", "gbk_fallback", "input.bib")
        with open(fixture, "rb") as f:
            data = f.read()
        self.assertEqual(data.decode("gbk").split(",")[0], "@ARTICLE{\u51ef\u6492" "2013")
        # without --encoding: mojibake, and a warning that names the file,
        # the line and column of the first bad byte, what it did, and the way out
        r = self.pub("add", self.write("g.bib", data, "wb"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("g.bib:1:10: not valid UTF-8 (byte 0xBF); reading the file as "
                      "Windows-1252 (if it is in another encoding, name it with "
                      "--encoding, e.g. gbk or iso-8859-15)", r.err)
        self.assertEqual([p["key"] for p in self.papers()], ["\u00bf\u00ad\u00c8\u00f6" "2013"])
        self.ok("rm", "\u00bf\u00ad\u00c8\u00f6" "2013")
        # named: the key, the author and the journal as GBK means them
        for name in ("gbk", "GB18030"):
            self.added(name + ".bib", data, "--encoding", name)
            p = self.paper("\u51ef\u6492" "2013")
            self.assertEqual([(a["given"], a["family"]) for a in p["authors"]],
                             [(None, "\u51ef\u6492")])
            self.assertEqual(p["fields"]["journal"], "\u6d4b\u8bd5\u671f\u520a")
            self.ok("rm", p["key"])

    def test_iconv_encodings_line_ends_and_bad_bytes(self):
        # Shift_JIS and EUC-KR through iconv, CRLF line ends; a byte that is
        # not valid in the named encoding is U+FFFD with a warning at its place
        for codec, name in (("shift_jis", "shift_jis"), ("euc-kr", "EUC-KR"),
                            ("iso-8859-15", "iso-8859-15")):
            title = {"shift_jis": "\u65e5\u672c\u8a9e", "euc-kr": "\ud55c\uad6d\uc5b4",
                     "iso-8859-15": "\u0160\u20ac"}[codec]
            data = ("@misc{k1,\r\n  title = {%s},\r\n  year = 2020}\r\n" % title).encode(codec)
            self.added(name + ".bib", data, "--encoding", name)
            self.assertEqual(self.paper("k1")["title"], title)
            self.ok("rm", "k1")
        data = "@misc{k2,\r\n title = {A\u65e5".encode("shift_jis") + b"\xff\x00B},\r\n year = 2020}\r\n"
        r = self.pub("add", "--encoding", "shift_jis", self.write("bad.bib", data, "wb"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("bad.bib:2:13: byte 0xFF is not valid shift_jis; replaced by U+FFFD", r.err)
        self.assertIn("bad.bib:2:14: NUL characters in the input are dropped", r.err)
        self.assertEqual(self.paper("k2")["title"], "A\u65e5\ufffdB")

    def test_wrong_or_unknown_encoding(self):
        self.ok("init")
        # UTF-16 named for a one-byte file: nothing stored, said why
        r = self.pub("add", "--encoding", "utf-16be", self.write("w.bib", BIB.encode("cp1252"), "wb"))
        self.assertEqual(r.code, 1, r)
        self.assertIn("no BibTeX entries in", r.err)
        self.assertEqual(self.papers(), [])
        r = self.pub("add", "--encoding", "ebcdic", self.write("x.bib", BIB))
        self.assertEqual(r.code, 2, r)
        self.assertIn("unsupported encoding 'ebcdic' (use utf-8, utf-16le, utf-16be, "
                      "latin1, windows-1252, or a name that 'iconv -l' lists, such as "
                      "gbk, gb18030, big5, shift_jis, euc-kr or iso-8859-15)", r.err)
        self.assertEqual(self.papers(), [])


class Timestamps(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("p.bib", BIB + LATIN1_BIB))
        self.sql("UPDATE papers SET added = ?, modified = ?", OLD, OLD)

    def times(self, key):
        return self.sql("SELECT added, modified FROM papers WHERE citekey = ?", key)[0]

    def test_reads_leave_both(self):
        self.ok("show", "enc1")
        self.ok("show", "--json", "enc1")
        self.ok("list")
        self.ok("--json", "list")
        self.ok("search", "Caf\u00e9")
        for fmt in ("--bibtex", "--html", "--markdown", "--json", "--csl-json"):
            self.ok("export", fmt)
        self.ok("export", "--bibtex", "-o", self.dir + "/out.bib")
        self.assertEqual(self.times("enc1"), (OLD, OLD))
        self.assertEqual(self.times("enc2"), (OLD, OLD))

    def changes(self, *cmd):
        self.sql("UPDATE papers SET modified = ?", OLD)
        self.ok(*cmd)
        added, modified = self.times("enc1")
        self.assertEqual(added, OLD, cmd)
        self.assertNotEqual(modified, OLD, cmd)
        self.assertRegex(modified, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertEqual(self.times("enc2"), (OLD, OLD), cmd)  # only that paper

    def test_changes_move_modified_only(self):
        self.changes("edit", "enc1", "venue=ICLR 2025")
        self.changes("edit", "enc1", "title=Another Title")
        self.changes("tag", "enc1", "+Efficient AI")
        self.changes("tag", "enc1", "-Efficient AI")
        self.changes("link", "enc1", "code", "https://github.com/a/b")
        self.changes("link", "--rm", "enc1", "code")


if __name__ == "__main__":
    unittest.main()
