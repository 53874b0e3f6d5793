package analysis

/*
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
static void asl_release_c_memory(void) { malloc_trim(0); }
#else
static void asl_release_c_memory(void) {}
#endif
*/
import "C"

// ReleaseParserMemory gives back to the system the C heap that parsing
// left free: tree-sitter's trees are allocated with malloc and freed once
// lowered, and glibc keeps what they freed (its thresholds rise to the
// largest tree freed), ~15 MB after parsing the 1M-line corpus/big, which
// would otherwise stay resident through the checks. A no-op without glibc.
// It costs one pass over the allocator's free lists; call it when a batch
// of parsing is over, not per file.
func ReleaseParserMemory() { C.asl_release_c_memory() }
