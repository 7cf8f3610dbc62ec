package org.barcodeanomaly.evaluation.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.barcodeanomaly.evaluation.reference.ReferenceTrails;
import org.barcodeanomaly.features.Trails;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HashSplitTest {

  private static final Trails TRAILS = Trails.group(new ReferenceTrails(3).generate(5_000, 0.1).events());

  @Test
  @DisplayName("every EPC is in exactly one split, the same for the same seed")
  void oneSplitPerEpcReproducibly() {
    EpcSplit first = HashSplit.standard(7, 1).split(TRAILS);
    EpcSplit again = HashSplit.standard(7, 1).split(TRAILS);
    Map<String, EpcSplit.Part> partOfEpc = new HashMap<>();
    for (int trail = 0; trail < TRAILS.count(); trail++) {
      assertThat(partOfEpc.put(TRAILS.epcCode(trail), first.part(trail))).as("one trail per EPC").isNull();
      assertThat(again.part(trail)).isEqualTo(first.part(trail));
    }
  }

  @Test
  @DisplayName("the shares are about 60/20/20, and another seed gives another split")
  void shares() {
    EpcSplit split = HashSplit.standard(7, 1).split(TRAILS);
    Map<EpcSplit.Part, Integer> counts = new EnumMap<>(EpcSplit.Part.class);
    for (EpcSplit.Part part : EpcSplit.Part.values()) {
      counts.put(part, split.count(part));
    }
    double n = TRAILS.count();

    assertThat(counts.get(EpcSplit.Part.TRAIN) / n).isCloseTo(0.6, within(0.03));
    assertThat(counts.get(EpcSplit.Part.VALIDATION) / n).isCloseTo(0.2, within(0.03));
    assertThat(counts.get(EpcSplit.Part.UNUSED)).isZero();
    EpcSplit other = HashSplit.standard(8, 1).split(TRAILS);
    long moved = java.util.stream.IntStream.range(0, TRAILS.count())
        .filter(t -> other.part(t) != split.part(t)).count();
    assertThat(moved).isGreaterThan(TRAILS.count() / 4);
  }

  @Test
  @DisplayName("its name says the shares, and the split records it")
  void named() {
    EpcSplit split = HashSplit.standard(7, 1).split(TRAILS);

    assertThat(split.strategy().name()).isEqualTo("epc-hash-60-20-20");
    assertThat(split.strategy().description()).contains("seed 7");
  }

  @Test
  @DisplayName("keeping a share of EPCs leaves the rest unused")
  void keepShare() {
    EpcSplit split = HashSplit.standard(7, 0.25).split(TRAILS);

    assertThat(split.count(EpcSplit.Part.UNUSED) / (double) TRAILS.count()).isCloseTo(0.75, within(0.03));
  }
}
