# export.cmake: tests of the publication-list writers (lib/export_html.c,
# export_markdown.c, export_csl.c, render.c, owner.c): golden files in
# fixtures/export/, the HTML structure checker, the render fuzz target.
set(PUB_EXPORT_FIXTURES ${PROJECT_SOURCE_DIR}/fixtures/export)

add_executable(test_export ${PUB_TEST_DIR}/unit/test_export.c)
target_link_libraries(test_export PRIVATE pub_static)
target_include_directories(test_export PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_compile_options(test_export PRIVATE ${PUB_WARNINGS})
target_compile_definitions(test_export PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)

# Regenerate the golden files: cmake --build B --target export_update_golden
add_custom_target(export_update_golden
  COMMAND test_export ${PUB_EXPORT_FIXTURES} ${CMAKE_CURRENT_BINARY_DIR}/export-out --update
  DEPENDS test_export)

add_test(NAME export_unit
  COMMAND test_export ${PUB_EXPORT_FIXTURES} ${CMAKE_CURRENT_BINARY_DIR}/export-out)

# The golden HTML read back with html.parser against the papers' JSON.
foreach(case homepage hostile preprint)
  add_test(NAME export_check_html_${case}
    COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py
      ${PUB_EXPORT_FIXTURES}/${case}.html ${PUB_EXPORT_FIXTURES}/${case}.json)
endforeach()
add_test(NAME export_check_html_standalone
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py
    ${PUB_EXPORT_FIXTURES}/homepage-standalone.html ${PUB_EXPORT_FIXTURES}/homepage.json)
add_test(NAME export_check_html_year
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py
    ${PUB_EXPORT_FIXTURES}/homepage-year.html ${PUB_EXPORT_FIXTURES}/homepage.json)
# The checker must notice a broken page.
add_test(NAME export_check_html_detects
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/check_html.py --self-test
    ${PUB_EXPORT_FIXTURES}/homepage.html ${PUB_EXPORT_FIXTURES}/homepage.json)

# The render fuzz target, replayed over its corpus by the plain driver.
add_executable(fuzz_render_replay ${PUB_TEST_DIR}/fuzz/driver.c ${PUB_TEST_DIR}/fuzz/fuzz_render.c)
target_link_libraries(fuzz_render_replay PRIVATE pub_static)
target_include_directories(fuzz_render_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_compile_definitions(fuzz_render_replay PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
add_test(NAME export_fuzz_render_replay
  COMMAND fuzz_render_replay ${PUB_TEST_DIR}/fuzz/corpus/render)

if(PUB_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
  # Compiled from source so the renderer itself carries the coverage hooks.
  add_executable(fuzz_render ${PUB_TEST_DIR}/fuzz/fuzz_render.c
    ${PROJECT_SOURCE_DIR}/lib/render.c ${PROJECT_SOURCE_DIR}/lib/common.c)
  target_include_directories(fuzz_render PRIVATE ${PROJECT_SOURCE_DIR}/lib
    ${PROJECT_SOURCE_DIR}/lib/include)
  target_compile_definitions(fuzz_render PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE PUB_BUILDING)
  target_compile_options(fuzz_render PRIVATE -fsanitize=fuzzer,address,undefined -g)
  target_link_options(fuzz_render PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(fuzz_render PRIVATE PkgConfig::UTF8PROC)
endif()
