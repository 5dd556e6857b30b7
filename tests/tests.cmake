# Test registration. Unit tests, golden cases and fuzz replays are discovered by globbing,
# so a module adds tests by adding files.
set(DZ_SHARED_DIR "${CMAKE_SOURCE_DIR}/../shared" CACHE PATH "the shared/ folder (seed, bench data)")
set(DZ_TEST_ENV "DZ_SOURCE_DIR=${CMAKE_SOURCE_DIR};DZ_SHARED_DIR=${DZ_SHARED_DIR};DZ_BUILD_DIR=${CMAKE_BINARY_DIR};DZ_BIN=$<TARGET_FILE:duizhao>")

# C unit tests: tests/unit/test_<module>.c, cmocka.
file(GLOB DZ_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${DZ_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_BINARY_DIR}/gen)
  target_link_libraries(${name} PRIVATE libduizhao PkgConfig::CMOCKA)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  add_test(NAME unit.${name} COMMAND ${name} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(unit.${name} PROPERTIES ENVIRONMENT "${DZ_TEST_ENV}")
endforeach()
# The code with AVX-512 and AVX2 paths runs its tests once more with AVX-512 switched off, so
# that an AVX-512 machine tests the AVX2 paths too (the portable ones are tested against both).
foreach(name test_sim test_text_fast)
  add_test(NAME unit.${name}.avx2 COMMAND ${name} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(unit.${name}.avx2 PROPERTIES ENVIRONMENT "${DZ_TEST_ENV};DZ_NO_AVX512=1")
endforeach()

# Golden cases: tests/cases/<suite>/<name>.cmd holds the CLI arguments; <name>.out the whole
# expected stdout; optional <name>.err the expected stderr and <name>.exit the exit code.
file(GLOB_RECURSE DZ_CASES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cases/*.cmd)
foreach(cmd ${DZ_CASES})
  get_filename_component(name ${cmd} NAME_WE)
  get_filename_component(dir ${cmd} DIRECTORY)
  get_filename_component(suite ${dir} NAME)
  add_test(NAME case.${suite}.${name}
           COMMAND sh ${CMAKE_SOURCE_DIR}/tests/run-case ${cmd}
           WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(case.${suite}.${name} PROPERTIES ENVIRONMENT "${DZ_TEST_ENV}")
endforeach()

# End-to-end scripts: tests/e2e/*.sh (CLI) and *.py (run with Debian's python3).
file(GLOB DZ_E2E CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/e2e/*.sh ${CMAKE_SOURCE_DIR}/tests/e2e/*.py)
foreach(script ${DZ_E2E})
  get_filename_component(name ${script} NAME_WE)
  get_filename_component(ext ${script} EXT)
  if(ext STREQUAL ".py")
    add_test(NAME e2e.${name} COMMAND /usr/bin/python3 ${script} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  else()
    add_test(NAME e2e.${name} COMMAND sh ${script} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
  set_tests_properties(e2e.${name} PROPERTIES ENVIRONMENT "${DZ_TEST_ENV}" TIMEOUT 600 SKIP_RETURN_CODE 77)
endforeach()

# Fuzz targets: tests/fuzz/fuzz_<parser>.c define LLVMFuzzerTestOneInput. In a fuzz build they
# link with libFuzzer; in every build a standalone driver replays the seed corpus
# tests/fuzz/corpus/<parser>/ and the golden case inputs, so crashes found once stay fixed.
file(GLOB DZ_FUZZ_TARGETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.c)
foreach(src ${DZ_FUZZ_TARGETS})
  get_filename_component(name ${src} NAME_WE)
  if(DZ_FUZZ)
    add_executable(${name} ${src})
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${name} ${src} ${CMAKE_SOURCE_DIR}/tests/fuzz/standalone.c)
    add_test(NAME fuzz-replay.${name} COMMAND ${name} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${name}
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  endif()
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_BINARY_DIR}/gen)
  target_link_libraries(${name} PRIVATE libduizhao)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
endforeach()
