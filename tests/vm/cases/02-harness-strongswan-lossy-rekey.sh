# vm: manual
# vm: timeout 300
# Proves lossy_rekey_check and the netem and SA-monitor helpers, not iosh:
# two charons with 60 s Child SA lifetimes (rekey after 20-40 s) over a
# WAN that loses 20% each way, pinging for 150 s.  IKE retransmits sooner
# than strongSwan's default (2 s, then x1.4), or a rekey whose messages are
# lost a few times runs past the 60 s and the SAs expire: a real outage
# the checks catch, but a matter of charon's settings, not of the harness.
# Manual (about 3 min): `tests/vm/run 02`.

swan_require
topo_seed
sa_monitor_start "$NS_OFFICE_GW" "$NS_BRANCH_GW"
SWAN_CHILD_REKEY=40s
SWAN_CHILD_LIFE=60s
SWAN_CHARON_EXTRA='retransmit_timeout = 2.0
retransmit_base = 1.4'
swan_office_branch
swan_initiate "$NS_OFFICE_GW" || case_fail "swanctl --initiate failed"
lossy_rekey_check lossy-rekey 150
