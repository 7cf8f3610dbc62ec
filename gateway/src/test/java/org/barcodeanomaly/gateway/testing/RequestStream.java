package org.barcodeanomaly.gateway.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load generator for tests: several lanes, each sending the same request again as soon as
 * the previous answer arrived, until stopped. It records every answer's {@code method} and
 * every failure (a status other than 200, or no answer at all).
 */
public final class RequestStream {

  /** The longest wait for answers before a test fails. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final RunningGateway gateway;
  private final String path;
  private final Buffer body;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger answered = new AtomicInteger();
  private final Map<String, AtomicInteger> methods = new ConcurrentHashMap<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final CountDownLatch lanesDone;

  private RequestStream(RunningGateway gateway, String path, String body, int lanes) {
    this.gateway = gateway;
    this.path = path;
    this.body = Buffer.buffer(body);
    this.lanesDone = new CountDownLatch(lanes);
  }

  /** Starts {@code lanes} lanes posting {@code body} to {@code path}. */
  public static RequestStream start(RunningGateway gateway, String path, String body, int lanes) {
    RequestStream stream = new RequestStream(gateway, path, body, lanes);
    for (int lane = 0; lane < lanes; lane++) {
      stream.next();
    }
    return stream;
  }

  private void next() {
    if (!running.get()) {
      lanesDone.countDown();
      return;
    }
    gateway.sendAsync(HttpMethod.POST, path, body, MultiMap.caseInsensitiveMultiMap()).onComplete(done -> {
      if (done.failed()) {
        failures.add("no answer: " + done.cause());
      } else if (done.result().statusCode() != 200) {
        failures.add(done.result().statusCode() + " " + done.result().bodyAsString());
      } else {
        String method = done.result().bodyAsJsonObject().getString("method");
        methods.computeIfAbsent(method, key -> new AtomicInteger()).incrementAndGet();
      }
      answered.incrementAndGet();
      next();
    });
  }

  /** Requests answered so far. */
  public int answered() {
    return answered.get();
  }

  /** Whether an answer with {@code method} has arrived. */
  public boolean seen(String method) {
    return methods.containsKey(method);
  }

  /** Waits until {@code more} further requests have been answered; fails after 30 s. */
  public void awaitMore(int more) {
    int target = answered() + more;
    Await.until(more + " more requests to " + path + " are answered (" + target + " answers in all)", WAIT,
        this::answered, answers -> answers >= target);
  }

  /** Waits until an answer with {@code method} arrives; fails after 30 s. */
  public void awaitMethod(String method) {
    Await.until("an answer from " + method + " arrives on " + path, WAIT, this::methods,
        answers -> answers.containsKey(method));
  }

  /**
   * Stops sending and waits for the requests in flight; returns the failures.
   *
   * @throws AssertionError when a lane still has a request unanswered after 30 s
   */
  public List<String> stop() throws InterruptedException {
    running.set(false);
    if (!lanesDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError(lanesDone.getCount() + " lanes to " + path + " still wait for an answer "
          + WAIT + " after the stream was stopped; failures so far: " + failures);
    }
    return List.copyOf(failures);
  }

  /** Answers per {@code method}. */
  public Map<String, Integer> methods() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    methods.forEach((method, count) -> counts.put(method, count.get()));
    return counts;
  }
}
