package org.barcodeanomaly.contract;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a compatibility kit's subclass in a JUnit launcher of its own and tells which checks failed,
 * so the kits' self-tests can prove that each check fails for the detector that breaks it.
 */
final class KitRun {

  private KitRun() {
  }

  /** The method names of the checks of {@code kit} that did not pass (failed, or aborted). */
  static Set<String> failedChecks(Class<?> kit) {
    Set<String> failed = new TreeSet<>();
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
          failed.add(test.getSource().filter(MethodSource.class::isInstance)
              .map(source -> ((MethodSource) source).getMethodName()).orElse(test.getDisplayName()));
        }
      }
    };
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build(),
        listener);
    return failed;
  }

  /** The method names of every check of {@code kit}: its {@code @Test} methods and its {@code @Nested} classes'. */
  static Set<String> checks(Class<?> kit) {
    Set<String> names = new TreeSet<>();
    collect(kit, names);
    return names;
  }

  private static void collect(Class<?> type, Set<String> names) {
    Arrays.stream(type.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(Test.class))
        .map(Method::getName).forEach(names::add);
    Stream.of(type.getDeclaredClasses()).filter(nested -> nested.isAnnotationPresent(Nested.class))
        .forEach(nested -> collect(nested, names));
  }
}
