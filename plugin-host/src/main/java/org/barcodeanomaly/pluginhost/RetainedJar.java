package org.barcodeanomaly.pluginhost;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loaded plugin jar shared by everything that needs its class loader open: the plugin
 * directory while the jar is current, and every detector created from it. The class loader is
 * closed when the last holder releases it, so a jar replaced during a hot swap stays open until
 * its last detector has finished its last request.
 */
public final class RetainedJar {

  private final PluginJar jar;
  private final long sequence;
  private final AtomicInteger holders = new AtomicInteger(1);

  /**
   * Wraps {@code jar}, held once by the caller.
   *
   * @param sequence the order in which jars were loaded: the newest jar providing a detector
   *     serves it
   */
  public RetainedJar(PluginJar jar, long sequence) {
    this.jar = jar;
    this.sequence = sequence;
  }

  /** The jar. */
  public PluginJar jar() {
    return jar;
  }

  /** The load order of this jar; higher is newer. */
  public long sequence() {
    return sequence;
  }

  /**
   * Holds the jar once more.
   *
   * @throws IllegalStateException when it was already closed
   */
  public RetainedJar retain() {
    if (holders.getAndUpdate(count -> count == 0 ? 0 : count + 1) == 0) {
      throw new IllegalStateException("plugin " + jar.path() + " was already closed");
    }
    return this;
  }

  /** Releases one hold; the last release closes the jar. */
  public void release() {
    if (holders.decrementAndGet() == 0) {
      jar.close();
    }
  }
}
