# The traditional->simplified tables of src/sim/normalize.c, generated at build time by
# tools/t2s_table.c from the installed OpenCC data (dictionaries dumped with opencc_dict, from
# the Debian package opencc).
find_program(DZ_OPENCC_DICT opencc_dict REQUIRED)
find_path(DZ_OPENCC_DATA TSPhrases.ocd2 PATHS /usr/share/opencc /usr/local/share/opencc REQUIRED)
add_executable(dz_t2s_table ${CMAKE_SOURCE_DIR}/tools/t2s_table.c)
target_link_libraries(dz_t2s_table PRIVATE PkgConfig::DZDEPS)
set_target_properties(dz_t2s_table PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/gen/t2s_table.c
  COMMAND ${DZ_OPENCC_DICT} -i ${DZ_OPENCC_DATA}/TSCharacters.ocd2 -o ${CMAKE_BINARY_DIR}/gen/TSCharacters.txt
          -f ocd2 -t text
  COMMAND ${DZ_OPENCC_DICT} -i ${DZ_OPENCC_DATA}/TSPhrases.ocd2 -o ${CMAKE_BINARY_DIR}/gen/TSPhrases.txt
          -f ocd2 -t text
  COMMAND dz_t2s_table ${CMAKE_BINARY_DIR}/gen/t2s_table.c ${CMAKE_BINARY_DIR}/gen/TSCharacters.txt
          ${CMAKE_BINARY_DIR}/gen/TSPhrases.txt
  DEPENDS dz_t2s_table
  COMMENT "Generating the t2s tables")
set(DZ_GEN_SRC ${DZ_GEN_SRC} ${CMAKE_BINARY_DIR}/gen/t2s_table.c)
