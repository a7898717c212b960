# vm: timeout 120
# Issue 5, interop: AES-GCM-256 with DH group 31 (Curve25519), strongSwan's
# charon on branch-gw initiating to iosh on office-gw (crypto map); ESP
# both ways through the installed SAs.  Skipped while ioshd is not built.

iosh_require
swan_require
topo_seed
SWAN_IKE_PROPOSAL=aes256gcm16-prfsha256-curve25519
SWAN_ESP_PROPOSAL=aes256gcm16
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
IOS_IKE_ALGS="encryption aes-gcm-256;prf sha256;group 31"
IOS_TRANSFORM="esp-gcm 256"
iosh_gw crypto-map office
iosh_waits "$NS_OFFICE_GW" 10
check "gcm-curve25519: charon's initiation succeeded" \
    swan_initiate "$NS_BRANCH_GW"
tunnel_check gcm-curve25519
swan_show_sas "$NS_BRANCH_GW" gcm-curve25519 'AES_GCM_16-256/PRF_HMAC_SHA2_256/CURVE_25519' 'AES_GCM_16-256'
iosh_show_crypto "$NS_OFFICE_GW"
