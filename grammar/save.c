/*
 * grammar/save.c: the startup-config on disk.
 *
 * Saving writes the printed running config to a temporary file in the
 * same directory (mode 0600: it holds keys), syncs it, keeps the old
 * file as startup-config.bak, renames the new one into place and syncs
 * the directory, so that a crash leaves either the old file or the new
 * one, never half of one.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "grammar/ios.h"

static int
save_write_all(int fd, const char *s, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, s, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
save_sync_dir(const char *path)
{
	char	*copy, *dir;
	int	 fd, rc;

	if ((copy = strdup(path)) == NULL)
		return -1;
	dir = dirname(copy);
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	free(copy);
	if (fd == -1)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int
ios_config_save(struct ios_config *cfg)
{
	char	*text = NULL, *tmp = NULL, *bak = NULL;
	size_t	 len;
	struct stat st;
	int	 fd = -1, rc = -1, saved;

	if (cfg->startup_path == NULL) {
		errno = EINVAL;
		return -1;
	}
	if ((text = ios_print_string(cfg, &len)) == NULL ||
	    asprintf(&tmp, "%s.tmpXXXXXX", cfg->startup_path) == -1 ||
	    asprintf(&bak, "%s.bak", cfg->startup_path) == -1) {
		tmp = NULL;
		errno = ENOMEM;
		goto done;
	}
	if ((fd = mkstemp(tmp)) == -1)
		goto done;
	if (fchmod(fd, 0600) == -1 || save_write_all(fd, text, len) == -1 ||
	    fsync(fd) == -1)
		goto done;
	if (close(fd) == -1) {
		fd = -1;
		goto done;
	}
	fd = -1;
	if (lstat(cfg->startup_path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto done;
	}
	/* The previous file becomes the backup (a hard link keeps it). */
	if (!cfg->bak_locked) {
		unlink(bak);
		if (link(cfg->startup_path, bak) == -1 && errno != ENOENT)
			goto done;
	}
	if (rename(tmp, cfg->startup_path) == -1)
		goto done;
	if (cfg->boot_failed)
		cfg->bak_locked = 1;
	rc = save_sync_dir(cfg->startup_path);
done:
	saved = errno;
	if (fd != -1)
		close(fd);
	if (rc == -1 && tmp != NULL)
		unlink(tmp);
	if (text != NULL)
		explicit_bzero(text, len);
	free(text);
	free(tmp);
	free(bak);
	errno = saved;
	return rc;
}

/* Erasing keeps the backup too: nothing a save wrote is lost at once. */
int
ios_config_erase(const struct ios_config *cfg)
{
	char	*bak;
	int	 rc;

	if (cfg->startup_path == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (asprintf(&bak, "%s.bak", cfg->startup_path) == -1)
		return -1;
	unlink(bak);
	rc = rename(cfg->startup_path, bak);
	free(bak);
	return rc;
}
