# cv.cmake: the CV's publication list (lib/export/latex.c, cv*.c): the
# LaTeX text functions on fixed cases, and their fuzz target.  The CV
# itself is compiled by pdflatex and validated by @jsonresume/schema in
# tests/cli/test_cv.py.
pub_unit_program(test_cv)
add_test(NAME cv_unit COMMAND test_cv)
pub_fuzz_target(cv_latex TEST cv_fuzz_latex_replay LABELS export)
