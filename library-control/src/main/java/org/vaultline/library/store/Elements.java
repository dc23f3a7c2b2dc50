package org.vaultline.library.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementType;

/** The last element status read from each library: what the library said, not what we hoped. */
public final class Elements {
  private static final String COLUMNS = "library, address, type, is_full, barcode, source_address, accessible,"
      + " except_flag, sense_asc, sense_ascq, scanned";
  private static final String INSERT = "INSERT OR REPLACE INTO element (" + COLUMNS
      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Reads scope;

  Elements(Reads scope) {
    this.scope = scope;
  }

  public Optional<ElementSnapshot> find(String library, ElementAddress address) {
    return scope.db().queryOne("SELECT " + COLUMNS + " FROM element WHERE library = ? AND address = ?",
        Elements::map, library, address);
  }

  /** The library's elements by address. */
  public List<ElementSnapshot> list(String library) {
    return scope.db().query("SELECT " + COLUMNS + " FROM element WHERE library = ? ORDER BY address", Elements::map,
        library);
  }

  /** The library's elements of one type by address. */
  public List<ElementSnapshot> list(String library, ElementType type) {
    return scope.db().query("SELECT " + COLUMNS + " FROM element WHERE library = ? AND type = ? ORDER BY address",
        Elements::map, library, type);
  }

  /** The elements holding a cartridge labelled {@code barcode} (more than one only if labels are duplicated). */
  public List<ElementSnapshot> findByBarcode(String library, String barcode) {
    return scope.db().query("SELECT " + COLUMNS + " FROM element WHERE library = ? AND barcode = ? ORDER BY address",
        Elements::map, library, barcode);
  }

  /** Replaces the whole snapshot of {@code library} with a fresh inventory. */
  public void replace(String library, Collection<ElementSnapshot> elements) {
    Db db = scope.writable("Elements.replace").db();
    for (ElementSnapshot e : elements) {
      if (!e.library().equals(library)) {
        throw new IllegalArgumentException("element " + e.address() + " belongs to " + e.library() + ", not " + library);
      }
    }
    db.update("DELETE FROM element WHERE library = ?", library);
    List<Object[]> rows = new ArrayList<>(elements.size());
    for (ElementSnapshot e : elements) {
      rows.add(args(e));
    }
    db.batch(INSERT, rows);
  }

  /** Records one element as just read (after a move, a rescan of the I/O station). */
  public void put(ElementSnapshot element) {
    scope.writable("Elements.put").db().update(INSERT, args(element));
  }

  private static Object[] args(ElementSnapshot e) {
    return new Object[] {e.library(), e.address(), e.type(), e.full(), e.barcode(), e.source(), e.accessible(),
        e.except(), e.asc(), e.ascq(), e.scanned()};
  }

  private static ElementSnapshot map(Db.Row r) throws SQLException {
    return new ElementSnapshot(r.string("library"), r.element("address"), r.enumValue(ElementType.class, "type"),
        r.bool("is_full"), r.optString("barcode"), r.optElement("source_address"), r.bool("accessible"),
        r.bool("except_flag"), r.intValue("sense_asc"), r.intValue("sense_ascq"), r.instant("scanned"));
  }
}
