#!/bin/bash
# run-tests.sh -- what the kernel-test guest runs (from /share/guest, started by /sbin/vaultline-init).
# On the guest's own loopback: tgtd with a changer and two drives, and our standalone emulated library (vaultline
# emulator, hp-msl: two drives, three mail slots); the kernel's iSCSI initiator logs in to both, so the sg, st and ch
# drivers make /dev/sg*, /dev/nst*, /dev/sch* for them. Then ONE JVM runs the guest's JUnit tests
# (org.vaultline.appliance.kernel.* and the transport contract's "SG_IO on a Linux kernel" attachment), writing JUnit
# XML to /share/results/junit. The exit status is the test run's (0 = all passed).
set -uo pipefail
results=/share/results
conf=/run/kernel-test
mkdir -p "$results/junit" "$conf" /tmp/jna
log() { echo "[guest $(cut -d' ' -f1 /proc/uptime) s] $*"; }
fail() { log "FAILED: $*"; collect; exit 3; }
collect() {
  lsscsi -g >"$results/lsscsi.txt" 2>&1
  dmesg >"$results/dmesg.txt" 2>&1
  cp -f "$conf"/*.log "$conf"/*.properties "$results/" 2>/dev/null
  return 0
}

tgtd_portal=127.0.0.1:3261
tgtd_iqn=iqn.2024-01.org.vaultline:kernel-test.tgtd
emulator_port=3262
operator_port=3263
emulator_personality=hp-msl
emulator_iqn=iqn.2024-01.org.vaultline:kernel-test.emulator
emulator_stock=E00001L5,E00002L5,E00003L5,E00004L5,E00005L5
emulator_station=E00009L5
java_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djna.tmpdir=/tmp/jna -Djava.io.tmpdir=/tmp"

log "modules"
modprobe -a sg st ch iscsi_tcp || fail "modprobe sg st ch iscsi_tcp"
modprobe crc32c-intel 2>/dev/null || modprobe crc32c_generic || fail "no crc32c module (iscsi_tcp needs one at login)"
# libiscsi's error-handling steps (timeouts, aborts, resets) into the kernel log, which goes back as dmesg.txt
echo 1 >/sys/module/libiscsi/parameters/debug_libiscsi_eh 2>/dev/null

# the emulator's JVM starts (slowly, under TCG) while tgtd is configured
log "vaultline emulator --personality $emulator_personality on 127.0.0.1:$emulator_port"
VAULTLINE_JAVA_OPTS="$java_opts -Xmx256m" /share/app/vaultline emulator --personality "$emulator_personality" \
  --port "$emulator_port" --bind 127.0.0.1 --iqn "$emulator_iqn" --state-dir "$conf/emulator" \
  --operator-port "$operator_port" --stock "$emulator_stock" --move-time 0 --load-time 0 --inventory-time 0 \
  --autosave 0 >"$conf/emulator.log" 2>&1 </dev/null &
emulator_pid=$!

log "tgtd: a changer and two drives on $tgtd_portal"
bash /share/guest/tgtd-library.sh start "$conf/tgtd" "$tgtd_portal" "$tgtd_iqn" >"$conf/tgtd-setup.log" 2>&1 \
  || { cat "$conf/tgtd-setup.log"; fail "tgtd"; }
cp "$conf/tgtd/tgtd.properties" "$conf/tgtd.properties"

for _ in $(seq 1200); do grep -q VLN0351I "$conf/emulator.log" && break; kill -0 $emulator_pid 2>/dev/null || break; sleep 0.1; done
grep -q VLN0351I "$conf/emulator.log" || { cat "$conf/emulator.log"; fail "the emulator did not start"; }
log "emulator ready"

# the operator puts a cartridge into the mail slots, as at a real library's front panel
operator() {
  local reply line
  exec 5<>/dev/tcp/127.0.0.1/$operator_port || return 1
  echo "$*" >&5
  reply=""
  while IFS= read -r -t 30 line <&5; do
    reply="$reply$line"$'\n'
    case $line in OK|ERROR*) break ;; esac
  done
  exec 5>&-
  printf '%s' "$reply" >>"$conf/operator.log"
  case $reply in *ERROR*|"") return 1 ;; esac
}
operator open-station && operator insert "$emulator_station" && operator close-station || fail "operator commands"
cat >"$conf/emulator.properties" <<EOF
iqn=$emulator_iqn
portal=127.0.0.1:$emulator_port
operatorPort=$operator_port
personality=$emulator_personality
stock=$emulator_stock
station=$emulator_station
EOF

log "open-iscsi: logging in to both targets"
mkdir -p /run/lock/iscsi
iscsid || fail "iscsid"
for _ in $(seq 50); do [ -S /run/iscsid.sock ] || [ -e /run/iscsid.pid ] && break; sleep 0.1; done
login() { # PORTAL IQN: tgtd answers discovery with its bind address, so the node is added by hand
  iscsiadm -m node -o new -T "$2" -p "$1" >/dev/null &&
    iscsiadm -m node -T "$2" -p "$1" --login
}
login "$tgtd_portal" "$tgtd_iqn" || fail "login to tgtd"
login "127.0.0.1:$emulator_port" "$emulator_iqn" || fail "login to the emulator"
for _ in $(seq 150); do
  [ -e /dev/sch1 ] && [ -e /dev/nst3 ] && break
  sleep 0.2
done
[ -e /dev/sch1 ] && [ -e /dev/nst3 ] || { lsscsi -g; fail "the kernel did not make two changers and four tape drives"; }
lsscsi -g
log "devices ready"

# the host may narrow the run (KERNEL_TEST_SELECT: console launcher selectors), else everything of the guest
if [ -s /share/guest/select ]; then
  mapfile -t select </share/guest/select
else
  select=(--select-package=org.vaultline.appliance.kernel
          --select-class=org.vaultline.device.contract.TransportContractTest)
fi
log "tests: one JVM (${select[*]})"
cp=$(cat /share/test/classpath)
# the vaultline processes the tests start get the same JIT options: under TCG, C2-compiled JDK code crashed a
# `vaultline scsi elements` JVM once (SIGSEGV in ProcessEnvironment.arrayHash)
VAULTLINE_JAVA_OPTS="$java_opts -Xmx256m" timeout -k 10 420 java $java_opts -Xmx512m -cp "$cp" \
  -Dvaultline.kernel.guest=true -Dvaultline.kernel.config="$conf" -Dvaultline.kernel.results="$results" \
  -Dvaultline.kernel.launcher=/share/app/vaultline \
  org.junit.platform.console.ConsoleLauncher execute --disable-banner --details=tree --disable-ansi-colors \
  --reports-dir="$results/junit" --include-classname='.*' \
  "${select[@]}" \
  --config=junit.jupiter.execution.timeout.default='120 s'
status=$?
log "tests finished with status $status"

log "logging out, stopping the targets"
timeout 60 iscsiadm -m node --logoutall=all >/dev/null 2>&1
operator quit >/dev/null 2>&1
for _ in $(seq 100); do kill -0 $emulator_pid 2>/dev/null || break; sleep 0.1; done
kill -KILL $emulator_pid 2>/dev/null
bash /share/guest/tgtd-library.sh stop "$conf/tgtd" "$tgtd_portal" "$tgtd_iqn"
cp -f "$conf/tgtd/tgtd.log" "$conf/tgtd-daemon.log" 2>/dev/null
collect
exit $status
