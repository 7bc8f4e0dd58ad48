package io.lancaster.spark.write.encode;

import io.lancaster.avro.AvroTypeException;
import io.lancaster.avro.io.Encoder;
import io.lancaster.avro.schema.EnumSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.types.UTF8String;

/** Spark strings into Avro strings and enums. Strings are already UTF-8 in Spark: their bytes are copied as is. */
final class Texts {
  private Texts() {}

  /** Writes a string's UTF-8 bytes straight from where Spark keeps them (usually inside the row's own buffer). */
  static void writeUtf8(UTF8String s, Encoder out) throws IOException {
    Object base = s.getBaseObject();
    if (base instanceof byte[] bytes) {
      out.writeString(bytes, (int) (s.getBaseOffset() - Platform.BYTE_ARRAY_OFFSET), s.numBytes());
    } else {
      out.writeString(s.getBytes(), 0, s.numBytes()); // off-heap: copy out
    }
  }

  static final class Strings extends ValueEncoder {
    static final Strings INSTANCE = new Strings();

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      writeUtf8(data.getUTF8String(ordinal), out);
    }
  }

  /** A string that must be one of the enum's symbols; any other is a data error naming the field. */
  static final class Enums extends ValueEncoder {
    private final Map<UTF8String, Integer> ordinals = new HashMap<>();
    private final String errorPrefix;
    private final List<String> symbols;

    Enums(EnumSchema schema, String errorPrefix) {
      this.symbols = schema.symbols();
      for (int i = 0; i < symbols.size(); i++) {
        ordinals.put(UTF8String.fromString(symbols.get(i)), i);
      }
      this.errorPrefix = errorPrefix;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      UTF8String s = data.getUTF8String(ordinal);
      Integer symbol = ordinals.get(s);
      if (symbol == null) {
        throw new AvroTypeException(errorPrefix + "\"" + s + "\" cannot be written since it's not defined in enum "
            + "\"" + String.join("\", \"", symbols) + "\"");
      }
      out.writeEnum(symbol);
    }
  }
}
