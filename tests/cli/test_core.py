"""test_core.py: end-to-end tests of the offline pubdb commands on
temporary databases: init, add FILE/-, list, show, search, edit, rm, tag,
link, repo, config, doctor, export --bibtex/--json, help, exit codes, and
bad input that must leave the database exactly as it was."""
import json
import os
import sqlite3
import subprocess
import threading
import time
import unittest

from needs import need
from pubtest import CORPORA, FIXTURES, PubTestCase, dump_db, run

PAB = """@inproceedings{zhao2024realtime,
  title = {Real-Time Video Generation with Pyramid Attention Broadcast},
  author = {Zhao, Xuanlei and Jin, Xiaolong and Wang, Kai and You, Yang},
  booktitle = {ICLR},
  year = {2025},
  eprint = {2408.12588},
  archivePrefix = {arXiv},
}
"""

NOKEY = """@article{,
  title = {The {GPU} M{\\"u}ller Effect},
  author = {M{\\"u}ller, J{\\"o}rg and Smith, Ann},
  journal = {J. Tests},
  year = 2021,
}
@article{,
  title = {The Other Effect},
  author = {M{\\"u}ller, J{\\"o}rg},
  year = 2021,
}
@misc{,
  title = {A the Of Effect},
  author = {M{\\"u}ller, Hans},
  year = 2021,
}
"""



def table_rows(path, like=None):
    """{table: (columns, sorted rows)} of every table but the full-text
    index; with `like` (an earlier result), only its tables and columns,
    so rows compare across an upgrade that added columns or tables."""
    con = sqlite3.connect(path)
    try:
        if like is None:
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                "name NOT LIKE 'papers_fts%' AND name NOT LIKE 'sqlite_%'")]
            like = {n: ([r[1] for r in con.execute("PRAGMA table_info(%s)" % n)], None)
                    for n in names}
        out = {}
        for name, (cols, _) in like.items():
            rows = con.execute("SELECT %s FROM %s" % (", ".join(cols), name)).fetchall()
            out[name] = (cols, sorted(rows, key=repr))
        return out
    finally:
        con.close()

class TestBasics(PubTestCase):
    def test_init_creates_database_and_folder(self):
        db = os.path.join(self.dir, "deep", "er", "pub.sqlite3")
        r = run("init", db=db)
        self.assertEqual(r.code, 0, r)
        self.assertTrue(os.path.exists(db))
        con = sqlite3.connect(db)
        self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        self.assertGreater(con.execute("PRAGMA user_version").fetchone()[0], 0)
        con.close()

    def test_default_path_follows_environment(self):
        xdg = os.path.join(self.dir, "xdg")
        r = run("init", env={"XDG_DATA_HOME": xdg})
        self.assertEqual(r.code, 0, r)
        self.assertTrue(os.path.exists(os.path.join(xdg, "pubdb", "pubdb.sqlite3")))
        other = os.path.join(self.dir, "env.sqlite3")
        r = run("init", env={"PUBDB_DB": other, "XDG_DATA_HOME": xdg})
        self.assertEqual(r.code, 0, r)
        self.assertTrue(os.path.exists(other))
        home = os.path.join(self.dir, "home")
        os.mkdir(home)
        r = run("init", env={"HOME": home, "XDG_DATA_HOME": ""})
        self.assertEqual(r.code, 0, r)
        self.assertTrue(os.path.exists(os.path.join(home, ".local/share/pubdb/pubdb.sqlite3")))

    def test_add_list_show_export(self):
        f = self.write("pab.bib", PAB)
        r = self.ok("add", f)
        self.assertIn("1 added", r.err)
        r = self.ok("list")
        self.assertIn("zhao2024realtime", r.out)
        self.assertIn("Real-Time Video Generation", r.out)
        p = self.paper("zhao2024realtime")
        self.assertEqual(p["title"], "Real-Time Video Generation with Pyramid Attention Broadcast")
        self.assertEqual(p["year"], 2025)
        self.assertEqual(p["arxiv"], "2408.12588")
        self.assertEqual([a["name"] for a in p["authors"]],
                         ["Xuanlei Zhao", "Xiaolong Jin", "Kai Wang", "Yang You"])
        self.assertEqual(p["authors"][0]["family"], "Zhao")
        bib = self.ok("export", "--bibtex").out
        self.assertIn("@inproceedings{zhao2024realtime,", bib)
        self.assertIn("archiveprefix = {arXiv}", bib)

    def test_add_from_stdin(self):
        r = self.ok("add", "-", input=PAB)
        self.assertEqual(len(self.papers()), 1)

    def test_json_has_stable_keys(self):
        self.ok("add", self.write("pab.bib", PAB))
        p = self.papers()[0]
        for k in ["key", "type", "title", "year", "venue", "arxiv", "arxiv_version", "doi",
                  "authors", "links", "tags", "selected", "abstract", "fields"]:
            self.assertIn(k, p)
        self.assertEqual(p["fields"]["booktitle"], "ICLR")

    def test_generated_keys_and_collisions(self):
        self.ok("add", self.write("nokey.bib", NOKEY))
        keys = sorted(p["key"] for p in self.papers())
        # family of the first author, year, first significant title word
        self.assertEqual(keys, ["muller2021effect", "muller2021gpu", "muller2021other"])

    def test_key_collision_gets_suffix(self):
        self.ok("add", self.write("a.bib", "@misc{k1, title={One}, year=2020}\n"))
        r = self.ok("add", self.write("b.bib", "@misc{k1, title={Two}, year=2021}\n"))
        self.assertIn("taken", r.err)
        self.assertEqual(sorted(p["key"] for p in self.papers()), ["k1", "k1a"])

    def test_citekey_format_is_configurable(self):
        self.ok("config", "set", "citekey_format", "{year}-{author}")
        self.ok("add", self.write("nokey.bib", "@misc{, title={X}, author={Doe, Jane}, year=1999}\n"))
        self.assertEqual(self.papers()[0]["key"], "1999-doe")

    def test_help_for_every_command(self):
        r = run("--help")
        self.assertEqual(r.code, 0)
        commands = [l.split()[0] for l in r.out.split("commands:")[1].splitlines()
                    if l.startswith("  ")]
        self.assertIn("export", commands)
        for c in commands:
            a = run(c, "--help")
            b = run("help", c)
            self.assertEqual(a.code, 0, a)
            self.assertEqual(a.out, b.out)
            self.assertIn("usage: pubdb " + c, a.out)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run("frobnicate").code, 2)
        self.assertEqual(run().code, 2)
        self.assertEqual(self.pub("add").code, 2)
        self.assertEqual(self.pub("add", "--tag").code, 2)
        self.ok("init")
        self.assertEqual(self.pub("export").code, 2)
        self.assertEqual(self.pub("export", "--bibtex", "--group-by", "x").code, 2)

    def test_missing_database_is_an_error(self):
        r = run("list", db=os.path.join(self.dir, "nope", "x.sqlite3"))
        self.assertEqual(r.code, 1)
        self.assertIn("no database", r.err)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "nope")))


class TestMerge(PubTestCase):
    def test_same_paper_twice_merges(self):
        self.ok("add", self.write("a.bib", PAB))
        other = PAB.replace("zhao2024realtime", "pab").replace("  year = {2025},\n",
                                                                 "  year = {2025},\n  note = {Oral},\n")
        r = self.ok("add", self.write("b.bib", other))
        self.assertIn("into 'zhao2024realtime' (", r.out)
        ps = self.papers()
        self.assertEqual(len(ps), 1)
        self.assertEqual(ps[0]["fields"]["note"], "Oral")

    def test_merge_by_arxiv_doi_form(self):
        self.ok("add", self.write("a.bib", PAB))
        r = self.ok("add", self.write("b.bib",
                                      "@misc{x, title={Something else}, doi={10.48550/arXiv.2408.12588}}\n"))
        self.assertIn("into 'zhao2024realtime' (", r.out)
        self.assertEqual(len(self.papers()), 1)

    def test_merge_by_doi_and_title(self):
        self.ok("add", self.write("a.bib", "@article{a, title={On {X}}, author={Doe, J.}, year=2020, doi={10.1/ABC}}\n"))
        r = self.ok("add", self.write("b.bib", "@article{b, title={Other}, doi={https://doi.org/10.1/abc}}\n"))
        self.assertIn("into 'a' (", r.out)
        r = self.ok("add", self.write("c.bib", "@article{c, title={on x}, author={J. Doe}, year=2020}\n"))
        self.assertIn("into 'a' (", r.out)
        self.assertEqual(len(self.papers()), 1)

    def test_merge_never_overwrites(self):
        self.ok("add", self.write("a.bib", "@article{a, title={T}, year=2020, doi={10.1/x}, pages={1--2}}\n"))
        self.ok("add", self.write("b.bib", "@article{b, title={T2}, year=2020, doi={10.1/x}, pages={9}}\n"))
        p = self.paper("a")
        self.assertEqual(p["title"], "T")
        self.assertEqual(p["fields"]["pages"], "1--2")

    def test_same_title_year_first_author_but_other_volume_pages_or_venue_stay_apart(self):
        # README: title, year and first author match, but a different volume,
        # pages or venue says it is another paper; only a5, added later, is
        # a1 again (within one file, two keys are two papers anyway)
        r = self.ok("add", "-", input="""
@article{a1, title={Deep Nets}, author={Smith, John and Doe, Jane}, year=2020, journal={J. Foo}, volume={3}, pages={1--10}}
""")
        self.assertIn("1 added, 0 merged, 0 skipped", r.err)
        for entry in ("@article{a2, title={Deep Nets}, author={Smith, John and Roe, Ray}, year=2020, journal={J. Foo}, volume={4}, pages={1--10}}",
                      "@article{a3, title={Deep Nets}, author={Smith, John}, year=2020, journal={J. Foo}, volume={3}, pages={11--20}}",
                      "@article{a4, title={Deep Nets}, author={Smith, John}, year=2020, journal={J. Bar}, volume={3}, pages={1--10}}"):
            r = self.ok("add", "-", input=entry + "\n")
            self.assertIn("1 added, 0 merged, 0 skipped", r.err)
        r = self.ok("add", "-", input="@article{a5, title={Deep Nets}, author={Smith, John}, year=2020, journal={J. Foo}, volume={3}, pages={1--10}}\n")
        self.assertIn("0 added, 1 merged, 0 skipped", r.err)
        papers = {p["key"]: p for p in self.papers()}
        self.assertEqual(sorted(papers), ["a1", "a2", "a3", "a4"])
        self.assertEqual(papers["a1"]["aliases"], ["a5"])
        self.assertEqual(papers["a2"]["fields"]["volume"], "4")
        self.assertEqual(papers["a3"]["fields"]["pages"], "11--20")
        self.assertEqual(papers["a4"]["fields"]["journal"], "J. Bar")

    def test_no_merge_forces_new_record(self):
        self.ok("add", self.write("a.bib", PAB))
        self.ok("add", "--no-merge", self.write("b.bib", PAB.replace("zhao2024realtime", "again")))
        self.assertEqual(len(self.papers()), 2)
        r = self.ok("doctor")
        self.assertIn("note: duplicate candidates: zhao2024realtime, again share arXiv id 2408.12588", r.out)


class TestAliases(PubTestCase):
    """Merging never loses a key: an absorbed key is an alias everywhere a
    key is taken, and `unmerge` undoes the merge."""
    A = "@article{a, title={On {X}}, author={Doe, Jane}, year=2020, journal={J}}\n"
    B = ("@article{b,\n  title = {On X},\n  author = {Jane Doe},\n  year = 2020,\n"
         "  journal = {J},\n  note = {Oral}\n}\n")

    def merged(self):
        self.ok("add", self.write("a.bib", self.A))
        return self.ok("add", self.write("b.bib", "\n" + self.B))

    def test_message_says_what_why_and_how_to_undo(self):
        r = self.merged()
        self.assertIn("merged 'b' (%s:2) into 'a' (same title, year, first author); "
                      "undo with 'pubdb unmerge b', or import with --no-merge"
                      % os.path.join(self.dir, "b.bib"), r.out)

    def test_one_file_two_keys_are_two_papers(self):
        r = self.ok("add", self.write("ab.bib", self.A + self.B))
        self.assertEqual(sorted(p["key"] for p in self.papers()), ["a", "b"])
        self.assertIn("2 added, 0 merged", r.err)
        # ... unless they share a DOI
        self.ok("add", self.write("cd.bib", "@misc{c, title={C}, doi={10.1/c}}\n"
                                  "@misc{d, title={D}, doi={10.1/C}}\n"))
        self.assertEqual(self.paper("d")["key"], "c")

    def test_an_alias_made_in_a_first_import_is_a_key_for_the_rest_of_it(self):
        # into an empty database the key lookup skips the aliases table
        # only until the first alias is stored
        r = self.ok("add", self.write("cd.bib", "@misc{c, title={C}, doi={10.1/c}}\n"
                                      "@misc{d, title={D}, doi={10.1/C}}\n"
                                      "@misc{d, title={D}, doi={10.1/C}}\n"
                                      "@misc{D, title={E}}\n"))
        self.assertIn("merged 'd' (%s:3) into 'c' (same key)"
                      % os.path.join(self.dir, "cd.bib"), r.out)
        self.assertIn("'D' is taken", r.err)
        self.assertEqual(sorted(p["key"] for p in self.papers()), ["Da", "c"])

    def test_entry_types_veto_the_title_rule(self):
        self.ok("add", self.write("t.bib", "@mastersthesis{m, title={On X}, author={Jane Doe}, "
                                  "year=2020, school={S}}\n"))
        self.ok("add", self.write("r.bib", "@techreport{r, title={On X}, author={Jane Doe}, "
                                  "year=2020, institution={I}}\n"))
        self.assertEqual(sorted(p["key"] for p in self.papers()), ["m", "r"])

    def test_every_command_takes_an_alias(self):
        self.merged()
        p = self.paper("b")
        self.assertEqual((p["key"], p["aliases"]), ("a", ["b"]))
        self.assertEqual(self.paper("a")["aliases"], ["b"])
        self.assertIn("a", self.ok("show", "B").out)
        self.ok("edit", "b", "pages=1--2")
        self.ok("tag", "b", "+t")
        self.ok("link", "b", "code", "https://example.org/x")
        p = self.paper("a")
        self.assertEqual((p["fields"]["pages"], p["tags"]), ("1--2", ["t"]))
        out = json.loads(self.ok("export", "--json", "--key", "b").out)
        self.assertEqual([q["key"] for q in out], ["a"])
        # a new paper does not take the alias
        r = self.ok("add", "--no-merge", self.write("c.bib", "@misc{b, title={New}}\n"))
        self.assertIn("'b' is taken", r.err)
        self.ok("rm", "b")
        self.assertEqual(sorted(q["key"] for q in self.papers()), ["ba"])
        self.assertEqual(self.pub("show", "a").code, 1)

    def test_exports_keep_the_alias_citable(self):
        self.merged()
        bl = self.ok("export", "--biblatex").out
        self.assertIn("ids = {b}", bl)
        bib = self.ok("export", "--bibtex").out
        # the copy under the alias is the entry as it was read
        self.assertIn(self.B.replace("year = 2020", "year = {2020}")
                      .replace("{Oral}\n}", "{Oral},\n  pubdb-alias-of = {a}\n}"), bib)
        # re-imported, the copy is the alias again, not a second paper
        other = os.path.join(self.dir, "other.sqlite3")
        self.ok("add", self.write("exp.bib", bib), db=other)
        self.assertEqual(self.ok("--json", "list", db=other).out.count('"key"'), 1)
        self.assertEqual(json.loads(self.ok("show", "--json", "b", db=other).out)["key"], "a")
        self.assertEqual(self.ok("export", "--bibtex", db=other).out, bib)
        self.ok("unmerge", "b", db=other)  # what the copy said was kept
        bibtex = need(self, "bibtex")
        d = os.path.join(self.dir, "tex")
        os.mkdir(d)
        with open(os.path.join(d, "refs.bib"), "w") as f:
            f.write(bib)
        with open(os.path.join(d, "doc.aux"), "w") as f:
            f.write("\\citation{b}\n\\bibdata{refs}\n\\bibstyle{plain}\n")
        env = dict(os.environ, BIBINPUTS=d + ":")
        r = subprocess.run([bibtex, "-terse", "doc"], cwd=d, env=env,
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        with open(os.path.join(d, "doc.bbl")) as f:
            bbl = f.read()
        self.assertIn("\\bibitem{b}", bbl)
        self.assertIn("Jane Doe.\n\\newblock On x.", bbl)  # its own title, as plain.bst sets it

    def test_unmerge_gives_the_entry_back(self):
        self.merged()
        before = self.paper("a")
        self.assertEqual(before["fields"]["note"], "Oral")
        self.ok("edit", "a", "pages=5--6")  # an edit after the merge stays
        r = self.ok("unmerge", "b")
        self.assertIn("unmerged b", r.err)
        a, b = self.paper("a"), self.paper("b")
        self.assertEqual(a["aliases"], [])
        self.assertNotIn("note", a["fields"])
        self.assertEqual(a["fields"]["pages"], "5--6")
        self.assertEqual(b["key"], "b")
        exp = self.ok("export", "--bibtex", "--key", "b").out
        self.assertEqual(exp, self.B.replace("year = 2020", "year = {2020}"))
        r = self.pub("unmerge", "b")
        self.assertEqual(r.code, 2, r)
        self.assertIn("'b' is a paper's own key", r.err)
        self.assertEqual(self.pub("unmerge", "zz").code, 1)

    def test_no_merge_keeps_both(self):
        self.ok("add", self.write("a.bib", self.A))
        r = self.ok("add", "--no-merge", self.write("b.bib", self.B))
        self.assertNotIn("merged", r.out)
        self.assertEqual(len(self.papers()), 2)


class TestBadInput(PubTestCase):
    BROKEN = """@article{good1, title={Good One}, year=2020}
@article{bad, title="runaway, year=2020}
@article{good2, title={Good Two}, year=2021}
"""

    def setUp(self):
        super().setUp()
        self.ok("add", self.write("seed.bib", PAB))
        self.before = dump_db(self.db)

    def assertUnchanged(self):
        self.assertEqual(dump_db(self.db), self.before)

    def test_default_skips_broken_entry_with_location(self):
        f = self.write("broken.bib", self.BROKEN)
        r = self.ok("add", f)
        self.assertRegex(r.err, r"broken\.bib:2:\d+: ")
        self.assertIn("2 added", r.err)
        self.assertIn("1 skipped", r.err)
        keys = sorted(p["key"] for p in self.papers())
        self.assertEqual(keys, ["good1", "good2", "zhao2024realtime"])

    def test_strict_changes_nothing(self):
        r = self.pub("add", "--strict", self.write("broken.bib", self.BROKEN))
        self.assertEqual(r.code, 1, r)
        self.assertRegex(r.err, r"broken\.bib:2:\d+: ")
        self.assertEqual(len(r.err.strip().splitlines()), 2, r.err)  # error + note
        self.assertUnchanged()

    def test_nothing_importable_is_an_error(self):
        r = self.pub("add", self.write("junk.bib", "this is not bibtex at all\n"))
        self.assertEqual(r.code, 1)
        self.assertIn("no BibTeX entries", r.err)
        r = self.pub("add", self.write("allbad.bib", "@article{x, title={unclosed\n"))
        self.assertEqual(r.code, 1)
        self.assertUnchanged()

    def test_missing_file(self):
        r = self.pub("add", os.path.join(self.dir, "nope.bib"))
        self.assertEqual(r.code, 1)
        self.assertIn("cannot open", r.err)
        self.assertUnchanged()

    def test_deep_braces_and_huge_field(self):
        deep = "@misc{d, title={" + "{" * 10000 + "x" + "}" * 10000 + "}}\n@misc{ok, title={fine}}\n"
        r = self.pub("add", "--strict", self.write("deep.bib", deep))
        self.assertEqual(r.code, 1)
        self.assertIn("deep.bib:1:", r.err)
        self.assertUnchanged()
        big = "@misc{big, title={" + "x" * (10 * 1024 * 1024) + "}}\n"
        self.ok("add", self.write("big.bib", big))
        self.assertEqual(len(self.paper("big")["title"]), 10 * 1024 * 1024)

    def test_invalid_utf8_is_decoded_not_lost(self):
        path = os.path.join(self.dir, "latin.bib")
        with open(path, "wb") as f:
            f.write(b"@misc{l, title={Caf\xe9 cr\xe8me}, year=2001}\n")
        r = self.ok("add", path)
        self.assertIn("1252", r.err)
        self.assertEqual(self.paper("l")["title"], "Caf\u00e9 cr\u00e8me")

    V1_FIELDS = [("author", "Knuth, Donald E."), ("title", "Literate {Programming}"),
                 ("journal", "The Computer Journal"),
                 ("note", "a \"quoted\" \\ back\nslash \u2013 \u00fc"),
                 ("year", "1984")]

    def old_schema_db(self, version):
        """self.db becomes a new file with fixtures/schema-vN.sql applied;
        returns an open connection to fill and a timestamp to use."""
        with open(os.path.join(FIXTURES, "schema-v%d.sql" % version)) as f:
            sql = f.read()
        self.db = os.path.join(self.dir, "v%d.sqlite3" % version)
        con = sqlite3.connect(self.db)
        con.executescript(sql)
        return con, "2026-01-01T00:00:00Z"

    def make_v1_db(self):
        """A database as pubdb 0.1 wrote it (schema 1: one row per field in
        a `fields` table) with two papers, at self.db."""
        con, stamp = self.old_schema_db(1)
        con.execute("INSERT INTO papers(id, citekey, type, title, year, added, modified) "
                    "VALUES (1, 'knuth1984literate', 'article', 'Literate Programming', 1984, ?, ?)",
                    (stamp, stamp))
        con.execute("INSERT INTO papers(id, citekey, type, added, modified) "
                    "VALUES (2, 'empty', 'misc', ?, ?)", (stamp, stamp))
        # positions out of insertion order: the upgrade must follow position
        for pos, (name, value) in reversed(list(enumerate(self.V1_FIELDS, 1))):
            con.execute("INSERT INTO fields VALUES (1, ?, ?, ?)", (name, pos, value))
        con.execute("INSERT INTO papers_fts(rowid, title, abstract, authors) "
                    "VALUES (1, 'Literate Programming', NULL, ''), (2, NULL, NULL, '')")
        con.execute("PRAGMA user_version = 1")
        con.commit()
        con.close()

    def test_version_1_database_is_upgraded(self):
        # Opens, is upgraded in place, and exports the same.
        self.make_v1_db()
        fields = self.V1_FIELDS

        out = self.ok("export", "--bibtex").out
        self.assertLess(out.index("author = "), out.index("journal = "))
        self.assertLess(out.index("journal = "), out.index("note = "))
        self.assertIn("@misc{empty,", out)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        self.assertEqual(con.execute("SELECT type FROM sqlite_master WHERE name = 'fields'")
                         .fetchone()[0], "view")
        self.assertEqual(con.execute("SELECT name, value FROM fields WHERE paper_id = 1 "
                                     "ORDER BY position").fetchall(), fields)
        self.assertEqual(con.execute("SELECT fields_json FROM papers WHERE id = 2").fetchone()[0], "{}")
        con.close()
        self.assertEqual(self.paper("knuth1984literate")["fields"]["note"], fields[3][1])
        self.ok("doctor")
        # and it goes on working: a field edit lands in the JSON
        self.ok("edit", "knuth1984literate", "pages=97--111")
        self.assertEqual(self.paper("knuth1984literate")["fields"]["pages"], "97--111")

    def schema_of(self, path):
        """Every table's columns (name, type, not null, default, key: an
        upgrade's ALTER TABLE ADD COLUMN puts a column last, a fresh
        database where schema.sql has it) and every other object's SQL."""
        con = sqlite3.connect(path)
        try:
            out = []
            for typ, name, tbl, sql in con.execute(
                    "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                    "WHERE name NOT LIKE 'papers_fts%' ORDER BY name").fetchall():
                if typ == "table":
                    cols = sorted(tuple(r[1:]) for r in
                                  con.execute("PRAGMA table_info(%s)" % name))
                    fks = sorted(tuple(r[2:5]) for r in
                                 con.execute("PRAGMA foreign_key_list(%s)" % name))
                    out.append((typ, name, tbl, cols, fks))
                else:
                    out.append((typ, name, tbl, sql))
            return out
        finally:
            con.close()

    def make_v2_db(self):
        """A database as the schema-2 pubdb wrote it (citekey UNIQUE COLLATE
        NOCASE in the table), with authors, links and tags, at self.db."""
        con, stamp = self.old_schema_db(2)
        con.execute("INSERT INTO papers(id, citekey, type, title, year, added, modified, "
                    "fields_json) VALUES (7, 'Knuth1984', 'article', 'Literate Programming', "
                    "1984, ?, ?, ?)", (stamp, stamp, json.dumps(
                        {"author": "Knuth, Donald E.", "title": "Literate Programming",
                         "year": "1984"})))
        con.execute("INSERT INTO authors(id, name, given, family, norm) "
                    "VALUES (3, 'Donald E. Knuth', 'Donald E.', 'Knuth', 'donald e knuth')")
        con.execute("INSERT INTO paper_authors(paper_id, position, author_id, equal) "
                    "VALUES (7, 1, 3, 1)")
        con.execute("INSERT INTO tags(id, name) VALUES (5, 'classic')")
        con.execute("INSERT INTO paper_tags VALUES (7, 5)")
        con.execute("INSERT INTO links(paper_id, kind, url) VALUES (7, 'pdf', 'https://x.org/p.pdf')")
        con.execute("INSERT INTO papers_fts(rowid, title, abstract, authors) "
                    "VALUES (7, 'Literate Programming', NULL, 'Donald E. Knuth')")
        con.execute("PRAGMA user_version = 2")
        con.commit()
        con.close()

    def test_version_2_database_is_upgraded_keeping_every_row(self):
        self.make_v2_db()
        data = table_rows(self.db)
        self.ok("doctor")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        self.assertEqual(con.execute("PRAGMA foreign_key_check").fetchall(), [])
        con.close()
        self.assertEqual(table_rows(self.db, data), data)  # no link, tag or author lost
        ref = os.path.join(self.dir, "ref.sqlite3")
        self.ok("init", db=ref)
        self.assertEqual(self.schema_of(self.db), self.schema_of(ref))
        # keys stay unique regardless of case, and are found in any case
        self.assertEqual(self.paper("knuth1984")["key"], "Knuth1984")
        r = self.pub("edit", "Knuth1984", "key=KNUTH1984")
        self.assertEqual(r.code, 0, r)
        r = self.pub("add", self.write("k.bib", "@misc{knuth1984, title={Other}, year=1999}\n"))
        self.assertEqual(r.code, 0, r)
        self.assertIn("knuth1984a", r.err)
        self.assertEqual(self.paper("KNUTH1984A")["title"], "Other")

    def test_version_3_database_is_upgraded_keeping_every_row(self):
        con, stamp = self.old_schema_db(3)
        con.execute("INSERT INTO papers(id, citekey, type, title, year, doi, added, modified, "
                    "fields_json) VALUES (4, 'Knuth1984', 'article', 'Literate Programming', "
                    "1984, '10.1/lp', ?, ?, ?)", (stamp, stamp, json.dumps(
                        {"author": "Knuth, Donald E.", "title": "Literate Programming",
                         "year": "1984", "doi": "10.1/LP"})))
        con.execute("INSERT INTO authors(id, name, given, family, norm) "
                    "VALUES (3, 'Donald E. Knuth', 'Donald E.', 'Knuth', 'donald e knuth')")
        con.execute("INSERT INTO paper_authors(paper_id, position, author_id) VALUES (4, 1, 3)")
        con.execute("INSERT INTO tags(id, name) VALUES (5, 'classic')")
        con.execute("INSERT INTO paper_tags VALUES (4, 5)")
        con.execute("INSERT INTO links(paper_id, kind, url) VALUES (4, 'pdf', 'https://x.org/p.pdf')")
        con.execute("INSERT INTO papers_fts(rowid, title, abstract, authors) "
                    "VALUES (4, 'Literate Programming', NULL, 'Donald E. Knuth')")
        con.execute("PRAGMA user_version = 3")
        con.commit()
        con.close()
        data = table_rows(self.db)
        self.ok("doctor")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        con.close()
        self.assertEqual(table_rows(self.db, data), data)
        ref = os.path.join(self.dir, "ref.sqlite3")
        self.ok("init", db=ref)
        self.assertEqual(self.schema_of(self.db), self.schema_of(ref))
        # and merges now keep the absorbed key
        r = self.ok("add", self.write("k.bib", "@article{lp, title={Literate programming}, "
                                      "author={Donald E. Knuth}, year=1984, doi={10.1/lp}}\n"))
        self.assertIn("merged 'lp'", r.out)
        self.assertEqual(self.paper("lp")["key"], "Knuth1984")

    def test_version_4_database_is_upgraded_keeping_every_row(self):
        # 4 -> 5 adds columns (venue_source, dblp, repository overrides) and
        # tables; every row stays, the schema equals a new database's, and
        # the new columns work.
        con, stamp = self.old_schema_db(4)
        con.execute("INSERT INTO papers(id, citekey, type, title, year, venue, added, "
                    "modified, fields_json) VALUES (3, 'zhao2024', 'inproceedings', "
                    "'Real-Time Video', 2024, 'ICLR 2025', ?, ?, '{\"title\": \"Real-Time Video\"}')",
                    (stamp, stamp))
        con.execute("INSERT INTO repos(id, owner, name, stars, status) "
                    "VALUES (2, 'NUS-HPC-AI-Lab', 'VideoSys', 2012, 'ok')")
        con.execute("INSERT INTO star_history VALUES (2, '2026-11-30', 2012)")
        con.execute("INSERT INTO links(paper_id, kind, url, repo_id) VALUES "
                    "(3, 'code', 'https://github.com/NUS-HPC-AI-Lab/VideoSys', 2)")
        con.execute("INSERT INTO aliases VALUES (3, 'old-key')")
        con.execute("INSERT INTO papers_fts(rowid, title, abstract, authors) "
                    "VALUES (3, 'Real-Time Video', NULL, '')")
        con.execute("PRAGMA user_version = 4")
        con.commit()
        con.close()
        data = table_rows(self.db)
        self.ok("doctor")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        self.assertEqual(con.execute("SELECT venue_source, dblp FROM papers").fetchall(),
                         [(None, None)])
        self.assertEqual(con.execute("SELECT count(*) FROM events").fetchone()[0], 0)
        con.close()
        self.assertEqual(table_rows(self.db, data), data)
        ref = os.path.join(self.dir, "ref.sqlite3")
        self.ok("init", db=ref)
        self.assertEqual(self.schema_of(self.db), self.schema_of(ref))
        self.assertEqual(self.paper("old-key")["venue"], "ICLR 2025")

    def test_version_5_database_is_upgraded_keeping_every_row(self):
        # 5 -> 6 (the links step): links gain their source (NULL: the
        # user's), the tables of removed links and link lookups come; every
        # row stays and the schema equals a new database's.
        con, stamp = self.old_schema_db(5)
        con.execute("INSERT INTO papers(id, citekey, type, title, year, added, "
                    "modified, fields_json) VALUES (3, 'zhao2024', 'inproceedings', "
                    "'Real-Time Video', 2024, ?, ?, '{\"title\": \"Real-Time Video\"}')",
                    (stamp, stamp))
        con.execute("INSERT INTO repos(id, owner, name, stars, status) "
                    "VALUES (2, 'NUS-HPC-AI-Lab', 'VideoSys', 2012, 'ok')")
        con.execute("INSERT INTO links(paper_id, kind, url, repo_id) VALUES "
                    "(3, 'code', 'https://github.com/NUS-HPC-AI-Lab/VideoSys', 2)")
        con.execute("INSERT INTO papers_fts(rowid, title, abstract, authors) "
                    "VALUES (3, 'Real-Time Video', NULL, '')")
        con.execute("PRAGMA user_version = 5")
        con.commit()
        con.close()
        data = table_rows(self.db)
        self.ok("doctor")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA user_version").fetchone()[0], 6)
        self.assertEqual(con.execute("SELECT source FROM links").fetchall(), [(None,)])
        con.close()
        self.assertEqual(table_rows(self.db, data), data)
        ref = os.path.join(self.dir, "ref.sqlite3")
        self.ok("init", db=ref)
        self.assertEqual(self.schema_of(self.db), self.schema_of(ref))
        # the upgraded database remembers a removal like a new one
        self.ok("link", "--rm", "zhao2024", "code")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("SELECT kind, url FROM links_removed").fetchall(),
                         [("code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")])
        con.close()

    def test_version_1_upgrade_blocked_by_a_lock_changes_nothing(self):
        self.make_v1_db()
        before = dump_db(self.db)
        con = sqlite3.connect(self.db, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")  # cron holds the write lock
        try:
            r = self.pub("list", env={"PUBDB_BUSY_TIMEOUT_MS": "200"})
        finally:
            con.execute("ROLLBACK")
            con.close()
        self.assertEqual(r.code, 1, r)
        self.assertIn("locked", r.err)
        self.assertEqual(len(r.err.strip().splitlines()), 1, r.err)
        self.assertEqual(dump_db(self.db), before)
        # once the lock is gone the upgrade happens
        self.assertEqual([p["key"] for p in self.papers()], ["knuth1984literate", "empty"])

    def test_unreadable_stored_fields(self):
        self.ok("add", self.write("a.bib", "@misc{a, title={A}, year=2001}\n"
                                  "@misc{b, title={B}, year=2002}\n"))
        con = sqlite3.connect(self.db)
        con.execute("UPDATE papers SET fields_json = '{\"title\": 1' WHERE citekey = 'b'")
        con.commit()
        con.close()
        r = self.pub("export", "--bibtex")
        self.assertEqual(r.code, 1, r)
        self.assertIn("corrupt", r.err)
        self.assertIn("'b'", r.err)
        r = self.pub("show", "b")
        self.assertEqual(r.code, 1, r)
        self.assertIn("unreadable fields", r.err)
        r = self.pub("doctor")
        self.assertEqual(r.code, 1, r)
        self.assertIn("fields: paper b has unreadable BibTeX fields", r.out)

    def test_newer_schema_version_refused(self):
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version = 999")
        con.commit()
        con.close()
        before = dump_db(self.db)
        r = self.pub("add", self.write("x.bib", "@misc{n, title={New}}\n"))
        self.assertEqual(r.code, 1)
        self.assertIn("newer", r.err)
        self.assertEqual(dump_db(self.db), before)

    def test_read_only_database(self):
        # root ignores file modes (and CI runs as root): there the file is
        # made immutable (chattr +i), else pubdb runs in a mount namespace
        # where the folder is a read-only bind mount of itself
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        before = dump_db(self.db)
        bib = self.write("x.bib", "@misc{n, title={New}}\n")
        wrap = ()
        if os.geteuid() != 0:
            os.chmod(self.db, 0o444)
            self.addCleanup(os.chmod, self.db, 0o644)
        elif subprocess.run(["chattr", "+i", self.db], stderr=subprocess.DEVNULL).returncode == 0:
            # tearDown (which removes the folder) runs before cleanups
            self.tearDown, td = (lambda: (subprocess.run(["chattr", "-i", self.db]), td())), self.tearDown
        elif subprocess.run(["unshare", "-m", "true"], stderr=subprocess.DEVNULL).returncode == 0:
            wrap = ("unshare", "-m", "--propagation", "unchanged", "sh", "-c",
                    'mp=$(findmnt -n -o TARGET -T "$0") && mount --make-rslave "$mp" && '
                    'mount --bind -o ro "$0" "$0" && exec "$@"', self.dir)
        else:
            self.fail("as root, neither chattr +i nor unshare -m works: cannot make a read-only database")
        r = run("add", bib, db=self.db, outer=wrap)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(r.err, "pubdb: error: database '%s' is read-only (storing a paper)\n"
                         "nothing was stored from '%s'\n" % (self.db, bib), r)
        r = run("edit", "zhao2024realtime", "title=Changed", db=self.db, outer=wrap)
        self.assertEqual(r.code, 1, r)
        self.assertIn("is read-only", r.err)
        r = run("list", "--json", db=self.db, outer=wrap)  # reading still works
        self.assertEqual(r.code, 0, r)
        self.assertEqual([p["key"] for p in json.loads(r.out)], ["zhao2024realtime"])
        self.assertEqual(dump_db(self.db), before)

    def test_corrupt_database(self):
        path = os.path.join(self.dir, "corrupt.sqlite3")
        with open(path, "wb") as f:
            f.write(b"this is not a database" * 100)
        r = run("list", db=path)
        self.assertEqual(r.code, 1)
        self.assertIn("corrupt", r.err)

    def test_locked_database_fails_cleanly(self):
        con = sqlite3.connect(self.db, isolation_level=None, timeout=0)
        con.execute("BEGIN EXCLUSIVE")
        try:
            r = self.pub("add", self.write("x.bib", "@misc{n, title={New}}\n"),
                         env={"PUBDB_BUSY_TIMEOUT_MS": "200"})
        finally:
            con.execute("ROLLBACK")
            con.close()
        self.assertEqual(r.code, 1, r)
        self.assertIn("locked", r.err)
        self.assertEqual(len(r.err.strip().splitlines()), 1 + ("nothing was stored" in r.err), r.err)
        self.assertUnchanged()

    def test_writer_waits_for_a_short_lock(self):
        con = sqlite3.connect(self.db, isolation_level=None, timeout=0, check_same_thread=False)
        con.execute("BEGIN IMMEDIATE")
        t = threading.Timer(0.5, lambda: con.execute("COMMIT"))
        t.start()
        r = self.pub("add", self.write("x.bib", "@misc{n, title={New}}\n"))
        t.join()
        con.close()
        self.assertEqual(r.code, 0, r)

    def test_edit_errors_change_nothing(self):
        for args in (["edit", "zhao2024realtime", "title=New", "year=abc"],
                     ["edit", "zhao2024realtime", "title=New", "equal=1,9"],
                     ["edit", "zhao2024realtime", "selected=maybe"],
                     ["edit", "nope", "title=x"],
                     ["edit", "zhao2024realtime", "noequals"]):
            r = self.pub(*args)
            self.assertNotEqual(r.code, 0, args)
            self.assertEqual(len(r.err.strip().splitlines()), 1, r.err)
            self.assertUnchanged()


class TestEditing(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("pab.bib", PAB))

    def test_edit_fields(self):
        self.ok("edit", "zhao2024realtime", "venue=ICLR 2025", "equal=1,2,3", "selected=1",
                "title=Real-Time {Video} & More", "note=hello")
        p = self.paper("zhao2024realtime")
        self.assertEqual(p["venue"], "ICLR 2025")
        self.assertTrue(p["selected"])
        self.assertEqual([a["equal"] for a in p["authors"]], [True, True, True, False])
        self.assertEqual(p["title"], "Real-Time Video & More")
        self.assertEqual(p["fields"]["note"], "hello")
        bib = self.ok("export", "--bibtex").out
        self.assertIn(r"title = {Real-Time {Video} \& More}", bib)
        # equal flags survive an author-list change of the same length
        self.ok("edit", "zhao2024realtime", "note=")
        self.assertNotIn("note", self.paper("zhao2024realtime")["fields"])
        self.assertTrue(self.paper("zhao2024realtime")["authors"][0]["equal"])

    def test_rekey(self):
        self.ok("edit", "zhao2024realtime", "key=pab")
        self.assertEqual(self.papers()[0]["key"], "pab")
        self.ok("add", self.write("b.bib", "@misc{other, title={Other}}\n"))
        r = self.pub("edit", "pab", "key=other")
        self.assertEqual(r.code, 1)
        self.assertIn("taken", r.err)

    def test_tags_links_and_filters(self):
        self.ok("add", self.write("b.bib", "@misc{b, title={Bee}, year=2020}\n"))
        self.ok("tag", "zhao2024realtime", "+Efficient Video Generation", "+x")
        self.ok("tag", "zhao2024realtime", "-x")
        self.assertEqual(self.paper("zhao2024realtime")["tags"], ["Efficient Video Generation"])
        self.assertEqual([p["key"] for p in self.papers("--tag", "Efficient Video Generation")],
                         ["zhao2024realtime"])
        self.ok("link", "zhao2024realtime", "code",
                "https://github.com/NUS-HPC-AI-Lab/VideoSys/tree/main/x")
        self.ok("link", "zhao2024realtime", "blog", "https://oahzxl.github.io/PAB/")
        links = self.paper("zhao2024realtime")["links"]
        self.assertEqual([l["kind"] for l in links], ["code", "blog"])
        r = self.pub("link", "zhao2024realtime", "code", "javascript:alert(1)")
        self.assertEqual(r.code, 2)
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("select owner, name from repos").fetchall(),
                         [("NUS-HPC-AI-Lab", "VideoSys")])
        con.close()
        self.assertEqual([p["key"] for p in self.papers("--author", "Kai Wang")], ["zhao2024realtime"])
        self.assertEqual([p["key"] for p in self.papers("--selected")], [])

    def test_rm(self):
        self.ok("tag", "zhao2024realtime", "+t")
        self.ok("rm", "zhao2024realtime")
        self.assertEqual(self.papers(), [])
        self.assertEqual(self.pub("rm", "zhao2024realtime").code, 1)
        self.ok("doctor")
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("select count(*) from authors").fetchone()[0], 0)
        self.assertEqual(con.execute("select count(*) from tags").fetchone()[0], 0)
        con.close()

    def test_config_and_owner(self):
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.assertEqual(self.ok("config", "get", "owner").out, "Xuanlei Zhao\n")
        me = [a["me"] for a in self.paper("zhao2024realtime")["authors"]]
        self.assertEqual(me, [True, False, False, False])
        self.assertEqual(self.pub("config", "get", "nothing").code, 1)
        self.ok("config", "unset", "owner")
        self.assertIn("citekey_format", self.ok("config", "--help").out)

    def test_repo_add(self):
        self.ok("repo", "add", "https://github.com/hpcaitech/ColossalAI.git",
                "--description", "Making large AI models cheaper")
        self.ok("repo", "add", "https://www.github.com/hpcaitech/FastFold/")
        out = self.ok("repo", "list").out.splitlines()
        self.assertEqual([l.split("\t")[0] for l in out], ["hpcaitech/ColossalAI", "hpcaitech/FastFold"])
        r = self.pub("repo", "add", "https://gitlab.com/a/b")
        self.assertEqual(r.code, 2)


class TestSearch(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("pab.bib", PAB))
        self.ok("add", self.write("more.bib", """
@article{old, title={FastFold: Optimizing AlphaFold Training}, author={Cheng, Shenggan and Zhao, Xuanlei},
  year=2022, abstract={We accelerate protein structure prediction on {GPU} clusters.}}
@article{mul, title={{\\"U}ber M{\\"u}ller}, author={M{\\"u}ller, J.}, year=2019}
"""))
        self.ok("tag", "old", "+science")

    def keys(self, *q):
        return sorted(p["key"] for p in json.loads(self.ok("search", "--json", *q).out))

    def test_words_filters_and_ranges(self):
        self.assertEqual(self.keys("video"), ["zhao2024realtime"])
        self.assertEqual(self.keys("protein"), ["old"])
        self.assertEqual(self.keys("author:zhao"), ["old", "zhao2024realtime"])
        self.assertEqual(self.keys("author:zhao", "year:2023-2025"), ["zhao2024realtime"])
        self.assertEqual(self.keys("year:2022"), ["old"])
        self.assertEqual(self.keys("tag:science"), ["old"])
        self.assertEqual(self.keys("title:fastfold"), ["old"])
        self.assertEqual(self.keys("Fast*"), ["old"])
        self.assertEqual(self.keys("muller"), ["mul"])  # accents folded
        self.assertEqual(self.keys('"pyramid attention"'), ["zhao2024realtime"])

    def test_fts_syntax_is_text_not_error(self):
        # FTS5 operators are words to match, not syntax: each query finds
        # the paper whose title holds its words, and only that one
        self.ok("-q", "add", "-", input="@misc{syn, title={Near a b: an unbalanced x and or start}, year=2020}\n")
        all_keys = sorted(["mul", "old", "syn", "zhao2024realtime"])
        for q, want in [('NEAR(a b', ["syn"]), ('"unbalanced', ["syn"]), ('a AND OR', ["syn"]),
                        ('^x', ["syn"]), ('^start', ["syn"]), ('unbal*', ["syn"]),
                        ('*', []), ('(', []), ('title:', all_keys)]:
            r = self.pub("search", "--json", q)
            self.assertEqual(r.code, 0, (q, r))
            self.assertEqual(r.err, "", (q, r))
            self.assertEqual(sorted(p["key"] for p in json.loads(r.out)), want, q)

    def test_bad_filters_are_usage_errors(self):
        r = self.pub("search", "year:abc")
        self.assertEqual(r.code, 2)
        self.assertIn("year:abc", r.err)
        r = self.pub("search", "venue:x")
        self.assertEqual(r.code, 2)


class TestExport(PubTestCase):
    def test_ascii_and_filters(self):
        self.ok("add", self.write("u.bib", "@misc{u, title={Caf\u00e9}, author={M\u00fcller, J\u00f6rg}, year=2020}\n"
                                  "@misc{v, title={Other}, year=2019}\n"))
        self.ok("tag", "u", "+t")
        out = self.ok("export", "--bibtex", "--ascii").out
        self.assertIn("Caf{\\'e}", out)
        self.assertTrue(all(ord(c) < 128 for c in out))
        out = self.ok("export", "--bibtex", "--tag", "t").out
        self.assertEqual(out.count("@misc{"), 1)
        self.assertIn("Caf\u00e9", out)

    def test_output_file_is_atomic(self):
        self.ok("add", self.write("u.bib", "@misc{u, title={X}}\n"))
        target = os.path.join(self.dir, "out.bib")
        self.ok("export", "--bibtex", "-o", target)
        self.assertIn("@misc{u,", open(target).read())
        before = sorted(os.listdir(self.dir))
        self.assertEqual([f for f in before if not f.startswith("pub.sqlite3")], ["out.bib", "u.bib"])
        r = self.pub("export", "--bibtex", "-o", os.path.join(self.dir, "no", "dir", "x.bib"))
        self.assertEqual(r.code, 1)
        self.assertIn("no/dir/x.bib", r.err)
        # nothing created, not even the missing folder, and the old file kept
        self.assertEqual(sorted(os.listdir(self.dir)), before)

    def test_stdout_write_error(self):
        self.ok("add", self.write("u.bib", "@misc{u, title={X}}\n"))
        with open("/dev/full", "w") as full:
            r = self.pub("export", "--bibtex", stdout=full)
        self.assertEqual(r.code, 1, r)
        self.assertIn("cannot write", r.err)


class TestCorpora(PubTestCase):
    def test_big_import_counts(self):
        path = os.path.join(CORPORA, "beebe-tugboat.bib")
        r = self.ok("-q", "add", path)
        self.assertEqual(r.out, "")
        # -q silences notes, never problems: only warnings remain.
        for line in r.err.splitlines():
            self.assertTrue(line.startswith("pubdb: warning: "), line)
        con = sqlite3.connect(self.db)
        n = con.execute("select count(*) from papers").fetchone()[0]
        con.close()
        # every entry of the file: 4,846 lines start with "@", 7 of them
        # @string/@preamble/@comment (corpora/README.md says 4,839); none
        # lost, none merged
        self.assertEqual(n, 4839)
        self.ok("doctor")


class TestFirstImport(PubTestCase):
    """A file that `add` creates is filled under a rollback journal and
    handed over in WAL mode; an import into an empty link table builds
    the author index once at its commit.  Neither may show afterwards."""

    SCHEMA_SQL = "select type, name, tbl_name, sql from sqlite_schema order by name"

    def schema(self, path):
        con = sqlite3.connect(path)
        try:
            return con.execute(self.SCHEMA_SQL).fetchall()
        finally:
            con.close()

    def test_new_file_ends_in_wal_with_the_schema_of_init(self):
        ref = os.path.join(self.dir, "ref.sqlite3")
        self.ok("init", db=ref)
        self.ok("-q", "add", os.path.join(CORPORA, "IEEEexample.bib"))
        self.assertFalse(os.path.exists(self.db + "-journal"))
        con = sqlite3.connect(self.db)
        self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        links = con.execute("select count(*) from paper_authors").fetchone()[0]
        plan = " ".join(r[3] for r in con.execute(
            "explain query plan select paper_id from paper_authors where author_id = 1"))
        con.close()
        self.assertGreater(links, 50)
        self.assertIn("paper_authors_author", plan)
        self.assertEqual(self.schema(self.db), self.schema(ref))
        self.ok("doctor")

    def test_strict_failure_in_a_first_import_keeps_the_index(self):
        self.ok("init")
        before = dump_db(self.db)
        bad = ("@article{a1, author={Ann Smith and Bo Li}, title={One}, year=2020}\n"
               "@article{a2, author={Cy Young}, title=\"runaway, year=2020}\n")
        r = self.pub("add", "--strict", self.write("bad.bib", bad))
        self.assertEqual(r.code, 1, r)
        self.assertEqual(dump_db(self.db), before)
        self.assertIn("CREATE INDEX paper_authors_author", before)

    def test_merges_within_a_first_import(self):
        # A first import answers "no such paper" from memory; every way a
        # paper is found must still find the ones stored earlier in it.  In
        # one file, two keys are two entries unless a DOI or an arXiv id
        # says otherwise: p2 is not merged into p1 by its title.
        bib = """@article{p1, author={Ann Smith}, title={Fast Things}, year=2020, journal={J}}
@article{p2, author={Ann Smith}, title={Fast  things}, year=2020, journal={J}, doi={10.1/ABC}}
@article{p3, author={Bo Li}, title={Renamed in print}, year=2021, doi={10.1/abc}}
@misc{P1, title={Fast Things}, author={Ann Smith}, year=2020, journal={J}, doi={10.1/ABC}}
@misc{q1, title={Preprint}, author={Cy Young}, year=2022, eprint={2401.00001v2}}
@misc{q2, title={Published}, author={Cy Young}, year=2023, doi={10.48550/arXiv.2401.00001}}
@misc{P1, title={Other}, year=1999}
"""
        r = self.ok("add", self.write("dups.bib", bib))
        keys = sorted(p["key"] for p in self.papers())
        self.assertEqual(keys, ["P1a", "p1", "p2", "q1"], r.err)
        self.assertEqual(r.out.count("into 'p2' (same DOI)"), 2, r.out)
        self.assertEqual(r.out.count("into 'q1' (same arXiv id)"), 1, r.out)
        self.assertIn("4 added, 3 merged", r.err)
        self.assertEqual(self.paper("p2")["doi"], "10.1/abc")
        self.assertEqual(self.paper("p2")["aliases"], ["p3"])  # P1 names p1 already
        self.assertEqual(self.paper("q2")["key"], "q1")

    def test_second_import_keeps_the_index_in_use(self):
        self.ok("-q", "add", self.write("pab.bib", PAB))
        self.ok("-q", "add", os.path.join(CORPORA, "IEEEexample.bib"))
        r = self.ok("search", "author:zhao")
        self.assertIn("zhao2024realtime", r.out)
        con = sqlite3.connect(self.db)
        n = con.execute("select count(*) from sqlite_schema "
                        "where name = 'paper_authors_author'").fetchone()[0]
        con.close()
        self.assertEqual(n, 1)


if __name__ == "__main__":
    unittest.main()
