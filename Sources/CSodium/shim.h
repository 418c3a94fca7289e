#ifndef DANVAN_CSODIUM_SHIM_H
#define DANVAN_CSODIUM_SHIM_H
#include <sodium.h>
#endif
