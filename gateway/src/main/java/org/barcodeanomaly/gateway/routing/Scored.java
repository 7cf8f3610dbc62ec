package org.barcodeanomaly.gateway.routing;

import org.barcodeanomaly.api.contract.ContractResponse;

/**
 * A request answered by one detector.
 *
 * @param detectorId the id of the detector that answered
 * @param version    its version, e.g. {@code rule-1.0}
 * @param response   the answer, with {@code method} and {@code warning} set
 */
public record Scored(String detectorId, String version, ContractResponse response) {
}
