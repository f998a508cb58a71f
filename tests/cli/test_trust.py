"""test_trust.py: issue 12's promises of trust that the command line keeps:
files written as users expect (modes, symlinks), every change reversible
and every typo caught, and the smaller items (doctor, rendering, --title)."""
import json
import os
import sqlite3
import stat
import unittest
import xml.etree.ElementTree as ET

from pubtest import PubTestCase

PAPERS = """@inproceedings{zhao2024, title={Real-Time Video Generation},
  author={Zhao, Xuanlei and You, Yang}, year=2024, booktitle={ICLR}}
@article{li2023, title={Fast Attention}, author={Li, Shenggui}, year=2023, journal={JMLR}}
@misc{wang2022, title={Old Note}, author={Wang, Kai}, year=2022}
"""


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class TrustCase(PubTestCase):
    def setUp(self):
        super().setUp()
        self.old_umask = os.umask(0o022)
        self.addCleanup(os.umask, self.old_umask)
        self.ok("add", self.write("p.bib", PAPERS))


class FilesAsUsersExpect(TrustCase):
    def test_new_file_follows_umask(self):
        out = os.path.join(self.dir, "pubs.html")
        self.ok("export", "--html", "-o", out)
        self.assertEqual(mode(out), 0o644)

    def test_existing_file_keeps_its_mode(self):
        for m in (0o644, 0o640, 0o600):
            out = self.write("pubs-%o.bib" % m, "old\n")
            os.chmod(out, m)
            self.ok("export", "--bibtex", "-o", out)
            self.assertEqual(mode(out), m)
            with open(out) as f:
                self.assertIn("@inproceedings{zhao2024", f.read())

    def test_symlink_is_written_through(self):
        os.mkdir(os.path.join(self.dir, "site"))
        target = self.write("site/pubs.bib", "old\n")
        os.chmod(target, 0o644)
        link = os.path.join(self.dir, "pubs.bib")
        os.symlink("site/pubs.bib", link)
        self.ok("export", "--bibtex", "-o", link)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.readlink(link), "site/pubs.bib")
        with open(target) as f:
            self.assertIn("@inproceedings{zhao2024", f.read())
        self.assertEqual(mode(target), 0o644)
        # no temporary file left beside the link or the target
        self.assertEqual(sorted(os.listdir(os.path.join(self.dir, "site"))), ["pubs.bib"])

    def test_stars_svg_keeps_mode_and_symlink(self):
        self.ok("repo", "add", "https://github.com/a/b")
        os.mkdir(os.path.join(self.dir, "www"))
        target = self.write("www/stars.svg", "old\n")
        os.chmod(target, 0o664)
        link = os.path.join(self.dir, "stars.svg")
        os.symlink(target, link)
        self.ok("stars", "--svg", link)
        self.assertTrue(os.path.islink(link))
        self.assertEqual(mode(target), 0o664)
        with open(target) as f:
            self.assertIn("<svg", f.read())
        new = os.path.join(self.dir, "new.svg")
        self.ok("stars", "--svg", new)
        self.assertEqual(mode(new), 0o644)

    def test_jekyll_files_follow_umask_and_keep_modes(self):
        out = os.path.join(self.dir, "_pubs")
        os.umask(0o027)
        self.ok("export", "--markdown", "--jekyll", out)
        names = sorted(os.listdir(out))
        self.assertEqual(len(names), 3)
        for n in names:
            self.assertEqual(mode(os.path.join(out, n)), 0o640, n)
        os.chmod(os.path.join(out, names[0]), 0o644)
        # a symlinked page is written through to its target
        real = self.write("real.md", "old\n")
        os.unlink(os.path.join(out, names[1]))
        os.symlink(real, os.path.join(out, names[1]))
        self.ok("export", "--markdown", "--jekyll", out)
        self.assertEqual(mode(os.path.join(out, names[0])), 0o644)
        self.assertTrue(os.path.islink(os.path.join(out, names[1])))
        with open(real) as f:
            self.assertIn("title:", f.read())
        self.assertEqual(sorted(os.listdir(out)), names)


class TyposCaught(TrustCase):
    def keys(self):
        return sorted(p["key"] for p in self.papers())

    def test_rm_of_several_keys_is_all_or_nothing(self):
        r = self.pub("rm", "zhao2024", "missing", "li2023", "nope")
        self.assertEqual(r.code, 1, r)
        self.assertIn("'missing', 'nope'", r.err)
        self.assertEqual(self.keys(), ["li2023", "wang2022", "zhao2024"])
        self.ok("rm", "zhao2024", "li2023")
        self.assertEqual(self.keys(), ["wang2022"])

    def test_config_set_refuses_unknown_settings(self):
        r = self.pub("config", "set", "ownr", "X")
        self.assertEqual(r.code, 2, r)
        self.assertIn("did you mean 'owner'", r.err)
        r = self.pub("config", "set", "arxiv_last_request", "5")
        self.assertEqual(r.code, 2, r)
        self.assertNotIn("arxiv_last_request=", self.ok("config", "list").out)
        for key in ("owner", "email", "citekey_format", "owner.aliases", "owner.dblp",
                    "owner.orcid", "owner.s2"):
            self.ok("config", "set", key, "x")
        self.assertEqual(self.pub("config", "unset", "ownr").code, 2)
        self.ok("config", "unset", "owner.s2")

    def test_edit_warns_about_unknown_fields(self):
        r = self.ok("edit", "wang2022", "yaer=1999")
        self.assertIn("'yaer'", r.err)
        self.assertIn("did you mean 'year'?", r.err)
        # a warning, not a refusal: the field is stored as asked
        self.assertEqual(self.paper("wang2022")["fields"].get("yaer"), "1999")
        for ok in ("year=2021", "Journal=J", "eprint=2408.12588", "venue=ICLR 2025",
                   "selected=1", "shorttitle=T", "urldate=2024-01-01"):
            self.assertNotIn("warning", self.ok("edit", "wang2022", ok).err, ok)

    def test_edit_refuses_unknown_entry_types(self):
        r = self.pub("edit", "wang2022", "type=artcle")
        self.assertEqual(r.code, 2, r)
        self.assertIn("did you mean 'article'?", r.err)
        self.assertIn("--force", r.err)
        self.assertEqual(self.paper("wang2022")["type"], "misc")
        self.ok("edit", "wang2022", "type=Online")
        self.assertEqual(self.paper("wang2022")["type"], "online")
        self.ok("edit", "--force", "wang2022", "type=artcle")
        self.assertEqual(self.paper("wang2022")["type"], "artcle")

    def test_tags_match_regardless_of_case(self):
        self.ok("tag", "zhao2024", "+Efficient Video Generation")
        self.ok("tag", "li2023", "+efficient video GENERATION")
        self.assertEqual(self.paper("li2023")["tags"], ["Efficient Video Generation"])
        keys = [p["key"] for p in self.papers("--tag", "efficient video generation")]
        self.assertEqual(keys, ["zhao2024", "li2023"])
        html = self.ok("export", "--html", "--tag", "efficient video generation").out
        self.assertIn('<h2 class="pub-group">Efficient Video Generation</h2>', html)
        self.assertIn('id="li2023"', html)
        self.ok("tag", "li2023", "-EFFICIENT VIDEO GENERATION")
        self.assertEqual(self.paper("li2023")["tags"], [])

    def test_tag_that_matches_nothing_is_an_error(self):
        self.ok("tag", "zhao2024", "+Efficient Video Generation", "+AI for Science")
        for cmd in (["export", "--html"], ["export", "--bibtex"], ["list"]):
            r = self.pub(*cmd, "--tag", "AI for Science", "--tag", "Efficent Video Generation")
            self.assertEqual(r.code, 1, r)
            self.assertEqual(r.out, "")
            self.assertIn("'Efficent Video Generation'", r.err)
            self.assertIn("'AI for Science', 'Efficient Video Generation'", r.err)
        out = os.path.join(self.dir, "pubs.html")
        r = self.pub("export", "--html", "--tag", "nothing", "-o", out)
        self.assertEqual(r.code, 1, r)
        self.assertFalse(os.path.exists(out))

    def test_repo_rm(self):
        self.ok("repo", "add", "https://github.com/hpcaitech/FastFold")
        self.ok("link", "zhao2024", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.ok("link", "li2023", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys/tree/main")
        repos = lambda: sorted(l.split("\t")[0] for l in self.ok("repo", "list").out.splitlines())
        self.assertEqual(repos(), ["hpcaitech/FastFold"])
        # linked from papers: refused, naming them
        r = self.pub("repo", "rm", "nus-hpc-ai-lab/videosys")
        self.assertEqual(r.code, 1, r)
        self.assertIn("'li2023', 'zhao2024'", r.err)
        self.assertEqual(len(json.loads(self.ok("--json", "stars").out)), 2)
        self.ok("link", "--rm", "zhao2024", "code")
        self.ok("link", "--rm", "li2023", "code")
        self.assertEqual(len(json.loads(self.ok("--json", "stars").out)), 1)
        self.ok("repo", "rm", "hpcaitech/FastFold")
        self.assertEqual(repos(), [])
        self.assertEqual(json.loads(self.ok("--json", "stars").out), [])
        r = self.pub("repo", "rm", "hpcaitech/FastFold")
        self.assertEqual(r.code, 1, r)
        self.assertIn("no repository 'hpcaitech/FastFold'", r.err)
        self.assertEqual(self.pub("repo", "rm", "not a repo").code, 2)

    def test_unknown_command_suggests_the_nearest(self):
        r = self.pub("lst")
        self.assertEqual(r.code, 2, r)
        self.assertIn("did you mean 'list'?", r.err)
        r = self.pub("xyzzy")
        self.assertEqual(r.code, 2, r)
        self.assertNotIn("did you mean", r.err)
        self.assertIn("did you mean 'export'?", self.pub("help", "exprt").err)


class SmallerItems(TrustCase):
    def test_doctor_reports_a_dangling_crossref(self):
        self.ok("add", "-", input="@proceedings{conf99, title={Proc. Conf}, year=1999}\n"
                                  "@inproceedings{part99, title={A Part}, author={Li, Ann}, "
                                  "crossref={Conf99}}\n")
        self.ok("doctor")
        self.ok("rm", "conf99")
        r = self.pub("doctor")
        self.assertEqual(r.code, 1, r)
        self.assertIn("part99", r.out + r.err)
        self.assertIn("crossref = Conf99, which is no paper", r.out + r.err)

    def sql(self, q):
        con = sqlite3.connect(self.db)
        try:
            con.execute(q)
            con.commit()
        finally:
            con.close()

    def test_html_fragment_carries_star_mark_and_italics(self):
        self.ok("link", "zhao2024", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.sql("UPDATE repos SET stars = 2012, status = 'ok'")
        html = self.ok("export", "--html").out
        self.assertNotIn("<style", html)
        self.assertIn('<span class="pub-stars" title="GitHub stars">\u2605 2,012</span>', html)
        self.assertIn('<div class="pub-authors"><em>Xuanlei Zhao, Yang You</em></div>', html)

    def test_title(self):
        page = self.ok("export", "--html", "--standalone", "--title", "Papers & Talks").out
        self.assertIn("<title>Papers &amp; Talks</title>", page)
        self.assertIn("<h1>Papers &amp; Talks</h1>", page)
        md = self.ok("export", "--markdown", "--title", "Selected Publications").out
        self.assertTrue(md.startswith("# Selected Publications\n\n"), md[:80])
        self.assertNotIn("# ", self.ok("export", "--markdown").out.splitlines()[0])
        for args in (["--html"], ["--bibtex"]):
            r = self.pub("export", *args, "--title", "X")
            self.assertEqual(r.code, 2, r)
            # the library's check names the option; the CLI adds the help
            self.assertIn("'title'", r.err)

    def test_html_of_an_empty_selection(self):
        # fwrite(NULL, 1, 0, ...) once: UBSan (PUB_SANITIZE) stopped here
        self.ok("edit", "zhao2024", "selected=0")
        for args in (["--selected"], ["--selected", "--standalone"]):
            r = self.ok("export", "--html", *args)
            self.assertEqual(r.err, "")
        self.assertEqual(self.ok("export", "--html", "--selected").out, "")
        self.assertEqual(self.ok("export", "--markdown", "--selected").out, "")

    def test_stars_svg_legend_fits(self):
        for repo in ("NUS-HPC-AI-Lab/VideoSys", "hpcaitech/ColossalAI-Documentation-Examples",
                     "a/b"):
            self.ok("repo", "add", "https://github.com/" + repo)
        self.sql("UPDATE repos SET stars = 41234, status = 'ok'")
        self.sql("INSERT INTO star_history(repo_id, day, stars) SELECT id, '2026-11-01', 100 "
                 "FROM repos UNION ALL SELECT id, '2026-11-20', 41234 FROM repos")
        for i in range(30):  # more repositories than the old fixed height held
            self.ok("repo", "add", "https://github.com/many/r%d" % i)
        self.sql("INSERT OR IGNORE INTO star_history(repo_id, day, stars) "
                 "SELECT id, '2026-11-20', 5 FROM repos")
        path = os.path.join(self.dir, "stars.svg")
        self.ok("stars", "--svg", path)
        root = ET.parse(path).getroot()
        _, _, width, height = (float(v) for v in root.get("viewBox").split())
        self.assertEqual(float(root.get("width")), width)
        legends = [t for t in root.iter("{http://www.w3.org/2000/svg}text")
                   if t.get("class") == "legend"]
        self.assertEqual(len(legends), 33)
        for t in legends:
            # 12px sans-serif: no character is wider than 7.5px
            right = float(t.get("x")) + 7.5 * len(t.text)
            self.assertLessEqual(right, width, t.text)
            self.assertLessEqual(float(t.get("y")), height, t.text)
        self.assertIn("hpcaitech/ColossalAI-Documentation-Examples (41,234)",
                      [t.text for t in legends])


if __name__ == "__main__":
    unittest.main()
