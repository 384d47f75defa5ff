#pragma once
#include <stdlib.h>

/// Gives the memory the C allocator holds free back to the system, in every arena (glibc's
/// malloc_trim; nothing elsewhere). Swift cannot call it directly: Glibc's module leaves malloc.h out.
/// Returns 1 when memory was given back.
#if defined(__GLIBC__)
#include <malloc.h>
static inline int cheap_release_free_memory(void) { return malloc_trim(0); }
static inline void cheap_map_large_blocks(int bytes) { mallopt(M_MMAP_THRESHOLD, bytes); }
static inline void cheap_limit_arenas(int count) { mallopt(M_ARENA_MAX, count); }
#else
static inline void cheap_limit_arenas(int count) { (void)count; }
static inline void cheap_map_large_blocks(int bytes) { (void)bytes; }
static inline int cheap_release_free_memory(void) { return 0; }
#endif
