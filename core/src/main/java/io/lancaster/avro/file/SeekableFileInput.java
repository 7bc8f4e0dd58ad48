package io.lancaster.avro.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** A {@link SeekableInput} over a local file, read through a {@link FileChannel}. */
public final class SeekableFileInput implements SeekableInput {
  private final FileChannel channel;

  public SeekableFileInput(Path file) throws IOException {
    this(FileChannel.open(file, StandardOpenOption.READ));
  }

  /** Reads from {@code channel}, which this input then owns and closes. */
  public SeekableFileInput(FileChannel channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
  }

  @Override
  public long length() throws IOException {
    return channel.size();
  }

  @Override
  public void seek(long pos) throws IOException {
    if (pos < 0) {
      throw new IllegalArgumentException("negative position " + pos);
    }
    channel.position(pos);
  }

  @Override
  public long position() throws IOException {
    return channel.position();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (len == 0) {
      return 0;
    }
    int n;
    do {
      n = channel.read(ByteBuffer.wrap(b, off, len));
    } while (n == 0);
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
