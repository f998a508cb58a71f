# ids.cmake: the identifier grammars of lib/ids/ (arXiv, DOI, GitHub,
# ORCID, dblp): their unit test, and their fuzz target replayed over its
# saved corpus by tests/fuzz/driver.c in every build; with PUB_FUZZ=ON
# under clang, the libFuzzer binary that tests/fuzz/run drives.
pub_unit_program(test_ids)
add_test(NAME ids_test_ids COMMAND test_ids)
set_tests_properties(ids_test_ids PROPERTIES TIMEOUT 120 LABELS ids)

pub_fuzz_target(ids TEST ids_fuzz_ids_corpus TIMEOUT 120 LABELS ids)
