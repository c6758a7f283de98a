// See include/cmark_arena.h. Each block is preceded by its size, so `realloc` knows what to copy;
// the last block of a slab grows in place (cmark's buffers grow by doubling).

#include "cmark_arena.h"

#include <cmark.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { header = 16, minimum_slab = 256 * 1024 };

typedef struct slab {
    struct slab *next;
    size_t capacity;
    size_t used;
    size_t last;  // offset of the last block's header, for growing it in place
    _Alignas(16) unsigned char bytes[];
} slab;

static _Thread_local slab *first_slab;
static _Thread_local slab *current_slab;

// A thread's slabs are freed when it exits: the preview server renders on worker threads that come
// and go over a long session.
static pthread_key_t slabs_key;
static pthread_once_t slabs_key_once = PTHREAD_ONCE_INIT;

static void free_slabs(void *first) {
    for (slab *s = first; s;) {
        slab *next = s->next;
        free(s);
        s = next;
    }
}

static void make_slabs_key(void) { pthread_key_create(&slabs_key, free_slabs); }

static size_t round_up(size_t size) { return (size + 15) & ~(size_t)15; }

static void *block_in(slab *s, size_t size) {
    size_t needed = header + round_up(size);
    if (s->capacity - s->used < needed) return NULL;
    unsigned char *block = s->bytes + s->used;
    *(size_t *)block = size;
    s->last = s->used;
    s->used += needed;
    return block + header;
}

static void *arena_alloc(size_t size) {
    if (current_slab) {
        void *block = block_in(current_slab, size);
        if (block) return block;
        // The next slab, if a previous document left one big enough; else a new one.
        while (current_slab->next) {
            current_slab = current_slab->next;
            current_slab->used = 0;
            block = block_in(current_slab, size);
            if (block) return block;
        }
    }
    size_t capacity = header + round_up(size);
    if (capacity < minimum_slab) capacity = minimum_slab;
    slab *s = malloc(sizeof(slab) + capacity);
    if (!s) abort();  // cmark's own allocator aborts too when memory runs out
    s->next = NULL;
    s->capacity = capacity;
    s->used = 0;
    if (current_slab) {
        current_slab->next = s;
    } else {
        first_slab = s;
        pthread_once(&slabs_key_once, make_slabs_key);
        pthread_setspecific(slabs_key, s);
    }
    current_slab = s;
    return block_in(s, size);
}

static void *arena_calloc(size_t count, size_t size) {
    size_t total = count * size;
    if (size && total / size != count) abort();
    void *block = arena_alloc(total);
    memset(block, 0, total);
    return block;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return arena_alloc(size);
    unsigned char *block = (unsigned char *)pointer - header;
    size_t old = *(size_t *)block;
    slab *s = current_slab;
    if (s && block == s->bytes + s->last) {
        size_t end = s->last + header + round_up(size);
        if (end <= s->capacity) {
            *(size_t *)block = size;
            s->used = end;
            return pointer;
        }
    }
    void *moved = arena_alloc(size);
    memcpy(moved, pointer, old < size ? old : size);
    return moved;
}

static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

void *vigie_cmark_arena(void) { return &allocator; }

void vigie_cmark_arena_reset(void) {
    current_slab = first_slab;
    if (current_slab) current_slab->used = 0;
}

bool vigie_cmark_arena_owns(const void *pointer) {
    const unsigned char *p = pointer;
    for (slab *s = first_slab; s; s = s->next) {
        if (p >= s->bytes && p < s->bytes + s->capacity) return true;
    }
    return false;
}
