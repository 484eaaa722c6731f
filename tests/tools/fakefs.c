/*
 * fakefs.c - make statfs() report another file system type, for the
 * network-file-system refusal test (BAD-INPUTS 34)
 *
 *   LD_PRELOAD=build/tests/fakefs.so PM_FAKE_FSTYPE=0x6969 cmd ...
 *
 * Every statfs()/statfs64() answers as the real one, with f_type
 * replaced by PM_FAKE_FSTYPE (0x6969 is NFS).  Test-only: built by
 * `make tests` into build/tests, never linked into a binary.
 */
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/vfs.h>

static void
fake(struct statfs *buf)
{
	const char *t = getenv("PM_FAKE_FSTYPE");

	if (t && *t)
		buf->f_type = (__fsword_t)strtoul(t, NULL, 0);
}

int
statfs(const char *path, struct statfs *buf)
{
	int (*real)(const char *, struct statfs *) =
	    (int (*)(const char *, struct statfs *))dlsym(RTLD_NEXT, "statfs");
	int rc = real(path, buf);

	if (rc == 0)
		fake(buf);
	return rc;
}

int
statfs64(const char *path, struct statfs64 *buf)
{
	int (*real)(const char *, struct statfs64 *) =
	    (int (*)(const char *, struct statfs64 *))dlsym(RTLD_NEXT, "statfs64");
	int rc = real(path, buf);
	const char *t = getenv("PM_FAKE_FSTYPE");

	if (rc == 0 && t && *t)
		buf->f_type = (__fsword_t)strtoul(t, NULL, 0);
	return rc;
}
