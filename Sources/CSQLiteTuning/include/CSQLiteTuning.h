#ifndef CSQLITETUNING_H
#define CSQLITETUNING_H

/// Turns off SQLite's count of the memory it holds (SQLITE_CONFIG_MEMSTATUS), which takes a process-wide mutex
/// around every allocation and free. `sqlite3_config` is variadic, which Swift cannot call; hence this file.
/// Takes effect only before SQLite is first used in the process: returns 1 when it did, 0 when SQLite had
/// already started (and the count stays on).
int petitions_sqlite_stop_counting_memory(void);

#endif
