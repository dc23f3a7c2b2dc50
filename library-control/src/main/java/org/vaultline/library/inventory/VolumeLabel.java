package org.vaultline.library.inventory;

import java.util.Objects;
import java.util.Optional;
import org.vaultline.scsi.smc.VolumeTag;

/**
 * What the library's scanner made of the label of a cartridge in an element (SMC-3 6.11 primary volume
 * tag): a barcode, or none (REFERENCE §1.9). Only full elements have a label.
 */
public sealed interface VolumeLabel permits VolumeLabel.Barcode, VolumeLabel.Unlabelled {

  /** TSM's volume name: the six-character volser; empty when unlabelled. */
  Optional<String> volser();

  /** The barcode as the library reported it ({@code ABC123L6}); empty when unlabelled. */
  Optional<String> fullTag();

  /**
   * A readable barcode. TSM names the volume by its first six characters; an eight-character LTO label
   * ({@code ABC123L6}) adds the media identifier, which some libraries are set up to leave out
   * ({@code ABC123}). Both forms are kept.
   *
   * @param tag the primary volume tag as read
   * @param alternate the alternate volume tag, when the library reports one
   */
  record Barcode(VolumeTag tag, Optional<VolumeTag> alternate) implements VolumeLabel {
    public Barcode {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(alternate, "alternate");
    }

    public static Barcode of(String barcode) {
      return new Barcode(VolumeTag.of(barcode), Optional.empty());
    }

    @Override
    public Optional<String> volser() {
      return Optional.of(tag.volser());
    }

    @Override
    public Optional<String> fullTag() {
      return Optional.of(tag.volumeIdentifier());
    }

    /** {@code L6} of {@code ABC123L6}; empty for a six-character label. */
    public Optional<String> mediaIdentifier() {
      return tag.mediaIdentifier();
    }

    /** The {@code CLN} prefix of cleaning cartridges. */
    public boolean isCleaning() {
      return tag.isCleaningCartridge();
    }

    @Override
    public String toString() {
      return tag.toString();
    }
  }

  /**
   * A full element without a usable barcode.
   *
   * @param reason what the library said
   * @param condition the element's EXCEPT condition, when that is how the library said it
   */
  record Unlabelled(Reason reason, Optional<ExceptCondition> condition) implements VolumeLabel {
    public Unlabelled {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(condition, "condition");
    }

    @Override
    public Optional<String> volser() {
      return Optional.empty();
    }

    @Override
    public Optional<String> fullTag() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "unlabelled";
    }
  }

  /** Why a cartridge has no barcode. */
  enum Reason {
    /** The volume tag is blank: no label, or one the scanner could not read and the library says no more. */
    BLANK,
    /** EXCEPT with 83/00: the label is not (yet) scanned, or could not be read (IBM libraries). */
    NOT_SCANNED,
    /** EXCEPT with 83/01: the library found no label. */
    NO_LABEL
  }
}
