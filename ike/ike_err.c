/*
 * ike/ike_err.c: error numbers and error notify types to words.
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

/* The error notify types (RFC 7296 3.10.1) by their names. */
static const struct {
	uint16_t	 type;
	const char	*name;
} ike_notify_table[] = {
	{ IKE_N_UNSUPPORTED_CRITICAL_PAYLOAD, "UNSUPPORTED_CRITICAL_PAYLOAD" },
	{ IKE_N_INVALID_IKE_SPI,	"INVALID_IKE_SPI" },
	{ IKE_N_INVALID_MAJOR_VERSION,	"INVALID_MAJOR_VERSION" },
	{ IKE_N_INVALID_SYNTAX,		"INVALID_SYNTAX" },
	{ IKE_N_INVALID_MESSAGE_ID,	"INVALID_MESSAGE_ID" },
	{ IKE_N_INVALID_SPI,		"INVALID_SPI" },
	{ IKE_N_NO_PROPOSAL_CHOSEN,	"NO_PROPOSAL_CHOSEN" },
	{ IKE_N_INVALID_KE_PAYLOAD,	"INVALID_KE_PAYLOAD" },
	{ IKE_N_AUTHENTICATION_FAILED,	"AUTHENTICATION_FAILED" },
	{ IKE_N_SINGLE_PAIR_REQUIRED,	"SINGLE_PAIR_REQUIRED" },
	{ IKE_N_NO_ADDITIONAL_SAS,	"NO_ADDITIONAL_SAS" },
	{ IKE_N_INTERNAL_ADDRESS_FAILURE, "INTERNAL_ADDRESS_FAILURE" },
	{ IKE_N_FAILED_CP_REQUIRED,	"FAILED_CP_REQUIRED" },
	{ IKE_N_TS_UNACCEPTABLE,	"TS_UNACCEPTABLE" },
	{ IKE_N_INVALID_SELECTORS,	"INVALID_SELECTORS" },
	{ IKE_N_TEMPORARY_FAILURE,	"TEMPORARY_FAILURE" },
	{ IKE_N_CHILD_SA_NOT_FOUND,	"CHILD_SA_NOT_FOUND" },
};

const char *
ike_notify_name(uint16_t type)
{
	size_t	i;

	for (i = 0; i < sizeof(ike_notify_table) /
	    sizeof(ike_notify_table[0]); i++)
		if (ike_notify_table[i].type == type)
			return (ike_notify_table[i].name);
	return ("unknown notify");
}
