#ifndef DANVAN_CSQLITE_SHIM_H
#define DANVAN_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
static inline sqlite3_destructor_type danvan_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

// SQLITE_STATIC: the caller keeps the bytes alive until the statement is reset and unbound.
static inline sqlite3_destructor_type danvan_sqlite_static(void) {
    return SQLITE_STATIC;
}
#endif
