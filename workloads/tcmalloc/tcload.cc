// tcload: the cache pattern in C++, profiled by gperftools (link with -ltcmalloc).
//
//   tcload good|regressed profile PREFIX   heap profiler (every allocation): writes PREFIX.0001.heap,
//                                          header "@ heapprofile", alloc and inuse columns
//   tcload good|regressed sample FILE      tcmalloc's sampled heap (MallocExtension::GetHeapSample,
//                                          needs TCMALLOC_SAMPLE_PARAMETER): header "@ heap_v2/N",
//                                          inuse only
//
// The regressed cache keeps every record it loads; the good one is a ring of kRingSize records that
// frees the oldest. Function names are distinctive so profile reports read as the bug.
#include <gperftools/heap-profiler.h>
#include <gperftools/malloc_extension.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

constexpr int kRequests = 100000;
constexpr size_t kRecordSize = 1024;
constexpr size_t kRingSize = 512;

__attribute__((noinline)) char *load_user_record(int id) {
  char *v = static_cast<char *>(malloc(kRecordSize));
  snprintf(v, kRecordSize, "user:%d", id);
  return v;
}

// Never evicts: the table only grows.
__attribute__((noinline)) void cache_put_unbounded(char ***table, size_t *len, size_t *cap, char *v) {
  if (*len == *cap) {
    *cap = *cap ? *cap * 2 : 64;
    *table = static_cast<char **>(realloc(*table, *cap * sizeof(char *)));
  }
  (*table)[(*len)++] = v;
}

// Bounded ring: frees the record it replaces.
__attribute__((noinline)) void cache_put_ring(char **ring, size_t *next, char *v) {
  free(ring[*next]);
  ring[*next] = v;
  *next = (*next + 1) % kRingSize;
}

__attribute__((noinline)) unsigned long serve_requests(bool regressed, char ***table, char **ring) {
  size_t len = 0, cap = 0, next = 0;
  unsigned long checksum = 0;
  for (int i = 0; i < kRequests; i++) {
    char *v = load_user_record(i);
    checksum += static_cast<unsigned char>(v[5]);
    if (regressed)
      cache_put_unbounded(table, &len, &cap, v);
    else
      cache_put_ring(ring, &next, v);
  }
  return checksum;
}

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[1], "good") && strcmp(argv[1], "regressed")) ||
      (strcmp(argv[2], "profile") && strcmp(argv[2], "sample"))) {
    fprintf(stderr, "usage: tcload good|regressed profile PREFIX | tcload good|regressed sample FILE\n");
    return 2;
  }
  bool regressed = strcmp(argv[1], "regressed") == 0;
  bool profile = strcmp(argv[2], "profile") == 0;
  if (profile) HeapProfilerStart(argv[3]);
  char **table = nullptr;
  char **ring = static_cast<char **>(calloc(kRingSize, sizeof(char *)));
  unsigned long checksum = serve_requests(regressed, &table, ring);
  if (profile) {
    HeapProfilerDump("end");
    HeapProfilerStop();
  } else {
    std::string sample;
    MallocExtension::instance()->GetHeapSample(&sample);
    FILE *f = fopen(argv[3], "w");
    if (f == nullptr || fwrite(sample.data(), 1, sample.size(), f) != sample.size() || fclose(f) != 0) {
      perror(argv[3]);
      return 1;
    }
  }
  printf("%lu\n", checksum);
  return 0;
}
