package com.busanev.tower.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * Builds a {@link Chart} over categories (days, weeks): bar series side by side in each category, line series
 * through the categories' centres. The y axis runs from zero to a fixed top (100 for shares) or to the largest value
 * rounded up.
 */
public final class ChartBuilder {
    private static final double LEFT = 54;
    private static final double RIGHT = 16;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;
    /** At most this many category labels under the axis; the others are in the bars' and dots' titles. */
    private static final int LABELS = 10;
    /** The share of a category's width its bars fill. */
    private static final double BAND_FILL = 0.8;
    /** An alert bar is at least this high, so that a zero that needs attention is seen. */
    private static final double MIN_ALERT_HEIGHT = 3;
    /**
     * The viewBox of a chart in a third of a 1366-pixel screen: about one unit a pixel there, so that its text reads at
     * the stylesheet's size. A chart across the page is {@link #wide()}.
     */
    private static final int WIDTH = 420;
    private static final int WIDE = 960;
    private static final int HEIGHT = 170;

    private record BarSeries(String series, String name, List<Double> values, IntPredicate alert) {
    }

    private record LineSeries(String series, String name, List<Double> values) {
    }

    private final String id;
    private final String title;
    private final String unit;
    private final List<String> categories;
    private final List<BarSeries> bars = new ArrayList<>();
    private final List<LineSeries> lines = new ArrayList<>();
    private Double top;
    private int width = WIDTH;

    private ChartBuilder(String id, String title, String unit, List<String> categories) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.categories = categories;
    }

    /** A chart of these categories, left to right; {@code unit} follows each value in titles and ticks. */
    public static ChartBuilder of(String id, String title, String unit, List<String> categories) {
        return new ChartBuilder(id, title, unit, categories);
    }

    /** The y axis ends here (e.g. 100 for a share in percent) unless a value is larger. */
    public ChartBuilder top(double value) {
        this.top = value;
        return this;
    }

    /** A chart across the page rather than a third of it. */
    public ChartBuilder wide() {
        this.width = WIDE;
        return this;
    }

    /** One value per category (null: no bar); {@code alert} marks the categories drawn red. */
    public ChartBuilder bars(String series, String name, List<Double> values, IntPredicate alert) {
        bars.add(new BarSeries(series, name, values, alert));
        return this;
    }

    public ChartBuilder bars(String series, String name, List<Double> values) {
        return bars(series, name, values, i -> false);
    }

    /** One value per category; null breaks the line. */
    public ChartBuilder line(String series, String name, List<Double> values) {
        lines.add(new LineSeries(series, name, values));
        return this;
    }

    public Chart build() {
        double max = niceCeiling(Math.max(top == null ? 0 : top, largest()));
        double plotWidth = width - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double band = categories.isEmpty() ? plotWidth : plotWidth / categories.size();
        List<Chart.Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 2; i++) {
            double value = max * i / 2;
            ticks.add(new Chart.Tick(y(value, max, plotHeight), LEFT, width - RIGHT, number(value) + unit));
        }
        List<Chart.Label> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(categories.size() / (double) LABELS));
        for (int i = 0; i < categories.size(); i += every) {
            labels.add(new Chart.Label(round(LEFT + band * (i + 0.5)), HEIGHT - 6, categories.get(i)));
        }
        List<Chart.Bar> drawnBars = new ArrayList<>();
        double barWidth = bars.isEmpty() ? 0 : band * BAND_FILL / bars.size();
        for (int s = 0; s < bars.size(); s++) {
            BarSeries series = bars.get(s);
            for (int i = 0; i < categories.size(); i++) {
                Double value = i < series.values().size() ? series.values().get(i) : null;
                if (value == null) {
                    continue;
                }
                double x = LEFT + band * i + band * (1 - BAND_FILL) / 2 + barWidth * s;
                boolean alert = series.alert().test(i);
                // A value that needs attention shows even at zero (a week with no pack covered).
                double y = Math.min(y(value, max, plotHeight), alert ? TOP + plotHeight - MIN_ALERT_HEIGHT : Double.MAX_VALUE);
                drawnBars.add(new Chart.Bar(series.series(), round(x), round(y), round(barWidth),
                        round(TOP + plotHeight - y), alert, title(i, series.name(), value)));
            }
        }
        List<Chart.Line> drawnLines = new ArrayList<>();
        for (LineSeries series : lines) {
            StringBuilder path = new StringBuilder();
            List<Chart.Dot> dots = new ArrayList<>();
            boolean drawing = false;
            for (int i = 0; i < categories.size(); i++) {
                Double value = i < series.values().size() ? series.values().get(i) : null;
                if (value == null) {
                    drawing = false;
                    continue;
                }
                double x = round(LEFT + band * (i + 0.5));
                double y = round(y(value, max, plotHeight));
                path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(coordinate(x)).append(' ').append(coordinate(y));
                dots.add(new Chart.Dot(x, y, title(i, series.name(), value)));
                drawing = true;
            }
            drawnLines.add(new Chart.Line(series.series(), series.name(), path.toString(), dots.size(), dots));
        }
        List<Chart.Key> legend = new ArrayList<>();
        bars.forEach(b -> legend.add(new Chart.Key(b.series(), b.name())));
        lines.forEach(l -> legend.add(new Chart.Key(l.series(), l.name())));
        return new Chart(id, title, width, HEIGHT, ticks, labels, drawnBars, drawnLines, legend);
    }

    private double largest() {
        double largest = 0;
        for (BarSeries series : bars) {
            largest = Math.max(largest, series.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0));
        }
        for (LineSeries series : lines) {
            largest = Math.max(largest, series.values().stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0));
        }
        return largest;
    }

    private String title(int category, String series, double value) {
        return categories.get(category) + " · " + series + ": " + number(value) + unit;
    }

    private static double y(double value, double max, double plotHeight) {
        return TOP + plotHeight - plotHeight * Math.max(0, value) / max;
    }

    /** 1, 2 or 5 times a power of ten, at least the value (and at least 1, so an empty chart has an axis). */
    static double niceCeiling(double value) {
        if (value <= 1) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
