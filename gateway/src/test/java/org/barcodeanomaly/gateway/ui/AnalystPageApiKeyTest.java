package org.barcodeanomaly.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.barcodeanomaly.gateway.config.SecurityConfig;
import org.barcodeanomaly.gateway.testing.Await;
import org.barcodeanomaly.gateway.testing.HeadlessChromium;
import org.barcodeanomaly.gateway.testing.RunningGateway;
import org.barcodeanomaly.gateway.testing.ServedDetectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The analyst's page on a gateway that needs an API key: the page itself holds no data, so it
 * loads without one, but nothing it shows comes without the key, and the analyst is told where
 * to type it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The analyst's page on a gateway with API keys")
class AnalystPageApiKeyTest {

  private static final Duration LOAD = Duration.ofSeconds(60);
  private static final String KEY = "analyst-key-17";

  private HeadlessChromium browser;
  private ChromeDriver page;
  private Vertx client;
  private RunningGateway gateway;

  @BeforeAll
  void start(@TempDir Path home) throws IOException {
    browser = HeadlessChromium.start(1280, 800);
    page = browser.driver();
    client = Vertx.vertx();
    gateway = ServedDetectors.start(client, ServedDetectors.config(home, List.of("rule"))
        .setSecurity(new SecurityConfig().setApiKeys(List.of(KEY))), List.of("rule"));
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

  @Test
  @DisplayName("shows nothing without the key and says where to type it; with the key typed in, answers")
  void needsTheKeyForEveryAnswer() {
    page.get("http://127.0.0.1:" + gateway.gateway().port() + "/ui/");
    Await.until("the detector list reports the refusal", LOAD, () ->
        page.findElement(By.cssSelector("#detector-table tbody")).getText().contains("401"));

    page.findElement(By.id("load-sample")).click();
    WebElement error = page.findElement(By.id("error"));
    Await.until("the error is shown", LOAD, error::isDisplayed);
    assertThat(error.getText()).contains("401").contains("API key");
    assertThat(page.findElement(By.id("results")).isDisplayed()).isFalse();

    page.findElement(By.id("api-key")).sendKeys(KEY);
    page.findElement(By.id("load-sample")).click();
    Await.until("the page shows the rule detector's answer", LOAD,
        () -> "done".equals(page.findElement(By.id("status")).getAttribute("data-state")));
    assertThat(page.findElement(By.id("error")).isDisplayed()).isFalse();
    assertThat(page.findElements(By.cssSelector("#events tbody tr"))).hasSize(8);
  }
}
