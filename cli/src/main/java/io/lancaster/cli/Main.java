package io.lancaster.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code lancaster} command line: {@code lancaster COMMAND [ARGS]}. Exit codes: 0 success, 1 a file that
 * cannot be read or holds bad data (one line on standard error: {@code lancaster: <file>: <message>}) or output
 * that could not be written (silently when the reader of a pipe went away), 2 a usage error, 3 schemas that are
 * not compatible ({@code compat}, which prints each incompatibility on standard output). {@link #run} does
 * everything but exit, so tests run commands in-process.
 */
public final class Main {
  public static final int OK = 0;
  public static final int DATA_ERROR = 1;
  public static final int USAGE_ERROR = 2;
  public static final int INCOMPATIBLE = 3;

  private Main() {}

  public static void main(String[] args) {
    // Not System.out, which flushes per line: commands that stream (tojson) buffer and flush themselves.
    PrintStream out = StandardOutput.open();
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int code = run(args, System.in, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs a command line with standard input from {@code System.in}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** Runs a command line and returns its exit code; never calls {@link System#exit}. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Console console = new Console(in, out, err);
    List<Command> commands = commands();
    if (args.length == 0) {
      err.println("lancaster: no command given");
      Help.printCommands(commands, err);
      return USAGE_ERROR;
    }
    String name = args[0].equals("--help") || args[0].equals("-h") ? "help" : args[0];
    Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    if (command == null) {
      err.println("lancaster: unknown command " + name + " (lancaster help lists the commands)");
      return USAGE_ERROR;
    }
    try {
      Args parsed = Args.parse(Arrays.asList(args).subList(1, args.length), command.spec());
      int code = OK;
      try {
        command.run(parsed, console);
      } catch (Verdict v) {
        code = v.exitCode();
      }
      out.flush();
      if (out.checkError()) {
        if (!(out instanceof StandardOutput stdout && stdout.brokenPipe())) {
          err.println("lancaster: error writing to standard output");
        }
        return DATA_ERROR;
      }
      return code;
    } catch (UsageException e) {
      out.flush();
      err.println("lancaster " + command.name() + ": " + e.getMessage());
      err.println("usage: lancaster " + command.name() + " " + command.usage());
      return USAGE_ERROR;
    } catch (FileException e) {
      out.flush();
      err.println("lancaster: " + e.file() + ": " + e.getMessage());
      return DATA_ERROR;
    } catch (RuntimeException | Error e) {
      // A bug, not bad input: say so and keep the stack trace for the report.
      out.flush();
      err.println("lancaster: internal error in " + command.name() + ": " + e);
      e.printStackTrace(err);
      return DATA_ERROR;
    }
  }

  /** Every command, in the order help lists them. */
  static List<Command> commands() {
    return List.of(new ToJson(), new FromJson(), new Cat(), new GetSchema(), new GetMeta(), new Count(),
        new Fingerprint(), new Compat(), new Demo(), new Help());
  }
}
