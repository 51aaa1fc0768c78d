package com.busanev.localstack;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The control tower's order desk with a year of orders in the database: the suite is started as in the local run,
 * {@code orders} rows are inserted straight into order-service's database (one INSERT ... SELECT over
 * generate_series, every status and eight markets), then a person signs in through Keycloak's login page and the
 * tower's pages are timed over real HTTP with the session cookie: the first load of the Orders view and view
 * changes (a status, a market, the 5 s panel refresh), each as the viewer (every brand's orders) and the buyer.
 * Run: {@code java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" com.busanev.localstack.TowerBenchmark [orders] [repeats]}.
 */
public final class TowerBenchmark {
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern SECURE = Pattern.compile(";\\s*Secure", Pattern.CASE_INSENSITIVE);
    private static final String[] MARKETS = {"US", "CA", "DE", "FR", "SE", "NO", "NL", "BE"};

    private TowerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path runDir = RunDirectory.create(root, "bench-");
        try (LocalStack stack = LocalStack.start(new LocalStack.Options(root, runDir, StackPorts.free(), 1, Instant.now()),
                line -> System.out.println("  " + line))) {
            insertOrders(stack, orders);
            for (String user : new String[] {"viewer", "polestar-buyer"}) {
                HttpClient browser = signIn(stack.controlTowerUrl(), user);
                String tower = stack.controlTowerUrl();
                time(browser, user, "first load      /orders", tower + "/orders", 1);
                time(browser, user, "load            /orders", tower + "/orders", repeats);
                time(browser, user, "status change   /orders?status=BLOCKED", tower + "/orders?status=BLOCKED", repeats);
                time(browser, user, "market change   /orders?market=DE", tower + "/orders?market=DE", repeats);
                time(browser, user, "panel refresh   /orders/panel?status=SHIPPED&page=3", tower + "/orders/panel?status=SHIPPED&page=3", repeats);
            }
            HttpClient http = HttpClient.newHttpClient();
            String token = new PartnerApi(stack.keycloakUrl()).token("viewer");
            String api = stack.serviceUrl("order-service") + "/api/v1/orders";
            timeApi(http, token, "order-service   GET /orders/summary", api + "/summary", repeats);
            timeApi(http, token, "order-service   GET /orders?size=20", api + "?size=20", repeats);
            timeApi(http, token, "order-service   GET /orders?status=BLOCKED&size=20", api + "?status=BLOCKED&size=20", repeats);
        }
        RunDirectory.keepLogsOnly(runDir);
        System.exit(0);
    }

    /** Order rows as order-service writes them (V1__orders.sql), spread over statuses, markets and a year. */
    private static void insertOrders(LocalStack stack, int orders) throws Exception {
        long start = System.nanoTime();
        try (Connection db = stack.openDatabase("order-service"); Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO orders (id, brand, brand_reference, model, variant, exterior_colour, interior, option_packs,
                        wheels, market, region, requested_week, priority, status, status_at, planned_date, blocked_reason,
                        vin, voyage_id, vessel, transport_mode, destination_port, eta, created_at, updated_at, version)
                    SELECT gen_random_uuid(), 'polestar', 'BENCH-' || g, 'POLESTAR_4', 'LONG_RANGE_DUAL_MOTOR', 'SNOW',
                        'CHARCOAL_TAILORED_KNIT', 'PLUS', 'ALLOY_21', m.market, CASE WHEN m.market IN ('US', 'CA') THEN 'NA' ELSE 'EU' END,
                        NULL, 5, s.status, now(), current_date + (g %% 365),
                        CASE WHEN s.status = 'BLOCKED' THEN 'NO_PACKS' END, NULL, NULL, NULL, NULL, NULL, NULL,
                        now() - make_interval(secs => g * 100), now(), 0
                    FROM generate_series(1, %d) g
                    CROSS JOIN LATERAL (SELECT (ARRAY['RECEIVED','SCHEDULED','SCHEDULED','SCHEDULED','BLOCKED','IN_PRODUCTION',
                        'BUILT','SHIPPED','ARRIVED','ARRIVED','CANCELLED'])[1 + g %% 11] AS status) s
                    CROSS JOIN LATERAL (SELECT (ARRAY['%s'])[1 + g %% %d] AS market) m
                    """.formatted(orders, String.join("','", MARKETS), MARKETS.length));
            sql.execute("ANALYZE orders");
        }
        System.out.printf("inserted %,d orders in %.1f s%n", orders, (System.nanoTime() - start) / 1e9);
    }

    /** Through the tower's redirect to Keycloak's login page and back, keeping the session cookies as a browser does. */
    private static HttpClient signIn(String tower, String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(tower + "/orders")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher form = LOGIN_FORM.matcher(login.body());
        if (!form.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri());
        }
        String credentials = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&credentialId=";
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(form.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200 || !signedIn.body().contains("id=\"orders\"")) {
            throw new IllegalStateException(user + " did not reach the order desk: " + signedIn.statusCode() + " " + signedIn.uri());
        }
        return browser;
    }

    /**
     * Keeps cookies as a browser does on http://localhost: Keycloak marks its session cookies Secure (SameSite=None),
     * which browsers still send to localhost but {@link CookieManager} sends over https only.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>(responseHeaders);
            insecure.computeIfPresent("set-cookie", (name, values) -> values.stream()
                    .map(value -> SECURE.matcher(value).replaceAll("")).toList());
            insecure.computeIfPresent("Set-Cookie", (name, values) -> values.stream()
                    .map(value -> SECURE.matcher(value).replaceAll("")).toList());
            cookies.put(uri, insecure);
        }
    }

    private static void time(HttpClient browser, String user, String label, String url, int repeats) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        report(user, label, repeats, () -> {
            HttpResponse<String> page = browser.send(request, HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200 || page.body().contains("role=\"alert\">")) {
                throw new IllegalStateException(label + ": " + page.statusCode() + " or a panel failed");
            }
        });
    }

    private static void timeApi(HttpClient http, String token, String label, String url, int repeats) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        report("viewer", label, repeats, () -> {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                throw new IllegalStateException(label + " failed");
            }
        });
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static void report(String user, String label, int repeats, Call call) throws Exception {
        long[] millis = new long[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            call.run();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-15s %-52s n=%2d  median %5d ms  max %5d ms%n", user, label, repeats, millis[repeats / 2],
                millis[repeats - 1]);
    }
}
