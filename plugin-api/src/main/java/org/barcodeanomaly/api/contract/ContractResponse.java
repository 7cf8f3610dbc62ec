package org.barcodeanomaly.api.contract;

import java.util.List;
import java.util.Objects;
import org.barcodeanomaly.api.event.AnomalyType;

/**
 * The answer to one request: a result per file, which detector answered, an optional fallback
 * warning and the rejected items. {@link ContractResponseWriter} turns it into the contract's JSON;
 * the count accessors feed metrics and the audit log with the same numbers the client sees.
 *
 * @param files    one result per {@code file_id}, in order of first appearance in the request
 * @param method   which detector and model version answered, e.g. {@code rule-1.0}
 * @param warning  why another detector than the one asked for answered, or {@code null}
 * @param rejected the request's rejected items, in request order
 */
public record ContractResponse(List<FileResult> files, String method, String warning,
    List<RejectedEvent> rejected) {

  /** Takes read-only copies of the lists; {@code method} is required. */
  public ContractResponse {
    files = List.copyOf(files);
    Objects.requireNonNull(method, "method");
    rejected = List.copyOf(rejected);
  }

  /** Number of accepted events over all files. */
  public int eventCount() {
    int count = 0;
    for (FileResult file : files) {
      count += file.batch().events().size();
    }
    return count;
  }

  /** Number of events reported for at least one type, over all files. */
  public int reportedEventCount() {
    int count = 0;
    for (FileResult file : files) {
      count += file.reportedEventCount();
    }
    return count;
  }

  /** Number of events reported for {@code type}, over all files. */
  public long reportedCount(AnomalyType type) {
    long count = 0;
    for (FileResult file : files) {
      count += file.counts().get(type);
    }
    return count;
  }

  /** Number of rejected items. */
  public int rejectedCount() {
    return rejected.size();
  }
}
