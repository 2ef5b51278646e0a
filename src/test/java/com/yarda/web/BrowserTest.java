package com.yarda.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.yarda.test.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * Drives Debian's Chromium with Playwright against the running application. One browser per test JVM, a fresh
 * context (cookies, storage) per test. Each test saves screenshots under {@code target/screenshots/}.
 */
abstract class BrowserTest extends IntegrationTest {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static Playwright playwright;
    private static Browser browser;

    protected BrowserContext context;
    protected Page page;

    static synchronized Browser browser() {
        Path chromium = Paths.get(System.getProperty("yarda.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            String help = "Chromium not found at " + chromium + ": install it (apt-get install chromium) or pass"
                    + " -Dyarda.chromium=PATH to run the browser tests";
            // CI must run them (.ci/run installs Chromium); on a developer's machine they are skipped, saying why
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(help);
            }
            Assumptions.abort(help);
        }
        if (browser == null) {
            playwright = Playwright.create();
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(chromium)
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    @BeforeEach
    void openBrowser() {
        context = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://127.0.0.1:" + port)
                        .setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        // every browser is a client of its own behind the local proxy the tests play (IntegrationTest), so that
        // registering through the form never meets the per-address limit of earlier tests
        context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", newClientAddress()));
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close();
        }
    }

    /** Saves what the page looks like now as {@code target/screenshots/NAME.png}. */
    protected void screenshot(String name) {
        screenshot(page, name);
    }

    /** Saves what {@code other} (a page of another browser context) looks like now as {@code NAME.png}. */
    protected static void screenshot(Page other, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        other.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** Saves what {@code part} of the page looks like now as {@code target/screenshots/NAME.png}. */
    protected void screenshot(String name, Locator part) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        part.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** Logs {@code user} in through the login page. */
    protected void logIn(TestUser user) {
        page.navigate("/login");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/generate");
    }
}
