# fuzz.cmake: the one recipe for a fuzz target, used by every tests/*.cmake
# that owns a parser of outside input (STYLE.md, point 10).
#
#   pub_fuzz_target(NAME [TEST ctest-name] [TIMEOUT seconds] [LABELS label...])
#
# Every build: fuzz_NAME_replay, tests/fuzz/fuzz_NAME.c linked with the plain
# driver (tests/fuzz/driver.c), replays tests/fuzz/corpus/NAME/ as the ctest
# TEST (default fuzz_NAME_corpus, label "fuzz").
# With -DPUB_FUZZ=ON under clang: fuzz_NAME, the libFuzzer binary that
# tests/fuzz/run drives.  It links pub_static like every test; tests/fuzz/run
# configures its build with -fsanitize=fuzzer-no-link in CMAKE_C_FLAGS, so the
# library itself carries the coverage hooks.
function(pub_fuzz_target name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TEST;TIMEOUT" "LABELS")
  if(NOT arg_TEST)
    set(arg_TEST fuzz_${name}_corpus)
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 300)
  endif()
  set(src ${PUB_TEST_DIR}/fuzz/fuzz_${name}.c)

  add_executable(fuzz_${name}_replay ${src} ${PUB_TEST_DIR}/fuzz/driver.c)
  target_compile_options(fuzz_${name}_replay PRIVATE ${PUB_WARNINGS})
  target_compile_definitions(fuzz_${name}_replay PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
  target_include_directories(fuzz_${name}_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(fuzz_${name}_replay PRIVATE pub_static)
  add_test(NAME ${arg_TEST}
    COMMAND fuzz_${name}_replay ${PUB_TEST_DIR}/fuzz/corpus/${name})
  set_tests_properties(${arg_TEST} PROPERTIES TIMEOUT ${arg_TIMEOUT}
    LABELS "fuzz;${arg_LABELS}")

  if(PUB_FUZZ AND CMAKE_C_COMPILER_ID MATCHES "Clang")
    add_executable(fuzz_${name} ${src})
    target_compile_options(fuzz_${name} PRIVATE ${PUB_WARNINGS}
      -fsanitize=fuzzer,address,undefined -g)
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_compile_definitions(fuzz_${name} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
    target_include_directories(fuzz_${name} PRIVATE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(fuzz_${name} PRIVATE pub_static)
  endif()
endfunction()
