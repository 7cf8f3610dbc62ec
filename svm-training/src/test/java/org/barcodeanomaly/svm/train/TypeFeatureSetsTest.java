package org.barcodeanomaly.svm.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.barcodeanomaly.api.event.AnomalyType;
import org.barcodeanomaly.features.Feature;
import org.barcodeanomaly.features.VariationProofFeatures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TypeFeatureSetsTest {

  @ParameterizedTest
  @EnumSource(AnomalyType.class)
  void everyTypeReadsOnlyFeaturesNormalVariationCannotMove(AnomalyType type) {
    assertThat(TypeFeatureSets.of(type)).isNotEmpty()
        .allSatisfy(feature -> assertThat(VariationProofFeatures.contains(feature))
            .as("%s of %s is variation-proof", feature.id(), type.contractName()).isTrue());
  }

  @ParameterizedTest
  @EnumSource(AnomalyType.class)
  void aCallerCannotChangeTheDefaults(AnomalyType type) {
    Feature[] copy = TypeFeatureSets.of(type);
    copy[0] = Feature.HOUR_SIN;
    assertThat(TypeFeatureSets.of(type)[0]).isNotEqualTo(Feature.HOUR_SIN);
  }
}
