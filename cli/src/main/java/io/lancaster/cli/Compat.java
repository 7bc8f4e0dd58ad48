package io.lancaster.cli;

import io.lancaster.avro.resolve.CompatibilityLevel;
import io.lancaster.avro.resolve.Incompatibility;
import io.lancaster.avro.resolve.ResolutionOptions;
import io.lancaster.avro.resolve.SchemaCompatibility;
import io.lancaster.avro.schema.Schema;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code lancaster compat}: is a schema change safe? Two forms. The pair form,
 * {@code compat --reader R --writer W [--level L]}, asks whether R reads data written with W (level backward, the
 * default; forward asks the reverse, full both). The registry form, {@code compat [--level L] NEW PREVIOUS...},
 * checks a new version of a subject against its earlier versions, oldest first, as a schema registry does (the
 * pair form is the registry form with R as the new schema and W as the only earlier one). Prints
 * {@code compatible} and exits 0, or prints each incompatibility as {@code KIND<TAB>path<TAB>message} and exits
 * {@link Main#INCOMPATIBLE} (3), so that scripts tell "incompatible" from a schema file that cannot be read (1).
 */
final class Compat implements Command {
  static final String READER = "--reader";
  static final String WRITER = "--writer";
  static final String LEVEL = "--level";
  /** How the top-level schema is shown in the path column (the path of a field is {@code a.b}). */
  static final String TOP_LEVEL = ".";

  @Override
  public String name() {
    return "compat";
  }

  @Override
  public String usage() {
    return "[--level L] [--apache-compatible] (--reader R --writer W | NEW_SCHEMA PREVIOUS_SCHEMA...)";
  }

  @Override
  public String summary() {
    return "check that a reader schema reads a writer schema's data, or a new schema its earlier versions";
  }

  @Override
  public String details() {
    return """
        Pair form: --reader R --writer W checks that data written with the schema in the file W can be read with
        the schema in R. Registry form: NEW_SCHEMA PREVIOUS_SCHEMA... checks a new version of a subject against
        the earlier versions, oldest first, at the level:
          backward (the default)  the new schema reads data of the latest previous one (pair: R reads W)
          forward                 the latest previous one reads data of the new schema (pair: W reads R)
          full                    both
          backward-transitive, forward-transitive, full-transitive  the same against every previous version
          none                    anything goes
        --apache-compatible  judge by Apache Avro Java's value-preserving leniencies instead of the spec alone.
        Prints "compatible" and exits 0; otherwise prints each incompatibility on a line as
        KIND<TAB>path<TAB>message (path: the field path, e.g. address.street, tags[] for array items,
        attrs{} for map values, "." for the top level) and exits 3. A schema file that cannot be read exits 1.
        """;
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of(Resolution.APACHE_COMPATIBLE), Set.of(READER, WRITER, LEVEL),
        List.of("NEW_SCHEMA", "PREVIOUS_SCHEMA"), 2, true);
  }

  @Override
  public void run(Args args, Console console) throws FileException, UsageException, Verdict {
    CompatibilityLevel level = level(args.value(LEVEL, "backward"));
    ResolutionOptions options = Resolution.options(args);
    String readerFile = args.value(READER, null);
    String writerFile = args.value(WRITER, null);
    List<Incompatibility> found;
    if (readerFile != null || writerFile != null) {
      if (readerFile == null || writerFile == null) {
        throw new UsageException("the pair form needs both " + READER + " and " + WRITER);
      }
      if (args.positional("NEW_SCHEMA") != null) {
        throw new UsageException("give either " + READER + " and " + WRITER + ", or NEW_SCHEMA PREVIOUS_SCHEMA..."
            + ", not both (unexpected argument " + args.positional("NEW_SCHEMA") + ")");
      }
      checkStdin(List.of(readerFile, writerFile));
      found = pair(level, SchemaFiles.read(readerFile, console), SchemaFiles.read(writerFile, console), options);
    } else {
      if (args.positional("NEW_SCHEMA") == null) {
        throw new UsageException("missing NEW_SCHEMA (or " + READER + " R " + WRITER + " W)");
      }
      List<String> previousFiles = args.repeated();
      if (previousFiles.isEmpty()) {
        throw new UsageException("missing PREVIOUS_SCHEMA (the earlier versions, oldest first)");
      }
      List<String> all = new ArrayList<>();
      all.add(args.positional("NEW_SCHEMA"));
      all.addAll(previousFiles);
      checkStdin(all);
      Schema newSchema = SchemaFiles.read(args.positional("NEW_SCHEMA"), console);
      List<Schema> previous = new ArrayList<>();
      for (String file : previousFiles) {
        previous.add(SchemaFiles.read(file, console));
      }
      found = SchemaCompatibility.check(level, newSchema, previous, options).incompatibilities();
    }
    print(found, console.out());
    if (!found.isEmpty()) {
      throw new Verdict(Main.INCOMPATIBLE, found.size() + " incompatibilities");
    }
  }

  /**
   * The pair form: R is the new schema, W the one before it. Problems of R reading W's data are reported as they
   * are; those of the reverse direction (forward, full) say so, since there "reader" means W.
   */
  static List<Incompatibility> pair(CompatibilityLevel level, Schema reader, Schema writer,
      ResolutionOptions options) {
    List<Incompatibility> found = new ArrayList<>();
    if (level.newReadsOld()) {
      found.addAll(SchemaCompatibility.canRead(reader, writer, options).incompatibilities());
    }
    if (level.oldReadsNew()) {
      String prefix = "the writer schema reading data of the reader schema: ";
      for (Incompatibility x : SchemaCompatibility.canRead(writer, reader, options).incompatibilities()) {
        found.add(new Incompatibility(x.kind(), x.path(), prefix + x.message()));
      }
    }
    return found;
  }

  static void print(List<Incompatibility> found, PrintStream out) {
    if (found.isEmpty()) {
      out.println("compatible");
      return;
    }
    for (Incompatibility x : found) {
      out.println(x.kind() + "\t" + (x.path().isEmpty() ? TOP_LEVEL : x.path()) + "\t"
          + x.message().replace('\n', ' ').replace('\t', ' '));
    }
  }

  private static CompatibilityLevel level(String name) throws UsageException {
    try {
      return CompatibilityLevel.parse(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown level " + name + " (backward, forward, full, their -transitive forms,"
          + " or none)");
    }
  }

  private static void checkStdin(List<String> files) throws UsageException {
    if (files.stream().filter(Inputs::isStdin).count() > 1) {
      throw new UsageException("only one schema can come from standard input (-)");
    }
  }
}
