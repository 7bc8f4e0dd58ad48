package io.lancaster.avro.order;

import io.lancaster.avro.AvroException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Data that the spec's sort order cannot compare: a map outside any {@code "order": "ignore"} field. Thrown when
 * a comparator is built for a schema whose every comparison would reach such a map, otherwise when a comparison
 * reaches one; the field path of the map is added as the exception unwinds.
 */
public class UncomparableException extends AvroException {
  private final String detail;
  private final Deque<String> path = new ArrayDeque<>();

  public UncomparableException(String detail) {
    super(detail);
    this.detail = detail;
  }

  /** Called by the enclosing comparators while the exception unwinds: the innermost element comes first. */
  public UncomparableException prependPath(String element) {
    path.addFirst(element);
    return this;
  }

  /**
   * The field path of the map inside the datum, outermost first, written as the other Avro exceptions write it
   * ({@code list.[2].tags}); empty when the datum itself is the map.
   */
  public String fieldPath() {
    return String.join(".", path);
  }

  @Override
  public String getMessage() {
    return path.isEmpty() ? detail : detail + " (field " + fieldPath() + ")";
  }

  static UncomparableException map() {
    return new UncomparableException("maps cannot be compared (Avro specification, \"Sort Order\") unless they are"
        + " inside a record field with \"order\": \"ignore\"");
  }
}
