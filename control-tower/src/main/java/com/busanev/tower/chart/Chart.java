package com.busanev.tower.chart;

import java.util.List;

/**
 * A chart the server draws as inline SVG ({@code {#chart chart /}}, templates/tags/chart.html): the geometry is
 * computed here in the viewBox's units, so the template only writes elements and the browser scales them. No script
 * and no chart library: a chart is a few hundred bytes of markup inside the page that refreshes it.
 */
public record Chart(String id, String title, int width, int height, List<Tick> ticks, List<Label> labels, List<Bar> bars,
        List<Line> lines, List<Key> legend) {

    /** A value on the y axis, at its height, with its grid line from {@code x1} to {@code x2}. */
    public record Tick(double y, double x1, double x2, String label) {
        /** The label's right end, left of the axis. */
        public double labelX() {
            return x1 - 4;
        }
    }

    /** A category under the x axis. */
    public record Label(double x, double y, String text) {
    }

    /** One bar of one series; {@code alert} marks a value that needs attention (drawn red). */
    public record Bar(String series, double x, double y, double width, double height, boolean alert, String title) {
    }

    /** One series as a path; a missing value breaks the line. {@code points} counts the values drawn. */
    public record Line(String series, String name, String path, int points, List<Dot> dots) {
    }

    /** A value of a line, as a dot with its title (a lone value between gaps would otherwise not show). */
    public record Dot(double x, double y, String title) {
    }

    /** What a series is, under the chart. */
    public record Key(String series, String name) {
    }
}
