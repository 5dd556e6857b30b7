# The table of ideographs that OpenCC t2s changes (src/sim/normalize.c), generated at build
# time by tools/t2s_table.c from the installed OpenCC data.
add_executable(dz_t2s_table ${CMAKE_SOURCE_DIR}/tools/t2s_table.c)
target_link_libraries(dz_t2s_table PRIVATE PkgConfig::DZDEPS)
set_target_properties(dz_t2s_table PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/gen/t2s_table.c
  COMMAND dz_t2s_table ${CMAKE_BINARY_DIR}/gen/t2s_table.c
  DEPENDS dz_t2s_table
  COMMENT "Generating the t2s table")
set(DZ_GEN_SRC ${DZ_GEN_SRC} ${CMAKE_BINARY_DIR}/gen/t2s_table.c)
