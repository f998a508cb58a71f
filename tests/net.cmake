# Network layer (lib/http.c, arxiv.c, doi.c): unit tests that talk to the
# loopback replay server, parser tests on fixtures, and fuzz corpus replays.
set(PUB_NET_FIXTURES ${PROJECT_SOURCE_DIR}/fixtures)
set(PUB_REPLAY ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/run_with_replay.py --fixtures ${PUB_NET_FIXTURES} --)

foreach(t http arxiv doi)
  add_executable(test_${t} ${PUB_TEST_DIR}/unit/test_${t}.c)
  target_compile_options(test_${t} PRIVATE ${PUB_WARNINGS})
  target_compile_definitions(test_${t} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE
    PUB_FIXTURES="${PUB_NET_FIXTURES}")
  target_include_directories(test_${t} PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(test_${t} PRIVATE pub_static)
  add_test(NAME net_${t} COMMAND ${PUB_REPLAY} $<TARGET_FILE:test_${t}>)
  set_tests_properties(net_${t} PROPERTIES TIMEOUT 120)
endforeach()
set_tests_properties(net_http PROPERTIES TIMEOUT 180)

# The replay server itself answers every documented scenario.
add_test(NAME net_replay_server_help COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/replay_server.py --help)

# Fuzz targets: replayed by the standalone driver under gcc; real libFuzzer
# binaries with PUB_FUZZ=ON and clang.
foreach(f atom json)
  add_executable(fuzz_${f}_replay ${PUB_TEST_DIR}/fuzz/fuzz_${f}.c ${PUB_TEST_DIR}/fuzz/driver.c)
  target_compile_options(fuzz_${f}_replay PRIVATE ${PUB_WARNINGS})
  target_include_directories(fuzz_${f}_replay PRIVATE ${PROJECT_SOURCE_DIR}/lib)
  target_link_libraries(fuzz_${f}_replay PRIVATE pub_static)
  add_test(NAME net_fuzz_${f}_corpus COMMAND fuzz_${f}_replay ${PUB_TEST_DIR}/fuzz/corpus/${f})
  if(PUB_FUZZ)
    add_executable(fuzz_${f} ${PUB_TEST_DIR}/fuzz/fuzz_${f}.c)
    target_compile_options(fuzz_${f} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_${f} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_include_directories(fuzz_${f} PRIVATE ${PROJECT_SOURCE_DIR}/lib)
    target_link_libraries(fuzz_${f} PRIVATE pub_static)
  endif()
endforeach()
