package io.lancaster.bench.demo;

import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.avro.schema.ArraySchema;
import io.lancaster.avro.schema.EnumSchema;
import io.lancaster.avro.schema.RecordSchema;
import io.lancaster.bench.data.RecordSource;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes plausible orders of one day: a few big customers and a long tail, more orders from large countries,
 * one to five items each (popular products more often), the amount the sum of the items, a sales channel and
 * sometimes a campaign in the tags, a coupon on one order in eight. Deterministic for a seed.
 */
public final class OrderGenerator implements RecordSource {
  static final int CUSTOMERS = 20_000;
  static final int SKUS = 1_000;
  private static final int[] COUNTRY_WEIGHTS = {20, 14, 14, 10, 9, 7, 6, 5, 10, 5};
  private static final String[] CHANNELS = {"web", "app", "phone"};
  private static final String[] DEVICES = {"desktop", "mobile", "tablet"};
  private static final String[] CAMPAIGNS = {"newsletter", "summer-sale", "retargeting"};
  private static final String[] COUPONS = {"WELCOME10", "SUMMER5", "VIP20"};
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  // Names and prices are made once: formatting them per order would cost more than writing the order.
  private static final String[] CUSTOMER_NAMES = names("customer-%05d", CUSTOMERS);
  private static final String[] SKU_NAMES = names("SKU-%04d", SKUS);
  private static final byte[][] PRICES = new byte[SKUS][];

  static {
    for (int i = 0; i < SKUS; i++) {
      PRICES[i] = unscaledBytes(priceCents(i));
    }
  }

  private final SplittableRandom random;
  private final long dayStartMicros;
  private long nextOrderId;

  private final GenericRecord order;
  private final GenericEnum[] countries;
  private final int[] countryTable;
  private final GenericRecord[] itemPool = new GenericRecord[5];
  private final List<GenericRecord> items = new ArrayList<>(5);
  private final Map<String, String> tags = new HashMap<>();
  private final int orderId;
  private final int customer;
  private final int country;
  private final int orderedAt;
  private final int amount;
  private final int itemsField;
  private final int tagsField;
  private final int coupon;

  /**
   * @param schema {@link OrderSchema#parse()}
   * @param day the day the orders are placed on (UTC)
   * @param firstOrderId the id of the first order; the next ones count up
   */
  public OrderGenerator(RecordSchema schema, LocalDate day, long firstOrderId, long seed) {
    this.random = new SplittableRandom(seed);
    this.dayStartMicros = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    this.nextOrderId = firstOrderId;
    this.order = new GenericRecord(schema);
    this.orderId = schema.field("order_id").position();
    this.customer = schema.field("customer").position();
    this.country = schema.field("country").position();
    this.orderedAt = schema.field("ordered_at").position();
    this.amount = schema.field("amount").position();
    this.itemsField = schema.field("items").position();
    this.tagsField = schema.field("tags").position();
    this.coupon = schema.field("coupon").position();

    EnumSchema countrySchema = (EnumSchema) schema.field("country").schema();
    this.countries = new GenericEnum[countrySchema.symbols().size()];
    for (int i = 0; i < countries.length; i++) {
      countries[i] = new GenericEnum(countrySchema, countrySchema.symbols().get(i));
    }
    this.countryTable = weightTable(COUNTRY_WEIGHTS);
    RecordSchema itemSchema = (RecordSchema) ((ArraySchema) schema.field("items").schema()).items();
    for (int i = 0; i < itemPool.length; i++) {
      itemPool[i] = new GenericRecord(itemSchema);
    }
  }

  /** The unit price of product {@code i} in cents: fixed per product, 1.99 to 249.98. */
  static long priceCents(int i) {
    long spread = (i * 7919L) % 24_800;
    return 199 + spread;
  }

  @Override
  public Object next() {
    order.put(orderId, nextOrderId++);
    order.put(customer, CUSTOMER_NAMES[skewed(CUSTOMERS)]);
    order.put(country, countries[countryTable[random.nextInt(countryTable.length)]]);
    order.put(orderedAt, dayStartMicros + random.nextLong(MICROS_PER_DAY));

    items.clear();
    int itemCount = 1 + random.nextInt(5);
    long totalCents = 0;
    for (int i = 0; i < itemCount; i++) {
      int product = skewed(SKUS);
      int qty = 1 + random.nextInt(3);
      GenericRecord item = itemPool[i]; // fields in schema order: sku, qty, price
      item.put(0, SKU_NAMES[product]);
      item.put(1, qty);
      item.put(2, PRICES[product]);
      items.add(item);
      totalCents += qty * priceCents(product);
    }
    order.put(itemsField, items);
    order.put(amount, unscaledBytes(totalCents));

    tags.clear();
    String channel = CHANNELS[weighted(55, 35)];
    tags.put("channel", channel);
    if (!channel.equals("phone")) {
      tags.put("device", DEVICES[random.nextInt(DEVICES.length)]);
    }
    if (random.nextInt(5) == 0) {
      tags.put("campaign", CAMPAIGNS[random.nextInt(CAMPAIGNS.length)]);
    }
    order.put(tagsField, tags);
    order.put(coupon, random.nextInt(8) == 0 ? COUPONS[random.nextInt(COUPONS.length)] : null);
    return order;
  }

  /** 0 to {@code n - 1}, small values far more often (a squared uniform). */
  private int skewed(int n) {
    double u = random.nextDouble();
    return (int) (n * u * u);
  }

  /** 0 with probability {@code first}%, 1 with {@code second}%, else 2. */
  private int weighted(int first, int second) {
    int r = random.nextInt(100);
    return r < first ? 0 : r < first + second ? 1 : 2;
  }

  /** A decimal's bytes: the big-endian two's complement of its unscaled value, as the spec says. */
  private static byte[] unscaledBytes(long unscaled) {
    return BigInteger.valueOf(unscaled).toByteArray();
  }

  private static String[] names(String format, int n) {
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = String.format(format, i);
    }
    return names;
  }

  private static int[] weightTable(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int[] table = new int[total];
    int at = 0;
    for (int i = 0; i < weights.length; i++) {
      for (int j = 0; j < weights[i]; j++) {
        table[at++] = i;
      }
    }
    return table;
  }
}
