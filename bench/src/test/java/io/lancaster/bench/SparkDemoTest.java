package io.lancaster.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lancaster.avro.file.DataFileReader;
import io.lancaster.avro.generic.GenericEnum;
import io.lancaster.avro.generic.GenericRecord;
import io.lancaster.bench.demo.DemoOptions;
import io.lancaster.bench.demo.DemoQueries;
import io.lancaster.bench.demo.DemoQueries.ChannelOrders;
import io.lancaster.bench.demo.DemoQueries.CountryDayRevenue;
import io.lancaster.bench.demo.DemoQueries.CustomerSpend;
import io.lancaster.bench.demo.DemoQueries.SkuSales;
import io.lancaster.bench.demo.DemoSummary;
import io.lancaster.bench.spark.LocalSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo on a few thousand orders: every query result must equal what the generated files hold, read back
 * directly with the core reader, and Spark's {@code format("avro")} must be Lancaster's.
 */
class SparkDemoTest {
  private static final String LANCASTER_FORMAT = "io.lancaster.spark.LancasterFileFormat";
  private static final long ROWS = 3_000;

  private static SparkSession spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("SparkDemoTest");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void queryResultsMatchTheGeneratedFiles() throws Exception {
    DemoOptions options = DemoOptions.defaults(dir.resolve("orders")).withRows(ROWS).withLayout(3, 2);
    ByteArrayOutputStream report = new ByteArrayOutputStream();
    DemoSummary summary = SparkDemo.run(spark, options, new PrintStream(report, true, StandardCharsets.UTF_8));
    Expected expected = Expected.read(options.dir());

    assertThat(summary.fileFormats()).containsExactly(LANCASTER_FORMAT);
    assertThat(summary.dataset().rows()).isEqualTo(ROWS);
    assertThat(summary.dataset().files()).isEqualTo(6);
    assertThat(expected.rows).isEqualTo(ROWS);
    assertThat(summary.rowsRead()).isEqualTo(ROWS);
    assertThat(summary.schemaTree())
        .contains(" |-- ordered_at: timestamp (nullable = true)")
        .contains(" |-- amount: decimal(12,2) (nullable = true)")
        .contains(" |    |    |-- price: decimal(10,2) (nullable = true)")
        .contains(" |-- date: date (nullable = true)");

    assertThat(summary.largeOrderRevenue()).isEqualTo(expected.largeOrderRevenue());
    assertThat(summary.topCustomers()).isEqualTo(expected.topCustomers());
    assertThat(summary.topProducts()).isEqualTo(expected.topProducts());
    assertThat(summary.ordersPerChannel()).isEqualTo(expected.ordersPerChannel());
    assertThat(summary.steps()).extracting(s -> s.name()).contains("generate and write", "count");
    assertThat(report.toString(StandardCharsets.UTF_8)).contains(LANCASTER_FORMAT, "Top customers", "Timings");
  }

  /** The demo's query results, computed from the Avro files by the core reader, without Spark. */
  private static final class Expected {
    long rows;
    final Map<List<Object>, long[]> largeByDayCountry = new HashMap<>(); // cents, orders, with coupon
    final Map<String, long[]> byCustomer = new HashMap<>(); // cents, orders
    final Map<String, long[]> bySku = new HashMap<>(); // units, cents
    final Map<String, Long> byChannel = new HashMap<>();

    static Expected read(Path dir) throws Exception {
      Expected e = new Expected();
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files = walk.filter(p -> p.toString().endsWith(".avro")).toList();
      }
      for (Path file : files) {
        LocalDate date = LocalDate.parse(file.getParent().getFileName().toString().substring("date=".length()));
        try (DataFileReader<Object> reader = DataFileReader.open(file)) {
          while (reader.hasNext()) {
            e.add(date, (GenericRecord) reader.next());
          }
        }
      }
      return e;
    }

    private void add(LocalDate date, GenericRecord order) {
      rows++;
      long cents = cents(order.get("amount"));
      String customer = order.get("customer").toString();
      long[] c = byCustomer.computeIfAbsent(customer, k -> new long[2]);
      c[0] += cents;
      c[1]++;
      if (cents >= 100_00) {
        String country = ((GenericEnum) order.get("country")).symbol();
        long[] d = largeByDayCountry.computeIfAbsent(List.of(date, country), k -> new long[3]);
        d[0] += cents;
        d[1]++;
        d[2] += order.get("coupon") != null ? 1 : 0;
      }
      for (Object o : (List<?>) order.get("items")) {
        GenericRecord item = (GenericRecord) o;
        int qty = (Integer) item.get("qty");
        long[] s = bySku.computeIfAbsent(item.get("sku").toString(), k -> new long[2]);
        s[0] += qty;
        s[1] += qty * cents(item.get("price"));
      }
      Object channel = ((Map<?, ?>) order.get("tags")).get("channel");
      byChannel.merge(channel.toString(), 1L, Long::sum);
    }

    List<CountryDayRevenue> largeOrderRevenue() {
      return largeByDayCountry.entrySet().stream()
          .map(en -> new CountryDayRevenue((LocalDate) en.getKey().get(0), (String) en.getKey().get(1),
              money(en.getValue()[0]), en.getValue()[1], en.getValue()[2]))
          .sorted(Comparator.comparing(CountryDayRevenue::date).thenComparing(CountryDayRevenue::country))
          .toList();
    }

    List<CustomerSpend> topCustomers() {
      return byCustomer.entrySet().stream()
          .map(en -> new CustomerSpend(en.getKey(), money(en.getValue()[0]), en.getValue()[1]))
          .sorted(Comparator.comparing(CustomerSpend::spent).reversed().thenComparing(CustomerSpend::customer))
          .limit(DemoQueries.TOP)
          .toList();
    }

    List<SkuSales> topProducts() {
      return bySku.entrySet().stream()
          .map(en -> new SkuSales(en.getKey(), en.getValue()[0], money(en.getValue()[1])))
          .sorted(Comparator.comparing(SkuSales::units).reversed().thenComparing(SkuSales::sku))
          .limit(DemoQueries.TOP)
          .toList();
    }

    List<ChannelOrders> ordersPerChannel() {
      return byChannel.entrySet().stream()
          .map(en -> new ChannelOrders(en.getKey(), en.getValue()))
          .sorted(Comparator.comparing(ChannelOrders::orders).reversed().thenComparing(ChannelOrders::channel))
          .toList();
    }

    private static long cents(Object decimalBytes) {
      ByteBuffer b = ((ByteBuffer) decimalBytes).duplicate();
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      return new BigInteger(bytes).longValueExact();
    }

    private static BigDecimal money(long cents) {
      return BigDecimal.valueOf(cents, 2);
    }
  }
}
