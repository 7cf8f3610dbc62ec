package org.barcodeanomaly.gateway.detector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.barcodeanomaly.api.contract.ContractAnalysis;
import org.barcodeanomaly.api.contract.ContractFormatException;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.contract.ContractRequestReader;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.api.detector.Detector;
import org.barcodeanomaly.api.detector.ScoreTable;

/**
 * The check every detector passes before it serves: it answers a bundled sample request (a
 * normal trail, a few planted anomalies, two files) without error and with the right shape —
 * one score row per event, thresholds for all five types, a response the contract writer can
 * write — and an empty batch too. The sample is then replayed for a short while to warm the
 * detector up, so that its first real request is not its slowest.
 *
 * <p>The test runs on a thread of its own with a time limit: a detector that hangs fails it
 * instead of blocking plugin loading.
 */
public final class SelfTest {

  /** The bundled sample request. */
  public static final String SAMPLE_RESOURCE = "selftest-request.json";

  private static final int MAX_WARMUP_ROUNDS = 50;
  private static final long WARMUP_MILLIS = 1_000;

  private final ContractRequest sample;
  private final long timeoutMillis;
  private final ExecutorService runner = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "detector-self-test");
    thread.setDaemon(true);
    return thread;
  });

  /** A self-test on {@code sample}, failing any detector that takes longer than {@code timeoutMillis}. */
  public SelfTest(ContractRequest sample, long timeoutMillis) {
    if (sample.events().isEmpty()) {
      throw new IllegalArgumentException("the self-test sample must hold at least one event");
    }
    this.sample = sample;
    this.timeoutMillis = timeoutMillis;
  }

  /** The self-test on the bundled sample, with {@code timeoutMillis}. */
  public static SelfTest bundled(long timeoutMillis) {
    try (InputStream in = SelfTest.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the gateway jar lacks its self-test sample " + SAMPLE_RESOURCE);
      }
      return new SelfTest(new ContractRequestReader().read(in), timeoutMillis);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the self-test sample", e);
    } catch (ContractFormatException e) {
      throw new IllegalStateException("the bundled self-test sample is not a contract request: " + e.getMessage(), e);
    }
  }

  /** The sample request detectors are tested on. */
  public ContractRequest sample() {
    return sample;
  }

  /**
   * Tests and warms up {@code detector}, with {@code classLoader} (its plugin's) as the context
   * class loader, as when it serves.
   *
   * @return how long it took, in milliseconds
   * @throws SelfTestFailure when the detector throws, answers with the wrong shape or runs past
   *     the time limit; the message says which
   */
  public long run(Detector detector, ClassLoader classLoader) throws SelfTestFailure {
    long start = System.nanoTime();
    CompletableFuture<Void> test = CompletableFuture.runAsync(() -> {
      Thread.currentThread().setContextClassLoader(classLoader);
      check(detector);
    }, runner);
    try {
      test.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      test.cancel(true);
      throw new SelfTestFailure("self-test took longer than " + timeoutMillis + " ms on the bundled sample");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new SelfTestFailure("self-test failed on the bundled sample: " + describe(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SelfTestFailure("self-test interrupted");
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private void check(Detector detector) {
    if (detector.version() == null || detector.version().isBlank()) {
      throw new IllegalStateException("the detector reports no version");
    }
    if (detector.thresholds() == null) {
      throw new IllegalStateException("the detector reports no thresholds");
    }
    ScoreTable empty = detector.score(List.of());
    if (empty == null || empty.size() != 0) {
      throw new IllegalStateException("an empty batch must give an empty score table");
    }
    ContractResponse response = answer(detector);
    if (response.eventCount() != sample.events().size()) {
      throw new IllegalStateException("answered " + response.eventCount() + " of the sample's "
          + sample.events().size() + " events");
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARMUP_MILLIS);
    for (int round = 0; round < MAX_WARMUP_ROUNDS && System.nanoTime() < deadline; round++) {
      answer(detector);
    }
  }

  private ContractResponse answer(Detector detector) {
    ContractResponse response = ContractAnalysis.analyze(sample, detector, detector.version(), null);
    new ContractResponseWriter().toBytes(response);
    return response;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
