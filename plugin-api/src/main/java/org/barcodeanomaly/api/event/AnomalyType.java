package org.barcodeanomaly.api.event;

/**
 * The five anomaly types every detector scores for every event.
 *
 * <p>The order of the constants is fixed: it is the column order of {@code scores.csv}
 * ({@code event_id,epcFake,epcDup,locErr,evtOrderErr,jump}) and the index used by
 * {@link org.barcodeanomaly.api.detector.ScoreTable}. {@link #contractName()} is the name
 * the JSON contract uses; existing clients depend on it.
 */
public enum AnomalyType {
  /** The EPC cannot be genuine: malformed, or impossible content. */
  EPC_FAKE("epcFake"),
  /** One EPC seen at two or more locations in the same second: a clone. */
  EPC_DUP("epcDup"),
  /** A move that breaks the location hierarchy or the network. */
  LOC_ERR("locErr"),
  /** Event types out of their order at a location or along the trail. */
  EVT_ORDER_ERR("evtOrderErr"),
  /** Arrival faster than the network allows, or time running backwards. */
  JUMP("jump");

  /** Number of anomaly types; the width of a score row. */
  public static final int COUNT = 5;

  private static final AnomalyType[] VALUES = values();

  private final String contractName;

  AnomalyType(String contractName) {
    this.contractName = contractName;
  }

  /** The name used in the JSON contract and in CSV headers, e.g. {@code epcFake}. */
  public String contractName() {
    return contractName;
  }

  /** The type at a column index (0 to {@link #COUNT} - 1). */
  public static AnomalyType ofIndex(int index) {
    return VALUES[index];
  }

  /** All types in column order, without allocating a new array per call. */
  public static AnomalyType[] all() {
    return VALUES.clone();
  }

  /**
   * The type whose contract name is {@code name}.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
   */
  public static AnomalyType fromContractName(String name) {
    for (AnomalyType type : VALUES) {
      if (type.contractName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown anomaly type '" + name
        + "': expected one of epcFake, epcDup, locErr, evtOrderErr, jump");
  }
}
