package org.barcodeanomaly.rule.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.epc.EpcCode;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.explain.RuleFinding;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * epcFake: the EPC cannot be genuine. Scored once per EPC and given to every event of it.
 *
 * <p>Format faults keep the first generation's additive scale: wrong field count 100; header 20;
 * company 25 (format or unregistered); product 15; lot 15; serial 10; manufacture date unreadable
 * 20, after the first scan 20, older than five years before the first scan 15; header, company and
 * date all wrong 100; capped at 100.
 *
 * <p>Two corrections. Dates are judged against the EPC's own first scan (and the raw file's
 * manufacture time when the events carry it), never against the wall clock, so a file scores the
 * same next year. The first scan is the first event of the trail's main line: an arrival
 * back-dated before the Aggregation is the jump rule's finding, not a sign of a fake. And content that a format check misses adds {@value #IMPOSSIBLE_CONTENT} per
 * fault, enough to be reported on its own: a product its company does not own, a lot prefix of no
 * factory, a manufacture date after the EPC's first scan (or its recorded manufacture time).
 * Because event times carry no zone, a date counts as "after" only when it begins after the scan
 * in every time zone, and as "too old" only when it ends before the limit in every zone.
 */
public final class EpcFakeRule implements TrailRule {

  /** Score of a code without exactly six dot-separated fields. */
  public static final int WRONG_FIELD_COUNT = 100;
  /** Header other than {@code 001}. */
  public static final int BAD_HEADER = 20;
  /** Company not seven digits, or not a registered company. */
  public static final int BAD_COMPANY = 25;
  /** Product not seven digits. */
  public static final int BAD_PRODUCT = 15;
  /** Lot not six digits. */
  public static final int BAD_LOT = 15;
  /** Serial not nine digits. */
  public static final int BAD_SERIAL = 10;
  /** Manufacture field not a real {@code YYYYMMDD} date. */
  public static final int UNREADABLE_DATE = 20;
  /** Manufacture date after the first scan: the first generation's "future" score. */
  public static final int FUTURE_DATE = 20;
  /** Manufacture date more than five years before the first scan. */
  public static final int OLD_DATE = 15;
  /** Header, company and date all wrong. */
  public static final int HEADER_COMPANY_DATE = 100;
  /** Added per impossible content: unowned product, unknown lot prefix, date after first scan. */
  public static final int IMPOSSIBLE_CONTENT = 60;

  private static final long SECONDS_PER_DAY = 86_400;
  /** Time zones run from UTC-12 to UTC+14: a calendar day spans these bounds in UTC. */
  private static final long EARLIEST_ZONE_START = -14 * 3_600;
  private static final long LATEST_ZONE_END = SECONDS_PER_DAY + 12 * 3_600;
  private static final int MAX_AGE_YEARS = 5;

  private final EpcRegistry registry;

  /** A rule that checks content against {@code registry}. */
  public EpcFakeRule(EpcRegistry registry) {
    this.registry = registry;
  }

  @Override
  public AnomalyType type() {
    return AnomalyType.EPC_FAKE;
  }

  @Override
  public void score(PreparedTrail trail, Findings findings) {
    ScanColumns columns = trail.columns();
    int first = trail.lineEvent(0);
    Instant recorded = null;
    for (int k = 0; k < trail.size(); k++) {
      Instant time = columns.event(trail.event(k)).manufactureTime();
      if (time != null && (recorded == null || time.isBefore(recorded))) {
        recorded = time;
      }
    }
    EpcCode code = EpcCode.parse(columns.event(first).epcCode());
    int score = score(code, columns.second(first), recorded, null);
    if (score > 0) {
      for (int k = 0; k < trail.size(); k++) {
        if (findings.raise(trail.event(k), AnomalyType.EPC_FAKE, score)) {
          findings.describe(trail.event(k), AnomalyType.EPC_FAKE,
              finding(code, columns.second(first), recorded, first, trail.event(k)));
        }
      }
    }
  }

  /** Every fault of the code in words, each with the points it adds. */
  private RuleFinding finding(EpcCode code, long firstScanSecond, Instant recorded, int first, int explained) {
    List<Fault> faults = new ArrayList<>();
    score(code, firstScanSecond, recorded, faults);
    StringBuilder sentence = new StringBuilder("EPC " + code.raw() + " cannot be genuine: ");
    for (int f = 0; f < faults.size(); f++) {
      sentence.append(f == 0 ? "" : "; ").append(faults.get(f).phrase());
    }
    RuleFinding finding = new RuleFinding("epcFake." + faults.get(0).feature(), "scan of the EPC", sentence.toString());
    for (Fault fault : faults) {
      finding.cause(fault.feature(), fault.points());
    }
    return explained == first ? finding : finding.with(first, "first scan");
  }

  /** One fault of a code: the points it adds, the feature that carries it, and what it is in words. */
  private record Fault(int points, String feature, String phrase) { }

  /**
   * The score of one EPC.
   *
   * @param code             the parsed EPC
   * @param firstScanSecond  the time of the EPC's first scan, epoch seconds
   * @param recorded         the raw file's manufacture time, or {@code null}
   */
  int score(EpcCode code, long firstScanSecond, Instant recorded) {
    return score(code, firstScanSecond, recorded, null);
  }

  /** As {@link #score(EpcCode, long, Instant)}, listing every fault in {@code faults} unless it is null. */
  private int score(EpcCode code, long firstScanSecond, Instant recorded, List<Fault> faults) {
    if (!code.wellFormed()) {
      note(faults, WRONG_FIELD_COUNT, "epcWellFormed", code.fieldCount() + " dot-separated fields instead of "
          + EpcCode.FIELD_COUNT);
      return WRONG_FIELD_COUNT;
    }
    boolean headerWrong = !code.headerValid();
    boolean companyWrong = !code.companyFormatValid() || !registry.isRegisteredCompany(code.company());
    int dateScore = dateScore(code.manufactureDate(), firstScanSecond, recorded);
    if (headerWrong) {
      note(faults, BAD_HEADER, "epcHeaderValid", "header " + code.header() + " instead of " + EpcCode.HEADER);
    }
    if (companyWrong) {
      note(faults, BAD_COMPANY, "epcCompanyRegistered", "company " + code.company() + " is not a registered company");
    }
    if (dateScore > 0) {
      note(faults, dateScore, dateScore == UNREADABLE_DATE ? "epcDateValid" : "epcManufactureLead",
          dateWords(code, dateScore, firstScanSecond));
    }
    if (headerWrong && companyWrong && dateScore > 0) {
      return HEADER_COMPANY_DATE;
    }
    int score = (headerWrong ? BAD_HEADER : 0) + (companyWrong ? BAD_COMPANY : 0) + dateScore;
    score += formatFault(faults, code.productFormatValid(), BAD_PRODUCT, "epcProductKnown", "product " + code.product());
    score += formatFault(faults, code.lotFormatValid(), BAD_LOT, "epcLotPrefixKnown", "lot " + code.lot());
    score += formatFault(faults, code.serialFormatValid(), BAD_SERIAL, "epcSerialValid", "serial " + code.serial());
    if (!companyWrong && code.productFormatValid() && !registry.owns(code.company(), code.product())) {
      score += IMPOSSIBLE_CONTENT;
      EpcRegistry.Product product = registry.product(code.product());
      note(faults, IMPOSSIBLE_CONTENT, "epcProductOwned", product == null
          ? "product " + code.product() + " is in no company's catalogue"
          : "product " + code.product() + " belongs to company " + product.company() + ", not " + code.company());
    }
    if (code.lotFormatValid() && registry.factoryOfLotPrefix(code.lotPrefix()) == null) {
      score += IMPOSSIBLE_CONTENT;
      note(faults, IMPOSSIBLE_CONTENT, "epcLotPrefixKnown", "lot " + code.lot() + " starts with "
          + code.lotPrefix() + ", the prefix of no factory");
    }
    return Math.min(100, score);
  }

  private static int formatFault(List<Fault> faults, boolean valid, int points, String feature, String field) {
    if (valid) {
      return 0;
    }
    note(faults, points, feature, field + " has the wrong length or is not all digits");
    return points;
  }

  private static void note(List<Fault> faults, int points, String feature, String phrase) {
    if (faults != null) {
      faults.add(new Fault(points, feature, phrase));
    }
  }

  private static String dateWords(EpcCode code, int dateScore, long firstScanSecond) {
    if (dateScore == UNREADABLE_DATE) {
      return "manufacture field " + code.manufactureField() + " is not a real date";
    }
    String firstScan = Instant.ofEpochSecond(firstScanSecond).toString();
    return dateScore == OLD_DATE
        ? "made " + code.manufactureDate() + ", more than " + MAX_AGE_YEARS + " years before its first scan (" + firstScan + ")"
        : "made " + code.manufactureDate() + ", after its first scan (" + firstScan + ") or its recorded manufacture time";
  }

  private static int dateScore(LocalDate date, long firstScanSecond, Instant recorded) {
    if (date == null) {
      return UNREADABLE_DATE;
    }
    long dayStart = date.toEpochDay() * SECONDS_PER_DAY;
    long madeBy = recorded == null ? firstScanSecond : Math.min(firstScanSecond, recorded.getEpochSecond());
    if (dayStart + EARLIEST_ZONE_START > madeBy) {
      return FUTURE_DATE + IMPOSSIBLE_CONTENT;
    }
    long ageLimitEnd = date.plusYears(MAX_AGE_YEARS).toEpochDay() * SECONDS_PER_DAY + LATEST_ZONE_END;
    return ageLimitEnd < firstScanSecond ? OLD_DATE : 0;
  }
}
