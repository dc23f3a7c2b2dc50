package org.vaultline.appliance.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.tinylog.Logger;
import org.vaultline.appliance.auth.AdminAuthentication;
import org.vaultline.appliance.auth.AdminId;
import org.vaultline.appliance.auth.Administrator;
import org.vaultline.appliance.auth.Authority;
import org.vaultline.appliance.auth.CommandClass;
import org.vaultline.appliance.auth.LoginResult;
import org.vaultline.appliance.auth.NotAuthorizedException;
import org.vaultline.appliance.auth.PasswordHash;
import org.vaultline.library.command.CommandTokens;
import org.vaultline.library.command.CommandTokens.Token;
import org.vaultline.library.command.Keyword;
import org.vaultline.library.control.CommandException;
import org.vaultline.library.control.CommandResult;
import org.vaultline.library.control.ResultTable;
import org.vaultline.library.store.AdminAccount;
import org.vaultline.library.store.Message;
import org.vaultline.library.store.Origin;
import org.vaultline.library.store.Store;
import org.vaultline.library.store.Tx;

/**
 * Every command line an administrator sends, through the administrative API or the serial console: logs it in the
 * activity log with the administrator's ID (passwords masked, as TSM shows {@code ?***?}), checks the authority class,
 * runs the administrator commands itself and passes the rest to the {@link ServerCommandLine}.
 *
 * <p>The administrator commands, in TSM's syntax and minimum abbreviations:
 * <pre>
 * REGister Admin admin_name password [AUTHority=SYstem|Operator|Read]   (default Read)
 * UPDate Admin admin_name password        (any administrator for their own ID; SYSTEM for others)
 * REMove Admin admin_name
 * GRant AUTHority admin_name CLasses=SYstem|Operator|Read
 * REVoke AUTHority admin_name [CLasses=SYstem|Operator]   (back to Read)
 * LOCK Admin admin_name
 * UNLOCK Admin admin_name
 * Query ADmin [admin_name]                (wildcards * and ?)
 * Query STatus
 * </pre>
 * Thread-safe.
 */
public final class AdminCommands {
  static final String MASK = "?***?";

  private static final Keyword REGISTER = Keyword.of("REGister");
  private static final Keyword UPDATE = Keyword.of("UPDate");
  private static final Keyword REMOVE = Keyword.of("REMove");
  private static final Keyword GRANT = Keyword.of("GRant");
  private static final Keyword REVOKE = Keyword.of("REVoke");
  private static final Keyword LOCK = Keyword.of("LOCK");
  private static final Keyword UNLOCK = Keyword.of("UNLOCK");
  private static final Keyword QUERY = Keyword.of("Query");
  private static final Keyword ADMIN = Keyword.of("Admin");
  private static final Keyword ADMIN_QUERY = Keyword.of("ADmin");
  private static final Keyword AUTHORITY = Keyword.of("AUTHority");
  private static final Keyword STATUS = Keyword.of("STatus");
  private static final Keyword CLASSES = Keyword.of("CLasses");
  private static final Keyword SYSTEM = Keyword.of("SYstem");
  private static final Keyword OPERATOR = Keyword.of("Operator");
  private static final Keyword READ = Keyword.of("Read");

  /** An administrator command, parsed. */
  private sealed interface AdminCommand {
    String name();

    CommandClass commandClass(Administrator by);
  }

  private record Register(AdminId id, String password, Authority authority) implements AdminCommand {
    public String name() {
      return "REGISTER ADMIN";
    }

    public CommandClass commandClass(Administrator by) {
      return CommandClass.CONFIGURE;
    }
  }

  private record UpdatePassword(AdminId id, String password) implements AdminCommand {
    public String name() {
      return "UPDATE ADMIN";
    }

    public CommandClass commandClass(Administrator by) {
      return by.id().equals(id) ? CommandClass.QUERY : CommandClass.CONFIGURE;
    }
  }

  private record Remove(AdminId id) implements AdminCommand {
    public String name() {
      return "REMOVE ADMIN";
    }

    public CommandClass commandClass(Administrator by) {
      return CommandClass.CONFIGURE;
    }
  }

  private record Grant(AdminId id, Authority authority, String name) implements AdminCommand {
    public CommandClass commandClass(Administrator by) {
      return CommandClass.CONFIGURE;
    }
  }

  private record Lock(AdminId id, boolean locked) implements AdminCommand {
    public String name() {
      return locked ? "LOCK ADMIN" : "UNLOCK ADMIN";
    }

    public CommandClass commandClass(Administrator by) {
      return CommandClass.CONFIGURE;
    }
  }

  private record QueryAdmin(String pattern) implements AdminCommand {
    public String name() {
      return "QUERY ADMIN";
    }

    public CommandClass commandClass(Administrator by) {
      return CommandClass.QUERY;
    }
  }

  private record QueryStatus() implements AdminCommand {
    public String name() {
      return "QUERY STATUS";
    }

    public CommandClass commandClass(Administrator by) {
      return CommandClass.QUERY;
    }
  }

  private final Store store;
  private final AdminAuthentication authentication;
  private final StoreAdministrators administrators;
  private final ServerCommandLine server;
  private final Supplier<ResultTable> status;
  private final Runnable afterCommand;
  private volatile boolean accepting = true;

  /**
   * @param status QUERY STATUS's table
   * @param afterCommand called after every command that ran (the daemon wakes the MQTT publisher)
   */
  public AdminCommands(Store store, AdminAuthentication authentication, ServerCommandLine server,
      Supplier<ResultTable> status, Runnable afterCommand) {
    this.store = Objects.requireNonNull(store, "store");
    this.authentication = Objects.requireNonNull(authentication, "authentication");
    this.administrators = new StoreAdministrators(store);
    this.server = Objects.requireNonNull(server, "server");
    this.status = Objects.requireNonNull(status, "status");
    this.afterCommand = Objects.requireNonNull(afterCommand, "afterCommand");
  }

  /** From now on every command is refused with VLN0833E (HTTP 503): the server is stopping. */
  public void refuseNewCommands() {
    accepting = false;
  }

  public boolean accepting() {
    return accepting;
  }

  /**
   * Checks an administrator's ID and password: failed logins count towards the lockout, and an administrator locked
   * with LOCK ADMIN is refused once the password was right (so a refusal never tells a stranger that an ID exists).
   */
  public LoginOutcome login(String id, char[] password) {
    AdminId adminId;
    try {
      adminId = AdminId.of(id);
    } catch (IllegalArgumentException e) {
      return new LoginOutcome.Refused(AdminMessages.parse(new LoginResult.Rejected(AdminId.of("X")).message()));
    }
    LoginResult r = authentication.login(adminId, password);
    if (r instanceof LoginResult.Accepted a) {
      if (locked(adminId)) {
        return new LoginOutcome.Refused(AdminMessages.ADMIN_LOCKED.format(adminId));
      }
      return new LoginOutcome.Accepted(a.administrator());
    }
    return new LoginOutcome.Refused(AdminMessages.parse(r.message()));
  }

  /** True when {@code id} is locked with LOCK ADMIN (or no longer registered). */
  public boolean locked(AdminId id) {
    return administrators.account(id).map(AdminAccount::locked).orElse(true);
  }

  /**
   * Runs one command line for {@code admin} (who has logged in): logged with the admin's ID, authority checked, run.
   */
  public CommandOutcome run(Administrator admin, String line) {
    String text = line.strip();
    String guess = guessName(text);
    if (!accepting) {
      return new CommandOutcome(CommandOutcome.Status.STOPPING,
          CommandResult.of(guess, AdminMessages.SERVER_STOPPING.format(guess)));
    }
    Origin origin = Origin.admin(admin.id().name());
    try {
      store.transact(origin, tx -> {
        tx.log(AdminMessages.ISSUED, admin.id(), mask(text));
        tx.administrators().touch(admin.id().name(), tx.now());
      });
      Optional<AdminCommand> own;
      String name;
      CommandClass commandClass;
      try {
        own = parse(text);
        if (own.isPresent()) {
          name = own.get().name();
          commandClass = own.get().commandClass(admin);
        } else {
          ServerCommandLine.Described d = server.describe(text);
          name = d.name();
          commandClass = d.commandClass();
        }
      } catch (CommandException e) {
        logRefusal(origin, e.message());
        return new CommandOutcome(CommandOutcome.Status.SYNTAX, CommandResult.of(guess, e.message()));
      }
      try {
        AdminAuthentication.authorize(admin, commandClass, name);
      } catch (NotAuthorizedException e) {
        Message m = AdminMessages.parse(e.getMessage());
        logRefusal(origin, m);
        return new CommandOutcome(CommandOutcome.Status.FORBIDDEN, CommandResult.of(name, m));
      }
      CommandResult result;
      try {
        result = own.isPresent() ? execute(own.get(), admin, origin) : server.execute(text, origin);
      } catch (CommandException e) {
        result = CommandResult.of(name, e.message());
      }
      afterCommand.run();
      return new CommandOutcome(CommandOutcome.Status.RAN, result);
    } catch (RuntimeException e) {
      Logger.error(e, "Internal error running {}", mask(text));
      Message m = AdminMessages.INTERNAL.format(guess, String.valueOf(e.getMessage()));
      return new CommandOutcome(CommandOutcome.Status.INTERNAL, CommandResult.of(guess, m));
    }
  }

  private void logRefusal(Origin origin, Message m) {
    store.transact(origin, tx -> tx.log(m));
  }

  // ---- parsing ----

  /** The administrator command this line is, or empty when it is none (then the server's commands are asked). */
  private static Optional<AdminCommand> parse(String line) throws CommandException {
    List<Token> t;
    try {
      t = CommandTokens.tokenize(line);
    } catch (CommandTokens.UnterminatedQuote e) {
      return Optional.empty(); // the server's parser says what is wrong with the quotes
    }
    if (t.size() < 2 || t.get(0).key().isPresent() || t.get(1).key().isPresent()) {
      return Optional.empty();
    }
    String verb = t.get(0).value();
    String object = t.get(1).value();
    List<Token> rest = t.subList(2, t.size());
    if (REGISTER.matches(verb) && ADMIN.matches(object)) {
      String form = "REGister Admin admin_name password [AUTHority=SYstem|Operator|Read]";
      List<Token> pos = positional(rest, "REGISTER ADMIN", form, 2, 2);
      Authority authority = Authority.READ;
      for (Token k : keyed(rest)) {
        if (!AUTHORITY.matches(k.key().get())) {
          throw syntax("REGISTER ADMIN", "unknown parameter " + k.key().get(), form);
        }
        authority = authority(k.value(), "REGISTER ADMIN", form);
      }
      return Optional.of(new Register(adminId(pos.get(0), "REGISTER ADMIN", form), pos.get(1).value(), authority));
    }
    if (UPDATE.matches(verb) && ADMIN.matches(object)) {
      String form = "UPDate Admin admin_name password";
      List<Token> pos = positional(rest, "UPDATE ADMIN", form, 2, 2);
      noKeys(rest, "UPDATE ADMIN", form);
      return Optional.of(new UpdatePassword(adminId(pos.get(0), "UPDATE ADMIN", form), pos.get(1).value()));
    }
    if (REMOVE.matches(verb) && ADMIN.matches(object)) {
      return Optional.of(new Remove(single(rest, "REMOVE ADMIN", "REMove Admin admin_name")));
    }
    if (LOCK.matches(verb) && ADMIN.matches(object)) {
      return Optional.of(new Lock(single(rest, "LOCK ADMIN", "LOCK Admin admin_name"), true));
    }
    if (UNLOCK.matches(verb) && ADMIN.matches(object)) {
      return Optional.of(new Lock(single(rest, "UNLOCK ADMIN", "UNLOCK Admin admin_name"), false));
    }
    if ((GRANT.matches(verb) || REVOKE.matches(verb)) && AUTHORITY.matches(object)) {
      boolean grant = GRANT.matches(verb);
      String name = grant ? "GRANT AUTHORITY" : "REVOKE AUTHORITY";
      String form = grant ? "GRant AUTHority admin_name CLasses=SYstem|Operator|Read"
          : "REVoke AUTHority admin_name [CLasses=SYstem|Operator]";
      List<Token> pos = positional(rest, name, form, 1, 1);
      Optional<Authority> classes = Optional.empty();
      for (Token k : keyed(rest)) {
        if (!CLASSES.matches(k.key().get())) {
          throw syntax(name, "unknown parameter " + k.key().get(), form);
        }
        classes = Optional.of(authority(k.value(), name, form));
      }
      if (grant && classes.isEmpty()) {
        throw syntax(name, "CLASSES is required", form);
      }
      return Optional.of(new Grant(adminId(pos.get(0), name, form), grant ? classes.get() : Authority.READ, name));
    }
    if (QUERY.matches(verb) && ADMIN_QUERY.matches(object)) {
      String form = "Query ADmin [admin_name]";
      List<Token> pos = positional(rest, "QUERY ADMIN", form, 0, 1);
      noKeys(rest, "QUERY ADMIN", form);
      return Optional.of(new QueryAdmin(pos.isEmpty() ? "*" : pos.get(0).name()));
    }
    if (QUERY.matches(verb) && STATUS.matches(object)) {
      String form = "Query STatus";
      positional(rest, "QUERY STATUS", form, 0, 0);
      noKeys(rest, "QUERY STATUS", form);
      return Optional.of(new QueryStatus());
    }
    return Optional.empty();
  }

  private static List<Token> positional(List<Token> rest, String name, String form, int min, int max)
      throws CommandException {
    List<Token> pos = rest.stream().filter(k -> k.key().isEmpty()).toList();
    if (pos.size() < min) {
      throw syntax(name, "a parameter is missing", form);
    }
    if (pos.size() > max) {
      throw syntax(name, "unexpected " + pos.get(max).typed() + " at column " + pos.get(max).column(), form);
    }
    return pos;
  }

  private static List<Token> keyed(List<Token> rest) {
    return rest.stream().filter(k -> k.key().isPresent()).toList();
  }

  private static void noKeys(List<Token> rest, String name, String form) throws CommandException {
    for (Token k : keyed(rest)) {
      throw syntax(name, "unknown parameter " + k.key().get(), form);
    }
  }

  private static AdminId single(List<Token> rest, String name, String form) throws CommandException {
    List<Token> pos = positional(rest, name, form, 1, 1);
    noKeys(rest, name, form);
    return adminId(pos.get(0), name, form);
  }

  private static AdminId adminId(Token t, String name, String form) throws CommandException {
    try {
      return AdminId.of(t.value());
    } catch (IllegalArgumentException e) {
      throw syntax(name, t.typed() + " is not an administrator ID (1 to 64 letters, digits or . - _ + & @)", form);
    }
  }

  private static Authority authority(String v, String name, String form) throws CommandException {
    if (SYSTEM.matches(v)) {
      return Authority.SYSTEM;
    } else if (OPERATOR.matches(v)) {
      return Authority.OPERATOR;
    } else if (READ.matches(v)) {
      return Authority.READ;
    }
    throw syntax(name, v + " is not an authority class (SYSTEM, OPERATOR or READ)", form);
  }

  private static CommandException syntax(String name, String what, String form) {
    return new CommandException(AdminMessages.SYNTAX.format(name, what, form));
  }

  /** The command's first two words in upper case, for messages about a line that was not understood. */
  private static String guessName(String line) {
    String[] w = line.split("\\s+", 3);
    return (w.length >= 2 ? w[0] + " " + w[1] : w[0]).toUpperCase(Locale.ROOT);
  }

  /**
   * The line as the activity log shows it: the password of REGISTER ADMIN and UPDATE ADMIN (the fourth word)
   * replaced by {@code ?***?}, whether or not the rest of the line is right.
   */
  static String mask(String line) {
    String s = line.strip();
    String[] w = s.split("\\s+", 4);
    if (w.length < 4 || !(REGISTER.matches(w[0]) || UPDATE.matches(w[0])) || !ADMIN.matches(w[1])) {
      return s;
    }
    try {
      List<String> out = new ArrayList<>();
      int positional = 0;
      for (Token t : CommandTokens.tokenize(s)) {
        boolean password = t.key().isEmpty() && positional++ == 3;
        out.add(password ? MASK : t.typed());
      }
      return String.join(" ", out);
    } catch (CommandTokens.UnterminatedQuote e) {
      return w[0] + " " + w[1] + " " + w[2] + " " + MASK;
    }
  }

  // ---- running ----

  private CommandResult execute(AdminCommand c, Administrator by, Origin origin) {
    if (c instanceof Register r) {
      return register(r, origin);
    } else if (c instanceof UpdatePassword u) {
      return updatePassword(u, origin);
    } else if (c instanceof Remove r) {
      return change(r.name(), origin, tx -> {
        if (r.id().equals(by.id())) {
          return AdminMessages.NOT_YOURSELF.format(r.name(), "remove", r.id());
        }
        Optional<Message> last = lastSystem(tx, r.id(), r.name());
        if (last.isPresent()) {
          return last.get();
        }
        return tx.administrators().delete(r.id().name()) ? AdminMessages.REMOVED.format(r.id())
            : AdminMessages.NOT_REGISTERED.format(r.id());
      });
    } else if (c instanceof Lock l) {
      return change(l.name(), origin, tx -> {
        if (l.locked() && l.id().equals(by.id())) {
          return AdminMessages.NOT_YOURSELF.format(l.name(), "lock", l.id());
        }
        if (l.locked()) {
          Optional<Message> last = lastSystem(tx, l.id(), l.name());
          if (last.isPresent()) {
            return last.get();
          }
        }
        Optional<AdminAccount> a = tx.administrators().find(l.id().name());
        if (a.isEmpty()) {
          return AdminMessages.NOT_REGISTERED.format(l.id());
        }
        tx.administrators().setLocked(l.id().name(), l.locked());
        if (!l.locked()) {
          AdminAccount x = a.get();
          tx.administrators().updateCredentials(new AdminAccount(x.id(), x.passwordHash(), x.authority(), 0,
              Optional.empty(), false, x.registered(), x.registeredBy(), x.lastAccess()));
        }
        return (l.locked() ? AdminMessages.LOCKED : AdminMessages.UNLOCKED).format(l.id());
      });
    } else if (c instanceof Grant g) {
      return change(g.name(), origin, tx -> {
        Optional<AdminAccount> a = tx.administrators().find(g.id().name());
        if (a.isEmpty()) {
          return AdminMessages.NOT_REGISTERED.format(g.id());
        }
        if (g.authority() != Authority.SYSTEM) {
          Optional<Message> last = lastSystem(tx, g.id(), g.name());
          if (last.isPresent()) {
            return last.get();
          }
        }
        tx.administrators().setAuthority(g.id().name(), g.authority().name());
        return AdminMessages.AUTHORITY_SET.format(g.id(), g.authority());
      });
    } else if (c instanceof QueryAdmin q) {
      return queryAdmin(q);
    } else {
      return CommandResult.table("QUERY STATUS", status.get(), List.of());
    }
  }

  private CommandResult register(Register r, Origin origin) {
    PasswordHash hash;
    try {
      hash = hashOf(r.password());
    } catch (IllegalArgumentException e) {
      return CommandResult.of(r.name(), AdminMessages.INVALID_ADMIN.format(r.name(), e.getMessage()));
    }
    return change(r.name(), origin, tx -> {
      if (tx.administrators().find(r.id().name()).isPresent()) {
        return AdminMessages.ALREADY_REGISTERED.format(r.id());
      }
      tx.administrators().insert(new AdminAccount(r.id().name(), hash.encode(), r.authority().name(), 0,
          Optional.empty(), false, tx.now(), origin.admin(), Optional.empty()));
      return AdminMessages.REGISTERED.format(r.id(), r.authority());
    });
  }

  private CommandResult updatePassword(UpdatePassword u, Origin origin) {
    PasswordHash hash;
    try {
      hash = hashOf(u.password());
    } catch (IllegalArgumentException e) {
      return CommandResult.of(u.name(), AdminMessages.INVALID_ADMIN.format(u.name(), e.getMessage()));
    }
    return change(u.name(), origin, tx -> {
      Optional<AdminAccount> a = tx.administrators().find(u.id().name());
      if (a.isEmpty()) {
        return AdminMessages.NOT_REGISTERED.format(u.id());
      }
      AdminAccount x = a.get();
      // a new password also ends a lockout after failed logins (not a LOCK ADMIN)
      tx.administrators().updateCredentials(new AdminAccount(x.id(), hash.encode(), x.authority(), 0,
          Optional.empty(), x.locked(), x.registered(), x.registeredBy(), x.lastAccess()));
      return AdminMessages.PASSWORD_UPDATED.format(u.id());
    });
  }

  private PasswordHash hashOf(String password) {
    char[] pw = password.toCharArray();
    try {
      return authentication.hashNewPassword(pw);
    } finally {
      Arrays.fill(pw, '\0');
    }
  }

  /** Runs {@code work} in one transaction whose message (success or error) is logged and returned. */
  private CommandResult change(String name, Origin origin, java.util.function.Function<Tx, Message> work) {
    Message m = store.write(origin, tx -> {
      Message out = work.apply(tx);
      tx.log(out);
      return out;
    });
    return CommandResult.of(name, m);
  }

  /** An error when {@code id} is the only unlocked SYSTEM administrator left. */
  private static Optional<Message> lastSystem(Tx tx, AdminId id, String name) {
    List<AdminAccount> system = tx.administrators().list().stream()
        .filter(a -> a.authority().equals("SYSTEM") && !a.locked()).toList();
    if (system.size() == 1 && system.get(0).id().equals(id.name())) {
      return Optional.of(AdminMessages.LAST_SYSTEM.format(name, id));
    }
    return Optional.empty();
  }

  private CommandResult queryAdmin(QueryAdmin q) {
    Pattern p = Pattern.compile(q.pattern().chars().mapToObj(ch -> ch == '*' ? ".*" : ch == '?' ? "."
        : Pattern.quote(String.valueOf((char) ch))).reduce("", String::concat));
    List<AdminAccount> all = store.read(r -> r.administrators().list());
    Instant now = store.clock().instant();
    ResultTable.Builder t = ResultTable.builder("Administrator\nName", "Days Since\nLast Access", "Locked?",
        "Authority");
    List<AdminAccount> shown = new ArrayList<>();
    for (AdminAccount a : all) {
      if (p.matcher(a.id()).matches()) {
        shown.add(a);
        long days = Duration.between(a.lastAccess().orElse(a.registered()), now).toDays();
        boolean locked = a.locked() || a.lockedUntil().filter(now::isBefore).isPresent();
        t.row(a.id(), days < 1 ? "<1" : Long.toString(days), locked ? "Yes" : "No", a.authority());
      }
    }
    if (shown.isEmpty()) {
      return CommandResult.of("QUERY ADMIN", AdminMessages.NO_MATCH.format(q.pattern()));
    }
    return CommandResult.table("QUERY ADMIN", t.build(), List.of());
  }
}
