#include "CSQLiteTuning.h"
#include <sqlite3.h>

int petitions_sqlite_stop_counting_memory(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK ? 1 : 0;
}
