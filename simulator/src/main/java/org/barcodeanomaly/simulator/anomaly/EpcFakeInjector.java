package org.barcodeanomaly.simulator.anomaly;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.barcodeanomaly.api.epc.EpcRegistry;
import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.simulator.chain.SupplyChainCalibration;
import org.barcodeanomaly.simulator.trail.SimulatedTrail;

/**
 * epcFake: the trail is an ordinary one, but the code it carries cannot be genuine. Every event
 * of the EPC is labelled. No field that makes the code unique (lot, serial) is lost, so a fake
 * never collides with another code of the run.
 */
final class EpcFakeInjector extends AbstractVariantInjector {

  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int HEADER = 0;
  private static final int COMPANY = 1;
  private static final int PRODUCT = 2;
  private static final int LOT = 3;
  private static final int MANUFACTURE = 4;
  private static final int SERIAL = 5;
  /**
   * Fewest days the code's date lies after the first scan's: one day either way is a time zone
   * (the rules' and the features' tolerance), so a fake starts beyond it.
   */
  private static final int MIN_DAYS_AFTER_SCAN = 2;
  private static final int MAX_DAYS_AFTER_SCAN = 60;

  EpcFakeInjector(AnomalyVariant variant, InjectionContext context) {
    super(variant, context, variantsOf(AnomalyType.EPC_FAKE));
  }

  @Override
  public List<Site> sites(SimulatedTrail trail) {
    return trail.size() > 0 ? List.of(Site.at(0)) : List.of();
  }

  @Override
  public void inject(SimulatedTrail trail, Site site, SplittableRandom random) {
    String[] fields = trail.epcCode().split("\\.", -1);
    trail.setEpcCode(fake(fields, trail, random));
    trail.labelAll(AnomalyType.EPC_FAKE);
  }

  private String fake(String[] fields, SimulatedTrail trail, SplittableRandom random) {
    switch (variant) {
      case FAKE_FIELD_COUNT:
        return random.nextBoolean()
            ? String.join(".", fields[HEADER], fields[COMPANY], fields[PRODUCT], fields[LOT] + fields[MANUFACTURE],
                fields[SERIAL])
            : String.join(".", fields) + "." + String.format("%02d", random.nextInt(100));
      case FAKE_FIELD_FORMAT:
        return misformat(fields, random);
      case FAKE_HEADER:
        fields[HEADER] = otherThan(Set.of("001"), 3, random);
        return String.join(".", fields);
      case FAKE_COMPANY:
        fields[COMPANY] = otherThan(context.model.registry().companies(), 7, random);
        return String.join(".", fields);
      case FAKE_PRODUCT_OWNER:
        fields[PRODUCT] = productOfAnotherCompany(fields[COMPANY], random);
        return String.join(".", fields);
      case FAKE_LOT_PREFIX:
        fields[LOT] = lotPrefixOfNoFactory(fields[LOT].substring(0, 2), random) + fields[LOT].substring(2);
        return String.join(".", fields);
      case FAKE_MANUFACTURE_AFTER_SCAN:
        fields[MANUFACTURE] = firstScanDate(trail).plusDays(MIN_DAYS_AFTER_SCAN + random.nextInt(MAX_DAYS_AFTER_SCAN - MIN_DAYS_AFTER_SCAN + 1)).format(DATE);
        return String.join(".", fields);
      case FAKE_DATE_OLD:
        fields[MANUFACTURE] = firstScanDate(trail).minusYears(6 + random.nextInt(15))
            .minusDays(random.nextInt(365)).format(DATE);
        return String.join(".", fields);
      case FAKE_DATE_INVALID:
        fields[MANUFACTURE] = impossibleDate(firstScanDate(trail), random);
        return String.join(".", fields);
      case FAKE_SEVERAL_FIELDS:
        fields[HEADER] = otherThan(Set.of("001"), 3, random);
        fields[COMPANY] = otherThan(context.model.registry().companies(), 7, random);
        fields[MANUFACTURE] = impossibleDate(firstScanDate(trail), random);
        return String.join(".", fields);
      default:
        throw new IllegalStateException("no fake for " + variant);
    }
  }

  private static LocalDate firstScanDate(SimulatedTrail trail) {
    return SupplyChainCalibration.toDateTime(trail.time(0)).toLocalDate();
  }

  /** Eight digits in the first scan's year that are no date: month 13, day 32, or 30 February. */
  private static String impossibleDate(LocalDate firstScan, SplittableRandom random) {
    String year = String.format("%04d", firstScan.getYear());
    switch (random.nextInt(3)) {
      case 0:
        return year + "13" + String.format("%02d", 1 + random.nextInt(28));
      case 1:
        return year + String.format("%02d", 1 + random.nextInt(12)) + "32";
      default:
        return year + "0230";
    }
  }

  private static String misformat(String[] fields, SplittableRandom random) {
    switch (random.nextInt(3)) {
      case 0:
        fields[SERIAL] = fields[SERIAL].substring(1);
        break;
      case 1:
        fields[LOT] = fields[LOT].replaceFirst("0", "O");
        if (fields[LOT].indexOf('O') < 0) {
          fields[LOT] = "O" + fields[LOT].substring(1);
        }
        break;
      default:
        fields[PRODUCT] = fields[PRODUCT].substring(1);
        break;
    }
    return String.join(".", fields);
  }

  private String productOfAnotherCompany(String company, SplittableRandom random) {
    List<EpcRegistry.Product> others = context.model.registry().products().stream()
        .filter(product -> !product.company().equals(company)).toList();
    return others.get(random.nextInt(others.size())).code();
  }

  /**
   * One of the three prefixes just above the factory's own (01 gives 02 to 04): no factory uses
   * them, and factories' fakes never share one, so no two fake codes of a run collide.
   */
  private String lotPrefixOfNoFactory(String factoryPrefix, SplittableRandom random) {
    int prefix = Integer.parseInt(factoryPrefix) + 1 + random.nextInt(3);
    String fake = String.format("%02d", prefix);
    if (context.model.registry().factoryOfLotPrefix(fake) != null) {
      throw new IllegalStateException("lot prefix " + fake + " above factory prefix " + factoryPrefix
          + " belongs to a factory; the registry's prefixes must be at least 4 apart");
    }
    return fake;
  }

  private static String otherThan(Set<String> taken, int digits, SplittableRandom random) {
    int bound = (int) Math.pow(10, digits);
    while (true) {
      String value = String.format("%0" + digits + "d", random.nextInt(bound));
      if (!taken.contains(value)) {
        return value;
      }
    }
  }
}
