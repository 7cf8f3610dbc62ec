package org.barcodeanomaly.lstm.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.barcodeanomaly.api.detector.DetectorOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Streaming buffer settings")
class StreamingOptionsTest {

  @Test
  @DisplayName("without settings the defaults apply: 1,000,000 EPCs, 30 days idle, 10 events")
  void defaults() {
    assertThat(StreamingOptions.fromSettings(new DetectorOptions()))
        .isEqualTo(new StreamingOptions(1_000_000, Duration.ofDays(30), 10))
        .isEqualTo(StreamingOptions.defaults());
  }

  @Test
  @DisplayName("each setting is read, ISO-8601 durations included")
  void readsSettings() {
    DetectorOptions options = new DetectorOptions()
        .setSetting(StreamingOptions.MAX_EPCS, "5000")
        .setSetting(StreamingOptions.IDLE_TIMEOUT, "PT12H")
        .setSetting(StreamingOptions.MAX_EVENTS_PER_EPC, " 8 ");
    assertThat(StreamingOptions.fromSettings(options))
        .isEqualTo(new StreamingOptions(5000, Duration.ofHours(12), 8));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "lstm.stream.maxEpcs|0|setting lstm.stream.maxEpcs=0 must be a whole number from 1 to 9223372036854775807 (default 1000000)",
      "lstm.stream.maxEpcs|many|setting lstm.stream.maxEpcs=many must be a whole number from 1 to 9223372036854775807 (default 1000000)",
      "lstm.stream.maxEventsPerEpc|3000000000|setting lstm.stream.maxEventsPerEpc=3000000000 must be a whole number from 1 to 2147483647 (default 10)",
      "lstm.stream.maxEventsPerEpc|2.5|setting lstm.stream.maxEventsPerEpc=2.5 must be a whole number from 1 to 2147483647 (default 10)",
      "lstm.stream.idleTimeout|30 days|setting lstm.stream.idleTimeout=30 days must be a positive ISO-8601 duration such as P30D (30 days) or PT12H (12 hours); default PT720H",
      "lstm.stream.idleTimeout|PT0S|setting lstm.stream.idleTimeout=PT0S must be a positive ISO-8601 duration such as P30D (30 days) or PT12H (12 hours); default PT720H",
      "lstm.stream.idleTimeout|-P1D|setting lstm.stream.idleTimeout=-P1D must be a positive ISO-8601 duration such as P30D (30 days) or PT12H (12 hours); default PT720H"})
  @DisplayName("a value outside its range is refused naming the setting, the value and what is allowed")
  void refusesBadValues(String key, String value, String message) {
    DetectorOptions options = new DetectorOptions().setSetting(key, value);
    assertThatThrownBy(() -> StreamingOptions.fromSettings(options))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("bounds built in code are checked one by one")
  void checksBounds() {
    assertThatThrownBy(() -> new StreamingOptions(10, Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idleTimeout must be a positive duration, was PT0S");
  }
}
