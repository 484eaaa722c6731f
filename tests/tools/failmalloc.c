/*
 * failmalloc.c - make the Nth allocation fail, for the fault tests
 *
 *   LD_PRELOAD=build/tests/failmalloc.so PM_FAILMALLOC=N cmd ...
 *
 * The Nth call (from 1) of malloc, calloc, realloc or posix_memalign in
 * the process returns NULL with errno ENOMEM; every other call goes to
 * the real allocator (the C library's, or AddressSanitizer's in the
 * ASan build, which then still finds leaks); allocations inside
 * getpwuid() are left alone (see there).  With PM_FAILMALLOC_COUNT
 * set to a file name, the number of calls made is written there at
 * exit, so a test knows how many points there are to fail.
 *
 * Test-only: built by `make tests` into build/tests, never linked into a
 * binary.
 */
#include <dlfcn.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static int (*real_memalign)(void **, size_t, size_t);
static void (*real_free)(void *);
static unsigned long calls, fail_at;
static int resolving;
static int in_libc;   /* inside a C library call that must not see a failure */

/* dlsym() may itself calloc: serve it from here */
static char early[4096];
static size_t early_used;

static void
report(void)
{
	const char *path = getenv("PM_FAILMALLOC_COUNT");
	FILE *fp;

	if (!path || !*path || !(fp = fopen(path, "w")))
		return;
	fprintf(fp, "%lu\n", calls);
	fclose(fp);
}

static void
resolve(void)
{
	const char *n;

	if (real_malloc || resolving)
		return;
	resolving = 1;
	real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
	real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
	real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	real_memalign = (int (*)(void **, size_t, size_t))dlsym(RTLD_NEXT, "posix_memalign");
	real_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
	/* by hand, and no atexit(): under ASan this runs inside its
	 * initialisation, where its interceptors (strtoul, atexit) must
	 * not be entered */
	n = getenv("PM_FAILMALLOC");
	fail_at = 0;
	for (; n && *n >= '0' && *n <= '9'; n++)
		fail_at = fail_at * 10 + (unsigned long)(*n - '0');
	resolving = 0;
}

__attribute__((destructor)) static void
at_end(void)
{
	report();
}

static int
should_fail(void)
{
	if (in_libc)
		return 0;
	return ++calls == fail_at;
}

/* glibc's NSS asserts or crashes when its own allocations fail
 * (nss_database.c: "Assertion `ret > 0' failed", a NULL dereference in
 * nss_database_check_reload_and_get): a C library bug, not ours, so the
 * allocations inside getpwuid() are neither counted nor failed */
struct passwd *
getpwuid(uid_t uid)
{
	static struct passwd *(*real)(uid_t);
	struct passwd *pw;

	if (!real)
		real = (struct passwd *(*)(uid_t))dlsym(RTLD_NEXT, "getpwuid");
	in_libc++;
	pw = real(uid);
	in_libc--;
	return pw;
}

void *
malloc(size_t n)
{
	resolve();
	if (!real_malloc)
		return NULL;
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return real_malloc(n);
}

void *
calloc(size_t k, size_t n)
{
	if (!real_calloc) {
		if (resolving) {
			size_t want = (k * n + 15) & ~(size_t)15;
			void *p;

			if (early_used + want > sizeof early)
				return NULL;
			p = early + early_used;
			early_used += want;
			return p;  /* static storage is zeroed */
		}
		resolve();
		if (!real_calloc)
			return NULL;
	}
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return real_calloc(k, n);
}

void *
realloc(void *p, size_t n)
{
	resolve();
	if (!real_realloc)
		return NULL;
	if (should_fail()) {
		errno = ENOMEM;
		return NULL;
	}
	return real_realloc(p, n);
}

int
posix_memalign(void **p, size_t align, size_t n)
{
	resolve();
	if (!real_memalign)
		return ENOMEM;
	if (should_fail())
		return ENOMEM;
	return real_memalign(p, align, n);
}

void
free(void *p)
{
	if (!p || ((char *)p >= early && (char *)p < early + sizeof early))
		return;
	if (!real_free) {
		if (resolving)
			return;  /* dlsym's own bookkeeping: dropped, never reused */
		resolve();
		if (!real_free)
			return;
	}
	real_free(p);
}
