package org.vaultline.scsi.smc;

import java.util.Optional;

/**
 * One element descriptor of a READ ELEMENT STATUS response (SMC-3 6.11): the state of one medium
 * transport, storage, import/export or data transfer element. The common fields are in
 * {@link #state()}; the accessors here read through to it.
 */
public sealed interface ElementStatus
    permits TransportElement, StorageElement, ImportExportElement, DataTransferElement {

  ElementType type();

  ElementState state();

  default ElementAddress address() {
    return state().address();
  }

  /** FULL: a cartridge is in the element. */
  default boolean full() {
    return state().full();
  }

  /** EXCEPT: the element is in an abnormal state; see {@link ElementState#asc()}. */
  default boolean except() {
    return state().except();
  }

  /** The barcode, when volume tags were asked for and the label was read. */
  default Optional<VolumeTag> primaryVolumeTag() {
    return state().primaryVolumeTag();
  }

  /** SVALID and the source storage element address: where the cartridge came from. */
  default Optional<ElementAddress> sourceAddress() {
    return state().sourceAddress();
  }

  /** The identification descriptor (DVCID=1). */
  default Optional<DeviceIdentifier> identification() {
    return state().identification();
  }
}
