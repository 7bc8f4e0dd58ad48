package io.lancaster.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a binary {@link OutputStream}, for commands that write a container file to it
 * ({@code fromjson > out.avro}). The console's {@link PrintStream} passes bytes through unchanged, but it swallows
 * write errors and its {@code close()} would close the process's standard output; this stream buffers, turns a
 * failed write into {@link Failed} (so a writer stops at once, e.g. when the reader of a pipe went away; the
 * launcher then reports it, or not, as for any command) and on {@code close()} only flushes.
 */
final class BinaryOutput extends FilterOutputStream {
  private static final int BUFFER = 64 * 1024;

  /** Standard output refused bytes; the reason is the console stream's error state, which the launcher checks. */
  static final class Failed extends IOException {
    Failed() {
      super("error writing to standard output");
    }
  }

  private final PrintStream target;

  private BinaryOutput(PrintStream target) {
    super(target);
    this.target = target;
  }

  /** A buffered binary stream over the console's standard output. */
  static OutputStream of(Console console) {
    return new BufferedOutputStream(new BinaryOutput(console.out()), BUFFER);
  }

  @Override
  public void write(int b) throws IOException {
    target.write(b);
    check();
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    target.write(b, off, len);
    check();
  }

  @Override
  public void flush() throws IOException {
    target.flush();
    check();
  }

  /** Flushes; standard output stays open, it belongs to the process. */
  @Override
  public void close() throws IOException {
    flush();
  }

  private void check() throws Failed {
    if (target.checkError()) {
      throw new Failed();
    }
  }
}
