package org.vaultline.library.store;

/**
 * The database's schema cannot be used by this build: it was written by a newer Vaultline, a migration
 * that was applied has since been changed, a migration failed, or the file is not a Vaultline store.
 * Opening stops; the database is left as it was (each migration is its own transaction).
 */
public final class SchemaException extends StoreException {
  public SchemaException(Message message) {
    super(message.render());
  }

  public SchemaException(Message message, Throwable cause) {
    super(message.render(), cause);
  }
}
