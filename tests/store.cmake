# store.cmake: the storage layer (lib/store/): the papers.fields_json codec,
# duplicates and merging, citation keys, on real SQLite files in a temp
# dir; the fuzz targets of the fields codec and the search-query compiler.
foreach(t fields merge citekey citations)
  pub_unit_program(test_${t})
  add_test(NAME store_${t} COMMAND test_${t})
  set_tests_properties(store_${t} PROPERTIES TIMEOUT 120 LABELS store)
endforeach()

pub_fuzz_target(fields LABELS store)
pub_fuzz_target(query LABELS store)
