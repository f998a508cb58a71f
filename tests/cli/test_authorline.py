"""test_authorline.py: one author line in every list style.  The owner,
each of owner.aliases and each --highlight person are marked alike, and
nobody else, in HTML, Markdown and acad-homepage (issue 21: acad-homepage
marked the owner alone)."""
import unittest

from pubtest import PubTestCase

BIB = """\
@misc{one, title = {One}, year = {2021},
  author = {Xuanlei Zhao and Kai Wang and Yang You and Xiaolong Jin}}
@misc{two, title = {Two}, year = {2020},
  author = {Hsuan-Lei Chao and Xiaolong Jin}}
"""

# style -> (export arguments, how a marked name is written, how any name is written)
STYLES = {
    "html": (["--html"], '<u class="pub-me">{}</u>', "{}"),
    "markdown": (["--markdown"], "<u>{}</u>", "{}"),
    "acad-homepage": (["--markdown", "--style", "acad-homepage"], "<u>{}</u>", "{}"),
}
MARKED = ["Xuanlei Zhao", "Hsuan-Lei Chao", "Yang You", "Kai Wang"]
UNMARKED = ["Xiaolong Jin"]


class AuthorLine(PubTestCase):
    def setUp(self):
        super().setUp()
        self.ok("add", self.write("a.bib", BIB))
        self.ok("config", "set", "owner", "Xuanlei Zhao")
        self.ok("config", "set", "owner.aliases", "Hsuan-Lei Chao")
        self.ok("edit", "one", "equal=1,2")

    def check(self, style):
        args, mark, _ = STYLES[style]
        out = self.ok("export", *args, "--highlight", "Yang You",
                      "--highlight", "Kai Wang").out
        for name in MARKED:
            self.assertEqual(out.count(mark.format(name)), 1, (style, name, out))
        for name in UNMARKED:
            self.assertEqual(out.count(name), 2, (style, name, out))
            self.assertNotIn(mark.format(name), out, (style, name))
        # without --highlight only the owner's spellings are marked
        out = self.ok("export", *args).out
        self.assertIn(mark.format("Xuanlei Zhao"), out)
        self.assertIn(mark.format("Hsuan-Lei Chao"), out)
        self.assertNotIn(mark.format("Yang You"), out)
        self.assertNotIn(mark.format("Kai Wang"), out)

    def test_html(self):
        self.check("html")

    def test_markdown(self):
        self.check("markdown")

    def test_acad_homepage(self):
        self.check("acad-homepage")

    def test_equal_marks_follow_each_style(self):
        html = self.ok("export", "--html").out
        self.assertIn('<u class="pub-me">Xuanlei Zhao</u><sup>*</sup>, Kai Wang<sup>*</sup>', html)
        md = self.ok("export", "--markdown").out
        self.assertIn("<br><u>Xuanlei Zhao</u>\\*, Kai Wang\\*, Yang You", md)
        acad = self.ok("export", "--markdown", "--style", "acad-homepage").out
        self.assertIn("<div><i><u>Xuanlei Zhao</u><b><sup>*</sup></b>, Kai Wang<b><sup>*</sup></b>",
                      acad)


if __name__ == "__main__":
    unittest.main()
