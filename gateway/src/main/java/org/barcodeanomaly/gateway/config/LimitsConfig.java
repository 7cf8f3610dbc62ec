package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.barcodeanomaly.api.contract.ContractOptions;

/**
 * How much one request may carry. Larger requests are refused with 413 and a message naming the
 * limit, before any detector sees them.
 */
public final class LimitsConfig {

  /** Default largest body of a detection request: 32 MiB (about 150,000 events). */
  public static final long DEFAULT_MAX_BODY_BYTES = 32L << 20;
  /** Default most events of one request: the contract codec's default, 100,000. */
  public static final int DEFAULT_MAX_EVENTS = ContractOptions.DEFAULT_MAX_EVENTS;
  /**
   * Default most events of one explanation request: explaining re-runs a learned model per reported
   * event (the LSTM about 60 altered windows each), so its cost is bounded far below scoring's.
   */
  public static final int DEFAULT_MAX_EXPLAIN_EVENTS = 1_000;
  /** Default largest plugin jar or model archive uploaded through the admin API: 1 GiB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;

  private static final Set<String> KEYS = Set.of("maxBodyBytes", "maxEvents", "maxExplainEvents", "maxUploadBytes");

  private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private int maxEvents = DEFAULT_MAX_EVENTS;
  private int maxExplainEvents = DEFAULT_MAX_EXPLAIN_EVENTS;
  private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;

  /** The defaults. */
  public LimitsConfig() {
  }

  /** A copy of {@code other}. */
  public LimitsConfig(LimitsConfig other) {
    this.maxBodyBytes = other.maxBodyBytes;
    this.maxEvents = other.maxEvents;
    this.maxExplainEvents = other.maxExplainEvents;
    this.maxUploadBytes = other.maxUploadBytes;
  }

  /** Reads the {@code limits} object; absent fields keep their defaults. */
  static LimitsConfig fromJson(JsonObject json) {
    ConfigFields fields = new ConfigFields(json, "limits", KEYS);
    return new LimitsConfig()
        .setMaxBodyBytes(fields.number("maxBodyBytes", DEFAULT_MAX_BODY_BYTES, 1, Long.MAX_VALUE))
        .setMaxEvents((int) fields.number("maxEvents", DEFAULT_MAX_EVENTS, 1, Integer.MAX_VALUE))
        .setMaxExplainEvents((int) fields.number("maxExplainEvents", DEFAULT_MAX_EXPLAIN_EVENTS, 1, Integer.MAX_VALUE))
        .setMaxUploadBytes(fields.number("maxUploadBytes", DEFAULT_MAX_UPLOAD_BYTES, 1, Long.MAX_VALUE));
  }

  /** This object as configuration JSON. */
  public JsonObject toJson() {
    return new JsonObject().put("maxBodyBytes", maxBodyBytes).put("maxEvents", maxEvents)
        .put("maxExplainEvents", maxExplainEvents)
        .put("maxUploadBytes", maxUploadBytes);
  }

  /** The largest body of a detection request, in bytes. */
  public long getMaxBodyBytes() {
    return maxBodyBytes;
  }

  /** Sets the largest body of a detection request, in bytes (at least 1). */
  public LimitsConfig setMaxBodyBytes(long maxBodyBytes) {
    this.maxBodyBytes = positive("maxBodyBytes", maxBodyBytes);
    return this;
  }

  /** The most events one request may hold. */
  public int getMaxEvents() {
    return maxEvents;
  }

  /** Sets the most events one request may hold (at least 1). */
  public LimitsConfig setMaxEvents(int maxEvents) {
    this.maxEvents = (int) positive("maxEvents", maxEvents);
    return this;
  }

  /** The most events one explanation request ({@code /api/explain/{detector}}) may hold. */
  public int getMaxExplainEvents() {
    return maxExplainEvents;
  }

  /** Sets the most events one explanation request may hold (at least 1). */
  public LimitsConfig setMaxExplainEvents(int maxExplainEvents) {
    this.maxExplainEvents = (int) positive("maxExplainEvents", maxExplainEvents);
    return this;
  }

  /** The largest upload to the admin API, in bytes. */
  public long getMaxUploadBytes() {
    return maxUploadBytes;
  }

  /** Sets the largest upload to the admin API, in bytes (at least 1). */
  public LimitsConfig setMaxUploadBytes(long maxUploadBytes) {
    this.maxUploadBytes = positive("maxUploadBytes", maxUploadBytes);
    return this;
  }

  private static long positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("limits." + name + " must be at least 1, was " + value);
    }
    return value;
  }
}
