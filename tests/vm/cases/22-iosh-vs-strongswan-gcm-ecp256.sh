# vm: timeout 120
# Issue 5, interop: AES-GCM-256 with DH group 19 (ECP-256), iosh on
# office-gw (crypto map) initiating to strongSwan's charon on branch-gw;
# ESP both ways through the installed SAs.  Then charon rekeys the Child
# SA with PFS group 19 (CREATE_CHILD_SA with a KE payload) and the traffic
# flows through the new SAs.  Skipped while ioshd is not built.

iosh_require
swan_require
topo_seed
SWAN_IKE_PROPOSAL=aes256gcm16-prfsha256-ecp256
SWAN_ESP_PROPOSAL=aes256gcm16-ecp256
swan_configure "$NS_BRANCH_GW" "$BRANCH_WAN" "$OFFICE_WAN" \
    "$BRANCH_WAN" "$OFFICE_WAN" "$BRANCH_LAN" "$OFFICE_LAN"
swan_start "$NS_BRANCH_GW"
swan_load "$NS_BRANCH_GW" || case_fail "swanctl --load-all in $NS_BRANCH_GW"
IOS_IKE_ALGS="encryption aes-gcm-256;prf sha256;group 19"
IOS_TRANSFORM="esp-gcm 256"
IOS_PFS=group19
iosh_gw crypto-map office
tunnel_up gcm-ecp256
tunnel_check gcm-ecp256
swan_show_sas "$NS_BRANCH_GW" gcm-ecp256 'AES_GCM_16-256/PRF_HMAC_SHA2_256/ECP_256' 'AES_GCM_16-256'
check "gcm-ecp256: charon rekeyed the Child SA" \
    swanctl_in "$NS_BRANCH_GW" --rekey --child net
# charon keeps a rekeyed inbound SA 5 s (delete_rekeyed_delay): count the
# new SAs' packets once only one pair is left on each side
check "gcm-ecp256: the old Child SA is gone from both kernels" \
    wait_until 20 eval 'sa_count_is "$NS_BRANCH_GW" 2 && sa_count_is "$NS_OFFICE_GW" 2'
swan_show_sas "$NS_BRANCH_GW" gcm-ecp256-pfs 'AES_GCM_16-256/PRF_HMAC_SHA2_256/ECP_256' 'AES_GCM_16-256/ECP_256'
tunnel_check gcm-ecp256-pfs
iosh_show_crypto "$NS_OFFICE_GW"
