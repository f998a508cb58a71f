# Names and LaTeX text: unit tests, plus the fuzz targets' corpora replayed
# by tests/fuzz/driver.c; with PUB_FUZZ=ON under clang, libFuzzer builds.
foreach(t test_names test_latex)
  add_executable(${t} ${PUB_TEST_DIR}/unit/${t}.c)
  target_compile_options(${t} PRIVATE ${PUB_WARNINGS})
  target_include_directories(${t} PRIVATE ${PROJECT_SOURCE_DIR}/lib ${PUB_TEST_DIR})
  target_link_libraries(${t} PRIVATE pub_static)
  add_test(NAME ${t} COMMAND ${t})
  set_tests_properties(${t} PROPERTIES TIMEOUT 120 LABELS text)
endforeach()

foreach(f names latex)
  add_executable(fuzz_${f}_replay ${PUB_TEST_DIR}/fuzz/fuzz_${f}.c ${PUB_TEST_DIR}/fuzz/driver.c)
  target_compile_options(fuzz_${f}_replay PRIVATE ${PUB_WARNINGS})
  target_include_directories(fuzz_${f}_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(fuzz_${f}_replay PRIVATE pub_static)
  add_test(NAME fuzz_${f}_corpus COMMAND fuzz_${f}_replay ${PUB_TEST_DIR}/fuzz/corpus/${f})
  set_tests_properties(fuzz_${f}_corpus PROPERTIES TIMEOUT 120 LABELS "text;fuzz")

  if(PUB_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    # The library sources are compiled in so libFuzzer sees their coverage.
    add_executable(fuzz_${f} ${PUB_TEST_DIR}/fuzz/fuzz_${f}.c ${PROJECT_SOURCE_DIR}/lib/names.c
      ${PROJECT_SOURCE_DIR}/lib/latex.c ${PROJECT_SOURCE_DIR}/lib/common.c)
    target_compile_options(fuzz_${f} PRIVATE ${PUB_WARNINGS} -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_${f} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_compile_definitions(fuzz_${f} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
    target_include_directories(fuzz_${f} PRIVATE ${PROJECT_SOURCE_DIR}/lib
      ${PROJECT_SOURCE_DIR}/lib/include)
    target_link_libraries(fuzz_${f} PRIVATE PkgConfig::UTF8PROC)
  endif()
endforeach()
