package com.busanev.testing;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running test application's OpenAPI document (/q/openapi) checked by a tool no one here wrote: Redocly CLI
 * ({@value #REDOCLY}, run by npx) with the rules of redocly.yaml beside this class, and the suite's own rule that every
 * error response is {@value #PROBLEM_JSON}. A failure lists each finding with its rule and operation.
 */
public final class OpenApiLint {
    public static final String REDOCLY = "@redocly/cli@2.77.0";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final Path DIRECTORY = Path.of("target", "openapi-lint");
    /** The first run downloads the CLI into ~/.npm; later runs take a few seconds. */
    private static final long TIMEOUT_MINUTES = 5;
    private static final Pattern OPERATION = Pattern.compile("^#/paths/([^/]+)/(get|put|post|delete|patch|head|options|trace)\\b");

    private OpenApiLint() {
    }

    /** Redocly lint passes: exit code 0 and no finding at all (the config makes every recommended rule an error). */
    public static void assertPasses() {
        Path document = write("openapi.json", document());
        Path config = write("redocly.yaml", resource("redocly.yaml"));
        Path out = DIRECTORY.resolve("redocly-out.json");
        Path err = DIRECTORY.resolve("redocly-err.txt");
        List<String> command = List.of("npx", "--yes", REDOCLY, "lint", document.toString(), "--config", config.toString(),
                "--format=json");
        int exit = run(command, out, err);
        String output = read(out);
        List<String> findings = findings(output);
        if (exit != 0 || !findings.isEmpty()) {
            throw new AssertionError("redocly lint of " + document + " failed (exit " + exit + ", " + findings.size()
                    + " finding(s); rules: " + REDOCLY + " with test-support's com/busanev/testing/redocly.yaml):\n"
                    + (findings.isEmpty() ? output + "\n" + read(err) : String.join("\n", findings)));
        }
    }

    /** Every 4xx and 5xx response of every operation has a {@value #PROBLEM_JSON} body of the Problem schema. */
    public static void assertErrorResponsesAreProblems() {
        JsonPath openApi = JsonPath.from(document());
        Map<String, Map<String, Object>> named = openApi.getMap("components.responses");
        if (openApi.getMap("components.schemas.Problem") == null) {
            throw new AssertionError("The OpenAPI document has no Problem schema in components.schemas");
        }
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !(op.get("responses") instanceof Map<?, ?> responses)) {
                return;
            }
            responses.forEach((status, response) -> {
                if (isError(status.toString()) && !isProblem(resolve(response, named))) {
                    missing.add(method.toUpperCase() + " " + path + " " + status);
                }
            });
        }));
        if (!missing.isEmpty()) {
            throw new AssertionError("Error responses without a " + PROBLEM_JSON + " body of " + PROBLEM_SCHEMA + ":\n"
                    + String.join("\n", missing));
        }
    }

    private static String document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    }

    private static int run(List<String> command, Path out, Path err) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // No telemetry or update checks from a test run.
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("Linting the OpenAPI document needs npx (Node.js 20 or later, with npm), which "
                    + "could not be started (" + e.getMessage() + "). Install Node.js (https://nodejs.org/en/download, "
                    + "or: apt-get install nodejs npm) and run the test again; npx then fetches " + REDOCLY
                    + " from the npm registry once.", e);
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("npx " + REDOCLY + " did not finish in " + TIMEOUT_MINUTES + " minutes (is the npm "
                        + "registry reachable?):\n" + read(err));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while redocly ran", e);
        }
    }

    /** One line per finding: severity, rule, the operation it is in (if any), JSON pointer, message. */
    private static List<String> findings(String output) {
        List<Map<String, Object>> problems;
        try {
            problems = JsonPath.from(output).getList("problems");
        } catch (RuntimeException notJson) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> problem : problems == null ? List.<Map<String, Object>>of() : problems) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> locations = (List<Map<String, Object>>) problem.get("location");
            String pointer = locations == null || locations.isEmpty() ? "#" : String.valueOf(locations.get(0).get("pointer"));
            lines.add(problem.get("severity") + " " + problem.get("ruleId") + operation(pointer) + " at " + pointer + ": "
                    + problem.get("message"));
        }
        return lines;
    }

    private static String operation(String pointer) {
        Matcher operation = OPERATION.matcher(pointer);
        return operation.find()
                ? " in " + operation.group(2).toUpperCase() + " " + operation.group(1).replace("~1", "/").replace("~0", "~")
                : "";
    }

    @SuppressWarnings("unchecked")
    private static Object resolve(Object response, Map<String, Map<String, Object>> named) {
        if (response instanceof Map<?, ?> map && map.get("$ref") instanceof String ref && named != null) {
            return named.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return response;
    }

    private static boolean isProblem(Object response) {
        return response instanceof Map<?, ?> map && map.get("content") instanceof Map<?, ?> content
                && content.get(PROBLEM_JSON) instanceof Map<?, ?> media && media.get("schema") instanceof Map<?, ?> schema
                && PROBLEM_SCHEMA.equals(schema.get("$ref"));
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiLint.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing beside " + OpenApiLint.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, String content) {
        try {
            Files.createDirectories(DIRECTORY);
            return Files.writeString(DIRECTORY.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
