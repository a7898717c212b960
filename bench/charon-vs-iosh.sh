#!/bin/sh
# bench/charon-vs-iosh.sh: IKE SAs established per second and memory per
# established IKE SA with one Child SA, strongSwan's charon (load-tester
# plugin) and iosh side by side in one run (issue 5).  See bench/ike.md.
#
#   bench/charon-vs-iosh.sh [-n N] [-w WINDOW] [-b]
#
# Root.  Everything runs in a network namespace of its own with only
# lo up; nothing leaves 127.0.0.1.  For each of groups 19 and 31:
#   charon: a responder charon on UDP 500 and an initiator charon on
#     UDP 1500 whose load-tester starts N IKE SAs (PSK, one Child SA
#     each) with at most WINDOW unfinished; both with the load-tester's
#     fake kernel (no XFRM state is installed) and dos_protection off;
#   iosh: build/bench/ike_load, the same over UDP between two processes.
# Rate: first initiation to the initiator's last Child SA up (charon:
# from its log's timestamps).  Memory: growth of VmRSS per IKE SA of
# each process, read while all N are up.
# -b builds charon first (bench/charon-build, from Debian's source
# package); a bench, never part of `make check`.
set -eu

N=10000
W=64
BUILD=0
while getopts n:w:b o; do
	case $o in
	n) N=$OPTARG ;;
	w) W=$OPTARG ;;
	b) BUILD=1 ;;
	*) echo "usage: $0 [-n N] [-w WINDOW] [-b]" >&2; exit 2 ;;
	esac
done

top=$(cd "$(dirname "$0")/.." && pwd)
B=$top/bench/charon-build
CHARON=$B/inst/libexec/ipsec/charon
LOAD=${IKE_LOAD:-$top/build/bench/ike_load}
THREADS=4		# load-tester initiator threads

if [ "$(id -u)" != 0 ]; then
	echo "$0: needs root (network namespace, charon on UDP 500)" >&2
	exit 1
fi
[ "$BUILD" = 1 ] && sh "$top/bench/charon-build.sh"
for f in "$CHARON" "$LOAD"; do
	if [ ! -x "$f" ]; then
		echo "$0: $f missing (charon: -b; ike_load: make check)" >&2
		exit 1
	fi
done

ns=iosh-cvi-$$
work=$(mktemp -d)
pids=
cleanup() {
	for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
	ip netns del "$ns" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT INT TERM
ip netns add "$ns"
ip -n "$ns" link set lo up

rss() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

# cpu PID: user and system time so far, in clock ticks
cpu() {
	sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# charon_conf ROLE PROPOSAL: a strongswan.conf for responder or initiator
charon_conf() {
	if [ "$1" = resp ]; then
		port=500 natt=4500 lt="initiators = 0"
	else
		port=1500 natt=14500
		lt="initiators = $THREADS
			iterations = $((N / THREADS))
			delay = 1
			init_limit = $W"
	fi
	cat <<EOF
charon {
	port = $port
	port_nat_t = $natt
	dos_protection = no
	reuse_ikesa = no
	ikesa_table_size = 32768
	ikesa_table_segments = 16
	install_routes = no
	# load-tester before kernel-netlink: its fake kernel-ipsec wins
	load = random nonce openssl kdf hmac sha2 drbg socket-default \
	    load-tester kernel-netlink
	syslog {
		daemon {
			default = -1
		}
	}
	filelog {
		$1 {
			path = $work/$1.log
			time_format = %s
			time_add_ms = yes
			flush_line = yes
			append = no
			default = ${CVI_LOG:--1}
			ike = 0
			job = 1
		}
	}
	plugins {
		load-tester {
			enable = yes
			$lt
			fake_kernel = yes
			version = 2
			initiator_auth = psk
			responder_auth = psk
			preshared_key = bench-key
			proposal = $2
			esp = aes256gcm16
			initiator = 127.0.0.1
			responder = 127.0.0.1
			child_rekey = 0
		}
	}
}
EOF
}

# charon_start ROLE: start one charon in the namespace, its own /run
charon_start() {
	ip netns exec "$ns" sh -c "mount -t tmpfs none '$B/run' &&
	    STRONGSWAN_CONF='$work/$1.conf' exec '$CHARON'" \
	    >"$work/$1.out" 2>&1 &
	echo $!
}

# wait_for FILE PATTERN COUNT SECONDS
wait_for() {
	t=0
	while c=$(grep -c "$2" "$1" 2>/dev/null) || c=0; [ "$c" -lt "$3" ]; do
		sleep 0.5
		t=$((t + 1))
		[ $t -ge $(($4 * 2)) ] && return 1
	done
	return 0
}

run_charon() {
	name=$1 prop=$2
	charon_conf resp "$prop" >"$work/resp.conf"
	charon_conf init "$prop" >"$work/init.conf"
	rpid=$(charon_start resp)
	pids="$pids $rpid"
	wait_for "$work/resp.log" "spawning" 1 10 || {
		echo "charon responder did not start:"; cat "$work/resp.out"
		return 1
	}
	sleep 0.5
	r0=$(rss "$rpid")
	rc0=$(cpu "$rpid")
	ipid=$(charon_start init)
	pids="$pids $ipid"
	wait_for "$work/init.log" "spawning" 1 10 || {
		echo "charon initiator did not start:"; cat "$work/init.out"
		return 1
	}
	total=$((N / THREADS * THREADS))
	if ! wait_for "$work/init.log" "CHILD_SA .* established" "$total" \
	    "${CVI_WAIT:-600}"; then
		echo "charon $name: only $(grep -c 'CHILD_SA .* established' \
		    "$work/init.log") of $total Child SAs up after 600 s"
	fi
	r1=$(rss "$rpid")
	cpus=$(($(cpu "$rpid") - rc0 + $(cpu "$ipid")))
	up=$(grep -c "CHILD_SA .* established" "$work/init.log")
	rup=$(grep -c "CHILD_SA .* established" "$work/resp.log")
	t0=$(grep -m1 "initiating IKE_SA" "$work/init.log" | cut -d' ' -f1)
	t1=$(grep "CHILD_SA .* established" "$work/init.log" | tail -1 |
	    cut -d' ' -f1)
	xfrm=$(ip -n "$ns" xfrm state count 2>/dev/null |
	    awk '{ print $NF }')
	[ -n "${CVI_KEEP:-}" ] && cp "$work"/*.log "$work"/*.conf "$CVI_KEEP"
	kill -9 "$ipid" "$rpid" 2>/dev/null || true
	wait "$ipid" "$rpid" 2>/dev/null || true
	awk -v n="$total" -v up="$up" -v rup="$rup" -v t0="$t0" -v t1="$t1" \
	    -v r0="$r0" -v r1="$r1" -v p="$prop" -v c="$cpus" \
	    -v hz="$(getconf CLK_TCK)" \
	    -v x="${xfrm:-0}" 'BEGIN {
		s = t1 - t0
		printf "charon %s: %d of %d IKE SAs (one Child SA each) in " \
		    "%.3f s: %.0f/s; %.2f CPU s in both processes: %.0f per " \
		    "CPU second\n", p, up, n, s, up / s, c / hz, up * hz / c
		printf "charon %s: the responder has %d Child SAs; XFRM " \
		    "states in the namespace: %s\n", p, rup, x
		printf "charon %s: responder per IKE SA: %.0f bytes RSS\n", p,
		    (r1 - r0) * 1024 / n
	}'
}

run_iosh() {
	ip netns exec "$ns" "$LOAD" -n "$N" -w "$W" -p "$1"
	echo "iosh $1: XFRM states in the namespace:" \
	    "$(ip -n "$ns" xfrm state count 2>/dev/null | awk '{ print $NF }')"
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -r), $(nproc) CPUs:" \
    "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $("$CHARON" --version 2>/dev/null | head -1 || echo charon) (built" \
    "from Debian's source package), $(openssl version)"
echo "# N=$N IKE SAs per run, at most $W unfinished at a time; ESP" \
    "aes256gcm16; PSK"
run_charon 19 aes256gcm16-prfsha256-ecp256
run_iosh aes256gcm16-prfsha256-ecp256
run_charon 31 aes256gcm16-prfsha256-curve25519
run_iosh aes256gcm16-prfsha256-x25519
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
