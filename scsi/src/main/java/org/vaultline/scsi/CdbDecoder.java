package org.vaultline.scsi;

/**
 * Turns a CDB back into its command record: used by the emulator (target side) and by the offline
 * decoder. A decoder belongs to one command of one command set.
 */
@FunctionalInterface
public interface CdbDecoder {
  Command<?> decode(Cdb cdb) throws InvalidCdbException;
}
