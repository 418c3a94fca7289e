#ifndef DANVAN_FUZZ_SUPPORT_H
#define DANVAN_FUZZ_SUPPORT_H
#include <stddef.h>
#include <stdint.h>

typedef int (*danvan_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver when the libFuzzer runtime is linked in (a build with
/// -Xswiftc -sanitize=fuzzer); returns -1 otherwise, and the caller replays files instead.
int danvan_fuzz_run_driver(int *argc, char ***argv, danvan_fuzz_callback callback);

#endif
