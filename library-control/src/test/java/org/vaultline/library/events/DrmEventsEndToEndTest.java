package org.vaultline.library.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultline.emulator.personality.Personality;
import org.vaultline.emulator.personality.RobotTiming;
import org.vaultline.library.control.ServerFixture;
import org.vaultline.library.drm.DrmState;
import org.vaultline.library.drm.DrmVolume;
import org.vaultline.library.inventory.EmulatorFixture;
import org.vaultline.library.store.DrmVolumes;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.ProcessState;
import org.vaultline.library.store.RequestKind;
import org.vaultline.peers.Mosquitto;

/**
 * Issue 7's proof for DRM: a whole DRM cycle on the emulated library through the server's command surface (40
 * copy-pool volumes to the vault through a 16-cell I/O station with the operator emptying it when asked, offsite
 * reclamation making 12 VAULTRETRIEVE, the courier bringing them back, automatic check-in taking them in) while the
 * publisher drains the outbox to a real Mosquitto. A subscriber on {@code events/drm} sees, after de-duplication by
 * {@code seq}, every transition of {@code drm_history} exactly once and in order; the retained
 * {@code volumes/<volser>} topics show the final states, and are cleared for the volumes that left DRM.
 */
class DrmEventsEndToEndTest {
  @TempDir Path dir;

  private static String name(int i) {
    return String.format("DRE%03d", i);
  }

  /** One transition as history and events both describe it. */
  private record Transition(String volume, String from, String to) {}

  @Test
  void everyDrmTransitionOfAFullCycleArrivesExactlyOnceInOrderAndTheRetainedStatesAreFinal() throws Exception {
    assertThat(Mosquitto.isInstalled()).as("mosquitto is not installed: run make deps").isTrue();
    int count = 40;
    String[] stock = new String[count];
    for (int i = 0; i < count; i++) {
      stock[i] = name(i) + "L6";
    }
    EmulatorFixture emulator = EmulatorFixture.of(Personality.named("ibm-ts3500").withTiming(RobotTiming.instant()),
        stock);
    TestSubscriber.Collector events = new TestSubscriber.Collector();
    TestSubscriber.Collector retained = new TestSubscriber.Collector();
    try (Mosquitto broker = Mosquitto.start(dir, "broker", new Mosquitto.Options());
        ServerFixture f = ServerFixture.of(emulator, dir).define(0);
        TestSubscriber live = TestSubscriber.connect(broker.uri(), "drm-events", false, events,
            "vaultline/vl1/events/drm");
        EventPublisher publisher = new EventPublisher(Wait.settings(broker.uri()), OutboxSource.of(f.store.outbox()),
            () -> RetainedSnapshot.EMPTY).start()) {
      f.run("checkin libvolume LIB1 search=yes status=private checklabel=barcode");
      f.run("set drmchecklabel no");
      for (int i = 0; i < count; i++) {
        f.run("define drmvolume " + name(i) + " type=copystgpool pool=OFFSITE status=full library=LIB1");
      }
      f.server.start(Origin.SERVER);

      // 7 a.m.: everything to the vault, the operator emptying the station whenever asked
      AtomicBoolean operatorAway = new AtomicBoolean();
      Thread operator = new Thread(() -> {
        while (!operatorAway.get()) {
          if (f.outstanding().stream().anyMatch(r -> r.kind() == RequestKind.EMPTY_IO_STATION)) {
            f.emptyStations();
          }
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "operator");
      operator.start();
      long p = ServerFixture.processOf(f.run("move drmedia * tostate=vault remove=bulk"));
      assertThat(f.awaitEnd(p).state()).isEqualTo(ProcessState.COMPLETED);
      operatorAway.set(true);
      operator.join();
      f.emptyStations(); // the courier takes the last ones
      assertThat(f.server.drm().volumes()).hasSize(count).allMatch(v -> v.state() == DrmState.VAULT);
      assertThat(f.run("q actlog msgno=143").table().orElseThrow().rows()).as("the station was emptied when asked")
          .hasSizeGreaterThanOrEqualTo(2);

      // offsite reclamation empties 12 of them: VAULTRETRIEVE by derivation; the courier is sent for them
      List<String> back = new ArrayList<>();
      for (int i = 0; i < count; i += 10) {
        for (int j = i; j < i + 3; j++) {
          back.add(name(j));
        }
      }
      for (String v : back) {
        f.run("update drmvolume " + v + " status=empty");
      }
      f.run("move drmedia * wherestate=vaultretrieve tostate=courierretrieve wait=yes");

      // the courier brings them back; nothing but the watcher checks them in
      f.insert(0, back.stream().map(v -> v + "L6").toArray(String[]::new));
      // checked in and out of DRM: the library record comes with the move's intent, DRM follows the move's end
      ServerFixture.await("the returning volumes checked in", () -> back.stream()
          .allMatch(v -> f.volume(v).isPresent() && f.server.drm().find(v).isEmpty()));
      assertThat(f.server.drm().volumes()).hasSize(count - back.size());

      // drm_history, oldest first, against the events received (de-duplicated by seq)
      List<DrmVolumes.History> history = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        history.addAll(f.server.drm().history(name(i)));
      }
      history.sort(Comparator.comparingLong(DrmVolumes.History::id));
      List<Transition> expected = history.stream()
          .map(h -> new Transition(h.volume(), h.from().orElse(""), h.to())).toList();
      assertThat(expected).hasSize(count * 2 + back.size() * 3);
      assertThat(events.await(c -> distinctDrm(c).size() >= expected.size(), Mosquitto.timeout()))
          .as(broker.log()).isTrue();
      Map<Long, TestSubscriber.Received> unique = distinctDrm(events);
      List<Long> seqs = new ArrayList<>(unique.keySet());
      assertThat(seqs).as("first arrivals come in seq order").isSorted();
      List<Transition> received = new ArrayList<>();
      for (TestSubscriber.Received r : unique.values()) {
        var json = r.json();
        received.add(new Transition(json.get("volume").asText(), json.has("from") ? json.get("from").asText() : "",
            json.get("to").asText()));
      }
      assertThat(received).containsExactlyElementsOf(expected);

      // the retained states, as a subscriber arriving now sees them
      try (TestSubscriber late = TestSubscriber.connect(broker.uri(), "drm-late", false, retained,
          "vaultline/vl1/volumes/+")) {
        List<DrmVolume> left = f.server.drm().volumes();
        assertThat(retained.await(c -> left.stream().allMatch(v -> c.last("/volumes/" + v.name()).isPresent()),
            Mosquitto.timeout())).isTrue();
        for (DrmVolume v : left) {
          TestSubscriber.Received r = retained.last("/volumes/" + v.name()).orElseThrow();
          assertThat(r.retained()).isTrue();
          assertThat(r.json().get("state").asText()).as(v.name()).isEqualTo("VAULT");
          assertThat(r.json().get("location").asText()).as(v.name()).isEqualTo("VAULT");
        }
        // cleared at ONSITERETRIEVE: a probe published now is the first thing on their topics
        for (String v : back) {
          late.publish("vaultline/vl1/volumes/" + v, "probe", false);
        }
        assertThat(retained.await(c -> back.stream().allMatch(v -> c.last("/volumes/" + v).isPresent()),
            Mosquitto.timeout())).isTrue();
        for (String v : back) {
          assertThat(retained.all()).filteredOn(r -> r.topic().endsWith("/volumes/" + v))
              .extracting(TestSubscriber.Received::payload).as(v).containsExactly("probe");
        }
      }
    }
  }

  /** The DRM events by seq, first arrival kept, in arrival order. */
  private static Map<Long, TestSubscriber.Received> distinctDrm(TestSubscriber.Collector c) {
    Map<Long, TestSubscriber.Received> out = new LinkedHashMap<>();
    for (TestSubscriber.Received r : c.all()) {
      if (r.topic().endsWith("/events/drm") && r.seq().isPresent()) {
        out.putIfAbsent(r.seq().get(), r);
      }
    }
    return out;
  }
}
