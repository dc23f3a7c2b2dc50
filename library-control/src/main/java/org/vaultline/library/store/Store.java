package org.vaultline.library.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.tinylog.Logger;

/**
 * The appliance's state in one SQLite file: libraries, drives, paths, library volumes, element snapshots,
 * moves, operator requests, background processes, the activity log and the event outbox.
 *
 * <p>Opened with WAL journaling, {@code synchronous=FULL} (a committed transaction survives power loss),
 * foreign keys enforced and a busy timeout; schema migrations are applied at open ({@link Migrations}).
 * There is one write connection, used by one thread at a time, and one read connection (query-only);
 * WAL lets reads go on while a write is in progress.
 *
 * <p>Every state change is one call of {@link #transact}/{@link #write}: the lambda's repository calls,
 * its activity-log rows ({@link Tx#log}) and outbox events ({@link Tx#event}) commit together or not at
 * all. A transaction that changes rows without writing an activity-log row is rolled back with an
 * {@link IllegalStateException}: that rule is what lets QUERY ACTLOG and the MQTT events account for
 * every change. When another process holds the database lock past the busy timeout (SQLITE_BUSY), the
 * whole lambda is run again, up to {@link StoreOptions#busyAttempts()} times; so it must not have effects
 * outside the store (send SCSI commands before or after, never inside).
 *
 * <p>Thread-safe. Transactions do not nest, and {@link #read} may not be called inside one (it would not
 * see the transaction's own writes): both fail with an {@link IllegalStateException}.
 */
public final class Store implements AutoCloseable {
  private final Path file;
  private final StoreOptions options;
  private final Db writer;
  private final Db reader;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private final int schemaVersion;
  private final int migratedFrom;
  private final Outbox outbox;
  private volatile boolean closed;

  private Store(Path file, StoreOptions options, Db writer, Db reader, int schemaVersion, int migratedFrom) {
    this.file = file;
    this.options = options;
    this.writer = writer;
    this.reader = reader;
    this.schemaVersion = schemaVersion;
    this.migratedFrom = migratedFrom;
    this.outbox = new Outbox(this, options.outboxLimits());
  }

  /** Opens (creating if needed) the store at {@code file} with default options. */
  public static Store open(Path file) {
    return open(file, StoreOptions.DEFAULT);
  }

  /**
   * Opens (creating if needed) the store at {@code file} and brings its schema up to date.
   *
   * @throws SchemaException when the file was written by a newer Vaultline, is not a Vaultline store,
   *     or a migration fails
   * @throws StoreException when the file cannot be opened
   */
  public static Store open(Path file, StoreOptions options) {
    return open(file, options, Migrations.builtIn());
  }

  static Store open(Path file, StoreOptions options, Migrations migrations) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    Path absolute = file.toAbsolutePath();
    Db writer = connect(absolute, options);
    Db reader = null;
    try {
      int before = migrations.migrate(writer, now(options.clock()));
      reader = connect(absolute, options);
      reader.exec("PRAGMA query_only = 1");
      Store store = new Store(absolute, options, writer, reader, migrations.latest(), before);
      if (before < migrations.latest()) {
        Logger.info("Store {} migrated from schema version {} to {}", absolute, before, migrations.latest());
      }
      return store;
    } catch (RuntimeException e) {
      closeQuietly(writer);
      closeQuietly(reader);
      throw e;
    }
  }

  private static Db connect(Path file, StoreOptions options) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) options.busyTimeout().toMillis());
    try {
      Connection c = config.createConnection("jdbc:sqlite:" + file);
      return new Db(c, file.toString());
    } catch (SQLException | RuntimeException | LinkageError e) {
      throw new StoreException(Messages.STORE_UNAVAILABLE.format(file, e.getMessage()).render(), e);
    }
  }

  /** Runs {@code work} as one write transaction on behalf of the server. */
  public void transact(Consumer<Tx> work) {
    transact(Origin.SERVER, work);
  }

  /** Runs {@code work} as one write transaction on behalf of {@code origin}. */
  public void transact(Origin origin, Consumer<Tx> work) {
    Objects.requireNonNull(work, "work");
    write(origin, tx -> {
      work.accept(tx);
      return null;
    });
  }

  /** Runs {@code work} as one write transaction on behalf of the server and returns its result. */
  public <T> T write(Function<Tx, T> work) {
    return write(Origin.SERVER, work);
  }

  /** Runs {@code work} as one write transaction on behalf of {@code origin} and returns its result. */
  public <T> T write(Origin origin, Function<Tx, T> work) {
    return write(origin, work, true);
  }

  /** A write that may change rows without an activity-log row: outbox bookkeeping only. */
  <T> T bookkeeping(Function<Tx, T> work) {
    return write(Origin.SERVER, work, false);
  }

  private <T> T write(Origin origin, Function<Tx, T> work, boolean requireLog) {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(work, "work");
    if (writeLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("store transactions do not nest; use the Tx you were given");
    }
    writeLock.lock();
    try {
      ensureOpen();
      for (int attempt = 1; ; attempt++) {
        Tx tx = new Tx(writer, now(options.clock()), origin);
        try {
          writer.exec("BEGIN IMMEDIATE");
          long changesBefore = totalChanges();
          T result = work.apply(tx);
          long changed = totalChanges() - changesBefore;
          if (requireLog && changed > 0 && tx.logRows() == 0) {
            throw new IllegalStateException("a store transaction changed " + changed
                + " rows without writing an activity-log row (Tx.log); rolled back");
          }
          writer.exec("COMMIT");
          return result;
        } catch (Db.BusyException e) {
          rollbackQuietly();
          if (attempt >= options.busyAttempts()) {
            throw new StoreException("store " + file + " stayed busy through " + attempt + " attempts", e);
          }
          Logger.debug("Store busy (attempt {} of {}), retrying: {}", attempt, options.busyAttempts(), e.getMessage());
          backOff(attempt);
        } catch (RuntimeException | Error e) {
          rollbackQuietly();
          throw e;
        } finally {
          tx.end();
        }
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code work} in a read transaction: every query inside sees the same committed state.
   *
   * @throws IllegalStateException when called inside a write transaction on the same thread
   */
  public <T> T read(Function<Reads, T> work) {
    Objects.requireNonNull(work, "work");
    if (writeLock.isHeldByCurrentThread()) {
      throw new IllegalStateException("Store.read inside a write transaction would not see its writes; use the Tx");
    }
    readLock.lock();
    try {
      ensureOpen();
      for (int attempt = 1; ; attempt++) {
        Reads reads = new Reads(reader, now(options.clock()));
        try {
          reader.exec("BEGIN");
          T result = work.apply(reads);
          reader.exec("COMMIT");
          return result;
        } catch (Db.BusyException e) {
          rollbackQuietly(reader);
          if (attempt >= options.busyAttempts()) {
            throw new StoreException("store " + file + " stayed busy through " + attempt + " attempts", e);
          }
          backOff(attempt);
        } catch (RuntimeException | Error e) {
          rollbackQuietly(reader);
          throw e;
        } finally {
          reads.end();
        }
      }
    } finally {
      readLock.unlock();
    }
  }

  /** The event outbox, for the MQTT publisher and monitoring. */
  public Outbox outbox() {
    return outbox;
  }

  /** The schema version of the open database (the newest this build knows). */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** The schema version the database had when it was opened; 0 for a new file. */
  public int migratedFrom() {
    return migratedFrom;
  }

  public Path file() {
    return file;
  }

  public Clock clock() {
    return options.clock();
  }

  StoreOptions options() {
    return options;
  }

  /** Closes both connections; SQLite checkpoints the WAL into the database file. */
  @Override
  public void close() {
    writeLock.lock();
    readLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly(reader);
      writer.close();
    } finally {
      readLock.unlock();
      writeLock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("store " + file + " is closed");
    }
  }

  private long totalChanges() {
    return writer.queryLong("SELECT total_changes()");
  }

  private void rollbackQuietly() {
    rollbackQuietly(writer);
  }

  private static void rollbackQuietly(Db db) {
    try {
      db.exec("ROLLBACK");
    } catch (RuntimeException ignored) {
      // no transaction was open (BEGIN itself failed); the original failure is the one to report
    }
  }

  private static void closeQuietly(Db db) {
    if (db != null) {
      try {
        db.close();
      } catch (RuntimeException ignored) {
        // already failing; report the first problem
      }
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 25L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a busy store", e);
    }
  }

  private static Instant now(Clock clock) {
    return Instant.ofEpochMilli(clock.millis());
  }
}
