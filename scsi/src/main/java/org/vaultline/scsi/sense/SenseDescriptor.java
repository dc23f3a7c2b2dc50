package org.vaultline.scsi.sense;

import org.vaultline.scsi.bytes.Bytes;

/**
 * One descriptor of descriptor-format sense (SPC-4 4.5.2): its type code and the bytes after its
 * two-byte header. Known types are also folded into the {@link Sense} fields; every descriptor is kept.
 */
public record SenseDescriptor(int type, Bytes body) {
  public static final int INFORMATION = 0x00;
  public static final int COMMAND_SPECIFIC = 0x01;
  public static final int SENSE_KEY_SPECIFIC = 0x02;
  public static final int FIELD_REPLACEABLE_UNIT = 0x03;
  public static final int STREAM_COMMANDS = 0x04;
  public static final int BLOCK_COMMANDS = 0x05;
  public static final int ANOTHER_PROGRESS_INDICATION = 0x0A;

  public String typeName() {
    return switch (type) {
      case INFORMATION -> "information";
      case COMMAND_SPECIFIC -> "command-specific information";
      case SENSE_KEY_SPECIFIC -> "sense key specific";
      case FIELD_REPLACEABLE_UNIT -> "field replaceable unit";
      case STREAM_COMMANDS -> "stream commands";
      case BLOCK_COMMANDS -> "block commands";
      case 0x06 -> "OSD object identification";
      case 0x09 -> "ATA status return";
      case ANOTHER_PROGRESS_INDICATION -> "another progress indication";
      case 0x0B -> "user data segment referral";
      case 0x0C -> "forwarded sense data";
      case 0x0D -> "direct-access block device";
      case 0x0E -> "device designation";
      case 0x0F -> "microcode activation";
      default -> type >= 0x80 ? "vendor specific" : "reserved";
    };
  }
}
