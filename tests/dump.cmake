# dump.cmake: the database as text (lib/store/dump.c, load.c): the unit
# test of the round trip, errors and older dumps; the fuzz target of the
# loader.  tests/cli/test_dump.py runs `pubdb dump` and `pubdb load`.
pub_unit_program(test_dump)
add_test(NAME store_dump COMMAND test_dump)
set_tests_properties(store_dump PROPERTIES TIMEOUT 120 LABELS store)

pub_fuzz_target(load LABELS store)
