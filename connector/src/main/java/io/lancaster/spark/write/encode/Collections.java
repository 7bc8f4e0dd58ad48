package io.lancaster.spark.write.encode;

import io.lancaster.avro.io.Encoder;
import java.io.IOException;
import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;

/** Spark arrays and string-keyed maps into Avro arrays and maps, each written as one block. */
final class Collections {
  private Collections() {}

  static final class Arrays extends ValueEncoder {
    private final ValueEncoder element;

    Arrays(ValueEncoder element) {
      this.element = element;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      ArrayData array = data.getArray(ordinal);
      int n = array.numElements();
      out.writeArrayStart(n);
      for (int i = 0; i < n; i++) {
        element.write(array, i, out);
      }
      out.writeArrayEnd();
    }
  }

  static final class Maps extends ValueEncoder {
    private final ValueEncoder value;

    Maps(ValueEncoder value) {
      this.value = value;
    }

    @Override
    public void write(SpecializedGetters data, int ordinal, Encoder out) throws IOException {
      MapData map = data.getMap(ordinal);
      int n = map.numElements();
      ArrayData keys = map.keyArray();
      ArrayData values = map.valueArray();
      out.writeMapStart(n);
      for (int i = 0; i < n; i++) {
        Texts.writeUtf8(keys.getUTF8String(i), out);
        value.write(values, i, out);
      }
      out.writeMapEnd();
    }
  }
}
