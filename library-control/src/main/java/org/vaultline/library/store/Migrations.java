package org.vaultline.library.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The store's schema migrations and the runner that applies them.
 *
 * <p>Migrations are SQL resources named by number, {@code migrations/0001.sql}, {@code 0002.sql}...
 * found by counting up from 1 until one is missing (so a gap is impossible and there is no index to keep
 * in step). The first line, a {@code --} comment, is the description. Each pending migration runs in its
 * own transaction together with its {@code schema_version} row, {@code PRAGMA user_version} and an
 * activity-log row (once the activity log exists); a failure leaves the database at the previous
 * version. A migration must not contain BEGIN/COMMIT. Applied migrations are checksummed (SHA-256 of
 * the text without carriage returns): if one was edited after release, opening fails instead of running
 * against a schema that is not what the code believes.
 *
 * <p>Written here rather than taken from Flyway or Liquibase: those bring large runtimes, their own
 * logging and locking tables, and features (undo, placeholders, Java migrations, many databases) a single
 * embedded SQLite file does not need; this runner is about 150 lines and does exactly what SQLite wants
 * (foreign keys off while a migration rebuilds tables, {@code foreign_key_check} before commit).
 */
final class Migrations {
  /** SQLite application ID marking a Vaultline store ({@code PRAGMA application_id}): ASCII "VLN1". */
  static final int APPLICATION_ID = 0x564C4E31;

  /** The library's own migrations, in {@code org/vaultline/library/store/migrations/}. */
  static final String DEFAULT_LOCATION = "org/vaultline/library/store/migrations/";

  /** One numbered migration. */
  record Migration(int version, String description, String sql, String checksum) {}

  private final List<Migration> migrations;

  private Migrations(List<Migration> migrations) {
    this.migrations = List.copyOf(migrations);
  }

  static Migrations builtIn() {
    return fromClasspath(DEFAULT_LOCATION);
  }

  /** Loads {@code <location>0001.sql}, {@code 0002.sql}... with this class's class loader. */
  static Migrations fromClasspath(String location) {
    List<Migration> list = new ArrayList<>();
    ClassLoader loader = Migrations.class.getClassLoader();
    for (int v = 1; ; v++) {
      String name = location + String.format("%04d.sql", v);
      try (InputStream in = loader.getResourceAsStream(name)) {
        if (in == null) {
          break;
        }
        String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        list.add(new Migration(v, description(sql, name), sql, checksum(sql)));
      } catch (IOException e) {
        throw new StoreException("cannot read schema migration " + name, e);
      }
    }
    if (list.isEmpty()) {
      throw new StoreException("no schema migrations found at " + location);
    }
    return new Migrations(list);
  }

  List<Migration> all() {
    return migrations;
  }

  /** The schema version this code writes. */
  int latest() {
    return migrations.get(migrations.size() - 1).version();
  }

  /**
   * Brings the database behind {@code db} (foreign keys may be on; they are switched off and on again
   * here) to {@link #latest()}.
   *
   * @return the version the database had before
   * @throws SchemaException for a database of a newer version, an edited migration, a foreign file, or a
   *     failed migration
   */
  int migrate(Db db, Instant now) {
    db.exec("PRAGMA foreign_keys = OFF");
    try {
      int before = check(db);
      for (Migration m : migrations) {
        if (m.version() > before) {
          apply(db, m, now);
        }
      }
      return before;
    } finally {
      db.exec("PRAGMA foreign_keys = ON");
    }
  }

  /** Verifies application ID, version and checksums; returns the current version. */
  private int check(Db db) {
    db.exec("BEGIN IMMEDIATE");
    try {
      long appId = db.queryLong("PRAGMA application_id");
      long objects = db.queryLong("SELECT count(*) FROM sqlite_schema");
      if (appId != APPLICATION_ID && (appId != 0 || objects > 0)) {
        throw new SchemaException(Messages.NOT_A_STORE.format(db.file(), String.format("0x%08X", appId)));
      }
      db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
          + " checksum TEXT NOT NULL, applied INTEGER NOT NULL) STRICT");
      db.exec("PRAGMA application_id = " + APPLICATION_ID);
      Map<Integer, String> applied = new TreeMap<>();
      for (Object[] row : db.query("SELECT version, checksum FROM schema_version ORDER BY version",
          r -> new Object[] {r.intValue("version"), r.string("checksum")})) {
        applied.put((Integer) row[0], (String) row[1]);
      }
      int current = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
      if (current > latest()) {
        throw new SchemaException(Messages.SCHEMA_TOO_NEW.format(db.file(), current, latest()));
      }
      for (Migration m : migrations) {
        String sum = applied.get(m.version());
        if (sum != null && !sum.equals(m.checksum())) {
          throw new SchemaException(Messages.MIGRATION_CHANGED.format(m.version(), db.file(), sum, m.checksum()));
        }
      }
      db.exec("COMMIT");
      return current;
    } catch (RuntimeException e) {
      rollbackQuietly(db);
      throw e;
    }
  }

  private void apply(Db db, Migration m, Instant now) {
    db.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have migrated between check() and here.
      long current = db.queryLong("SELECT coalesce(max(version), 0) FROM schema_version");
      if (current >= m.version()) {
        db.exec("COMMIT");
        return;
      }
      db.exec(m.sql());
      List<String> broken = db.query("PRAGMA foreign_key_check", r -> r.string("table") + " row " + r.getLong(2));
      if (!broken.isEmpty()) {
        throw new StoreException("foreign keys broken by the migration: " + broken);
      }
      db.update("INSERT INTO schema_version (version, description, checksum, applied) VALUES (?, ?, ?, ?)",
          m.version(), m.description(), m.checksum(), now);
      db.exec("PRAGMA user_version = " + m.version());
      Message done = Messages.SCHEMA_MIGRATED.format(m.version(), m.description());
      if (db.queryLong("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'activity_log'") > 0) {
        db.update("INSERT INTO activity_log (time, msg_number, severity, text) VALUES (?, ?, ?, ?)",
            now, done.id().number(), String.valueOf(done.severity().letter()), done.text());
      }
      db.exec("COMMIT");
    } catch (RuntimeException e) {
      rollbackQuietly(db);
      if (e instanceof SchemaException) {
        throw e;
      }
      throw new SchemaException(Messages.MIGRATION_FAILED.format(
          m.version(), m.description(), db.file(), m.version() - 1, e.getMessage()), e);
    }
  }

  private static void rollbackQuietly(Db db) {
    try {
      db.exec("ROLLBACK");
    } catch (RuntimeException ignored) {
      // no transaction left to roll back; the original failure is the one to report
    }
  }

  private static String description(String sql, String name) {
    String first = sql.lines().findFirst().orElse("").strip();
    if (!first.startsWith("--")) {
      throw new StoreException("schema migration " + name + " must start with a -- description line");
    }
    return first.substring(2).strip();
  }

  private static String checksum(String sql) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(sql.replace("\r", "").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JVM has SHA-256", e);
    }
  }
}
