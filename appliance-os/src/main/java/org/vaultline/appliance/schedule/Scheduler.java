package org.vaultline.appliance.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.vaultline.appliance.schedule.ScheduleCalendar.Window;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.store.Message;

/**
 * Runs the commands of active administrative schedules when their startup windows open, the way the TSM server
 * does: a command starts at the beginning of its window, or later in the window when the server was not running
 * (or the schedule's previous run was still going) at the start; a window that closes without its command having
 * started is recorded as {@code Missed}. Each run is recorded with {@link ScheduleRepository#recordRun} as
 * {@code Completed} or {@code Failed}.
 *
 * <p>Which windows are still to be handled: those starting after the schedule's last run (stored, so this survives
 * a restart) and ending after the moment the scheduler first saw the current definition. A schedule that has never
 * run is therefore not charged with windows that passed before the scheduler started, and a changed schedule
 * (UPDATE SCHEDULE, ACTIVE=YES) not with windows before the change.
 *
 * <p>One thread looks at the schedules, starts due commands on an {@link Executor} (so a long MOVE DRMEDIA does not
 * hold up another schedule) and sleeps until the next window opens. {@link #wake()} makes it look again at once
 * (after DEFINE/UPDATE/DELETE SCHEDULE). Time comes from an injected {@link Clock} and waiting from a
 * {@link Sleeper}, so that tests drive it without waiting; {@link #runDue()} is one look, callable directly.
 */
public final class Scheduler implements AutoCloseable {
  /** What runs a scheduled command: the daemon's command dispatcher, with the owner's authority. */
  @FunctionalInterface
  public interface CommandRunner {
    /**
     * Runs {@code command} as administrator {@code owner}. An exception counts as a failed run.
     */
    RunOutcome run(String owner, String command) throws Exception;
  }

  /**
   * How a scheduled command ended.
   *
   * @param summary one line for the activity log (the command's last message, or why it failed)
   */
  public record RunOutcome(boolean succeeded, String summary) {
    public RunOutcome {
      Objects.requireNonNull(summary, "summary");
    }

    public static RunOutcome completed(String summary) {
      return new RunOutcome(true, summary);
    }

    public static RunOutcome failed(String summary) {
      return new RunOutcome(false, summary);
    }

    /** Failed when the result has an error (E) or severe (S) message; the summary is its last message. */
    public static RunOutcome of(CommandResult result) {
      List<Message> m = result.messages();
      String summary = m.isEmpty() ? result.command() + " ended without a message" : m.get(m.size() - 1).render();
      return new RunOutcome(!result.hasErrors(), summary);
    }
  }

  /** How the scheduler waits; tests give one that does not. */
  public interface Sleeper {
    /** Waits up to {@code duration}; returns early after {@link #wake()} (also when woken before the call). */
    void sleep(Duration duration) throws InterruptedException;

    void wake();

    /** Really waits, on a monitor. */
    static Sleeper system() {
      return new Sleeper() {
        private boolean woken;

        @Override
        public synchronized void sleep(Duration duration) throws InterruptedException {
          long deadline = System.nanoTime() + Math.max(0, Math.min(duration.toNanos(), Long.MAX_VALUE / 4));
          while (!woken) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              break;
            }
            wait(Math.max(1, left / 1_000_000));
          }
          woken = false;
        }

        @Override
        public synchronized void wake() {
          woken = true;
          notifyAll();
        }
      };
    }
  }

  /** The longest the scheduler sleeps without looking again (a clock set forward, a schedule changed directly). */
  static final Duration MAX_SLEEP = Duration.ofMinutes(5);
  /** Missed windows recorded per schedule and look; older ones are counted in one message. */
  static final int MAX_MISSED_RECORDED = 24;

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

  private final ScheduleRepository repository;
  private final CommandRunner runner;
  private final Clock clock;
  private final ZoneId zone;
  private final Sleeper sleeper;
  private final Executor executor;
  private final Consumer<Message> log;

  /** Per schedule name: what the scheduler knows beyond the repository. Guarded by {@code this}. */
  private final Map<String, Tracked> tracked = new HashMap<>();
  private final Set<String> running = new HashSet<>();
  private volatile boolean stopping;
  private Thread thread;

  private static final class Tracked {
    final String definitionText;
    final Optional<ScheduleDefinition> definition;
    /** Windows ending at or before this are neither run nor missed. */
    final Instant notBefore;
    /** The latest start of a run begun by this scheduler (the repository learns it when the run ends). */
    volatile Optional<Instant> lastStarted = Optional.empty();

    Tracked(String definitionText, Optional<ScheduleDefinition> definition, Instant notBefore) {
      this.definitionText = definitionText;
      this.definition = definition;
      this.notBefore = notBefore;
    }
  }

  /**
   * @param executor runs each due command; {@code Runnable::run} runs them on the scheduler's thread, one at a time
   * @param log each message the scheduler produces (runs started, completed, failed, missed), for the activity log
   */
  public Scheduler(ScheduleRepository repository, CommandRunner runner, Clock clock, ZoneId zone, Sleeper sleeper,
      Executor executor, Consumer<Message> log) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** The production scheduler: the system clock, real sleeping, each command on its own daemon thread. */
  public static Scheduler create(ScheduleRepository repository, CommandRunner runner, ZoneId zone,
      Consumer<Message> log) {
    Executor threads = r -> {
      Thread t = new Thread(r, "vaultline-schedule-run");
      t.setDaemon(true);
      t.start();
    };
    return new Scheduler(repository, runner, Clock.system(zone), zone, Sleeper.system(), threads, log);
  }

  /** Starts the scheduler's thread. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("the scheduler is already started");
    }
    List<StoredSchedule> all = repository.all();
    long active = all.stream().filter(s -> {
      try {
        return ScheduleParser.parseDefinition(s.definition()).active();
      } catch (CommandException e) {
        return false;
      }
    }).count();
    log.accept(ScheduleMessages.SCHEDULER_STARTED.format(all.size(), active, zone.getId()));
    thread = new Thread(this::loop, "vaultline-scheduler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Look at the schedules again now: call after a schedule was defined, updated or deleted. */
  public void wake() {
    sleeper.wake();
  }

  /** The schedules whose command is running now. */
  public synchronized Set<String> running() {
    return Set.copyOf(running);
  }

  /**
   * Stops the thread, and waits up to {@code timeout} for running commands to end (they are not interrupted).
   *
   * @return true when no scheduled command is running any more
   */
  public boolean stop(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    stopping = true;
    sleeper.wake();
    Thread t;
    synchronized (this) {
      t = thread;
    }
    try {
      if (t != null && t != Thread.currentThread()) {
        t.join(Math.max(1, timeout.toMillis()));
      }
      synchronized (this) {
        while (!running.isEmpty()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          wait(Math.max(1, left / 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int still;
    synchronized (this) {
      still = running.size();
    }
    log.accept(still == 0 ? ScheduleMessages.SCHEDULER_STOPPED.format()
        : ScheduleMessages.SCHEDULER_STOP_TIMEOUT.format(still));
    return still == 0 && (t == null || !t.isAlive());
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private void loop() {
    while (!stopping) {
      Instant next;
      try {
        next = runDue();
      } catch (RuntimeException e) {
        log.accept(ScheduleMessages.SCHEDULER_ERROR.format("*", String.valueOf(e)));
        next = clock.instant().plus(Duration.ofMinutes(1));
      }
      if (stopping) {
        break;
      }
      Duration d = Duration.between(clock.instant(), next);
      try {
        sleeper.sleep(d.isNegative() ? Duration.ZERO : d);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  /**
   * One look at the schedules at the clock's instant: records the windows missed since the last look, starts the
   * commands whose window is open, and returns when the next window opens (at most {@link #MAX_SLEEP} ahead).
   */
  public Instant runDue() {
    Instant now = clock.instant();
    Instant wakeAt = now.plus(MAX_SLEEP);
    List<StoredSchedule> all = repository.all();
    List<Due> due = new ArrayList<>();
    synchronized (this) {
      Set<String> names = new HashSet<>();
      all.forEach(s -> names.add(s.name()));
      tracked.keySet().retainAll(names);
    }
    for (StoredSchedule s : all) {
      try {
        Optional<Instant> next = look(s, now, due);
        if (next.isPresent() && next.get().isBefore(wakeAt)) {
          wakeAt = next.get();
        }
      } catch (RuntimeException e) {
        log.accept(ScheduleMessages.SCHEDULER_ERROR.format(s.name(), String.valueOf(e)));
      }
    }
    // Among schedules due at once, the higher priority (lower number) starts first.
    due.sort(Comparator.comparingInt((Due d) -> d.definition.priority()).thenComparing(d -> d.schedule.name()));
    for (Due d : due) {
      start(d, now);
    }
    return wakeAt;
  }

  private record Due(StoredSchedule schedule, ScheduleDefinition definition, Window window) {}

  /** Records missed windows of one schedule, adds it to {@code due} when a window is open; the next start. */
  private Optional<Instant> look(StoredSchedule s, Instant now, List<Due> due) {
    Tracked t;
    synchronized (this) {
      t = tracked.get(s.name());
      if (t == null || !t.definitionText.equals(s.definition())) {
        Optional<ScheduleDefinition> def;
        try {
          def = Optional.of(ScheduleParser.parseDefinition(s.definition()));
        } catch (CommandException e) {
          log.accept(ScheduleMessages.BAD_DEFINITION.format(s.name(), e.message().text()));
          def = Optional.empty();
        }
        // First sight (start-up, or a new schedule): from its last run on, so that windows missed while the
        // server was down count; a schedule that never ran, from now on. A changed definition: from now on.
        Instant notBefore = t == null ? s.lastRun().orElse(now) : now;
        Tracked fresh = new Tracked(s.definition(), def, notBefore);
        if (t != null) {
          fresh.lastStarted = t.lastStarted;
        }
        tracked.put(s.name(), fresh);
        t = fresh;
      }
      if (t.definition.isEmpty() || !t.definition.get().active() || running.contains(s.name())) {
        return Optional.empty();
      }
    }
    ScheduleDefinition def = t.definition.get();
    Optional<Instant> handled = s.lastRun();
    if (t.lastStarted.isPresent() && (handled.isEmpty() || t.lastStarted.get().isAfter(handled.get()))) {
      handled = t.lastStarted;
    }
    ScheduleCalendar calendar = new ScheduleCalendar(def, zone);
    Iterator<Window> it = calendar.windowsEndingAfter(t.notBefore);
    List<Window> missed = new ArrayList<>();
    long missedTotal = 0;
    while (it.hasNext()) {
      Window w = it.next();
      if (handled.isPresent() && !w.startInstant().isAfter(handled.get())) {
        continue;
      }
      if (w.startInstant().isAfter(now)) {
        record(s, missed, missedTotal, now);
        return Optional.of(w.startInstant());
      }
      if (w.endsAfter(now)) {
        record(s, missed, missedTotal, now);
        due.add(new Due(s, def, w));
        return Optional.empty();
      }
      missedTotal++;
      missed.add(w);
      if (missed.size() > MAX_MISSED_RECORDED) {
        missed.remove(0);
      }
    }
    record(s, missed, missedTotal, now);
    return Optional.empty();
  }

  private void record(StoredSchedule s, List<Window> missed, long total, Instant now) {
    if (total > missed.size()) {
      log.accept(ScheduleMessages.MISSED_MORE.format(s.name(), total - missed.size(),
          format(missed.get(0).start()), missed.size()));
    }
    for (Window w : missed) {
      repository.recordRun(s.name(), w.startInstant(), RunResult.MISSED.word());
      log.accept(ScheduleMessages.RUN_MISSED.format(s.name(), format(w.start()), w.end().map(Scheduler::format)
          .orElse("(indefinite)")));
    }
    missed.clear();
  }

  private void start(Due d, Instant now) {
    String name = d.schedule.name();
    synchronized (this) {
      if (stopping || running.contains(name)) {
        return;
      }
      running.add(name);
      Tracked t = tracked.get(name);
      if (t != null) {
        t.lastStarted = Optional.of(now);
      }
    }
    String command = d.definition.command();
    String owner = d.schedule.owner();
    log.accept(ScheduleMessages.RUN_STARTED.format(name, command, owner, format(d.window.start()),
        d.window.end().map(Scheduler::format).orElse("(indefinite)")));
    Runnable run = () -> {
      RunOutcome outcome;
      try {
        outcome = runner.run(owner, command);
        if (outcome == null) {
          outcome = RunOutcome.failed("the command gave no outcome");
        }
      } catch (Exception | LinkageError e) {
        outcome = RunOutcome.failed(String.valueOf(e));
      }
      try {
        repository.recordRun(name, now, (outcome.succeeded() ? RunResult.COMPLETED : RunResult.FAILED).word());
        log.accept(outcome.succeeded() ? ScheduleMessages.RUN_COMPLETED.format(name, outcome.summary())
            : ScheduleMessages.RUN_FAILED.format(name, outcome.summary()));
      } catch (RuntimeException e) {
        log.accept(ScheduleMessages.SCHEDULER_ERROR.format(name, String.valueOf(e)));
      } finally {
        synchronized (this) {
          running.remove(name);
          notifyAll();
        }
        sleeper.wake();
      }
    };
    try {
      executor.execute(run);
    } catch (RuntimeException e) {
      synchronized (this) {
        running.remove(name);
        notifyAll();
      }
      log.accept(ScheduleMessages.SCHEDULER_ERROR.format(name, String.valueOf(e)));
    }
  }

  private static String format(ZonedDateTime t) {
    return DATE_TIME.format(t);
  }
}
