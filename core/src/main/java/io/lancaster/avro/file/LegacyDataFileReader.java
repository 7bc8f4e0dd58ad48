package io.lancaster.avro.file;

import io.lancaster.avro.AvroDataException;
import io.lancaster.avro.CorruptDataException;
import io.lancaster.avro.generic.DatumReader;
import io.lancaster.avro.io.ByteArrayDecoder;
import io.lancaster.avro.io.InputStreamDecoder;
import io.lancaster.avro.io.ReadLimits;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.SchemaParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads container files of Avro 1.2, an obsolete format (magic {@code 'O','b','j',0}) that Apache Avro Java still
 * reads: the metadata ({@code schema}, {@code sync}, {@code codec}, {@code count}) is in a footer at the end of the
 * file, whose last four bytes give the footer's size, and each block is a sync marker, a record count and the
 * records, with no byte size. Only the null codec existed. Records are read in order; there is no split support.
 *
 * @param <D> the type of the records, given by {@link ReadOptions}'s datum reader
 */
public final class LegacyDataFileReader<D> implements Closeable {
  /** The magic of Avro 1.2 container files. */
  public static final byte[] MAGIC = {'O', 'b', 'j', 0};
  private static final long FOOTER_BLOCK = -1;

  private final SeekableInput input;
  private final String name;
  private final Map<String, byte[]> metadata;
  private final Schema schema;
  private final byte[] sync;
  private final DatumReader<D> datumReader;
  private final InputStreamDecoder decoder;
  private final ReadLimits limits;
  private final byte[] syncBuf = new byte[DataFileFormat.SYNC_SIZE];
  private long remaining;
  private long blockNumber = -1;
  private long blockStart;

  private LegacyDataFileReader(SeekableInput input, String name, ReadOptions<D> options) throws IOException {
    this.input = input;
    this.name = name;
    this.limits = options.limits();
    long length = input.length();
    byte[] magic = new byte[MAGIC.length];
    if (length < MAGIC.length + 4 || readAt(0, magic) < magic.length || !Arrays.equals(magic, MAGIC)) {
      throw new CorruptDataException("not an Avro 1.2 container file (magic "
          + HexFormat.ofDelimiter(" ").formatHex(magic) + ")").withFile(name).withOffset(0);
    }
    byte[] sizeBytes = new byte[4];
    readAt(length - 4, sizeBytes);
    long footerSize = ((sizeBytes[0] & 0xFFL) << 24) | ((sizeBytes[1] & 0xFF) << 16) | ((sizeBytes[2] & 0xFF) << 8)
        | (sizeBytes[3] & 0xFF);
    if (footerSize <= 4 || footerSize > length - MAGIC.length || footerSize - 4 > limits.maxBlockSize()) {
      throw new CorruptDataException("invalid footer size " + footerSize + " in a file of " + length + " bytes")
          .withFile(name).withOffset(length - 4);
    }
    long footerStart = length - footerSize;
    byte[] footer = new byte[(int) (footerSize - 4)];
    readAt(footerStart, footer);
    try {
      this.metadata = readMetadata(new ByteArrayDecoder(footer, limits));
      byte[] s = metadata.get("sync");
      if (s == null || s.length != DataFileFormat.SYNC_SIZE) {
        throw new CorruptDataException("the footer has no 16-byte sync marker");
      }
      this.sync = s;
      String codec = metaString("codec");
      if (codec != null && !codec.equals("null")) {
        throw new AvroDataException("unsupported codec '" + codec + "' in an Avro 1.2 file (only null existed)");
      }
      byte[] json = metadata.get("schema");
      if (json == null) {
        throw new CorruptDataException("the footer has no schema");
      }
      try {
        this.schema = SchemaParser.lenient().maxDepth(limits.maxSchemaDepth())
            .parse(new String(json, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new CorruptDataException("invalid schema in the footer: " + e.getMessage(), e);
      }
    } catch (AvroDataException e) {
      throw e.withFile(name).withOffset(footerStart);
    }
    this.datumReader = options.datumReaderFor(schema);
    input.seek(MAGIC.length);
    this.decoder = new InputStreamDecoder(new Stream(input), limits);
  }

  /** Opens an Avro 1.2 file; the reader owns the input. */
  public static <D> LegacyDataFileReader<D> open(SeekableInput in, String name, ReadOptions<D> options)
      throws IOException {
    try {
      return new LegacyDataFileReader<>(in, name, options);
    } catch (IOException | RuntimeException e) {
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public static LegacyDataFileReader<Object> open(Path file) throws IOException {
    return open(new SeekableFileInput(file), file.toString(), ReadOptions.defaults());
  }

  private int readAt(long pos, byte[] b) throws IOException {
    input.seek(pos);
    int n = 0;
    while (n < b.length) {
      int r = input.read(b, n, b.length - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  private static Map<String, byte[]> readMetadata(ByteArrayDecoder in) throws IOException {
    Map<String, byte[]> meta = new LinkedHashMap<>();
    for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
      for (long i = 0; i < n; i++) {
        meta.put(in.readString(), in.readBytes());
      }
    }
    return meta;
  }

  public Schema schema() {
    return schema;
  }

  /** The footer's metadata; values are copies. */
  public Map<String, byte[]> metadata() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    metadata.forEach((k, v) -> copy.put(k, v.clone()));
    return copy;
  }

  public String metaString(String key) {
    byte[] v = metadata.get(key);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }

  public boolean hasNext() throws IOException {
    while (remaining == 0) {
      if (decoder.isEnd()) {
        return false;
      }
      blockStart = MAGIC.length + decoder.position();
      blockNumber++;
      try {
        decoder.readFixed(syncBuf, 0, syncBuf.length);
        if (!Arrays.equals(syncBuf, sync)) {
          throw new CorruptDataException("sync marker mismatch before block " + blockNumber);
        }
        long count = decoder.readLong();
        if (count == FOOTER_BLOCK) {
          long size = decoder.readLong();
          if (size < 0 || size > Integer.MAX_VALUE) {
            throw new CorruptDataException("invalid footer size " + size);
          }
          decoder.skipFixed((int) size);
        } else if (count < 0) {
          throw new CorruptDataException("negative record count " + count + " of block " + blockNumber);
        } else {
          ReadLimits.check("maxBlockRecords", limits.maxBlockRecords(), count, "record count of block " + blockNumber);
          remaining = count;
        }
      } catch (AvroDataException e) {
        throw e.inBlock(name, blockNumber, blockStart);
      }
    }
    return true;
  }

  public D next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records in " + name);
    }
    try {
      D d = datumReader.read(decoder);
      remaining--;
      return d;
    } catch (AvroDataException e) {
      throw e.inBlock(name, blockNumber, blockStart);
    }
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  /** The input from its current position, as a stream. */
  private static final class Stream extends InputStream {
    private final SeekableInput in;

    Stream(SeekableInput in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }
  }
}
