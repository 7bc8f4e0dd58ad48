package io.lancaster.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code lancaster help [COMMAND]}: the list of commands, or one command's usage and details. */
final class Help implements Command {
  @Override
  public String name() {
    return "help";
  }

  @Override
  public String usage() {
    return "[COMMAND]";
  }

  @Override
  public String summary() {
    return "list the commands, or describe one";
  }

  @Override
  public ArgSpec spec() {
    return new ArgSpec(Set.of(), Set.of(), List.of("COMMAND"), 1);
  }

  @Override
  public void run(Args args, Console console) throws UsageException {
    String name = args.positional("COMMAND");
    List<Command> commands = Main.commands();
    if (name == null) {
      printCommands(commands, console.out());
      return;
    }
    Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new UsageException("unknown command " + name));
    PrintStream out = console.out();
    out.println("usage: lancaster " + command.name() + " " + command.usage());
    out.println();
    out.println(command.summary());
    if (!command.details().isEmpty()) {
      out.println();
      out.println(command.details().strip());
    }
  }

  static void printCommands(List<Command> commands, PrintStream out) {
    out.println("usage: lancaster COMMAND [ARGS]");
    out.println();
    out.println("commands:");
    int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (Command c : commands) {
      out.println("  " + c.name() + " ".repeat(width - c.name().length() + 2) + c.summary());
    }
    out.println();
    out.println("FILE may be - for standard input where a command reads a data file.");
    out.println("Exit codes: 0 ok, 1 unreadable file or bad data, 2 usage error, 3 incompatible schemas (compat).");
    out.println("lancaster help COMMAND describes one command.");
  }
}
