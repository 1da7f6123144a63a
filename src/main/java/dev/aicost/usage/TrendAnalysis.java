package dev.aicost.usage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.aggregate.AggregateFunctions;

/**
 * {@code usage --trend}: the daily series, the fitted month-over-month growth, anomaly days and
 * when a month's budget will be crossed. The daily table and its sums per day are Tablesaw tables;
 * the growth is a least-squares line through ln(daily cost) (commons-math3), as a compound rate
 * per month of {@code daysPerMonth} days. Money shown is exact: each day's cost is the sum of the
 * priced (or billed) costs as decimals; only the fit and the projection it makes are floating point.
 * Loaded only when {@code --trend} is given.
 */
public final class TrendAnalysis {
    /** A fit that rests on fewer days than this is not written to an emitted workload. */
    public static final int MIN_DAYS_FOR_WORKLOAD = 28;
    /** The trailing window the anomaly test compares a day with. */
    static final int WINDOW = 7;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final MathContext MC = MathContext.DECIMAL64;

    private TrendAnalysis() {
    }

    /** One day: its totals and each model's (and tag's) part of them. */
    public record Day(LocalDate date, long calls, long tokens, BigDecimal cost, List<UsageAnalysis.DailyPoint> parts) {
    }

    /** A day whose cost is more than 3 MADs above the median of the 7 days before it. */
    public record Anomaly(LocalDate date, BigDecimal cost, BigDecimal median, BigDecimal threshold, String model,
            String tag, BigDecimal modelIncrease) {
    }

    /**
     * The fitted growth; {@code monthly} is null when fewer than 2 days had a cost, {@code r2} also
     * when every day cost the same (a flat line explains nothing because there is nothing to explain).
     */
    public record Growth(Double monthly, Double r2, int days) {
    }

    /**
     * The trend. {@code budgetCrossing} is the date the month of the last day (which has started)
     * reaches {@code budget}: the day it did, or the day the fitted growth says it will, or null when
     * it will not within the month or no budget was given.
     */
    public record Trend(List<Day> days, Growth growth, List<Anomaly> anomalies, BigDecimal budget,
            YearMonth budgetMonth, BigDecimal monthToDate, LocalDate budgetCrossing, boolean budgetProjected,
            Map<String, Growth> growthByRow, List<String> notes) {

        /** The growth fitted to one model's (and tag's) own daily cost, or null. */
        public Growth growthOf(String model, String tag) {
            return growthByRow.get(rowKey(model, tag));
        }
    }

    private static String rowKey(String model, String tag) {
        return (tag == null ? "" : tag) + "\u0000" + model;
    }

    /**
     * @param points the daily points of a read ({@link UsageAnalysis.Result#daily()})
     * @param daysPerMonth the month the growth is expressed in (hours per month / 24)
     * @param budget a monthly budget, or null
     */
    public static Trend analyse(List<UsageAnalysis.DailyPoint> points, BigDecimal daysPerMonth, BigDecimal budget) {
        List<String> notes = new ArrayList<>();
        Table daily = table(points);
        long unpriced = points.stream().filter(p -> p.cost() == null).count();
        if (unpriced > 0) {
            notes.add(unpriced + (unpriced == 1 ? " model-day" : " model-days")
                    + " could not be priced on the card and count as no cost");
        }
        List<Day> days = days(points, daily);
        Growth growth = fit(days, daysPerMonth.doubleValue());
        List<Anomaly> anomalies = anomalies(days);
        if (growth.r2() != null && growth.r2() < 0.5) {
            notes.add("a poor fit (R\u00b2 below 0.5): the daily cost does not follow one growth rate"
                    + (anomalies.isEmpty() ? "" : "; the anomaly days weigh on it"));
        }
        YearMonth month = days.isEmpty() ? null : YearMonth.from(days.get(days.size() - 1).date());
        BigDecimal monthToDate = BigDecimal.ZERO;
        LocalDate crossing = null;
        boolean projected = false;
        if (budget != null && month != null) {
            for (Day day : days) {
                if (YearMonth.from(day.date()).equals(month)) {
                    monthToDate = monthToDate.add(day.cost());
                    if (crossing == null && monthToDate.compareTo(budget) >= 0) {
                        crossing = day.date();
                    }
                }
            }
            if (crossing == null) {
                crossing = projectedCrossing(days, growth, month, monthToDate, budget);
                projected = crossing != null;
            }
        }
        Map<String, Growth> byRow = new LinkedHashMap<>();
        Map<String, List<UsageAnalysis.DailyPoint>> rows = new LinkedHashMap<>();
        for (UsageAnalysis.DailyPoint p : points) {
            rows.computeIfAbsent(rowKey(p.model(), p.tag()), k -> new ArrayList<>()).add(p);
        }
        rows.forEach((key, own) -> byRow.put(key, fit(days(own, table(own)), daysPerMonth.doubleValue())));
        return new Trend(days, growth, anomalies, budget, month, monthToDate, crossing, projected, byRow, notes);
    }

    /** The points as a Tablesaw table: day, model, tag, calls, tokens (the cost stays a decimal, outside it). */
    static Table table(List<UsageAnalysis.DailyPoint> points) {
        DateColumn day = DateColumn.create("day");
        StringColumn model = StringColumn.create("model");
        StringColumn tag = StringColumn.create("tag");
        LongColumn calls = LongColumn.create("calls");
        LongColumn tokens = LongColumn.create("tokens");
        for (UsageAnalysis.DailyPoint p : points) {
            day.append(p.day());
            model.append(p.model());
            tag.append(p.tag() == null ? "" : p.tag());
            calls.append(p.calls());
            tokens.append(p.tokens());
        }
        return Table.create("daily", day, model, tag, calls, tokens);
    }

    /**
     * Every day from the first to the last, empty days as zero. Calls and tokens per day are the
     * Tablesaw table's sums by day (exact: whole numbers far below 2^53); the cost is summed again
     * as decimals so that what is shown is exact.
     */
    private static List<Day> days(List<UsageAnalysis.DailyPoint> points, Table daily) {
        if (points.isEmpty()) {
            return List.of();
        }
        Table sums = daily.summarize("calls", "tokens", AggregateFunctions.sum).by("day").sortAscendingOn("day");
        Map<LocalDate, long[]> counts = new LinkedHashMap<>();
        for (Row row : sums) {
            counts.put(row.getDate("day"), new long[] {Math.round(row.getDouble("Sum [calls]")),
                Math.round(row.getDouble("Sum [tokens]"))});
        }
        Map<LocalDate, List<UsageAnalysis.DailyPoint>> parts = new LinkedHashMap<>();
        for (UsageAnalysis.DailyPoint p : points) {
            parts.computeIfAbsent(p.day(), d -> new ArrayList<>()).add(p);
        }
        LocalDate first = points.get(0).day();
        LocalDate last = points.get(points.size() - 1).day();
        List<Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<UsageAnalysis.DailyPoint> of = parts.getOrDefault(d, List.of());
            BigDecimal cost = BigDecimal.ZERO;
            for (UsageAnalysis.DailyPoint p : of) {
                if (p.cost() != null) {
                    cost = cost.add(p.cost());
                }
            }
            long[] c = counts.getOrDefault(d, new long[2]);
            days.add(new Day(d, c[0], c[1], cost, List.copyOf(of)));
        }
        return days;
    }

    /** Least squares of ln(cost) on the day number, over the days with a cost; the slope as a monthly compound rate. */
    private static Growth fit(List<Day> days, double daysPerMonth) {
        SimpleRegression regression = regression(days);
        int n = (int) regression.getN();
        if (n < 2) {
            return new Growth(null, null, n);
        }
        double r2 = regression.getRSquare(); // NaN when every day cost the same: nothing to explain
        return new Growth(Math.expm1(regression.getSlope() * daysPerMonth), Double.isNaN(r2) ? null : r2, n);
    }

    /** ln(cost) against the day's number (0 for the first day), over the days with a cost. */
    private static SimpleRegression regression(List<Day> days) {
        SimpleRegression regression = new SimpleRegression();
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).cost().signum() > 0) {
                regression.addData(i, Math.log(days.get(i).cost().doubleValue()));
            }
        }
        return regression;
    }

    /** Median of {@code values}, exact: the middle one, or the mean of the middle two. */
    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
    }

    /**
     * Days whose cost exceeds the median of the 7 days before them by more than 3 median absolute
     * deviations, each with the model (and tag) whose cost rose most above its own 7-day median.
     */
    private static List<Anomaly> anomalies(List<Day> days) {
        List<Anomaly> anomalies = new ArrayList<>();
        for (int i = WINDOW; i < days.size(); i++) {
            List<BigDecimal> window = new ArrayList<>();
            for (int j = i - WINDOW; j < i; j++) {
                window.add(days.get(j).cost());
            }
            BigDecimal median = median(window);
            List<BigDecimal> deviations = window.stream().map(v -> v.subtract(median).abs()).toList();
            BigDecimal threshold = median.add(THREE.multiply(median(deviations)));
            Day day = days.get(i);
            if (day.cost().compareTo(threshold) > 0) {
                UsageAnalysis.DailyPoint driver = null;
                BigDecimal rise = null;
                for (UsageAnalysis.DailyPoint part : day.parts()) {
                    List<BigDecimal> own = new ArrayList<>();
                    for (int j = i - WINDOW; j < i; j++) {
                        own.add(costOf(days.get(j), part.model(), part.tag()));
                    }
                    BigDecimal increase = (part.cost() == null ? BigDecimal.ZERO : part.cost()).subtract(median(own));
                    if (rise == null || increase.compareTo(rise) > 0) {
                        rise = increase;
                        driver = part;
                    }
                }
                anomalies.add(new Anomaly(day.date(), day.cost(), median, threshold,
                        driver == null ? null : driver.model(), driver == null ? null : driver.tag(), rise));
            }
        }
        return anomalies;
    }

    private static BigDecimal costOf(Day day, String model, String tag) {
        for (UsageAnalysis.DailyPoint p : day.parts()) {
            if (p.model().equals(model) && java.util.Objects.equals(p.tag(), tag) && p.cost() != null) {
                return p.cost();
            }
        }
        return BigDecimal.ZERO;
    }

    /**
     * The first day of {@code month} after the data on which the spend so far plus the fitted daily
     * cost of each later day reaches {@code budget}; null when it does not within the month. Without
     * a fit, the later days cost the month's average day so far.
     */
    private static LocalDate projectedCrossing(List<Day> days, Growth growth, YearMonth month, BigDecimal spent,
            BigDecimal budget) {
        Day last = days.get(days.size() - 1);
        int lastIndex = days.size() - 1;
        SimpleRegression regression = regression(days);
        BigDecimal average = spent.divide(BigDecimal.valueOf(last.date().getDayOfMonth()), MC);
        BigDecimal total = spent;
        for (LocalDate d = last.date().plusDays(1); YearMonth.from(d).equals(month); d = d.plusDays(1)) {
            int index = lastIndex + (int) (d.toEpochDay() - last.date().toEpochDay());
            BigDecimal projected = growth.days() >= 2
                    ? new BigDecimal(Math.exp(regression.getIntercept() + regression.getSlope() * index), MC)
                    : average;
            total = total.add(projected);
            if (total.compareTo(budget) >= 0) {
                return d;
            }
        }
        return null;
    }
}
