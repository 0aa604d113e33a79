# web_flags.cmake — every release flag of the web build, in one place (included by CMakeLists.txt
# before any target exists, so the compile flags reach every object). The effect of each is measured
# in build/web/size-report.txt after every build (tools/size-report.sh). cmake/web.cmake applies
# SIAGA_WEB_LINK_OPTIONS to the portal's link.

# Size over speed in every web object: the portal is light work for a CPU but heavy for a 3G link.
option(SIAGA_WEB_LTO "Link-time optimisation of the web build: siaga.wasm 286 -> 276 KB brotli (measured)" ON)
set(lto "")
if(SIAGA_WEB_LTO)
  set(lto " -flto")
  add_link_options(-flto)
endif()
set(CMAKE_C_FLAGS_RELEASE "-Oz -DNDEBUG${lto}")
set(CMAKE_CXX_FLAGS_RELEASE "-Oz -DNDEBUG${lto}")

set(SIAGA_WEB_OPT "-Oz" CACHE STRING "Optimisation level of the web link (-O1 for a fast edit loop)")
set(SIAGA_WEB_LINK_OPTIONS
  ${SIAGA_WEB_OPT}
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB
  -sASSERTIONS=0
  -sFILESYSTEM=0
  -sMALLOC=emmalloc
  -sMODULARIZE=0
  -sEXIT_RUNTIME=0
  -sEXPORTED_FUNCTIONS=@${CMAKE_BINARY_DIR}/exported_functions.json
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString
  -sHTML5_SUPPORT_DEFERRING_USER_SENSITIVE_REQUESTS=0
  -sDISABLE_EXCEPTION_CATCHING=1
  -sDYNAMIC_EXECUTION=0
  # Glue the portal does not need (each measured in the size report when added): GL error tracking in JS
  # (ImGui checks no GL errors), longjmp, the TextDecoder fallback (every
  # browser with WebGL 2 has TextDecoder), and GL strings rewritten for desktop-GL code.
  -sGL_TRACK_ERRORS=0 -sSUPPORT_LONGJMP=0 -sTEXTDECODER=2
  -sGL_EMULATE_GLES_VERSION_STRING_FORMAT=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0
  # The page's WebGL 2 check creates the portal's own context (web/loader.js), which the glue takes
  # over instead of creating a second one (a second context measured 41-69 ms of main-thread work under 4x CPU).
  -sGL_PREINITIALIZED_CONTEXT=1
)
