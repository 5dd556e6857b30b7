# The letter-or-digit table of src/util/alnum.h, generated at build time by tools/alnum_table.c
# from ICU's u_isalnum: ICU is a build dependency only (docs/architecture.md, "Dependencies
# loaded on demand").
add_executable(dz_alnum_table ${CMAKE_SOURCE_DIR}/tools/alnum_table.c)
target_link_libraries(dz_alnum_table PRIVATE PkgConfig::DZDEPS) # + ICU: cmake/ondemand.cmake
set_target_properties(dz_alnum_table PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/gen)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/gen/alnum_table.c
  COMMAND dz_alnum_table ${CMAKE_BINARY_DIR}/gen/alnum_table.c
  DEPENDS dz_alnum_table
  COMMENT "Generating the letter-or-digit table")
list(APPEND DZ_GEN_SRC ${CMAKE_BINARY_DIR}/gen/alnum_table.c)
