package io.lancaster.avro.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers for the immutable property maps of schemas and fields. */
final class Props {
  private Props() {}

  static Map<String, Object> freeze(Map<String, Object> props) {
    if (props == null || props.isEmpty()) {
      return Collections.emptyMap();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(props));
  }
}
