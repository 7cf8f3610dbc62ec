package org.barcodeanomaly.rule.rules;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.api.network.LocationNetwork;
import org.barcodeanomaly.rule.explain.Findings;
import org.barcodeanomaly.rule.explain.RuleFinding;
import org.barcodeanomaly.rule.explain.Wording;
import org.barcodeanomaly.rule.trail.PreparedTrail;
import org.barcodeanomaly.rule.trail.ScanColumns;

/**
 * epcDup: one EPC read at two or more different locations in the same second, so at least one
 * read is of a cloned code.
 *
 * <p>Every event of such a same-second group scores {@value #TWO_LOCATIONS} plus
 * {@value #PER_EXTRA_LOCATION} per location beyond the second, capped at 100 (the first
 * generation's scale). Reads at one location in one second are a repeated read, not a clone;
 * near-simultaneous reads seconds or minutes apart are the jump rule's.
 */
public final class EpcDupRule implements TrailRule {

  /** Score of a group at two locations. */
  public static final int TWO_LOCATIONS = 80;
  /** Added per further location. */
  public static final int PER_EXTRA_LOCATION = 10;

  /** Beyond this many locations the score is capped anyway: counting can stop. */
  private static final int LOCATIONS_TO_CAP = 4;

  private final LocationNetwork network;

  /** A rule that names locations by {@code network} when it explains. */
  public EpcDupRule(LocationNetwork network) {
    this.network = network;
  }

  @Override
  public AnomalyType type() {
    return AnomalyType.EPC_DUP;
  }

  @Override
  public void score(PreparedTrail trail, Findings findings) {
    ScanColumns columns = trail.columns();
    int k = 0;
    while (k < trail.size()) {
      long second = columns.second(trail.event(k));
      int end = k + 1;
      while (end < trail.size() && columns.second(trail.event(end)) == second) {
        end++;
      }
      int locations = distinctLocations(trail, k, end);
      if (locations >= 2) {
        int score = Math.min(100, TWO_LOCATIONS + PER_EXTRA_LOCATION * (locations - 2));
        for (int j = k; j < end; j++) {
          if (findings.raise(trail.event(j), AnomalyType.EPC_DUP, score)) {
            findings.describe(trail.event(j), AnomalyType.EPC_DUP, finding(trail, k, end, j));
          }
        }
      }
      k = end;
    }
  }

  private RuleFinding finding(PreparedTrail trail, int from, int to, int explained) {
    ScanColumns columns = trail.columns();
    StringBuilder sites = new StringBuilder();
    java.util.Set<Integer> named = new java.util.LinkedHashSet<>();
    for (int j = from; j < to; j++) {
      named.add(columns.location(trail.event(j)));
    }
    for (int location : named) {
      sites.append(sites.length() == 0 ? "" : ", ").append(Wording.site(network, location));
    }
    RuleFinding finding = new RuleFinding("epcDup.sameSecondElsewhere", "scan",
        "the same EPC was scanned at " + named.size() + " locations in the same second ("
            + columns.event(trail.event(explained)).eventTime() + "): " + sites
            + "; one item cannot be in two places, so one code is a copy");
    for (int j = from; j < to; j++) {
      if (j != explained) {
        finding.with(trail.event(j), "same second");
      }
    }
    return finding.cause("sameSecondOtherLocations", named.size() - 1.0);
  }

  /**
   * Distinct locations of a same-second run, counted up to {@value #LOCATIONS_TO_CAP}: three
   * remembered locations are enough to know a fourth is new, so no buffer is needed.
   */
  private static int distinctLocations(PreparedTrail trail, int from, int to) {
    ScanColumns columns = trail.columns();
    int first = columns.location(trail.event(from));
    int second = 0;
    int third = 0;
    int count = 1;
    for (int j = from + 1; j < to && count < LOCATIONS_TO_CAP; j++) {
      int location = columns.location(trail.event(j));
      boolean seen = location == first || (count > 1 && location == second)
          || (count > 2 && location == third);
      if (!seen) {
        count++;
        second = count == 2 ? location : second;
        third = count == 3 ? location : third;
      }
    }
    return count;
  }
}
