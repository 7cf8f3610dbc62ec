package org.barcodeanomaly.gateway.config;

import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.barcodeanomaly.api.contract.ContractOptions;

/**
 * How much one request may carry, and how much the server gives any client: larger requests are
 * refused with 413 and a message naming the limit, before any detector sees them; text fields
 * over {@code maxFieldChars} reject their item; connections beyond {@code maxConnections}, idle
 * past {@code idleTimeoutMs} or slower than {@code headerTimeoutMs} to send their first request's
 * headers are closed; model archives expanding past {@code maxModelBytes} or
 * {@code maxModelEntries} are refused; audit lines beyond {@code auditLinesPerSecond} are
 * dropped and counted.
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

  /** Default longest text field of an event: the contract codec's default, 256 characters. */
  public static final int DEFAULT_MAX_FIELD_CHARS = ContractOptions.DEFAULT_MAX_FIELD_CHARS;
  /**
   * Default most connections open at once: 512, half of the usual open-file limit of 1,024, so
   * that idle connections can never take the file descriptors jars and models need.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 512;
  /** Default time a connection may stay without a byte read or written: 60 s. */
  public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000;
  /** Default time a new connection has to send its first request's headers: 10 s. */
  public static final long DEFAULT_HEADER_TIMEOUT_MS = 10_000;
  /** Default most bytes an uploaded model archive may expand to: 512 MiB (the bundled models take 2.3 MB). */
  public static final long DEFAULT_MAX_MODEL_BYTES = 512L << 20;
  /** Default most files an uploaded model archive may hold: 10,000. */
  public static final int DEFAULT_MAX_MODEL_ENTRIES = 10_000;
  /** Default most audit lines per second: 200 (about 200 MB an hour); the rest are counted. */
  public static final int DEFAULT_AUDIT_LINES_PER_SECOND = 200;

  private static final Set<String> KEYS = Set.of("maxBodyBytes", "maxEvents", "maxExplainEvents", "maxUploadBytes",
      "maxFieldChars", "maxConnections", "idleTimeoutMs", "headerTimeoutMs", "maxModelBytes",
      "maxModelEntries", "auditLinesPerSecond");

  private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
  private int maxEvents = DEFAULT_MAX_EVENTS;
  private int maxExplainEvents = DEFAULT_MAX_EXPLAIN_EVENTS;
  private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
  private int maxFieldChars = DEFAULT_MAX_FIELD_CHARS;
  private int maxConnections = DEFAULT_MAX_CONNECTIONS;
  private long idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS;
  private long headerTimeoutMs = DEFAULT_HEADER_TIMEOUT_MS;
  private long maxModelBytes = DEFAULT_MAX_MODEL_BYTES;
  private int maxModelEntries = DEFAULT_MAX_MODEL_ENTRIES;
  private int auditLinesPerSecond = DEFAULT_AUDIT_LINES_PER_SECOND;

  /** The defaults. */
  public LimitsConfig() {
  }

  /** A copy of {@code other}. */
  public LimitsConfig(LimitsConfig other) {
    this.maxBodyBytes = other.maxBodyBytes;
    this.maxEvents = other.maxEvents;
    this.maxExplainEvents = other.maxExplainEvents;
    this.maxUploadBytes = other.maxUploadBytes;
    this.maxFieldChars = other.maxFieldChars;
    this.maxConnections = other.maxConnections;
    this.idleTimeoutMs = other.idleTimeoutMs;
    this.headerTimeoutMs = other.headerTimeoutMs;
    this.maxModelBytes = other.maxModelBytes;
    this.maxModelEntries = other.maxModelEntries;
    this.auditLinesPerSecond = other.auditLinesPerSecond;
  }

  /** Reads the {@code limits} object; absent fields keep their defaults. */
  static LimitsConfig fromJson(JsonObject json) {
    ConfigFields fields = new ConfigFields(json, "limits", KEYS);
    return new LimitsConfig()
        .setMaxBodyBytes(fields.number("maxBodyBytes", DEFAULT_MAX_BODY_BYTES, 1, Long.MAX_VALUE))
        .setMaxEvents((int) fields.number("maxEvents", DEFAULT_MAX_EVENTS, 1, Integer.MAX_VALUE))
        .setMaxExplainEvents((int) fields.number("maxExplainEvents", DEFAULT_MAX_EXPLAIN_EVENTS, 1, Integer.MAX_VALUE))
        .setMaxUploadBytes(fields.number("maxUploadBytes", DEFAULT_MAX_UPLOAD_BYTES, 1, Long.MAX_VALUE))
        .setMaxFieldChars((int) fields.number("maxFieldChars", DEFAULT_MAX_FIELD_CHARS, 1, Integer.MAX_VALUE))
        .setMaxConnections((int) fields.number("maxConnections", DEFAULT_MAX_CONNECTIONS, 1, Integer.MAX_VALUE))
        .setIdleTimeoutMs(fields.number("idleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS, 1, Long.MAX_VALUE))
        .setHeaderTimeoutMs(fields.number("headerTimeoutMs", DEFAULT_HEADER_TIMEOUT_MS, 1, Long.MAX_VALUE))
        .setMaxModelBytes(fields.number("maxModelBytes", DEFAULT_MAX_MODEL_BYTES, 1, Long.MAX_VALUE))
        .setMaxModelEntries((int) fields.number("maxModelEntries", DEFAULT_MAX_MODEL_ENTRIES, 1, Integer.MAX_VALUE))
        .setAuditLinesPerSecond((int) fields.number("auditLinesPerSecond", DEFAULT_AUDIT_LINES_PER_SECOND, 1,
            Integer.MAX_VALUE));
  }

  /** This object as configuration JSON. */
  public JsonObject toJson() {
    return new JsonObject().put("maxBodyBytes", maxBodyBytes).put("maxEvents", maxEvents)
        .put("maxExplainEvents", maxExplainEvents)
        .put("maxUploadBytes", maxUploadBytes).put("maxFieldChars", maxFieldChars)
        .put("maxConnections", maxConnections).put("idleTimeoutMs", idleTimeoutMs)
        .put("headerTimeoutMs", headerTimeoutMs).put("maxModelBytes", maxModelBytes)
        .put("maxModelEntries", maxModelEntries).put("auditLinesPerSecond", auditLinesPerSecond);
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

  /** The most characters a text field of an event may hold. */
  public int getMaxFieldChars() {
    return maxFieldChars;
  }

  /** Sets the most characters a text field of an event may hold (at least 1). */
  public LimitsConfig setMaxFieldChars(int maxFieldChars) {
    this.maxFieldChars = (int) positive("maxFieldChars", maxFieldChars);
    return this;
  }

  /** The most connections open at once; more are closed as they arrive. */
  public int getMaxConnections() {
    return maxConnections;
  }

  /** Sets the most connections open at once; more are closed as they arrive (at least 1). */
  public LimitsConfig setMaxConnections(int maxConnections) {
    this.maxConnections = (int) positive("maxConnections", maxConnections);
    return this;
  }

  /** How long a connection may stay without a byte read or written, in milliseconds. */
  public long getIdleTimeoutMs() {
    return idleTimeoutMs;
  }

  /** Sets how long a connection may stay without a byte read or written, in milliseconds (at least 1). */
  public LimitsConfig setIdleTimeoutMs(long idleTimeoutMs) {
    this.idleTimeoutMs = positive("idleTimeoutMs", idleTimeoutMs);
    return this;
  }

  /** How long a new connection has to send its first request's headers, in milliseconds. */
  public long getHeaderTimeoutMs() {
    return headerTimeoutMs;
  }

  /** Sets how long a new connection has to send its first request's headers, in milliseconds (at least 1). */
  public LimitsConfig setHeaderTimeoutMs(long headerTimeoutMs) {
    this.headerTimeoutMs = positive("headerTimeoutMs", headerTimeoutMs);
    return this;
  }

  /** The most bytes an uploaded model archive may expand to. */
  public long getMaxModelBytes() {
    return maxModelBytes;
  }

  /** Sets the most bytes an uploaded model archive may expand to (at least 1). */
  public LimitsConfig setMaxModelBytes(long maxModelBytes) {
    this.maxModelBytes = positive("maxModelBytes", maxModelBytes);
    return this;
  }

  /** The most files an uploaded model archive may hold. */
  public int getMaxModelEntries() {
    return maxModelEntries;
  }

  /** Sets the most files an uploaded model archive may hold (at least 1). */
  public LimitsConfig setMaxModelEntries(int maxModelEntries) {
    this.maxModelEntries = (int) positive("maxModelEntries", maxModelEntries);
    return this;
  }

  /** The most audit lines written per second. */
  public int getAuditLinesPerSecond() {
    return auditLinesPerSecond;
  }

  /** Sets the most audit lines written per second (at least 1). */
  public LimitsConfig setAuditLinesPerSecond(int auditLinesPerSecond) {
    this.auditLinesPerSecond = (int) positive("auditLinesPerSecond", auditLinesPerSecond);
    return this;
  }

  private static long positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("limits." + name + " must be at least 1, was " + value);
    }
    return value;
  }
}
