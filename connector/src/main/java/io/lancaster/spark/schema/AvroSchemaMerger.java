package io.lancaster.spark.schema;

import io.lancaster.avro.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the writer schemas of several files into one reader schema that every file resolves against by the
 * spec's resolution rules ({@link io.lancaster.avro.resolve.Resolver} with the default options): what the
 * {@code mergeSchema} read option reads with.
 *
 * <p>The rules, applied at each position of the schemas (a "variant" is the type one input has there; inputs are
 * taken in file order, and identical schemas count once):
 * <ul>
 *   <li><b>Records</b> merge by full name, from every definition of the name in every input, wherever each input
 *   uses it; a record that refers to itself is merged once. Fields are the same field when they have the same
 *   name, or else when a name or alias of one is a name or alias of the other. The merged record has the first
 *   input's fields in its order, then each new field in order of first appearance; a merged field keeps its first
 *   name and takes the other names as aliases.
 *   <li>A field <b>missing</b> from at least one definition of its record becomes nullable with default null: its
 *   type becomes a union with null first (a union that has null elsewhere moves it first; other branches keep
 *   their order), so the resolver fills null for the files that lack it. A field that every definition has keeps
 *   the definitions' default when they agree (and it fits the merged type), else the first default that fits the
 *   merged type, else it has none.
 *   <li><b>Primitives</b> of the same type stay. Numbers merge into the type the others promote to: int + long is
 *   long, int or long + float is float, int, long or float + double is double; string + bytes is string.
 *   <li><b>Logical types</b> must be equal (none counts as one): timestamp-millis and timestamp-micros, date and
 *   int, or decimals of different precision or scale conflict. Decimals of the same scale and different precision
 *   are a conflict too, not widened, because the spec (and so the resolver by default) resolves decimals only with
 *   equal precision and scale: a wider merged decimal would not read the narrower files.
 *   <li><b>Enums</b> of the same name take the symbols of all definitions in order of first appearance; the
 *   default symbol stays when every definition has the same one, else there is none. <b>Fixed</b> types need the
 *   same name, size and logical type. <b>Arrays</b> merge their items, <b>maps</b> their values.
 *   <li><b>Unions</b>: the merged union holds every variant's branches (a non-union variant counts as one branch)
 *   in order of first appearance; branches of the same kind merge (records, enums and fixed by full name, other
 *   types by type name), without promotion across branches: int and long stay two branches.
 *   <li>Anything else conflicts (a record and an int, two records of different names, arrays of records and of
 *   ints, ...) with a {@link SchemaMergeException} naming the field path and both types.
 * </ul>
 * Documentation, order and custom properties come from the first definition that has them; aliases of named types
 * are the union of all definitions'.
 */
public final class AvroSchemaMerger {
  private AvroSchemaMerger() {}

  /**
   * The reader schema for files with these writer schemas, in file order.
   *
   * @throws SchemaMergeException when two files' types cannot be merged
   * @throws IllegalArgumentException when the list is empty
   */
  public static Schema merge(List<Schema> writerSchemas) {
    if (writerSchemas.isEmpty()) {
      throw new IllegalArgumentException("no writer schemas to merge");
    }
    // Most files of a table share a schema: merge each distinct one once (the JSON includes aliases and docs).
    Map<String, Schema> distinct = new LinkedHashMap<>();
    for (Schema s : writerSchemas) {
      distinct.putIfAbsent(s.toString(), s);
    }
    List<Schema> inputs = List.copyOf(distinct.values());
    if (inputs.size() == 1) {
      return inputs.get(0);
    }
    return new TypeMerger(NamedDefinitions.of(inputs)).merge(inputs, "");
  }
}
