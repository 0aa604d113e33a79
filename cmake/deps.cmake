# Third-party libraries, compiled from the pinned Debian source packages in build/_deps.
set(SIAGA_DEPS_DIR "${PROJECT_SOURCE_DIR}/build/_deps" CACHE PATH "Unpacked Debian source packages")

execute_process(COMMAND "${PROJECT_SOURCE_DIR}/tools/fetch-sources.sh" RESULT_VARIABLE fetch_result)
if(NOT fetch_result EQUAL 0)
  message(FATAL_ERROR "tools/fetch-sources.sh failed: the pinned Debian source packages are not available")
endif()

# md4c: the Markdown parser (CommonMark + tables), a single C file.
add_library(md4c STATIC "${SIAGA_DEPS_DIR}/md4c/src/md4c.c")
target_include_directories(md4c SYSTEM PUBLIC "${SIAGA_DEPS_DIR}/md4c/src")
set_target_properties(md4c PROPERTIES POSITION_INDEPENDENT_CODE ON)

# nlohmann/json: header-only, from Debian's nlohmann-json3-dev. The Emscripten sysroot must not see
# /usr/include, so its headers are copied into the build tree and added from there.
set(SIAGA_JSON_INCLUDE "${CMAKE_BINARY_DIR}/json-include")
if(NOT EXISTS "/usr/include/nlohmann/json.hpp")
  message(FATAL_ERROR "nlohmann/json.hpp missing: run tools/install-deps.sh (nlohmann-json3-dev)")
endif()
file(COPY "/usr/include/nlohmann" DESTINATION "${SIAGA_JSON_INCLUDE}")
add_library(nlohmann_json_headers INTERFACE)
target_include_directories(nlohmann_json_headers SYSTEM INTERFACE "${SIAGA_JSON_INCLUDE}")
target_compile_definitions(nlohmann_json_headers INTERFACE JSON_NOEXCEPTION)
