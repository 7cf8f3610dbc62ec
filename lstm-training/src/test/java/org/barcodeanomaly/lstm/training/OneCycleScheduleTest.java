package org.barcodeanomaly.lstm.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OneCycleScheduleTest {

  @Test
  @DisplayName("warms up linearly from max/25 to max, then anneals to max/1e4")
  void cycle() {
    OneCycleSchedule schedule = new OneCycleSchedule(1.0, 100, 0.3);
    assertThat(schedule.valueAt(0, 0)).isCloseTo(0.04, offset(1e-12));
    assertThat(schedule.valueAt(15, 0)).isCloseTo(0.04 + 0.96 * 0.5, offset(1e-12));
    assertThat(schedule.valueAt(30, 0)).isCloseTo(1.0, offset(1e-12));
    assertThat(schedule.valueAt(65, 0)).isCloseTo(1e-4 + (1 - 1e-4) * 0.5, offset(1e-12));
    assertThat(schedule.valueAt(100, 0)).isCloseTo(1e-4, offset(1e-12));
    assertThat(schedule.valueAt(500, 3)).isCloseTo(1e-4, offset(1e-12));
  }
}
