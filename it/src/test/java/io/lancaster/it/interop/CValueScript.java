package io.lancaster.it.interop;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericFixed;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.generic.UnionBranchResolver;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.Field;
import io.lancaster.avro.schema.FixedSchema;
import io.lancaster.avro.schema.MapSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import io.lancaster.avro.schema.UnionSchema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token format that the C peer program ({@code interop/c/peer.c}) builds values from and prints them in: one
 * value per line, whitespace-separated tokens in schema order. It exists because libavro 1.11.1 cannot read JSON
 * values, and its JSON printer loses NaN, infinities and everything after a zero byte; these tokens carry floats
 * as bit patterns and strings, bytes and fixed as hex, so a round trip through C is compared exactly.
 *
 * <pre>{@code
 *   n null   t/f boolean   i<dec> int   l<dec> long   F<8 hex> float bits   D<16 hex> double bits
 *   s<hex> string (UTF-8)   b<hex> bytes   x<hex> fixed   e<dec> enum ordinal   u<dec> union branch, then value
 *   a<n> array, then n items   m<n> map, then n pairs of s<hex> key and value   r<n> record, its n fields
 * }</pre>
 */
public final class CValueScript {
  private static final HexFormat HEX = HexFormat.of();

  private CValueScript() {}

  /** The values, one line each. */
  public static String write(Schema schema, List<?> values) {
    StringBuilder out = new StringBuilder();
    for (Object v : values) {
      write(schema, v, out);
      out.append('\n');
    }
    return out.toString();
  }

  /** One value's tokens. */
  public static String write(Schema schema, Object value) {
    StringBuilder out = new StringBuilder();
    write(schema, value, out);
    return out.toString();
  }

  private static void write(Schema schema, Object v, StringBuilder out) {
    switch (schema.type()) {
      case NULL -> out.append('n');
      case BOOLEAN -> out.append((Boolean) v ? 't' : 'f');
      case INT -> out.append('i').append((int) (Integer) v);
      case LONG -> out.append('l').append((long) (Long) v);
      case FLOAT -> out.append('F').append(HEX.toHexDigits(Float.floatToRawIntBits((Float) v)));
      case DOUBLE -> out.append('D').append(HEX.toHexDigits(Double.doubleToRawLongBits((Double) v)));
      case STRING -> out.append('s').append(HEX.formatHex(((String) v).getBytes(StandardCharsets.UTF_8)));
      case BYTES -> {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        out.append('b').append(HEX.formatHex(bytes));
      }
      case FIXED -> out.append('x').append(HEX.formatHex(((GenericFixed) v).bytes()));
      case ENUM -> out.append('e').append(((GenericEnum) v).ordinal());
      case UNION -> {
        UnionSchema u = (UnionSchema) schema;
        int branch = new UnionBranchResolver(u).branchOf(v);
        out.append('u').append(branch).append(' ');
        write(u.branch(branch), v, out);
      }
      case ARRAY -> {
        List<?> list = (List<?>) v;
        out.append('a').append(list.size());
        for (Object item : list) {
          out.append(' ');
          write(((ArraySchema) schema).items(), item, out);
        }
      }
      case MAP -> {
        Map<?, ?> map = (Map<?, ?>) v;
        out.append('m').append(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(" s").append(HEX.formatHex(((String) e.getKey()).getBytes(StandardCharsets.UTF_8))).append(' ');
          write(((MapSchema) schema).values(), e.getValue(), out);
        }
      }
      case RECORD -> {
        GenericRecord r = (GenericRecord) v;
        List<Field> fields = ((RecordSchema) schema).fields();
        out.append('r').append(fields.size());
        for (Field f : fields) {
          out.append(' ');
          write(f.schema(), r.get(f.position()), out);
        }
      }
      default -> throw new AssertionError(schema.type());
    }
  }

  /** Parses the lines the C peer printed into generic values of {@code schema}. */
  public static List<Object> read(Schema schema, List<String> lines) {
    List<Object> values = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      Tokens t = new Tokens(lines.get(i), i);
      values.add(t.value(schema));
      t.end();
    }
    return values;
  }

  /** A cursor over one line's tokens; errors name the line and the token. */
  private static final class Tokens {
    private final String[] tokens;
    private final int line;
    private int next;

    Tokens(String line, int index) {
      String trimmed = line.strip();
      this.tokens = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
      this.line = index;
    }

    private String take(char tag, Schema schema) {
      if (next >= tokens.length) {
        throw new AssertionError("C peer line " + line + ": ran out of tokens, expected " + schema.type());
      }
      String token = tokens[next++];
      if (token.isEmpty() || token.charAt(0) != tag) {
        throw new AssertionError("C peer line " + line + ": token " + (next - 1) + " '" + token + "' is not a "
            + schema.type() + " ('" + tag + "')");
      }
      return token.substring(1);
    }

    void end() {
      if (next != tokens.length) {
        throw new AssertionError("C peer line " + line + ": " + (tokens.length - next) + " tokens left over");
      }
    }

    Object value(Schema schema) {
      switch (schema.type()) {
        case NULL:
          take('n', schema);
          return null;
        case BOOLEAN: {
          String token = tokens.length > next ? tokens[next] : "";
          next++;
          if (!token.equals("t") && !token.equals("f")) {
            throw new AssertionError("C peer line " + line + ": '" + token + "' is not a boolean");
          }
          return token.equals("t");
        }
        case INT:
          return Integer.parseInt(take('i', schema));
        case LONG:
          return Long.parseLong(take('l', schema));
        case FLOAT:
          return Float.intBitsToFloat(Integer.parseUnsignedInt(take('F', schema), 16));
        case DOUBLE:
          return Double.longBitsToDouble(Long.parseUnsignedLong(take('D', schema), 16));
        case STRING:
          return utf8(HEX.parseHex(take('s', schema)));
        case BYTES:
          return ByteBuffer.wrap(HEX.parseHex(take('b', schema)));
        case FIXED:
          return new GenericFixed((FixedSchema) schema, HEX.parseHex(take('x', schema)));
        case ENUM: {
          EnumSchema e = (EnumSchema) schema;
          int ordinal = Integer.parseInt(take('e', schema));
          if (ordinal < 0 || ordinal >= e.symbols().size()) {
            throw new AssertionError("C peer line " + line + ": enum ordinal " + ordinal + " out of range for "
                + e.fullName() + " " + e.symbols());
          }
          return new GenericEnum(e, e.symbols().get(ordinal));
        }
        case UNION: {
          UnionSchema u = (UnionSchema) schema;
          int branch = Integer.parseInt(take('u', schema));
          if (branch < 0 || branch >= u.size()) {
            throw new AssertionError("C peer line " + line + ": union branch " + branch + " out of range");
          }
          return value(u.branch(branch));
        }
        case ARRAY: {
          int n = Integer.parseInt(take('a', schema));
          List<Object> list = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            list.add(value(((ArraySchema) schema).items()));
          }
          return list;
        }
        case MAP: {
          int n = Integer.parseInt(take('m', schema));
          Map<String, Object> map = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            String key = utf8(HEX.parseHex(take('s', schema)));
            map.put(key, value(((MapSchema) schema).values()));
          }
          return map;
        }
        case RECORD: {
          RecordSchema r = (RecordSchema) schema;
          int n = Integer.parseInt(take('r', schema));
          if (n != r.fields().size()) {
            throw new AssertionError("C peer line " + line + ": record " + r.fullName() + " has " + n
                + " fields, the schema " + r.fields().size());
          }
          GenericRecord record = new GenericRecord(r);
          for (Field f : r.fields()) {
            record.put(f.position(), value(f.schema()));
          }
          return record;
        }
        default:
          throw new AssertionError(schema.type());
      }
    }

    private String utf8(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new AssertionError("C peer line " + line + ": a string that is not UTF-8: " + HEX.formatHex(bytes));
      }
    }
  }
}
