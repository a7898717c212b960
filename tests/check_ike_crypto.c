/*
 * tests/check_ike_crypto.c: known-answer tests for every algorithm and
 * for the IKEv2 key schedule.  The source of each vector is named
 * beside it; no expected value here was computed by this code.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ike/ike.h"
#include "tests/ike/hex.h"

/* Compare bytes against a hex string. */
static void
eq_hex(const uint8_t *p, size_t len, const char *want)
{
	size_t	 n;
	uint8_t	*w = hex(want, &n);

	ck_assert_uint_eq(len, n);
	ck_assert_int_eq(memcmp(p, w, n), 0);
	free(w);
}

static struct ike_buf *
hbuf(const char *s)
{
	size_t		 n;
	uint8_t		*p = hex(s, &n);
	struct ike_buf	*b = ike_buf_dup(p, n);

	free(p);
	return (b);
}

/* ---- HMAC: RFC 4231 section 4.2 and 4.3, RFC 2202 section 3 ---- */

static const struct {
	uint16_t	 prf;
	const char	*key, *data, *mac;
} hmac_kat[] = {
	/* RFC 2202 test case 1, HMAC-SHA-1 */
	{ 2, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
	  "b617318655057264e28bc0b6fb378c8ef146be00" },
	/* RFC 4231 test case 1 */
	{ 5, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
	  "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
	{ 6, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
	  "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
	  "faea9ea9076ede7f4af152e8b2fa9cb6" },
	{ 7, "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
	  "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
	  "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" },
	/* RFC 4231 test case 2 ("Jefe", "what do ya want for nothing?") */
	{ 5, "4a656665",
	  "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
	  "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
	{ 6, "4a656665",
	  "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
	  "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
	  "8e2240ca5e69e2c78b3239ecfab21649" },
	{ 7, "4a656665",
	  "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
	  "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
	  "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
};

START_TEST(test_hmac_kat)
{
	const struct ike_prf	*prf = ike_alg_prf(hmac_kat[_i].prf);
	struct ike_chunk	 c;
	uint8_t			*k, *d, out[64];
	size_t			 kl, dl;

	k = hex(hmac_kat[_i].key, &kl);
	d = hex(hmac_kat[_i].data, &dl);
	c = (struct ike_chunk){ d, dl };
	ck_assert_int_eq(ike_crypto_prf(prf, k, kl, &c, 1, out), IKE_OK);
	eq_hex(out, prf->outlen, hmac_kat[_i].mac);
	free(k);
	free(d);
}
END_TEST

/* Truncated integrity: the leading bytes of the same RFC 4231 MACs. */
START_TEST(test_integ_trunc)
{
	const struct ike_integ	*i = ike_alg_integ(12);	/* SHA2_256_128 */
	struct ike_buf		*key = ike_buf_dup("Jefe", 4);
	const char		*d = "what do ya want for nothing?";
	struct ike_chunk	 c[2] = { { d, 10 },
	    { d + 10, strlen(d) - 10 } };
	uint8_t			 out[32];

	ck_assert_int_eq(ike_crypto_integ(i, key, c, 2, out), IKE_OK);
	eq_hex(out, 16, "5bdcc146bf60754e6a042426089575c7");
	i = ike_alg_integ(14);				/* SHA2_512_256 */
	ck_assert_int_eq(ike_crypto_integ(i, key, c, 2, out), IKE_OK);
	eq_hex(out, 32, "164b7a7bfcf819e2e395fbe73b56e0a3"
	    "87bd64222e831fd610270cd7ea250554");
	ike_buf_free(key);
}
END_TEST

/*
 * ---- IKEv2 key schedule: NIST CAVP SP 800-135 IKEv2 KDF vectors ----
 * SHA-1, from the CAVP "800-135testvectors/ikev2.zip" (as transcribed,
 * with the intermediate prf+ rounds, in a public Rust KDF test suite);
 * g^ir is 128 bytes, DKM 1056 bits.
 */
#define CAVP_NI		"3651fef5c9c35e93"
#define CAVP_NR		"c09a8b90a3f04d59"
#define CAVP_GIR	"d084a30166a50fb7325c3960874a839449ef9741c2f4f947" \
	"d0201dd8c1269273d79509f37e3ca3eb4fa2fe2a28254e289cd3f34dad4eb4df" \
	"1a07685a4b8a94fa61e2491f7598b3ce65547ff133b3f63d1ac4175eaa695033" \
	"f3cedb026a6873a36455172a8540b8a5d23a0143bed0390ee49b168269d75fff" \
	"ee9fb62be965993c"
#define CAVP_GIR_NEW	"52f00ab174c25d5b7139ae5ff4e8e9eddee5992d2e36adf8" \
	"a559ffd90dab1442e4fbe429d320c0f33552a17d1557fa41ea70e8fb916c4fa2" \
	"7ed52b5f8ebd8461afa78f1159159a64055ac5f6319e29c28eae58cbc6847770" \
	"f32c3fed1d04750484f854790f95e9ec01bc5bc461f24966462e359511329305" \
	"038e94deb6dd42c2"
#define CAVP_SPII	"8e5c3ae507221684"
#define CAVP_SPIR	"b1f201bb155c3acd"
#define CAVP_SKEYSEED	"cd2e8050137832245f1dbacc6e4f0a92f94d45d6"
#define CAVP_DKM	"6f1b12cad3cbe097b35430356d869d54cddb0198" \
	"ec859174d53ceb92dddedbe2436db69f60977c58" \
	"fa63bbb667f8d36920b109baae8f6c61a9ac49fe" \
	"da01843225d080ec5539d5881a25521ffb2a0a91" \
	"874a9c0a27fcc2d717eb8963a9e3a89c7ab26475" \
	"7284c28cf8c3ca40576f4220b052b1fb8e9ad60b" \
	"a3c80557323331a8cbb89f20"
#define CAVP_DKM_CHILD	"4727dc0ef94eb326ce131cf282fb652faa638ad0" \
	"ddae3786a11bcc0309876009f8c485de011ad962" \
	"c5b1ca8a41ff8145445749079c5686e26ffebbc3" \
	"42f06981f3da745e11ca0976424d1f8caec623d5" \
	"9dc7186deb20a27b411d1dcb70a365440bf7de90" \
	"5088b0692e8addc094e18d1939bdb67e89798ca6" \
	"b239e2ccb81c2409dac0106c"
#define CAVP_DKM_CHILD_DH "b109c21ad4c0797768c1cec9e63554681e48f224" \
	"bca7f23c20c4ea7041983451e9aa1d5408656c8a" \
	"975ff1b9d9a12c75ffeb64bdecb30174664cccb4" \
	"e14f1c377b7f6d1525af77c7092aac3e47f917eb" \
	"ae8297fb5539d2008ce830823a09cc197361d4a2" \
	"89c72745f6ce9fefe812be5bf55b3200fbb82e41" \
	"a4a40877d3fe106db909707b"
#define CAVP_SKEYSEED_REKEY "3b03bce748c96d5e8306918d2ff89b68f0648da3"

/* Compare a key against bytes [off, off + key->len) of a hex string. */
static void
eq_slice(const struct ike_buf *key, const char *all, size_t off)
{
	size_t	 n;
	uint8_t	*w = hex(all, &n);

	ck_assert_ptr_nonnull(key);
	ck_assert_uint_le(off + key->len, n);
	ck_assert_int_eq(ike_buf_eq_mem(key, w + off, key->len), 1);
	free(w);
}

START_TEST(test_kdf_cavp_sha1)
{
	const struct ike_prf	*prf = ike_alg_prf(2);
	struct ike_buf		*ni = hbuf(CAVP_NI), *nr = hbuf(CAVP_NR);
	struct ike_buf		*gir = hbuf(CAVP_GIR), *seed, *dkm;
	uint8_t			*spii, *spir;
	size_t			 n;
	struct ike_chunk	 c[4];

	spii = hex(CAVP_SPII, &n);
	spir = hex(CAVP_SPIR, &n);
	seed = ike_crypto_skeyseed(prf, ni, nr, gir);
	eq_hex(seed->p, seed->len, CAVP_SKEYSEED);
	c[0] = (struct ike_chunk){ ni->p, ni->len };
	c[1] = (struct ike_chunk){ nr->p, nr->len };
	c[2] = (struct ike_chunk){ spii, 8 };
	c[3] = (struct ike_chunk){ spir, 8 };
	dkm = ike_crypto_prfplus(prf, seed, c, 4, 132);
	eq_hex(dkm->p, dkm->len, CAVP_DKM);
	ike_buf_free(dkm);
	dkm = ike_crypto_prfplus(prf, seed, c, 4, 7);	/* partial round */
	eq_hex(dkm->p, dkm->len, "6f1b12cad3cbe0");
	ike_buf_free(dkm);
	ike_buf_free(seed);
	ike_buf_free(ni);
	ike_buf_free(nr);
	ike_buf_free(gir);
	free(spii);
	free(spir);
}
END_TEST

/* The same vector through the SK_* split: 3*20 + 2*20 + 2*16 = 132. */
START_TEST(test_kdf_cavp_ike_keys)
{
	struct ike_suite	 s = { .prf = ike_alg_prf(2),
	    .integ = ike_alg_integ(2), .encr = ike_alg_encr(12, 128) };
	struct ike_buf		*ni = hbuf(CAVP_NI), *nr = hbuf(CAVP_NR);
	struct ike_buf		*gir = hbuf(CAVP_GIR);
	struct ike_keys		 k;
	uint8_t			*spii, *spir;
	size_t			 n;

	spii = hex(CAVP_SPII, &n);
	spir = hex(CAVP_SPIR, &n);
	ck_assert_int_eq(ike_crypto_ike_keys(&s, gir, ni, nr, spii, spir,
	    &k), IKE_OK);
	eq_slice(k.d, CAVP_DKM, 0);
	eq_slice(k.ai, CAVP_DKM, 20);
	eq_slice(k.ar, CAVP_DKM, 40);
	eq_slice(k.ei, CAVP_DKM, 60);
	eq_slice(k.er, CAVP_DKM, 76);
	eq_slice(k.pi, CAVP_DKM, 92);
	eq_slice(k.pr, CAVP_DKM, 112);
	ck_assert_uint_eq(k.pr->len, 20);
	ike_keys_free(&k);
	ck_assert_ptr_null(k.d);
	ike_buf_free(ni);
	ike_buf_free(nr);
	ike_buf_free(gir);
	free(spii);
	free(spir);
}
END_TEST

/* Child SA KEYMAT (2.17) with and without PFS, and the rekey SKEYSEED. */
START_TEST(test_kdf_cavp_child)
{
	const struct ike_prf	*prf = ike_alg_prf(2);
	struct ike_suite	 esp = { .integ = ike_alg_integ(2),
	    .encr = ike_alg_encr(12, 128) };
	struct ike_buf		*ni = hbuf(CAVP_NI), *nr = hbuf(CAVP_NR);
	struct ike_buf		*skd, *gnew = hbuf(CAVP_GIR_NEW);
	struct ike_child_keys	 k;
	struct ike_chunk	 c[3];
	uint8_t			 out[20];

	skd = hbuf("6f1b12cad3cbe097b35430356d869d54cddb0198");
	ck_assert_int_eq(ike_crypto_child_keys(&esp, prf, skd, NULL, ni, nr,
	    &k), IKE_OK);
	eq_slice(k.ei, CAVP_DKM_CHILD, 0);
	eq_slice(k.ai, CAVP_DKM_CHILD, 16);
	eq_slice(k.er, CAVP_DKM_CHILD, 36);
	eq_slice(k.ar, CAVP_DKM_CHILD, 52);
	ike_child_keys_free(&k);
	ck_assert_int_eq(ike_crypto_child_keys(&esp, prf, skd, gnew, ni, nr,
	    &k), IKE_OK);
	eq_slice(k.ei, CAVP_DKM_CHILD_DH, 0);
	eq_slice(k.ar, CAVP_DKM_CHILD_DH, 52);
	ike_child_keys_free(&k);
	/* SKEYSEED for a rekeyed IKE SA: prf(SK_d, g^ir (new) | Ni | Nr) */
	c[0] = (struct ike_chunk){ gnew->p, gnew->len };
	c[1] = (struct ike_chunk){ ni->p, ni->len };
	c[2] = (struct ike_chunk){ nr->p, nr->len };
	ck_assert_int_eq(ike_crypto_prf(prf, skd->p, skd->len, c, 3, out),
	    IKE_OK);
	eq_hex(out, 20, CAVP_SKEYSEED_REKEY);
	ike_buf_free(skd);
	ike_buf_free(gnew);
	ike_buf_free(ni);
	ike_buf_free(nr);
}
END_TEST

/*
 * SHA-256: NIST ACVP "kdf-components-ikev2-1.0" self-test vector, as
 * carried in OpenSSL's test/recipes/30-test_evp_data/evpkdf_ikev2.txt
 * (inputs as the SHA-1 case above).
 */
#define ACVP_SKEYSEED	"EFAA7AB0EAA85A3D0BE2100CD4B6FE00" \
	"FF5025A9EAFDDB3EF518E9F0D3FE60E6"
#define ACVP_DKM	"462B9DD525D4FD71169174272779E704BAF62C6231779AE9" \
	"EFE8C58B21916B42010164AF2111EBD762F6916CA9A6F0EE05C8B320E4EE2770" \
	"5521DE2589ADEA1878F1A551738AF7C88DC4F0BB0C096A3F7D1F1A670FC79F49" \
	"F678D60D665BB3710C8657F03BA9F62B9A818D7A228968C506E237AE9502AA6D" \
	"B395C61EA6A3E79504F86B7368BFB5423DF79E48809BBCCD49FD826D024F63D7" \
	"C2A5566400A12E736AA034510428F5EA008FE2FC16886FA388274EA6C2B4FCFC" \
	"6141BF04F8207EF8AFC224EA1059CB220DC0B23AC0E4CCDA495A4E131B1D56E2" \
	"23ABA5A48E8ED1F5"
#define ACVP_DKM_CHILD	"23647677E7D403FA1E3006F19840AEE18AD9FECC4215814C" \
	"4131BDEBA98433D8B0E31BFBBDDF822ABCCE5E06486AA388022B75E27E1E68AA" \
	"5983028B65282C730C5D49EF7606770376CFDEC41F7CC435D816029989BC353D" \
	"3B67B9FD1168DDCB8978850DA9B752AEE6A30D0086D2C4D74EC0E03648A0DAD3" \
	"34FAF5FE88084E67B0F3E8FEE8B5E1BD3850DB540F1FB8CFFE23C9E92CDA2093" \
	"73F354880C246C753E2A0ECA9CB73B9910A8531C4010E6768FA29F909E60AF77" \
	"7FED6E739C3CFDA03467E915D6F03FCE9C41F5F9D578F8912D66A75457E79EE1" \
	"D5BCC2BE5C2F9BAE"
#define ACVP_REKEY	"90722C42BD849E9B72D240FC254174270FA8295DE6F0338D" \
	"AFC303A9EC104F12"

START_TEST(test_kdf_acvp_sha256)
{
	const struct ike_prf	*prf = ike_alg_prf(5);
	struct ike_buf		*ni = hbuf(CAVP_NI), *nr = hbuf(CAVP_NR);
	struct ike_buf		*gir = hbuf(CAVP_GIR);
	struct ike_buf		*gnew = hbuf(CAVP_GIR_NEW);
	struct ike_buf		*seed, *dkm, *skd, *child;
	uint8_t			*spii, *spir, out[32];
	size_t			 n, dlen;
	struct ike_chunk	 c[4];

	spii = hex(CAVP_SPII, &n);
	spir = hex(CAVP_SPIR, &n);
	free(hex(ACVP_DKM, &dlen));
	seed = ike_crypto_skeyseed(prf, ni, nr, gir);
	eq_hex(seed->p, seed->len, ACVP_SKEYSEED);
	c[0] = (struct ike_chunk){ ni->p, ni->len };
	c[1] = (struct ike_chunk){ nr->p, nr->len };
	c[2] = (struct ike_chunk){ spii, 8 };
	c[3] = (struct ike_chunk){ spir, 8 };
	dkm = ike_crypto_prfplus(prf, seed, c, 4, dlen);
	eq_hex(dkm->p, dkm->len, ACVP_DKM);
	skd = ike_buf_slice(dkm, 0, 32);
	free(hex(ACVP_DKM_CHILD, &dlen));
	child = ike_crypto_prfplus(prf, skd, c, 2, dlen);
	eq_hex(child->p, child->len, ACVP_DKM_CHILD);
	c[0] = (struct ike_chunk){ gnew->p, gnew->len };
	c[1] = (struct ike_chunk){ ni->p, ni->len };
	c[2] = (struct ike_chunk){ nr->p, nr->len };
	ck_assert_int_eq(ike_crypto_prf(prf, skd->p, skd->len, c, 3, out),
	    IKE_OK);
	eq_hex(out, 32, ACVP_REKEY);
	ike_buf_free(seed);
	ike_buf_free(dkm);
	ike_buf_free(skd);
	ike_buf_free(child);
	ike_buf_free(ni);
	ike_buf_free(nr);
	ike_buf_free(gir);
	ike_buf_free(gnew);
	free(spii);
	free(spir);
}
END_TEST

/* ---- AES-CBC: RFC 3602 section 4, cases 1 and 2 ---- */
static const struct {
	const char	*key, *iv, *pt, *ct;
} cbc_kat[] = {
	{ "06a9214036b8a15b512e03d534120006",
	  "3dafba429d9eb430b422da802c9fac41",
	  "53696e676c6520626c6f636b206d7367",	/* "Single block msg" */
	  "e353779c1079aeb82708942dbe77181a" },
	{ "c286696d887c9aa0611bbb3e2025a45a",
	  "562e17996d093d28ddb3ba695a2e6f58",
	  "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
	  "d296cd94c2cccf8a3a863028b5e1dc0a7586602d253cfff91b8266bea6d61ab1" },
};

START_TEST(test_cbc_kat)
{
	const struct ike_encr	*e = ike_alg_encr(12, 128);
	uint8_t			*k, *iv, *pt, *ct, out[64];
	size_t			 n, len;

	k = hex(cbc_kat[_i].key, &n);
	iv = hex(cbc_kat[_i].iv, &n);
	pt = hex(cbc_kat[_i].pt, &len);
	ct = hex(cbc_kat[_i].ct, &n);
	ck_assert_int_eq(ike_crypto_cbc(e, k, iv, pt, len, out, 1), IKE_OK);
	ck_assert_int_eq(memcmp(out, ct, len), 0);
	ck_assert_int_eq(ike_crypto_cbc(e, k, iv, ct, len, out, 0), IKE_OK);
	ck_assert_int_eq(memcmp(out, pt, len), 0);
	ck_assert_int_eq(ike_crypto_cbc(e, k, iv, ct, len - 1, out, 0),
	    IKE_E_INVAL);
	free(k);
	free(iv);
	free(pt);
	free(ct);
}
END_TEST

/*
 * ---- AES-GCM: McGrew and Viega, "The Galois/Counter Mode of
 * Operation (GCM)", test cases 4 (AES-128) and 16 (AES-256).  The
 * 12-byte IV cafebabe|facedbaddecaf888 is read as RFC 5282's salt |
 * 8-byte IV. ----
 */
#define GCM_PT	"d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d" \
	"8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
#define GCM_AAD	"feedfacedeadbeeffeedfacedeadbeefabaddad2"
static const struct {
	uint16_t	 bits;
	const char	*key, *ct, *tag;
} gcm_kat[] = {
	{ 128, "feffe9928665731c6d6a8f9467308308",
	  "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
	  "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
	  "5bc94fbc3221a5db94fae95ae7121a47" },
	{ 256, "feffe9928665731c6d6a8f9467308308"
	  "feffe9928665731c6d6a8f9467308308",
	  "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
	  "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
	  "76fc6ece0f4e1768cddf8853bb2d551b" },
};

START_TEST(test_gcm_kat)
{
	const struct ike_encr	*e = ike_alg_encr(20, gcm_kat[_i].bits);
	uint8_t			*k, *nonce, *pt, *aad, out[64], tag[16];
	size_t			 n, len, alen;

	k = hex(gcm_kat[_i].key, &n);
	nonce = hex("cafebabe facedbaddecaf888", &n);
	pt = hex(GCM_PT, &len);
	aad = hex(GCM_AAD, &alen);
	ck_assert_int_eq(ike_crypto_gcm_seal(e, k, nonce, aad, alen, pt, len,
	    out, tag), IKE_OK);
	eq_hex(out, len, gcm_kat[_i].ct);
	eq_hex(tag, 16, gcm_kat[_i].tag);
	memset(pt, 0, len);
	ck_assert_int_eq(ike_crypto_gcm_open(e, k, nonce, aad, alen, out, len,
	    tag, pt), IKE_OK);
	eq_hex(pt, len, GCM_PT);
	tag[15] ^= 1;
	ck_assert_int_eq(ike_crypto_gcm_open(e, k, nonce, aad, alen, out, len,
	    tag, pt), IKE_E_ICV);
	tag[15] ^= 1;
	aad[0] ^= 0x80;
	ck_assert_int_eq(ike_crypto_gcm_open(e, k, nonce, aad, alen, out, len,
	    tag, pt), IKE_E_ICV);
	free(k);
	free(nonce);
	free(pt);
	free(aad);
}
END_TEST

/*
 * ---- ECP: RFC 5903 section 8.1 (256-bit) and 8.2 (384-bit), as
 * transcribed in ring's tests/agreement_tests.txt: i, g^i = gix | giy,
 * g^r = grx | gry, and girx, the shared secret. ----
 */
static const struct {
	uint16_t	 group;
	const char	*i, *gi, *gr, *gir;
} ecp_kat[] = {
	{ 19, "C88F01F510D9AC3F70A292DAA2316DE5"
	  "44E9AAB8AFE84049C62A9C57862D1433",
	  "DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180"
	  "5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3",
	  "D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63"
	  "56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB",
	  "D6840F6B42F6EDAFD13116E0E12565202FEF8E9ECE7DCE03812464D04B9442DE" },
	{ 20, "099F3C7034D4A2C699884D73A375A67F7624EF7C6B3C0F160647B67414DCE655"
	  "E35B538041E649EE3FAEF896783AB194",
	  "667842D7D180AC2CDE6F74F37551F55755C7645C20EF73E31634FE72B4C55EE6"
	  "DE3AC808ACB4BDB4C88732AEE95F41AA9482ED1FC0EEB9CAFC4984625CCFC23F"
	  "65032149E0E144ADA024181535A0F38EEB9FCFF3C2C947DAE69B4C634573A81C",
	  "E558DBEF53EECDE3D3FCCFC1AEA08A89A987475D12FD950D83CFA41732BC509D"
	  "0D1AC43A0336DEF96FDA41D0774A3571DCFBEC7AACF3196472169E838430367F"
	  "66EEBE3C6E70C416DD5F0C68759DD1FFF83FA40142209DFF5EAAD96DB9E6386C",
	  "11187331C279962D93D604243FD592CB9D0A926F422E47187521287E7156C5C4"
	  "D603135569B9E9D09CF5D4A270F59746" },
};

START_TEST(test_ecp_kat)
{
	const struct ike_dh	*dh = ike_alg_dh(ecp_kat[_i].group);
	struct ike_dhkey	*k;
	struct ike_buf		*s;
	uint8_t			*i, *gi, *gr, pub[96];
	size_t			 il, gl, rl;

	i = hex(ecp_kat[_i].i, &il);
	gi = hex(ecp_kat[_i].gi, &gl);
	gr = hex(ecp_kat[_i].gr, &rl);
	ck_assert_int_eq(ike_dh_from_private(dh, i, il, gi, gl, &k), IKE_OK);
	/* Our KE data: x | y, no 0x04 (RFC 5903 section 7). */
	ck_assert_int_eq(ike_dh_public(k, pub, dh->publen), IKE_OK);
	ck_assert_int_eq(memcmp(pub, gi, gl), 0);
	ck_assert_int_eq(ike_dh_derive(k, gr, rl, &s), IKE_OK);
	eq_hex(s->p, s->len, ecp_kat[_i].gir);
	ike_buf_free(s);
	/* Not on the curve, or the wrong length: INVALID_KE_PAYLOAD. */
	gr[rl - 1] ^= 1;
	ck_assert_int_eq(ike_dh_derive(k, gr, rl, &s), IKE_E_KE);
	ck_assert_int_eq(ike_dh_derive(k, gr, rl - 1, &s), IKE_E_KE);
	ck_assert_ptr_null(s);
	ike_dh_free(k);
	free(i);
	free(gi);
	free(gr);
}
END_TEST

/* ---- Curve25519: RFC 7748 section 6.1 (Alice and Bob) ---- */
#define X_A_PRIV "77076d0a7318a57d3c16c17251b26645" \
	"df4c2f87ebc0992ab177fba51db92c2a"
#define X_A_PUB "8520f0098930a754748b7ddcb43ef75a" \
	"0dbf3a0d26381af4eba4a98eaa9b4e6a"
#define X_B_PRIV "5dab087e624a8a4b79e17f8b83800ee6" \
	"6f3bb1292618b6fd1c2f8b27ff88e0eb"
#define X_B_PUB "de9edb7d7b7dc1b4d35b61c2ece43537" \
	"3f8343c85b78674dadfc7e146f882b4f"
#define X_K "4a5d9d5ba4ce2de1728e3bf480350f25" \
	"e07e21c947d19e3376f09b3c1e161742"

START_TEST(test_x25519_kat)
{
	const struct ike_dh	*dh = ike_alg_dh(31);
	struct ike_dhkey	*a, *b;
	struct ike_buf		*s;
	uint8_t			*ap, *bp, pub[32], zero[32];
	size_t			 n;

	ap = hex(X_A_PRIV, &n);
	ck_assert_int_eq(ike_dh_from_private(dh, ap, n, NULL, 0, &a), IKE_OK);
	bp = hex(X_B_PRIV, &n);
	ck_assert_int_eq(ike_dh_from_private(dh, bp, n, NULL, 0, &b), IKE_OK);
	ck_assert_int_eq(ike_dh_public(a, pub, 32), IKE_OK);
	eq_hex(pub, 32, X_A_PUB);
	ck_assert_int_eq(ike_dh_public(b, pub, 32), IKE_OK);
	eq_hex(pub, 32, X_B_PUB);
	ck_assert_int_eq(ike_dh_derive(a, pub, 32, &s), IKE_OK);
	eq_hex(s->p, s->len, X_K);
	ike_buf_free(s);
	/* A small-order point gives all zeros, which OpenSSL refuses. */
	memset(zero, 0, sizeof(zero));
	ck_assert_int_ne(ike_dh_derive(a, zero, 32, &s), IKE_OK);
	ike_dh_free(a);
	ike_dh_free(b);
	free(ap);
	free(bp);
}
END_TEST

/*
 * ---- Every group, generated keys: both sides agree.  No published
 * g^ir vector was found for MODP groups 14-16 or ECP group 21, so those
 * are checked this way only. ----
 */
static const uint16_t all_groups[] = { 14, 15, 16, 19, 20, 21, 31 };

START_TEST(test_dh_agree)
{
	const struct ike_dh	*dh = ike_alg_dh(all_groups[_i]);
	struct ike_dhkey	*a, *b;
	struct ike_buf		*sa, *sb;
	uint8_t			 pa[512], pb[512];

	ck_assert_int_eq(ike_dh_new(dh, &a), IKE_OK);
	ck_assert_int_eq(ike_dh_new(dh, &b), IKE_OK);
	ck_assert_int_eq(ike_dh_public(a, pa, dh->publen), IKE_OK);
	ck_assert_int_eq(ike_dh_public(b, pb, dh->publen), IKE_OK);
	ck_assert_int_eq(ike_dh_derive(a, pb, dh->publen, &sa), IKE_OK);
	ck_assert_int_eq(ike_dh_derive(b, pa, dh->publen, &sb), IKE_OK);
	ck_assert_int_eq(ike_buf_eq(sa, sb), 1);
	if (dh->kind == IKE_DH_MODP)
		ck_assert_uint_eq(sa->len, dh->publen);	/* padded */
	ike_buf_free(sa);
	ike_buf_free(sb);
	/*
	 * The value 1 is no valid public value: outside the subgroup for
	 * MODP, not on the curve for ECP, of small order for X25519
	 * (which is little-endian, RFC 7748 section 5).
	 */
	memset(pb, 0, dh->publen);
	pb[dh->kind == IKE_DH_X25519 ? 0 : dh->publen - 1] = 1;
	ck_assert_int_ne(ike_dh_derive(a, pb, dh->publen, &sa), IKE_OK);
	ike_dh_free(a);
	ike_dh_free(b);
}
END_TEST

/* ---- The Encrypted payload body, round trip and tampering ---- */
static const struct {
	uint16_t	encr, bits, integ;
} sk_suites[] = { { 12, 256, 12 }, { 12, 128, 2 }, { 20, 128, 0 },
    { 20, 256, 0 } };

START_TEST(test_sk_roundtrip)
{
	struct ike_sk	 sk;
	struct ike_buf	*ek, *ak, *pt;
	uint8_t		 aad[32], body[256], plain[37];
	size_t		 len, i;

	sk.encr = ike_alg_encr(sk_suites[_i].encr, sk_suites[_i].bits);
	sk.integ = sk_suites[_i].integ ? ike_alg_integ(sk_suites[_i].integ) :
	    NULL;
	ek = ike_buf_random(sk.encr->keybits / 8 + sk.encr->saltlen);
	ak = ike_buf_random(sk.integ ? sk.integ->keylen : 0);
	sk.ek = ek;
	sk.ak = ak;
	memset(aad, 0xa5, sizeof(aad));
	for (i = 0; i < sizeof(plain); i++)
		plain[i] = (uint8_t)i;
	len = ike_sk_len(&sk, sizeof(plain));
	ck_assert_uint_le(len, sizeof(body));
	ck_assert_int_eq(ike_sk_seal(&sk, aad, 32, plain, sizeof(plain), body,
	    len), IKE_OK);
	ck_assert_int_eq(ike_sk_open(&sk, aad, 32, body, len, &pt), IKE_OK);
	ck_assert_int_eq(ike_buf_eq_mem(pt, plain, sizeof(plain)), 1);
	ike_buf_free(pt);
	/* Any flipped bit, in the AAD or the body, fails the ICV. */
	for (i = 0; i < len; i += 7) {
		body[i] ^= 0x10;
		ck_assert_int_eq(ike_sk_open(&sk, aad, 32, body, len, &pt),
		    IKE_E_ICV);
		body[i] ^= 0x10;
	}
	aad[3] ^= 1;
	ck_assert_int_eq(ike_sk_open(&sk, aad, 32, body, len, &pt), IKE_E_ICV);
	ck_assert_int_ne(ike_sk_open(&sk, aad, 32, body, 10, &pt), IKE_OK);
	ck_assert_ptr_null(pt);
	ike_buf_free(ek);
	ike_buf_free(ak);
}
END_TEST

int
main(void)
{
	Suite	*s = suite_create("ike_crypto");
	TCase	*tc = tcase_create("kat");
	SRunner	*sr;
	int	 failed;

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_hmac_kat, 0,
	    sizeof(hmac_kat) / sizeof(hmac_kat[0]));
	tcase_add_test(tc, test_integ_trunc);
	tcase_add_test(tc, test_kdf_cavp_sha1);
	tcase_add_test(tc, test_kdf_cavp_ike_keys);
	tcase_add_test(tc, test_kdf_cavp_child);
	tcase_add_test(tc, test_kdf_acvp_sha256);
	tcase_add_loop_test(tc, test_cbc_kat, 0, 2);
	tcase_add_loop_test(tc, test_gcm_kat, 0, 2);
	tcase_add_loop_test(tc, test_ecp_kat, 0, 2);
	tcase_add_test(tc, test_x25519_kat);
	tcase_add_loop_test(tc, test_dh_agree, 0,
	    sizeof(all_groups) / sizeof(all_groups[0]));
	tcase_add_loop_test(tc, test_sk_roundtrip, 0,
	    sizeof(sk_suites) / sizeof(sk_suites[0]));
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed ? EXIT_FAILURE : EXIT_SUCCESS);
}
