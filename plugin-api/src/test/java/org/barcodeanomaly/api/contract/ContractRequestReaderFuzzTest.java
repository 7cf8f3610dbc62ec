package org.barcodeanomaly.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * Any bytes at all, read as a contract request body: the reader either refuses the body with a
 * {@link ContractFormatException} (the 400 or 413 a client gets) or reads it into events and
 * rejected items within the limits; it never throws anything else (which the gateway would answer
 * with a 500). The seeds in {@code ContractRequestReaderFuzzTestInputs/} run in every build;
 * {@code JAZZER_FUZZ=1} fuzzes (gateway/README.md, Fuzzing).
 */
class ContractRequestReaderFuzzTest {

  private static final int MAX_EVENTS = 1_000;
  private static final int MAX_FIELD_CHARS = 64;
  private static final ContractRequestReader READER = new ContractRequestReader(
      new ContractOptions().setMaxEvents(MAX_EVENTS).setMaxFieldChars(MAX_FIELD_CHARS));

  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesAnyBody(byte[] body) {
    ContractRequest request;
    try {
      request = READER.read(body);
    } catch (ContractFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("\tat ");
      return;
    }
    assertThat(request.events().size() + request.rejected().size()).isLessThanOrEqualTo(MAX_EVENTS);
    for (ScanEvent event : request.events()) {
      assertThat(event.epcCode().length()).isLessThanOrEqualTo(MAX_FIELD_CHARS);
      assertThat(event.businessStep().length()).isLessThanOrEqualTo(MAX_FIELD_CHARS);
      assertThat(event.eventType().length()).isLessThanOrEqualTo(MAX_FIELD_CHARS);
    }
    for (RejectedEvent rejected : request.rejected()) {
      assertThat(rejected.field()).isNotBlank();
      assertThat(rejected.reason()).isNotBlank();
    }
  }
}
