// A bump allocator for cmark, one per thread: a note's nodes and buffers are taken from slabs that
// are reused for the next note instead of going through malloc and free one by one. A thread's
// slabs are freed when the thread exits.

#ifndef VIGIE_CMARK_ARENA_H
#define VIGIE_CMARK_ARENA_H

#include <stdbool.h>

/// The calling thread's arena as a cmark allocator: a `cmark_mem *` (its `free` does nothing). Typed
/// `void *` so that this header does not include <cmark.h>, which the CCmark module already exports.
void *vigie_cmark_arena(void);

/// Makes everything the calling thread's arena handed out reusable: call it once nothing cmark
/// returned for the current document is used any more.
void vigie_cmark_arena_reset(void);

/// True when `pointer` lies in the calling thread's arena (then it must not be given to `free`).
bool vigie_cmark_arena_owns(const void *pointer);

#endif
