package org.barcodeanomaly.api.scanfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.barcodeanomaly.api.event.ScanEvent;

/**
 * The scan files named by command-line PATH arguments, each with its file id. A file argument is
 * one file; a directory argument is every regular file directly in it, sorted by name. Ids are
 * 1, 2, 3, ... in that order, so the same arguments always number the files the same way. Immutable.
 */
public final class ScanFileSet {

  /** One file of the set and the file id its events carry. */
  public record NumberedFile(Path path, long fileId) { }

  private final List<NumberedFile> files;

  private ScanFileSet(List<NumberedFile> files) {
    this.files = List.copyOf(files);
  }

  /**
   * Expands {@code arguments} in order.
   *
   * @throws NoSuchFileException naming the argument that does not exist
   * @throws IOException when a directory holds no regular file or cannot be listed
   */
  public static ScanFileSet expand(List<Path> arguments) throws IOException {
    List<NumberedFile> files = new ArrayList<>();
    for (int i = 0; i < arguments.size(); i++) {
      for (Path file : filesOf(arguments.get(i), i + 1)) {
        files.add(new NumberedFile(file, files.size() + 1L));
      }
    }
    return new ScanFileSet(files);
  }

  /** The files, in id order. */
  public List<NumberedFile> files() {
    return files;
  }

  /**
   * Reads every file in id order with {@code reader}.
   *
   * @return one summary per file, in id order
   * @throws IOException as {@link ScanFileReader#read}, for the first file that cannot be read
   */
  public List<ScanFileSummary> read(ScanFileReader reader, Consumer<ScanEvent> events,
      Consumer<ScanFileProblem> problems) throws IOException {
    List<ScanFileSummary> summaries = new ArrayList<>(files.size());
    for (NumberedFile file : files) {
      summaries.add(reader.read(file.path(), file.fileId(), events, problems));
    }
    return summaries;
  }

  private static List<Path> filesOf(Path argument, int position) throws IOException {
    if (Files.isRegularFile(argument)) {
      return List.of(argument);
    }
    if (!Files.isDirectory(argument)) {
      throw new NoSuchFileException(argument.toString(), null,
          "argument " + position + " is neither a file nor a directory");
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(argument)) {
      files = listing.filter(Files::isRegularFile)
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .toList();
    }
    if (files.isEmpty()) {
      throw new IOException(argument + " (argument " + position + ") is a directory with no file in it: "
          + "name a file or a directory that holds scan files");
    }
    return files;
  }
}
