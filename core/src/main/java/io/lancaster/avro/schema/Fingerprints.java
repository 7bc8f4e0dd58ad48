package io.lancaster.avro.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The spec's schema fingerprints over the Parsing Canonical Form: CRC-64-AVRO (Rabin), MD5 and SHA-256. */
public final class Fingerprints {
  /** The spec's EMPTY: the Rabin fingerprint of no bytes, which also seeds the table. */
  public static final long EMPTY64 = 0xc15d213aa4d7a795L;
  private static final long[] TABLE = table();

  private Fingerprints() {}

  private static long[] table() {
    long[] t = new long[256];
    for (int i = 0; i < 256; i++) {
      long fp = i;
      for (int j = 0; j < 8; j++) {
        fp = (fp >>> 1) ^ (EMPTY64 & -(fp & 1L));
      }
      t[i] = fp;
    }
    return t;
  }

  /** CRC-64-AVRO of arbitrary bytes. */
  public static long crc64(byte[] data) {
    long fp = EMPTY64;
    for (byte b : data) {
      fp = (fp >>> 8) ^ TABLE[(int) (fp ^ b) & 0xff];
    }
    return fp;
  }

  /** CRC-64-AVRO of the schema's Parsing Canonical Form: the fingerprint single-object encoding uses. */
  public static long crc64(Schema schema) {
    return crc64(canonicalBytes(schema));
  }

  public static byte[] md5(Schema schema) {
    return digest("MD5", canonicalBytes(schema));
  }

  public static byte[] sha256(Schema schema) {
    return digest("SHA-256", canonicalBytes(schema));
  }

  /** The fingerprint by the spec's algorithm names: "CRC-64-AVRO", "MD5" or "SHA-256". */
  public static byte[] fingerprint(String algorithm, Schema schema) {
    switch (algorithm.toUpperCase(java.util.Locale.ROOT)) {
      case "CRC-64-AVRO":
      case "CRC64": {
        long fp = crc64(schema);
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
          out[i] = (byte) (fp >>> (8 * i)); // little-endian, as single-object encoding writes it
        }
        return out;
      }
      case "MD5":
        return md5(schema);
      case "SHA-256":
      case "SHA256":
        return sha256(schema);
      default:
        throw new IllegalArgumentException("unknown fingerprint algorithm " + algorithm
            + " (CRC-64-AVRO, MD5 or SHA-256)");
    }
  }

  private static byte[] canonicalBytes(Schema schema) {
    return CanonicalForm.of(schema).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
