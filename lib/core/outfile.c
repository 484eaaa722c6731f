/* outfile.c - a file written whole, never over the database or the input */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "outfile.h"

/*
 * The absolute name of path with its folder resolved (symlinks, "..")
 * but not its last part, which need not exist: "-wal" beside the
 * database is a name to refuse even while no -wal is there.  NULL when
 * the folder cannot be resolved (then it holds no database either) or
 * memory runs out; *oom tells which.
 */
/* The folder part of path ("." or "/" when it has none); NULL when out
 * of memory. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

static char *
canonical(const char *path, int *oom)
{
	const char *slash = strrchr(path, '/');
	char *dir, *real, *out = NULL;

	*oom = 0;
	if (!(dir = dir_of(path))) {
		*oom = 1;
		return NULL;
	}
	real = realpath(dir, NULL);
	free(dir);
	if (!real) {
		*oom = errno == ENOMEM;
		return NULL;
	}
	if (asprintf(&out, "%s/%s", strcmp(real, "/") ? real : "", slash ? slash + 1 : path) < 0) {
		out = NULL;
		*oom = 1;
	}
	free(real);
	return out;
}

static int
same_file(const struct stat *a, const char *path)
{
	struct stat b;

	return stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Is out (canonical) the database db or one of its companion files?
 * Returns the suffix ("" for the database itself), or NULL. */
static const char *
db_part(const char *out, const char *db, int *oom)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char *base = canonical(db, oom);
	const char *hit = NULL;
	size_t n, i;

	if (!base)
		return NULL;
	n = strlen(base);
	for (i = 0; i < sizeof suffix / sizeof *suffix && !hit; i++)
		if (!strncmp(out, base, n) && !strcmp(out + n, suffix[i]))
			hit = suffix[i];
	free(base);
	return hit;
}

int
pm_outfile_check(const char *path, const struct pm_outfile_guard *g, struct pm_err *err)
{
	struct stat st;
	const char *part = NULL;
	char *name;
	int exists, oom;

	exists = stat(path, &st) == 0;
	if (exists && g->db && same_file(&st, g->db))
		part = "";
	if (!part && g->db) {
		if (!(name = canonical(path, &oom)) && oom)
			return pm_err_oom(err);
		if (name) {
			part = db_part(name, g->db, &oom);
			free(name);
			if (!part && oom)
				return pm_err_oom(err);
		}
	}
	if (part && !*part)
		return pm_err_set(err, PM_EXIT_CANTCREAT,
		    _("%s: '%s' is the database itself: name another file"), g->option, path);
	if (part)
		return pm_err_set(err, PM_EXIT_CANTCREAT,
		    _("%s: '%s' is the database's %s file: name another file"), g->option, path, part);
	if (exists && g->input && strcmp(g->input, "-") && same_file(&st, g->input))
		return pm_err_set(err, PM_EXIT_CANTCREAT,
		    _("%s: '%s' is the file being read: name another file"), g->option, path);
	if (exists && !S_ISREG(st.st_mode))
		return pm_err_set(err, PM_EXIT_CANTCREAT,
		    _("%s: '%s' exists and is not a regular file: name a new or a regular file"),
		    g->option, path);
	return 0;
}

int
pm_outfile_open(struct pm_outfile *o, const char *path, const struct pm_outfile_guard *g,
    int shared, struct pm_err *err)
{
	int fd, e;
	mode_t mask;

	memset(o, 0, sizeof *o);
	if (pm_outfile_check(path, g, err) < 0)
		return -1;
	pm_outfile_sweep(path, 0);
	if (asprintf(&o->tmp, "%s.tmp-XXXXXX", path) < 0) {
		o->tmp = NULL;
		return pm_err_oom(err);
	}
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		e = errno;
		free(o->tmp);
		o->tmp = NULL;
		return pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create '%s': %s"), path, strerror(e));
	}
	if (shared) {
		/* mkstemp makes it 0600: give it what a new file gets */
		mask = umask(0);
		umask(mask);
		if (fchmod(fd, 0666 & ~mask) < 0)
			goto fail;
	}
	if (!(o->fp = fdopen(fd, "w")))
		goto fail;
	o->path = (char *)path;
	return 0;
fail:
	e = errno;
	close(fd);
	unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
	return pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create '%s': %s"), path, strerror(e));
}

int
pm_outfile_commit(struct pm_outfile *o, const struct pm_outfile_guard *g, struct pm_err *err)
{
	int bad, e = 0;

	if (!o->fp)
		return 0;
	bad = fflush(o->fp) != 0 || ferror(o->fp) || fsync(fileno(o->fp)) != 0;
	if (bad)
		e = errno;
	if (fclose(o->fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	o->fp = NULL;
	if (bad) {
		pm_err_set(err, PM_EXIT_IO, _("cannot write '%s': %s"), o->path, strerror(e));
		goto fail;
	}
	if (pm_outfile_check(o->path, g, err) < 0)
		goto fail;
	if (rename(o->tmp, o->path) != 0) {
		pm_err_set(err, PM_EXIT_CANTCREAT, _("cannot create '%s': %s"), o->path, strerror(errno));
		goto fail;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
fail:
	pm_outfile_abort(o);
	return -1;
}

void
pm_outfile_abort(struct pm_outfile *o)
{
	if (o->fp)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	o->tmp = NULL;
}

/* Is name base, then (with any_middle) anything, then ".tmp-" and six
 * letters or digits? */
static int
is_tmp_name(const char *name, const char *base, int any_middle)
{
	size_t n = strlen(name), b = strlen(base), i;
	const char *tail;

	if (n < b + 11 || strncmp(name, base, b) != 0 || (!any_middle && n != b + 11))
		return 0;
	tail = name + n - 11;
	if (strncmp(tail, ".tmp-", 5) != 0)
		return 0;
	for (i = 5; i < 11; i++)
		if (!isalnum((unsigned char)tail[i]))
			return 0;
	return 1;
}

/* Does another process hold a lock on any byte of the file? */
static int
locked(const char *path)
{
	struct flock fl = {0};
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC), busy;

	if (fd < 0)
		return 1;
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	busy = fcntl(fd, F_GETLK, &fl) != 0 || fl.l_type != F_UNLCK;
	close(fd);
	return busy;
}

int
pm_outfile_sweep(const char *path, int any_middle)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	struct timespec now;
	struct dirent *e;
	struct stat st;
	char *dir, *name;
	DIR *d;
	int n = 0;

	if (!*base || clock_gettime(CLOCK_REALTIME, &now) != 0)
		return 0;
	if (!(dir = dir_of(path)))
		return 0;
	if (!(d = opendir(dir))) {
		free(dir);
		return 0;
	}
	while ((e = readdir(d))) {
		if (!is_tmp_name(e->d_name, base, any_middle))
			continue;
		if (asprintf(&name, "%s/%s", dir, e->d_name) < 0)
			break;
		/* a file changed since this call began may be a writer's
		 * that has not locked it yet, or has just closed it */
		if (lstat(name, &st) == 0 && S_ISREG(st.st_mode) &&
		    (st.st_mtim.tv_sec < now.tv_sec ||
			(st.st_mtim.tv_sec == now.tv_sec && st.st_mtim.tv_nsec < now.tv_nsec)) &&
		    !locked(name) && unlink(name) == 0)
			n++;
		free(name);
	}
	closedir(d);
	free(dir);
	return n;
}
