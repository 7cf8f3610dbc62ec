package org.barcodeanomaly.gateway.routing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one detector version (a reload or a new jar gets a new lane), with its
 * circuit breaker. A call abandoned past its budget is interrupted; a thread that still does not
 * come back is counted lost and replaced, so the detector keeps its capacity; when more threads
 * are lost than the lane has, the detector is quarantined (its breaker stays open until it is
 * replaced) rather than growing threads without end.
 *
 * <p>Thread-safe.
 */
final class DetectorLane {

  /** Requests that may wait for a thread of one detector; more fall back (or get 503) at once. */
  static final int QUEUE_LIMIT = 1024;

  private final String id;
  private final Object generation;
  private final int threads;
  private final ThreadPoolExecutor pool;
  private final CircuitBreaker breaker = new CircuitBreaker();
  private int lost;

  /** A lane of {@code threads} threads for version {@code generation} of detector {@code id}. */
  DetectorLane(String id, Object generation, int threads) {
    this.id = id;
    this.generation = generation;
    this.threads = threads;
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread thread = new Thread(task, "detector-" + id + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE_LIMIT), factory);
  }

  /** The detector version this lane serves (compared by identity). */
  Object generation() {
    return generation;
  }

  /** The lane's circuit breaker. */
  CircuitBreaker breaker() {
    return breaker;
  }

  /**
   * Queues {@code task}.
   *
   * @throws RejectedExecutionException when {@link #QUEUE_LIMIT} requests wait already, or the
   *     lane was retired
   */
  Future<?> submit(Runnable task) {
    return pool.submit(task);
  }

  /** Takes a task that will not run (its request was abandoned) out of the queue. */
  void drop(Future<?> task) {
    if (task instanceof Runnable runnable) {
      pool.remove(runnable);
    }
  }

  /**
   * A thread did not come back after its call was abandoned and interrupted: a new thread takes
   * its place.
   *
   * @return the reason to quarantine the detector, when more threads than the lane has are lost;
   *     else {@code null}
   */
  synchronized String lostThread() {
    lost++;
    pool.setMaximumPoolSize(threads + lost);
    pool.setCorePoolSize(threads + lost);
    if (lost > threads) {
      return "it is quarantined: " + lost + " of its calls never returned after their time budget ran"
          + " out, even when interrupted; reload it (POST /admin/detectors/" + id + "/reload) or fix the plugin";
    }
    return null;
  }

  /** A lost thread came back at last: the extra thread that replaced it goes. */
  synchronized void threadBack() {
    lost--;
    pool.setCorePoolSize(threads + lost);
    pool.setMaximumPoolSize(threads + lost);
  }

  /** Threads lost now. */
  synchronized int lost() {
    return lost;
  }

  /** Takes no more work; queued work still runs, threads end once idle. */
  void retire() {
    pool.shutdown();
  }
}
