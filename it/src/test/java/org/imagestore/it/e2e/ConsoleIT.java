package org.imagestore.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real headless Chromium (Debian's, through its chromedriver): an operator's day from
 * the console alone, with a screenshot of every page in {@code it/target/screenshots}.
 */
class ConsoleIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final NodeAddress NODE = NodeAddress.NODE_1;
    private static final Http http = new Http(NODE);

    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("console.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--disable-gpu", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // a list the console draws again (the browse results after a refresh) leaves found elements stale: a
        // condition that met one is evaluated again on the next poll, with the element found anew
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorRunsTheDayFromTheConsole() {
        // a wrong password is told on the page (no browser dialog), the right one opens the console
        browser.get(url("/console/"));
        login("admin", "not-the-password");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "wrong"));
        screenshot("01-login-refused");
        login("admin", Settings.adminPassword());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[href='#cluster']")));

        // the cluster: every node up, each with its capacity bar
        show("#cluster");
        wait.until(d -> d.findElements(By.cssSelector("tr.node")).size() == NodeAddress.ALL.size());
        for (NodeAddress node : NodeAddress.ALL) {
            WebElement row = browser.findElement(By.cssSelector("tr.node[data-node='" + node.name() + "']"));
            assertEquals("up", row.findElement(By.cssSelector(".state")).getText().trim().toLowerCase());
            String style = String.valueOf(row.findElement(By.cssSelector(".capacity-bar")).getDomAttribute("style"));
            assertTrue(style.matches(".*width: *[0-9.]+%.*"), () -> node.name() + "'s capacity bar: " + style);
        }
        screenshot("02-cluster");

        // a new camera
        show("#sources");
        Source camera = new Source("console-" + Unique.hex(4), "pw-" + Unique.hex(10));
        type("new-source-name", camera.name());
        type("new-source-password", camera.password());
        browser.findElement(By.id("new-source-submit")).click();
        By cameraRow = By.cssSelector("tr.source[data-source='" + camera.name() + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(cameraRow));
        screenshot("03-sources");

        // its upload, found by browsing, with its thumbnail
        String id = Ftp.upload(camera, "/door/console.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        show("#browse");
        WebElement filter = browser.findElement(By.id("browse-source"));
        filter.clear();
        filter.sendKeys(camera.name());
        browser.findElement(By.id("browse-apply")).click();
        By thumb = By.cssSelector("a.thumb[data-image='" + id + "'] img");
        wait.until(ExpectedConditions.visibilityOfElementLocated(thumb));
        wait.until(d -> loaded(d.findElement(thumb)));
        screenshot("04-browse");

        // its page: metadata, uploads and replicas
        browser.findElement(thumb).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("image-id"), id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("image-meta"), "Canon"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("image-uploads"), "console.jpg"));
        wait.until(d -> d.findElements(By.cssSelector("#image-replicas tbody tr")).size() == Math.min(2, NodeAddress.ALL.size()));
        wait.until(d -> loaded(d.findElement(By.id("image-preview"))));
        screenshot("05-image");

        // an alert rule for the camera, and its firing when the camera sends the next picture
        show("#alerts");
        String rule = "console-rule-" + Unique.hex(4);
        type("rule-name", rule);
        type("rule-source", camera.name());
        browser.findElement(By.id("rule-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.rule[data-rule='" + rule + "']")));
        String fired = Ftp.upload(camera, "/door/second.jpg", Photos.uniquePhoto("canon-eos70d.jpg"));
        By firing = By.cssSelector("tr.firing[data-rule='" + rule + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(firing));
        assertTrue(browser.findElement(firing).findElement(By.cssSelector(".reason")).getText().contains("second.jpg"));
        assertTrue(browser.findElement(firing).findElements(By.cssSelector("a[href='#image/" + fired + "']")).size() > 0,
                "the firing links to its image");
        screenshot("06-alerts");

        // the first image purged from its page, after confirmation
        show("#image/" + id);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("image-id"), id));
        browser.findElement(By.id("image-purge")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("image-purged")));
        screenshot("07-purged");
        assertEquals(404, http.get("/images/" + id).statusCode(), "purged");

        // the camera's activity in the sources list
        show("#sources");
        // two uploads, one of them purged: one left in its tree
        wait.until(d -> d.findElement(cameraRow).findElement(By.cssSelector(".uploads")).getText().trim().equals("1"));
        assertTrue(!browser.findElement(cameraRow).findElement(By.cssSelector(".last-upload")).getText().contains("never"));
        screenshot("08-sources-after");
        http.admin("DELETE", "/admin/alerts/rules/" + rule, null);
    }

    private static void login(String user, String password) {
        type("login-user", user);
        type("login-password", password);
        browser.findElement(By.id("login-submit")).click();
    }

    private static void show(String hash) {
        browser.get(url("/console/" + hash));
    }

    private static void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    /** Whether the image has arrived and decoded. */
    private static boolean loaded(WebElement image) {
        Object width = ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
        return ((Number) width).intValue() > 0;
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(String path) {
        return "http://" + NODE.host() + ":" + NODE.httpPort() + path;
    }
}
