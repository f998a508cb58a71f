# store.cmake: the storage layer (lib/store/): the papers.fields_json codec,
# duplicates and merging, citation keys, on real SQLite files in a temp
# dir; the fuzz targets of the fields codec and the search-query compiler.
foreach(t fields merge citekey)
  add_executable(test_${t} ${PUB_TEST_DIR}/unit/test_${t}.c)
  target_compile_options(test_${t} PRIVATE ${PUB_WARNINGS})
  target_compile_definitions(test_${t} PRIVATE _POSIX_C_SOURCE=200809L _DEFAULT_SOURCE)
  target_include_directories(test_${t} PRIVATE ${PROJECT_SOURCE_DIR}/lib ${PUB_TEST_DIR})
  target_link_libraries(test_${t} PRIVATE pub_static)
  add_test(NAME store_${t} COMMAND test_${t})
  set_tests_properties(store_${t} PROPERTIES TIMEOUT 120 LABELS store)
endforeach()

pub_fuzz_target(fields LABELS store)
pub_fuzz_target(query LABELS store)
