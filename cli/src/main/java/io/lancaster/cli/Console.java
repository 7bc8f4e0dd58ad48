package io.lancaster.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The standard streams a command runs with; tests pass their own to run commands in-process. */
public record Console(InputStream in, PrintStream out, PrintStream err) {}
