#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The suite under AddressSanitizer + UndefinedBehaviorSanitizer in its own build folder
# (benchmarks off), then a smoke run of each libFuzzer target when clang is installed. Prints
# how long each part took.
#   bash tests/sanitizer/run.sh           the whole suite (see README.md for the time it takes)
#   bash tests/sanitizer/run.sh --ci      .ci/run's stage: the same, after installing clang and
#                                         lld when they are missing
#   bash tests/sanitizer/run.sh --layers  only the planner and maps layers' tests, for a quick
#                                         look after work on them
# Environment: ASAN_BUILD_DIR (default build-asan), FUZZ_BUILD_DIR (default build-fuzz),
# FUZZ_SECONDS (default 5), JOBS (default: cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
here=$PWD
scope=all
install=0
case "${1:-}" in
"") ;;
--ci) install=1 ;;
--layers) scope=layers ;;
*)
    echo "usage: bash tests/sanitizer/run.sh [--ci | --layers]" >&2
    exit 2
    ;;
esac
if [ "$install" = 1 ] && ! { command -v clang++ && command -v ld.lld; } >/dev/null; then
    echo "== installing clang and lld for the sanitizer build and libFuzzer"
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
        clang libclang-rt-dev lld >/dev/null
fi
asan_dir="${ASAN_BUILD_DIR:-$here/build-asan}"
fuzz_dir="${FUZZ_BUILD_DIR:-$here/build-fuzz}"
jobs="${JOBS:-$(nproc)}"
seconds="${FUZZ_SECONDS:-5}"

# The first error stops the program with a signal (so a test sees a crash, not an exit code);
# leaks are checked, with third-party suppressions only (tests/sanitizer/lsan.supp).
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:abort_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$here/tests/sanitizer/lsan.supp:print_suppressions=0"
export QT_QPA_PLATFORM=offscreen

echo "== sanitizer stage"
stage=$SECONDS
# clang when installed: it builds this tree in about half the time g++ takes (measured on one
# Qt-heavy file, 8.2 s against 16.5 s with full debug information); g++ otherwise. Release
# only to drop the -g of the other build types: the sanitizer flags set -O1 and line tables.
# lld, when installed, links the hundred test programs in a fraction of ld's time.
compiler="${ASAN_CXX:-$(command -v clang++ || command -v g++)}"
linker=()
if [[ "$compiler" == *clang* ]] && command -v ld.lld >/dev/null; then
    linker=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld -DCMAKE_SHARED_LINKER_FLAGS=-fuse-ld=lld)
fi
echo "== sanitizer build with $compiler${linker:+ and lld}"
cmake -S "$here" -B "$asan_dir" -DCMAKE_CXX_COMPILER="$compiler" -DCMAKE_BUILD_TYPE=Release \
    -DENERGIZE_SANITIZE=ON -DENERGIZE_BUILD_BENCH=OFF "${linker[@]}" >/dev/null
layers='^(planner|maps)$'
if [ "$scope" = layers ]; then
    # The planner and maps layers' test targets (helpers come with them as dependencies).
    mapfile -t targets < <(ctest --test-dir "$asan_dir" -N -L "$layers" |
        sed -n 's/^ *Test *#[0-9]*: *\(\(planner\|maps\)_[A-Za-z0-9_]*\)$/\1/p')
    [ ${#targets[@]} -gt 0 ] || { echo "no planner or maps tests found" >&2; exit 1; }
    echo "== sanitizer build: the ${#targets[@]} planner and maps tests and their libraries"
    cmake --build "$asan_dir" -j "$jobs" --target "${targets[@]}"
else
    cmake --build "$asan_dir" -j "$jobs"
fi
built=$SECONDS
echo "== sanitizer build took $((built - stage)) s"
# Tests left out under the sanitizers, each with its reason (see tests/sanitizer/README.md).
exclude="${ASAN_EXCLUDE:-^(style_clang_format|layering_core_without_qt)$}"
if [ "$scope" = layers ]; then
    ctest --test-dir "$asan_dir" --output-on-failure -j "$jobs" -L "$layers" -E "$exclude"
else
    ctest --test-dir "$asan_dir" --output-on-failure -j "$jobs" -E "$exclude"
fi
echo "== sanitizer suite ($scope) took $((SECONDS - built)) s"

fuzzed=$SECONDS
if command -v clang++ >/dev/null; then
    cmake -S "$here" -B "$fuzz_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
        -DENERGIZE_FUZZ=ON >/dev/null
    cmake --build "$fuzz_dir" -j "$jobs"
    for target in planjson catalog matpower projectopen; do
        work=$(mktemp -d) # new inputs go here, not into the committed seeds
        status=0
        "$fuzz_dir/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
            "$work" "$here/tests/fuzz/corpus/$target" >"$work.log" 2>&1 || status=$?
        echo "fuzz_$target: $(grep -m1 -E '^stat::number_of_executed_units' "$work.log" || echo '?')"
        [ "$status" -eq 0 ] || tail -60 "$work.log" >&2
        rm -rf "$work" "$work.log"
        if [ "$status" -ne 0 ]; then
            echo "fuzz_$target FAILED (exit $status); rerun it by hand to see the report" >&2
            exit 1
        fi
    done
    echo "== fuzz smoke (${seconds} s per target) took $((SECONDS - fuzzed)) s"
else
    echo "!!!!!!!! clang++ is NOT installed: the libFuzzer smoke run was SKIPPED" >&2
    echo "!!!!!!!! (apt-get install -y clang, then rerun tests/sanitizer/run.sh)" >&2
fi
echo "== sanitizer stage took $((SECONDS - stage)) s"
