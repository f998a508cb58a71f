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
        self.assertEqual(f["abbr"], "ICLR")
        self.assertEqual(f["booktitle"], "ICLR")
        self.assertEqual(f["year"], "2025")
        self.assertEqual(f["selected"], "true")
        self.assertEqual(f["bibtex_show"], "true")
        self.assertEqual(f["arxiv"], "2408.12588")
        self.assertEqual(f["code"], "https://github.com/NUS-HPC-AI-Lab/VideoSys")
        self.assertEqual(f["blog"], "https://oahzxl.github.io/PAB/")
        self.assertNotIn("html", f)  # the arXiv page is bib.liquid's arXiv button
        self.assertEqual(f["pdf"], "https://arxiv.org/pdf/2408.12588")
        self.assertNotIn("month", f)  # arXiv's August is not ICLR 2025's month
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

    # What al-folio's _layouts/bib.liquid does with each field pubdb writes,
    # with its line in al-org-dev/al-folio-core (release 1.0.15, commit
    # fa58be0; al-folio's own copy at 0404ed54 has the same logic without
    # the DOI button).  jekyll-scholar is not in Debian, so each entry is
    # checked against this table instead of rendered.
    BIB_LIQUID = {
        "abbr": (7, "{%- if site.data.venues[entry.abbr] -%}: a _data/venues.yml key, "
                    "so the venue without its year"),
        "month": (181, "entrymonth = entry.month | capitalize, printed before entryyear (198)"),
        "doi": (217, "<a href=\"https://doi.org/{{ entry.doi }}\">DOI</a>"),
        "arxiv": (220, "<a href=\"http://arxiv.org/abs/{{ entry.arxiv }}\">arXiv</a>"),
        "bibtex_show": (225, "the Bib button; the copyable text is entry.bibtex | hideCustomBibtex (399)"),
        "html": (230, "<a href=\"{{ entry.html }}\">HTML</a>"),
        "pdf": (237, "<a href=\"{{ entry.pdf }}\">PDF</a>"),
        "blog": (255, "<a href=\"{{ entry.blog }}\">Blog</a>"),
        "code": (258, "<a href=\"{{ entry.code }}\">Code</a>"),
        "website": (275, "<a href=\"{{ entry.website }}\">Website</a>"),
        "altmetric": (280, "a badge: 'true' takes entry.arxiv, else entry.doi (305-311)"),
        "dimensions": (285, "a badge: 'true' takes entry.doi"),
    }

    def test_alfolio_against_bib_liquid(self):
        self.ok("link", "pab", "project", "https://pab.example/")
        self.ok("edit", "fastfold", "doi=10.1145/3627535.3638465")
        self.ok("link", "fastfold", "paper", "https://dl.acm.org/doi/10.1145/3627535.3638465")
        self.ok("edit", "pab", "comment=ICLR 2025; code at https://github.com/x/y).")
        text, entries = self.alfolio()
        pab, ff = entries["pab"]["fields"], entries["fastfold"]["fields"]
        # abbr (bib.liquid:7): the venues.yml key without the year
        self.assertEqual(pab["abbr"], "ICLR")
        # month (:164): none beside the venue's year (arXiv's is not the venue's)
        self.assertNotIn("month", pab)
        # no button twice: arXiv (:193) and html (:199) not the same page; a
        # DOI page is not repeated either
        buttons = [pab.get(k) for k in ("html", "pdf", "code", "blog", "website")]
        self.assertNotIn("https://arxiv.org/abs/2408.12588", buttons)
        self.assertEqual(len([b for b in buttons if b]), len({b for b in buttons if b}))
        self.assertNotIn("html", ff)
        # pdf (:206) and website (:246) where pubdb knows them
        self.assertEqual(pab["pdf"], "https://arxiv.org/pdf/2408.12588")
        self.assertEqual(pab["website"], "https://pab.example/")
        # the copyable BibTeX (:321) has no arXiv comment
        self.assertNotIn("comment", pab)
        self.assertNotIn("code at https://github.com/x/y)", text)
        # the badges (:280, :285), where the identifier they take is known
        self.assertEqual(pab["altmetric"], "true")
        self.assertEqual(ff["dimensions"], "true")
        self.assertNotIn("dimensions", entries["other"]["fields"])
        # FastFold's DOI (:217) is its button; its ACM page is not a second one (:230)
        self.assertEqual(ff["doi"], "10.1145/3627535.3638465")
        for field in ("abbr", "arxiv", "pdf", "code", "blog", "website", "bibtex_show",
                      "altmetric"):
            self.assertIn(field, pab, self.BIB_LIQUID[field])

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
        keep = os.path.join(site, "content", "publications", "mine")
        os.makedirs(keep)
        with open(os.path.join(keep, "index.md"), "w") as f:
            f.write("---\ntitle: kept\n---\n")
        self.ok("export", "--hugo", site)
        pub = os.path.join(site, "content", "publications")
        self.assertEqual(sorted(os.listdir(pub)), ["_index.md", "fastfold", "mine", "other", "pab"])
        # the section's page, as academic-cv's content/publications/_index.md
        self.assertIn("view: citation\n", read(os.path.join(pub, "_index.md")))
        self.assertEqual(sorted(os.listdir(os.path.join(pub, "pab"))), ["cite.bib", "index.md"])
        index = read(os.path.join(pub, "pab", "index.md"))
        for line in ('title: "Real-Time Video Generation with Pyramid Attention Broadcast"',
                     '  - "me"', '  - "Xiaolong Jin"', "author_notes:", '  - "Equal contribution"',
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
        # no button the theme builds from hugoblox.ids: PAB's arXiv "paper"
        # link is its Preprint button
        self.assertNotIn("https://arxiv.org/abs/2408.12588", index.split("links:")[1])
        # your own _index.md is kept
        with open(os.path.join(pub, "_index.md"), "w") as f:
            f.write("---\ntitle: Papers\n---\n")
        self.ok("export", "--hugo", site)
        self.assertEqual(read(os.path.join(pub, "_index.md")), "---\ntitle: Papers\n---\n")

    def test_hugo_academic_layout(self):
        site = os.path.join(self.dir, "old")
        self.ok("export", "--hugo", site, "--hugo-layout", "academic")
        self.assertEqual(os.listdir(os.path.join(site, "content")), ["publication"])
        index = read(os.path.join(site, "content", "publication", "pab", "index.md"))
        self.assertIn('  - "Xuanlei Zhao"\n', index)
        self.assertIn('    url: "https://arxiv.org/abs/2408.12588"\n', index)
        for args in (["--hugo-layout", "blocks"], ["--bibtex", "--hugo-layout", "academic"]):
            r = self.pub("export", "--hugo", site, *args) if args[0] != "--bibtex" else \
                self.pub("export", *args)
            self.assertEqual(r.code, 2, r)

    def test_hugo_tag_slugs(self):
        # an emoji's variation selector (U+FE0F) would start the slug
        hugo = need(self, "hugo")
        self.ok("tag", "pab", "+\U0001f4fd\ufe0f Efficient Video Generation")
        site = os.path.join(self.dir, "site")
        os.makedirs(os.path.join(site, "layouts", "_default"))
        with open(os.path.join(site, "hugo.toml"), "w") as f:
            f.write('baseURL = "http://example.org/"\ntitle = "t"\n')
        for name in ("single.html", "list.html", "terms.html"):
            with open(os.path.join(site, "layouts", "_default", name), "w") as f:
                f.write("{{ range .Params.tags }}[{{ . | urlize }}]{{ end }}")
        self.ok("export", "--hugo", site)
        r = subprocess.run([hugo, "--quiet", "-s", site, "-d", os.path.join(self.dir, "pub")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        slugs = os.listdir(os.path.join(self.dir, "pub", "tags"))
        self.assertIn("efficient-video-generation", slugs)
        self.assertTrue(all(n.isascii() for n in slugs), slugs)
        page = read(os.path.join(self.dir, "pub", "publications", "pab", "index.html"))
        self.assertIn("[efficient-video-generation]", page)
        self.assertIn("\U0001f4fd Efficient Video Generation",
                      read(os.path.join(site, "content", "publications", "pab", "index.md")))

    def test_hugo_builds_the_site(self):
        # The layouts reproduce what hugo-blox-builder's templates do (Debian's
        # hugo 0.111 cannot run the theme itself), each line citing its
        # source in HugoBlox/hugo-blox-builder:
        #  - the home page's "Recent Publications": the collection block's
        #    query, modules/blox/blox/collection/block.html:51 (Kind "page")
        #    and :79 (Section in folders), with academic-cv's filter
        #    templates/academic-cv/content/_index.md:67-69 (folders:
        #    [publications]);
        #  - an author: get_author_profile's lookup of data/authors/<slug>
        #    (modules/blox/layouts/_partials/functions/get_author_name.html:15-20);
        #  - a publication's metadata block, modules/blox/layouts/single.html:251
        #    (shown with an abstract, or for Type "publications"), :262 type, :271 venue;
        #  - the buttons: functions/build_links.html:169-190 derives Preprint
        #    and DOI from hugoblox.ids, links: adds the rest.
        hugo = need(self, "hugo")
        site = os.path.join(self.dir, "site")
        os.makedirs(os.path.join(site, "layouts", "_default"))
        os.makedirs(os.path.join(site, "data", "authors"))
        with open(os.path.join(site, "hugo.toml"), "w") as f:
            f.write('baseURL = "http://example.org/"\ntitle = "t"\n'
                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
        with open(os.path.join(site, "data", "authors", "me.yaml"), "w") as f:
            f.write("schema: hugoblox/author/v1\nslug: me\nis_owner: true\n"
                    "name:\n  display: Xuanlei Zhao\n")
        home = """{{ $folders := slice "publications" }}
{{ $query := where site.Pages "Kind" "in" (slice "page") }}
{{ $query = where $query "Section" "in" $folders }}
<ul class="recent">{{ range $query.ByTitle }}<li>{{ .Title }}</li>{{ end }}</ul>
"""
        single = """<h1>{{ .Title }}</h1>
<p class="authors">{{ range $i, $a := .Params.authors }}<span>{{ with index site.Data.authors (urlize $a) }}<a class="profile">{{ .name.display }}</a>{{ else }}{{ $a }}{{ end }}{{ with index ($.Params.author_notes | default slice) $i }}<sup>{{ . }}</sup>{{ end }}</span>{{ end }}</p>
{{ if .Params.abstract | or (eq .Type "publications") }}<div class="meta">
<p class="type">{{ index .Params.publication_types 0 }}</p>
{{ if .Params.publication }}<p class="venue">{{ .Params.publication_short }} | {{ .Params.publication | markdownify }}</p>{{ end }}
</div>{{ end }}
<p class="date">{{ .Date.Format "2006-01" }}</p>
<p class="featured">{{ .Params.featured }}</p>
<ul>{{ with .Params.hugoblox }}{{ with .ids.arxiv }}<li><a class="preprint" href="https://arxiv.org/abs/{{ . }}">Preprint</a></li>{{ end }}{{ with .ids.doi }}<li><a class="doi" href="https://doi.org/{{ . }}">DOI</a></li>{{ end }}{{ end }}{{ range .Params.links }}<li><a class="{{ .type }}" href="{{ .url }}">{{ .label | default .type }}</a></li>{{ end }}</ul>
<pre>{{ with .Resources.GetMatch "cite.bib" }}{{ .Content }}{{ end }}</pre>
"""
        for name, text in (("index.html", home), (os.path.join("_default", "single.html"), single),
                           (os.path.join("_default", "list.html"),
                            "{{ .Params.view }}:{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">"
                            "{{ .Title }}</a>\n{{ end }}")):
            with open(os.path.join(site, "layouts", name), "w") as f:
                f.write(text)
        self.ok("edit", "fastfold", "doi=10.1145/3627535.3638465")
        self.ok("link", "fastfold", "paper", "https://doi.org/10.1145/3627535.3638465")
        self.ok("export", "--hugo", site)
        r = subprocess.run([hugo, "--quiet", "-s", site, "-d", os.path.join(self.dir, "pub")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        # every paper is in the home page's publication list
        home = read(os.path.join(self.dir, "pub", "index.html"))
        self.assertEqual(home.count("<li>"), 3, home)
        for title in ("Real-Time Video Generation with Pyramid Attention Broadcast",
                      "FastFold: Optimizing AlphaFold Training", "Other &lt;Work&gt;"):
            self.assertIn("<li>%s</li>" % title, home)
        page = read(os.path.join(self.dir, "pub", "publications", "pab", "index.html"))
        self.assertIn("<h1>Real-Time Video Generation with Pyramid Attention Broadcast</h1>", page)
        self.assertIn("<span><a class=\"profile\">Xuanlei Zhao</a><sup>Equal contribution</sup></span>"
                      "<span>Xiaolong Jin<sup>Equal contribution</sup></span>"
                      "<span>Kai Wang<sup>Equal contribution</sup></span><span>Yang You</span>",
                      page)
        self.assertIn('<p class="venue">ICLR 2025 | ICLR</p>', page)
        self.assertIn('<p class="type">paper-conference</p>', page)
        self.assertIn('<p class="date">2025-01</p>', page)
        self.assertIn('<p class="featured">true</p>', page)
        # one Preprint button (the theme's), no "Paper" beside it
        self.assertEqual(page.count("https://arxiv.org/abs/2408.12588"), 1, page)
        self.assertIn('<a class="preprint" href="https://arxiv.org/abs/2408.12588">Preprint</a>', page)
        self.assertIn('<a class="code" href="https://github.com/NUS-HPC-AI-Lab/VideoSys">code</a>',
                      page)
        self.assertIn('<a class="custom" href="https://oahzxl.github.io/PAB/">Blog</a>', page)
        self.assertIn("@inproceedings{pab,", page)
        other = read(os.path.join(self.dir, "pub", "publications", "other", "index.html"))
        self.assertIn("<h1>Other &lt;Work&gt;</h1>", other)
        self.assertIn('<p class="venue">Journal of Things | Journal of Things</p>', other)
        self.assertIn('<p class="type">article-journal</p>', other)
        self.assertIn('<p class="featured">false</p>', other)
        # FastFold has no abstract: type and venue show all the same, and
        # its DOI link is the theme's DOI button, not a second one
        ff = read(os.path.join(self.dir, "pub", "publications", "fastfold", "index.html"))
        self.assertIn("<span>The FastFold Team</span>", ff)
        self.assertIn('<p class="type">paper-conference</p>', ff)
        self.assertIn('<p class="venue">', ff)
        self.assertEqual(ff.count("https://doi.org/10.1145/3627535.3638465"), 1, ff)
        self.assertIn('<a class="pdf" href="https://example.org/fastfold.pdf">pdf</a>', ff)
        index = read(os.path.join(self.dir, "pub", "publications", "index.html"))
        self.assertTrue(index.startswith("citation:"), index)
        self.assertEqual(index.count("<a href=\"/publications/"), 3)

if __name__ == "__main__":
    unittest.main()
