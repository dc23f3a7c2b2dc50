package org.vaultline.library.store;

import java.time.Instant;

/**
 * A consistent view of the store for the length of one {@link Store#read} (a read transaction: every
 * query inside sees the same snapshot) and the base of {@link Tx}. The repositories' write methods only
 * work inside {@link Store#transact}; from a read they fail with an {@link IllegalStateException}.
 * Neither may be kept after the lambda returns.
 */
public class Reads {
  private final Db db;
  private final Instant now;
  private boolean open = true;
  private Libraries libraries;
  private Drives drives;
  private DevicePaths paths;
  private LibraryVolumes volumes;
  private Elements elements;
  private Moves moves;
  private OperatorRequests requests;
  private Processes processes;
  private ActivityLog activityLog;
  private DrmVolumes drmVolumes;
  private Administrators administrators;
  private Schedules schedules;

  Reads(Db db, Instant now) {
    this.db = db;
    this.now = now;
  }

  /** The store clock's time when this transaction began, to the millisecond; the same for every call. */
  public Instant now() {
    return now;
  }

  public Libraries libraries() {
    return libraries == null ? libraries = new Libraries(this) : libraries;
  }

  public Drives drives() {
    return drives == null ? drives = new Drives(this) : drives;
  }

  public DevicePaths paths() {
    return paths == null ? paths = new DevicePaths(this) : paths;
  }

  public LibraryVolumes volumes() {
    return volumes == null ? volumes = new LibraryVolumes(this) : volumes;
  }

  public Elements elements() {
    return elements == null ? elements = new Elements(this) : elements;
  }

  public Moves moves() {
    return moves == null ? moves = new Moves(this) : moves;
  }

  public OperatorRequests requests() {
    return requests == null ? requests = new OperatorRequests(this) : requests;
  }

  public Processes processes() {
    return processes == null ? processes = new Processes(this) : processes;
  }

  public ActivityLog activityLog() {
    return activityLog == null ? activityLog = new ActivityLog(this) : activityLog;
  }

  /** Disaster Recovery Manager's volumes, history and settings (schema 0002). */
  public DrmVolumes drmVolumes() {
    return drmVolumes == null ? drmVolumes = new DrmVolumes(this) : drmVolumes;
  }

  /** Registered administrators (schema 0003). */
  public Administrators administrators() {
    return administrators == null ? administrators = new Administrators(this) : administrators;
  }

  /** Administrative schedules (schema 0003). */
  public Schedules schedules() {
    return schedules == null ? schedules = new Schedules(this) : schedules;
  }

  Db db() {
    if (!open) {
      throw new IllegalStateException("a transaction's view was used after the transaction ended");
    }
    return db;
  }

  /** This view as a write transaction, for repository write methods. */
  Tx writable(String what) {
    db();
    if (this instanceof Tx tx) {
      return tx;
    }
    throw new IllegalStateException(what + " changes the store: call it inside Store.transact, not Store.read");
  }

  void end() {
    open = false;
  }
}
