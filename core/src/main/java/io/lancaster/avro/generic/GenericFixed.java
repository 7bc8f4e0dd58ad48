package io.lancaster.avro.generic;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.schema.FixedSchema;
import java.util.Arrays;
import java.util.Objects;

/** A fixed value: exactly {@code schema.size()} bytes. */
public final class GenericFixed {
  private final FixedSchema schema;
  private final byte[] bytes;

  public GenericFixed(FixedSchema schema, byte[] bytes) {
    this.schema = Objects.requireNonNull(schema, "schema");
    if (bytes.length != schema.size()) {
      throw new AvroTypeException("fixed " + schema.fullName() + " holds " + schema.size() + " bytes, got "
          + bytes.length);
    }
    this.bytes = bytes;
  }

  public FixedSchema schema() {
    return schema;
  }

  /** The bytes themselves (not a copy). */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericFixed f && Arrays.equals(f.bytes, bytes) && f.schema.fullName().equals(schema.fullName());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return GenericToString.latin1(bytes, 0, bytes.length);
  }
}
