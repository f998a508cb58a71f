# export.cmake: tests of the publication-list writers (lib/export/: html.c,
# markdown.c, csl.c, render.c, list.c; text/person.c underlines the owner):
# golden files in fixtures/export/, the HTML structure checker, the render
# fuzz target.
set(PUB_EXPORT_FIXTURES ${PROJECT_SOURCE_DIR}/fixtures/export)

pub_unit_program(test_export)

# Regenerate the golden files: cmake --build B --target export_update_golden
add_custom_target(export_update_golden
  COMMAND test_export ${PUB_EXPORT_FIXTURES} ${CMAKE_CURRENT_BINARY_DIR}/export-out --update
  DEPENDS test_export)

add_test(NAME export_unit
  COMMAND test_export ${PUB_EXPORT_FIXTURES} ${CMAKE_CURRENT_BINARY_DIR}/export-out)

# The golden HTML read back with html.parser against the papers' JSON and
# rules written in check_html.py (owner set in test_export.c's set_of()).
foreach(case homepage hostile preprint)
  add_test(NAME export_check_html_${case}
    COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py --owner "Xuanlei Zhao"
      ${PUB_EXPORT_FIXTURES}/${case}.html ${PUB_EXPORT_FIXTURES}/${case}.json)
endforeach()
add_test(NAME export_check_html_standalone
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py --owner "Xuanlei Zhao"
    ${PUB_EXPORT_FIXTURES}/homepage-standalone.html ${PUB_EXPORT_FIXTURES}/homepage.json)
add_test(NAME export_check_html_year
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py --owner "Xuanlei Zhao"
    ${PUB_EXPORT_FIXTURES}/homepage-year.html ${PUB_EXPORT_FIXTURES}/homepage.json)
# The checker must notice a broken page.
add_test(NAME export_check_html_detects
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py --self-test --owner "Xuanlei Zhao"
    ${PUB_EXPORT_FIXTURES}/homepage.html ${PUB_EXPORT_FIXTURES}/homepage.json)

# The render fuzz target.
pub_fuzz_target(render TEST export_fuzz_render_replay LABELS export)
pub_fuzz_target(region TEST export_fuzz_region_replay TIMEOUT 120 LABELS export)

# The region scanner and writer on the example page and odd marker lines.
pub_unit_program(test_region)
add_test(NAME export_region_unit
  COMMAND test_region ${PROJECT_SOURCE_DIR}/fixtures/homepage ${CMAKE_CURRENT_BINARY_DIR})

# The grammars of the site exports (news milestones, biblatex author+an,
# al-folio's author marks).
pub_unit_program(test_sitegen)
add_test(NAME export_sitegen_unit COMMAND test_sitegen)
pub_fuzz_target(alfolio)
