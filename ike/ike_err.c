/*
 * ike/ike_err.c: error numbers to words.
 */
#include "ike/ike.h"

static const struct {
	int		 err;
	const char	*text;
} ike_err_table[] = {
	{ IKE_OK,		"success" },
	{ IKE_E_NOMEM,		"out of memory" },
	{ IKE_E_INVAL,		"invalid argument" },
	{ IKE_E_CRYPTO,		"crypto library failure" },
	{ IKE_E_TRUNC,		"truncated input" },
	{ IKE_E_LENGTH,		"bad length field" },
	{ IKE_E_CRITICAL,	"unsupported critical payload" },
	{ IKE_E_ICV,		"integrity check failed" },
	{ IKE_E_NOPROP,		"no proposal chosen" },
	{ IKE_E_AUTH,		"authentication failed" },
	{ IKE_E_STATE,		"message not expected in this state" },
	{ IKE_E_SYNTAX,		"invalid syntax" },
	{ IKE_E_KE,		"invalid KE payload" },
	{ IKE_E_TS,		"traffic selectors unacceptable" },
	{ IKE_E_KERNEL,		"kernel refused the SA" },
	{ IKE_E_TIMEOUT,	"peer not responding" },
	{ IKE_E_BUSY,		"exchange in progress" },
	{ IKE_E_DUP,		"retransmitted request" },
	{ IKE_E_SPACE,		"message too large" },
	{ IKE_E_PEER,		"peer reported an error" },
};

const char *
ike_strerror(int err)
{
	size_t	i;

	for (i = 0; i < sizeof(ike_err_table) / sizeof(ike_err_table[0]); i++)
		if (ike_err_table[i].err == err)
			return (ike_err_table[i].text);
	return ("unknown error");
}
