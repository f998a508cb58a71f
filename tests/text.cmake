# text.cmake: names and LaTeX text (lib/text/names.c, latex.c): unit tests
# and their fuzz targets.
foreach(t test_names test_latex)
  add_executable(${t} ${PUB_TEST_DIR}/unit/${t}.c)
  target_compile_options(${t} PRIVATE ${PUB_WARNINGS})
  target_include_directories(${t} PRIVATE ${PROJECT_SOURCE_DIR}/lib ${PUB_TEST_DIR})
  target_link_libraries(${t} PRIVATE pub_static)
  add_test(NAME ${t} COMMAND ${t})
  set_tests_properties(${t} PROPERTIES TIMEOUT 120 LABELS text)
endforeach()

pub_fuzz_target(names TIMEOUT 120 LABELS text)
pub_fuzz_target(latex TIMEOUT 120 LABELS text)
