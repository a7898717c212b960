/*
 * backend/compile.c: compile_config(), the running config compiled
 * into desired state: kernel objects, IKE peers, diagnostics.
 *
 * Order: checks that concern a config object once (proposals,
 * policies); tunnels (their links first, so that addresses and routes
 * can name them); interfaces and addresses; routes; crypto maps.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "backend/compile_priv.h"

/* ipsec profiles that nothing applies. */
static void
compile_check_profiles(struct compile_ctx *c)
{
	char	line[COMPILE_LINE_MAX];
	size_t	i, j, used;

	for (i = 0; i < c->cfg->ipsec_profiles.n; i++) {
		const struct ipsec_profile	*p;

		p = c->cfg->ipsec_profiles.v[i];

		for (j = used = 0; j < c->cfg->interfaces.n; j++) {
			const struct ios_if	*f = c->cfg->interfaces.v[j];

			used |= f->tun_profile != NULL &&
			    strcmp(f->tun_profile, p->name) == 0;
		}
		if (used)
			continue;
		snprintf(line, sizeof(line), "crypto ipsec profile %s",
		    p->name);
		compile_diag(c, COMPILE_NOTE, line, "IPsec profile %s is not "
		    "applied by any tunnel protection; it protects nothing",
		    p->name);
	}
}

int
compile_config(const struct ios_config *cfg, const struct compile_opts *opts,
    struct compile_out *out)
{
	struct compile_ctx	c = { .cfg = cfg, .opts = opts, .out = out };
	int			error;

	memset(out, 0, sizeof(*out));
	if ((out->ks = kstate_new()) == NULL)
		return -ENOMEM;
	compile_v2_check(&c);
	compile_v1_check(&c);
	compile_check_profiles(&c);
	compile_tunnels(&c);
	compile_if(&c);
	compile_routes(&c);
	compile_cmaps(&c);
	if (c.err == 0 && kstate_sort(out->ks) != 0)
		c.err = -EEXIST;	/* a duplicate slipped through */
	compile_seen_free(&c.seen);
	free(c.reqids.v);
	compile_pidx_free(&c.pidx);
	free(c.psrc);
	compile_v1_free(&c);
	if ((error = c.err) != 0) {
		compile_out_free(out);
		return error < 0 ? error : -ENOMEM;
	}
	return 0;
}

void
compile_out_free(struct compile_out *out)
{
	size_t	i;

	kstate_free(out->ks);
	for (i = 0; i < out->npeers; i++)
		ike_peer_free_secrets(&out->peers[i]);
	free(out->peers);
	for (i = 0; i < out->ndiags; i++) {
		free(out->diags[i].msg);
		free(out->diags[i].line);
	}
	free(out->diags);
	memset(out, 0, sizeof(*out));
}
