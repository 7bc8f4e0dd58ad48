package io.lancaster.avro.file;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.codec.UnsupportedCodecException;
import io.lancaster.avro.generic.DatumWriter;
import io.lancaster.avro.generic.GenericDatumWriter;
import io.lancaster.avro.io.BufferEncoder;
import io.lancaster.avro.io.GrowableBytes;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.Schema;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes an Avro object container file. Configure it first (codec, sync interval, metadata, sync marker), then
 * {@link #create} a new file or {@link #appendTo} an existing one, {@link #append} records and {@link #close}.
 *
 * <p>Records are encoded into an in-memory block; once the block reaches the sync interval it is compressed and
 * written with its record count, byte size and the sync marker. A record that fails to encode (an
 * {@link io.lancaster.avro.AvroTypeException} for a value that does not fit the schema) is rolled back out of the
 * block, so the file stays valid and the writer usable.
 *
 * <p>The writer owns its output stream and closes it. Not thread-safe.
 *
 * @param <D> the type of the records, as the datum writer takes them; generic values by default
 */
public final class DataFileWriter<D> implements Closeable, Flushable {
  /** Default sync interval, Apache Avro's: 4000 times the sync marker's size, 64000 bytes. */
  public static final int DEFAULT_SYNC_INTERVAL = 4000 * DataFileFormat.SYNC_SIZE;
  public static final int MIN_SYNC_INTERVAL = 32;
  public static final int MAX_SYNC_INTERVAL = 1 << 30;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Function<? super Schema, ? extends DatumWriter<? super D>> datumWriters;
  private Codec codec;
  private int syncInterval = DEFAULT_SYNC_INTERVAL;
  private final Map<String, byte[]> userMeta = new LinkedHashMap<>();
  private byte[] syncMarker;

  // set by create or appendTo
  private Schema schema;
  private DatumWriter<? super D> datumWriter;
  private BlockWriter blocks;
  private final GrowableBytes buffer = new GrowableBytes(64 * 1024);
  private final BufferEncoder encoder = new BufferEncoder(buffer);
  private long blockRecords;
  private boolean open;
  private boolean closed;

  /** A writer whose datum writer is made from the file's schema by {@code factory}. */
  public DataFileWriter(Function<? super Schema, ? extends DatumWriter<? super D>> factory) {
    this.datumWriters = Objects.requireNonNull(factory, "factory");
  }

  /** A writer that writes records with {@code writer}, which must match the schema given to {@link #create}. */
  public DataFileWriter(DatumWriter<? super D> writer) {
    Objects.requireNonNull(writer, "writer");
    this.datumWriters = schema -> writer;
  }

  /** A writer of generic values ({@link io.lancaster.avro.generic.GenericRecord} etc.). */
  public static DataFileWriter<Object> generic() {
    return new DataFileWriter<>(GenericDatumWriter::new);
  }

  // ---- configuration, before create or appendTo

  /** The codec that compresses blocks; the null codec by default. The writer owns and closes it. */
  public DataFileWriter<D> setCodec(Codec newCodec) {
    checkNotOpen();
    this.codec = Objects.requireNonNull(newCodec, "codec");
    return this;
  }

  /**
   * Approximate size of the uncompressed data of a block: a block is written once its records reach this many
   * bytes. Between {@value #MIN_SYNC_INTERVAL} and {@value #MAX_SYNC_INTERVAL}; {@value #DEFAULT_SYNC_INTERVAL} by
   * default.
   */
  public DataFileWriter<D> setSyncInterval(int bytes) {
    checkNotOpen();
    if (bytes < MIN_SYNC_INTERVAL || bytes > MAX_SYNC_INTERVAL) {
      throw new IllegalArgumentException("sync interval must be between " + MIN_SYNC_INTERVAL + " and "
          + MAX_SYNC_INTERVAL + " bytes, got " + bytes);
    }
    this.syncInterval = bytes;
    return this;
  }

  /** Adds user metadata to the header. Keys starting with "avro." are reserved by the spec and refused. */
  public DataFileWriter<D> setMeta(String key, byte[] value) {
    checkNotOpen();
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (key.startsWith(DataFileFormat.RESERVED_PREFIX)) {
      throw new IllegalArgumentException("metadata key \"" + key + "\" is reserved: keys starting with \""
          + DataFileFormat.RESERVED_PREFIX + "\" belong to the Avro format");
    }
    userMeta.put(key, value.clone());
    return this;
  }

  /** Adds user metadata, stored as UTF-8. */
  public DataFileWriter<D> setMeta(String key, String value) {
    return setMeta(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds user metadata, stored as the decimal string of {@code value} (as Apache Avro does). */
  public DataFileWriter<D> setMeta(String key, long value) {
    return setMeta(key, Long.toString(value));
  }

  /** Uses a fixed sync marker instead of a random one (for reproducible files). */
  public DataFileWriter<D> setSyncMarker(byte[] sync) {
    checkNotOpen();
    if (sync.length != DataFileFormat.SYNC_SIZE) {
      throw new IllegalArgumentException("a sync marker has " + DataFileFormat.SYNC_SIZE + " bytes, got "
          + sync.length);
    }
    this.syncMarker = sync.clone();
    return this;
  }

  // ---- opening

  /** Starts a new file on {@code out}, which must be at the file's start; the writer owns and closes it. */
  public DataFileWriter<D> create(Schema fileSchema, OutputStream out) throws IOException {
    checkNotOpen();
    Objects.requireNonNull(fileSchema, "schema");
    Objects.requireNonNull(out, "out");
    Codec c = codec != null ? codec : CodecFactory.nullCodec();
    byte[] sync = syncMarker;
    if (sync == null) {
      sync = new byte[DataFileFormat.SYNC_SIZE];
      RANDOM.nextBytes(sync);
    }
    Map<String, byte[]> meta = new LinkedHashMap<>();
    meta.put(DataFileFormat.SCHEMA_KEY, fileSchema.toString().getBytes(StandardCharsets.UTF_8));
    meta.put(DataFileFormat.CODEC_KEY, c.name().getBytes(StandardCharsets.UTF_8));
    meta.putAll(userMeta);
    DatumWriter<? super D> w = datumWriters.apply(fileSchema);
    BlockWriter bw = new BlockWriter(out, c, sync, 0);
    byte[] header = encodeHeader(meta, sync);
    bw.writeRaw(header, 0, header.length);
    start(fileSchema, w, bw);
    return this;
  }

  /** Creates (or truncates) {@code file} and starts a new container file in it. */
  public DataFileWriter<D> create(Schema fileSchema, Path file) throws IOException {
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
    try {
      return create(fileSchema, out);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Opens an existing container file to add records after its last block, with its schema, codec and sync
   * marker. A codec set on this writer must have the file's codec name (it may differ in level); metadata cannot
   * be added to an existing file.
   */
  public DataFileWriter<D> appendTo(Path file) throws IOException {
    checkNotOpen();
    DataFileHeader header;
    long length;
    try (SeekableFileInput in = new SeekableFileInput(file)) {
      header = readExisting(in, file.toString());
      length = in.length();
    }
    OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    try {
      return openForAppend(header, out, length);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Like {@link #appendTo(Path)} for other storage: the existing file is read from {@code in} (not closed), and
   * new blocks go to {@code out}, which must append to the end of that same file.
   */
  public DataFileWriter<D> appendTo(SeekableInput in, OutputStream out) throws IOException {
    checkNotOpen();
    DataFileHeader header = readExisting(in, "the existing file");
    return openForAppend(header, out, in.length());
  }

  private static DataFileHeader readExisting(SeekableInput in, String name) throws IOException {
    BufferedInput input = BufferedInput.of(in);
    DataFileHeader header = HeaderReader.read(input, ReadLimits.DEFAULT, name);
    // A complete file ends with a sync marker: the header's, or its last block's.
    long length = in.length();
    byte[] tail = new byte[DataFileFormat.SYNC_SIZE];
    in.seek(length - tail.length);
    int n = 0;
    while (n < tail.length) {
      int r = in.read(tail, n, tail.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    if (n < tail.length || !header.syncEquals(tail, 0)) {
      throw new CorruptDataException("cannot append: " + name + " does not end with its sync marker (a "
          + "truncated or unfinished file)").withFile(name).withOffset(length);
    }
    return header;
  }

  private DataFileWriter<D> openForAppend(DataFileHeader header, OutputStream out, long length) throws IOException {
    if (!userMeta.isEmpty()) {
      throw new IllegalStateException("metadata " + userMeta.keySet() + " cannot be added to an existing file");
    }
    if (syncMarker != null && !header.syncEquals(syncMarker, 0)) {
      throw new IllegalStateException("the existing file has another sync marker than the one set on this writer");
    }
    Codec c;
    if (codec != null) {
      if (!codec.name().equals(header.codecName())) {
        throw new IllegalStateException("the existing file uses the " + header.codecName()
            + " codec; this writer was given " + codec.name());
      }
      c = codec;
    } else {
      try {
        c = CodecFactory.forName(header.codecName());
      } catch (UnsupportedCodecException e) {
        throw new AvroDataException("cannot append: " + e.getMessage(), e);
      }
    }
    DatumWriter<? super D> w = datumWriters.apply(header.schema());
    start(header.schema(), w, new BlockWriter(out, c, header.syncUnsafe(), length));
    return this;
  }

  private void start(Schema fileSchema, DatumWriter<? super D> w, BlockWriter bw) {
    this.schema = fileSchema;
    this.datumWriter = Objects.requireNonNull(w, "the datum writer factory returned null");
    this.blocks = bw;
    this.open = true;
  }

  private static byte[] encodeHeader(Map<String, byte[]> meta, byte[] sync) {
    GrowableBytes bytes = new GrowableBytes();
    BufferEncoder e = new BufferEncoder(bytes);
    bytes.write(DataFileFormat.MAGIC, 0, DataFileFormat.MAGIC.length);
    e.writeMapStart(meta.size());
    for (Map.Entry<String, byte[]> entry : meta.entrySet()) {
      e.writeString(entry.getKey());
      e.writeBytes(entry.getValue());
    }
    e.writeMapEnd();
    e.writeFixed(sync);
    return bytes.toByteArray();
  }

  // ---- writing

  /** The file's schema (after create or appendTo). */
  public Schema schema() {
    return schema;
  }

  /**
   * Appends a record. If it cannot be encoded, its partial bytes are removed from the block and the exception is
   * rethrown; the file and the writer stay valid.
   */
  public void append(D datum) throws IOException {
    checkOpen();
    int before = buffer.size();
    try {
      datumWriter.write(datum, encoder);
    } catch (Throwable t) {
      buffer.setSize(before);
      throw t;
    }
    blockRecords++;
    if (buffer.size() >= syncInterval) {
      writeBlock();
    }
  }

  private void writeBlock() throws IOException {
    if (blockRecords > 0) {
      blocks.writeBlock(blockRecords, buffer.array(), buffer.size());
      buffer.reset();
      blockRecords = 0;
    }
  }

  /**
   * Ends the current block (writing it if it holds records) and returns the position where the next block
   * starts, a position {@link DataFileReader#seek(long)} accepts.
   */
  public long sync() throws IOException {
    checkOpen();
    writeBlock();
    return blocks.position();
  }

  /** Writes the current block, if any, and flushes the output. */
  @Override
  public void flush() throws IOException {
    checkOpen();
    writeBlock();
    blocks.flush();
  }

  /** Bytes written to the file so far, pending records excluded. */
  public long position() {
    checkOpen();
    return blocks.position();
  }

  /** Writes the last block and closes the output. Closing again does nothing. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!open) {
      if (codec != null) {
        codec.close();
      }
      return;
    }
    try {
      writeBlock();
      blocks.flush();
    } finally {
      blocks.close();
    }
  }

  private void checkNotOpen() {
    if (open || closed) {
      throw new IllegalStateException("the writer is already " + (closed ? "closed" : "writing a file")
          + "; configure it before create or appendTo");
    }
  }

  private void checkOpen() {
    if (!open || closed) {
      throw new IllegalStateException(closed ? "the writer is closed" : "call create or appendTo first");
    }
  }
}
