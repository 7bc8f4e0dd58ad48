package io.lancaster.bench.demo;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The demo's queries over the orders, each collected into small records. */
public final class DemoQueries {
  /** Orders of this amount or more count as large. */
  public static final BigDecimal LARGE_ORDER = new BigDecimal("100.00");
  /** How many customers and products the top lists hold. */
  public static final int TOP = 10;

  private DemoQueries() {}

  /** Revenue of the large orders of a day in a country, how many there were and how many had a coupon. */
  public record CountryDayRevenue(LocalDate date, String country, BigDecimal revenue, long orders,
      long withCoupon) {}

  /** What a customer spent over all orders. */
  public record CustomerSpend(String customer, BigDecimal spent, long orders) {}

  /** Units of a product sold and their value. */
  public record SkuSales(String sku, long units, BigDecimal sales) {}

  /** Orders per sales channel (the {@code channel} tag). */
  public record ChannelOrders(String channel, long orders) {}

  /** Revenue of large orders per day and country, by day then country: a filter, a group-by and decimals. */
  public static List<CountryDayRevenue> largeOrderRevenue(Dataset<Row> orders) {
    return orders.where(col("amount").geq(lit(LARGE_ORDER)))
        .groupBy(col("date"), col("country"))
        .agg(sum("amount").as("revenue"), count(lit(1)).as("orders"), count(col("coupon")).as("with_coupon"))
        .orderBy(col("date"), col("country"))
        .collectAsList().stream()
        .map(r -> new CountryDayRevenue(r.getLocalDate(0), r.getString(1), cents(r.getDecimal(2)), r.getLong(3),
            r.getLong(4)))
        .toList();
  }

  /** The customers who spent most, ties by name. */
  public static List<CustomerSpend> topCustomers(Dataset<Row> orders) {
    return orders.groupBy(col("customer"))
        .agg(sum("amount").as("spent"), count(lit(1)).as("orders"))
        .orderBy(col("spent").desc(), col("customer"))
        .limit(TOP)
        .collectAsList().stream()
        .map(r -> new CustomerSpend(r.getString(0), cents(r.getDecimal(1)), r.getLong(2)))
        .toList();
  }

  /** The products sold most often, ties by SKU: one row per item, from the exploded arrays of records. */
  public static List<SkuSales> topProducts(Dataset<Row> orders) {
    return orders.select(explode(col("items")).as("item"))
        .groupBy(col("item.sku").as("sku"))
        .agg(sum("item.qty").as("units"), sum(col("item.price").multiply(col("item.qty"))).as("sales"))
        .orderBy(col("units").desc(), col("sku"))
        .limit(TOP)
        .collectAsList().stream()
        .map(r -> new SkuSales(r.getString(0), r.getLong(1), cents(r.getDecimal(2))))
        .toList();
  }

  /** Orders per sales channel, most first: a lookup in the map of tags. */
  public static List<ChannelOrders> ordersPerChannel(Dataset<Row> orders) {
    return orders.groupBy(col("tags").getItem("channel").as("channel"))
        .agg(count(lit(1)).as("orders"))
        .orderBy(col("orders").desc(), col("channel"))
        .collectAsList().stream()
        .map(r -> new ChannelOrders(r.getString(0), r.getLong(1)))
        .toList();
  }

  /** Spark widens the scale of sums and products; every amount here is whole cents. */
  private static BigDecimal cents(BigDecimal d) {
    return d.setScale(2);
  }
}
