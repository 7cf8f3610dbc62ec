package org.barcodeanomaly.simulator.chain;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.network.Location;
import org.barcodeanomaly.api.network.LocationNetwork;

/**
 * The {@code hub_type} column: which reader at which site wrote the row.
 *
 * <p>The scheme reproduces every value of the real sample ({@code ICN_Factory},
 * {@code ICN_WMS_Inbound}, {@code SEL_Logi_HUB_Inbound}, {@code SEL_WS1_Stock_Inbound},
 * {@code SEL_WS3_Rsell2_POS_Sell}): a site prefix, then a suffix for the event type.
 * <ul>
 *   <li>prefix: the factory site code for factories and their warehouses ({@code ICN}); the region
 *       code for hubs ({@code SEL} Capital, {@code JB} Jeonbuk, {@code JN} Jeonnam, {@code GB}
 *       Gyeongbuk); region plus {@code WS<n>} for wholesaler n; region plus {@code WS<n>_Rsell<m>}
 *       for retailer m of wholesaler n's area, both numbers read from the Korean name;</li>
 *   <li>suffix: {@code Factory}, {@code WMS_Inbound}, {@code WMS_Outbound},
 *       {@code Logi_HUB_Inbound}, {@code Logi_HUB_Outbound}, {@code Stock_Inbound},
 *       {@code Stock_Outbound} (wholesalers and retailers alike), {@code POS_Sell}.</li>
 * </ul>
 * A location that is not in the network gets the prefix {@code UNREGISTERED}. Immutable.
 */
public final class HubTypeNames {

  private static final Pattern WHOLESALER = Pattern.compile("도매상(\\d+)");
  private static final Pattern RETAILER = Pattern.compile("소매상(\\d+)");
  private static final String UNKNOWN_PREFIX = "UNREGISTERED";

  private final Map<Integer, String> prefixes = new HashMap<>();

  /** Names for every location of {@code network}. */
  public HubTypeNames(LocationNetwork network) {
    for (Location location : network.locations()) {
      prefixes.put(location.id(), prefix(location));
    }
  }

  /** The hub_type of an event of {@code type} at location {@code locationId}. */
  public String hubType(int locationId, EventType type) {
    return prefixes.getOrDefault(locationId, UNKNOWN_PREFIX) + "_" + suffix(type);
  }

  private static String prefix(Location location) {
    switch (location.tier()) {
      case FACTORY:
      case WMS:
        return location.site();
      case LOGISTICS_HUB:
        return regionCode(location.site());
      case WHOLESALER:
        return regionCode(location.site()) + "_WS" + number(WHOLESALER, location);
      case RETAILER:
        return regionCode(location.site()) + "_WS" + number(WHOLESALER, location)
            + "_Rsell" + number(RETAILER, location);
      default:
        throw new IllegalStateException("tier " + location.tier() + " has no hub_type prefix");
    }
  }

  private static String suffix(EventType type) {
    switch (type) {
      case AGGREGATION: return "Factory";
      case WMS_INBOUND: return "WMS_Inbound";
      case WMS_OUTBOUND: return "WMS_Outbound";
      case HUB_INBOUND: return "Logi_HUB_Inbound";
      case HUB_OUTBOUND: return "Logi_HUB_Outbound";
      case W_STOCK_INBOUND:
      case R_STOCK_INBOUND: return "Stock_Inbound";
      case W_STOCK_OUTBOUND:
      case R_STOCK_OUTBOUND: return "Stock_Outbound";
      case POS_SELL: return "POS_Sell";
      default: throw new IllegalStateException("event type " + type + " has no hub_type suffix");
    }
  }

  private static String regionCode(String region) {
    switch (region) {
      case "Capital": return "SEL";
      case "Jeonbuk": return "JB";
      case "Jeonnam": return "JN";
      case "Gyeongbuk": return "GB";
      default:
        throw new IllegalArgumentException("region '" + region
            + "' has no hub_type code: expected Capital, Jeonbuk, Jeonnam or Gyeongbuk");
    }
  }

  private static String number(Pattern pattern, Location location) {
    Matcher matcher = pattern.matcher(location.name());
    if (!matcher.find()) {
      throw new IllegalArgumentException("location " + location.id() + " '" + location.name()
          + "' does not name its number as " + pattern.pattern());
    }
    return matcher.group(1);
  }
}
