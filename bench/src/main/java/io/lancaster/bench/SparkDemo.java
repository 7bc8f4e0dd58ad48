package io.lancaster.bench;

import io.lancaster.bench.args.Arguments;
import io.lancaster.bench.data.Directories;
import io.lancaster.bench.demo.DemoOptions;
import io.lancaster.bench.demo.DemoQueries;
import io.lancaster.bench.demo.DemoQueries.ChannelOrders;
import io.lancaster.bench.demo.DemoQueries.CountryDayRevenue;
import io.lancaster.bench.demo.DemoQueries.CustomerSpend;
import io.lancaster.bench.demo.DemoQueries.SkuSales;
import io.lancaster.bench.demo.DemoSummary;
import io.lancaster.bench.demo.OrderDataset;
import io.lancaster.bench.demo.OrderDatasetWriter;
import io.lancaster.bench.demo.StepTimes;
import io.lancaster.bench.demo.StepTimes.Step;
import io.lancaster.bench.spark.LocalSpark;
import io.lancaster.bench.spark.ReadFormats;
import io.lancaster.bench.text.Numbers;
import io.lancaster.bench.text.TextTable;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The main job of the README's quick start ({@code bin/lancaster demo}): writes a web shop's orders as Avro
 * files partitioned by date with Lancaster's writer, reads them with Spark's {@code format("avro")} (which
 * Lancaster's connector registers), runs a few queries and reports how long each step took.
 */
public final class SparkDemo {
  private static final String USAGE = """
      usage: lancaster demo [--rows N] [--dir DIR] [--days N] [--files-per-day N] [--format NAME]
        --rows N           orders to generate (default 1,000,000)
        --dir DIR          where to write them (kept afterwards); default a temporary directory, deleted at the end
        --days N           days of orders, one date=YYYY-MM-DD partition each (default 7)
        --files-per-day N  Avro files per partition (default 2)
        --format NAME      the Spark format that reads them (default avro: Lancaster)
      """;

  private SparkDemo() {}

  public static void main(String[] args) throws Exception {
    Arguments a;
    try {
      a = Arguments.parse(args, Set.of("rows", "dir", "days", "files-per-day", "format"), Set.of("help"));
    } catch (IllegalArgumentException e) {
      System.err.println("lancaster demo: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (a.flag("help")) {
      System.out.print(USAGE);
      return;
    }
    Path given = a.path("dir", null);
    Path dir = given != null ? given : Files.createTempDirectory("lancaster-demo-");
    DemoOptions options = DemoOptions.defaults(dir)
        .withRows(a.count("rows", DemoOptions.DEFAULT_ROWS, 1))
        .withFormat(a.string("format", DemoOptions.DEFAULT_FORMAT))
        .withLayout((int) a.count("days", 7, 1), (int) a.count("files-per-day", 2, 1));

    long start = System.nanoTime();
    SparkSession spark = LocalSpark.start("lancaster-demo");
    System.out.printf("Spark %s started (%s) in %s s%n", spark.version(), spark.sparkContext().master(),
        Numbers.seconds((System.nanoTime() - start) / 1e9));
    try {
      run(spark, options, System.out);
    } finally {
      spark.stop();
      if (given == null) {
        Directories.deleteTree(dir);
      }
    }
  }

  /** Runs the demo on {@code spark}, printing its report to {@code out}. */
  public static DemoSummary run(SparkSession spark, DemoOptions options, PrintStream out) throws Exception {
    StepTimes times = new StepTimes();
    long n = options.rows();

    out.printf("%nWriting %s orders as Avro (Lancaster's writer, snappy) to %s%n", Numbers.count(n), options.dir());
    OrderDataset data = times.time("generate and write", n, () -> OrderDatasetWriter.write(options.dir(), n,
        options.days(), options.filesPerDay(), options.seed()));
    out.printf("  %d files in %d date partitions, %s%n", data.files(), data.days(), Numbers.megabytes(data.bytes()));

    Dataset<Row> orders = times.time("infer schema and plan", 0, () -> {
      Dataset<Row> df = spark.read().format(options.format()).load(options.dir().toString());
      df.schema();
      return df;
    });
    List<String> formats = ReadFormats.of(orders);
    out.printf("%nspark.read.format(\"%s\") reads with: %s%n", options.format(), String.join(", ", formats));
    out.println("Inferred schema:");
    out.print(orders.schema().treeString());
    printSample(orders, out);

    long rowsRead = times.time("count", n, orders::count);
    out.printf("%nRows read: %s%n", Numbers.count(rowsRead));

    List<CountryDayRevenue> revenue = times.time("revenue of large orders per day and country", n,
        () -> DemoQueries.largeOrderRevenue(orders));
    TextTable revenueTable = new TextTable("date", "country", "revenue>", "orders>", "with coupon>");
    revenue.forEach(r -> revenueTable.add(r.date(), r.country(), r.revenue(), r.orders(), r.withCoupon()));
    printResult(out, "Revenue of orders of " + DemoQueries.LARGE_ORDER + " or more, per day and country",
        revenueTable, 12);

    List<CustomerSpend> customers = times.time("top customers", n, () -> DemoQueries.topCustomers(orders));
    TextTable customerTable = new TextTable("customer", "spent>", "orders>");
    customers.forEach(c -> customerTable.add(c.customer(), c.spent(), c.orders()));
    printResult(out, "Top customers", customerTable, DemoQueries.TOP);

    List<SkuSales> products = times.time("top products (explode items)", n, () -> DemoQueries.topProducts(orders));
    TextTable productTable = new TextTable("sku", "units>", "sales>");
    products.forEach(p -> productTable.add(p.sku(), p.units(), p.sales()));
    printResult(out, "Top products", productTable, DemoQueries.TOP);

    List<ChannelOrders> channels = times.time("orders per channel (map lookup)", n,
        () -> DemoQueries.ordersPerChannel(orders));
    TextTable channelTable = new TextTable("channel", "orders>");
    channels.forEach(c -> channelTable.add(c.channel(), c.orders()));
    printResult(out, "Orders per sales channel (tags['channel'])", channelTable, 10);

    out.printf("%nTimings (%d cores)%n", Runtime.getRuntime().availableProcessors());
    TextTable timing = new TextTable("step", "seconds>", "rows/s>");
    double total = 0;
    for (Step s : times.steps()) {
      timing.add(s.name(), Numbers.seconds(s.seconds()), s.rows() > 0 ? Numbers.perSecond(s.rowsPerSecond()) : "");
      total += s.seconds();
    }
    timing.add("total", Numbers.seconds(total), "");
    out.print(timing.render());

    return new DemoSummary(data, formats, orders.schema().treeString(), rowsRead, revenue, customers, products,
        channels, times.steps());
  }

  private static void printSample(Dataset<Row> orders, PrintStream out) {
    TextTable sample = new TextTable("order_id", "customer", "country", "ordered_at", "amount", "items", "tags",
        "coupon", "date");
    for (Row r : orders.limit(3).collectAsList()) {
      sample.add(r.getAs("order_id"), r.getAs("customer"), r.getAs("country"), r.getAs("ordered_at"),
          r.getAs("amount"), r.getList(r.fieldIndex("items")).size() + " items",
          r.getJavaMap(r.fieldIndex("tags")), r.getAs("coupon"), r.getAs("date"));
    }
    out.println("\nA few orders:");
    out.print(sample.render());
  }

  private static void printResult(PrintStream out, String title, TextTable table, int shown) {
    out.printf("%n%s%n", title);
    out.print(table.render(shown));
  }
}
