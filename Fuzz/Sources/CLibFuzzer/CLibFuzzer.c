// The driver itself comes from the toolchain's libFuzzer runtime (linked with -sanitize=fuzzer).
#include "CLibFuzzer.h"
