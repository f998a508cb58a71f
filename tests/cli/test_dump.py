"""test_dump.py: the database as text (`pubdb dump`, `pubdb load`, issue 25):
dump -> load -> dump is byte-identical on the demo database (built by
tests/tools/demo_commands.sh against the replay server) and on one with a
row in every table, and the loaded database exports the same; a malformed
line is one error naming FILE:LINE, exit 1, and leaves no database; an
existing database is refused without --force and replaced with it; secrets
are never dumped; a dump of schema 4 (written here by a reference dumper
that follows docs/dump.md on a schema-4 database) loads into the same
database that migrating the schema-4 database gives."""
import json
import re
import os
import sqlite3
import tempfile
import time
import unittest

from pubtest import FIXTURES, PubTestCase, Replay, demo_database, dump_db



def tables(path):
    """Every table of the schema but the search index's, with its row count."""
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
            "'sqlite_%' AND name NOT LIKE 'papers_fts%' ORDER BY name")]
        return {n: con.execute('SELECT count(*) FROM "%s"' % n).fetchone()[0] for n in names}
    finally:
        con.close()


class DumpCase(PubTestCase):
    def round_trip(self, db):
        """dump db, load it into a new file, dump that: the same bytes.
        Returns the dump and the loaded database's path."""
        one = self.ok("dump", db=db).out
        path = self.write("dump.jsonl", one)
        back = os.path.join(self.dir, "back-%d.sqlite3" % len(os.listdir(self.dir)))
        r = self.ok("load", path, db=back)
        self.assertIn("loaded %d records" % (len(one.splitlines()) - 1), r.err)
        two = self.ok("dump", db=back).out
        self.assertEqual(one, two)
        return one, back


class DemoDumpTest(DumpCase):
    """The demo database: the README's tutorial through the replay server."""

    @classmethod
    def setUpClass(cls):
        cls.dbtmp = tempfile.TemporaryDirectory()
        cls.srv = Replay(cls.dbtmp.name)
        cls.demo_db, _ = demo_database(cls.dbtmp.name, cls.srv.url)

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()
        cls.dbtmp.cleanup()

    def test_round_trip_is_byte_identical(self):
        t0 = time.monotonic()
        one, back = self.round_trip(self.demo_db)
        print("demo database: dump of %d bytes, %d lines; round trip %.2f s" %
              (len(one.encode()), len(one.splitlines()), time.monotonic() - t0))
        self.assertTrue(one.startswith('{"pubdb_dump": 1, "schema": 6}\n'))
        for line in one.splitlines():
            json.loads(line)
        self.assertEqual(tables(self.demo_db), tables(back))
        self.ok("doctor", db=back)

    def test_the_loaded_database_exports_the_same(self):
        _, back = self.round_trip(self.demo_db)
        for args in (["export", "--bibtex"], ["export", "--html"], ["list", "--json"],
                     ["export", "--style", "acad-homepage", "--repos", "--static-stars"],
                     ["stars", "--json"], ["news", "--json"], ["stats", "--json"],
                     ["search", "video"], ["show", "--json", "zhao2024realtime"]):
            one, two = self.ok(*args, db=self.demo_db).out, self.ok(*args, db=back).out
            if args[0] == "news":  # item ids are rowids: a load numbers them anew
                one, two = (re.sub(r'"id": \d+', '"id": N', t) for t in (one, two))
            self.assertEqual(one, two, args)

    def test_dump_is_stable_and_diffs_by_line(self):
        one = self.ok("dump", db=self.demo_db).out
        self.assertEqual(one, self.ok("dump", db=self.demo_db).out)
        # one record per line, members in a fixed order, "t" first
        for line in one.splitlines()[1:]:
            self.assertTrue(line.startswith('{"t":"'), line)
        # no ids but the news items' (`news edit ID`), each line's last member
        for line in one.splitlines()[1:]:
            if line.startswith('{"t":"events",'):
                self.assertRegex(line, r',"id":\d+\}$')
            else:
                self.assertNotIn('"id":', line)


# Rows for the tables `add`, `tag`, `link` and `repo` leave empty.
FILL = """
INSERT INTO settings(key, value) VALUES ('github_token', 'ghp_secret'),
  ('arxiv_last_request', '2026-12-01T00:00:00Z');
INSERT INTO venues(tag, name, kind) VALUES ('PPoPP', 'Principles and Practice of Parallel Programming', 'conference');
UPDATE papers SET venue = 'PPoPP 2024', venue_id = 1, venue_source = 'user', short = 'FF'
  WHERE citekey = 'cheng2024';
INSERT INTO star_history(repo_id, day, stars) VALUES (1, '2026-11-30', 1200), (1, '2026-12-01', 1234);
INSERT INTO citations(paper_id, source, count, checked) VALUES (1, 'openalex', 10, '2026-12-01T04:00:00Z');
INSERT INTO citation_history(paper_id, source, day, count) VALUES (1, 'openalex', '2026-12-01', 10);
INSERT INTO events(day, recorded, kind, paper_id, value, source)
  VALUES ('2024-03-02', '2026-12-01T04:00:00Z', 'venue', 1, 'PPoPP 2024', 'edit');
INSERT INTO inbox(added, source, title, year, doi, title_key, work_json) VALUES
  ('2026-12-01T04:00:00Z', 'orcid', 'A new paper', 2025, '10.5/new', 'a new paper', '{"title":"A new paper"}');
INSERT INTO inbox_rejected(kind, value, rejected) VALUES ('doi', '10.5/old', '2026-12-01T04:00:00Z');
INSERT INTO links_removed(paper_id, kind, url) VALUES (1, 'code', 'https://github.com/old/repo');
INSERT INTO link_lookups(paper_id, checked) VALUES (1, '2026-12-01T04:00:00Z');
INSERT INTO venue_lookups(paper_id, checked, candidates) VALUES
  (2, '2026-12-01T04:00:00Z', '[{"venue":"ICLR 2025","dblp":"conf/iclr/X"}]');
INSERT INTO decisions(paper_id, status, venue, tier, day, source, ref, checked) VALUES
  (2, 'accepted', 'ICLR 2025', 'Spotlight', '2025-01-22', 'openreview', 'abc', '2026-12-01T04:00:00Z');
"""

BIB = r"""@preamble{"\newcommand{\noopsort}[1]{}"}
@article{cheng2024,
  title = {FastFold: Optimizing {AlphaFold} Training and Inference on {GPU} Clusters},
  author = {Cheng, Shenggan and Zhao, Xuanlei and L{\"u}, Guangyang},
  year = 2024, journal = {PPoPP}, doi = {10.1145/3627535.3638465},
}
@inproceedings{fastfold-dup,
  title = {Another record of it}, author = {Cheng, Shenggan}, year = 2024,
  doi = {10.1145/3627535.3638465}, note = {merged},
}
@misc{zhao2024,
  title = {Real-Time Video Generation}, author = {Zhao, Xuanlei and You, Yang},
  year = 2024, eprint = {2408.12588}, archiveprefix = {arXiv},
}
"""


class FilledDumpTest(DumpCase):
    def filled(self):
        """self.db with a row in every table of the schema."""
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.ok("add", self.write("a.bib", BIB))
        self.ok("tag", "cheng2024", "+AI for Science", "+Systems")
        self.ok("edit", "zhao2024", "equal=1,2", "selected=1")
        self.ok("link", "cheng2024", "code", "https://github.com/hpcaitech/FastFold")
        self.ok("link", "cheng2024", "blog", "https://example.org/ff")
        self.ok("repo", "add", "https://github.com/hpcaitech/ColossalAI")
        con = sqlite3.connect(self.db)
        con.executescript(FILL)
        con.commit()
        con.close()
        empty = [t for t, n in tables(self.db).items() if n == 0]
        self.assertEqual(empty, [], "tables the test leaves empty")

    def test_every_table_round_trips(self):
        self.filled()
        one, back = self.round_trip(self.db)
        want = tables(self.db)
        want["settings"] -= 2  # the token and the arXiv pacing stamp
        self.assertEqual(tables(back), want)
        self.assertNotIn("ghp_secret", one)
        self.assertNotIn("arxiv_last_request", one)
        self.ok("doctor", db=back)
        for args in (["export", "--bibtex"], ["list", "--json"], ["citations", "--json"],
                     ["inbox", "--json"], ["search", "Lu"], ["show", "--json", "fastfold-dup"]):
            self.assertEqual(self.ok(*args).out, self.ok(*args, db=back).out, args)
        self.ok("unmerge", "fastfold-dup", db=back)  # the absorbed entry came along

    def test_news_ids_survive_load(self):
        # `news edit ID` / `news rm ID` name the same items after a load,
        # though the dump lists them by day, not by id
        self.filled()
        late = json.loads(self.ok("--json", "news", "add", "2020-01", "Old news").out)["id"]
        one, back = self.round_trip(self.db)
        items = json.loads(self.ok("news", "--json").out)
        self.assertGreater(len(items), 2)
        self.assertEqual(json.loads(self.ok("news", "--json", db=back).out), items)
        self.ok("news", "edit", str(late), "Older news", db=back)
        self.assertIn("Older news", self.ok("news", db=back).out)
        self.ok("news", "rm", str(late), db=back)
        self.assertEqual(len(json.loads(self.ok("news", "--json", db=back).out)), len(items) - 1)
        # a dump written before the ids were kept loads, its items numbered anew
        old = "".join(re.sub(r',"id":\d+\}$', "}", l) for l in one.splitlines(True))
        self.assertNotIn('"id":', old)
        again = os.path.join(self.dir, "old.sqlite3")
        self.ok("load", self.write("old.jsonl", old), db=again)
        self.assertEqual([(i["day"], i["text"]) for i in
                          json.loads(self.ok("news", "--json", db=again).out)],
                         [(i["day"], i["text"]) for i in items])

    def test_output_file_and_stdin(self):
        self.filled()
        out = os.path.join(self.dir, "site", "pubdb.jsonl")
        os.makedirs(os.path.dirname(out))
        r = self.ok("dump", "-o", out)
        self.assertIn("wrote", r.err)
        self.assertEqual(self.ok("-q", "dump", "-o", out).err, "")
        with open(out) as f:
            text = f.read()
        self.assertEqual(text, self.ok("dump").out)
        back = os.path.join(self.dir, "new", "dir", "back.sqlite3")
        self.ok("load", "-", db=back, input=text)
        self.assertEqual(self.ok("dump", db=back).out, text)
        # the default database ($PUBDB_DB) is load's target too
        env_db = os.path.join(self.dir, "env.sqlite3")
        self.assertEqual(self.pub("-q", "load", out, db=None, env={"PUBDB_DB": env_db}).code, 0)
        self.assertEqual(self.ok("dump", db=env_db).out, text)

    def test_malformed_line_names_it_and_leaves_nothing(self):
        self.filled()
        lines = self.ok("dump").out.splitlines(True)
        lines[6] = lines[6][:25] + "\n"
        bad = self.write("bad.jsonl", "".join(lines))
        folder = os.path.join(self.dir, "target")
        os.makedirs(folder)
        target = os.path.join(folder, "pub.sqlite3")
        r = self.pub("load", bad, db=target)
        self.assertEqual(r.code, 1, r)
        self.assertRegex(r.err, r"^pubdb: error: %s:7:\d+: " % bad)
        self.assertEqual(len(r.err.splitlines()), 1, r.err)
        self.assertEqual(os.listdir(folder), [])
        # a record naming what no earlier record stores: the same
        lines = self.ok("dump").out.splitlines(True)
        i = next(i for i, l in enumerate(lines) if '"t":"paper_tags"' in l)
        lines[i] = lines[i].replace('"paper":"cheng2024"', '"paper":"nobody"')
        r = self.pub("load", self.write("bad2.jsonl", "".join(lines)), db=target)
        self.assertEqual(r.code, 1, r)
        self.assertIn("bad2.jsonl:%d: paper_tags record names paper 'nobody'" % (i + 1), r.err)
        self.assertEqual(os.listdir(folder), [])
        # not a dump at all
        r = self.pub("load", self.write("x.bib", BIB), db=target)
        self.assertEqual(r.code, 1, r)
        self.assertIn("x.bib:1:", r.err)
        self.assertEqual(os.listdir(folder), [])
        r = self.pub("load", os.path.join(self.dir, "missing.jsonl"), db=target)
        self.assertEqual(r.code, 1, r)
        self.assertIn("cannot open", r.err)

    def test_existing_database_needs_force(self):
        self.filled()
        text = self.ok("dump").out
        path = self.write("d.jsonl", text)
        other = os.path.join(self.dir, "other.sqlite3")
        self.ok("add", self.write("o.bib", "@misc{only, title={Only}, year=2000}\n"), db=other)
        before = dump_db(other)
        r = self.pub("load", path, db=other)
        self.assertEqual(r.code, 1, r)
        self.assertIn("exists", r.err)
        self.assertIn("--force", r.err)
        self.assertEqual(dump_db(other), before)
        # a bad dump with --force: the old database stays
        r = self.pub("load", "--force", self.write("bad.jsonl", text[:200]), db=other)
        self.assertEqual(r.code, 1, r)
        self.assertEqual(dump_db(other), before)
        os.chmod(other, 0o600)
        self.ok("load", "--force", path, db=other)
        self.assertEqual(self.ok("dump", db=other).out, text)
        self.assertEqual(os.stat(other).st_mode & 0o777, 0o600)
        self.assertEqual(sorted(os.listdir(self.dir)), sorted(
            ["a.bib", "d.jsonl", "o.bib", "bad.jsonl", "other.sqlite3",
             "pub.sqlite3"] + [f for f in os.listdir(self.dir) if f.startswith("pub.sqlite3-")]))

    def test_help_and_usage(self):
        for c in ("dump", "load"):
            h = self.ok("help", c).out
            self.assertEqual(h, self.ok(c, "--help").out)
            self.assertIn("usage: pubdb %s" % c, h)
        r = self.pub("load")
        self.assertEqual(r.code, 2, r)
        r = self.pub("dump", db=os.path.join(self.dir, "none.sqlite3"))
        self.assertEqual(r.code, 1, r)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "none.sqlite3")))


# The reference dumper of docs/dump.md, for a database of schema 4 (which
# had no `pubdb dump`): tables in the dump's order, members in column
# order without ids, references by name, rows by id or primary key.
V4_TABLES = [
    ("settings", "key"), ("venues", "id"), ("papers", "id"), ("authors", "id"),
    ("paper_authors", "paper_id, role, position"), ("aliases", "paper_id, rowid"),
    ("entry_sources", "paper_id, position, id"), ("tags", "id"),
    ("paper_tags", "paper_id, tag_id"), ("repos", "id"), ("links", "paper_id, id"),
    ("star_history", "repo_id, day"), ("preambles", "id"),
]
RENAME = {"citekey": "key", "fields_json": "fields", "venue_id": "venue_tag",
          "paper_id": "paper", "author_id": "author", "tag_id": "tag", "repo_id": "repo"}
REFS = {"venue_id": "SELECT tag FROM venues WHERE id = ?",
        "paper_id": "SELECT citekey FROM papers WHERE id = ?",
        "author_id": "SELECT norm FROM authors WHERE id = ?",
        "tag_id": "SELECT name FROM tags WHERE id = ?",
        "repo_id": "SELECT owner || '/' || name FROM repos WHERE id = ?"}


def reference_dump(path, schema):
    con = sqlite3.connect(path)
    out = [json.dumps({"pubdb_dump": 1, "schema": schema})]  # the header as DESIGN.md writes it
    for table, order in V4_TABLES:
        cols = [r[1] for r in con.execute("PRAGMA table_info(%s)" % table) if r[1] != "id"]
        for row in con.execute("SELECT %s FROM %s ORDER BY %s" % (", ".join(cols), table, order)):
            rec = {"t": table}
            for c, v in zip(cols, row):
                if v is None:
                    continue
                if c in REFS:
                    v = con.execute(REFS[c], (v,)).fetchone()[0]
                elif c == "fields_json":
                    v = json.loads(v)
                rec[RENAME.get(c, c)] = v
            out.append(json.dumps(rec, separators=(",", ":"), ensure_ascii=False))
    con.close()
    return "\n".join(out) + "\n"


class OlderDumpTest(DumpCase):
    def test_schema_4_dump_loads(self):
        v4 = os.path.join(self.dir, "v4.sqlite3")
        con = sqlite3.connect(v4)
        with open(os.path.join(FIXTURES, "schema-v4.sql")) as f:
            con.executescript(f.read())
        stamp = "2026-01-01T00:00:00Z"
        con.executescript("""
            INSERT INTO settings VALUES ('owner', 'Jane Doe');
            INSERT INTO venues(id, tag) VALUES (3, 'ICLR');
            INSERT INTO papers(id, citekey, type, title, year, venue, venue_id, selected, title_key,
              author_key, added, modified, fields_json) VALUES
              (7, 'doe2020', 'article', 'Hello', 2020, 'ICLR 2020', 3, 1, 'hello', 'doe', '%s', '%s',
               '{"title":"Hello","author":"Doe, Jane and Roe, R{\\\\\\"o}","year":"2020"}'),
              (9, 'roe2021', 'misc', 'Second', 2021, NULL, NULL, 0, 'second', 'roe', '%s', '%s',
               '{"title":"Second","author":"Roe, Rick","year":"2021"}');
            INSERT INTO authors(id, name, given, family, norm) VALUES
              (5, 'Jane Doe', 'Jane', 'Doe', 'jane doe'), (2, 'Rick Roe', 'Rick', 'Roe', 'rick roe');
            INSERT INTO paper_authors VALUES (7, 'author', 1, 5, 1, 0), (7, 'author', 2, 2, 1, 0),
              (9, 'author', 1, 2, 0, 0);
            INSERT INTO aliases(paper_id, key) VALUES (7, 'Doe:2020');
            INSERT INTO entry_sources(paper_id, position, key, type, source, fields_json) VALUES
              (7, 0, NULL, 'article', 'a.bib:1', '{"title":"Hello"}');
            INSERT INTO tags(id, name) VALUES (4, 'ML');
            INSERT INTO paper_tags VALUES (7, 4), (9, 4);
            INSERT INTO repos(id, owner, name, stars, status, standalone) VALUES (1, 'org', 'tool', 5, 'ok', 1);
            INSERT INTO links(paper_id, kind, url, repo_id) VALUES (7, 'code', 'https://github.com/org/tool', 1);
            INSERT INTO star_history VALUES (1, '2026-01-01', 5);
            INSERT INTO preambles(text) VALUES ('\\noop');
            INSERT INTO papers_fts(rowid, title, abstract, authors) VALUES
              (7, 'Hello', NULL, 'Jane Doe Rick Roe'), (9, 'Second', NULL, 'Rick Roe');
            PRAGMA user_version = 4;
        """ % (stamp, stamp, stamp, stamp))
        con.commit()
        con.close()
        old = self.write("v4.jsonl", reference_dump(v4, 4))
        loaded = os.path.join(self.dir, "loaded.sqlite3")
        self.ok("load", old, db=loaded)
        # the same database as the one migrating the schema-4 file gives
        self.assertEqual(self.ok("dump", db=loaded).out, self.ok("dump", db=v4).out)
        self.ok("doctor", db=loaded)
        # a dump of a newer schema is refused, naming the versions
        with open(old) as f:
            newer = f.read().replace('"schema": 4', '"schema": 99', 1)
        r = self.pub("load", self.write("v99.jsonl", newer),
                     db=os.path.join(self.dir, "v99.sqlite3"))
        self.assertEqual(r.code, 1, r)
        self.assertIn("schema version 99", r.err)


if __name__ == "__main__":
    unittest.main()
