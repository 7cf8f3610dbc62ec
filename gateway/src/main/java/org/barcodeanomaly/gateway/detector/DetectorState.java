package org.barcodeanomaly.gateway.detector;

/** Whether a detector id can answer requests. */
public enum DetectorState {
  /** Being created and self-tested for the first time; not serving yet. */
  LOADING,
  /** Serving requests (a later version may have failed to replace it: see its last failure). */
  SERVING,
  /** Not serving: it failed to load or to pass its self-test, and no earlier version serves. */
  FAILED
}
