package io.lancaster.hadoop.output;

import io.lancaster.avro.codec.Codec;
import io.lancaster.avro.codec.CodecFactory;
import io.lancaster.avro.file.DataBlock;
import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.io.GrowableBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The data blocks of an Avro file as stored (compressed) and as decoded, to check what codec and level wrote them:
 * a block compressed again with the expected codec and level must give the stored bytes exactly.
 */
public record ContainerBlocks(List<byte[]> stored, List<byte[]> decoded) {

  public static ContainerBlocks of(Path file) throws IOException {
    byte[] raw = Files.readAllBytes(file);
    List<byte[]> stored = new ArrayList<>();
    List<byte[]> decoded = new ArrayList<>();
    try (DataFileReader<Object> reader = DataFileReader.open(file)) {
      for (DataBlock b = reader.nextBlock(); b != null; b = reader.nextBlock()) {
        decoded.add(Arrays.copyOfRange(b.data(), b.offset(), b.offset() + b.length()));
        int[] pos = {(int) b.start()};
        readLong(raw, pos); // record count
        int size = (int) readLong(raw, pos);
        stored.add(Arrays.copyOfRange(raw, pos[0], pos[0] + size));
      }
    }
    return new ContainerBlocks(stored, decoded);
  }

  /** The blocks compressed again by {@code codec}, level {@code level} (null: the codec's default). */
  public List<byte[]> recompressed(String codec, Integer level) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Codec c = CodecFactory.fromOption(codec, level)) {
      for (byte[] d : decoded) {
        GrowableBytes bytes = new GrowableBytes();
        c.compress(d, 0, d.length, bytes);
        out.add(Arrays.copyOf(bytes.array(), bytes.size()));
      }
    }
    return out;
  }

  /** Whether {@code blocks} are byte for byte the stored blocks. */
  public boolean storedEquals(List<byte[]> blocks) {
    if (blocks.size() != stored.size()) {
      return false;
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (!Arrays.equals(blocks.get(i), stored.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static long readLong(byte[] b, int[] pos) {
    long n = 0;
    int shift = 0;
    int x;
    do {
      x = b[pos[0]++] & 0xff;
      n |= (long) (x & 0x7f) << shift;
      shift += 7;
    } while ((x & 0x80) != 0);
    return (n >>> 1) ^ -(n & 1);
  }
}
