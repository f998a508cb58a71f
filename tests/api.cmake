# header.cmake: pub.h compiles alone, as C11 and as C++, with strict
# warnings; the man page is well-formed.
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/header_alone.c "#include \"pub.h\"\nint main(void) { return pub_error_code(); }\n")
add_executable(test_header_alone ${CMAKE_CURRENT_BINARY_DIR}/header_alone.c)
target_include_directories(test_header_alone PRIVATE ${PROJECT_SOURCE_DIR}/lib/include)
target_compile_options(test_header_alone PRIVATE ${PUB_WARNINGS} -Werror)
target_link_libraries(test_header_alone PRIVATE pub_shared)
add_test(NAME header_alone COMMAND test_header_alone)

# The shared library exports pub_* and nothing private.
add_test(NAME shared_exports_only_public
  COMMAND sh -c "bad=$(nm -D --defined-only $<TARGET_FILE:pub_shared> | awk '$2 ~ /^[TDBR]$/ {print $3}' | grep -v '^pub_[a-z]' || true); test -z \"$bad\" || { echo \"exported: $bad\"; exit 1; }")

find_program(PUB_MAN man)
if(PUB_MAN)
  add_test(NAME man_page_renders COMMAND sh -c "MANWIDTH=80 man -l ${PROJECT_SOURCE_DIR}/docs/pubdb.1 2>&1 >/dev/null | (! grep .)")
endif()
