# Fails when a C++ source differs from what clang-format makes of it.
if(NOT CLANG_FORMAT OR NOT EXISTS "${CLANG_FORMAT}")
    message(FATAL_ERROR "clang-format not found: install the Debian package 'clang-format'")
endif()
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/common/*.cpp" "${SOURCE_DIR}/common/*.h"
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/widgets/*.cpp" "${SOURCE_DIR}/widgets/*.h"
    "${SOURCE_DIR}/planner/*.cpp" "${SOURCE_DIR}/planner/*.h"
    "${SOURCE_DIR}/maps/*.cpp" "${SOURCE_DIR}/maps/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h")
list(LENGTH sources count)
# One clang-format run over every file (a process per file took most of the test's time); with
# --dry-run -Werror it names each file that differs in its messages ("<file>:<line>:<col>: error").
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror ${sources}
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE messages)
set(bad "")
if(NOT rc EQUAL 0)
    foreach(f IN LISTS sources)
        string(FIND "${messages}" "${f}:" at)
        if(NOT at EQUAL -1)
            file(RELATIVE_PATH rel "${SOURCE_DIR}" "${f}")
            list(APPEND bad "${rel}")
        endif()
    endforeach()
    if(NOT bad)
        message(FATAL_ERROR "clang-format failed (exit ${rc}):\n${messages}")
    endif()
endif()
if(bad)
    list(JOIN bad "\n  " text)
    message(FATAL_ERROR "Not clang-formatted (run clang-format -i on them):\n  ${text}")
endif()
message(STATUS "${count} sources are clang-formatted")
