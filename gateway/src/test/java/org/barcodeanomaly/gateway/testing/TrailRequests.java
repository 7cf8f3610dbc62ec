package org.barcodeanomaly.gateway.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Contract requests of many EPCs, each following the real ten-event trail of the reference sample
 * (factory 1, its warehouse 5, hub 13, wholesaler 23, retailer 74), with one EPC in every seven
 * taking a wrong turn: its hub inbound read at the retailer, a tier skipped. Big enough to load
 * the analyst page, varied enough that the detectors both agree and disagree.
 */
public final class TrailRequests {

  private static final int[] LOCATIONS = {1, 5, 5, 13, 13, 23, 23, 74, 74, 74};
  private static final String[] STEPS = {"Factory", "WMS", "WMS", "Logistics_HUB", "Logistics_HUB",
      "W_Stock_Inbound", "W_Stock_Outbound", "R_Stock_Inbound", "R_Stock_Outbound", "POS_Sell"};
  private static final String[] TYPES = {"Aggregation", "WMS_Inbound", "WMS_Outbound", "HUB_Inbound",
      "HUB_Outbound", "W_Stock_Inbound", "W_Stock_Outbound", "R_Stock_Inbound", "R_Stock_Outbound", "POS_Sell"};
  private static final String[] TIMES = {"2025-07-01 10:34:17", "2025-07-01 11:02:38", "2025-07-29 16:57:38",
      "2025-07-30 02:09:38", "2025-08-14 13:20:38", "2025-08-14 21:03:38", "2025-09-17 21:38:38",
      "2025-09-18 00:14:38", "2025-09-24 16:23:38", "2025-10-27 08:43:38"};
  private static final int WRONG_TURN = 3;

  private TrailRequests() {
  }

  /** The EPC of trail {@code n}. */
  public static String epc(int n) {
    return String.format("001.8804823.1293291.010004.20250701.%09d", 100_000 + n);
  }

  /** Whether trail {@code n} takes the wrong turn. */
  public static boolean wrongTurn(int n) {
    return n % 7 == 3;
  }

  /** A request of {@code events} events (whole trails, the last one cut short), ids from 1. */
  public static JsonObject request(int events) {
    JsonArray data = new JsonArray();
    for (int i = 0; i < events; i++) {
      int n = i / LOCATIONS.length;
      int step = i % LOCATIONS.length;
      int location = wrongTurn(n) && step == WRONG_TURN ? 74 : LOCATIONS[step];
      data.add(new JsonObject().put("event_id", i + 1).put("epc_code", epc(n)).put("location_id", location)
          .put("business_step", STEPS[step]).put("event_type", TYPES[step]).put("event_time", TIMES[step])
          .put("file_id", 1));
    }
    return new JsonObject().put("data", data);
  }
}
