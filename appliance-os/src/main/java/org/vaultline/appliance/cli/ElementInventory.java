package org.vaultline.appliance.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vaultline.scsi.sense.CheckConditionException;
import org.vaultline.scsi.sense.MalformedResponseException;
import org.vaultline.scsi.sense.ScsiException;
import org.vaultline.scsi.sense.SenseKey;
import org.vaultline.scsi.smc.DataTransferElement;
import org.vaultline.scsi.smc.DeviceIdentifier;
import org.vaultline.scsi.smc.ElementAddress;
import org.vaultline.scsi.smc.ElementAddressAssignmentPage;
import org.vaultline.scsi.smc.ElementStatus;
import org.vaultline.scsi.smc.ElementStatusData;
import org.vaultline.scsi.smc.ElementType;
import org.vaultline.scsi.smc.ReadElementStatus;
import org.vaultline.scsi.spc.ModePage;
import org.vaultline.scsi.spc.ModeParameters;
import org.vaultline.scsi.spc.ModeSense10;
import org.vaultline.scsi.spc.ModeSense6;
import org.vaultline.scsi.transport.ScsiExecutor;

/**
 * A full inventory of a media changer as a field engineer wants it, read the way robust software reads
 * one (REFERENCE §1): MODE SENSE page 1Dh for where each element type starts and how many there are
 * (MODE SENSE(10) when the 6-byte form is refused), then READ ELEMENT STATUS per element type with
 * VOLTAG, at most {@value #CHUNK} elements per request, halving the request on 5/24/00 and paging on
 * from the last address received, then DVCID for the drives in a request of their own, going without
 * drive identities when the library refuses it.
 *
 * @param assignment what page 1Dh says
 * @param elements every element received, per type in the order SMC-3 numbers them, by address
 * @param notes what was odd: parse warnings, refused DVCID, elements missing from a report
 */
record ElementInventory(ElementAddressAssignmentPage assignment, List<ElementStatus> elements, List<String> notes) {
  /** Elements per READ ELEMENT STATUS; with volume tags about 52 KB, under the FFFFh allocation. */
  static final int CHUNK = 1000;

  static ElementInventory read(ScsiExecutor executor) throws ScsiException {
    List<String> notes = new ArrayList<>();
    ElementAddressAssignmentPage a = addressAssignment(executor, notes);
    Map<ElementType, Integer> counts = new LinkedHashMap<>();
    counts.put(ElementType.MEDIUM_TRANSPORT, a.transportCount());
    counts.put(ElementType.STORAGE, a.storageCount());
    counts.put(ElementType.IMPORT_EXPORT, a.importExportCount());
    counts.put(ElementType.DATA_TRANSFER, a.dataTransferCount());
    List<ElementStatus> all = new ArrayList<>();
    Map<ElementType, List<ElementStatus>> byType = new LinkedHashMap<>();
    for (Map.Entry<ElementType, Integer> e : counts.entrySet()) {
      if (e.getValue() == 0) {
        byType.put(e.getKey(), List.of());
        continue;
      }
      ReadElementStatus first = ReadElementStatus.of(e.getKey(), a.first(e.getKey()), 0);
      byType.put(e.getKey(), readType(executor, first, e.getValue(), notes));
    }
    if (a.dataTransferCount() > 0) {
      byType.put(ElementType.DATA_TRANSFER, withIdentities(executor, a, byType.get(ElementType.DATA_TRANSFER), notes));
    }
    byType.values().forEach(all::addAll);
    return new ElementInventory(a, List.copyOf(all), List.copyOf(notes));
  }

  private static ElementAddressAssignmentPage addressAssignment(ScsiExecutor executor, List<String> notes)
      throws ScsiException {
    ModeParameters mp;
    try {
      mp = executor.execute(ModeSense6.page(ElementAddressAssignmentPage.PAGE_CODE));
    } catch (CheckConditionException e) {
      if (e.sense().key() != SenseKey.ILLEGAL_REQUEST) {
        throw e;
      }
      notes.add("MODE SENSE(6) refused (" + e.sense() + "); used MODE SENSE(10)");
      mp = executor.execute(ModeSense10.page(ElementAddressAssignmentPage.PAGE_CODE));
    }
    Optional<ModePage> page = mp.page(ElementAddressAssignmentPage.PAGE_CODE);
    if (page.isEmpty()) {
      throw new MalformedResponseException(0, "MODE SENSE answered without the element address assignment page (1Dh)");
    }
    return ElementAddressAssignmentPage.from(page.get());
  }

  /** Up to {@code count} elements of the request's type from its starting address, paging as needed. */
  private static List<ElementStatus> readType(ScsiExecutor executor, ReadElementStatus template, int count,
                                              List<String> notes) throws ScsiException {
    TreeMap<ElementAddress, ElementStatus> got = new TreeMap<>();
    ElementAddress start = template.startingAddress();
    int chunk = Math.min(count, CHUNK);
    while (got.size() < count) {
      ReadElementStatus request = template.startingAt(start).withNumberOfElements(Math.min(chunk, count - got.size()));
      ElementStatusData data;
      try {
        data = executor.execute(request);
      } catch (CheckConditionException e) {
        if (e.sense().is(SenseKey.ILLEGAL_REQUEST, 0x24, 0x00) && chunk > 1) {
          chunk = Math.max(1, chunk / 2);
          notes.add(template.elementType().text() + ": " + request.numberOfElements()
              + " elements per request refused (5/24/00); asking for " + chunk);
          continue;
        }
        throw e;
      }
      data.warnings().forEach(w -> notes.add(template.elementType().text() + " from " + request.startingAddress()
          + ": " + w));
      int before = got.size();
      ElementAddress highest = null;
      for (ElementStatus s : data.elements()) {
        if (s.type() != template.elementType() || s.address().compareTo(start) < 0) {
          continue;
        }
        got.putIfAbsent(s.address(), s);
        highest = highest == null || s.address().compareTo(highest) > 0 ? s.address() : highest;
      }
      if (got.size() == before || highest == null || highest.value() == 0xFFFF) {
        break; // nothing new: the library has no more of this type
      }
      start = highest.plus(1);
    }
    if (got.size() < count) {
      notes.add(template.elementType().text() + ": page 1Dh counts " + count + " elements, READ ELEMENT STATUS "
          + "reported " + got.size());
    }
    return new ArrayList<>(got.values());
  }

  /** The drives with their identification descriptors, asked for with DVCID and without VOLTAG. */
  private static List<ElementStatus> withIdentities(ScsiExecutor executor, ElementAddressAssignmentPage a,
                                                    List<ElementStatus> drives, List<String> notes) {
    Map<ElementAddress, DeviceIdentifier> ids = new TreeMap<>();
    try {
      List<String> ignored = new ArrayList<>();
      ReadElementStatus dvcid = ReadElementStatus.drives(a.firstDataTransfer(), 0);
      for (ElementStatus s : readType(executor, dvcid, a.dataTransferCount(), ignored)) {
        s.identification().ifPresent(id -> ids.put(s.address(), id));
      }
    } catch (CheckConditionException e) {
      notes.add("the library refused DVCID (" + e.sense() + "): drives without identities");
      return drives;
    } catch (ScsiException e) {
      notes.add("READ ELEMENT STATUS with DVCID failed (" + e.getMessage() + "): drives without identities");
      return drives;
    }
    List<ElementStatus> out = new ArrayList<>();
    for (ElementStatus s : drives) {
      DeviceIdentifier id = ids.get(s.address());
      if (s instanceof DataTransferElement d && id != null && d.identification().isEmpty()) {
        out.add(new DataTransferElement(d.state().withIdentification(id), d.access(), d.notBus(), d.idValid(),
            d.luValid(), d.lun(), d.scsiBusAddress()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** The elements of one type, in address order. */
  List<ElementStatus> ofType(ElementType type) {
    return elements.stream().filter(e -> e.type() == type).toList();
  }
}
