package org.barcodeanomaly.gateway.ui;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.HeadlessChromium;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.gateway.testing.ServedDetectors;
import org.barcodeanomaly.gateway.testing.TrailRequests;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * How long the analyst's page takes with a 10,000-event request in headless chromium, against a
 * gateway serving the real rule, SVM and LSTM detectors: from the upload to the table shown
 * (split into the gateway's /api/compare time and the page's own), then each filter change. It
 * prints figures and asserts none (speed is measured here, never in a unit test): run it with
 * {@code bin/bench-ui}. Not picked up by a plain {@code mvn verify} (its name is no test's).
 */
@DisplayName("Bench: the analyst's page with 10,000 events")
class AnalystPageBench {

  private static final int EVENTS = 10_000;
  private static final int RUNS = Integer.getInteger("bench.runs", 5);
  private static final Duration LOAD = Duration.ofSeconds(120);

  @Test
  @DisplayName("prints upload-to-table and filter times, warm, over several runs")
  void measure(@TempDir Path home) throws Exception {
    Path upload = Files.writeString(home.resolve("ten-thousand.json"), TrailRequests.request(EVENTS).encode());
    Vertx client = Vertx.vertx();
    RunningGateway gateway = ServedDetectors.start(client, ServedDetectors.config(home, ServedDetectors.IDS),
        ServedDetectors.IDS);
    try (HeadlessChromium browser = HeadlessChromium.start(1280, 800)) {
      ChromeDriver page = browser.driver();
      String url = "http://127.0.0.1:" + gateway.gateway().port() + "/ui/";
      List<double[]> runs = new ArrayList<>();
      for (int run = 0; run <= RUNS; run++) {
        double[] figures = once(page, url, upload);
        if (run > 0) {
          runs.add(figures);
        }
      }
      report(runs);
    } finally {
      gateway.close();
      client.close();
    }
  }

  /** upload to table (wall), gateway, page, filter to disagreements (wall, page), type filter (page). */
  private static double[] once(ChromeDriver page, String url, Path upload) {
    page.get(url);
    Await.until("the page is ready", LOAD,
        () -> "true".equals(page.findElement(By.tagName("body")).getAttribute("data-ready")));
    long start = System.nanoTime();
    page.findElement(By.id("upload")).sendKeys(upload.toString());
    Await.until("the table is shown", LOAD,
        () -> "done".equals(page.findElement(By.id("status")).getAttribute("data-state")));
    double uploadMs = (System.nanoTime() - start) / 1e6;
    double serverMs = Double.parseDouble(page.findElement(By.id("status")).getAttribute("data-server-ms"));
    double renderMs = Double.parseDouble(page.findElement(By.id("status")).getAttribute("data-render-ms"));
    String all = page.findElement(By.id("shown")).getAttribute("data-matching");
    start = System.nanoTime();
    new Select(page.findElement(By.id("filter-show"))).selectByValue("disagree");
    Await.until("the filter is applied", LOAD,
        () -> !all.equals(page.findElement(By.id("shown")).getAttribute("data-matching")));
    double filterWallMs = (System.nanoTime() - start) / 1e6;
    double filterMs = Double.parseDouble(page.findElement(By.id("shown")).getAttribute("data-filter-ms"));
    new Select(page.findElement(By.id("filter-type"))).selectByVisibleText("locErr");
    double typeMs = Double.parseDouble(page.findElement(By.id("shown")).getAttribute("data-filter-ms"));
    return new double[] {uploadMs, serverMs, renderMs, filterWallMs, filterMs, typeMs};
  }

  private static void report(List<double[]> runs) {
    String[] names = {"upload to table shown (wall, WebDriver)", "  of which /api/compare (3 detectors)",
        "  of which the page (parse, join, render)", "filter to disagreements (wall, WebDriver)",
        "  of which the page", "filter to one type (page)"};
    System.out.printf(Locale.ROOT, "%nanalyst page, %,d events, %d warm runs (after 1 warm-up): median / max ms%n",
        EVENTS, runs.size());
    for (int i = 0; i < names.length; i++) {
      int column = i;
      double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
      System.out.printf(Locale.ROOT, "%-45s %8.1f %8.1f%n", names[i], values[values.length / 2], values[values.length - 1]);
    }
  }
}
