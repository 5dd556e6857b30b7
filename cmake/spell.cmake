# Spelling check data (docs/spell.md): compile jieba's dict.txt, our 公文 vocabulary, ICU pinyin
# readings, libime's Cangjie and Wubi shapes and the words of libime's pinyin dictionary into
# build/data/dict.bin at build time (tools/dictgen.c). The library memory-maps that file; its
# path is compiled in (gen/dz_spell_config.h) and DZ_DICT overrides it. An installed duizhao
# needs the file at DZ_DICT_INSTALL_PATH, or DZ_DICT set.
add_executable(dz_dictgen ${CMAKE_SOURCE_DIR}/tools/dictgen.c)
target_include_directories(dz_dictgen PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(dz_dictgen PRIVATE PkgConfig::DZDEPS)
set_target_properties(dz_dictgen PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)

option(DZ_WITH_LIBIME "Use libime's tables and language model for the spelling check" ON)
set(DZ_GONGWEN_VOCAB ${CMAKE_SOURCE_DIR}/data/lexicon/gongwen_vocab.tsv)
set(DZ_DICT_BIN ${CMAKE_BINARY_DIR}/data/dict.bin)
set(DZ_DICT_INSTALL_PATH "${CMAKE_INSTALL_PREFIX}/share/duizhao/dict.bin" CACHE FILEPATH
    "where an installed duizhao looks for dict.bin when the build tree is gone")
set(DZ_CANGJIE_TABLE "/usr/share/libime/cj.main.dict" CACHE FILEPATH
    "libime's Cangjie table (Debian libime-data), source of the look-alike table")
find_program(DZ_LIBIME_TABLEDICT libime_tabledict)
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/data)

set(DZ_WUBI_TABLE "/usr/share/libime/wbx.main.dict" CACHE FILEPATH
    "libime's Wubi table (Debian libime-data), second source of the look-alike table")
set(DZ_PINYIN_TABLE "/usr/share/libime/sc.dict" CACHE FILEPATH
    "libime's pinyin dictionary (Debian libime-data): words jieba lacks")
find_program(DZ_LIBIME_PINYINDICT libime_pinyindict)
set(DZ_CANGJIE_DUMP "")
if(DZ_WITH_LIBIME AND DZ_LIBIME_TABLEDICT AND DZ_LIBIME_PINYINDICT AND EXISTS ${DZ_CANGJIE_TABLE}
   AND EXISTS ${DZ_WUBI_TABLE} AND EXISTS ${DZ_PINYIN_TABLE})
  set(DZ_CANGJIE_DUMP ${CMAKE_BINARY_DIR}/data/cangjie.txt ${CMAKE_BINARY_DIR}/data/wubi.txt
      ${CMAKE_BINARY_DIR}/data/pinyin.txt)
  add_custom_command(
    OUTPUT ${DZ_CANGJIE_DUMP}
    COMMAND ${DZ_LIBIME_TABLEDICT} -d ${DZ_CANGJIE_TABLE} ${CMAKE_BINARY_DIR}/data/cangjie.txt
    COMMAND ${DZ_LIBIME_TABLEDICT} -d ${DZ_WUBI_TABLE} ${CMAKE_BINARY_DIR}/data/wubi.txt
    COMMAND ${DZ_LIBIME_PINYINDICT} -d ${DZ_PINYIN_TABLE} ${CMAKE_BINARY_DIR}/data/pinyin.txt
    DEPENDS ${DZ_CANGJIE_TABLE} ${DZ_WUBI_TABLE} ${DZ_PINYIN_TABLE}
    COMMENT "Dumping libime's Cangjie, Wubi and pinyin tables")
elseif(DZ_WITH_LIBIME)
  message(FATAL_ERROR "spell: libime's tables or tools are missing (libime-data, libime-bin). "
          "Run scripts/install-deps, or configure with -DDZ_WITH_LIBIME=OFF for a reduced check.")
endif()

# Look-alikes from glyph images (tools/glyphsim.c, docs/spell.md): the common characters are
# rendered with FreeType from a CJK font of a Debian package and compared as bitmaps; the pairs
# join the Cangjie/Wubi look-alike lists in dict.bin. Part of the libime-based build.
set(DZ_GLYPH_FONT "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" CACHE FILEPATH
    "CJK font (Debian fonts-noto-cjk) whose glyphs define the image-based look-alikes")
set(DZ_GLYPH_PAIRS "")
if(DZ_CANGJIE_DUMP)
  pkg_check_modules(DZFREETYPE IMPORTED_TARGET freetype2)
  if(NOT DZFREETYPE_FOUND OR NOT EXISTS ${DZ_GLYPH_FONT})
    message(FATAL_ERROR "spell: FreeType or the CJK font ${DZ_GLYPH_FONT} is missing "
            "(libfreetype-dev, fonts-noto-cjk). Run scripts/install-deps, or configure with "
            "-DDZ_WITH_LIBIME=OFF for a reduced check.")
  endif()
  add_executable(dz_glyphsim ${CMAKE_SOURCE_DIR}/tools/glyphsim.c)
  target_include_directories(dz_glyphsim PRIVATE ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(dz_glyphsim PRIVATE PkgConfig::DZFREETYPE)
  # The comparison is tens of millions of popcounts: optimised even in Debug builds, with the
  # popcount instruction where there is one, and without the sanitizer and fuzzer
  # instrumentation of DZ_SANITIZE/DZ_FUZZ builds (under them it takes minutes, not seconds;
  # the normal build runs the same code every time).
  set(DZ_GLYPHSIM_FLAGS -Wall -Wextra -Werror -O2)
  include(CheckCCompilerFlag)
  check_c_compiler_flag(-mpopcnt DZ_HAVE_MPOPCNT)
  if(DZ_HAVE_MPOPCNT)
    list(APPEND DZ_GLYPHSIM_FLAGS -mpopcnt)
  endif()
  set_property(TARGET dz_glyphsim PROPERTY COMPILE_OPTIONS ${DZ_GLYPHSIM_FLAGS})
  set_property(TARGET dz_glyphsim PROPERTY LINK_OPTIONS "")
  set_target_properties(dz_glyphsim PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
  set(DZ_GLYPH_PAIRS ${CMAKE_BINARY_DIR}/data/glyphs.txt)
  add_custom_command(
    OUTPUT ${DZ_GLYPH_PAIRS}
    COMMAND dz_glyphsim ${DZ_GLYPH_PAIRS} ${DZ_GLYPH_FONT} ${DZ_JIEBA_DICT}
            --codes ${CMAKE_BINARY_DIR}/data/cangjie.txt ${CMAKE_BINARY_DIR}/data/wubi.txt
    DEPENDS dz_glyphsim ${DZ_GLYPH_FONT} ${DZ_JIEBA_DICT} ${DZ_CANGJIE_DUMP}
    COMMENT "Comparing glyph images for the look-alike table")
endif()

add_custom_command(
  OUTPUT ${DZ_DICT_BIN}
  COMMAND dz_dictgen ${DZ_DICT_BIN} ${DZ_JIEBA_DICT} ${DZ_GONGWEN_VOCAB} ${DZ_CANGJIE_DUMP}
          ${DZ_GLYPH_PAIRS}
  DEPENDS dz_dictgen ${DZ_JIEBA_DICT} ${DZ_GONGWEN_VOCAB} ${DZ_CANGJIE_DUMP} ${DZ_GLYPH_PAIRS}
  COMMENT "Compiling the spelling dictionary")
# Context scoring: libime's word trigram model (Debian libime-data-language-model, read in
# place) through the small C++ shim src/lexicon/lm_libime.cpp. Required by default (the
# golden outputs assume it); DZ_WITH_LIBIME=OFF builds a reduced check: jieba's unigram model
# alone, no look-alike lists, no extra words; spell golden cases then differ in recall.
#
# The C++ shims are built into one MODULE library, build/duizhao-lm.so, which the spelling
# check opens with dlopen (src/lexicon/lm_module.h): the program itself links neither libIMECore
# nor libstdc++, so commands that do not check spelling start without them. A shim joins the
# module with dz_lm_module_add(SOURCES ... INCLUDES ... LIBS ...) and resolves its exported C
# functions with a dz_dl located by dz__lm_module_files (see src/lexicon/lm.c).
set(DZ_LM_MODULE_NAME duizhao-lm.so)
set(DZ_LM_MODULE_BUILD_PATH ${CMAKE_BINARY_DIR}/${DZ_LM_MODULE_NAME})
set(DZ_LM_MODULE_INSTALL_PATH "${CMAKE_INSTALL_PREFIX}/lib/duizhao/${DZ_LM_MODULE_NAME}" CACHE FILEPATH
    "where an installed duizhao looks for its language-model module when none is beside the executable")
function(dz_lm_module_add)
  cmake_parse_arguments(M "" "" "SOURCES;INCLUDES;LIBS" ${ARGN})
  if(NOT TARGET duizhao_lm)
    add_library(duizhao_lm MODULE)
    set_target_properties(duizhao_lm PROPERTIES OUTPUT_NAME duizhao-lm PREFIX "" SUFFIX ".so"
                          LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
    target_include_directories(duizhao_lm PRIVATE ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src
                               ${CMAKE_BINARY_DIR}/gen)
    # Every symbol the module needs must come from its own libraries, not from the program
    # (sanitizer and fuzz builds resolve their runtimes from the program, so not there).
    if(NOT DZ_SANITIZE AND NOT DZ_FUZZ)
      target_link_options(duizhao_lm PRIVATE -Wl,-z,defs)
    elseif(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
      # clang's C++ vptr check needs a runtime part that only a C++-linked program carries.
      target_compile_options(duizhao_lm PRIVATE -fno-sanitize=vptr)
    endif()
    # Whatever links the library can run the spelling check, so the module is built first.
    cmake_language(DEFER CALL add_dependencies libduizhao duizhao_lm)
  endif()
  target_sources(duizhao_lm PRIVATE ${M_SOURCES})
  target_include_directories(duizhao_lm PRIVATE ${M_INCLUDES})
  target_link_libraries(duizhao_lm PRIVATE ${M_LIBS})
endfunction()

set(DZ_LM_PATH "")
find_path(DZ_LIBIME_INCLUDE libime/core/languagemodel.h PATH_SUFFIXES LibIME)
find_path(DZ_FCITX_UTILS_INCLUDE fcitx-utils/macros.h PATH_SUFFIXES Fcitx5/Utils)
find_library(DZ_LIBIME_CORE IMECore)
find_file(DZ_LIBIME_LM zh_CN.lm PATHS /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/libime /usr/lib/libime)
if(DZ_WITH_LIBIME AND DZ_LIBIME_INCLUDE AND DZ_FCITX_UTILS_INCLUDE AND DZ_LIBIME_CORE AND DZ_LIBIME_LM)
  # The C++ compiler must match the C one: fuzz and sanitizer flags are added for both.
  if(NOT CMAKE_CXX_COMPILER AND CMAKE_C_COMPILER_ID STREQUAL "Clang")
    find_program(DZ_CLANGXX NAMES clang++)
    if(DZ_CLANGXX)
      set(CMAKE_CXX_COMPILER ${DZ_CLANGXX})
    endif()
  endif()
  enable_language(CXX)
  set(CMAKE_CXX_STANDARD 17)
  set(DZ_LM_PATH ${DZ_LIBIME_LM})
  dz_lm_module_add(SOURCES ${CMAKE_SOURCE_DIR}/src/lexicon/lm_libime.cpp
                   INCLUDES ${DZ_LIBIME_INCLUDE} ${DZ_FCITX_UTILS_INCLUDE} LIBS ${DZ_LIBIME_CORE})
  add_compile_definitions(DZ_HAVE_LIBIME=1)
  message(STATUS "spell: language model ${DZ_LIBIME_LM}")
elseif(DZ_WITH_LIBIME)
  message(FATAL_ERROR "spell: libime's language model is missing (libimecore-dev, "
          "libfcitx5utils-dev, libime-data-language-model). Run scripts/install-deps, or "
          "configure with -DDZ_WITH_LIBIME=OFF for a reduced check.")
else()
  message(STATUS "spell: DZ_WITH_LIBIME=OFF: unigram scoring only, no look-alikes or extra words")
endif()

file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/gen)
file(WRITE ${CMAKE_BINARY_DIR}/gen/dz_spell_config.h.in
  "/* Generated by cmake/spell.cmake. */\n#define DZ_DICT_BUILD_PATH \"@DZ_DICT_BIN@\"\n#define DZ_DICT_INSTALL_PATH \"@DZ_DICT_INSTALL_PATH@\"\n#define DZ_LM_PATH \"@DZ_LM_PATH@\"\n#define DZ_LM_MODULE_NAME \"@DZ_LM_MODULE_NAME@\"\n#define DZ_LM_MODULE_BUILD_PATH \"@DZ_LM_MODULE_BUILD_PATH@\"\n#define DZ_LM_MODULE_INSTALL_PATH \"@DZ_LM_MODULE_INSTALL_PATH@\"\n")
configure_file(${CMAKE_BINARY_DIR}/gen/dz_spell_config.h.in ${CMAKE_BINARY_DIR}/gen/dz_spell_config.h @ONLY)
# A non-C output listed as a library source only makes the library depend on it.
list(APPEND DZ_GEN_SRC ${DZ_DICT_BIN})

# Development driver for bench/csc (see tools/spell_dev.c); links the library defined later.
add_executable(dz_spell_dev ${CMAKE_SOURCE_DIR}/tools/spell_dev.c)
target_include_directories(dz_spell_dev PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_BINARY_DIR}/gen)
target_link_libraries(dz_spell_dev PRIVATE libduizhao)
set_target_properties(dz_spell_dev PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
