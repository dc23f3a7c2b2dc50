#!/bin/bash
# tgtd-library.sh start|stop DIR PORTAL IQN -- in the kernel-test guest: a user-space tgtd (Debian tgt 1.0.85) serving
# one target with a media changer and two tape drives, configured with tgtadm (REFERENCE §4):
#   LUN 0 tgt's controller (type 0Ch), LUN 1 and 2 tape drives (type 01h), LUN 3 the changer (type 08h)
#   elements: robot 1; I/O station 10, 11 (10 holds TGT009L6); drives 500 -> LUN 1, 501 -> LUN 2 (empty);
#             slots 1000..1009 (1000..1007 hold TGT001L6..TGT008L6, 1009 the cleaning cartridge CLN001L1)
# What it configured is written to DIR/tgtd.properties for the tests. tgtd ignores SIGTERM: stop deletes the target
# with --force, then the system, and SIGKILLs the PID only if it is still there.
set -euo pipefail
op=$1 dir=$2 portal=$3 iqn=$4
cp_port=0
export TGT_IPC_SOCKET=$dir/tgtd.sock
A="tgtadm -C $cp_port --lld iscsi"

if [ "$op" = stop ]; then
  pid=$(cat "$dir/tgtd.pid" 2>/dev/null || true)
  $A --op delete --mode target --tid 1 --force 2>/dev/null || true
  tgtadm -C $cp_port --op delete --mode system 2>/dev/null || true
  for _ in $(seq 50); do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  exit 0
fi

mkdir -p "$dir/media"
cd "$dir/media"
# MOVE MEDIUM into a drive opens <media_home>/<barcode>: one tgtimg file per barcode
for i in 1 2 3 4 5 6 7 8 9; do
  bc=$(printf 'TGT%03dL6' "$i")
  tgtimg --op new --device-type tape --barcode "$bc" --size 64 --type data --file "$bc" --thin-provisioning >/dev/null
done
tgtimg --op new --device-type tape --barcode CLN001L1 --size 1 --type clean --file CLN001L1 >/dev/null
# every tape LUN needs a valid image when it is created, even one that is then taken offline ("no cartridge")
for d in 1 2; do
  tgtimg --op new --device-type tape --barcode "EMPTY$d" --size 1 --type data --file "empty-drive$d" >/dev/null
done
dd if=/dev/zero of=smc bs=1k count=1 2>/dev/null

# tgtd silently listens on [::]:3260 when it cannot bind the portal: refuse a port already taken
if ss -Hltn "sport = :${portal##*:}" | grep -q .; then
  echo "tgtd-library.sh: port ${portal##*:} already in use" >&2; exit 1
fi
tgtd -f -C $cp_port --iscsi portal="$portal" >"$dir/tgtd.log" 2>&1 &
echo $! >"$dir/tgtd.pid"
for _ in $(seq 100); do tgtadm -C $cp_port --op show --mode system >/dev/null 2>&1 && break; sleep 0.1; done

$A --op new --mode target --tid 1 -T "$iqn"
for d in 1 2; do
  $A --op new --mode logicalunit --tid 1 --lun $d -b "$dir/media/empty-drive$d" --device-type tape
  $A --op update --mode logicalunit --tid 1 --lun $d \
     --params vendor_id=IBM,product_id=ULT3580-TD6,product_rev=G9N1,scsi_sn=TGTDRV000$d,removable=1
  $A --op update --mode logicalunit --tid 1 --lun $d --params online=0
done
$A --op new --mode logicalunit --tid 1 --lun 3 -b "$dir/media/smc" --device-type changer
$A --op update --mode logicalunit --tid 1 --lun 3 \
   --params vendor_id=TGTVTL,product_id=VLIB-10,product_rev=0100,scsi_sn=TGTLIB0001
$A --op update --mode logicalunit --tid 1 --lun 3 --params media_home="$dir/media"
# element_type 1 robot, 2 storage, 3 import/export, 4 data transfer; start_address+quantity adds a range
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=1,start_address=1,quantity=1
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=2,start_address=1000,quantity=10
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=3,start_address=10,quantity=2
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=4,start_address=500,quantity=2
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=4,address=500,tid=1,lun=1
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=4,address=501,tid=1,lun=2
for i in 1 2 3 4 5 6 7 8; do
  $A --op update --mode logicalunit --tid 1 --lun 3 \
     --params element_type=2,address=$((999 + i)),barcode=$(printf 'TGT%03dL6' "$i"),sides=1
done
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=2,address=1009,barcode=CLN001L1,sides=1
$A --op update --mode logicalunit --tid 1 --lun 3 --params element_type=3,address=10,barcode=TGT009L6,sides=1
$A --op bind --mode target --tid 1 -I ALL

cat >"$dir/tgtd.properties" <<EOF
iqn=$iqn
portal=$portal
changer.vendor=TGTVTL
changer.product=VLIB-10
changer.revision=0100
changer.serial=TGTLIB0001
drive.vendor=IBM
drive.product=ULT3580-TD6
drive.revision=G9N1
drive.serials=TGTDRV0001,TGTDRV0002
drive.elements=500,501
slots=1000+10
importExport=10+2
cartridges=1000:TGT001L6,1001:TGT002L6,1002:TGT003L6,1003:TGT004L6,1004:TGT005L6,1005:TGT006L6,1006:TGT007L6,1007:TGT008L6,1009:CLN001L1,10:TGT009L6
EOF
echo "tgtd $(cat "$dir/tgtd.pid") on $portal, target $iqn"
