package org.barcodeanomaly.api.scanfile;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How a {@link ScanFileReader} reads files. Fluent and copyable; a reader takes a copy.
 */
public final class ScanFileOptions {

  /**
   * Default zone of the files' zone-less times: UTC, the same default as the JSON contract's, so
   * a file and a request holding the same rows give the same instants.
   */
  public static final ZoneId DEFAULT_TIME_ZONE = ZoneOffset.UTC;

  private ZoneId timeZone = DEFAULT_TIME_ZONE;

  /** Options with the defaults. */
  public ScanFileOptions() {
  }

  /** A copy of {@code other}. */
  public ScanFileOptions(ScanFileOptions other) {
    this.timeZone = other.timeZone;
  }

  /** The zone in which {@code event_time} and {@code manufacture_date} are read. */
  public ZoneId getTimeZone() {
    return timeZone;
  }

  /** Sets the zone in which {@code event_time} and {@code manufacture_date} are read. */
  public ScanFileOptions setTimeZone(ZoneId timeZone) {
    this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
    return this;
  }
}
