# Embed data/ (lexicons, profiles) and web/ into the library, so the binary needs no data path.
# dz_embedded_data[] holds data/** (names like "profiles/x.json"); dz_embedded_web[] holds web/**.
add_executable(dz_embed ${CMAKE_SOURCE_DIR}/tools/embed.c)
set_target_properties(dz_embed PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/gen)

function(dz_embed_dir set root)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${root}/*)
  list(FILTER files EXCLUDE REGEX "/(README[^/]*|\\.[^/]*)$")
  list(SORT files)
  add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/gen/embed_${set}.c
    COMMAND dz_embed ${CMAKE_BINARY_DIR}/gen/embed_${set}.c ${set} ${root} ${files}
    DEPENDS dz_embed ${files}
    COMMENT "Embedding ${set}")
  set(DZ_GEN_SRC ${DZ_GEN_SRC} ${CMAKE_BINARY_DIR}/gen/embed_${set}.c PARENT_SCOPE)
endfunction()

dz_embed_dir(data ${CMAKE_SOURCE_DIR}/data)
dz_embed_dir(web ${CMAKE_SOURCE_DIR}/web)
