package org.barcodeanomaly.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.barcodeanomaly.gateway.config.LimitsConfig;
import org.barcodeanomaly.gateway.routing.AttemptFailure.Kind;
import org.barcodeanomaly.gateway.routing.AttemptFailure;
import org.barcodeanomaly.gateway.routing.NotStreamingException;
import org.barcodeanomaly.gateway.routing.UnknownDetectorException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Error responses of the streaming endpoint")
class ErrorResponsesTest {

  private final ErrorResponses errors = new ErrorResponses(new LimitsConfig());

  @Test
  @DisplayName("a detector that does not stream is a 400 whose detail is the exception's message, "
      + "wherever it was found (also under the lease after a hot swap)")
  void notStreamingIsABadRequest() {
    NotStreamingException failure = new NotStreamingException("rule", List.of("lstm"));

    assertThat(ErrorResponses.statusOf(failure)).isEqualTo(400);
    assertThat(errors.detailOf(400, failure)).isEqualTo("detector 'rule' does not stream: it scores each"
        + " request on its own and keeps no per-EPC buffers; detectors that stream: lstm"
        + " (POST /api/manager/stream/<detector>)");
  }

  @Test
  @DisplayName("an unknown detector id is a 404 like an unknown path; a known one that cannot answer stays a 503")
  void unknownDetectorIsNotFound() {
    UnknownDetectorException unknown = new UnknownDetectorException("lstn", List.of());

    assertThat(ErrorResponses.statusOf(unknown)).isEqualTo(404);
    assertThat(errors.detailOf(404, unknown)).isEqualTo("no detector 'lstn' is configured or provided by"
        + " a plugin; detectors that stream: none is loaded (POST /api/manager/stream/<detector>)");
    assertThat(ErrorResponses.statusOf(new AttemptFailure(Kind.MISSING, "lstm", "loading"))).isEqualTo(503);
  }
}
