// The fuzz targets' bridge to libFuzzer. SwiftPM links every Swift executable with
// "--defsym main=<target>_main", so libFuzzer's own main never runs; the targets call
// LLVMFuzzerRunDriver themselves. It is declared weak so that a normal build (without the
// fuzzer runtime) still links, and the target then replays the files it is given.
#include "FuzzSupport.h"
#include <signal.h>

extern int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))
    __attribute__((weak));

int danvan_fuzz_run_driver(int *argc, char ***argv, danvan_fuzz_callback callback) {
  if (!LLVMFuzzerRunDriver) return -1;
  // Swift's runtime installs its crash backtracer for these signals and libFuzzer does not
  // replace existing handlers: without this a trap would never become a crash report.
  static const int signals[] = {SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE};
  for (size_t i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) signal(signals[i], SIG_DFL);
  return LLVMFuzzerRunDriver(argc, argv, callback);
}
