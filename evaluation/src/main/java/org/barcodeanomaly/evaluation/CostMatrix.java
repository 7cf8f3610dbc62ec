package org.barcodeanomaly.evaluation;

import java.util.EnumMap;
import java.util.Map;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * What each decision costs, per anomaly type: a correct decision costs nothing, a miss (an
 * anomalous event not reported) costs {@link #missCost}, a false alarm (a normal event reported)
 * costs {@link #falseAlarmCost}.
 *
 * <p>The {@link #standard()} matrix, in units of one false alarm (one needless manual check):
 * <pre>
 *   type          miss  false alarm   why a miss costs that much
 *   epcFake        10       1         a counterfeit reaches a customer
 *   epcDup          5       1         a cloned code keeps circulating
 *   locErr          3       1         a diverted shipment goes unnoticed
 *   jump            3       1         a time or location record is not to be trusted
 *   evtOrderErr     2       1         a process error recurs
 * </pre>
 * Cost-weighted accuracy is {@code 1 - cost / worst}, where {@code worst} is the cost of getting
 * every decision wrong; 1 is perfect, 0 is every event misjudged. Immutable.
 */
public final class CostMatrix {

  private final double[] miss = new double[AnomalyType.COUNT];
  private final double[] falseAlarm = new double[AnomalyType.COUNT];

  private CostMatrix(Map<AnomalyType, double[]> costs) {
    for (AnomalyType type : AnomalyType.values()) {
      double[] pair = costs.get(type);
      if (pair == null || !(pair[0] >= 0) || !(pair[1] >= 0) || pair[0] + pair[1] == 0) {
        throw new IllegalArgumentException("costs of " + type.contractName()
            + " must be two non-negative numbers, not both 0 (miss, false alarm)");
      }
      miss[type.ordinal()] = pair[0];
      falseAlarm[type.ordinal()] = pair[1];
    }
  }

  /** The documented matrix above. */
  public static CostMatrix standard() {
    Map<AnomalyType, double[]> costs = new EnumMap<>(AnomalyType.class);
    costs.put(AnomalyType.EPC_FAKE, new double[] {10, 1});
    costs.put(AnomalyType.EPC_DUP, new double[] {5, 1});
    costs.put(AnomalyType.LOC_ERR, new double[] {3, 1});
    costs.put(AnomalyType.EVT_ORDER_ERR, new double[] {2, 1});
    costs.put(AnomalyType.JUMP, new double[] {3, 1});
    return new CostMatrix(costs);
  }

  /**
   * A matrix of {@code (miss, false alarm)} pairs, one per type.
   *
   * @throws IllegalArgumentException when a type is missing or a cost is negative
   */
  public static CostMatrix of(Map<AnomalyType, double[]> costs) {
    return new CostMatrix(costs);
  }

  /** The matrix as text: {@code epcFake 10/1, epcDup 5/1, ...} (miss/false alarm per type). */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (AnomalyType type : AnomalyType.values()) {
      text.append(text.length() == 0 ? "" : ", ").append(type.contractName()).append(' ')
          .append(amount(missCost(type))).append('/').append(amount(falseAlarmCost(type)));
    }
    return text.toString();
  }

  private static String amount(double cost) {
    return cost == Math.rint(cost) ? Long.toString((long) cost) : Double.toString(cost);
  }

  /** Cost of missing an anomalous event of {@code type}. */
  public double missCost(AnomalyType type) {
    return miss[type.ordinal()];
  }

  /** Cost of reporting a normal event as {@code type}. */
  public double falseAlarmCost(AnomalyType type) {
    return falseAlarm[type.ordinal()];
  }
}
