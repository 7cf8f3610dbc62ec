package org.barcodeanomaly.simulator;

/** Whether simulated readers are perfect ({@code clean}) or behave like deployed ones ({@code field}). */
public enum Profile {
  /** Perfect readers, as in the production data set. */
  CLEAN("clean"),
  /** Missed reads, clock skew and late rows, all labelled normal (see {@code FieldNoise}). */
  FIELD("field");

  private final String id;

  Profile(String id) {
    this.id = id;
  }

  /** Name used on the command line and in the manifest. */
  public String id() {
    return id;
  }

  /**
   * The profile called {@code id}.
   *
   * @throws IllegalArgumentException naming the valid profiles
   */
  public static Profile fromId(String id) {
    for (Profile profile : values()) {
      if (profile.id.equalsIgnoreCase(id)) {
        return profile;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + id + "': expected clean or field");
  }
}
