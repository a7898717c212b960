#!/bin/sh
# tests/ike_iked.sh: two iosh-iked processes on the loopback address
# (unprivileged ports) negotiate, and each writes the Child SAs it would
# install as `ip xfrm state` commands; the SPIs and keys must pair up.
set -eu
bin=${top_builddir:-.}/ike/iosh-iked
dir=$(mktemp -d)
trap 'kill $pa $pb 2>/dev/null || true; rm -rf "$dir"' EXIT INT TERM
printf 'loopback-secret\n' > "$dir/psk"
pa= pb=
common="--local 127.0.0.1 --remote 127.0.0.1 --natt-port 0 --psk-file $dir/psk"
$bin $common --port 17500 --remote-port 17501 --local-id a.test \
	--remote-id b.test --ike aes256-sha256-modp2048 --esp aes256gcm16 \
	--ts-local 10.0.1.0/24 --ts-remote 10.0.2.0/24 \
	--xfrm-script "$dir/b.sh" 2>"$dir/b.log" &
pb=$!
sleep 0.3
$bin $common --port 17501 --remote-port 17500 --local-id b.test \
	--remote-id a.test --ike aes256-sha256-modp2048 --esp aes256gcm16 \
	--ts-local 10.0.2.0/24 --ts-remote 10.0.1.0/24 \
	--xfrm-script "$dir/a.sh" --initiate 2>"$dir/a.log" &
pa=$!
i=0
while [ $i -lt 50 ]; do
	[ "$(grep -c 'state add' "$dir/a.sh" 2>/dev/null || echo 0)" -ge 2 ] &&
	[ "$(grep -c 'state add' "$dir/b.sh" 2>/dev/null || echo 0)" -ge 2 ] && break
	sleep 0.1
	i=$((i + 1))
done
kill $pa $pb
wait $pa $pb 2>/dev/null || true
for f in a b; do
	[ "$(stat -c %a "$dir/$f.sh")" = 600 ] || { echo "$f.sh not 0600"; exit 1; }
	[ "$(grep -c 'state add' "$dir/$f.sh")" -eq 2 ] ||
		{ echo "$f: no SAs"; cat "$dir/$f.log"; exit 1; }
done
# The same two states on both sides (order aside), and deleted on exit.
grep 'state add' "$dir/a.sh" | sort > "$dir/a.sorted"
grep 'state add' "$dir/b.sh" | sed 's/reqid [0-9]*/reqid 1/' | sort > "$dir/b.sorted"
cut -d' ' -f10 "$dir/a.sorted" > "$dir/a.spi"
cut -d' ' -f10 "$dir/b.sorted" > "$dir/b.spi"
cmp -s "$dir/a.spi" "$dir/b.spi" || { echo "SPIs differ"; exit 1; }
grep -q "rfc4106(gcm(aes))" "$dir/a.sh"
akeys=$(awk '{for(i=1;i<=NF;i++) if($i ~ /^0x/ && length($i) > 20) print $i}' "$dir/a.sorted" | sort)
bkeys=$(awk '{for(i=1;i<=NF;i++) if($i ~ /^0x/ && length($i) > 20) print $i}' "$dir/b.sorted" | sort)
[ "$akeys" = "$bkeys" ] || { echo "keys differ"; exit 1; }
grep -q 'state delete' "$dir/a.sh" || { echo "no delete on exit"; exit 1; }
echo "ok: $(wc -l < "$dir/a.sorted") SAs paired"
