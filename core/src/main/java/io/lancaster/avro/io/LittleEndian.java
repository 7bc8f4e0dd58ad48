package io.lancaster.avro.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Float and double bits in Avro's little-endian byte order, read and written in one access each. */
final class LittleEndian {
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {
  }

  static int getInt(byte[] buf, int pos) {
    return (int) INT.get(buf, pos);
  }

  static long getLong(byte[] buf, int pos) {
    return (long) LONG.get(buf, pos);
  }

  static void putInt(byte[] buf, int pos, int v) {
    INT.set(buf, pos, v);
  }

  static void putLong(byte[] buf, int pos, long v) {
    LONG.set(buf, pos, v);
  }
}
