#!/usr/bin/env bash
# kernel-test.sh -- `make kernel-test`: our SG_IO transport, sysfs discovery and emulator against the real Linux SCSI
# stack (sg, st, ch, the open-iscsi initiator) and peer tools we did not write (mtx, sg3_utils, mt), in a QEMU guest.
# See README.md next to this file for what it proves.
#
# Needs: root (debootstrap, 9p passthrough), the packages of the Makefile's KERNEL_TEST_PACKAGES, and the project
# built (make build: appliance-os.jar + lib/, and the test classes of device and appliance-os).
# Environment:
#   BUILD_DIR            Maven build directory of the modules (default target; -DbuildDir=... builds elsewhere)
#   MVN                  Maven command (default "mvn -B")
#   KERNEL_ROOT_CACHE    where the guest root is cached (default ${XDG_CACHE_HOME:-~/.cache}/vaultline/kernel-root)
#   KERNEL_TEST_TIMEOUT  seconds the guest may run before it is killed and the run fails (default 600)
#   KERNEL_TEST_SMP, KERNEL_TEST_MEM   guest CPUs and MiB (default 2, 2048)
#   KERNEL_TEST_SELECT   JUnit console launcher selectors, space-separated, to run part of the guest's tests
# Exit status: 0 passed; 1 tests failed; 2 the guest hung and was killed; 3 could not set up.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
build=${BUILD_DIR:-target}
mvn_cmd=${MVN:-mvn -B}
cache=${KERNEL_ROOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/vaultline/kernel-root}
deadline_s=${KERNEL_TEST_TIMEOUT:-600}
smp=${KERNEL_TEST_SMP:-2}
mem=${KERNEL_TEST_MEM:-2048}
run="$repo/appliance-os/$build/kernel-test"
share="$run/share"
started=$(date +%s)
ts() { echo "[kernel-test $(date +%T) +$(( $(date +%s) - started ))s] $*"; }
die() { echo "kernel-test: $*" >&2; exit 3; }

for tool in qemu-system-x86_64 sha256sum; do command -v "$tool" >/dev/null || die "$tool is missing (make kernel-test installs it)"; done

# ------------------------------------------------------------------ 1. the guest root, cached outside the source tree
key=$(cat "$here/build-root.sh" "$here/guest/vm-init" | sha256sum | cut -c1-16)
root="$cache/$key"
if [ ! -f "$root/.complete" ]; then
  ts "building the guest root (first run, or build-root.sh/vm-init changed) into $root"
  mkdir -p "$cache"
  bash "$here/build-root.sh" "$root" || die "building the guest root failed"
  for old in "$cache"/*; do                 # roots of older keys: 450 MB each
    [ "$old" != "$root" ] && [ -d "$old" ] && rm -rf "$old"
  done
  ts "guest root built"
else
  ts "guest root cached: $root"
fi

# ------------------------------------------------------------------ 2. the share: the built jars and test classes
jar="$repo/appliance-os/$build/appliance-os.jar"
[ -f "$jar" ] && [ -d "$repo/appliance-os/$build/lib" ] || die "$jar is missing: run make build first"
for d in device appliance-os; do
  [ -d "$repo/$d/$build/test-classes" ] || die "$d/$build/test-classes is missing: run make build first"
done
[ -d "$repo/appliance-os/$build/test-classes/org/vaultline/appliance/kernel" ] || die "the guest tests are not compiled"

rm -rf "$run"
mkdir -p "$share/app/lib" "$share/test/lib" "$share/guest" "$share/results"
ts "share: test class path (maven dependency:build-classpath), JUnit console launcher"
(cd "$repo" && $mvn_cmd -q -DbuildDir="$build" -pl device,appliance-os dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$build/kernel-test.classpath") >"$run/maven.log" 2>&1 \
  || { cat "$run/maven.log"; die "maven dependency:build-classpath failed"; }
junit=$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' "$repo/pom.xml" | head -1)
case $junit in 5.*) platform="1.${junit#5.}" ;; *) platform=$junit ;; esac   # JUnit 5.x.y runs on Platform 1.x.y
(cd "$repo" && $mvn_cmd -q -N dependency:copy \
  -Dartifact="org.junit.platform:junit-platform-console-standalone:$platform" \
  -DoutputDirectory="$share/test/lib") >>"$run/maven.log" 2>&1 \
  || { cat "$run/maven.log"; die "fetching junit-platform-console-standalone $platform failed"; }

cp "$jar" "$share/app/"
cp "$repo/appliance-os/$build/lib/"*.jar "$share/app/lib/"
cat >"$share/app/vaultline" <<'EOF'
#!/bin/bash
# bin/vaultline for the kernel-test guest: the same jars, from the share
exec java ${VAULTLINE_JAVA_OPTS:-} -cp "/share/app/appliance-os.jar:/share/app/lib/*" org.vaultline.appliance.cli.VaultlineCli "$@"
EOF
chmod +x "$share/app/vaultline"

# the project's own classes from this build; third-party jars from the resolved class path (not the project's
# artifacts in ~/.m2, which may be another build's)
guest_cp=()
for m in scsi test-fixtures device library-control appliance-os; do
  for kind in classes test-classes; do
    if [ -d "$repo/$m/$build/$kind" ]; then
      cp -r "$repo/$m/$build/$kind" "$share/test/$m-$kind"
      guest_cp+=("/share/test/$m-$kind")
    fi
  done
done
declare -A seen=()
for m in device appliance-os; do
  tr ':' '\n' <"$repo/$m/$build/kernel-test.classpath"
done | while read -r entry; do
  case $entry in */org/vaultline/*|"") continue ;; esac
  echo "$entry"
done | sort -u >"$run/third-party.txt"
while read -r entry; do
  name=$(basename "$entry")
  [ -n "${seen[$name]:-}" ] && continue
  seen[$name]=1
  cp "$entry" "$share/test/lib/$name"
  guest_cp+=("/share/test/lib/$name")
done <"$run/third-party.txt"
guest_cp+=("/share/test/lib/junit-platform-console-standalone-$platform.jar")
(IFS=:; echo "${guest_cp[*]}") >"$share/test/classpath"
install -m 755 "$here/guest/run-tests.sh" "$here/guest/tgtd-library.sh" "$share/guest/"
if [ -n "${KERNEL_TEST_SELECT:-}" ]; then     # e.g. --select-class=org.vaultline.appliance.kernel.TgtdPeersInGuest
  tr ' ' '\n' <<<"$KERNEL_TEST_SELECT" >"$share/guest/select"
fi
ts "share ready ($(du -sh "$share" | cut -f1))"

# ------------------------------------------------------------------ 3. boot; kill QEMU by PID if it overruns
qemu_pid=""
stop_qemu() {
  if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then
    kill -TERM "$qemu_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$qemu_pid" 2>/dev/null || true
    wait "$qemu_pid" 2>/dev/null || true
  fi
}
trap stop_qemu EXIT INT TERM
ts "booting the guest: QEMU -accel tcg, $smp CPUs, $mem MiB, no network device (at most ${deadline_s}s)"
# -nodefaults -nic none: the guest has the two 9p shares and a serial console, nothing else
qemu-system-x86_64 -accel tcg -m "$mem" -smp "$smp" -nodefaults -nic none -display none -no-reboot \
  -serial "file:$run/console.log" -monitor none \
  -kernel "$root/vmlinuz" -initrd "$root/initrd.cpio.gz" -append "console=ttyS0 quiet loglevel=4 panic=-1" \
  -virtfs "local,path=$root/rootfs,mount_tag=rootfs,security_model=passthrough,id=rootfs,readonly=on" \
  -virtfs "local,path=$share,mount_tag=share,security_model=passthrough,id=share" \
  </dev/null >"$run/qemu.log" 2>&1 &
qemu_pid=$!
boot=$(date +%s)
hung=0
while kill -0 "$qemu_pid" 2>/dev/null; do
  if [ $(( $(date +%s) - boot )) -ge "$deadline_s" ]; then
    hung=1
    ts "the guest ran for ${deadline_s}s: killing QEMU (PID $qemu_pid)"
    stop_qemu
    break
  fi
  sleep 1
done
wait "$qemu_pid" 2>/dev/null || true
qemu_pid=""
ts "guest finished after $(( $(date +%s) - boot ))s"

# ------------------------------------------------------------------ 4. results
results="$share/results"
[ -s "$run/qemu.log" ] && { echo "--- qemu:"; cat "$run/qemu.log"; }
echo "--- guest log (full: $results/guest.log; console: $run/console.log):"
if [ -f "$results/guest.log" ]; then
  grep -E '^\[guest|Test run finished|tests (successful|failed|aborted|skipped)|containers failed|✘|JUnit Jupiter' \
    "$results/guest.log" | grep -v '✔' | tail -60 || true
else
  tail -40 "$run/console.log" 2>/dev/null || true
fi
[ -f "$results/benchmark.txt" ] && { echo "--- benchmark:"; cat "$results/benchmark.txt"; }
if [ "$hung" = 1 ]; then
  tail -30 "$results/guest.log" 2>/dev/null || true
  echo "kernel-test: FAILED: the guest did not finish in ${deadline_s}s (killed)" >&2
  exit 2
fi
rc=$(cat "$results/guest.rc" 2>/dev/null || echo missing)
xml=$(ls "$results"/junit/*.xml 2>/dev/null | head -1 || true)
if [ "$rc" != 0 ] || [ -z "$xml" ]; then
  [ "$rc" = 0 ] || tail -40 "$results/guest.log" 2>/dev/null || true
  echo "kernel-test: FAILED: guest status $rc, JUnit XML: ${xml:-none} (results in $results)" >&2
  exit 1
fi
echo "kernel-test: passed in $(( $(date +%s) - started ))s; JUnit XML in $results/junit"
