import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak client of bin/soak-gateway, run as a single-file program ({@code java SoakGateway.java}):
 * an open-model load (requests sent at a fixed arrival rate whatever the answers, latency counted
 * from the time each request was due, so a stalled server cannot hide its delay) against a running
 * gateway for N minutes, with the faults of issue #18 injected meanwhile, and a table per minute:
 * requests, answers by status, requests lost (no answer), p50/p99, the server's RSS and heap.
 *
 * <p>Arguments: URL RATE_PER_SECOND MINUTES SERVER_PID PLUGINS_DIR ADMIN_KEY BODY_FILE FAULTS(on|off).
 */
public final class SoakGateway {

  private static final Pattern HEAP = Pattern.compile(
      "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+-]+)$");

  private final String url;
  private final int rate;
  private final int minutes;
  private final long serverPid;
  private final Path pluginsDir;
  private final String adminKey;
  private final byte[] body;
  private final boolean faults;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Window> windows = new ArrayList<>();
  private final AtomicLong inFlight = new AtomicLong();
  private final ConcurrentLinkedQueue<Socket> slowClients = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicInteger> faultOutcomes = new ConcurrentHashMap<>();
  private byte[] zipBomb;

  /** One minute of the run. */
  private static final class Window {
    final AtomicInteger sent = new AtomicInteger();
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
    long rssKb;
    double heapMb;
  }

  private SoakGateway(String[] args) throws IOException {
    url = args[0];
    rate = Integer.parseInt(args[1]);
    minutes = Integer.parseInt(args[2]);
    serverPid = Long.parseLong(args[3]);
    pluginsDir = Path.of(args[4]);
    adminKey = args[5];
    body = Files.readAllBytes(Path.of(args[6]));
    faults = args[7].equals("on");
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 8) {
      System.err.println("usage: java SoakGateway.java URL RATE MINUTES SERVER_PID PLUGINS_DIR ADMIN_KEY BODY FAULTS");
      System.exit(2);
    }
    System.exit(new SoakGateway(args).run());
  }

  private int run() throws Exception {
    for (int m = 0; m < minutes; m++) {
      windows.add(new Window());
    }
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    long start = System.nanoTime();
    long periodNanos = 1_000_000_000L / rate;
    long total = (long) rate * 60 * minutes;
    if (faults) {
      scheduler.scheduleAtFixedRate(this::injectFaults, 5, 20, TimeUnit.SECONDS);
    }
    for (int m = 0; m < minutes; m++) {
      int minute = m;
      scheduler.schedule(() -> sample(windows.get(minute)), (minute + 1) * 60L - 1, TimeUnit.SECONDS);
    }
    for (long i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      send(windows.get((int) Math.min(minutes - 1, i / ((long) rate * 60))), due, i);
    }
    long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
      Thread.sleep(100);
    }
    scheduler.shutdownNow();
    closeSlowClients();
    return print();
  }

  /** Routes in the proportions of a mixed workload: rule 60 %, svm 20 %, lstm 10 %, stream 10 %. */
  private String path(long i) {
    int slot = (int) (i % 10);
    if (slot < 6) {
      return "/api/manager/export-and-analyze-async";
    }
    if (slot < 8) {
      return "/api/manager/export-and-analyze-async/svm";
    }
    return slot == 8 ? "/api/manager/export-and-analyze-async/lstm" : "/api/manager/stream/lstm";
  }

  private void send(Window window, long due, long i) {
    window.sent.incrementAndGet();
    inFlight.incrementAndGet();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path(i))).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
      String status = failure == null ? Integer.toString(response.statusCode()) : "lost";
      window.statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
      if (failure == null) {
        window.latenciesMicros.add((System.nanoTime() - due) / 1_000);
      }
      inFlight.decrementAndGet();
    });
  }

  /** The faults of issue #18, every 20 s: none of them may cost a load request its answer. */
  private void injectFaults() {
    try {
      holdSlowClients(50);
      Path corrupt = pluginsDir.resolve("zz-soak-corrupt.jar");
      Files.write(corrupt, "not a jar".getBytes(StandardCharsets.UTF_8));
      fault("reload", admin("POST", "/admin/plugins/reload", new byte[0]));
      Files.deleteIfExists(corrupt);
      fault("zip-bomb", admin("PUT", "/admin/detectors/svm/model", zipBomb()));
      fault("overlong-epc", post("/api/manager/stream/lstm", overlongEpcs()));
      fault("garbage", post("/api/manager/export-and-analyze-async", "{\"data\": [1, {\"x\": [".getBytes()));
      fault("foreign-origin", postWithOrigin("/api/manager/stream/lstm", body));
      abandonUpload();
    } catch (Exception e) {
      faultOutcomes.computeIfAbsent("injector-error " + e, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  private void fault(String name, int status) {
    faultOutcomes.computeIfAbsent(name + " " + status, k -> new AtomicInteger()).incrementAndGet();
  }

  private int admin(String method, String path, byte[] content) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .header("X-API-Key", adminKey).method(method, HttpRequest.BodyPublishers.ofByteArray(content)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private int post(String path, byte[] content) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private int postWithOrigin(String path, byte[] content) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "text/plain").header("Origin", "https://evil.example")
        .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Idle connections and connections dripping a header, up to {@code count} open. */
  private void holdSlowClients(int count) throws IOException {
    slowClients.removeIf(Socket::isClosed);
    URI target = URI.create(url);
    while (slowClients.size() < count) {
      Socket socket = new Socket(target.getHost(), target.getPort());
      if (slowClients.size() % 2 == 0) {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
      }
      slowClients.add(socket);
    }
  }

  private void closeSlowClients() {
    for (Socket socket : slowClients) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** An admin upload that stops half-way and hangs up. */
  private void abandonUpload() throws IOException {
    URI target = URI.create(url);
    try (Socket socket = new Socket(target.getHost(), target.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(("PUT /admin/plugins/soak-half.jar HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + adminKey
          + "\r\nContent-Length: 1000000\r\n\r\nPK").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    fault("abandoned-upload", 0);
  }

  /** A zip of about 100 KB that expands to 100 MiB (the soak's server allows 64 MiB), made once. */
  private synchronized byte[] zipBomb() throws IOException {
    if (zipBomb == null) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
        zip.putNextEntry(new java.util.zip.ZipEntry("svm/model.bin"));
        byte[] zeros = new byte[1 << 20];
        for (int i = 0; i < 100; i++) {
          zip.write(zeros);
        }
      }
      zipBomb = bytes.toByteArray();
    }
    return zipBomb;
  }

  private static byte[] overlongEpcs() {
    StringBuilder json = new StringBuilder("{\"data\":[");
    String code = "9".repeat(1 << 20);
    for (int i = 0; i < 4; i++) {
      json.append(i == 0 ? "" : ",").append("{\"event_id\":").append(i).append(",\"epc_code\":\"").append(code).append(i)
          .append("\",\"location_id\":1,\"business_step\":\"WMS\",\"event_type\":\"WMS_Inbound\",")
          .append("\"event_time\":\"2025-07-01 11:02:38\",\"file_id\":1}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The server's RSS (from /proc) and heap in use (from /metrics), at the end of a minute. */
  private void sample(Window window) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          window.rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/metrics")).timeout(Duration.ofSeconds(30)).build();
      Matcher heap = HEAP.matcher(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
      double bytes = 0;
      while (heap.find()) {
        bytes += Double.parseDouble(heap.group(1));
      }
      window.heapMb = bytes / (1 << 20);
    } catch (Exception e) {
      window.rssKb = -1;
    }
  }

  private int print() {
    System.out.printf("| min | sent | 2xx | 4xx | 5xx | lost | p50 ms | p99 ms | RSS MB | heap MB |%n");
    System.out.printf("|----:|-----:|----:|----:|----:|-----:|-------:|-------:|-------:|--------:|%n");
    long fivexx = 0;
    long lost = 0;
    double[] p99s = new double[minutes];
    double[] rss = new double[minutes];
    for (int m = 0; m < minutes; m++) {
      Window w = windows.get(m);
      Map<String, Integer> byClass = new TreeMap<>();
      w.statuses.forEach((status, count) -> byClass.merge(status.equals("lost") ? "lost" : status.charAt(0) + "xx", count.get(), Integer::sum));
      long answered = w.statuses.values().stream().mapToLong(AtomicInteger::get).sum();
      long missing = w.sent.get() - answered + byClass.getOrDefault("lost", 0);
      long[] latencies = w.latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
      double p50 = percentile(latencies, 0.50);
      p99s[m] = percentile(latencies, 0.99);
      rss[m] = w.rssKb / 1024.0;
      fivexx += byClass.getOrDefault("5xx", 0);
      lost += missing;
      System.out.printf("| %3d | %4d | %3d | %3d | %3d | %4d | %6.2f | %6.2f | %6.0f | %7.0f |%n", m + 1, w.sent.get(),
          byClass.getOrDefault("2xx", 0), byClass.getOrDefault("4xx", 0), byClass.getOrDefault("5xx", 0), missing,
          p50, p99s[m], rss[m], w.heapMb);
    }
    System.out.println();
    System.out.println("faults injected (outcome status: count): " + new TreeMap<>(toCounts(faultOutcomes)));
    boolean stable = minutes >= 3 && within(p99s, 0.10) && within(rss, 0.10);
    System.out.printf("5xx: %d, lost: %d; last 3 windows within 10 %% (p99 and RSS): %s%n", fivexx, lost,
        minutes < 3 ? "n/a (fewer than 3 minutes)" : stable ? "yes" : "no");
    return fivexx == 0 && lost == 0 && (minutes < 3 || stable) ? 0 : 1;
  }

  private static Map<String, Integer> toCounts(Map<String, AtomicInteger> counters) {
    Map<String, Integer> counts = new TreeMap<>();
    counters.forEach((key, value) -> counts.put(key, value.get()));
    return counts;
  }

  private static boolean within(double[] values, double tolerance) {
    double[] last = Arrays.copyOfRange(values, values.length - 3, values.length);
    double min = Arrays.stream(last).min().orElse(0);
    double max = Arrays.stream(last).max().orElse(0);
    return min > 0 && max <= min * (1 + tolerance);
  }

  private static double percentile(long[] sortedMicros, double q) {
    if (sortedMicros.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sortedMicros.length - 1, Math.ceil(q * sortedMicros.length) - 1);
    return sortedMicros[Math.max(0, index)] / 1000.0;
  }
}
