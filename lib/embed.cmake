# Turns a text file into a C source defining `const char NAME[]`.
# Usage: cmake -DIN=schema.sql -DOUT=schema.c -DNAME=pub__schema_sql -P embed.cmake
file(READ "${IN}" content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE "${OUT}" "/* generated from ${IN}; do not edit */\nconst char ${NAME}[] = {${bytes}0x00};\n")
