// SPDX-License-Identifier: GPL-3.0-or-later
// The translation unit that builds a test layer's precompiled header (tests/CMakeLists.txt,
// energize_add_tests_in): it holds no code of its own.
