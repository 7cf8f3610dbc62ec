package org.barcodeanomaly.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.barcodeanomaly.api.contract.ContractAnalysis;
import org.barcodeanomaly.api.contract.ContractFormatException;
import org.barcodeanomaly.api.contract.ContractOptions;
import org.barcodeanomaly.api.contract.ContractRequest;
import org.barcodeanomaly.api.contract.ContractRequestReader;
import org.barcodeanomaly.api.contract.ContractResponse;
import org.barcodeanomaly.api.contract.ContractResponseWriter;
import org.barcodeanomaly.pluginhost.PluginDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code anomaly analyze}: answers a JSON-contract request read from a file and prints the
 * response, so the contract can be used without a server.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = "Answer a JSON-contract request from a file; print the response JSON.")
public final class AnalyzeCommand implements Callable<Integer> {

  /** Exit status when the request itself is unusable (what the gateway answers with 400). */
  static final int EXIT_BAD_REQUEST = 2;

  @Mixin
  DetectorSelection selection;

  @Option(names = "--request", required = true, paramLabel = "FILE",
      description = "The request body: {\"data\": [ ...events... ]}.")
  Path request;

  @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE",
      description = "Zone of event times written without one (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(names = "--max-events", defaultValue = "1000000", paramLabel = "N",
      description = "Largest number of events accepted (default: ${DEFAULT-VALUE}).")
  int maxEvents;

  @Override
  public Integer call() throws Exception {
    ContractOptions options = new ContractOptions().setLocalTimeZone(zone).setMaxEvents(maxEvents);
    if (Files.isDirectory(request)) {
      throw new FileSystemException(request.toString(), null, "is a directory: name the request JSON file");
    }
    ContractRequest parsed;
    try {
      parsed = new ContractRequestReader(options).read(Files.readAllBytes(request));
    } catch (ContractFormatException e) {
      System.err.println("anomaly analyze: " + request + " is not a valid request: " + e.getMessage());
      return EXIT_BAD_REQUEST;
    }
    try (PluginDirectory.OpenDetector open = selection.open()) {
      ContractResponse response = ContractAnalysis.analyze(parsed, open.detector(),
          open.detector().version(), null);
      print(response);
    }
    return 0;
  }

  private static void print(ContractResponse response) throws IOException {
    OutputStream out = new BufferedOutputStream(System.out);
    new ContractResponseWriter().write(response, out);
    out.write('\n');
    out.flush();
  }
}
