package org.barcodeanomaly.features;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.barcodeanomaly.api.event.EventType;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The one builder of hand-made scan events for tests: events appended in the order they are
 * given, times in hours after {@link #T0} or as written in the scan files (read as UTC), ids
 * counting from {@link #firstId}. Shared through the features test-jar with the detectors' own
 * tests (the rules' {@code Scans}, the LSTM's streaming tests).
 */
public final class TrailBuilder {

  /** A well-formed ICN code: company 8804823 owns product 1293291, lot prefix 01. */
  public static final String EPC = "001.8804823.1293291.010004.20250701.000004002";
  /** 2025-07-01 10:00 UTC, a Tuesday. */
  public static final Instant T0 = Instant.parse("2025-07-01T10:00:00Z");

  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final List<ScanEvent> events = new ArrayList<>();
  private String epc = EPC;
  private Instant manufactureTime;
  private long firstId = 1;

  /** Sets the EPC of the events added next. */
  public TrailBuilder epc(String code) {
    this.epc = code;
    return this;
  }

  /** The manufacture time the events added next carry (the raw file's column); null for none. */
  public TrailBuilder manufactured(Instant time) {
    this.manufactureTime = time;
    return this;
  }

  /** Numbers the events added next from {@code id} on. */
  public TrailBuilder firstId(long id) {
    this.firstId = id - events.size();
    return this;
  }

  /** A scan-file time ({@code yyyy-MM-dd HH:mm:ss}) read as UTC. */
  public static Instant fileTime(String text) {
    return LocalDateTime.parse(text, FILE_TIME).toInstant(ZoneOffset.UTC);
  }

  /** Adds an event of a known type, with its own business step, at {@code time}. */
  public TrailBuilder at(Instant time, int locationId, EventType type) {
    return raw(time, locationId, type.step().dataName(), type.dataName());
  }

  /** Adds an event with step and type names as given, at {@code time}. */
  public TrailBuilder raw(Instant time, int locationId, String step, String type) {
    events.add(new ScanEvent(firstId + events.size(), 1, epc, locationId, step, type, time, manufactureTime));
    return this;
  }

  /** Adds an event of a known type, with its own business step, {@code hours} after T0. */
  public TrailBuilder at(double hours, int locationId, EventType type) {
    return raw(hours, locationId, type.step().dataName(), type.dataName());
  }

  /** Adds an event with step and type names as given. */
  public TrailBuilder raw(double hours, int locationId, String step, String type) {
    return raw(T0.plusSeconds(Math.round(hours * 3600)), locationId, step, type);
  }

  /** The events added so far (the builder's own list). */
  public List<ScanEvent> events() {
    return events;
  }

  /** A full normal ICN trail: factory 1, warehouse 5, hub 13, wholesaler 23, retailer 53. */
  public static TrailBuilder normalTrail() {
    return new TrailBuilder()
        .at(0, 1, EventType.AGGREGATION)
        .at(0.5, 5, EventType.WMS_INBOUND)
        .at(48, 5, EventType.WMS_OUTBOUND)
        .at(53, 13, EventType.HUB_INBOUND)
        .at(120, 13, EventType.HUB_OUTBOUND)
        .at(126, 23, EventType.W_STOCK_INBOUND)
        .at(200, 23, EventType.W_STOCK_OUTBOUND)
        .at(205, 53, EventType.R_STOCK_INBOUND)
        .at(260, 53, EventType.R_STOCK_OUTBOUND)
        .at(300, 53, EventType.POS_SELL);
  }
}
