# Vaultline — the two commands a new machine needs are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
MVN   ?= mvn -B -Dstyle.color=never

# Debian packages the build and the tests need. `make deps` installs the missing ones (as root).
# gcc/libc6-dev: the SG_IO layout test and seam; tgt: a real SCSI target; libiscsi-bin: an iSCSI initiator we did not write.
# socat: the serial console test's pseudo-terminal pair; dpkg: dpkg-deb for the .deb layout test;
# mosquitto: real MQTT brokers for the event tests; openssl: their TLS certificates.
DEB_PACKAGES := openjdk-17-jdk-headless maven gcc libc6-dev tgt libiscsi-bin socat dpkg mosquitto openssl

.PHONY: all build test demo run clean deps bench dist

all: build

deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing missing Debian packages:$$missing"; \
	  if [ "$$(id -u)" != 0 ]; then echo "make deps: not root; install them with: sudo apt-get install$$missing" >&2; exit 1; fi; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing; \
	else \
	  echo "make deps: all Debian packages present ($(DEB_PACKAGES))"; \
	fi

# Builds every module and the bin/vaultline launcher's class path (appliance-os/target).
build: deps
	$(MVN) install -DskipTests

# Runs every test of every module, Jazzer fuzz targets in regression mode included.
test: deps
	$(MVN) install

# The Debian package and the tarball: appliance-os/target/vaultline_<version>_all.deb and
# appliance-os/target/vaultline-<version>.tar.gz (built by jdeb and maven-assembly in `package`; the .deb's layout
# and its `vaultline --version` are checked by DebianPackageIT in `verify`, part of `make test`).
dist: deps
	$(MVN) -pl appliance-os -am package -DskipTests
	@ls -l appliance-os/target/vaultline_*_all.deb appliance-os/target/vaultline-*.tar.gz

# The appliance's main job on embedded defaults: the emulated SL500 over iSCSI, the daemon (SQLite, embedded MQTT
# broker) in a temporary directory, one DRM cycle through the CLI with the MQTT events printed; stops everything.
demo: build
	@./bin/vaultline-demo

# The same daemon in the foreground next to the emulated library, to type commands at (bin/vaultline from another
# terminal); state kept in $$VAULTLINE_RUN_DIR (default ~/.local/state/vaultline/run). Ctrl-C stops it.
run: build
	@./bin/vaultline-run

# Benchmarks (numbers go into README.md "Measured"): software time of a full inventory of the
# 20,000-slot personality, and DRM state-only transitions per second. Not part of `make test`.
bench: build
	$(MVN) -pl library-control test-compile dependency:build-classpath -Dmdep.includeScope=test \
	  -Dmdep.outputFile=target/bench-classpath.txt
	cp=library-control/target/classes:library-control/target/test-classes:$$(cat library-control/target/bench-classpath.txt); \
	java -cp "$$cp" org.vaultline.library.inventory.InventoryBenchmark && \
	java -cp "$$cp" org.vaultline.library.drm.MoveDrMediaBenchmark

# Our SG_IO transport, sysfs discovery and emulator against the real Linux SCSI stack (sg, st, ch, open-iscsi)
# and peer tools (mtx, sg3_utils, mt) in a QEMU guest: appliance-os/src/kernel-test/README.md. Needs root. The
# first run builds the guest's Debian root (about 2 minutes) into KERNEL_ROOT_CACHE; later runs reuse it.
KERNEL_TEST_PACKAGES := qemu-system-x86 debootstrap busybox-static cpio
KERNEL_ROOT_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/vaultline/kernel-root

kernel-test: build
	@$(MAKE) --no-print-directory deps DEB_PACKAGES="$(KERNEL_TEST_PACKAGES)"
	MVN="$(MVN)" KERNEL_ROOT_CACHE="$(KERNEL_ROOT_CACHE)" bash appliance-os/src/kernel-test/kernel-test.sh

clean:
	$(MVN) clean
