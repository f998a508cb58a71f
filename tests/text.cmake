# text.cmake: names and LaTeX text (lib/text/names.c, latex.c): unit tests
# and their fuzz targets.
foreach(t test_names test_latex)
  pub_unit_program(${t})
  add_test(NAME ${t} COMMAND ${t})
  set_tests_properties(${t} PROPERTIES TIMEOUT 120 LABELS text)
endforeach()

pub_fuzz_target(names TIMEOUT 120 LABELS text)
pub_fuzz_target(latex TIMEOUT 120 LABELS text)
