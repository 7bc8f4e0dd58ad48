package io.lancaster.bench.data;

/**
 * Makes the records of one generated file. A source may return the same (mutated) record object every time:
 * the file writer encodes each record before asking for the next.
 */
public interface RecordSource {
  Object next();
}
