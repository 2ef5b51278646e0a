package com.yarda.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import com.yarda.test.SiteServices;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A homeowner shares a design, a contractor opens the link logged out (on a desk and on a phone), prints it and
 * downloads its PDF, and the homeowner stops sharing: the link is then a 404.
 */
class ShareBrowserTests extends BrowserTest {

    @Test
    void shareOpenTheLinkLoggedOutDownloadThePdfThenStopSharing() throws IOException {
        TestUser owner = verifiedUser();
        String address = "2100 Hennepin Ave, Minneapolis, MN 55405";
        SiteServices.censusMatches(address, "2100 HENNEPIN AVE, MINNEAPOLIS, MN, 55405", 44.9616, -93.2920, "55405");
        SiteServices.naipServes(photo(640, 480));
        String id = acceptAddress(owner, address, "japanese_zen");
        Map<String, Object> design = awaitFinished(owner, id);
        assertThat(design).containsEntry("status", "completed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plants = (List<Map<String, Object>>) design.get("plants");

        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        logIn(owner);
        page.navigate("/generations/" + id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a share link"))
                .click();
        assertThat(page.locator("#share-notice")).containsText("Anyone with this link can now see the design");
        String url = page.locator("#share-url").inputValue();
        assertThat(url).matches(Pattern.quote(PUBLIC_URL) + "/s/[A-Za-z0-9_-]{43}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy link"))
                .click();
        assertThat(page.getByText("Link copied.")).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(url);
        screenshot("33-share-panel");
        String path = url.substring(PUBLIC_URL.length());

        // a contractor, logged out, in a browser of their own
        try (BrowserContext contractor = browser()
                .newContext(new Browser.NewContextOptions()
                        .setBaseURL("http://127.0.0.1:" + port)
                        .setViewportSize(1280, 900)
                        .setAcceptDownloads(true))) {
            Page shared = contractor.newPage();
            Response opened = shared.navigate(path);
            assertThat(opened.status()).isEqualTo(200);
            assertThat(opened.headers()).containsEntry("x-robots-tag", "noindex, nofollow");
            assertThat(shared.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Japanese Zen landscape design")))
                    .isVisible();
            assertThat(shared.locator("#zone")).hasText("5a");
            for (Map<String, Object> plant : plants) {
                assertThat(shared.getByText(
                                (String) plant.get("common_name"), new Page.GetByTextOptions().setExact(true)))
                        .isVisible();
            }
            assertThat(shared.locator("#shared-image")).isVisible();
            assertThat(shared.locator("#shared-before")).isVisible();
            assertThat(shared.getByText("Hennepin")).hasCount(0);
            assertThat(shared.getByText(owner.email())).hasCount(0);
            assertThat(shared.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")))
                    .hasCount(0);
            waitForImages(shared);
            screenshot(shared, "30-shared-desktop");

            // printed on A4 or Letter, it takes one or two pages
            shared.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
            for (String format : List.of("A4", "Letter")) {
                byte[] printed =
                        shared.pdf(new Page.PdfOptions().setFormat(format).setPrintBackground(true));
                try (PDDocument pdf = Loader.loadPDF(printed)) {
                    assertThat(pdf.getNumberOfPages()).as("pages on %s", format).isBetween(1, 2);
                }
                Files.write(
                        SCREENSHOTS.resolve("34-shared-printed-" + format.toLowerCase(Locale.ROOT) + ".pdf"), printed);
            }
            shared.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

            // the service's own PDF: a real PDF with the plant names in its text
            Download download = shared.waitForDownload(
                    () -> shared.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF"))
                            .click());
            assertThat(download.suggestedFilename()).isEqualTo("yarda-japanese-zen-design.pdf");
            try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
                String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                for (Map<String, Object> plant : plants) {
                    assertThat(text).contains((String) plant.get("common_name"));
                }
            }

            // on a phone
            try (BrowserContext phone = browser()
                    .newContext(new Browser.NewContextOptions()
                            .setBaseURL("http://127.0.0.1:" + port)
                            .setViewportSize(390, 844)
                            .setIsMobile(true)
                            .setHasTouch(true))) {
                Page small = phone.newPage();
                small.navigate(path);
                assertThat(small.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF")))
                        .isVisible();
                Object overflow = small.evaluate("document.documentElement.scrollWidth > window.innerWidth");
                assertThat(overflow).as("the page scrolls sideways on a phone").isEqualTo(false);
                waitForImages(small);
                screenshot(small, "31-shared-phone");
            }

            // the owner stops sharing; the contractor's next visit is a 404
            page.getByText("Stop sharing…").click();
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Stop sharing").setExact(true))
                    .click();
            assertThat(page.locator("#share-notice")).containsText("Sharing stopped");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a share link")))
                    .isVisible();

            Response gone = shared.navigate(path);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(shared.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("We could not find that page")))
                    .isVisible();
            assertThat(shared.request().get(path + "/pdf").status()).isEqualTo(404);
        }
    }

    /** Every picture of the page loaded and decoded, so that a screenshot shows it. */
    private static void waitForImages(Page page) {
        page.waitForFunction("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)");
    }
}
