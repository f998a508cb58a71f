# net.cmake: the network layer (lib/net/: http.c, arxiv.c, doi.c, s2.c, dblp.c): unit
# tests that talk to the loopback replay server, parser tests on fixtures,
# and the fuzz targets of the Atom and JSON parsers.
set(PUB_NET_FIXTURES ${PROJECT_SOURCE_DIR}/fixtures)
set(PUB_REPLAY ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/run_with_replay.py --fixtures ${PUB_NET_FIXTURES} --)

foreach(t http arxiv doi openalex s2 dblp hf)
  # replay_ensure() (tests/harness.h): started by hand, the test runs
  # itself under the replay server, so its network half always runs.
  pub_unit_program(test_${t} DEFINES PUB_FIXTURES="${PUB_NET_FIXTURES}"
    PUB_PYTHON="${Python3_EXECUTABLE}" PUB_REPLAY_RUNNER="${PUB_TEST_DIR}/run_with_replay.py")
  add_test(NAME net_${t} COMMAND ${PUB_REPLAY} $<TARGET_FILE:test_${t}>)
  set_tests_properties(net_${t} PROPERTIES TIMEOUT 120)
endforeach()
set_tests_properties(net_http PROPERTIES TIMEOUT 180)

# The replay server itself: its usage text, and an answer to each scenario
# its docstring documents (GraphQL answers only the fields asked for).
add_test(NAME net_replay_server_help COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/replay_server.py --help)
add_test(NAME net_replay_server COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/tools/replay_selftest.py ${PUB_NET_FIXTURES})
set_tests_properties(net_replay_server PROPERTIES TIMEOUT 120)

# Fuzz targets: arXiv's Atom XML; GitHub's and Crossref's JSON; Semantic
# Scholar's batch JSON; DBLP's search JSON and record BibTeX.
pub_fuzz_target(atom TEST net_fuzz_atom_corpus TIMEOUT 120 LABELS net)
pub_fuzz_target(json TEST net_fuzz_json_corpus TIMEOUT 120 LABELS net)
# OpenAlex's work JSON (lib/net/openalex.c).
pub_fuzz_target(openalex TEST net_fuzz_openalex_corpus TIMEOUT 120 LABELS net)
# Hugging Face's paper JSON (lib/net/hf.c) and code URLs in free text.
pub_fuzz_target(hf TEST net_fuzz_hf_corpus TIMEOUT 120 LABELS net)
pub_fuzz_target(s2 TEST net_fuzz_s2_corpus TIMEOUT 120 LABELS net)
pub_fuzz_target(dblp TEST net_fuzz_dblp_corpus TIMEOUT 120 LABELS net)
