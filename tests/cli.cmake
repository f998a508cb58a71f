# cli.cmake: end-to-end tests of the real pubdb binary on temporary
# databases, the BibTeX round trip on every corpus file, the man page.
add_executable(bibdump ${PUB_TEST_DIR}/tools/bibdump.c)
target_link_libraries(bibdump PRIVATE pub_static)
target_include_directories(bibdump PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_compile_options(bibdump PRIVATE ${PUB_WARNINGS})

set(PUB_CLI_ENV
  "PUBDB_BIN=$<TARGET_FILE:pubdb>"
  "BIBDUMP_BIN=$<TARGET_FILE:bibdump>"
  "PUB_FIXTURES=${PROJECT_SOURCE_DIR}/fixtures"
  "PUB_CORPORA=${PUB_CORPORA}"
  "PUB_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "PUB_ARTIFACTS=${CMAKE_BINARY_DIR}")

# .ci/run raises it for its valgrind stage (20-40 times slower).
set(PUB_CLI_TIMEOUT 600 CACHE STRING "seconds an end-to-end suite may take")
file(GLOB PUB_CLI_TESTS CONFIGURE_DEPENDS ${PUB_TEST_DIR}/cli/test_*.py)
foreach(t ${PUB_CLI_TESTS})
  get_filename_component(name ${t} NAME_WE)
  string(REGEX REPLACE "^test_" "" name ${name})
  add_test(NAME cli_${name}
    COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/cli/run_suite.py test_${name}
    WORKING_DIRECTORY ${PUB_TEST_DIR}/cli)
  set_tests_properties(cli_${name} PROPERTIES ENVIRONMENT "${PUB_CLI_ENV}"
    TIMEOUT ${PUB_CLI_TIMEOUT})
endforeach()

# The round trip on every .bib file of the corpora.
file(GLOB_RECURSE PUB_ROUNDTRIP_FILES CONFIGURE_DEPENDS ${PUB_CORPORA}/*.bib)
foreach(f ${PUB_ROUNDTRIP_FILES})
  file(RELATIVE_PATH rel ${PUB_CORPORA} ${f})
  string(REGEX REPLACE "[^A-Za-z0-9]+" "_" tname ${rel})
  add_test(NAME roundtrip_${tname}
    COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/cli/roundtrip.py ${f})
  set_tests_properties(roundtrip_${tname} PROPERTIES ENVIRONMENT "${PUB_CLI_ENV}"
    TIMEOUT 300)
endforeach()

# The man page renders without a warning.  Always registered: without man
# (.ci/deps --test installs man-db) it fails instead of vanishing.
add_test(NAME man_page_renders COMMAND sh -c "command -v man >/dev/null || { echo 'man_page_renders: man is not installed (man-db)'; exit 1; }; MANWIDTH=80 man -l ${PROJECT_SOURCE_DIR}/docs/pubdb.1 2>&1 >/dev/null | (! grep .)")
