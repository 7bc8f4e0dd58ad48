package io.lancaster.bench.demo;

import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.SchemaParser;
import java.util.List;

/** The Avro schema of the demo's web-shop orders. */
public final class OrderSchema {
  /** The symbols of the {@code Country} enum. */
  public static final List<String> COUNTRIES = List.of("DE", "FR", "GB", "IT", "ES", "NL", "PL", "SE", "US", "JP");

  public static final String JSON = """
      {"type": "record", "name": "Order", "namespace": "io.lancaster.demo", "fields": [
        {"name": "order_id", "type": "long"},
        {"name": "customer", "type": "string"},
        {"name": "country", "type": {"type": "enum", "name": "Country",
          "symbols": ["DE", "FR", "GB", "IT", "ES", "NL", "PL", "SE", "US", "JP"]}},
        {"name": "ordered_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        {"name": "items", "type": {"type": "array", "items": {"type": "record", "name": "Item", "fields": [
          {"name": "sku", "type": "string"},
          {"name": "qty", "type": "int"},
          {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}}
        ]}}},
        {"name": "tags", "type": {"type": "map", "values": "string"}},
        {"name": "coupon", "type": ["null", "string"], "default": null}
      ]}
      """;

  private OrderSchema() {}

  public static RecordSchema parse() {
    return (RecordSchema) new SchemaParser().parse(JSON);
  }
}
