package org.barcodeanomaly.gateway.routing;

/**
 * Why a fallback detector answers instead of the one asked for; it becomes the response's
 * {@code warning}, and the response's {@code method} becomes {@code <provider>-based-fallback}
 * as in the first generation ({@code rule-based-fallback}).
 *
 * @param reason why the detector asked for could not answer, naming it
 */
public record FallbackNote(String reason) {

  /** The response {@code method} of a fallback answer by {@code provider}. */
  public static String method(String provider) {
    return provider + "-based-fallback";
  }

  /** The response {@code warning} when detector {@code id} of {@code version} answered instead. */
  public String warning(String id, String version) {
    return reason + "; answered by the " + id + " detector (" + version + ") instead";
  }
}
