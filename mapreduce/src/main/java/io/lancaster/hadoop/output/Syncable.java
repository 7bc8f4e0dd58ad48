package io.lancaster.hadoop.output;

import java.io.IOException;

/**
 * A record writer that can end its current Avro data block on demand, as avro-mapred's {@code Syncable}: the
 * returned position can later be given to a data file reader's {@code seek} to start reading there.
 */
public interface Syncable {
  /** Ends the current block and returns the file position where the next block starts. */
  long sync() throws IOException;
}
