package io.lancaster.cli;

import io.lancaster.avro.AvroDataException;
import java.io.EOFException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file that cannot be read or holds bad data, carrying the name the user typed; the launcher prints
 * {@code lancaster: <file>: <message>} and exits 1. The message is made for that one line: an
 * {@link AvroDataException} gives its detail and where it happened (block, offset, field) but not the file again.
 */
public final class FileException extends Exception {
  private final String file;

  public FileException(String file, Throwable cause) {
    super(describe(cause), cause);
    this.file = file;
  }

  public FileException(String file, String message) {
    super(message);
    this.file = file;
  }

  /** The file as the user named it ({@code -} for standard input). */
  public String file() {
    return file;
  }

  static String describe(Throwable t) {
    if (t instanceof UncheckedIOException u && u.getCause() != null) {
      t = u.getCause();
    }
    if (t instanceof AvroDataException d) {
      StringBuilder where = new StringBuilder();
      if (d.block() >= 0) {
        where.append("block ").append(d.block());
      }
      if (d.offset() >= 0) {
        where.append(where.isEmpty() ? "" : ", ").append("offset ").append(d.offset());
      }
      if (d.offsetInBlock() >= 0) {
        where.append(where.isEmpty() ? "" : ", ").append("byte ").append(d.offsetInBlock())
            .append(" of the block's data");
      }
      if (!d.fieldPath().isEmpty()) {
        where.append(where.isEmpty() ? "" : ", ").append("field ").append(d.fieldPath());
      }
      return where.isEmpty() ? d.detail() : d.detail() + " (" + where + ")";
    }
    if (t instanceof NoSuchFileException) {
      return "no such file";
    }
    if (t instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (t instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (t instanceof EOFException && (t.getMessage() == null || t.getMessage().isBlank())) {
      return "unexpected end of file";
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
