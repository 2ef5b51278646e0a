package com.yarda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.yarda.credits.CreditType;
import com.yarda.credits.Credits;
import com.yarda.designer.DesignFailed;
import com.yarda.test.Mailbox;
import com.yarda.test.MutableClock;
import com.yarda.test.ScriptedDesigner.Held;
import com.yarda.test.SiteServices;
import com.yarda.test.YardPhotos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class JourneyBrowserTests extends BrowserTest {

    @Autowired
    Credits credits;

    @Test
    void registerVerifyLogInGenerateFromAnAddressAndFindItInTheHistory() {
        String email = newEmail();
        page.navigate("/");
        screenshot("01-landing");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create my free account"))
                .click();

        page.getByLabel("Email").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Repeat the password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email")))
                .isVisible();
        assertThat(page.getByText("You can ask for a new link in")).isVisible();
        screenshot("02-check-email");

        String token = Mailbox.verificationToken(email, 1);
        page.navigate("/verify-email?token=" + token);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your email is verified")))
                .isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in"))
                .first()
                .click();

        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/generate");
        assertThat(page.locator(".credits-badge")).containsText("3");

        page.getByLabel("Street address of the home").fill("1428 Elm Street, Springfield");
        page.locator("label.style-option", new Page.LocatorOptions().setHasText("Mediterranean"))
                .click();
        page.getByLabel("Your wishes").fill("Keep the old olive tree");
        assertThat(page.getByText("23/500")).isVisible();
        screenshot("03-generate");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();

        page.waitForURL(Pattern.compile(".*/generations/[0-9a-f-]{36}$"));
        assertThat(page.locator("#progress")).isVisible();
        assertThat(page.getByText("Your design is ready.")).isVisible();
        assertThat(page.locator("#design-image")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download full image")))
                .isVisible();
        page.waitForFunction("() => document.querySelector('#design-image').naturalWidth > 0");
        screenshot("04-completed");
        // beside the image: what to plant and build, in the legend's order
        assertThat(page.locator("#plant-list ol li").first()).containsText("Olive");
        assertThat(page.locator("#plant-list ol li").first()).containsText("Olea europaea");
        assertThat(page.locator("#plant-list")).containsText("full sun");
        String detailUrl = page.url();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History"))
                .click();
        Locator card = page.locator(".card").first();
        assertThat(card).containsText("Mediterranean");
        assertThat(card).containsText("1428 Elm Street");
        assertThat(card).containsText("completed");
        screenshot("05-history");
        card.click();
        page.waitForURL(detailUrl);
        assertThat(page.getByText("Keep the old olive tree")).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account"))
                .click();
        assertThat(page.locator("table")).containsText("Design");
        assertThat(page.locator("table")).containsText("Welcome credits");
        screenshot("06-account");
    }

    @Test
    void registrationShowsFieldErrorsNextToTheFields() {
        TestUser existing = verifiedUser();
        page.navigate("/register");
        page.getByLabel("Email").fill("not an email");
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("Repeat the password").fill("different");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();

        assertThat(page.getByText("Must be a valid email address.")).isVisible();
        assertThat(page.getByText("The two passwords do not match.")).isVisible();
        screenshot("07-register-errors");

        page.getByLabel("Email").fill(existing.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Repeat the password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.getByText("This email is already registered.")).isVisible();

        page.getByLabel("Email").fill(newEmail());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("short");
        page.getByLabel("Repeat the password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.getByText("Must be 8 to 128 characters long.")).isVisible();

        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("password");
        page.getByLabel("Repeat the password").fill("password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account"))
                .click();
        assertThat(page.locator(".field.has-error .field-error"))
                .hasText("Is too easy to guess: this is a top-10 common password.");
    }

    @Test
    void aPhotoIsPreviewedThenShownBeforeAndAfter() throws Exception {
        TestUser user = verifiedUser();
        logIn(user);
        Path photo = Files.createTempFile("yard", ".jpg");
        Files.write(photo, photo(800, 600));

        page.getByText("A photo", new Page.GetByTextOptions().setExact(true)).click();
        page.locator("[data-photo-input]").setInputFiles(photo);
        assertThat(page.locator("[data-photo-preview]")).isVisible();
        page.locator("label.style-option", new Page.LocatorOptions().setHasText("Tropical Resort"))
                .click();
        screenshot("08-photo-preview");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();

        assertThat(page.getByText("Your design is ready.")).isVisible();
        assertThat(page.locator("[data-compare]")).isVisible();
        assertThat(page.getByAltText("Your photo, before")).isVisible();
        page.locator("[data-compare-range]").fill("80");
        assertThat(page.locator("[data-compare-after]")).hasAttribute("style", Pattern.compile("width: 80%"));
        page.waitForFunction(
                "() => [...document.querySelectorAll('.side-by-side img')].every(i => i.naturalWidth > 0)");
        screenshot("09-before-after");
    }

    @Test
    void aDarkPhotoIsRefusedBesideThePhotoFieldAndCostsNothing() throws Exception {
        TestUser user = verifiedUser();
        logIn(user);
        Path photo = Files.createTempFile("night", ".jpg");
        Files.write(photo, YardPhotos.jpeg(YardPhotos.exposed(YardPhotos.yard(800, 600), 0.15, 0)));

        page.getByText("A photo", new Page.GetByTextOptions().setExact(true)).click();
        page.locator("[data-photo-input]").setInputFiles(photo);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();

        Locator error = page.locator("[data-for-type=photo] .field-error");
        assertThat(error).isVisible();
        assertThat(error).hasText("The photo is too dark: take it in daylight.");
        assertThat(page.getByLabel("Photo of your yard")).hasAttribute("aria-describedby", "photo-hint photo-error");
        assertThat(page.locator(".credits-badge")).containsText("3");
        assertThat(uploadCount(user)).isZero();
        assertThat(generationCount(user)).isZero();
    }

    @Test
    void theRateLimitBannerCountsDownAndReenablesTheButton() {
        // exact seconds are counted: a slow machine must not add one between two requests
        try (MutableClock.Frozen frozen = clock.freeze()) {
            TestUser user = verifiedUser();
            credits.adjust(user.id(), CreditType.TOKEN, 5);
            for (int i = 0; i < 3; i++) {
                api(user.token())
                        .body(json(Map.of(
                                "input_type", "address", "input_address", i + " Busy Lane", "style", "japanese_zen")))
                        .post("/api/generations")
                        .then()
                        .statusCode(202);
            }
            page.clock().install();
            logIn(user);

            Locator banner = page.locator("#problem-rate");
            assertThat(banner).isVisible();
            assertThat(banner).containsText("You can start the next one in");
            assertThat(page.locator("#generate-button")).isDisabled();
            screenshot("10-rate-limited");
            int shown = Integer.parseInt(
                    banner.locator("[data-countdown-value]").textContent().trim());
            // the server counts exactly (frozen clock); the page may already show the next second down
            assertThat(shown).isBetween(55, 60);

            page.clock().runFor(5_000);
            assertThat(banner.locator("[data-countdown-value]")).hasText(String.valueOf(shown - 5));

            clock.advance(Duration.ofSeconds(60));
            page.clock().runFor((shown - 5) * 1000L);
            assertThat(banner).isHidden();
            assertThat(page.locator("#generate-button")).isEnabled();
            page.getByLabel("Street address of the home").fill("4 Busy Lane");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                    .click();
            page.waitForURL(Pattern.compile(".*/generations/[0-9a-f-]{36}$"));
        }
    }

    @Test
    void withNoCreditsLeftTheUserIsToldToBuyTokens() {
        TestUser user = verifiedUser();
        credits.adjust(user.id(), CreditType.TRIAL, -3);
        logIn(user);

        page.getByLabel("Street address of the home").fill("0 Empty Pocket Road");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();

        Locator problem = page.locator("#problem-credits");
        assertThat(problem).containsText("You have no credits left.");
        assertThat(problem.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Buy tokens")))
                .isVisible();
        screenshot("11-no-credits");
    }

    @Test
    void aFailedGenerationSaysTheCreditWasReturned() {
        TestUser user = verifiedUser();
        Held drawing = designer().hold("13 Unlucky Street", (request, real) -> {
            throw new DesignFailed("The image service is not answering.", true);
        });
        logIn(user);

        page.getByLabel("Street address of the home").fill("13 Unlucky Street");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();

        // live progress: the page shows the real state, then changes by itself when the generation fails
        assertThat(page.getByText("Drawing your design now.")).isVisible();
        assertThat(page.locator(".credits-badge")).containsText("2");
        screenshot("12a-processing");
        drawing.release();

        Locator failure = page.locator("#failure");
        assertThat(failure).containsText("The design could not be created. Your credit was returned.");
        assertThat(failure).containsText("The image service is not answering.");
        // said once, where the failure is explained, not repeated by every part of the page
        String text = page.locator("main").innerText();
        assertThat(text.split("credit was returned", -1)).hasSize(2);
        assertThat(text.split("The image service is not answering", -1)).hasSize(2);
        assertThat(page.locator(".credits-badge")).containsText("3");
        screenshot("12-failed");
    }

    @Test
    void anotherUsersGenerationIsA404Page() {
        TestUser owner = verifiedUser();
        String id = api(owner.token())
                .body(json(
                        Map.of("input_type", "address", "input_address", "7 Private Road", "style", "english_garden")))
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        TestUser stranger = verifiedUser();
        logIn(stranger);

        Response response = page.navigate("/generations/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We could not find that page")))
                .isVisible();
        assertThat(page.locator("body")).not().containsText("7 Private Road");
        screenshot("13-not-found");
        assertThat(page.navigate("/generations/" + id + "/image").status()).isEqualTo(404);
    }

    @Test
    void pagesThatNeedALoginSendYouThereAndBack() {
        TestUser user = verifiedUser();
        page.navigate("/history");
        page.waitForURL("**/login");
        page.getByLabel("Email").fill(user.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/history");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("No designs yet")))
                .isVisible();
        screenshot("14-empty-history");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        page.waitForURL("**/login?logged-out");
        page.navigate("/account");
        page.waitForURL("**/login");
    }

    @Test
    void anUnverifiedUserIsAskedToVerifyAndCanAskForANewLink() {
        String email = newEmail();
        register(email, PASSWORD).then().statusCode(201);
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/generate");

        Locator notice = page.locator("#verify-first");
        assertThat(notice).containsText("Verify your email to start designing.");
        assertThat(page.locator("#generate-button")).isDisabled();
        screenshot("17-unverified");
        clock.advance(Duration.ofSeconds(61));
        notice.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send a new link"))
                .click();
        assertThat(page.getByText("a new link is on its way")).isVisible();
        Mailbox.awaitMessages(email, 2);
    }

    @Test
    void everyPageFitsAPhoneScreen() {
        TestUser user = verifiedUser();
        page.setViewportSize(390, 844);
        page.navigate("/");
        assertThat(horizontalOverflow()).isFalse();
        screenshot("15-phone-landing");
        logIn(user);
        for (String path : List.of("/generate", "/history", "/account")) {
            page.navigate(path);
            assertThat(horizontalOverflow()).as(path).isFalse();
        }
        page.navigate("/generate");
        screenshot("16-phone-generate");
    }

    private boolean horizontalOverflow() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
    }

    @Test
    void anAddressDesignShowsItsSiteItsBeforeAndAfterAndThePlantsThatGrowThere() throws Exception {
        TestUser user = verifiedUser();
        String address = "250 Marquette Ave, Minneapolis, MN 55401";
        SiteServices.censusMatches(address, "250 MARQUETTE AVE, MINNEAPOLIS, MN, 55401", 44.9795, -93.2690, "55401");
        SiteServices.naipServes(aerial());
        logIn(user);

        page.getByLabel("Street address of the home").fill(address);
        page.locator("label.style-option", new Page.LocatorOptions().setHasText("California Native"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Create my design")))
                .click();
        page.waitForURL(Pattern.compile(".*/generations/[0-9a-f-]{36}$"));
        assertThat(page.getByText("Your design is ready.")).isVisible();

        // before / after: the site today against the design
        Locator compare = page.locator("[data-compare]");
        assertThat(compare).isVisible();
        assertThat(compare.locator("img.compare-before")).hasAttribute("alt", "The site today, before");
        page.waitForFunction(
                "() => [...document.querySelectorAll('[data-compare] img')].every(i => i.naturalWidth > 0)");
        // the plants are the zone's, numbered as drawn, with how many of each
        assertThat(page.locator("#plant-list h3").first()).hasText("Plants for USDA zone 5a");
        assertThat(page.locator("#plant-list .quantity").first()).containsText("×");
        assertThat(page.locator("#plant-list")).not().containsText("Quercus agrifolia");
        Locator site = page.locator("#site");
        assertThat(site).containsText("250 MARQUETTE AVE, MINNEAPOLIS, MN, 55401");
        assertThat(site).containsText("USDA zone 5a");
        assertThat(site).containsText("USDA Plant Hardiness Zone Map (2023), USDA-ARS and PRISM Climate Group");
        page.waitForFunction("() => document.querySelector('#site img').naturalWidth > 0");
        screenshot("13-address-site-before-after", page.locator("#progress .result"));
        screenshot("14-address-plants-and-site", page.locator("#plant-list"));
    }

    /** Something like an aerial picture of a city lot: roofs, lawn, trees, a street. */
    private static byte[] aerial() throws Exception {
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(104, 128, 84));
        g.fillRect(0, 0, 512, 512);
        g.setColor(new Color(70, 72, 76));
        g.fillRect(0, 430, 512, 60);
        g.setColor(new Color(150, 140, 130));
        g.fillRect(160, 150, 190, 150);
        g.setColor(new Color(120, 112, 104));
        g.fillRect(300, 300, 40, 130);
        g.setColor(new Color(58, 88, 52));
        for (int[] tree : new int[][] {{60, 80, 70}, {420, 90, 60}, {80, 330, 50}, {440, 260, 55}}) {
            g.fillOval(tree[0] - tree[2] / 2, tree[1] - tree[2] / 2, tree[2], tree[2]);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
