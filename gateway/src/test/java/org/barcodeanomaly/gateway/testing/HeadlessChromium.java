package org.barcodeanomaly.gateway.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver for the analyst page's
 * end-to-end tests. Both paths are set explicitly, so Selenium Manager never looks for (or
 * downloads) a browser or a driver; the flags keep chromium off the network (no background
 * requests, no component updates) and a fresh profile directory makes each run start clean.
 *
 * <p>Without chromium, a local run skips the browser tests with a message saying what to install;
 * under {@code CI=true} it fails instead, since CI must run them ({@code .ci/run} installs both).
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Debian's chromium. */
  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  /** Debian's chromedriver (package chromium-driver). */
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts chromium with a window of {@code width} x {@code height}; skips the calling test when
   * chromium or chromedriver is missing outside CI.
   *
   * @throws AssertionError under {@code CI=true} when either is missing
   */
  public static HeadlessChromium start(int width, int height) throws IOException {
    String missing = !Files.isExecutable(BROWSER) ? BROWSER.toString()
        : !Files.isExecutable(DRIVER) ? DRIVER.toString() : null;
    if (missing != null) {
      String message = missing + " is missing: install Debian's browser with"
          + " `apt-get install chromium chromium-driver` to run the analyst page's browser tests";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true: .ci/run installs them; they must run in CI)");
      }
      Assumptions.abort(message);
    }
    Path profile = Files.createTempDirectory("chromium-profile-");
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().window().setSize(new Dimension(width, height));
    return new HeadlessChromium(driver, profile);
  }

  /** The driver. */
  public ChromeDriver driver() {
    return driver;
  }

  /** Resizes the window (e.g. to a narrow one). */
  public void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  /** Saves a PNG of the whole window to {@code file}. */
  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /**
   * Saves a PNG of the whole of one element to {@code file}: the window is made as tall as the
   * page for the shot (headless chromium captures only what is in the window), then restored.
   */
  public void screenshot(WebElement element, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Dimension before = driver.manage().window().getSize();
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(before.getWidth(), Math.max(before.getHeight(), height.intValue() + 100)));
    try {
      Files.write(file, ((TakesScreenshot) element).getScreenshotAs(OutputType.BYTES));
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> walk = Files.walk(profile)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
