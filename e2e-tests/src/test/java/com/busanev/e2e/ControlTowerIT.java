package com.busanev.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.busanev.localstack.LocalStack;
import com.busanev.localstack.PartnerApi;
import com.busanev.localstack.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The control tower as people use it, in real Chromium: each signs in through Keycloak's own login page, sees what
 * the role may see, and acts through the tower, which calls the services with the person's token. Screenshots of
 * each view go to docs/control-tower/ (docs/control-tower.md shows them).
 */
@Order(2)
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ControlTowerIT {
    private static final Path SCREENSHOTS = Path.of("..", "docs", "control-tower");
    /** Generous: the views refresh every 5 s, and the plant decides a cancel through Kafka. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Sailings this far ahead of the plant clock whenever a view must show voyages still to sail. */
    private static final Duration SAILINGS_AHEAD = Duration.ofDays(30);

    /** The two screens the tower is laid out for: a small laptop (the browser's size) and a tablet upright. */
    private static final Dimension LAPTOP = new Dimension(1366, 768);
    private static final Dimension TABLET = new Dimension(768, 1024);

    /** A row of the contracts list whose contract is ACTIVE (the weekly delivery schedules are theirs). */
    private static final String ACTIVE_CONTRACT = "//table[@id='contracts']//tr[td[2][normalize-space()='ACTIVE']]";

    private static LocalStack stack;
    private static PartnerApi api;
    private static Scenario scenario;
    private ChromeDriver browser;

    @BeforeAll
    static void supplyAndShipping(LocalStack sharedStack) throws Exception {
        stack = sharedStack;
        api = new PartnerApi(stack.keycloakUrl());
        scenario = new Scenario(stack, api, line -> System.out.println("[e2e] " + line));
        // Run on its own (-Dit.test=ControlTowerIT), the stack has no contracts or sailings yet: set them up as the demo does.
        if (api.get("procurement", stack.serviceUrl("supplier-service") + "/api/v1/contracts").get("totalItems").asLong() == 0) {
            scenario.prepareSupplyAndShipping();
        }
        Files.createDirectories(SCREENSHOTS);
    }

    /** A page that failed to render (a template, a mapping) logs an ERROR even where the browser shows something. */
    @AfterAll
    static void noErrorLogged() throws IOException {
        assertThat(ServiceLogs.errors(stack.options().runDir(), List.of(LocalStack.CONTROL_TOWER)))
                .as("ERROR lines in the control tower's log").isEmpty();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void aBuyerPlacesAnOrderSeesBadInputByItsFieldAndCancelsIt() throws IOException {
        signIn("polestar-buyer");
        waitFor(By.id("orders"));
        assertThat(browser.findElements(By.id("nav-plant"))).as("a buyer has no plant view").isEmpty();
        assertThat(text(By.id("who"))).contains("polestar-buyer").contains("polestar");

        browser.findElement(By.id("place-order")).click();
        waitFor(By.id("order-form"));
        type("brandReference", "UI-" + System.currentTimeMillis());
        new Select(browser.findElement(By.name("market"))).selectByValue("US");
        type("requestedWeek", "2020-W01");
        browser.findElement(By.id("submit-order")).click();
        assertThat(waitFor(By.id("error-requestedWeek")).getText()).as("order-service's problem detail, by its field")
                .contains("past");
        screenshot("order-form-bad-input");

        // Far enough ahead that the plant cannot have started the build when the cancel arrives: it cancels.
        var week = stack.plantNow().atZone(ZoneId.of("Asia/Seoul")).toLocalDate().plusWeeks(8);
        type("requestedWeek", "%d-W%02d".formatted(week.get(IsoFields.WEEK_BASED_YEAR), week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        browser.findElement(By.id("submit-order")).click();
        waitFor(By.id("timeline"));
        assertThat(text(By.id("order-status"))).isIn("RECEIVED", "SCHEDULED", "BLOCKED");

        browser.findElement(By.id("cancel-order")).click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.alertIsPresent()).accept();
        // The request shows at once; the plant's outcome arrives by the panel's refresh, without a reload.
        until(b -> text(By.id("cancellation")).contains("CANCELLED"));
        assertThat(text(By.id("order-status"))).isEqualTo("CANCELLED");
        assertThat(browser.findElements(By.id("cancel-order"))).as("nothing left to cancel").isEmpty();
        screenshot("order-cancelled");

        browser.get(stack.controlTowerUrl() + "/orders");
        waitFor(By.id("orders"));
        // order-service's summary: the buyer's US order is counted by market, and cancelled by status.
        assertThat(text(By.id("markets"))).as("counts by market").containsPattern("US \\d+");
        assertThat(Long.parseLong(text(By.cssSelector(".pipeline li.status-CANCELLED b")))).isPositive();
        browser.findElement(By.cssSelector("#markets a")).click();
        assertThat(waitFor(By.cssSelector("#markets li.current")).getText()).as("a market's counts").isNotBlank();
        browser.get(stack.controlTowerUrl() + "/orders");
        waitFor(By.id("orders"));
        screenshotAtBothSizes("orders");
        browser.findElement(By.id("sign-out")).click();
        waitFor(By.id("kc-login"));
    }

    @Test
    @Order(2)
    void aPlannerReadsTheScheduleAndChangesTheCalendarSeeingConflictsAndBadValues() throws IOException {
        signIn("planner");
        assertThat(browser.getCurrentUrl()).as("a planner lands on the plant").endsWith("/plant");
        assertThat(waitFor(By.id("schedule")).findElements(By.cssSelector("tbody tr"))).hasSize(14);
        waitFor(By.id("kpis"));
        assertThat(browser.findElements(By.id("nav-orders"))).as("a planner has no order desk").isEmpty();
        // The KPI charts, drawn by the server as SVG: the two weeks before the range and its two weeks, a value a day.
        assertThat(waitFor(By.cssSelector("#chart-utilisation svg")).findElements(By.cssSelector("rect[data-series=planned]")))
                .as("utilisation: a bar per working day").isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#chart-co2 g[data-series=co2-target]")).getAttribute("data-points"))
                .as("the CO2 trajectory: a point per day").isEqualTo("28");
        assertThat(browser.findElements(By.cssSelector("#chart-co2 g[data-series=co2-actual]"))).hasSize(1);
        assertThat(text(By.cssSelector("#chart-co2 .legend"))).contains("target (−50% by 2030)");
        waitFor(By.cssSelector("#chart-defects svg"));
        assertThat(waitFor(By.id("pack-use")).findElements(By.cssSelector("tbody tr"))).as("packs used of budget").isNotEmpty();
        screenshotAtBothSizes("plant");

        WebElement version = browser.findElement(By.name("version"));
        int read = Integer.parseInt(version.getAttribute("value"));
        browser.findElement(By.id("save-calendar")).click();
        assertThat(waitFor(By.id("calendar-saved")).getText()).contains("version " + (read + 1));
        assertThat(text(By.cssSelector("#calendar-history tbody tr:first-child"))).as("the history, newest first")
                .startsWith(String.valueOf(read + 1)).contains("planner");

        // A second planner's form, opened before that save: production-service refuses it (If-Match), the tower says so.
        ((JavascriptExecutor) browser).executeScript("document.querySelector('input[name=version]').value = arguments[0]",
                String.valueOf(read));
        browser.findElement(By.id("save-calendar")).click();
        assertThat(waitFor(By.id("calendar-error")).getText()).contains("Another planner changed the calendar");

        browser.navigate().refresh();
        waitFor(By.id("calendar-form"));
        WebElement cap = browser.findElement(By.name("evShareCap"));
        cap.clear();
        cap.sendKeys("2");
        browser.findElement(By.id("save-calendar")).click();
        assertThat(waitFor(By.id("error-evShareCap")).getText()).as("production-service's violation, by its field").isNotBlank();
        screenshot("plant-calendar");

        browser.findElement(By.id("nav-exceptions")).click();
        waitFor(By.id("exceptions-blocked"));
        assertThat(browser.findElements(By.id("exceptions-parked"))).as("parked events are the viewer's").isEmpty();
        assertThat(browser.findElements(By.id("exceptions-shortages"))).as("shortage alerts are procurement's").isEmpty();
        assertThat(browser.findElements(By.id("exceptions-late"))).as("voyages are logistics'").isEmpty();
        screenshot("exceptions-planner");
    }

    @Test
    @Order(3)
    void aSupplierSeesOnlyItsOwnContractsAndAcknowledgesItsDeliverySchedule() throws Exception {
        signIn("lges");
        assertThat(browser.getCurrentUrl()).endsWith("/supply");
        List<String> suppliers = waitFor(By.id("contracts")).findElements(By.cssSelector("td.supplier")).stream()
                .map(WebElement::getText).toList();
        assertThat(suppliers).isNotEmpty().containsOnly("LGES");
        assertThat(browser.findElements(By.id("coverage"))).as("coverage is procurement's").isEmpty();
        assertThat(browser.findElements(By.id("nav-orders"))).isEmpty();
        screenshot("supply-supplier");

        // An active contract's schedule in force: procurement issues a revision, so there is one whatever the weekly run did.
        WebElement scheduleLink = browser.findElement(By.xpath(ACTIVE_CONTRACT + "//a[contains(@class, 'schedule')]"));
        String contract = scheduleLink.getAttribute("hx-get").replaceAll(".*/contracts/([^/]+)/schedule", "$1");
        issueSchedule(contract);
        scheduleLink.click();
        assertThat(waitFor(By.cssSelector("#schedule-" + contract + " .schedule-weeks")).findElements(By.cssSelector("tr.kind-FIRM")))
                .as("the frozen weeks are FIRM").isNotEmpty();
        assertThat(text(By.cssSelector(".schedule-status"))).isEqualTo("ISSUED");

        // A revision issued after the page showed this one: supplier-service refuses the acknowledgement (409), the
        // tower says why and shows the revision in force, which lges then acknowledges.
        issueSchedule(contract);
        acknowledgeShownSchedule();
        assertThat(waitFor(By.cssSelector(".schedule-error")).getText()).as("supplier-service's conflict").contains("superseded");
        for (int attempt = 0; attempt < 3 && !text(By.cssSelector(".schedule-status")).equals("ACKNOWLEDGED"); attempt++) {
            acknowledgeShownSchedule(); // the weekly run may issue a newer revision in between: acknowledge that one
        }
        assertThat(text(By.cssSelector(".schedule-status"))).isEqualTo("ACKNOWLEDGED");
        assertThat(text(By.cssSelector(".schedule-head"))).contains("acknowledged").contains("by lges");
        assertThat(browser.findElements(By.cssSelector(".acknowledge-schedule"))).as("nothing left to acknowledge").isEmpty();
        screenshot("supply-schedule");

        browser.get(stack.controlTowerUrl() + "/orders");
        assertThat(browser.findElements(By.id("orders"))).as("the order desk is refused to a supplier").isEmpty();
    }

    @Test
    @Order(4)
    void aViewerReadsEveryViewButCannotPlaceOrCancel() throws Exception {
        signIn("viewer");
        waitFor(By.id("orders"));
        assertThat(browser.findElements(By.id("place-order"))).isEmpty();
        // A built car's VIN in the search box opens its order (order-service filters by VIN).
        String vin = builtCarVin();
        type("q", vin);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        assertThat(waitFor(By.id("order-vin")).getText()).isEqualTo(vin);
        assertThat(browser.findElement(By.id("order-passport")).getAttribute("href")).as("the car's battery passport")
                .endsWith("/supply/packs?q=" + vin);
        browser.get(stack.controlTowerUrl() + "/orders");
        waitFor(By.id("orders"));
        browser.findElement(By.cssSelector("#orders tbody a")).click();
        waitFor(By.id("timeline"));
        assertThat(browser.findElements(By.id("cancel-order"))).isEmpty();
        screenshot("order-timeline");

        browser.findElement(By.id("nav-supply")).click();
        assertThat(waitFor(By.id("contracts")).findElements(By.cssSelector("td.supplier")).stream().map(WebElement::getText))
                .as("procurement's and viewers' list holds every supplier").contains("LGES", "CATL");
        waitFor(By.id("coverage"));
        // Coverage as a chart, a bar per region and week; open shortage alerts come first.
        assertThat(browser.findElements(By.cssSelector("#chart-coverage svg rect.bar"))).as("coverage bars").isNotEmpty();
        assertThat(text(By.cssSelector("#chart-coverage .legend"))).containsAnyOf("EU", "NA", "KR");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript("return (document.getElementById('alerts')"
                + ".compareDocumentPosition(document.getElementById('chart-coverage')) & Node.DOCUMENT_POSITION_FOLLOWING) > 0"))
                .as("shortage alerts above the coverage").isTrue();
        screenshotAtBothSizes("supply");
        browser.findElement(By.cssSelector("#contracts a.versions")).click();
        assertThat(waitFor(By.cssSelector(".contract-versions tbody tr")).getText()).as("the contract's versions").startsWith("v");
        browser.findElement(By.xpath(ACTIVE_CONTRACT + "//a[contains(@class, 'schedule')]")).click();
        waitFor(By.cssSelector(".schedule-head, .schedule p.empty"));
        assertThat(browser.findElements(By.cssSelector(".acknowledge-schedule"))).as("only the supplier acknowledges").isEmpty();

        // The built car's pack by its VIN: the passport as the viewer may read it (FULL, a party), and its genealogy.
        type("q", vin);
        browser.findElement(By.id("find-pack")).click();
        assertThat(waitFor(By.id("genealogy-vin")).getText()).startsWith(vin);
        String serial = text(By.cssSelector("#genealogy dd")).split(" ")[0];
        JsonNode passport = api.get("viewer", stack.serviceUrl("supplier-service") + "/passports/" + serial);
        assertThat(text(By.id("passport-access"))).startsWith("FULL");
        assertThat(text(By.id("passport-general"))).contains(passport.at("/generalProductInformation/batteryModel").asText());
        assertThat(text(By.cssSelector("#passport-panel h2"))).contains("version " + passport.get("version").asInt());
        if (passport.get("complete").asBoolean()) {
            assertThat(text(By.id("passport-complete"))).isEqualTo("yes");
        } else {
            assertThat(text(By.id("passport-complete"))).contains(passport.get("missing").get(0).asText());
        }
        assertThat(text(By.id("passport-diligence"))).as("the restricted part, sent to a party").contains("Cell origin");
        screenshotAtBothSizes("supply-passport");
        type("q", "NO-SUCH-PACK-" + System.currentTimeMillis());
        browser.findElement(By.id("find-pack")).click();
        assertThat(waitFor(By.id("pack-not-found")).getText()).startsWith("No such pack");

        // The accelerated plant clock sails the earlier tests' voyages away: the operator keeps the schedule ahead.
        scenario.keepSailingsAhead(SAILINGS_AHEAD, PATIENCE);
        browser.findElement(By.id("nav-logistics")).click();
        waitFor(By.cssSelector("#voyages tbody a"));
        waitFor(By.id("delayed"));
        // Held cars (logistics-service's status=HELD): the demo's contracts declare complete passports, so there may be none.
        waitFor(By.id("held"));
        if (api.get("viewer", stack.serviceUrl("logistics-service") + "/api/v1/shipments?status=HELD&size=1").get("totalItems").asLong() == 0) {
            until(b -> text(By.id("held")).contains("No car held."));
        } else {
            until(b -> !text(By.cssSelector("#held td.hold-reason")).isBlank()); // why the car is held
        }
        assertThat(text(By.cssSelector("#waiting thead"))).doesNotContain("Voyage");
        browser.findElement(By.id("waiting-BOOKED")).click();
        until(b -> text(By.cssSelector("#waiting thead")).contains("Voyage"));
        screenshotAtBothSizes("logistics");
        browser.findElement(By.cssSelector("#voyages tbody a")).click();
        waitFor(By.id("manifest"));
        assertThat(text(By.id("load"))).as("the load factor").containsPattern("\\d+% · \\d+ / \\d+ cars");
        screenshot("voyage-manifest");

        browser.findElement(By.id("nav-exceptions")).click();
        waitFor(By.id("exceptions-blocked"));
        waitFor(By.id("exceptions-shortages"));
        waitFor(By.id("exceptions-late"));
        waitFor(By.id("exceptions-delayed"));
        waitFor(By.id("exceptions-held"));
        // Each service's parked events through the kit's GET /api/v1/ops/parked: one row per service.
        assertThat(waitFor(By.id("exceptions-parked")).findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.getAttribute("data-service")))
                .containsExactly("logistics-service", "order-service", "production-service", "supplier-service");
        assertThat(browser.findElements(By.cssSelector("#exceptions-parked td.refused"))).as("every service answered").hasSize(4);
        screenshotAtBothSizes("exceptions");

        browser.findElement(By.id("nav-plant")).click();
        waitFor(By.id("schedule"));
        assertThat(browser.findElements(By.id("calendar-form"))).as("only a planner edits the calendar").isEmpty();
    }

    /** The supplier's acknowledgement of the revision shown; the panel is swapped for the answer. */
    private void acknowledgeShownSchedule() {
        WebElement button = browser.findElement(By.cssSelector(".acknowledge-schedule"));
        button.click();
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.stalenessOf(button));
        waitFor(By.cssSelector(".schedule-status"));
    }

    /** Procurement issues a new revision of the contract's delivery schedule now. */
    private static void issueSchedule(String contract) throws IOException, InterruptedException {
        api.post("procurement", stack.serviceUrl("supplier-service") + "/api/v1/delivery-schedules",
                Map.of("contractId", contract), 201);
    }

    /** The VIN of a car the plant built; run alone, the test has one built first (the plant clock runs fast). */
    private static String builtCarVin() throws Exception {
        if (builtCar() == null) {
            scenario.place("VIN", "US", "LONG_RANGE_DUAL_MOTOR", List.of());
        }
        return Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                .until(ControlTowerIT::builtCar, Objects::nonNull);
    }

    /** Any built car's VIN, or null, through the viewer's API. */
    private static String builtCar() throws IOException, InterruptedException {
        for (String status : List.of("BUILT", "SHIPPED", "ARRIVED")) {
            JsonNode found = api.get("viewer", stack.serviceUrl("order-service") + "/api/v1/orders?size=1&status=" + status)
                    .path("items");
            if (!found.isEmpty() && found.get(0).hasNonNull("vin")) {
                return found.get(0).get("vin").asText();
            }
        }
        return null;
    }

    /**
     * The view fits the screen without the page scrolling sideways (a wide table scrolls in its panel), on a laptop and
     * on a tablet; a screenshot of each ({name}.png, {name}-tablet.png).
     */
    private void screenshotAtBothSizes(String name) throws IOException {
        assertFits(name);
        screenshot(name);
        browser.manage().window().setSize(TABLET);
        try {
            assertFits(name + " on a tablet");
            screenshot(name + "-tablet");
        } finally {
            browser.manage().window().setSize(LAPTOP);
        }
    }

    private void assertFits(String view) {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).longValue()).as("%s: the page is wider than the screen by (px)", view).isLessThanOrEqualTo(0);
    }

    /** Through the tower's redirect to Keycloak's login page, as a person would. */
    private void signIn(String user) {
        browser = Chromium.start();
        browser.get(stack.controlTowerUrl() + "/");
        waitFor(By.id("kc-login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        waitFor(By.id("sign-out"));
    }

    private WebElement waitFor(By what) {
        return new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    private void until(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, PATIENCE).ignoring(org.openqa.selenium.NoSuchElementException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private String text(By what) {
        return browser.findElement(what).getText();
    }

    private void type(String field, String value) {
        WebElement input = browser.findElement(By.name(field));
        input.clear();
        input.sendKeys(value);
    }

    private void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
