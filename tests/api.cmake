# api.cmake: the public API as a user of libpub sees it: pub.h compiles
# alone as C11 with strict warnings, and as C++ when a C++ compiler is
# there; tests/api/test_api.c exercises the library through pub.h only
# (lib/include is its only library include dir, and it links the shared
# library, which exports pub_* and nothing private).
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/header_alone.c "#include \"pub.h\"\nint main(void) { return pub_error_code(); }\n")
add_executable(test_header_alone ${CMAKE_CURRENT_BINARY_DIR}/header_alone.c)
target_include_directories(test_header_alone PRIVATE ${PROJECT_SOURCE_DIR}/lib/include)
target_compile_options(test_header_alone PRIVATE ${PUB_WARNINGS} -Werror)
target_link_libraries(test_header_alone PRIVATE pub_shared)
add_test(NAME header_alone COMMAND test_header_alone)

# Each subject header of pub.h (lib/include/pub/*.h) compiles alone too: it
# includes what it uses.
file(GLOB PUB_SUBJECT_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/lib/include/pub/*.h)
set(PUB_SUBJECT_SOURCES)
foreach(h ${PUB_SUBJECT_HEADERS})
  get_filename_component(n ${h} NAME_WE)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/subject_${n}.c "#include \"pub/${n}.h\"\nint pub_subject_${n}(void);\nint pub_subject_${n}(void) { return 0; }\n")
  list(APPEND PUB_SUBJECT_SOURCES ${CMAKE_CURRENT_BINARY_DIR}/subject_${n}.c)
endforeach()
add_library(test_subject_headers OBJECT ${PUB_SUBJECT_SOURCES})
target_include_directories(test_subject_headers PRIVATE ${PROJECT_SOURCE_DIR}/lib/include)
target_compile_options(test_subject_headers PRIVATE ${PUB_WARNINGS} -Werror)

include(CheckLanguage)
check_language(CXX)
if(CMAKE_CXX_COMPILER)
  enable_language(CXX)
  add_executable(test_header_cxx ${PUB_TEST_DIR}/api/header_cxx.cpp)
  set_target_properties(test_header_cxx PROPERTIES CXX_STANDARD 11 CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF)
  target_include_directories(test_header_cxx PRIVATE ${PROJECT_SOURCE_DIR}/lib/include)
  target_compile_options(test_header_cxx PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Werror)
  target_link_libraries(test_header_cxx PRIVATE pub_shared)
  add_test(NAME header_cxx COMMAND test_header_cxx)
else()
  message(STATUS "no C++ compiler: header_cxx (pub.h as C++) is not built")
endif()

# The public API alone; pub_shared's include dir is lib/include.
add_executable(test_api ${PUB_TEST_DIR}/api/test_api.c)
target_compile_options(test_api PRIVATE ${PUB_WARNINGS})
target_compile_definitions(test_api PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(test_api PRIVATE pub_shared)
add_test(NAME api COMMAND test_api)
set_tests_properties(api PROPERTIES TIMEOUT 120 LABELS api)

# A program written against version 1 of the options and result structs
# (their layouts written out in the test) still works: every call accepts
# versions 1 to the current and touches only the caller's version's bytes.
add_executable(test_api_v1 ${PUB_TEST_DIR}/api/test_api_v1.c)
target_compile_options(test_api_v1 PRIVATE ${PUB_WARNINGS})
target_compile_definitions(test_api_v1 PRIVATE _POSIX_C_SOURCE=200809L)
target_link_libraries(test_api_v1 PRIVATE pub_shared)
add_test(NAME api_v1 COMMAND test_api_v1)
set_tests_properties(api_v1 PROPERTIES TIMEOUT 120 LABELS api)

# The shared library exports pub_* and nothing private.
add_test(NAME shared_exports_only_public
  COMMAND sh -c "bad=$(nm -D --defined-only $<TARGET_FILE:pub_shared> | awk '$2 ~ /^[TDBR]$/ {print $3}' | grep -v '^pub_[a-z]' || true); test -z \"$bad\" || { echo \"exported: $bad\"; exit 1; }")

# The shape of lib/ that docs/architecture.md promises: layers include only
# downward, no include cycle, no file over 800 lines, no library output on
# stdout/stderr, nothing pointing outside the repository.
add_test(NAME lib_layers
  COMMAND ${Python3_EXECUTABLE} ${PUB_TEST_DIR}/tools/layers.py ${PROJECT_SOURCE_DIR})
set_tests_properties(lib_layers PROPERTIES LABELS api)

# `cmake --install --prefix X` gives a libpub.pc that names X: a program
# builds against the installed (and then moved) tree with pkg-config alone.
find_program(PUB_PKG_CONFIG pkg-config)
if(PUB_PKG_CONFIG)
  add_test(NAME api_pkgconfig_install
    COMMAND sh ${PUB_TEST_DIR}/tools/pkgconfig_install.sh ${CMAKE_BINARY_DIR} ${CMAKE_C_COMPILER}
      "$<$<BOOL:${PUB_SANITIZE}>:-fsanitize=address,undefined>")
  set_tests_properties(api_pkgconfig_install PROPERTIES TIMEOUT 300 LABELS api)
else()
  message(STATUS "no pkg-config: api_pkgconfig_install is not run")
endif()
