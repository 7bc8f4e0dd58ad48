package io.lancaster.bench.demo;

import io.lancaster.bench.demo.DemoQueries.ChannelOrders;
import io.lancaster.bench.demo.DemoQueries.CountryDayRevenue;
import io.lancaster.bench.demo.DemoQueries.CustomerSpend;
import io.lancaster.bench.demo.DemoQueries.SkuSales;
import io.lancaster.bench.demo.StepTimes.Step;
import java.util.List;

/**
 * What a demo run found: the data set it wrote, the file formats Spark's plan reads it with, the schema Spark
 * inferred, the row count Spark read, each query's result and each step's time.
 */
public record DemoSummary(
    OrderDataset dataset,
    List<String> fileFormats,
    String schemaTree,
    long rowsRead,
    List<CountryDayRevenue> largeOrderRevenue,
    List<CustomerSpend> topCustomers,
    List<SkuSales> topProducts,
    List<ChannelOrders> ordersPerChannel,
    List<Step> steps) {}
