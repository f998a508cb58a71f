"""test_sitegen.py: the exports site generators and CV styles read, checked
with the programs that read them: biber (biblatex's author+an data
annotations, read back through `biber --tool` as BibLaTeXML), pybtex and
bibtex(1) (al-folio's BibTeX dialect: jekyll-scholar itself is not in
Debian), and hugo building a small site from the Hugo Blox page bundles
(its layouts print the front matter Hugo Blox's templates read)."""
import os
import subprocess
import unittest
import xml.etree.ElementTree as ET

from needs import need
from pubtest import PubTestCase

BLTX = "{http://biblatex-biber.sourceforge.net/biblatexml}"

BIB = r"""@misc{pab,
  title = {Real-Time Video Generation with Pyramid Attention Broadcast},
  author = {Zhao, Xuanlei and Jin, Xiaolong and Kai Wang and You, Yang},
  year = {2024},
  month = aug,
  eprint = {2408.12588},
  archivePrefix = {arXiv},
  abstract = {We present {PAB} \& more.},
  doi = {10.48550/arXiv.2408.12588},
}
@inproceedings{fastfold,
  title = {FastFold: Optimizing {AlphaFold} Training},
  author = {Cheng, Shenggan and Zhao, Xuanlei and {The FastFold Team}},
  booktitle = {Proceedings of PPoPP},
  year = {2024},
}
@article{other,
  title = {Other <Work>},
  author = {Doe, Jane},
  journal = {Journal of Things},
  year = {2020},
}
"""


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


READ = r"""
import json, sys
from pybtex.database import parse_file
out = {}
for key, e in parse_file(sys.argv[1], bib_format="bibtex").entries.items():
    out[key] = {"type": e.type.lower(),
                "fields": {k.lower(): v for k, v in e.fields.items()},
                "last": [" ".join(p.last_names) for p in e.persons.get("author", [])]}
print(json.dumps(out))
"""


class SiteExportTest(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("a.bib", BIB))
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.ok("edit", "pab", "venue=ICLR 2025", "equal=1,2,3", "selected=1")
        self.ok("link", "pab", "code", "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.ok("link", "pab", "blog", "https://oahzxl.github.io/PAB/")
        self.ok("link", "pab", "paper", "https://arxiv.org/abs/2408.12588")
        self.ok("link", "fastfold", "pdf", "https://example.org/fastfold.pdf")
        self.ok("tag", "pab", "+Efficient Video Generation")

    # ---- biblatex: author+an ----
    def test_biblatex_annotations(self):
        out = self.ok("export", "--biblatex").out
        self.assertIn("author+an = {1=highlight,equal;2=equal;3=equal}", out)
        self.assertIn("author+an = {2=highlight}", out)
        self.assertEqual(out.count("author+an"), 2)  # Jane Doe's paper: none
        # an annotation the owner stored is theirs
        self.ok("edit", "other", "author+an=1=student")
        self.assertIn("author+an = {1=student}", self.ok("export", "--biblatex").out)

    def test_biber_reads_the_annotations(self):
        biber = need(self, "biber")
        bib = self.write("cv.bib", self.ok("export", "--biblatex").out)
        r = subprocess.run([biber, "--tool", "--output-format=biblatexml",
                            "--output-file=" + self.dir + "/cv.bltxml", bib],
                           capture_output=True, text=True, cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stdout[-2000:] + r.stderr[-2000:])
        self.assertNotIn("WARN", r.stdout)
        root = ET.parse(self.dir + "/cv.bltxml").getroot()
        got = {}
        for e in root.iter(BLTX + "entry"):
            for a in e.iter(BLTX + "annotation"):
                self.assertEqual(a.get("field"), "author")
                got.setdefault(e.get("id"), {})[a.get("item")] = sorted(a.text.split(","))
        self.assertEqual(got, {"pab": {"1": ["equal", "highlight"], "2": ["equal"],
                                       "3": ["equal"]},
                               "fastfold": {"2": ["highlight"]}})

    # ---- al-folio ----
    def alfolio(self):
        py = need(self, "pybtex")
        text = self.ok("export", "--bibtex", "--dialect", "al-folio").out
        path = self.write("papers.bib", text)
        r = subprocess.run([py, "-c", READ, path], capture_output=True, text=True, cwd="/")
        self.assertEqual(r.returncode, 0, r.stderr[-2000:])
        import json
        return text, json.loads(r.stdout)

    def test_alfolio_fields(self):
        text, entries = self.alfolio()
        self.assertTrue(text.startswith("---\n---\n"))  # as al-folio's papers.bib
        self.assertNotIn("pubdb-", text)
        pab = entries["pab"]
        self.assertEqual(pab["type"], "inproceedings")
        f = pab["fields"]
        self.assertEqual(f["abbr"], "ICLR 2025")
        self.assertEqual(f["booktitle"], "ICLR")
        self.assertEqual(f["year"], "2025")
        self.assertEqual(f["selected"], "true")
        self.assertEqual(f["bibtex_show"], "true")
        self.assertEqual(f["arxiv"], "2408.12588")
        self.assertEqual(f["code"], "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.assertEqual(f["blog"], "https://oahzxl.github.io/PAB/")
        self.assertEqual(f["html"], "https://arxiv.org/abs/2408.12588")
        self.assertEqual(f["abstract"], r"We present {PAB} \& more.")
        self.assertEqual(f["annotation"], "* Equal contribution")
        # bib.liquid strips the marks from author.last and shows them as <sup>
        self.assertEqual(pab["last"], ["Zhao*", "Jin*", "Wang*", "You"])
        ff = entries["fastfold"]
        self.assertEqual(ff["fields"]["pdf"], "https://example.org/fastfold.pdf")
        self.assertNotIn("selected", ff["fields"])
        self.assertNotIn("annotation", ff["fields"])
        self.assertNotIn("abbr", ff["fields"])  # no badge, no arXiv id
        self.assertEqual(ff["last"], ["Cheng", "Zhao", "{The FastFold Team}"])
        self.assertEqual(entries["other"]["fields"]["title"], "Other <Work>")

    def test_alfolio_with_bibtex(self):
        text = self.ok("export", "--bibtex", "--dialect", "al-folio").out
        self.write("papers.bib", text)
        self.write("t.aux", "\\citation{*}\n\\bibdata{papers}\n\\bibstyle{plain}\n")
        bibtex = need(self, "bibtex")
        r = subprocess.run([bibtex, "t"], capture_output=True, text=True, cwd=self.dir)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertNotIn("Warning", r.stdout)
        bbl = read(os.path.join(self.dir, "t.bbl"))
        self.assertIn("Zhao*", bbl)
        self.assertIn("Real-time video generation with pyramid attention broadcast", bbl)

    def test_alfolio_usage(self):
        for args in (["--html", "--dialect", "al-folio"], ["--bibtex", "--dialect", "hugo"]):
            r = self.pub("export", *args)
            self.assertEqual(r.code, 2, r)
            self.assertEqual(r.out, "")

    # ---- Hugo Blox ----
    def test_hugo_bundles(self):
        site = os.path.join(self.dir, "site")
        keep = os.path.join(site, "content", "publication", "mine")
        os.makedirs(keep)
        with open(os.path.join(keep, "index.md"), "w") as f:
            f.write("---\ntitle: kept\n---\n")
        self.ok("export", "--hugo", site)
        pub = os.path.join(site, "content", "publication")
        self.assertEqual(sorted(os.listdir(pub)), ["fastfold", "mine", "other", "pab"])
        self.assertEqual(sorted(os.listdir(os.path.join(pub, "pab"))), ["cite.bib", "index.md"])
        index = read(os.path.join(pub, "pab", "index.md"))
        for line in ('title: "Real-Time Video Generation with Pyramid Attention Broadcast"',
                     '  - "Xuanlei Zhao"', "author_notes:", '  - "Equal contribution"',
                     'date: "2025-01-01T00:00:00Z"', 'publication_types: ["paper-conference"]',
                     'publication_short: "ICLR 2025"', "featured: true",
                     '    arxiv: "2408.12588"', '  - type: "code"',
                     '  - "Efficient Video Generation"'):
            self.assertIn(line + "\n", index)
        cite = read(os.path.join(pub, "pab", "cite.bib"))
        self.assertTrue(cite.startswith("@inproceedings{pab,"), cite)
        self.assertNotIn("pubdb-", cite)
        self.assertEqual(read(os.path.join(keep, "index.md")), "---\ntitle: kept\n---\n")
        # a second export replaces the bundle's two files, keeps the rest
        with open(os.path.join(pub, "pab", "featured.jpg"), "w") as f:
            f.write("img")
        self.ok("edit", "pab", "title=PAB: Real-Time Video Generation")
        self.ok("export", "--hugo", site, "--key", "pab")
        self.assertIn('title: "PAB: Real-Time Video Generation"\n',
                      read(os.path.join(pub, "pab", "index.md")))
        self.assertIn("PAB: Real-Time", read(os.path.join(pub, "pab", "cite.bib")))
        self.assertTrue(os.path.exists(os.path.join(pub, "pab", "featured.jpg")))
        r = self.pub("export", "--hugo", site, "-o", os.path.join(self.dir, "x"))
        self.assertEqual(r.code, 2, r)

    def test_hugo_builds_the_site(self):
        hugo = need(self, "hugo")
        site = os.path.join(self.dir, "site")
        os.makedirs(os.path.join(site, "layouts", "_default"))
        with open(os.path.join(site, "hugo.toml"), "w") as f:
            f.write('baseURL = "http://example.org/"\ntitle = "t"\n'
                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
        # what Hugo Blox's publication templates read, printed plainly
        single = """<h1>{{ .Title }}</h1>
<p class="authors">{{ range $i, $a := .Params.authors }}<span>{{ $a }}{{ with index ($.Params.author_notes | default slice) $i }}<sup>{{ . }}</sup>{{ end }}</span>{{ end }}</p>
<p class="venue">{{ .Params.publication_short }} | {{ .Params.publication }}</p>
<p class="type">{{ index .Params.publication_types 0 }}</p>
<p class="date">{{ .Date.Format "2006-01" }}</p>
<p class="featured">{{ .Params.featured }}</p>
<p class="arxiv">{{ with .Params.hugoblox }}{{ .ids.arxiv }}{{ end }}</p>
<ul>{{ range .Params.links }}<li><a class="{{ .type }}" href="{{ .url }}">{{ .label | default .type }}</a></li>{{ end }}</ul>
<pre>{{ with .Resources.GetMatch "cite.bib" }}{{ .Content }}{{ end }}</pre>
"""
        with open(os.path.join(site, "layouts", "_default", "single.html"), "w") as f:
            f.write(single)
        with open(os.path.join(site, "layouts", "_default", "list.html"), "w") as f:
            f.write("{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>\n"
                    "{{ end }}")
        self.ok("export", "--hugo", site)
        r = subprocess.run([hugo, "--quiet", "-s", site, "-d", os.path.join(self.dir, "pub")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        page = read(os.path.join(self.dir, "pub", "publication", "pab", "index.html"))
        self.assertIn("<h1>Real-Time Video Generation with Pyramid Attention Broadcast</h1>", page)
        self.assertIn("<span>Xuanlei Zhao<sup>Equal contribution</sup></span>"
                      "<span>Xiaolong Jin<sup>Equal contribution</sup></span>"
                      "<span>Kai Wang<sup>Equal contribution</sup></span><span>Yang You</span>",
                      page)
        self.assertIn('<p class="venue">ICLR 2025 | ICLR</p>', page)
        self.assertIn('<p class="type">paper-conference</p>', page)
        self.assertIn('<p class="date">2025-01</p>', page)
        self.assertIn('<p class="featured">true</p>', page)
        self.assertIn('<p class="arxiv">2408.12588</p>', page)
        self.assertIn('<a class="code" href="https://github.com/NUS-HPC-AI-Lab/VideoSys">code</a>',
                      page)
        self.assertIn('<a class="custom" href="https://oahzxl.github.io/PAB/">Blog</a>', page)
        self.assertIn("@inproceedings{pab,", page)
        other = read(os.path.join(self.dir, "pub", "publication", "other", "index.html"))
        self.assertIn("<h1>Other &lt;Work&gt;</h1>", other)
        self.assertIn('<p class="venue">Journal of Things | Journal of Things</p>', other)
        self.assertIn('<p class="type">article-journal</p>', other)
        self.assertIn('<p class="featured">false</p>', other)
        ff = read(os.path.join(self.dir, "pub", "publication", "fastfold", "index.html"))
        self.assertIn("<span>The FastFold Team</span>", ff)
        self.assertIn('<a class="pdf" href="https://example.org/fastfold.pdf">pdf</a>', ff)
        index = read(os.path.join(self.dir, "pub", "publication", "index.html"))
        self.assertEqual(index.count("<a href=\"/publication/"), 3)


if __name__ == "__main__":
    unittest.main()
