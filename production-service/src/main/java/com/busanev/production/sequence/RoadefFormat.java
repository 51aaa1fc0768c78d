package com.busanev.production.sequence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an instance of the ROADEF 2005 car-sequencing challenge in Renault's original format: a folder of four
 * semicolon-separated files with one header line each ({@value #OBJECTIVES}, {@value #PAINT_BATCH_LIMIT},
 * {@value #RATIOS}, {@value #VEHICLES}). Blank lines, a trailing separator, a missing final newline and CR line
 * ends (all present in Renault's files) are accepted; anything else unexpected is refused with the line and field.
 */
public final class RoadefFormat {
    public static final String OBJECTIVES = "optimization_objectives.txt";
    public static final String PAINT_BATCH_LIMIT = "paint_batch_limit.txt";
    public static final String RATIOS = "ratios.txt";
    public static final String VEHICLES = "vehicles.txt";

    private static final Map<String, Objective> OBJECTIVE_NAMES = Map.of(
            "high_priority_level_and_easy_to_satisfy_ratio_constraints", Objective.HIGH_PRIORITY_RATIOS,
            "high_priority_level_and_difficult_to_satisfy_ratio_constraints", Objective.HIGH_PRIORITY_RATIOS,
            "low_priority_level_ratio_constraints", Objective.LOW_PRIORITY_RATIOS,
            "paint_color_batches", Objective.COLOUR_CHANGES);
    /** Date, rank, ident and colour come first in {@value #VEHICLES}; the option columns follow. */
    private static final int FIRST_OPTION_COLUMN = 4;

    private RoadefFormat() {
    }

    /** Reads the instance in {@code folder}: day D-1's cars (the first date in the file) fixed, then day D's. */
    public static SequencingProblem read(Path folder) {
        List<RatioConstraint> ratios = ratios(text(folder.resolve(RATIOS)));
        Vehicles vehicles = vehicles(text(folder.resolve(VEHICLES)), ratios);
        return new SequencingProblem(ratios, paintBatchLimit(text(folder.resolve(PAINT_BATCH_LIMIT))),
                objectives(text(folder.resolve(OBJECTIVES))), vehicles.fixed(), vehicles.day());
    }

    /** The cars of a {@value #VEHICLES} file: those of its first date (day D-1) and the rest (day D), in file order. */
    public record Vehicles(List<Vehicle> fixed, List<Vehicle> day) {
    }

    public static List<Objective> objectives(String text) {
        Map<Integer, Objective> byRank = new TreeMap<>();
        for (Row row : rows(OBJECTIVES, text)) {
            int rank = row.integer(0, "rank");
            Objective objective = OBJECTIVE_NAMES.get(row.field(1, "objective name"));
            if (objective == null) {
                throw row.refuse("objective name", "unknown objective, expected one of " + OBJECTIVE_NAMES.keySet());
            }
            if (rank != byRank.size() + 1 || byRank.containsValue(objective)) {
                throw row.refuse("rank", "ranks must run 1, 2, 3 with distinct objectives");
            }
            byRank.put(rank, objective);
        }
        return List.copyOf(byRank.values());
    }

    public static int paintBatchLimit(String text) {
        List<Row> rows = rows(PAINT_BATCH_LIMIT, text);
        if (rows.size() != 1) {
            throw new RoadefFormatException(PAINT_BATCH_LIMIT, 2, "limitation", "expected exactly one value");
        }
        int limit = rows.get(0).integer(0, "limitation");
        if (limit < 1) {
            throw rows.get(0).refuse("limitation", "must be at least 1");
        }
        return limit;
    }

    public static List<RatioConstraint> ratios(String text) {
        List<RatioConstraint> ratios = new ArrayList<>();
        Set<String> idents = new HashSet<>();
        for (Row row : rows(RATIOS, text)) {
            String[] np = row.field(0, "Ratio").split("/", -1);
            if (np.length != 2) {
                throw row.refuse("Ratio", "expected N/P");
            }
            int n = row.parse(np[0], "Ratio");
            int p = row.parse(np[1], "Ratio");
            if (p < 1 || n < 0 || n > p) {
                throw row.refuse("Ratio", "need 0 <= N <= P and P >= 1");
            }
            int priority = row.integer(1, "Prio");
            if (priority != 0 && priority != 1) {
                throw row.refuse("Prio", "must be 1 (high) or 0 (low)");
            }
            String ident = row.field(2, "Ident");
            if (ident.isEmpty() || !idents.add(ident)) {
                throw row.refuse("Ident", "missing or repeated");
            }
            ratios.add(new RatioConstraint(ident, n, p, priority == 1));
        }
        return ratios;
    }

    /** Reads a {@value #VEHICLES} file whose option columns must be exactly the given constraints' idents. */
    public static Vehicles vehicles(String text, List<RatioConstraint> ratios) {
        Map<String, Integer> constraintIndex = new HashMap<>();
        for (int c = 0; c < ratios.size(); c++) {
            constraintIndex.put(ratios.get(c).ident(), c);
        }
        Table table = table(text, constraintIndex::containsKey, "not a ratio constraint");
        if (table.optionColumns().size() != ratios.size()) {
            throw new RoadefFormatException(VEHICLES, 1, "header", "a column per ratio constraint is needed, found "
                    + table.optionColumns().size() + " of " + ratios.size());
        }
        List<Vehicle> fixed = new ArrayList<>();
        List<Vehicle> day = new ArrayList<>();
        String firstDate = table.cars().isEmpty() ? null : table.cars().get(0).date();
        for (Car car : table.cars()) {
            boolean[] options = new boolean[ratios.size()];
            car.options().forEach(option -> options[constraintIndex.get(option)] = true);
            (car.date().equals(firstDate) ? fixed : day).add(new Vehicle(car.ident(), car.colour(), options));
        }
        return new Vehicles(fixed, day);
    }

    /**
     * Reads a {@value #VEHICLES} file of the plant's own cars for one day: every row is a car (its date is not
     * read), each option column must be one of {@code knownOptions} (the plant option codes the rules name).
     */
    public static List<PlantVehicle> plantVehicles(String text, Set<String> knownOptions) {
        return table(text, knownOptions::contains, "not an option code of the sequencing rules").cars().stream()
                .map(car -> new PlantVehicle(car.ident(), car.colour(), car.options())).toList();
    }

    /** A vehicles file read: its option column names and its cars in file order. */
    private record Table(List<String> optionColumns, List<Car> cars) {
    }

    /** A row of a vehicles file: its date, ident, colour and the option columns that hold 1. */
    private record Car(String date, String ident, String colour, List<String> options) {
    }

    private static Table table(String text, java.util.function.Predicate<String> knownOption, String unknown) {
        String[] lines = lines(text);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new RoadefFormatException(VEHICLES, 1, "header", "missing");
        }
        String[] header = fields(lines[0]);
        if (header.length < FIRST_OPTION_COLUMN) {
            throw new RoadefFormatException(VEHICLES, 1, "header", "expected date, rank, ident and colour columns first");
        }
        Set<String> columns = new HashSet<>();
        for (int column = FIRST_OPTION_COLUMN; column < header.length; column++) {
            if (!knownOption.test(header[column])) {
                throw new RoadefFormatException(VEHICLES, 1, header[column], unknown);
            }
            if (!columns.add(header[column])) {
                throw new RoadefFormatException(VEHICLES, 1, header[column], "repeated");
            }
        }
        List<Car> cars = new ArrayList<>();
        Set<String> idents = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Row row = new Row(VEHICLES, i + 1, fields(lines[i]));
            if (row.fields.length != header.length) {
                throw row.refuse("line", "expected " + header.length + " fields, found " + row.fields.length);
            }
            String date = row.field(0, header[0]);
            String ident = row.field(2, header[2]);
            String colour = row.field(3, header[3]);
            if (date.isEmpty() || ident.isEmpty() || colour.isEmpty()) {
                throw row.refuse(date.isEmpty() ? header[0] : ident.isEmpty() ? header[2] : header[3], "missing");
            }
            if (!idents.add(ident)) {
                throw row.refuse(header[2], "repeated ident " + ident);
            }
            List<String> options = new ArrayList<>();
            for (int column = FIRST_OPTION_COLUMN; column < header.length; column++) {
                String flag = row.fields[column];
                if (!flag.equals("0") && !flag.equals("1")) {
                    throw row.refuse(header[column], "must be 0 or 1, found '" + flag + "'");
                }
                if (flag.equals("1")) {
                    options.add(header[column]);
                }
            }
            cars.add(new Car(date, ident, colour, options));
        }
        return new Table(List.of(header).subList(FIRST_OPTION_COLUMN, header.length), cars);
    }

    /** Reads a sequence file (one ident a line) as indexes into {@code problem.day()}; it must hold each day car once. */
    public static int[] sequence(SequencingProblem problem, String file, String text) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < problem.day().size(); i++) {
            index.put(problem.day().get(i).ident(), i);
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        String[] lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            String ident = lines[i].strip();
            if (ident.isEmpty()) {
                continue;
            }
            Integer car = index.get(ident);
            if (car == null || !seen.add(car)) {
                throw new RoadefFormatException(file, i + 1, "ident", ident + " is not a day-D car or is repeated");
            }
            order.add(car);
        }
        if (order.size() != problem.day().size()) {
            throw new RoadefFormatException(file, lines.length, "ident",
                    "holds " + order.size() + " of the day's " + problem.day().size() + " cars");
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String[] lines(String text) {
        return text.split("\r?\n|\r", -1);
    }

    /** The data rows of a file after its header line, blank lines skipped. */
    private static List<Row> rows(String file, String text) {
        String[] lines = lines(text);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(new Row(file, i + 1, fields(lines[i])));
            }
        }
        return rows;
    }

    /** The fields of a line; the separator Renault puts after the last field is not a field. */
    private static String[] fields(String line) {
        String trimmed = line.strip();
        if (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] fields = trimmed.split(";", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        return fields;
    }

    private record Row(String file, int line, String[] fields) {
        String field(int index, String name) {
            if (index >= fields.length) {
                throw refuse(name, "missing");
            }
            return fields[index];
        }

        int integer(int index, String name) {
            return parse(field(index, name), name);
        }

        int parse(String value, String name) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw refuse(name, "not a whole number: '" + value + "'");
            }
        }

        RoadefFormatException refuse(String name, String problem) {
            return new RoadefFormatException(file, line, name, problem);
        }
    }
}
