package org.vaultline.scsi.smc;

/**
 * SMC-3 6.11 import/export element descriptor (element type 3h): a slot of the I/O station.
 *
 * @param access byte 2 bit 3: ACCESS, the robot can reach the slot (the station door is closed)
 * @param importExport byte 2 bit 1: ImpExp, 1 when an operator put the cartridge there (an import),
 *     0 when the robot did (an export) (REFERENCE §1.8)
 * @param importEnabled byte 2 bit 5: InEnab, the element can be used to import
 * @param exportEnabled byte 2 bit 4: ExEnab, the element can be used to export
 * @param operatorInterventionRequired byte 2 bit 7: OIR, the station needs an operator before it can
 *     be used
 * @param connectedMediumChanger byte 2 bit 6: CMC, the element is shared with another medium changer
 *     (a pass-through port)
 */
public record ImportExportElement(ElementState state, boolean access, boolean importExport,
    boolean importEnabled, boolean exportEnabled, boolean operatorInterventionRequired,
    boolean connectedMediumChanger) implements ElementStatus {
  public ImportExportElement {
    java.util.Objects.requireNonNull(state, "state");
  }

  /** An import/export slot that is reachable and can import and export, with nothing else set. */
  public static ImportExportElement of(ElementState state) {
    return new ImportExportElement(state, true, false, true, true, false, false);
  }

  @Override
  public ElementType type() {
    return ElementType.IMPORT_EXPORT;
  }

  @Override
  public String toString() {
    return "import/export " + state + (importExport ? " imported" : "") + (access ? "" : " no access")
        + (importEnabled ? "" : " import disabled") + (exportEnabled ? "" : " export disabled")
        + (operatorInterventionRequired ? " operator intervention required" : "")
        + (connectedMediumChanger ? " connected medium changer" : "");
  }
}
