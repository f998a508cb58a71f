# bibtex.cmake: tests of the streaming BibTeX reader and writer (lib/bibtex/):
# one ctest per fixtures/bibtex/<case>/ folder, the real corpora, generated
# cases, and the fuzz targets (reader; read, write, read again).
pub_unit_program(test_bibtex_read)

# fixtures/bibtex/<case>/{input.bib,expected.txt[,encoding]}
file(GLOB PUB_BIB_CASES LIST_DIRECTORIES true CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/fixtures/bibtex/*)
foreach(dir ${PUB_BIB_CASES})
  if(IS_DIRECTORY ${dir} AND EXISTS ${dir}/input.bib)
    get_filename_component(case ${dir} NAME)
    set(enc "")
    if(EXISTS ${dir}/encoding)
      file(STRINGS ${dir}/encoding enc LIMIT_COUNT 1)
    endif()
    add_test(NAME bibtex_read_${case}
      COMMAND test_bibtex_read dump ${dir}/input.bib ${dir}/expected.txt ${enc})
  endif()
endforeach()

add_test(NAME bibtex_read_unit COMMAND test_bibtex_read unit)
# Every corpus file's entry and error counts, reviewed against the regex
# counts of fixtures/corpora/SOURCES.md (tests/expect/corpus_counts.tsv).
add_test(NAME bibtex_read_corpora_all COMMAND test_bibtex_read tree ${PUB_CORPORA}
  ${PUB_TEST_DIR}/expect/corpus_counts.tsv)
# The six top-level corpora with their entry counts.  README.md there says
# ~40 for xampl and ~90 for biblatex-examples: those counts include @string,
# @preamble and @comment lines (40 - 4 = 36, 100 - 8 = 92 by the SOURCES.md
# regex); IEEEexample has 72 (its macros live in IEEEabrv.bib: 5 warnings).
foreach(pair
    "dblp-hall-of-fame-concat.bib=11927" "beebe-tugboat.bib=4839"
    "texlive-base-xampl.bib=36" "biblatex-examples.bib=92"
    "IEEEexample.bib=72" "gost-ex24-utf8.bib=2")
  string(REPLACE "=" ";" kv ${pair})
  list(GET kv 0 f)
  list(GET kv 1 n)
  string(REGEX REPLACE "\\.bib$" "" t ${f})
  add_test(NAME bibtex_read_count_${t} COMMAND test_bibtex_read count ${PUB_CORPORA}/${f} ${n})
endforeach()

# bibtex(1) as the independent reader: every field of every entry of each
# corpus file, read by bibtex(1) from the file and from pubdb's export of it
# (tests/tools/bibtex_oracle.py; expected counts in
# tests/expect/bibtex_oracle.tsv).  One test per corpus folder so that
# ctest -j spreads them; skipped (exit 77) where bibtex is not installed,
# which .ci/deps --test installs (texlive-binaries).
file(GLOB PUB_ORACLE_TOP CONFIGURE_DEPENDS RELATIVE ${PUB_CORPORA} ${PUB_CORPORA}/*.bib)
file(GLOB PUB_ORACLE_PEERS LIST_DIRECTORIES true CONFIGURE_DEPENDS RELATIVE ${PUB_CORPORA}
  ${PUB_CORPORA}/peers/*)
string(REPLACE ";" "|" PUB_ORACLE_TOP "${PUB_ORACLE_TOP}")
set(PUB_ORACLE_SHARDS "top=${PUB_ORACLE_TOP}" "big=big")
foreach(d ${PUB_ORACLE_PEERS})
  if(IS_DIRECTORY ${PUB_CORPORA}/${d})
    string(REPLACE "/" "_" name ${d})
    string(REGEX REPLACE "[^A-Za-z0-9_]+" "_" name ${name})
    list(APPEND PUB_ORACLE_SHARDS "${name}=${d}")
  endif()
endforeach()
foreach(shard ${PUB_ORACLE_SHARDS})
  string(REGEX REPLACE "=.*" "" name "${shard}")
  string(REGEX REPLACE "^[^=]*=" "" paths "${shard}")
  string(REPLACE "|" ";" paths "${paths}")
  add_test(NAME bibtex_oracle_${name}
    COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/tools/bibtex_oracle.py
      --corpora ${PUB_CORPORA} --expect ${PUB_TEST_DIR}/expect/bibtex_oracle.tsv
      --pubdb $<TARGET_FILE:pubdb> ${paths})
  set_tests_properties(bibtex_oracle_${name} PROPERTIES SKIP_RETURN_CODE 77
    TIMEOUT 900 LABELS bibtex)
  # The same with a default import (merging on): a merged entry comes back
  # under its own key as the copy for its alias.
  add_test(NAME bibtex_oracle_merged_${name}
    COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/tools/bibtex_oracle.py --merge
      --corpora ${PUB_CORPORA} --expect ${PUB_TEST_DIR}/expect/bibtex_oracle_merged.tsv
      --pubdb $<TARGET_FILE:pubdb> ${paths})
  set_tests_properties(bibtex_oracle_merged_${name} PROPERTIES SKIP_RETURN_CODE 77
    TIMEOUT 900 LABELS bibtex)
endforeach()

# Fuzz targets: the reader on any bytes, and read -> write -> read.
pub_fuzz_target(bibtex TEST bibtex_fuzz_replay LABELS bibtex)
pub_fuzz_target(roundtrip LABELS bibtex)
