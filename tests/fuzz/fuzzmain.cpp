// One libFuzzer target: GP_FUZZ_TARGET names the function of fuzzers.h it drives.
#include "fuzzers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) { return fuzzers::GP_FUZZ_TARGET(data, size); }
