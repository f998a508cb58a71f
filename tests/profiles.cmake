# profiles.cmake: the profile parsers (lib/net/profile_*.c) on recorded and
# crafted responses, and their fuzz targets (DBLP person XML, ORCID works
# JSON, Semantic Scholar author papers JSON).  The end-to-end tests are
# tests/cli/test_profiles.py.
pub_unit_program(test_profiles DEFINES PUB_FIXTURES="${PROJECT_SOURCE_DIR}/fixtures")
add_test(NAME net_profiles COMMAND test_profiles)
set_tests_properties(net_profiles PROPERTIES TIMEOUT 120)

pub_fuzz_target(dblp_person TEST net_fuzz_dblp_person_corpus TIMEOUT 120 LABELS net)
pub_fuzz_target(orcid_works TEST net_fuzz_orcid_works_corpus TIMEOUT 120 LABELS net)
pub_fuzz_target(s2_author TEST net_fuzz_s2_author_corpus TIMEOUT 120 LABELS net)
