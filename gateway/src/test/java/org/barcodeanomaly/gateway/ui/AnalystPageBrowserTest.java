package org.barcodeanomaly.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.HeadlessChromium;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.gateway.testing.ServedDetectors;
import org.barcodeanomaly.gateway.testing.TrailRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The analyst's page in Debian's headless chromium against a real gateway serving the real rule,
 * SVM and LSTM detectors: what an analyst sees is checked against what {@code /api/compare}
 * answers for the same request. Each test starts from a freshly loaded page; screenshots of every
 * view go to {@code target/ui-screenshots} (the build's artifacts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The analyst's page in a real browser")
class AnalystPageBrowserTest {

  private static final Duration LOAD = Duration.ofSeconds(60);
  private static final String LEGACY = RunningGateway.resource("legacy_request_example.json");
  private static final Path SHOTS = Path.of(System.getProperty("ui.screenshots.dir", "target/ui-screenshots"));
  private static final String[] TYPES = {"epcFake", "epcDup", "locErr", "evtOrderErr", "jump"};

  private HeadlessChromium browser;
  private ChromeDriver page;
  private Vertx client;
  private RunningGateway gateway;
  private Path files;

  @BeforeAll
  void start(@TempDir Path home) throws IOException {
    browser = HeadlessChromium.start(1280, 800);
    page = browser.driver();
    files = Files.createDirectories(home.resolve("files"));
    client = Vertx.vertx();
    gateway = ServedDetectors.start(client, ServedDetectors.config(home, ServedDetectors.IDS), ServedDetectors.IDS);
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (gateway != null) {
      gateway.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @BeforeEach
  void openPage() {
    browser.resize(1280, 800);
    page.get("http://127.0.0.1:" + gateway.gateway().port() + "/ui");
    Await.until("the page read its reference locations", LOAD,
        () -> "true".equals(page.findElement(By.tagName("body")).getAttribute("data-ready")));
  }

  @Test
  @DisplayName("shows, for a bundled sample, every detector's reported scores and counts exactly as /api/compare answers")
  void sideBySideMatchesCompare() throws IOException {
    loadSample("data/legacy_request_example.json");
    JsonObject compare = compare(LEGACY);

    assertThat(shownScores()).isEqualTo(expectedScores(compare, legacyEventIds()));
    JsonObject agreement = compare.getJsonObject("agreement");
    for (String type : TYPES) {
      for (String id : ServedDetectors.IDS) {
        assertThat(cell("#counts td[data-detector='" + id + "'][data-type='" + type + "']"))
            .as("%s events reported by %s", type, id)
            .isEqualTo(String.valueOf(agreement.getJsonObject(type).getJsonObject("reportedBy").getLong(id)));
      }
      assertThat(cell("#counts td[data-agreement='agree'][data-type='" + type + "']"))
          .isEqualTo(String.valueOf(agreement.getJsonObject(type).getLong("agree")));
    }
    browser.screenshot(page.findElement(By.id("results")), SHOTS.resolve("side-by-side.png"));
  }

  @Test
  @DisplayName("draws the trail of the EPC chosen with the keyboard, hop by hop in time order, coloured by the detectors' verdicts")
  void keyboardSelectsTrailOnMap() throws IOException {
    loadSample("data/legacy_request_example.json");
    JsonObject compare = compare(LEGACY);
    WebElement row = page.findElement(By.cssSelector("#events tbody tr[data-event-id='302']"));
    row.sendKeys(Keys.ENTER);

    Await.until("the trail is shown", LOAD, () -> page.findElement(By.id("trail")).isDisplayed());
    List<WebElement> hops = page.findElements(By.cssSelector("#map .trail-hop"));
    assertThat(hops).extracting(hop -> hop.getAttribute("data-from") + ">" + hop.getAttribute("data-to"))
        .containsExactly("1>2", "2>4");
    assertThat(hops).extracting(hop -> hop.getAttribute("data-verdict"))
        .containsExactly(verdict(compare, 302), verdict(compare, 303));
    assertThat(page.findElements(By.cssSelector("#timeline tbody tr")))
        .extracting(tr -> tr.getAttribute("data-event-id")).containsExactly("301", "302", "303");
    assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("trail-title");
    browser.screenshot(page.findElement(By.id("trail")), SHOTS.resolve("trail.png"));
  }

  @Test
  @DisplayName("keeps only the events the detectors disagree on when asked to, and tells how many")
  void disagreementFilter() throws IOException {
    loadSample("data/legacy_request_example.json");
    Set<String> expected = disagreements(compare(LEGACY), legacyEventIds());

    new Select(page.findElement(By.id("filter-show"))).selectByValue("disagree");

    assertThat(rowIds()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(page.findElement(By.id("shown")).getAttribute("data-matching")).isEqualTo(String.valueOf(expected.size()));
    assertThat(page.findElements(By.cssSelector("#events tbody tr")))
        .allSatisfy(tr -> assertThat(tr.getAttribute("data-verdict")).isEqualTo("disagree"));
  }

  @Test
  @DisplayName("says what is wrong with an uploaded file that is neither a contract request nor a scan file")
  void badUploadIsExplained() throws IOException {
    Path bad = Files.writeString(files.resolve("notes.txt"), "these are my notes\nnot a scan file\n");
    page.findElement(By.id("upload")).sendKeys(bad.toString());

    WebElement error = page.findElement(By.id("error"));
    Await.until("the error is shown", LOAD, error::isDisplayed);
    assertThat(error.getText()).contains("notes.txt").contains("first line has no TAB");
    assertThat(page.findElement(By.id("results")).isDisplayed()).isFalse();
    browser.screenshot(SHOTS.resolve("error.png"));
  }

  @Test
  @DisplayName("lists every item the gateway rejected with its field and reason, and scores the others")
  void rejectedItemsAreListed() throws IOException {
    JsonArray data = TrailRequests.request(3).getJsonArray("data");
    data.getJsonObject(1).put("location_id", "five");
    data.getJsonObject(2).remove("event_time");
    paste(new JsonObject().put("data", data).encode());

    assertThat(rowIds()).containsExactly("1");
    List<List<String>> rejected = new ArrayList<>();
    for (WebElement tr : page.findElements(By.cssSelector("#rejected-table tbody tr"))) {
      rejected.add(tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
    }
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0)).startsWith("item 1", "2", "location_id");
    assertThat(rejected.get(1)).startsWith("item 2", "3", "event_time");
    assertThat(rejected).allSatisfy(cells -> assertThat(cells.get(3)).isNotBlank());
    browser.screenshot(page.findElement(By.id("load")), SHOTS.resolve("rejected.png"));
  }

  @Test
  @DisplayName("reads an uploaded raw scan file, numbering events by row and listing the row it cannot read")
  void scanFileUpload() throws IOException {
    List<String> lines = new ArrayList<>(RunningGateway.resource("ui/data/raw_sample.tsv").lines().toList());
    lines.set(4, "a\tshort\trow");
    Path scans = Files.write(files.resolve("icn.tsv"), lines, StandardCharsets.UTF_8);
    page.findElement(By.id("upload")).sendKeys(scans.toString());
    awaitResults();

    assertThat(rowIds()).hasSize(lines.size() - 2).doesNotContain("4").contains("1", "13");
    assertThat(page.findElement(By.cssSelector("#rejected-table tbody tr")).getText()).contains("line 5");
  }

  @Test
  @DisplayName("lists each detector with the version, state and routes the gateway reports")
  void detectorsPanel() throws IOException {
    JsonArray detectors = gateway.get("/api/detectors").bodyAsJsonObject().getJsonArray("detectors");
    Await.until("the detector list is shown", LOAD,
        () -> page.findElements(By.cssSelector("#detector-table tbody tr[data-detector]")).size() == detectors.size());
    for (int i = 0; i < detectors.size(); i++) {
      JsonObject detector = detectors.getJsonObject(i);
      List<WebElement> cells = page.findElement(By.cssSelector("#detector-table tr[data-detector='"
          + detector.getString("id") + "']")).findElements(By.tagName("td"));
      assertThat(cells.get(0).getText()).isEqualTo(detector.getString("version"));
      assertThat(cells.get(1).getText()).isEqualTo("SERVING");
      assertThat(cells.get(3).getText()).contains(detector.getString("id") + ": target");
    }
    browser.screenshot(page.findElement(By.id("detectors")), SHOTS.resolve("detectors.png"));
  }

  @Test
  @DisplayName("renders a 10,000-event request, pages through it and filters it to the disagreements /api/compare implies")
  void tenThousandEvents() throws IOException {
    JsonObject request = TrailRequests.request(10_000);
    Path upload = Files.writeString(files.resolve("ten-thousand.json"), request.encode());
    page.findElement(By.id("upload")).sendKeys(upload.toString());
    awaitResults();

    assertThat(page.findElement(By.id("status")).getAttribute("data-events")).isEqualTo("10000");
    assertThat(page.findElements(By.cssSelector("#events tbody tr"))).hasSize(100);
    assertThat(page.findElement(By.id("page-info")).getText()).isEqualTo("page 1 of 100");
    page.findElement(By.id("next-page")).click();
    assertThat(rowIds()).first().isEqualTo("101");

    Set<String> expected = disagreements(compare(request.encode()), null);
    new Select(page.findElement(By.id("filter-show"))).selectByValue("disagree");
    assertThat(page.findElement(By.id("shown")).getAttribute("data-matching")).isEqualTo(String.valueOf(expected.size()));
    assertThat(rowIds()).hasSize(Math.min(100, expected.size())).allSatisfy(id -> assertThat(expected).contains(id));
    page.executeScript("document.getElementById('results').scrollIntoView()");
    browser.screenshot(SHOTS.resolve("ten-thousand-disagreements.png"));

    page.findElement(By.cssSelector("#events tbody tr")).click();
    Await.until("the trail is shown", LOAD, () -> page.findElement(By.id("trail")).isDisplayed());
    assertThat(page.findElements(By.cssSelector("#timeline tbody tr"))).hasSize(10);
    browser.screenshot(page.findElement(By.id("trail")), SHOTS.resolve("trail-wrong-turn.png"));
  }

  @Test
  @DisplayName("counts each detector's true and false positives and misses per type against an uploaded labels.csv")
  void evaluationAgainstLabels() throws IOException {
    int events = 70;
    List<String> labels = new ArrayList<>(List.of("event_id,epcFake,epcDup,locErr,evtOrderErr,jump"));
    Set<String> wrongTurns = new TreeSet<>();
    for (int i = 0; i < events; i++) {
      boolean wrongTurn = TrailRequests.wrongTurn(i / 10) && i % 10 == 3;
      if (wrongTurn) {
        wrongTurns.add(String.valueOf(i + 1));
      }
      labels.add((i + 1) + ",0,0," + (wrongTurn ? 1 : 0) + ",0,0");
    }
    labels.add("71,0,zero,0,0,0");
    page.findElement(By.id("labels")).sendKeys(Files.write(files.resolve("labels.csv"), labels).toString());
    JsonObject request = TrailRequests.request(events);
    page.findElement(By.id("upload")).sendKeys(Files.writeString(files.resolve("scans.json"), request.encode()).toString());
    awaitResults();

    Map<String, Map<String, JsonObject>> reports = reports(compare(request.encode()));
    for (String id : ServedDetectors.IDS) {
      Set<String> reportedLocErr = new TreeSet<>();
      reports.get(id).forEach((event, entry) -> {
        if (Boolean.TRUE.equals(entry.getBoolean("locErr"))) {
          reportedLocErr.add(event);
        }
      });
      long truePositives = reportedLocErr.stream().filter(wrongTurns::contains).count();
      String row = "#metrics tr[data-detector='" + id + "'][data-type='locErr'] ";
      assertThat(cell(row + "td[data-metric='tp']")).isEqualTo(String.valueOf(truePositives));
      assertThat(cell(row + "td[data-metric='fp']")).isEqualTo(String.valueOf(reportedLocErr.size() - truePositives));
      assertThat(cell(row + "td[data-metric='fn']")).isEqualTo(String.valueOf(wrongTurns.size() - truePositives));
      long fakes = reports.get(id).values().stream().filter(entry -> Boolean.TRUE.equals(entry.getBoolean("epcFake"))).count();
      assertThat(cell("#metrics tr[data-detector='" + id + "'][data-type='epcFake'] td[data-metric='fp']"))
          .isEqualTo(String.valueOf(fakes));
    }
    assertThat(page.findElement(By.id("evaluation-note")).getText())
        .contains("70 events labelled").contains("1 label lines could not be read").contains("line 72");
    browser.screenshot(page.findElement(By.id("evaluation")), SHOTS.resolve("evaluation.png"));
  }

  @Test
  @DisplayName("stays readable in a narrow window: only the tables scroll sideways, not the page")
  void narrowWindow() throws IOException {
    browser.resize(420, 900);
    loadSample("data/legacy_request_example.json");
    page.findElement(By.cssSelector("#events tbody tr")).click();
    Await.until("the trail is shown", LOAD, () -> page.findElement(By.id("trail")).isDisplayed());

    browser.screenshot(SHOTS.resolve("narrow.png"));
    Object overflow = page.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    Object widest = page.executeScript("const w = document.documentElement.clientWidth; return [...document.querySelectorAll("
        + "'body *')].filter(e => !e.closest('.table-scroll') && e.getBoundingClientRect().right > w).slice(0, 12).map(e => e.tagName + '#' + e.id"
        + " + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right) + '/' + w).join(', ')");
    assertThat(((Number) overflow).intValue()).as("pixels the page is wider than the window (%s)", widest)
        .isLessThanOrEqualTo(0);
  }

  @Test
  @DisplayName("loads nothing from anywhere but the gateway, which forbids other origins in its Content-Security-Policy")
  @SuppressWarnings("unchecked")
  void everythingComesFromTheGateway() throws IOException {
    loadSample("data/raw_sample.tsv");
    String origin = "http://127.0.0.1:" + gateway.gateway().port() + "/";
    List<String> loaded = (List<String>) page.executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)");

    assertThat(loaded).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
    assertThat(loaded).anySatisfy(url -> assertThat(url).endsWith("/ui/data/locations.csv"));
    assertThat(gateway.get("/ui/").getHeader("Content-Security-Policy")).startsWith("default-src 'self';");
  }

  // ---- driving the page ----

  private void loadSample(String path) throws IOException {
    new Select(page.findElement(By.id("sample"))).selectByValue(path);
    page.findElement(By.id("load-sample")).click();
    awaitResults();
    browser.screenshot(SHOTS.resolve("loaded.png"));
  }

  private void paste(String request) {
    page.executeScript("document.getElementById('paste').value = arguments[0]", request);
    page.findElement(By.id("analyse")).click();
    awaitResults();
  }

  private void awaitResults() {
    String state = Await.until("the page shows the detectors' answers", LOAD,
        () -> page.findElement(By.id("status")).getAttribute("data-state"), s -> "done".equals(s) || "failed".equals(s));
    assertThat(state).as("the page's state; its error: %s", page.findElement(By.id("error")).getText()).isEqualTo("done");
  }

  private String cell(String css) {
    return page.findElement(By.cssSelector(css)).getText().replace(",", "");
  }

  private List<String> rowIds() {
    return page.findElements(By.cssSelector("#events tbody tr")).stream()
        .map(tr -> tr.getAttribute("data-event-id")).toList();
  }

  /** Per event id, per "detector type": the text of each score cell on the current page. */
  @SuppressWarnings("unchecked")
  private Map<String, Map<String, String>> shownScores() {
    List<List<Object>> rows = (List<List<Object>>) page.executeScript("return [...document.querySelectorAll("
        + "'#events tbody tr')].map(tr => [tr.dataset.eventId, [...tr.querySelectorAll('td[data-detector]')]"
        + ".map(td => td.dataset.detector + ' ' + td.dataset.type + '=' + td.textContent)])");
    Map<String, Map<String, String>> shown = new LinkedHashMap<>();
    for (List<Object> row : rows) {
      Map<String, String> cells = new LinkedHashMap<>();
      for (Object cell : (List<Object>) row.get(1)) {
        String[] parts = ((String) cell).split("=", 2);
        cells.put(parts[0], parts[1]);
      }
      shown.put((String) row.get(0), cells);
    }
    return shown;
  }

  // ---- what /api/compare says ----

  private JsonObject compare(String request) {
    var response = gateway.post("/api/compare", request);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  private static List<String> legacyEventIds() {
    List<String> ids = new ArrayList<>();
    new JsonObject(LEGACY).getJsonArray("data").forEach(item -> ids.add(String.valueOf(((JsonObject) item).getLong("eventId"))));
    return ids;
  }

  /** Per detector id, per event id: its EventHistory entry (single-file requests). */
  private static Map<String, Map<String, JsonObject>> reports(JsonObject compare) {
    Map<String, Map<String, JsonObject>> reports = new LinkedHashMap<>();
    for (Object d : compare.getJsonArray("detectors")) {
      JsonObject detector = (JsonObject) d;
      Map<String, JsonObject> byEvent = new LinkedHashMap<>();
      for (Object e : detector.getJsonObject("response").getJsonArray("EventHistory")) {
        JsonObject entry = (JsonObject) e;
        byEvent.put(String.valueOf(entry.getLong("eventId")), entry);
      }
      reports.put(detector.getString("id"), byEvent);
    }
    return reports;
  }

  private static Map<String, Map<String, String>> expectedScores(JsonObject compare, List<String> eventIds) {
    Map<String, Map<String, JsonObject>> reports = reports(compare);
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    for (String id : eventIds) {
      Map<String, String> cells = new LinkedHashMap<>();
      reports.forEach((detector, byEvent) -> {
        JsonObject entry = byEvent.get(id);
        for (String type : TYPES) {
          boolean reported = entry != null && Boolean.TRUE.equals(entry.getBoolean(type));
          cells.put(detector + " " + type, reported ? String.format("%.1f", entry.getDouble(type + "Score")) : "–");
        }
      });
      expected.put(id, cells);
    }
    return expected;
  }

  /** The events whose verdicts differ between detectors on some type ({@code null}: every event id reported by any). */
  private static Set<String> disagreements(JsonObject compare, List<String> eventIds) {
    Map<String, Map<String, JsonObject>> reports = reports(compare);
    Set<String> candidates = new TreeSet<>();
    if (eventIds != null) {
      candidates.addAll(eventIds);
    } else {
      reports.values().forEach(byEvent -> candidates.addAll(byEvent.keySet()));
    }
    Set<String> disagreeing = new TreeSet<>();
    for (String id : candidates) {
      for (String type : TYPES) {
        long reporting = reports.values().stream().filter(byEvent -> byEvent.containsKey(id)
            && Boolean.TRUE.equals(byEvent.get(id).getBoolean(type))).count();
        if (reporting > 0 && reporting < reports.size()) {
          disagreeing.add(id);
        }
      }
    }
    return disagreeing;
  }

  private static String verdict(JsonObject compare, long eventId) {
    String id = String.valueOf(eventId);
    Map<String, Map<String, JsonObject>> reports = reports(compare);
    if (disagreements(compare, List.of(id)).contains(id)) {
      return "disagree";
    }
    return reports.values().stream().anyMatch(byEvent -> byEvent.containsKey(id)) ? "anomaly" : "normal";
  }
}
