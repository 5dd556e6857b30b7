# Dependencies loaded on demand (docs/architecture.md): libmicrohttpd and libzip are opened
# with dlopen by src/server/mhd_load.c and src/io/zip_load.c, and ICU is used only at build
# time (tools/alnum_table.c, tools/dictgen.c). Their headers stay on the include path, but
# they leave the link of the library and of everything linking it, so a direct call to one
# of them fails to link instead of quietly bringing back its start-up cost.
# PkgConfig::DZONDEMAND links them for the build tools and tests that call them directly.
pkg_check_modules(DZONDEMAND REQUIRED IMPORTED_TARGET icu-uc icu-i18n libzip libmicrohttpd)
get_target_property(DZ_DEPS_LIBS PkgConfig::DZDEPS INTERFACE_LINK_LIBRARIES)
list(FILTER DZ_DEPS_LIBS EXCLUDE REGEX "/lib(microhttpd|zip|icu[a-z0-9]*)\\.so$")
set_target_properties(PkgConfig::DZDEPS PROPERTIES INTERFACE_LINK_LIBRARIES "${DZ_DEPS_LIBS}")

# Targets defined later (tests/tests.cmake) or by other fragments that call them directly.
function(dz_link_ondemand)
  foreach(t ${ARGN})
    if(TARGET ${t})
      target_link_libraries(${t} PRIVATE PkgConfig::DZONDEMAND)
    endif()
  endforeach()
endfunction()
cmake_language(DEFER CALL dz_link_ondemand dz_alnum_table dz_dictgen test_alnum bench_docx)
