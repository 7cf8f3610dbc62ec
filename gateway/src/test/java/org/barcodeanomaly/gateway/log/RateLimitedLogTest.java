package org.barcodeanomaly.gateway.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rate-limited failure logging and the audit log's line budget")
class RateLimitedLogTest {

  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

  @AfterEach
  void detach() {
    Logger.getLogger("rate-limited-test").removeHandler(capture);
    Logger.getLogger("org.barcodeanomaly.gateway.audit").removeHandler(capture);
  }

  @Test
  @DisplayName("one trace per key per interval; the next trace counts the lines suppressed in between")
  void tracesOncePerInterval() {
    Logger logger = Logger.getLogger("rate-limited-test");
    logger.setUseParentHandlers(false);
    logger.addHandler(capture);
    RateLimitedLog log = new RateLimitedLog(logger, 60_000_000_000L, nanos::get);
    IllegalStateException failure = new IllegalStateException("model crashed");

    for (int i = 0; i < 100; i++) {
      log.log(Level.WARNING, "svm", "event=detector_failed detector=svm", failure);
    }
    log.log(Level.WARNING, "lstm", "event=detector_failed detector=lstm", failure);
    nanos.addAndGet(60_000_000_000L);
    log.log(Level.WARNING, "svm", "event=detector_failed detector=svm", failure);

    assertThat(records).extracting(LogRecord::getMessage).containsExactly("event=detector_failed detector=svm",
        "event=detector_failed detector=lstm", "event=detector_failed detector=svm suppressedSinceLastTrace=99");
    assertThat(records).allSatisfy(record -> assertThat(record.getThrown()).isSameAs(failure));
  }

  @Test
  @DisplayName("the audit log writes at most auditLinesPerSecond lines a second and then says how many it dropped")
  void auditLinesPerSecond() {
    Logger audit = Logger.getLogger("org.barcodeanomaly.gateway.audit");
    Level level = audit.getLevel();
    audit.setLevel(Level.INFO);
    audit.addHandler(capture);
    try {
      AuditLog log = new AuditLog(true, 3, nanos::get);
      for (int i = 0; i < 10; i++) {
        log.refused("/api/x", "127.0.0.1", 400, "bad", 1_000_000);
      }
      nanos.addAndGet(1_000_000_000L);
      log.refused("/api/x", "127.0.0.1", 400, "bad", 1_000_000);
    } finally {
      audit.setLevel(level);
    }

    assertThat(records).hasSize(5);
    assertThat(records.get(3).getMessage()).startsWith("event=audit_dropped dropped=7 limit=3");
    assertThat(records.get(4).getMessage()).startsWith("event=request endpoint=/api/x");
  }
}
