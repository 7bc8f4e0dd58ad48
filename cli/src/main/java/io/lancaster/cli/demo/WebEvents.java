package io.lancaster.cli.demo;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.avro.schema.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic sample dataset for the demo: a web shop's clickstream. Each event has a nested user and session
 * record, an enum event type, a uuid, microsecond timestamps, optional fields (unions with null), a list of tags,
 * a map of free-form properties and, for purchases, a decimal amount. Seeded, so every run writes the same data.
 */
public final class WebEvents {
  public static final String SCHEMA_JSON = """
      {"type": "record", "name": "WebEvent", "namespace": "io.lancaster.demo",
       "doc": "One event of a web shop's clickstream.",
       "fields": [
        {"name": "event_id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "event_time", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "event_type", "type": {"type": "enum", "name": "EventType",
          "symbols": ["PAGE_VIEW", "SEARCH", "CLICK", "ADD_TO_CART", "PURCHASE", "SIGN_UP"]}},
        {"name": "user", "type": {"type": "record", "name": "User", "fields": [
          {"name": "user_id", "type": "long"},
          {"name": "country", "type": "string"},
          {"name": "logged_in", "type": "boolean"},
          {"name": "signup_date", "type": ["null", {"type": "int", "logicalType": "date"}], "default": null}]}},
        {"name": "session", "type": {"type": "record", "name": "Session", "fields": [
          {"name": "session_id", "type": "string"},
          {"name": "device", "type": {"type": "enum", "name": "Device", "symbols": ["DESKTOP", "MOBILE", "TABLET"]}},
          {"name": "browser", "type": "string"},
          {"name": "started_at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]}},
        {"name": "url", "type": "string"},
        {"name": "referrer", "type": ["null", "string"], "default": null},
        {"name": "duration_ms", "type": ["null", "int"], "default": null},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "properties", "type": {"type": "map", "values": "string"}},
        {"name": "amount", "type": ["null",
          {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}], "default": null}]}
      """;

  private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "IN", "BR", "JP", "CA", "NL", "ES"};
  private static final String[] BROWSERS = {"Chrome", "Safari", "Firefox", "Edge", "Samsung Internet"};
  private static final String[] PAGES = {"/", "/search", "/cart", "/checkout", "/account", "/help"};
  private static final String[] CATEGORIES = {"shoes", "books", "garden", "toys", "kitchen", "music"};
  private static final String[] REFERRERS = {"https://www.google.com/", "https://duckduckgo.com/",
      "https://news.ycombinator.com/", "https://t.co/x"};
  private static final String[] TAGS = {"new-visitor", "returning", "campaign:spring", "ab:checkout-b", "mobile-app",
      "newsletter"};
  /** 2024-06-01T00:00:00Z in microseconds. */
  private static final long START_MICROS = 1_717_200_000_000_000L;

  private final RecordSchema schema;
  private final RecordSchema userSchema;
  private final RecordSchema sessionSchema;
  private final EnumSchema eventTypes;
  private final EnumSchema devices;
  private final Random random;
  private long clockMicros = START_MICROS;
  private GenericRecord session;
  private int sessionEventsLeft;

  public WebEvents(long seed) {
    this.schema = (RecordSchema) Schema.parse(SCHEMA_JSON);
    this.userSchema = (RecordSchema) schema.field("user").schema();
    this.sessionSchema = (RecordSchema) schema.field("session").schema();
    this.eventTypes = (EnumSchema) schema.field("event_type").schema();
    this.devices = (EnumSchema) sessionSchema.field("device").schema();
    this.random = new Random(seed);
  }

  public RecordSchema schema() {
    return schema;
  }

  /** The next event, a few milliseconds after the previous one; sessions span a handful of events. */
  public GenericRecord next() {
    clockMicros += 1_000 + random.nextInt(50_000);
    if (sessionEventsLeft-- <= 0) {
      session = newSession();
      sessionEventsLeft = 1 + random.nextInt(12);
    }
    String type = eventType();
    GenericRecord e = new GenericRecord(schema);
    e.put("event_id", new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString());
    e.put("event_time", clockMicros);
    e.put("event_type", new GenericEnum(eventTypes, type));
    e.put("user", user());
    e.put("session", session);
    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
    e.put("url", "https://shop.example.com" + page(type, category));
    e.put("referrer", random.nextInt(3) == 0 ? REFERRERS[random.nextInt(REFERRERS.length)] : null);
    e.put("duration_ms", type.equals("PAGE_VIEW") ? (Object) (200 + random.nextInt(30_000)) : null);
    e.put("tags", tags());
    e.put("properties", properties(type, category));
    e.put("amount", type.equals("PURCHASE") ? amount() : null);
    return e;
  }

  private String eventType() {
    int p = random.nextInt(100);
    return p < 55 ? "PAGE_VIEW" : p < 70 ? "SEARCH" : p < 85 ? "CLICK" : p < 94 ? "ADD_TO_CART" : p < 98 ? "PURCHASE"
        : "SIGN_UP";
  }

  private GenericRecord user() {
    GenericRecord u = new GenericRecord(userSchema);
    boolean loggedIn = random.nextInt(3) > 0;
    u.put("user_id", 100_000L + random.nextInt(50_000));
    u.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
    u.put("logged_in", loggedIn);
    u.put("signup_date", loggedIn ? (Object) (18_000 + random.nextInt(1_900)) : null); // days since 1970
    return u;
  }

  private GenericRecord newSession() {
    GenericRecord s = new GenericRecord(sessionSchema);
    s.put("session_id", Long.toHexString(random.nextLong() | Long.MIN_VALUE));
    s.put("device", new GenericEnum(devices, devices.symbols().get(random.nextInt(devices.symbols().size()))));
    s.put("browser", BROWSERS[random.nextInt(BROWSERS.length)]);
    s.put("started_at", clockMicros / 1000);
    return s;
  }

  private String page(String type, String category) {
    return switch (type) {
      case "SEARCH" -> "/search?q=" + category;
      case "CLICK", "ADD_TO_CART" -> "/p/" + category + "/" + (1000 + random.nextInt(9000));
      case "PURCHASE" -> "/checkout/done";
      case "SIGN_UP" -> "/account/new";
      default -> PAGES[random.nextInt(PAGES.length)];
    };
  }

  private List<String> tags() {
    int n = random.nextInt(3);
    List<String> tags = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      tags.add(TAGS[random.nextInt(TAGS.length)]);
    }
    return tags;
  }

  private Map<String, String> properties(String type, String category) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("category", category);
    if (type.equals("SEARCH")) {
      p.put("results", Integer.toString(random.nextInt(500)));
    }
    if (type.equals("ADD_TO_CART") || type.equals("PURCHASE")) {
      p.put("items", Integer.toString(1 + random.nextInt(4)));
    }
    if (random.nextInt(5) == 0) {
      p.put("experiment", random.nextBoolean() ? "control" : "variant");
    }
    return p;
  }

  /** A decimal(12, 2) amount as the spec stores it: the unscaled value's two's-complement big-endian bytes. */
  private ByteBuffer amount() {
    BigDecimal amount = BigDecimal.valueOf(99 + random.nextInt(40_000), 2).setScale(2, RoundingMode.UNNECESSARY);
    return ByteBuffer.wrap(amount.unscaledValue().toByteArray());
  }
}
