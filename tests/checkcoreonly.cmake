# Configures the project with ENERGIZE_CORE_ONLY=ON (Qt is never searched for) and builds
# planner_core. Any Qt include in planner/core, or in common/ (which it links), then fails to
# compile, and so fails this test.
file(GLOB_RECURSE core_files "${SOURCE_DIR}/planner/core/*.h" "${SOURCE_DIR}/planner/core/*.cpp"
        "${SOURCE_DIR}/common/*.h" "${SOURCE_DIR}/common/*.cpp")
foreach(f IN LISTS core_files)
    file(STRINGS "${f}" qt_lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]Q")
    if(qt_lines)
        message(FATAL_ERROR "${f} includes a Qt header; planner/core and common/ stay Qt-free")
    endif()
endforeach()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}"
        -DENERGIZE_CORE_ONLY=ON -DCMAKE_BUILD_TYPE=Release RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configuring planner_core alone failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --target planner_core -j 2
        RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "planner_core does not build without Qt")
endif()
