package org.barcodeanomaly.gateway.plugin;

/** The steps of putting a plugin in service, named in failures and metrics. */
public enum LoadStage {
  /** Opening the jar and finding its providers. */
  JAR,
  /** The provider creating the detector (loading its model). */
  CREATE,
  /** The detector answering the bundled sample. */
  SELF_TEST;

  /** The name used in JSON and metrics, e.g. {@code self_test}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
