"""test_cv.py: `export --cv latex` and `export --cv json-resume`, checked by
their consumers: pdflatex (texlive-latex-base alone) compiles the standalone
document and a document that \\input's the fragment, and poppler reads the
PDF back (pdftotext for the text, pdftohtml -xml for the fonts and the
links); the official JSON Resume schema package (@jsonresume/schema, run by
node) validates the JSON Resume document.  The selection options
(--selected, --tag, --since, --citations) and the groupings go through both."""
import json
import os
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET

from needs import need
from pubtest import PubTestCase

BIB = r"""@misc{pab,
  title = {Real-Time Video Generation with Pyramid Attention Broadcast},
  author = {Zhao, Xuanlei and Jin, Xiaolong and Kai Wang and You, Yang},
  year = {2024},
  month = aug,
  eprint = {2408.12588},
  archivePrefix = {arXiv},
}
@inproceedings{fastfold,
  title = {FastFold: Training {AlphaFold} with $O(n^2)$ memory},
  author = {Cheng, Shenggan and Chao, Hsuan-Lei and M{\"u}ller, J{\'e}r{\^o}me},
  booktitle = {Proceedings of the 27th ACM SIGPLAN Symposium on Principles and Practice of Parallel Programming},
  year = {2022},
}
@article{journal,
  title = {G{\"o}del, Escher, Bach in Na{\"i}ve Caf{\'e}s: {\AA}ngstr{\"o}m Stra{\ss}e},
  author = {Doe, Jane and Zhao, Xuanlei},
  journal = {IEEE Transactions on Parallel and Distributed Systems},
  year = {2023},
}
@misc{preprint,
  title = {A Preprint with $\alpha$-Attention},
  author = {Zhao, Xuanlei and Roe, Richard},
  year = {2025},
  eprint = {2501.00001},
  archivePrefix = {arXiv},
}
@phdthesis{thesis,
  title = {A Thesis},
  author = {Zhao, Xuanlei},
  school = {National University of Singapore},
  year = {2019},
}
"""

# A title as the database holds it (Unicode, LaTeX decoded): bare & % # _
# ^ of plain text beside the LaTeX BibTeX left ({AlphaFold}, $O(n^2)$, \{
# \textasciitilde ...), set straight into the database, as a refresh from
# arXiv would; and what the PDF must read back: each LaTeX special of the
# issue (\ & % $ # _ { } ~ ^) as the character itself.
TITLE = (r"FastFold: Training {AlphaFold} with $O(n^2)$ memory & 100% of #1 a_b x^y "
         r"\{braces\} \textasciitilde{} \textbackslash{} \$5")
SPECIALS = "memory & 100% of #1 a_b x^y {braces} ~ \\ $5"
# A tag (plain text: every special escaped) and how it reads back.
TAG = "R&D: 100% #1 a_b x^y {c} ~ \\ $5"

CV_LATEX = ["export", "--cv", "latex"]
CV_JSON = ["export", "--cv", "json-resume"]

VALIDATE = r"""
const fs = require('fs');
const schema = require(process.argv[2]);
const doc = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
schema.validate(doc, (err, valid) => {
  if (err || !valid) {
    console.log(JSON.stringify((err || []).map(e => e.stack)));
    process.exit(1);
  }
  console.log('valid');
});
"""


def norm(s):
    """pdftotext's text, composed (pdflatex builds accents from two glyphs)
    and with its line breaks and hyphenation undone."""
    s = unicodedata.normalize("NFC", s).replace("\u0131\u0308", "\u00ef")  # \\"\\i
    s = re.sub(r"-\n(?=[a-z])", "", s)
    return re.sub(r"\s+", " ", s)


class CvTest(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("a.bib", BIB))
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.ok("config", "set", "owner.aliases", "Hsuan-Lei Chao")
        self.ok("edit", "pab", "venue=ICLR 2025", "equal=1,2", "selected=1")
        self.ok("edit", "journal", "selected=1")
        self.ok("link", "pab", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.ok("link", "fastfold", "blog", "https://example.org/~u/a_b?x=1&y=%41#top")
        self.ok("tag", "pab", "+Video")
        self.ok("tag", "preprint", "+Video")
        self.ok("tag", "fastfold", "+" + TAG)
        self.sql("UPDATE papers SET title = ? WHERE citekey = 'fastfold'", TITLE)

    # ---- helpers ----
    def pdflatex(self, tex_name):
        exe = need(self, "pdflatex")
        p = subprocess.run([exe, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape",
                            tex_name], cwd=self.dir, capture_output=True, timeout=180)
        log = p.stdout.decode("utf-8", "replace")
        self.assertEqual(p.returncode, 0, log[-3000:])
        return os.path.join(self.dir, tex_name[:-4] + ".pdf")

    def pdf_text(self, pdf):
        exe = need(self, "pdftotext")
        p = subprocess.run([exe, "-enc", "UTF-8", pdf, "-"], capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        return norm(p.stdout.decode("utf-8"))

    def pdf_xml(self, pdf):
        """pdftohtml -xml: each text run with its font family, and links."""
        need(self, "pdftotext")
        p = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", pdf],
                           capture_output=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stderr)
        root = ET.fromstring(p.stdout)
        fonts = {f.get("id"): f.get("family") for f in root.iter("fontspec")}
        runs = [("".join(t.itertext()), fonts[t.get("font")]) for t in root.iter("text")]
        links = [a.get("href") for a in root.iter("a")]
        return runs, links

    def standalone_pdf(self, *args):
        self.ok(*(CV_LATEX + ["--standalone", "-o", os.path.join(self.dir, "cv.tex")] + list(args)))
        return self.pdf_text(self.pdflatex("cv.tex"))

    def resume(self, *args):
        node, pkg = need(self, "jsonresume")
        path = os.path.join(self.dir, "resume.json")
        self.ok(*(CV_JSON + ["-o", path] + list(args)))
        script = self.write("validate.js", VALIDATE)
        p = subprocess.run([node, script, pkg, path], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    # ---- LaTeX ----
    def test_standalone_compiles_and_reads_back(self):
        text = self.standalone_pdf()
        # sections by kind, in order, numbered on through all of them
        order = [text.index(h) for h in ("Conference Papers", "Journal Articles",
                                         "Preprints", "Other")]
        self.assertEqual(order, sorted(order), text)
        for n in range(1, 6):
            self.assertIn("[%d]" % n, text)
        self.assertNotIn("[6]", text)
        # the specials and the accents as characters
        self.assertIn(SPECIALS, text)
        self.assertIn("FastFold: Training AlphaFold with", text)
        self.assertIn("Gödel, Escher, Bach in Naïve Cafés: Ångström Straße", text)
        self.assertIn("Jérôme Müller", text)
        # the badge and the full venue name; a badge without a year gets it
        self.assertIn("[ICLR 2025]", text)
        self.assertIn("Proceedings of the 27th ACM SIGPLAN Symposium on Principles and "
                      "Practice of Parallel Programming", text)
        self.assertIn("IEEE Transactions on Parallel and Distributed Systems", text)
        # the equal-contribution mark and its note
        self.assertRegex(text, r"Xiaolong Jin ?\*")
        self.assertIn("Equal contribution", text)
        self.assertIn("[code]", text)
        self.assertIn("[blog]", text)

    def test_owner_bold_and_links(self):
        self.standalone_pdf("--highlight", "Jane Doe")
        runs, links = self.pdf_xml(os.path.join(self.dir, "cv.pdf"))
        bold = {t.strip() for t, f in runs if "CMBX" in f}
        # the owner under each spelling (owner.aliases) and the --highlight person
        self.assertIn("Xuanlei Zhao", bold)
        self.assertIn("Hsuan-Lei Chao", bold)
        self.assertIn("Jane Doe", bold)
        plain = " ".join(t for t, f in runs if "CMBX" not in f)
        self.assertIn("Shenggan Cheng", plain)
        self.assertIn("Richard Roe", plain)
        # \href: the URLs as given, % # ~ _ & kept
        self.assertIn("https://github.com/NUS-HPC-AI-Lab/VideoSys", links)
        self.assertIn("https://example.org/%7Eu/a_b?x=1&y=%41#top", links)
        self.assertIn("https://arxiv.org/abs/2408.12588", links)

    def test_fragment_inputs_into_a_document(self):
        """The default output is a fragment: \\input into a CV document
        whose own \\pubdbme underlines (and one without hyperref)."""
        r = self.ok(*CV_LATEX)
        self.assertNotIn("\\documentclass", r.out)
        self.assertNotIn("\\begin{document}", r.out)
        self.write("pubs.tex", r.out)
        self.write("mycv.tex", "\\documentclass{article}\n\\usepackage{hyperref}\n"
                   "\\newcommand{\\pubdbme}[1]{\\underline{#1}}\n"
                   "\\begin{document}\n\\section*{Curriculum Vitae}\n\\input{pubs}\n"
                   "\\end{document}\n")
        text = self.pdf_text(self.pdflatex("mycv.tex"))
        self.assertIn("Curriculum Vitae", text)
        self.assertIn("Conference Papers", text)
        runs, links = self.pdf_xml(os.path.join(self.dir, "mycv.pdf"))
        self.assertNotIn("Xuanlei Zhao", {t.strip() for t, f in runs if "CMBX" in f})
        self.assertIn("https://github.com/NUS-HPC-AI-Lab/VideoSys", links)
        self.write("plain.tex", "\\documentclass{article}\n\\begin{document}\n"
                   "\\input{pubs}\n\\end{document}\n")
        self.assertIn("[code]", self.pdf_text(self.pdflatex("plain.tex")))

    def test_hostile_titles_compile(self):
        """Titles that are broken or dangerous LaTeX still compile, and run
        nothing: no \\input, no \\write18."""
        hostile = [
            r"\input{/etc/passwd} \write18{touch pwned} \def\x{y}",
            r"Unbalanced {brace and $math and \textbf{bold",
            r"Stray } closers }} and $x^$ and $x^2^3$ and $$",
            r"Tilde ~ and caret ^ and {\"o} and \k{a} and \mathbb{R}",
            "Control \x01 bytes and \u4e2d\u6587 and emoji \U0001F600 and \u0105\u00f0\u00ab\u0111",
        ]
        for i, t in enumerate(hostile):
            self.ok("add", self.write("h%d.bib" % i, "@misc{h%d, title = {x}, year = {2020}}\n" % i))
            self.sql("UPDATE papers SET title = ? WHERE citekey = ?", t, "h%d" % i)
        text = self.standalone_pdf()
        self.assertIn("Unbalanced brace and", text)
        self.assertNotIn("root:", text)
        self.assertFalse(os.path.exists(os.path.join(self.dir, "pwned")))

    def test_group_by_year_and_tag(self):
        text = self.standalone_pdf("--group-by", "year")
        years = [text.index(y) for y in ("2025", "2023", "2022", "2019")]
        self.assertEqual(years, sorted(years))
        self.assertNotIn("Conference Papers", text)
        text = self.standalone_pdf("--tag", "Video", "--group-by", "tag")
        self.assertIn("Video", text)
        self.assertIn("Real-Time Video Generation", text)
        self.assertNotIn("A Thesis", text)
        # a tag is plain text: each special escaped, read back as itself
        text = self.standalone_pdf("--group-by", "tag")
        self.assertIn(TAG, text)
        # so is the --title of the document
        self.assertIn("CV of " + TAG, self.standalone_pdf("--title", "CV of " + TAG))

    def test_selection_options(self):
        text = self.standalone_pdf("--selected")
        self.assertIn("Real-Time Video Generation", text)
        self.assertIn("Gödel", text)
        self.assertNotIn("A Thesis", text)
        self.assertNotIn("FastFold", text)
        # --since: the venue's year (ICLR 2025 for a 2024 preprint) counts
        text = self.standalone_pdf("--since", "2024")
        self.assertIn("Real-Time Video Generation", text)
        self.assertIn("A Preprint with", text)
        self.assertNotIn("Gödel", text)
        self.assertNotIn("[3]", text)
        self.sql("INSERT INTO citations(paper_id, source, count, checked) SELECT id, "
                 "'semanticscholar', 1234, '2026-12-01T00:00:00Z' FROM papers "
                 "WHERE citekey = 'pab'")
        self.assertIn("cited by 1,234", self.standalone_pdf("--citations"))
        self.assertNotIn("cited by", self.standalone_pdf())
        doc = self.resume("--citations", "--selected")
        self.assertIn("Cited by 1,234.", doc["publications"][0]["summary"])

    # ---- JSON Resume ----
    def test_json_resume_validates(self):
        doc = self.resume()
        self.assertEqual(doc["basics"]["name"], "Xuanlei Zhao")
        pubs = {p["name"]: p for p in doc["publications"]}
        self.assertEqual(len(pubs), 5)
        pab = pubs["Real-Time Video Generation with Pyramid Attention Broadcast"]
        self.assertEqual(pab["publisher"], "ICLR 2025")
        self.assertEqual(pab["releaseDate"], "2025")
        self.assertEqual(pab["url"], "https://arxiv.org/abs/2408.12588")
        self.assertEqual(pab["summary"], "Xuanlei Zhao*, Xiaolong Jin*, Kai Wang, Yang You")
        pre = pubs["A Preprint with α-Attention"]
        self.assertEqual(pre["releaseDate"], "2025")
        ff = [p for n, p in pubs.items() if n.startswith("FastFold")][0]
        self.assertIn("memory & 100% of #1 a_b x^y {braces} ~ \\ $5", ff["name"])
        self.assertEqual(ff["publisher"], "Proceedings of the 27th ACM SIGPLAN Symposium on "
                         "Principles and Practice of Parallel Programming")
        self.assertIn("Jérôme Müller", ff["summary"])
        # the order of the LaTeX CV: conference, journal, preprint, other
        self.assertEqual([p["name"][:8] for p in doc["publications"]],
                         ["Real-Tim", "FastFold", "Gödel, E", "A Prepri", "A Thesis"])

    def test_json_resume_selection(self):
        names = [p["name"] for p in self.resume("--selected")["publications"]]
        self.assertEqual(len(names), 2)
        names = [p["name"] for p in self.resume("--since", "2023")["publications"]]
        self.assertEqual(len(names), 3)
        names = [p["name"] for p in self.resume("--tag", "video")["publications"]]
        self.assertEqual(len(names), 2)
        # a paper under two tags is one item
        self.ok("tag", "pab", "+Efficient")
        names = [p["name"] for p in self.resume("--group-by", "tag")["publications"]]
        self.assertEqual(len(names), len(set(names)))

    def test_schema_rejects_a_broken_document(self):
        """The validator is no rubber stamp: a date that is not ISO 8601
        and a URL that is none fail."""
        node, pkg = need(self, "jsonresume")
        bad = self.write("bad.json", json.dumps({"basics": {"name": "x"}, "publications": [
            {"name": "t", "releaseDate": "Aug 2024", "url": "not a url"}]}))
        script = self.write("validate.js", VALIDATE)
        p = subprocess.run([node, script, pkg, bad], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("releaseDate", p.stdout)

    # ---- the command line ----
    def test_cli_errors_and_help(self):
        before = self.sql("SELECT * FROM papers")
        for args, msg in (
                (["--cv", "pdf"], "--cv takes latex or json-resume"),
                (CV_LATEX[1:] + ["--since", "20"], "--since takes a year"),
                (CV_LATEX[1:] + ["--since", "2020x"], "--since takes a year"),
                # the library's one check of what goes with what names the option
                (["--html", "--since", "2020"],
                 "'since' does not go with HTML (it goes with the LaTeX CV, the JSON Resume CV)"),
                (["--html"] + CV_LATEX[1:], "give one format"),
                (["--bibtex", "--citations"], "'citations' does not go with BibTeX")):
            r = self.pub("export", *args)
            self.assertEqual(r.code, 2, (args, r))
            self.assertIn(msg, r.err.splitlines()[0])
        self.assertEqual(self.sql("SELECT * FROM papers"), before)
        help_text = self.ok("export", "--help").out + self.ok("export", "--help").err
        self.assertIn("--cv", help_text)
        self.assertIn("latex|json-resume", help_text)
        self.assertIn("--since", help_text)
