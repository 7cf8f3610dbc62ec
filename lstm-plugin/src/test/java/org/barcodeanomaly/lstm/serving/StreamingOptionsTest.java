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

  private static final int SEQUENCE_LENGTH = 10;

  @Test
  @DisplayName("without settings the defaults apply: 200,000 EPCs, 60 days idle, 14 days after a sale, twice the sequence length in events")
  void defaults() {
    assertThat(StreamingOptions.fromSettings(new DetectorOptions(), SEQUENCE_LENGTH))
        .isEqualTo(new StreamingOptions(200_000, Duration.ofDays(60), Duration.ofDays(14), 20))
        .isEqualTo(StreamingOptions.defaults(SEQUENCE_LENGTH));
  }

  @Test
  @DisplayName("by default the buffers may take 4 KiB per EPC, never more than a quarter of the heap")
  void defaultByteBound() {
    assertThat(StreamingOptions.defaultMaxBytes(10)).isEqualTo(40_960);
    assertThat(StreamingOptions.defaultMaxBytes(Long.MAX_VALUE)).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
  }

  @Test
  @DisplayName("the default idle timeout outlasts the longest normal stay at a node (49 days)")
  void idleTimeoutOutlastsNormalDwell() {
    assertThat(StreamingOptions.DEFAULT_IDLE_TIMEOUT).isGreaterThan(Duration.ofDays(49));
  }

  @Test
  @DisplayName("each setting is read, ISO-8601 durations included")
  void readsSettings() {
    DetectorOptions options = new DetectorOptions()
        .setSetting(StreamingOptions.MAX_EPCS, "5000")
        .setSetting(StreamingOptions.IDLE_TIMEOUT, "PT12H")
        .setSetting(StreamingOptions.AFTER_SALE_WINDOW, "P3D")
        .setSetting(StreamingOptions.MAX_EVENTS_PER_EPC, " 8 ")
        .setSetting(StreamingOptions.MAX_BYTES, "1048576");
    assertThat(StreamingOptions.fromSettings(options, SEQUENCE_LENGTH))
        .isEqualTo(new StreamingOptions(5000, Duration.ofHours(12), Duration.ofDays(3), 8, 1 << 20));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "lstm.stream.maxEpcs|0|setting lstm.stream.maxEpcs=0 must be a whole number from 1 to 9223372036854775807 (default 200000)",
      "lstm.stream.maxEpcs|many|setting lstm.stream.maxEpcs=many must be a whole number from 1 to 9223372036854775807 (default 200000)",
      "lstm.stream.maxEventsPerEpc|3000000000|setting lstm.stream.maxEventsPerEpc=3000000000 must be a whole number from 1 to 2147483647 (default 20)",
      "lstm.stream.maxEventsPerEpc|2.5|setting lstm.stream.maxEventsPerEpc=2.5 must be a whole number from 1 to 2147483647 (default 20)",
      "lstm.stream.idleTimeout|30 days|setting lstm.stream.idleTimeout=30 days must be a positive ISO-8601 duration such as P60D (60 days) or PT12H (12 hours); default PT1440H",
      "lstm.stream.idleTimeout|PT0S|setting lstm.stream.idleTimeout=PT0S must be a positive ISO-8601 duration such as P60D (60 days) or PT12H (12 hours); default PT1440H",
      "lstm.stream.afterSaleWindow|-P1D|setting lstm.stream.afterSaleWindow=-P1D must be a positive ISO-8601 duration such as P60D (60 days) or PT12H (12 hours); default PT336H"})
  @DisplayName("a value outside its range is refused naming the setting, the value and what is allowed")
  void refusesBadValues(String key, String value, String message) {
    DetectorOptions options = new DetectorOptions().setSetting(key, value);
    assertThatThrownBy(() -> StreamingOptions.fromSettings(options, SEQUENCE_LENGTH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("bounds built in code are checked one by one")
  void checksBounds() {
    assertThatThrownBy(() -> new StreamingOptions(10, Duration.ZERO, Duration.ofDays(1), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("idleTimeout must be a positive duration, was PT0S");
    assertThatThrownBy(() -> new StreamingOptions(10, Duration.ofDays(1), Duration.ZERO, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("afterSaleWindow must be a positive duration, was PT0S");
  }
}
