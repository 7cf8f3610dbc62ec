package org.barcodeanomaly.api.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeFormatTest {

  private static final Instant SCAN = Instant.parse("2025-07-01T11:02:38Z");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2025-07-01 11:02:38", "2025-07-01T11:02:38", "2025-07-01T11:02:38Z",
      "2025-07-01T20:02:38+09:00", "2025-07-01T11:02:38.000Z", "2025-07-01 11:02:38.0",
      "2025-07-01T20:02:38+09:00[Asia/Seoul]"})
  @DisplayName("reads the data's form and every ISO-8601 form as the same instant")
  void readsEveryAcceptedForm(String text) {
    assertThat(EventTimeFormat.UTC.parse(text)).isEqualTo(SCAN);
  }

  @Test
  @DisplayName("reads a zone-less time in the configured zone, and a time with an offset as given")
  void zoneLessTimesUseTheConfiguredZone() {
    EventTimeFormat seoul = new EventTimeFormat(ZoneId.of("Asia/Seoul"));
    assertThat(seoul.parse("2025-07-01 20:02:38")).isEqualTo(SCAN);
    assertThat(seoul.parse("2025-07-01T11:02:38Z")).isEqualTo(SCAN);
    assertThat(new EventTimeFormat(ZoneOffset.ofHours(-5)).parse("2025-07-01 06:02:38")).isEqualTo(SCAN);
  }

  @Test
  @DisplayName("the hand-written fast path agrees with java.time over leap days and four centuries")
  void fastPathAgreesWithJavaTime() {
    for (Instant time = Instant.parse("1900-01-01T00:00:00Z"); time.isBefore(Instant.parse("2300-01-01T00:00:00Z"));
        time = time.plusSeconds(86_400L * 7 + 3_661)) {
      String text = time.toString().replace('T', ' ').replace("Z", "");
      assertThat(EventTimeFormat.UTC.parse(text)).as(text).isEqualTo(time);
    }
    assertThat(EventTimeFormat.UTC.parse("2024-02-29 23:59:59")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
  }

  @Test
  @DisplayName("reads a time inside a longer text without cutting it out")
  void readsARegion() {
    assertThat(EventTimeFormat.UTC.parse("x\t2025-07-01 11:02:38\ty", 2, 21)).isEqualTo(SCAN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2025/07/01 11:02:38|unexpected character at position 5",
      "2025-13-01 11:02:38|Invalid value for MonthOfYear (valid values 1 - 12): 13",
      "2025-02-29 11:02:38|Invalid date 'February 29' as '2025' is not a leap year",
      "2025-07-01 24:00:00|Invalid value for HourOfDay (valid values 0 - 23): 24",
      "yesterday|unexpected character at position 1"})
  @DisplayName("an unreadable time is refused with the text, the reason and the accepted forms")
  void refusesUnreadableTimes(String text, String reason) {
    assertThatThrownBy(() -> EventTimeFormat.UTC.parse(text))
        .isInstanceOf(DateTimeException.class)
        .hasMessage("'" + text + "' is not a readable time (" + reason + "): " + EventTimeFormat.EXPECTED_FORMS);
  }

  @Test
  @DisplayName("writes the data's form in its zone, and reads back what it wrote")
  void formatsTheDataForm() {
    assertThat(EventTimeFormat.UTC.format(SCAN)).isEqualTo("2025-07-01 11:02:38");
    EventTimeFormat seoul = new EventTimeFormat(ZoneId.of("Asia/Seoul"));
    assertThat(seoul.format(SCAN)).isEqualTo("2025-07-01 20:02:38");
    assertThat(seoul.parse(seoul.format(SCAN))).isEqualTo(SCAN);
    assertThat(EventTimeFormat.UTC.format(Instant.parse("0987-01-02T03:04:05.9Z"))).isEqualTo("0987-01-02 03:04:05");
  }
}
