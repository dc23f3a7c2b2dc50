package org.vaultline.library.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.vaultline.scsi.smc.ElementAddress;

/**
 * One SQLite connection with a cache of prepared statements, argument binding for the store's value
 * types and the translation of {@link SQLException} into {@link StoreException}s. Not thread-safe: the
 * {@link Store} hands each connection to one thread at a time.
 *
 * <p>Times are stored as INTEGER milliseconds since the epoch (UTC); element addresses as INTEGER;
 * enums by name; booleans as 0/1; empty {@link Optional}s as NULL.
 */
final class Db implements AutoCloseable {
  /** Maps one result row. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(Row row) throws SQLException;
  }

  private final Connection connection;
  private final String file;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  Db(Connection connection, String file) {
    this.connection = connection;
    this.file = file;
  }

  Connection connection() {
    return connection;
  }

  String file() {
    return file;
  }

  /** Runs a statement without parameters (BEGIN, PRAGMA, a migration script of several statements). */
  void exec(String sql) {
    try (Statement s = connection.createStatement()) {
      s.executeUpdate(sql);
    } catch (SQLException e) {
      throw translate(e, sql);
    }
  }

  /** INSERT, UPDATE or DELETE; the number of rows changed. */
  int update(String sql, Object... args) {
    try {
      PreparedStatement ps = prepare(sql, args);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw translate(e, sql);
    }
  }

  /** Runs {@code sql} once per argument list, as one JDBC batch. */
  void batch(String sql, List<Object[]> argLists) {
    if (argLists.isEmpty()) {
      return;
    }
    try {
      PreparedStatement ps = statement(sql);
      for (Object[] args : argLists) {
        bind(ps, args);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw translate(e, sql);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      PreparedStatement ps = prepare(sql, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        Row row = new Row(rs);
        while (rs.next()) {
          out.add(mapper.map(row));
        }
      }
      return out;
    } catch (SQLException e) {
      throw translate(e, sql);
    }
  }

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
    List<T> rows = query(sql, mapper, args);
    if (rows.size() > 1) {
      throw new StoreException("expected at most one row, got " + rows.size() + ": " + sql);
    }
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The first column of the single row {@code sql} returns; 0 when the value is NULL. */
  long queryLong(String sql, Object... args) {
    return queryOne(sql, r -> r.getLong(1), args)
        .orElseThrow(() -> new StoreException("no row from: " + sql));
  }

  private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
    PreparedStatement ps = statement(sql);
    bind(ps, args);
    return ps;
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    ps.clearParameters();
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Optional<?> o) {
        a = o.orElse(null);
      }
      int index = i + 1;
      if (a == null) {
        ps.setNull(index, Types.NULL);
      } else if (a instanceof String s) {
        ps.setString(index, s);
      } else if (a instanceof Long l) {
        ps.setLong(index, l);
      } else if (a instanceof Integer n) {
        ps.setLong(index, n);
      } else if (a instanceof Boolean b) {
        ps.setInt(index, b ? 1 : 0);
      } else if (a instanceof Instant t) {
        ps.setLong(index, t.toEpochMilli());
      } else if (a instanceof ElementAddress e) {
        ps.setInt(index, e.value());
      } else if (a instanceof Enum<?> e) {
        ps.setString(index, e.name());
      } else {
        throw new IllegalArgumentException("cannot bind " + a.getClass().getName() + " to SQL parameter " + index);
      }
    }
  }

  StoreException translate(SQLException e, String sql) {
    String where = " [" + file + "; " + sql.strip().lines().findFirst().orElse("") + "]";
    if (isBusy(e)) {
      return new BusyException(e.getMessage() + where, e);
    }
    if (e instanceof SQLiteException se && se.getResultCode().code % 256 == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
      return new ConflictException(e.getMessage(), e);
    }
    return new StoreException(e.getMessage() + where, e);
  }

  static boolean isBusy(SQLException e) {
    int primary = e instanceof SQLiteException se ? se.getResultCode().code & 0xFF : e.getErrorCode() & 0xFF;
    return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
  }

  @Override
  public void close() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing the connection below releases it anyway
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      throw translate(e, "close");
    }
  }

  /** SQLITE_BUSY or SQLITE_LOCKED: another connection holds the lock; the whole transaction may be retried. */
  static final class BusyException extends StoreException {
    BusyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Typed access to the current row of a result set, by column name. */
  static final class Row {
    private final ResultSet rs;

    Row(ResultSet rs) {
      this.rs = rs;
    }

    long getLong(int column) throws SQLException {
      return rs.getLong(column);
    }

    String string(String column) throws SQLException {
      String s = rs.getString(column);
      if (s == null) {
        throw new SQLException("column " + column + " is NULL");
      }
      return s;
    }

    Optional<String> optString(String column) throws SQLException {
      return Optional.ofNullable(rs.getString(column));
    }

    long longValue(String column) throws SQLException {
      return rs.getLong(column);
    }

    int intValue(String column) throws SQLException {
      return rs.getInt(column);
    }

    Optional<Long> optLong(String column) throws SQLException {
      long v = rs.getLong(column);
      return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    Optional<Integer> optInt(String column) throws SQLException {
      int v = rs.getInt(column);
      return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    boolean bool(String column) throws SQLException {
      return rs.getInt(column) != 0;
    }

    Instant instant(String column) throws SQLException {
      return Instant.ofEpochMilli(rs.getLong(column));
    }

    Optional<Instant> optInstant(String column) throws SQLException {
      return optLong(column).map(Instant::ofEpochMilli);
    }

    ElementAddress element(String column) throws SQLException {
      return ElementAddress.of(rs.getInt(column));
    }

    Optional<ElementAddress> optElement(String column) throws SQLException {
      return optInt(column).map(ElementAddress::of);
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String column) throws SQLException {
      return Enum.valueOf(type, string(column));
    }

    <E extends Enum<E>> Optional<E> optEnum(Class<E> type, String column) throws SQLException {
      Optional<String> s = optString(column);
      return s.isEmpty() ? Optional.empty() : Optional.of(Enum.valueOf(type, s.get()));
    }
  }
}
