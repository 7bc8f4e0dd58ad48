package io.lancaster.avro.file;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.codec.UnsupportedCodecException;
import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.Schema;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads an Avro object container file: its header, then its records one by one ({@link #hasNext()} /
 * {@link #next()}) or its decompressed data blocks whole ({@link #nextBlock()}, for columnar readers).
 *
 * <p><b>Splits.</b> Over a {@link SeekableInput}, {@link #sync(long)} and {@link #pastSync(long)} have the
 * semantics of Apache Avro's {@code DataFileReader}: a block belongs to the byte range that contains the first
 * byte of the sync marker before it (for the first block, the header's own marker). So for any partition of
 * {@code [0, length)} into ranges {@code [start, end)}, readers that call {@code sync(start)} and then read while
 * {@code !pastSync(end)} together read every record exactly once.
 *
 * <p><b>Errors.</b> Problems of the data raise {@link AvroDataException}s naming the file; those in a data block
 * name the block's number and start offset too, and the offset within the block's data where decoding failed.
 * After such an error the reader refuses to go on ({@link IllegalStateException}) until {@link #sync(long)} or
 * {@link #seek(long)} moves it elsewhere.
 *
 * <p>A reader owns its input and closes it. Not thread-safe.
 *
 * @param <D> the type of the records, given by {@link ReadOptions}'s datum reader; generic values by default
 */
public final class DataFileReader<D> implements Iterable<D>, Closeable {
  private enum State {
    /** Between blocks: the input is at the start of a block (or at the end). */
    BETWEEN,
    /** The next block's count and size are read, nothing more; its count is not 0. */
    PEEKED,
    /** Records of the current block are being returned; at least one is left. */
    DECODING,
    /** An error happened; only sync or seek continue. */
    FAILED
  }

  private final String name;
  private final BufferedInput in;
  private final DataFileHeader header;
  private final BlockReader blocks;
  private final DatumReader<D> datumReader;
  private final ByteArrayDecoder decoder;
  private State state = State.BETWEEN;
  private Exception failure;
  private long remaining;
  /** Start of the block whose records come next: Apache Avro's "previous sync". */
  private long blockStart;

  private DataFileReader(BufferedInput in, String name, ReadOptions<D> options) throws IOException {
    this.name = name;
    this.in = in;
    ReadLimits limits = options.limits();
    this.header = HeaderReader.read(in, limits, name);
    Codec codec;
    try {
      codec = CodecFactory.forName(header.codecName());
    } catch (UnsupportedCodecException e) {
      throw new AvroDataException(e.getMessage(), e).withFile(name);
    }
    this.blocks = new BlockReader(in, header, codec, limits, name);
    this.datumReader = options.datumReaderFor(header.schema());
    this.decoder = new ByteArrayDecoder(new byte[0], limits);
    this.blockStart = header.length();
  }

  // ---- opening

  /** Opens a local file for generic records with the default limits. */
  public static DataFileReader<Object> open(Path file) throws IOException {
    return open(file, ReadOptions.defaults());
  }

  public static <D> DataFileReader<D> open(Path file, ReadOptions<D> options) throws IOException {
    return open(new SeekableFileInput(file), file.toString(), options);
  }

  /** Opens a seekable input, which the reader then owns; {@code name} identifies it in errors. */
  public static DataFileReader<Object> open(SeekableInput in, String name) throws IOException {
    return open(in, name, ReadOptions.defaults());
  }

  public static <D> DataFileReader<D> open(SeekableInput in, String name, ReadOptions<D> options)
      throws IOException {
    BufferedInput input;
    try {
      input = BufferedInput.of(in);
    } catch (IOException | RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    }
    return open(input, name, options);
  }

  /**
   * Opens a stream for reading from its current position to its end, forward only: {@link #sync(long)},
   * {@link #seek(long)} and {@link #pastSync(long)} are not supported. The reader owns the stream.
   */
  public static DataFileReader<Object> open(InputStream in, String name) throws IOException {
    return open(in, name, ReadOptions.defaults());
  }

  public static <D> DataFileReader<D> open(InputStream in, String name, ReadOptions<D> options) throws IOException {
    return open(BufferedInput.of(in), name, options);
  }

  private static <D> DataFileReader<D> open(BufferedInput in, String name, ReadOptions<D> options)
      throws IOException {
    try {
      return new DataFileReader<>(in, name, options);
    } catch (IOException | RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    }
  }

  private static void closeQuietly(Closeable c, Exception primary) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      primary.addSuppressed(e);
    }
  }

  // ---- the header

  public DataFileHeader header() {
    return header;
  }

  /** The writer's schema. */
  public Schema schema() {
    return header.schema();
  }

  /** All metadata, with the {@code avro.*} entries; values are copies. */
  public Map<String, byte[]> metadata() {
    return header.metadata();
  }

  public byte[] meta(String key) {
    return header.meta(key);
  }

  public String metaString(String key) {
    return header.metaString(key);
  }

  /** The {@code avro.codec} name ("null" when absent). */
  public String codecName() {
    return header.codecName();
  }

  /** The file's sync marker (a copy). */
  public byte[] sync() {
    return header.sync();
  }

  /** The name errors give the file. */
  public String name() {
    return name;
  }

  // ---- records

  /** True when another record follows; reads the next block's header when the current block is done. */
  public boolean hasNext() throws IOException {
    if (state == State.DECODING) {
      return true;
    }
    checkUsable();
    try {
      return findRecordBlock();
    } catch (IOException | RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  /** Moves to the next block that holds records, passing empty ones; false at the end of the input. */
  private boolean findRecordBlock() throws IOException {
    while (true) {
      if (state == State.BETWEEN) {
        if (!blocks.readHeader()) {
          return false;
        }
        state = State.PEEKED;
      }
      if (blocks.count() > 0) {
        return true;
      }
      blocks.readBody();
      blocks.decompress(); // checks that an empty block holds no data
      blockStart = blocks.end();
      state = State.BETWEEN;
    }
  }

  /** The next record. */
  public D next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + name);
    }
    try {
      if (state == State.PEEKED) {
        loadBlock();
        decoder.reset(blocks.data(), 0, blocks.dataLength());
        remaining = blocks.count();
        state = State.DECODING;
      }
      D datum;
      try {
        datum = datumReader.read(decoder);
      } catch (AvroDataException e) {
        throw blocks.locate(e);
      }
      if (--remaining == 0) {
        if (!decoder.isEnd()) {
          throw blocks.locate(new CorruptDataException(blocks.label() + ": records ended at byte "
              + decoder.position() + " of " + blocks.dataLength()));
        }
        blockStart = blocks.end();
        state = State.BETWEEN;
      }
      return datum;
    } catch (IOException | RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  private void loadBlock() throws IOException {
    blocks.readBody();
    blocks.decompress();
  }

  /**
   * The next whole data block that holds records, decompressed, or null at the end of the input; empty blocks are
   * passed. Its data is valid until the next call on this reader. Cannot be called while the records of a block
   * are being read one by one.
   */
  public DataBlock nextBlock() throws IOException {
    if (state == State.DECODING) {
      throw new IllegalStateException(blocks.label() + " of " + name + " is being read record by record; "
          + remaining + " record(s) are left");
    }
    if (!hasNext()) {
      return null;
    }
    try {
      loadBlock();
    } catch (IOException | RuntimeException e) {
      fail(e);
      throw e;
    }
    blockStart = blocks.end();
    state = State.BETWEEN;
    return new DataBlock(blocks.number(), blocks.start(), blocks.count(), blocks.data(), 0, blocks.dataLength());
  }

  /** Iterates over the remaining records; I/O and data errors surface as {@link UncheckedIOException}. */
  @Override
  public Iterator<D> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return DataFileReader.this.hasNext();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public D next() {
        try {
          return DataFileReader.this.next();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  // ---- positioning (seekable inputs only)

  /**
   * Moves to the first block after the first sync marker that starts at or after {@code position}; the first
   * block when {@code position} is at or before the header's own sync marker; the end of the file when no
   * marker follows.
   */
  public void sync(long position) throws IOException {
    requireSeekable("sync");
    if (position < 0) {
      throw new IllegalArgumentException("negative position " + position);
    }
    state = State.BETWEEN;
    failure = null;
    long firstBlock = header.length();
    if (position <= firstBlock - DataFileFormat.SYNC_SIZE) {
      // The header's marker is the first at or after position; never search the metadata, which may hold
      // the marker's bytes.
      in.seek(firstBlock);
      blockStart = firstBlock;
      blocks.expectBlock(0);
      return;
    }
    in.seek(position);
    long marker = in.indexOf(header.syncUnsafe());
    if (marker >= 0) {
      in.seek(marker + DataFileFormat.SYNC_SIZE);
    }
    blockStart = in.position();
    blocks.expectBlock(-1);
  }

  /**
   * Moves to {@code position}, which must be the start of a block (for example a value returned by
   * {@link DataFileWriter#sync()}) or the end of the file.
   */
  public void seek(long position) throws IOException {
    requireSeekable("seek");
    if (position < header.length() || position > in.length()) {
      throw new IllegalArgumentException("position " + position + " is outside the data blocks of " + name + " ["
          + header.length() + ", " + in.length() + "]");
    }
    state = State.BETWEEN;
    failure = null;
    in.seek(position);
    blockStart = position;
    blocks.expectBlock(position == header.length() ? 0 : -1);
  }

  /**
   * True once the block of the next record starts at least a sync marker's length after {@code position}, or
   * the input is exhausted: the reader of a split {@code [start, end)} stops when {@code pastSync(end)}. When the
   * next block is not yet past, reads ahead over empty blocks (reading the next block's header) so that the answer
   * is about the block of the next record.
   */
  public boolean pastSync(long position) throws IOException {
    requireSeekable("pastSync");
    if (isPast(position)) {
      return true;
    }
    if (state == State.BETWEEN || state == State.PEEKED) {
      hasNext();
    }
    return isPast(position);
  }

  private boolean isPast(long position) {
    return blockStart - DataFileFormat.SYNC_SIZE >= position || blockStart >= in.length();
  }

  /**
   * Where the block of the next record starts (after all records of a block are read: where the following block
   * starts). Apache Avro's {@code previousSync()}.
   */
  public long previousSync() {
    return blockStart;
  }

  /** The position in the input up to which bytes have been read, for progress reports. */
  public long tell() {
    return in.position();
  }

  /** The input's length, or -1 for a stream. */
  public long length() {
    return in.length();
  }

  private void requireSeekable(String what) {
    if (!in.isSeekable()) {
      throw new UnsupportedOperationException(what + " needs a SeekableInput; " + name + " was opened as a stream");
    }
  }

  private void checkUsable() {
    if (state == State.FAILED) {
      throw new IllegalStateException("reading " + name + " failed earlier (" + failure.getMessage()
          + "); call sync or seek to go on elsewhere", failure);
    }
  }

  private void fail(Exception e) {
    state = State.FAILED;
    failure = e;
  }

  @Override
  public void close() throws IOException {
    try {
      blocks.close();
    } finally {
      in.close();
    }
  }
}
