# hardening.cmake: the fuzz targets added by the hardening work (the search
# query compiler, the BibTeX round trip and the fields_json codec), replayed
# over their saved corpora by tests/fuzz/driver.c in every build; with
# PUB_FUZZ=ON under clang, the libFuzzer binaries that tests/fuzz/run
# drives.  Also the fields_json codec's unit test.
add_executable(test_fields ${PUB_TEST_DIR}/unit/test_fields.c)
target_compile_options(test_fields PRIVATE ${PUB_WARNINGS})
target_compile_definitions(test_fields PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
target_include_directories(test_fields PRIVATE ${PROJECT_SOURCE_DIR}/lib ${PUB_TEST_DIR})
target_link_libraries(test_fields PRIVATE pub_static)
add_test(NAME hardening_test_fields COMMAND test_fields)
set_tests_properties(hardening_test_fields PROPERTIES TIMEOUT 120 LABELS hardening)

foreach(f query roundtrip fields)
  add_executable(fuzz_${f}_replay ${PUB_TEST_DIR}/fuzz/fuzz_${f}.c ${PUB_TEST_DIR}/fuzz/driver.c)
  target_compile_options(fuzz_${f}_replay PRIVATE ${PUB_WARNINGS})
  target_compile_definitions(fuzz_${f}_replay PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
  target_include_directories(fuzz_${f}_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(fuzz_${f}_replay PRIVATE pub_static)
  add_test(NAME hardening_fuzz_${f}_corpus
    COMMAND fuzz_${f}_replay ${PUB_TEST_DIR}/fuzz/corpus/${f})
  set_tests_properties(hardening_fuzz_${f}_corpus PROPERTIES TIMEOUT 300
    LABELS "hardening;fuzz")

  if(PUB_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    # tests/fuzz/run also builds the library with -fsanitize=fuzzer-no-link
    # so that libFuzzer sees its coverage through pub_static.
    add_executable(fuzz_${f} ${PUB_TEST_DIR}/fuzz/fuzz_${f}.c)
    target_compile_options(fuzz_${f} PRIVATE ${PUB_WARNINGS} -fsanitize=fuzzer,address,undefined -g)
    target_link_options(fuzz_${f} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_compile_definitions(fuzz_${f} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
    target_include_directories(fuzz_${f} PRIVATE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(fuzz_${f} PRIVATE pub_static)
  endif()
endforeach()
