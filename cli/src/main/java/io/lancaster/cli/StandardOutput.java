package io.lancaster.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output as a UTF-8 {@link PrintStream} that remembers why a write failed, so that a reader
 * that went away ({@code lancaster tojson big.avro | head}) ends the command quietly, like a Unix tool killed by
 * SIGPIPE, while any other write failure (a full disk) is reported.
 */
final class StandardOutput extends PrintStream {
  private final Recorder recorder;

  private StandardOutput(Recorder recorder) {
    super(recorder, false, StandardCharsets.UTF_8);
    this.recorder = recorder;
  }

  static StandardOutput open() {
    return new StandardOutput(new Recorder(new FileOutputStream(FileDescriptor.out)));
  }

  /** True when a write failed because the reading end of the pipe was closed. */
  boolean brokenPipe() {
    IOException e = recorder.failure;
    return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
  }

  private static final class Recorder extends OutputStream {
    private final OutputStream out;
    private IOException failure;

    Recorder(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        record(e);
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        record(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    private void record(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
