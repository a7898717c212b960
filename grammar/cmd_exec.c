/*
 * grammar/cmd_exec.c: the exec commands (enable, configure, show
 * running-config, write, copy, erase, terminal, show version) and the
 * commands every config mode shares (end, exit), hostname and enable
 * secret.
 */
#include <crypt.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "grammar/cmd.h"

#ifndef PACKAGE_VERSION
#define PACKAGE_VERSION "0.0"
#endif

/* -------------------------------------------------- enable, disable */

/* Up to three tries, as IOS; from a file nobody answers: refused. */
static int
h_enable(struct cli *cli, const struct cmd_args *a)
{
	char	 pw[128];
	int	 i, ok = 0, rv;

	(void)a;
	/* At privilege 15 already: nothing to do, as IOS. */
	if (cli_mode(cli) != IOS_M_USER)
		return CLI_OK;
	if (cfg_of(cli)->enable_secret == NULL) {
		cli_mode_set(cli, IOS_M_PRIV);
		return CLI_OK;
	}
	for (i = 0; i < 3 && !ok; i++) {
		if ((rv = cli_ask(cli, "Password: ", 0, pw, sizeof(pw))) ==
		    CLI_ASK_LATER)
			return CLI_ASKED;
		if (rv == -1)
			break;
		ok = ios_enable_check(cfg_of(cli), pw);
		explicit_bzero(pw, sizeof(pw));
	}
	if (!ok)
		return cmd_fail(cli, "%% Bad secrets\n\n");
	cli_mode_set(cli, IOS_M_PRIV);
	return CLI_OK;
}

static int
h_disable(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_mode_set(cli, IOS_M_USER);
	return CLI_OK;
}

static int
h_exit_exec(struct cli *cli, const struct cmd_args *a)
{
	(void)cli;
	(void)a;
	return CLI_EXIT;
}

static int
h_configure(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_printf(cli, "Enter configuration commands, one per line.  "
	    "End with CNTL/Z.\n");
	return CLI_OK;
}

static int
h_end(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_mode_end(cli);
	return CLI_OK;
}

static int
h_exit_config(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_mode_exit(cli);
	return CLI_OK;
}

static const struct cmd_tok t_enable[] = {
	{ "enable", "Turn on privileged commands" }, T_END
};
static const struct cmd_tok t_disable[] = {
	{ "disable", "Turn off privileged commands" }, T_END
};
static const struct cmd_tok t_exit[] = {
	{ "exit", "Exit from the EXEC" }, T_END
};
static const struct cmd_tok t_logout[] = {
	{ "logout", "Exit from the EXEC" }, T_END
};
static const struct cmd_tok t_configure[] = {
	{ "configure", "Enter configuration mode" },
	{ "[", NULL }, { "terminal", "Configure from the terminal" },
	{ "]", NULL }, T_END
};
static const struct cmd_tok t_end[] = {
	{ "end", "Exit from configure mode" }, T_END
};
static const struct cmd_tok t_exit_config[] = {
	{ "exit", "Exit from configure mode" }, T_END
};

static const struct cmd_def c_enable = { M_EXEC_ALL, -1, 0, 0, h_enable,
	t_enable };
static const struct cmd_def c_disable = { M(IOS_M_PRIV), -1, 0, 0,
	h_disable, t_disable };
static const struct cmd_def c_exit = { M_EXEC_ALL, -1, 0, 0, h_exit_exec,
	t_exit };
static const struct cmd_def c_logout = { M_EXEC_ALL, -1, 0, 0, h_exit_exec,
	t_logout };
static const struct cmd_def c_configure = { M(IOS_M_PRIV), IOS_M_CONFIG, 0,
	0, h_configure, t_configure };
static const struct cmd_def c_end = { M_CONFIG_ALL, -1, 0, 0, h_end, t_end };
static const struct cmd_def c_exit_config = { M_CONFIG_ALL, -1, 0, 0,
	h_exit_config, t_exit_config };

/* --------------------------------------------------------- terminal */

static int
h_terminal(struct cli *cli, const struct cmd_args *a)
{
	struct cli_term	*t = cli_term(cli);

	if (cmd_has(a, "length"))
		t->length = (int)cmd_num(a, "n", 24);
	else if (cmd_has(a, "width"))
		t->width = (int)cmd_num(a, "n", 80);
	else if (cmd_has(a, "monitor"))
		t->monitor = !cmd_has(a, "no");
	return CLI_OK;
}

static const struct cmd_tok t_terminal[] = {
	{ "terminal", "Set terminal line parameters" },
	{ "{", NULL },
	{ "length", "Set number of lines on a screen" },
	{ "<0-512>:n", "Number of lines on screen (0 for no pausing)" },
	{ "|", NULL },
	{ "width", "Set width of the display terminal" },
	{ "<0-512>:n", "Number of characters on a screen line" },
	{ "|", NULL },
	{ "monitor", "Copy debug output to the current terminal line" },
	{ "|", NULL },
	{ "no", "Negate a command or set its defaults" },
	{ "monitor", "Copy debug output to the current terminal line" },
	{ "}", NULL }, T_END
};
static const struct cmd_def c_terminal = { M_EXEC_ALL, -1, 0, 0, h_terminal,
	t_terminal };

/* ------------------------------------------------------------- show */

static void
emit_cli(void *arg, const char *line)
{
	cli_printf(arg, "%s\n", line);
}

struct capture {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

static void
capture_line(void *arg, const char *line)
{
	struct capture	*c = arg;
	size_t		 l = strlen(line);
	char		*ns;

	if (c->len + l + 2 > c->cap) {
		c->cap = (c->cap + l + 2) * 2;
		if ((ns = realloc(c->s, c->cap)) == NULL)
			return;
		c->s = ns;
	}
	memcpy(c->s + c->len, line, l);
	c->len += l;
	c->s[c->len++] = '\n';
	c->s[c->len] = '\0';
}

static int
h_show_run(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct capture		 c = { 0 };
	const struct ios_if	*f;
	char			 ifn[64], *body;
	size_t			 len;

	if (cmd_has(a, "interface")) {
		if (cmd_ifname(a, "ifname", ifn, sizeof(ifn)) == -1 ||
		    (f = model_interface(cfg, ifn, 0)) == NULL)
			return cmd_fail(cli, "%%Invalid interface type and "
			    "number\n");
		capture_line(&c, "!");
		ios_print_interface(cfg, f, capture_line, &c);
		if (c.s == NULL)
			return cmd_fail(cli, "%% Out of memory\n");
		/* the block's closing "!" becomes "end" */
		c.len -= 2;
		c.s[c.len] = '\0';
		capture_line(&c, "end");
		cli_printf(cli, "Building configuration...\n\n"
		    "Current configuration : %zu bytes\n", c.len);
		cli_puts(cli, c.s);
		free(c.s);
		return CLI_OK;
	}
	if ((body = ios_print_string(cfg, &len)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	cli_printf(cli, "Building configuration...\n\n"
	    "Current configuration : %zu bytes\n", len);
	cli_puts(cli, body);
	free(body);
	return CLI_OK;
}

/* Reads a whole file; NULL with errno. */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*s = NULL;
	size_t	 cap = 0, len = 0, n;

	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	for (;;) {
		if (len + 4096 + 1 > cap) {
			char *ns = realloc(s, cap = (cap + 4096) * 2);

			if (ns == NULL) {
				free(s);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			s = ns;
		}
		n = fread(s + len, 1, 4096, f);
		len += n;
		if (n < 4096)
			break;
	}
	fclose(f);
	s[len] = '\0';
	*lenp = len;
	return s;
}

static int
h_show_startup(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	char			*s;
	size_t			 len;

	(void)a;
	if (cfg->startup_path == NULL ||
	    (s = slurp(cfg->startup_path, &len)) == NULL)
		return cmd_fail(cli, "startup-config is not present\n");
	cli_printf(cli, "Using %zu out of 33554432 bytes\n", len);
	cli_puts(cli, s);
	explicit_bzero(s, len);
	free(s);
	return CLI_OK;
}

static int
h_show_version(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct sysinfo		 si;
	struct utsname		 u;
	char			 up[128], id[32] = "0";
	long			 m, h, d, w;
	size_t			 off = 0, i;
	FILE			*f;

	(void)a;
	if (sysinfo(&si) == -1)
		si.uptime = 0;
	if (uname(&u) == -1)
		snprintf(u.machine, sizeof(u.machine), "unknown");
	m = si.uptime / 60 % 60;
	h = si.uptime / 3600 % 24;
	d = si.uptime / 86400 % 7;
	w = si.uptime / 604800;
	up[0] = '\0';
	if (w)
		off += snprintf(up + off, sizeof(up) - off, "%ld week%s, ", w,
		    w == 1 ? "" : "s");
	if (w || d)
		off += snprintf(up + off, sizeof(up) - off, "%ld day%s, ", d,
		    d == 1 ? "" : "s");
	if (w || d || h)
		off += snprintf(up + off, sizeof(up) - off, "%ld hour%s, ", h,
		    h == 1 ? "" : "s");
	snprintf(up + off, sizeof(up) - off, "%ld minute%s", m,
	    m == 1 ? "" : "s");
	if ((f = fopen("/etc/machine-id", "r")) != NULL) {
		if (fgets(id, 12, f) == NULL)
			snprintf(id, sizeof(id), "0");
		fclose(f);
		for (i = 0; id[i] != '\0'; i++)
			if (id[i] == '\n')
				id[i] = '\0';
	}
	cli_printf(cli,
	    "iosh Software (iosh-%s), Version %s, RELEASE SOFTWARE (%s)\n"
	    "iosh, an IPsec router shell for Linux.\n"
	    "\n"
	    "ROM: Linux %s\n"
	    "\n"
	    "%s uptime is %s\n"
	    "System image file is \"bootflash:iosh\"\n"
	    "Last reload reason: Linux boot\n"
	    "\n"
	    "Linux %s (%s) processor with %lu K bytes of memory.\n"
	    "Processor board ID %s\n"
	    "Configuration register is 0x2102\n",
	    u.machine, PACKAGE_VERSION, "rel1", u.release,
	    cfg->hostname ? cfg->hostname : "Router", up, u.release,
	    u.machine, (unsigned long)(si.totalram / 1024 * si.mem_unit),
	    id);
	return CLI_OK;
}

static int
h_show_kept(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_printf(cli, "! Kept in the running config, not applied by "
	    "iosh:\n");
	ios_print_kept(cfg_of(cli), emit_cli, cli);
	return CLI_OK;
}

/* Oldest first, two spaces in, as IOS; the show history line included. */
static int
h_show_history(struct cli *cli, const struct cmd_args *a)
{
	int	 n;

	(void)a;
	for (n = CLI_HISTORY - 1; n >= 0; n--)
		if (cli_history(cli, n) != NULL)
			cli_printf(cli, "  %s\n", cli_history(cli, n));
	return CLI_OK;
}

static int
h_show_privilege(struct cli *cli, const struct cmd_args *a)
{
	(void)a;
	cli_printf(cli, "Current privilege level is %d\n",
	    cli_mode(cli) == IOS_M_USER ? 1 : 15);
	return CLI_OK;
}

static const struct cmd_tok t_show_run[] = {
	{ "show", H_SHOW },
	{ "running-config", "Current operating configuration" },
	{ "[", NULL }, { "interface", "Show interface configuration" },
	{ "IFNAME:ifname", "Interface" }, { "]", NULL }, T_END
};
static const struct cmd_tok t_show_start[] = {
	{ "show", H_SHOW },
	{ "startup-config", "Contents of startup configuration" }, T_END
};
static const struct cmd_tok t_show_version[] = {
	{ "show", H_SHOW },
	{ "version", "System hardware and software status" }, T_END
};
static const struct cmd_tok t_show_privilege[] = {
	{ "show", H_SHOW },
	{ "privilege", "Show current privilege level" }, T_END
};
static const struct cmd_tok t_show_kept[] = {
	{ "show", H_SHOW },
	{ "kept-config", "Configuration lines kept but not applied by iosh" },
	T_END
};
static const struct cmd_tok t_show_history[] = {
	{ "show", H_SHOW },
	{ "history", "Display the session command history" }, T_END
};
static const struct cmd_def c_show_history = { M_EXEC_ALL, -1, CMD_PIPE, 0,
	h_show_history, t_show_history };
static const struct cmd_def c_show_kept = { M(IOS_M_PRIV), -1, CMD_PIPE, 0,
	h_show_kept, t_show_kept };
static const struct cmd_def c_show_run = { M(IOS_M_PRIV), -1, CMD_PIPE, 0,
	h_show_run, t_show_run };
static const struct cmd_def c_show_start = { M(IOS_M_PRIV), -1, CMD_PIPE, 0,
	h_show_startup, t_show_start };
static const struct cmd_def c_show_version = { M_EXEC_ALL, -1, CMD_PIPE, 0,
	h_show_version, t_show_version };
static const struct cmd_def c_show_privilege = { M_EXEC_ALL, -1, CMD_PIPE,
	0, h_show_privilege, t_show_privilege };

/* ----------------------------------------------- write, copy, erase */

static int
save(struct cli *cli)
{
	struct ios_config	*cfg = cfg_of(cli);

	cli_printf(cli, "Building configuration...\n");
	if (ios_config_save(cfg) == -1)
		return cmd_fail(cli, "%%Error opening startup-config (%s)\n",
		    strerror(errno));
	cli_printf(cli, "[OK]\n");
	return CLI_OK;
}

static int	h_erase(struct cli *, const struct cmd_args *);

static int
h_write(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);

	if (cmd_has(a, "terminal")) {
		ios_print_running(cfg, emit_cli, cli);
		return CLI_OK;
	}
	if (cmd_has(a, "erase"))
		return h_erase(cli, a);
	return save(cli);
}

static int
h_copy_run_start(struct cli *cli, const struct cmd_args *a)
{
	char	 dst[128];
	int	 rv;

	(void)a;
	if ((rv = cli_ask(cli, "Destination filename [startup-config]? ", 1,
	    dst, sizeof(dst))) == CLI_ASK_LATER)
		return CLI_ASKED;
	if (rv == 0 && dst[0] != '\0' && strcmp(dst, "startup-config") != 0)
		/* XXX: only startup-config is a destination so far. */
		return cmd_fail(cli, "%%Error opening %s (Permission "
		    "denied)\n", dst);
	return save(cli);
}

static int
h_copy_start_run(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	struct timespec		 t0, t1;
	struct stat		 st;
	double			 secs;
	FILE			*f;

	(void)a;
	if (cfg->startup_path == NULL ||
	    (f = fopen(cfg->startup_path, "r")) == NULL)
		return cmd_fail(cli, "%%Error opening nvram:/startup-config "
		    "(No such file or directory)\n");
	if (fstat(fileno(f), &st) == -1)
		st.st_size = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cli_feed(cli, f, "startup-config", IOS_M_CONFIG);
	fclose(f);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cli_printf(cli, "%lld bytes copied in %.3f secs (%lld bytes/sec)\n",
	    (long long)st.st_size, secs, secs > 0 ?
	    (long long)((double)st.st_size / secs) : (long long)st.st_size);
	return CLI_OK;
}

/*
 * IOS asks first; Enter or y goes on, anything else stops.  Nobody to
 * ask (a file, iosh -c): the default, which is to go on.
 */
static int
h_erase(struct cli *cli, const struct cmd_args *a)
{
	char	 ans[16];
	int	 rv;

	(void)a;
	if ((rv = cli_ask(cli, "Erasing the nvram filesystem will remove "
	    "all configuration files! Continue? [confirm]", 1, ans,
	    sizeof(ans))) == CLI_ASK_LATER)
		return CLI_ASKED;
	if (rv == 0 && ans[0] != '\0' && ans[0] != 'y' && ans[0] != 'Y')
		return CLI_OK;
	if (ios_config_erase(cfg_of(cli)) == -1 && errno != ENOENT)
		return cmd_fail(cli, "%%Error erasing nvram: (%s)\n",
		    strerror(errno));
	cli_printf(cli, "[OK]\nErase of nvram: complete\n");
	return CLI_OK;
}

static const struct cmd_tok t_write[] = {
	{ "write", "Write running configuration to memory, network, or "
	    "terminal" },
	{ "[", NULL }, { "{", NULL },
	{ "erase", "Erase NV memory" }, { "|", NULL },
	{ "memory", "Write to NV memory" }, { "|", NULL },
	{ "terminal", "Write to terminal" },
	{ "}", NULL }, { "]", NULL }, T_END
};
static const struct cmd_tok t_copy_rs[] = {
	{ "copy", "Copy from one file to another" },
	{ "running-config", "Copy from current system configuration" },
	{ "startup-config", "Copy to startup configuration" }, T_END
};
static const struct cmd_tok t_copy_sr[] = {
	{ "copy", "Copy from one file to another" },
	{ "startup-config", "Copy from startup configuration" },
	{ "running-config", "Update (merge with) current system "
	    "configuration" }, T_END
};
static const struct cmd_tok t_erase[] = {
	{ "erase", "Erase a filesystem" },
	{ "startup-config", "Erase contents of configuration memory" }, T_END
};
static const struct cmd_def c_write = { M(IOS_M_PRIV), -1, 0, 0, h_write,
	t_write };
static const struct cmd_def c_copy_rs = { M(IOS_M_PRIV), -1, 0, 0,
	h_copy_run_start, t_copy_rs };
static const struct cmd_def c_copy_sr = { M(IOS_M_PRIV), -1, 0, 0,
	h_copy_start_run, t_copy_sr };
static const struct cmd_def c_erase = { M(IOS_M_PRIV), -1, 0, 0, h_erase,
	t_erase };

/* ------------------------------------------ hostname, enable secret */

static int
h_hostname(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*n = cmd_arg(a, "name");
	size_t			 len;

	/*
	 * ARPANET host name rules, as the IOS manual states them: a
	 * letter first, a letter or digit last, letters, digits and
	 * hyphens between, 63 characters at most.  IOS also takes "_".
	 * XXX: only the illegal-characters message is IOS's verified
	 * text; the other three are worded after it.
	 */
	if (!cmd_off(a)) {
		len = strlen(n);
		if (n[strspn(n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ"
		    "RSTUVWXYZ0123456789-_")] != '\0')
			return cmd_fail(cli, "%% Hostname contains one or more "
			    "illegal characters.\n");
		if (!isalpha((unsigned char)n[0]))
			return cmd_fail(cli, "%% Hostname must start with a "
			    "letter.\n");
		if (!isalnum((unsigned char)n[len - 1]))
			return cmd_fail(cli, "%% Hostname must end with a "
			    "letter or digit.\n");
		if (len > 63)
			return cmd_fail(cli, "%% Hostname is longer than 63 "
			    "characters.\n");
	}
	str_set(&cfg->hostname, cmd_off(a) ? NULL : cmd_arg(a, "name"));
	return CLI_OK;
}

/* An md5-crypt ("$1$") hash of pw: what IOS calls type 5. */
static char *
secret_hash(const char *pw)
{
	static const char	 b64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTU"
				    "VWXYZabcdefghijklmnopqrstuvwxyz";
	unsigned char		 rnd[4];
	char			 salt[16];
	struct crypt_data	 cd;
	char			*h;
	int			 fd, i;

	if ((fd = open("/dev/urandom", O_RDONLY)) == -1)
		return NULL;
	if (read(fd, rnd, sizeof(rnd)) != (ssize_t)sizeof(rnd)) {
		close(fd);
		return NULL;
	}
	close(fd);
	memcpy(salt, "$1$", 3);
	for (i = 0; i < 4; i++)
		salt[3 + i] = b64[rnd[i] & 63];
	salt[7] = '$';
	salt[8] = '\0';
	memset(&cd, 0, sizeof(cd));
	h = crypt_r(pw, salt, &cd);
	h = h != NULL && h[0] == '$' ? strdup(h) : NULL;
	explicit_bzero(&cd, sizeof(cd));
	return h;
}

/*
 * Whether s has the shape of a hash of the type: $1$SALT$ and 22
 * characters (md5-crypt, type 5), $8$ or $9$, a salt of 14 and 43
 * characters (PBKDF2, scrypt).  The characters are crypt's base 64.
 */
static int
secret_shape_ok(int type, const char *s)
{
	static const char	 b64[] = "./0123456789ABCDEFGHIJKLMNOPQRSTU"
				    "VWXYZabcdefghijklmnopqrstuvwxyz";
	size_t			 salt, hash;

	if (s[0] != '$' || s[1] != (type == 5 ? '1' : '0' + type) ||
	    s[2] != '$')
		return 0;
	s += 3;
	salt = strspn(s, b64);
	if (s[salt] != '$')
		return 0;
	hash = strlen(s + salt + 1);
	if (strspn(s + salt + 1, b64) != hash)
		return 0;
	if (type == 5)
		return salt >= 1 && salt <= 8 && hash == 22;
	return salt == 14 && hash == 43;
}

static int
h_enable_secret(struct cli *cli, const struct cmd_args *a)
{
	struct ios_config	*cfg = cfg_of(cli);
	const char		*s = cmd_arg(a, "pw");
	char			*h;
	int			 type = cmd_has(a, "5") ? 5 : cmd_has(a, "8") ?
				    8 : cmd_has(a, "9") ? 9 : 0;

	if (cmd_off(a)) {
		str_wipe_free(cfg->enable_secret);
		cfg->enable_secret = NULL;
		cfg->enable_type = 0;
		return CLI_OK;
	}
	if (type == 0) {
		if ((h = secret_hash(s)) == NULL)
			return cmd_fail(cli, "%% Cannot hash the secret\n");
		type = 5;
	} else if (!secret_shape_ok(type, s)) {
		return cmd_fail(cli, "ERROR: The secret you entered is not a "
		    "valid encrypted secret.\nTo enter an UNENCRYPTED secret, "
		    "do not specify type %d encryption.\nWhen you properly "
		    "enter an UNENCRYPTED secret, it will be encrypted.\n\n",
		    type);
	} else if ((h = strdup(s)) == NULL)
		return cmd_fail(cli, "%% Out of memory\n");
	str_wipe_free(cfg->enable_secret);
	cfg->enable_secret = h;
	cfg->enable_type = type;
	return CLI_OK;
}

int
ios_enable_check(const struct ios_config *cfg, const char *pw)
{
	struct crypt_data	 cd;
	const char		*h;
	int			 ok;

	if (cfg->enable_secret == NULL)
		return 1;
	if (cfg->enable_type != 5)
		return 0;	/* XXX: type 8 and 9 cannot be checked yet */
	memset(&cd, 0, sizeof(cd));
	h = crypt_r(pw, cfg->enable_secret, &cd);
	ok = h != NULL && strcmp(h, cfg->enable_secret) == 0;
	explicit_bzero(&cd, sizeof(cd));
	return ok;
}

static const struct cmd_tok t_hostname[] = {
	{ "hostname", "Set system's network name" },
	{ "WORD:name", "This system's network name" }, T_END
};
static const struct cmd_tok t_enable_secret[] = {
	{ "enable", "Modify enable password parameters" },
	{ "secret", "Assign the privileged level secret (MAX of 25 "
	    "characters)" },
	{ "[", NULL }, { "{", NULL },
	{ "0", "Specifies an UNENCRYPTED password will follow" },
	{ "|", NULL }, { "5", "Specifies a MD5 HASHED secret will follow" },
	{ "|", NULL }, { "8", "Specifies a PBKDF2 HASHED secret will "
	    "follow" },
	{ "|", NULL }, { "9", "Specifies a SCRYPT HASHED secret will "
	    "follow" },
	{ "}", NULL }, { "]", NULL },
	{ "WORD:pw", "The secret" }, T_END
};
static const struct cmd_def c_hostname = { M(IOS_M_CONFIG), -1, CMD_NO, 1,
	h_hostname, t_hostname };
static const struct cmd_def c_enable_secret = { M(IOS_M_CONFIG), -1, CMD_NO,
	2, h_enable_secret, t_enable_secret };

const struct cmd_def *const cmds_exec[] = {
	&c_enable, &c_disable, &c_exit, &c_logout, &c_configure, &c_end,
	&c_exit_config, &c_terminal,
	&c_show_run, &c_show_kept, &c_show_history, &c_show_start,
	&c_show_version, &c_show_privilege,
	&c_write, &c_copy_rs, &c_copy_sr, &c_erase,
	&c_hostname, &c_enable_secret,
	NULL
};
