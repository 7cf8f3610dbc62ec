package org.barcodeanomaly.cli;

import picocli.CommandLine.IVersionProvider;

/** The launcher's version, read from the jar manifest so it never drifts from the build. */
public final class LauncherVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = AnomalyCommand.class.getPackage().getImplementationVersion();
    return new String[] {"anomaly " + (version == null ? "development build" : version)};
  }
}
