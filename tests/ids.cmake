# ids.cmake: the identifier grammars of lib/ids/ (arXiv, DOI, GitHub,
# ORCID, dblp): their unit test, and their fuzz target replayed over its
# saved corpus by tests/fuzz/driver.c in every build; with PUB_FUZZ=ON
# under clang, the libFuzzer binary that tests/fuzz/run drives.
add_executable(test_ids ${PUB_TEST_DIR}/unit/test_ids.c)
target_compile_options(test_ids PRIVATE ${PUB_WARNINGS})
target_compile_definitions(test_ids PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
target_include_directories(test_ids PRIVATE ${PROJECT_SOURCE_DIR}/lib ${PUB_TEST_DIR})
target_link_libraries(test_ids PRIVATE pub_static)
add_test(NAME ids_test_ids COMMAND test_ids)
set_tests_properties(ids_test_ids PROPERTIES TIMEOUT 120 LABELS ids)

add_executable(fuzz_ids_replay ${PUB_TEST_DIR}/fuzz/fuzz_ids.c ${PUB_TEST_DIR}/fuzz/driver.c)
target_compile_options(fuzz_ids_replay PRIVATE ${PUB_WARNINGS})
target_compile_definitions(fuzz_ids_replay PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
target_include_directories(fuzz_ids_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib)
target_link_libraries(fuzz_ids_replay PRIVATE pub_static)
add_test(NAME ids_fuzz_ids_corpus COMMAND fuzz_ids_replay ${PUB_TEST_DIR}/fuzz/corpus/ids)
set_tests_properties(ids_fuzz_ids_corpus PROPERTIES TIMEOUT 120 LABELS "ids;fuzz")

if(PUB_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
  # tests/fuzz/run also builds the library with -fsanitize=fuzzer-no-link
  # so that libFuzzer sees its coverage through pub_static.
  add_executable(fuzz_ids ${PUB_TEST_DIR}/fuzz/fuzz_ids.c)
  target_compile_options(fuzz_ids PRIVATE ${PUB_WARNINGS} -fsanitize=fuzzer,address,undefined -g)
  target_link_options(fuzz_ids PRIVATE -fsanitize=fuzzer,address,undefined)
  target_compile_definitions(fuzz_ids PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
  target_include_directories(fuzz_ids PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(fuzz_ids PRIVATE pub_static)
endif()
