#!/usr/bin/env bash
# build-root.sh DEST -- builds the kernel-test guest into DEST (atomically: DEST appears complete or not at all):
#   DEST/vmlinuz          Debian's stock amd64 kernel (it has the sg, st, ch and iscsi_tcp drivers as modules)
#   DEST/initrd.cpio.gz   busybox + the virtio/9p modules: mounts DEST/rootfs (a 9p share) read-only, switches to it
#   DEST/rootfs/          debootstrap'd Debian minbase with the packages below and only the modules the guest loads;
#                         /sbin/vaultline-init (vm-init next to this script) is PID 1
# Needs root (debootstrap, chroot), qemu-system-x86's host packages (see the Makefile's kernel-test target) and an
# apt mirror: MIRROR (default: the host's first Debian mirror from its apt sources). About 1 minute and 450 MB.
# kernel-test.sh caches DEST under a key made of this file and vm-init, so any change here rebuilds it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: build-root.sh DEST}
suite=bookworm          # Debian 12: the release with Java 17 and tgt 1.0.85 (the tgt our tests know the quirks of)
packages=open-iscsi,tgt,sg3-utils,mtx,mt-st,lsscsi,kmod,iproute2,openjdk-17-jre-headless
# What the guest loads (with their dependencies): the initiator, the SCSI upper-level drivers, 9p over virtio.
# iscsi_tcp needs crc32c at login even with digests off; crc32c-intel is tried first, crc32c_generic always works.
modules="iscsi_tcp sg st ch crc32c_generic crc32c-intel 9p 9pnet_virtio virtio_pci"
initrd_modules="virtio_pci 9pnet_virtio 9p"

[ "$(id -u)" = 0 ] || { echo "build-root.sh: debootstrap and chroot need root" >&2; exit 1; }
for tool in debootstrap chroot cpio gzip busybox apt-get dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "build-root.sh: $tool is missing (make kernel-test installs it)" >&2; exit 1; }
done
ts() { echo "[kernel-test $(date +%T)] $*"; }

work="$dest.tmp.$$"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

mirror=${MIRROR:-$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
  | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' ' || true)}
if [ -z "$mirror" ]; then
  echo "build-root.sh: no Debian mirror in the host's apt sources; set MIRROR=<your Debian mirror URL>" >&2
  exit 3
fi

# ------------------------------------------------------------------ the kernel: Debian's, from the host's apt
ts "kernel: downloading Debian's linux-image-amd64"
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
if [ -z "$kpkg" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  kpkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
fi
mkdir -p "$work/kernel"
(cd "$work/kernel" && { apt-get download -q "$kpkg" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download -q "$kpkg" >/dev/null; }; } \
  && dpkg-deb -x ./*.deb x && rm ./*.deb)
kver=$(ls "$work/kernel/x/boot" | sed -n 's/^vmlinuz-//p')
cp "$work/kernel/x/boot/vmlinuz-$kver" "$work/vmlinuz"

# ------------------------------------------------------------------ the root: debootstrap minbase
ts "root: debootstrap $suite from $mirror with $packages (about a minute)"
if ! debootstrap --variant=minbase --include="$packages" "$suite" "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1; then
  tail -30 "$work/debootstrap.log" >&2
  echo "build-root.sh: debootstrap failed (log above)" >&2
  exit 1
fi
rm -f "$work"/rootfs/var/cache/apt/archives/*.deb

# only the modules the guest needs and their dependencies, not the whole 390 MB tree
mkdir -p "$work/rootfs/lib/modules"
mv "$work/kernel/x/lib/modules/$kver" "$work/rootfs/lib/modules/full"
ln -s full "$work/rootfs/lib/modules/$kver"
chroot "$work/rootfs" depmod "$kver"
# shellcheck disable=SC2086
need=$(chroot "$work/rootfs" modprobe -S "$kver" --show-depends -a $modules | awk '$1=="insmod"{print $2}' | sort -u)
rm "$work/rootfs/lib/modules/$kver"
for f in $need; do
  rel=${f#/lib/modules/$kver/}
  mkdir -p "$work/rootfs/lib/modules/$kver/$(dirname "$rel")"
  cp "$work/rootfs/lib/modules/full/$rel" "$work/rootfs/lib/modules/$kver/$rel"
done
cp "$work"/rootfs/lib/modules/full/modules.{order,builtin,builtin.modinfo} "$work/rootfs/lib/modules/$kver/"
rm -rf "$work/rootfs/lib/modules/full" "$work/kernel"
chroot "$work/rootfs" depmod "$kver"

install -m 755 "$here/guest/vm-init" "$work/rootfs/sbin/vaultline-init"
mkdir -p "$work/rootfs/share"
echo "$kver" > "$work/rootfs/etc/vaultline-kernel-test"

# ------------------------------------------------------------------ initramfs: 9p root, read-only, then switch_root
ts "initramfs"
mkdir -p "$work/initrd"/{bin,proc,sys,dev,newroot,m}
cp "$(command -v busybox)" "$work/initrd/bin/busybox"
# shellcheck disable=SC2086
for f in $(chroot "$work/rootfs" modprobe -S "$kver" --show-depends -a $initrd_modules | awk '$1=="insmod"{print $2}' | awk '!s[$0]++'); do
  cp "$work/rootfs$f" "$work/initrd/m/"
  basename "$f"
done > "$work/initrd/m/order"
cat > "$work/initrd/init" <<'EOF'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sys /sys; mount -t devtmpfs dev /dev
for m in $(cat /m/order); do insmod /m/$m; done
if ! mount -t 9p -o ro,trans=virtio,version=9p2000.L,msize=524288,cache=loose rootfs /newroot; then
  echo "vaultline kernel-test: the 9p root did not mount"; poweroff -f
fi
umount /proc /sys /dev
exec switch_root /newroot /sbin/vaultline-init
EOF
chmod +x "$work/initrd/init"
(cd "$work/initrd" && find . | cpio -o -H newc 2>/dev/null | gzip -1) > "$work/initrd.cpio.gz"
rm -rf "$work/initrd"

touch "$work/.complete"
rm -rf "$dest"
mv "$work" "$dest"
trap - EXIT
ts "root ready in $dest (kernel $kver, $(du -sh "$dest" | cut -f1))"
