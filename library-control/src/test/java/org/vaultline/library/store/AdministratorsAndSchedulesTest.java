package org.vaultline.library.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 0003: the administrator and admin_schedule tables behind REGISTER ADMIN and DEFINE SCHEDULE. */
class AdministratorsAndSchedulesTest {
  private static final MessageTemplate NOTE = MessageTemplate.of("VLN0899I", "test change {0}.");

  @TempDir Path dir;
  final MutableClock clock = new MutableClock();
  Store store;

  @BeforeEach
  void open() {
    store = TestStores.open(dir, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AdminAccount account(String id, Instant now) {
    return new AdminAccount(id, "pbkdf2-sha256$1$c2FsdA$aGFzaA", "SYSTEM", 0, Optional.empty(), false, now,
        Optional.empty(), Optional.empty());
  }

  @Test
  void anAdministratorIsRegisteredUpdatedLockedTouchedAndRemoved() {
    store.transact(tx -> {
      tx.administrators().insert(account("ADMIN", tx.now()));
      tx.log(NOTE, "insert");
    });
    assertThatThrownBy(() -> store.transact(tx -> {
      tx.administrators().insert(account("ADMIN", tx.now()));
      tx.log(NOTE, "again");
    })).isInstanceOf(ConflictException.class);
    clock.advance(Duration.ofMinutes(1));
    Instant until = clock.instant().plus(Duration.ofMinutes(15));
    store.transact(tx -> {
      AdminAccount a = tx.administrators().find("ADMIN").orElseThrow();
      assertThat(tx.administrators().setLocked("ADMIN", true)).isTrue();
      assertThat(tx.administrators().touch("ADMIN", tx.now())).isTrue();
      AdminAccount changed = new AdminAccount(a.id(), "other", "OPERATOR", 3, Optional.of(until), false,
          a.registered(), a.registeredBy(), a.lastAccess());
      assertThat(tx.administrators().updateCredentials(changed)).isTrue();
      tx.log(NOTE, "update");
    });
    AdminAccount a = store.read(r -> r.administrators().find("ADMIN")).orElseThrow();
    assertThat(a.passwordHash()).isEqualTo("other");
    assertThat(a.authority()).isEqualTo("OPERATOR");
    assertThat(a.failedAttempts()).isEqualTo(3);
    assertThat(a.lockedUntil()).contains(until);
    assertThat(a.locked()).as("LOCK ADMIN is not undone by a credentials update").isTrue();
    assertThat(a.lastAccess()).contains(clock.instant());
    assertThat(a.toString()).doesNotContain("other");
    store.transact(tx -> {
      assertThat(tx.administrators().delete("ADMIN")).isTrue();
      assertThat(tx.administrators().delete("ADMIN")).isFalse();
      assertThat(tx.administrators().setLocked("ADMIN", false)).isFalse();
      tx.log(NOTE, "remove");
    });
    long count = store.read(r -> r.administrators().count());
    assertThat(count).isZero();
  }

  @Test
  void aScheduleIsSavedReplacedRunAndDeleted() {
    store.transact(tx -> {
      tx.schedules().save(new AdminSchedule("DAILY", "DEFINE SCHEDULE DAILY CMD=\"q drm\"", "ADMIN",
          Optional.empty(), Optional.empty()));
      tx.schedules().save(new AdminSchedule("ALPHA", "DEFINE SCHEDULE ALPHA CMD=\"q libv\"", "ADMIN",
          Optional.empty(), Optional.empty()));
      tx.log(NOTE, "define");
    });
    Instant started = clock.instant();
    store.transact(tx -> {
      assertThat(tx.schedules().recordRun("DAILY", started, "VLN0901I ok")).isTrue();
      assertThat(tx.schedules().recordRun("NONE", started, "x")).isFalse();
      tx.log(NOTE, "run");
    });
    store.transact(tx -> {
      AdminSchedule s = tx.schedules().find("DAILY").orElseThrow();
      tx.schedules().save(new AdminSchedule("DAILY", "DEFINE SCHEDULE DAILY CMD=\"q drm f=d\"", "OTHER",
          s.lastRun(), s.lastResult()));
      tx.log(NOTE, "update");
    });
    java.util.List<AdminSchedule> all = store.read(r -> r.schedules().list());
    assertThat(all).extracting(AdminSchedule::name).containsExactly("ALPHA", "DAILY");
    AdminSchedule s = store.read(r -> r.schedules().find("DAILY")).orElseThrow();
    assertThat(s.definition()).endsWith("f=d\"");
    assertThat(s.owner()).isEqualTo("OTHER");
    assertThat(s.lastRun()).contains(started);
    assertThat(s.lastResult()).contains("VLN0901I ok");
    store.transact(tx -> {
      assertThat(tx.schedules().delete("DAILY")).isTrue();
      assertThat(tx.schedules().delete("DAILY")).isFalse();
      tx.log(NOTE, "delete");
    });
    Optional<AdminSchedule> gone = store.read(r -> r.schedules().find("DAILY"));
    assertThat(gone).isEmpty();
  }
}
