/* Debian ships OpenBLAS' CBLAS as <cblas.h> via alternatives; the symbols live in libopenblas. */
#include <cblas.h>
