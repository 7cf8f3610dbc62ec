package org.barcodeanomaly.rule.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.rule.Scans;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpcFakeRuleTest {

  private static float[] fakeScores(String epc) {
    return Scans.trail().epc(epc)
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scan(5, "WMS_Outbound", "2025-07-29 16:57:38")
        .scores(AnomalyType.EPC_FAKE);
  }

  @ParameterizedTest(name = "{1}: {0} scores {2}")
  @DisplayName("Format faults keep the first generation's additive scale")
  @CsvSource({
      "001.8804823.1293291.010004.20250701.000004002, genuine, 0",
      "001.8804823.1293291.010004.20250701, five fields, 100",
      "001.8804823.1293291.010004.20250701.000004002.7, seven fields, 100",
      "002.8804823.1293291.010004.20250701.000004002, header, 20",
      "001.8801111.1293291.010004.20250701.000004002, unregistered company, 25",
      "001.88048x3.1293291.010004.20250701.000004002, company format, 25",
      "001.8804823.12932.010004.20250701.000004002, product format, 15",
      "001.8804823.1293291.01004.20250701.000004002, lot format, 15",
      "001.8804823.1293291.010004.20250701.4002, serial format, 10",
      "001.8804823.1293291.010004.20251301.000004002, unreadable date, 20",
      "001.8804823.1293291.010004.20190101.000004002, date over five years before the first scan, 15",
      "002.8804823.1293291.010004.20250701.00004002, header and serial, 30",
      "002.8801111.1293291.010004.20251301.000004002, header company and date, 100",
  })
  void formatFaults(String epc, String fault, float expected) {
    assertThat(fakeScores(epc)).containsOnly(expected);
  }

  @ParameterizedTest(name = "{1}: {0} scores {2}")
  @DisplayName("Impossible content with a valid format scores above the threshold")
  @CsvSource({
      "001.8805843.1293291.010004.20250701.000004002, product owned by another company, 60",
      "001.8804823.9999999.010004.20250701.000004002, product in no catalogue, 60",
      "001.8804823.1293291.990004.20250701.000004002, lot prefix of no factory, 60",
      "001.8804823.1293291.010004.20250801.000004002, manufacture date after the first scan, 80",
      "001.8805843.1293291.990004.20250701.000004002, unowned product and unknown lot prefix, 100",
  })
  void impossibleContent(String epc, String fault, float expected) {
    assertThat(fakeScores(epc)).containsOnly(expected);
  }

  @Test
  @DisplayName("Dates are judged against the scans, not the wall clock: a 2030 code scanned in 2030 is genuine")
  void datesAgainstScanTime() {
    float[] scores = Scans.trail().epc("001.8804823.1293291.010004.20300101.000004002")
        .scan(1, "Aggregation", "2030-01-01 08:00:00")
        .scan(5, "WMS_Inbound", "2030-01-01 08:30:00")
        .scores(AnomalyType.EPC_FAKE);

    assertThat(scores).containsExactly(0f, 0f);
  }

  @Test
  @DisplayName("A date on the day of the first scan is not in the future, whatever the zone of the times")
  void sameDayIsNotFuture() {
    float[] scores = Scans.trail().epc("001.8804823.1293291.010004.20250702.000004002")
        .scan(1, "Aggregation", "2025-07-01 15:30:00")
        .scores(AnomalyType.EPC_FAKE);

    assertThat(scores).containsExactly(0f);
  }

  @Test
  @DisplayName("A code dated after the raw file's manufacture time is impossible even before its scans")
  void dateAfterRecordedManufacture() {
    float[] scores = Scans.trail().manufactured("2025-06-20 09:00:00")
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EPC_FAKE);

    assertThat(scores).containsExactly(80f, 80f);
  }

  @Test
  @DisplayName("A fake code is labelled on every event of its EPC and on no other EPC")
  void labelsEveryEventOfTheEpc() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .epc("002.8804823.1293291.010004.20250701.000004003")
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .epc(Scans.GENUINE_EPC)
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .epc("002.8804823.1293291.010004.20250701.000004003")
        .scan(5, "WMS_Inbound", "2025-07-01 11:02:38")
        .scores(AnomalyType.EPC_FAKE);

    assertThat(scores).containsExactly(0f, 20f, 0f, 20f);
  }

  @Test
  @DisplayName("An arrival back-dated before the Aggregation does not make the code's date 'after the first scan'")
  void backdatedArrivalIsNotTheFirstScan() {
    float[] scores = Scans.trail()
        .scan(1, "Aggregation", "2025-07-01 10:34:17")
        .scan(5, "WMS_Inbound", "2025-06-29 11:02:38")
        .scores(AnomalyType.EPC_FAKE);

    assertThat(scores).containsExactly(0f, 0f);
  }
}
