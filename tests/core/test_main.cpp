// The doctest runner for siaga_core_tests (the test cases live in the other test_*.cpp files).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
