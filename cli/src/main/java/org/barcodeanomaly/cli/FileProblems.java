package org.barcodeanomaly.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Says what went wrong with a file in words a user can act on. The JDK's file exceptions often
 * carry only the path ({@code NoSuchFileException: /tmp/out/s.csv}), which leaves the user to
 * guess whether the file, its directory or a permission is the problem.
 */
final class FileProblems {

  private FileProblems() {
  }

  /** {@code <file>: <reason>}, naming the missing directory when that is what is missing. */
  static String describe(FileSystemException problem) {
    String reason = problem.getReason() != null ? problem.getReason() : reasonOf(problem);
    String other = problem.getOtherFile() == null ? "" : " -> " + problem.getOtherFile();
    return problem.getFile() + other + ": " + reason;
  }

  private static String reasonOf(FileSystemException problem) {
    if (problem instanceof NoSuchFileException) {
      return missing(Path.of(problem.getFile()));
    }
    if (problem instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (problem instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (problem instanceof NotDirectoryException) {
      return "is not a directory";
    }
    if (problem instanceof DirectoryNotEmptyException) {
      return "is a directory that is not empty";
    }
    return problem.getClass().getSimpleName();
  }

  private static String missing(Path file) {
    Path directory = file.toAbsolutePath().getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      return "no such file or directory (the directory " + directory + " does not exist)";
    }
    return "no such file or directory";
  }
}
