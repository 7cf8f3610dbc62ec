package org.barcodeanomaly.features;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.barcodeanomaly.api.epc.EpcCode;
import org.barcodeanomaly.api.epc.EpcRegistry;

/**
 * The EPC-structure features of one trail ({@link Feature.Group#EPC}): computed once per EPC and
 * repeated on each of its events, since they describe the code, not the scan.
 */
final class EpcStructure {

  private static final long SECONDS_PER_DAY = 86_400L;
  /** Days a manufacture_date column may differ from the code's date before it counts as a
   *  mismatch: the column is a local time, read in a configurable zone. */
  private static final long COLUMN_TOLERANCE_DAYS = 1;
  /** Days a code's date may lie after its first scan before it is impossible. */
  private static final long LEAD_TOLERANCE_DAYS = 1;
  /** Oldest plausible code at its first scan: five years, in days. */
  private static final long MAX_AGE_DAYS = 5 * 365 + 1;

  private static final Feature[] COLUMNS = {
      Feature.EPC_WELL_FORMED, Feature.EPC_HEADER_VALID, Feature.EPC_COMPANY_REGISTERED,
      Feature.EPC_PRODUCT_KNOWN, Feature.EPC_PRODUCT_OWNED, Feature.EPC_LOT_PREFIX_KNOWN,
      Feature.EPC_LOT_FACTORY_MATCH, Feature.EPC_SERIAL_VALID, Feature.EPC_DATE_VALID,
      Feature.EPC_MANUFACTURE_LEAD, Feature.MANUFACTURE_COLUMN_MISMATCH};

  private final EpcRegistry registry;
  private final float[] values = new float[COLUMNS.length];

  EpcStructure(EpcRegistry registry) {
    this.registry = registry;
  }

  /**
   * Judges one trail's code.
   *
   * @param epc              the code as scanned
   * @param firstSecond      epoch second of the trail's first scan
   * @param factoryIds       location ids of the trail's factory-tier scans
   * @param factoryScans     how many of {@code factoryIds} are filled
   * @param manufactureTime  the raw file's manufacture_date of the first scan, or {@code null}
   */
  void judge(String epc, long firstSecond, int[] factoryIds, int factoryScans,
      Instant manufactureTime) {
    EpcCode code = EpcCode.parse(epc);
    EpcRegistry.Factory lotFactory = code.lotPrefix() == null ? null
        : registry.factoryOfLotPrefix(code.lotPrefix());
    LocalDate made = code.manufactureDate();
    values[0] = flag(code.wellFormed());
    values[1] = flag(code.headerValid());
    values[2] = flag(code.wellFormed() && registry.isRegisteredCompany(code.company()));
    values[3] = flag(code.wellFormed() && registry.product(code.product()) != null);
    values[4] = flag(code.wellFormed() && registry.owns(code.company(), code.product()));
    values[5] = flag(lotFactory != null);
    values[6] = flag(lotFactoryMatches(lotFactory, factoryIds, factoryScans));
    values[7] = flag(code.serialFormatValid());
    values[8] = flag(made != null);
    values[9] = made == null ? 0f
        : signedLogDays(outsideWindow(Math.floorDiv(firstSecond, SECONDS_PER_DAY) - made.toEpochDay()));
    values[10] = flag(made != null && manufactureTime != null
        && Math.abs(manufactureTime.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay()
            - made.toEpochDay()) > COLUMN_TOLERANCE_DAYS);
  }

  /** Writes the last judged trail's values into {@code row}. */
  void write(FeatureMatrix out, int row) {
    for (int k = 0; k < COLUMNS.length; k++) {
      out.set(row, COLUMNS[k], values[k]);
    }
  }

  private static boolean lotFactoryMatches(EpcRegistry.Factory lotFactory, int[] factoryIds,
      int factoryScans) {
    if (factoryScans == 0) {
      // No factory scan to compare with: the trail gives no evidence either way.
      return true;
    }
    for (int k = 0; k < factoryScans; k++) {
      // Any of them: a clone read at another factory is a duplicate, not a fake.
      if (lotFactory != null && lotFactory.locationId() == factoryIds[k]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Days by which the lead from manufacture to first scan leaves the plausible window: negative
   * when made more than {@value #LEAD_TOLERANCE_DAYS} day after its first scan (the day may shift
   * with the zone times are read in), positive when older than {@value #MAX_AGE_DAYS} days (five
   * years, docs/spec/ANOMALIES.md), 0 inside.
   */
  private static long outsideWindow(long leadDays) {
    if (leadDays < -LEAD_TOLERANCE_DAYS) {
      return leadDays + LEAD_TOLERANCE_DAYS;
    }
    return leadDays > MAX_AGE_DAYS ? leadDays - MAX_AGE_DAYS : 0;
  }

  private static float signedLogDays(long days) {
    return (float) (Math.signum(days) * Math.log1p(Math.abs(days)));
  }

  private static float flag(boolean value) {
    return value ? 1f : 0f;
  }
}
