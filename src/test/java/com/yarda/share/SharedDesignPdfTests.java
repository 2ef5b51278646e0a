package com.yarda.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import com.yarda.test.SiteServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /s/{token}/pdf}: a real PDF of the shared design, its pictures and its plant table. */
class SharedDesignPdfTests extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(SharedDesignPdfTests.class);
    private static final Path OUTPUT = Path.of("target", "screenshots");
    private static final int TIMED = 10;

    @Autowired
    private MeterRegistry meters;

    @Test
    void theLinksPdfHoldsTheDesignTheBeforeAndEveryPlantButNothingOfTheOwner() throws IOException {
        TestUser user = verifiedUser();
        String address = "600 Main Street, Springfield, OR 97477";
        SiteServices.censusMatches(address, "600 MAIN ST, SPRINGFIELD, OR, 97477", 44.0462, -123.0220, "97477");
        SiteServices.naipServes(photo(640, 480));
        String id = acceptAddress(user, address, "english_garden");
        Map<String, Object> design = awaitFinished(user, id);
        assertThat(design).containsEntry("status", "completed");
        String token = api(user.token())
                .post("/api/generations/" + id + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        Response answer = given().get("/s/" + token + "/pdf");

        answer.then().statusCode(200).contentType("application/pdf");
        assertThat(answer.header("Content-Disposition"))
                .startsWith("attachment")
                .contains("yarda-english-garden-design.pdf");
        assertThat(answer.header("Cache-Control")).contains("no-store");
        assertThat(answer.header("X-Robots-Tag")).contains("noindex");
        byte[] bytes = answer.asByteArray();
        // kept to look at, beside the browser tests' screenshots
        Files.createDirectories(OUTPUT);
        Files.write(OUTPUT.resolve("32-shared.pdf"), bytes);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).as("one or two pages").isBetween(1, 2);
            assertThat(pdf.getPage(0).getMediaBox().getWidth())
                    .as("US Letter, 8.5 inches")
                    .isEqualTo(612f);
            String text = normalized(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("English Garden landscape design").contains("USDA hardiness zone");
            List<Map<String, Object>> plants = cast(design.get("plants"));
            assertThat(plants).isNotEmpty();
            for (Map<String, Object> plant : plants) {
                assertThat(text)
                        .contains(normalized((String) plant.get("common_name")))
                        .contains(normalized((String) plant.get("botanical_name")));
            }
            List<Map<String, Object>> materials = cast(design.get("materials"));
            for (Map<String, Object> material : materials) {
                assertThat(text).contains(normalized((String) material.get("name")));
            }
            assertThat(text)
                    .doesNotContain(user.email())
                    .doesNotContainIgnoringCase("600 Main")
                    .doesNotContain("97477");
            assertThat(images(pdf)).as("the design and the before").isEqualTo(2);
            for (PDFont font : fonts(pdf)) {
                assertThat(font.isEmbedded() || font.isStandard14())
                        .as("font %s is embedded or one of the 14 every reader has", font.getName())
                        .isTrue();
            }
        }
    }

    /**
     * How long a PDF takes (docs/performance.md, "Share PDF"): an address design (the builtin designer's plan and a
     * 640 × 480 stand-in for the site's aerial picture) and a photo design from a 12-megapixel phone photo, whose design and before
     * are both scaled down and re-encoded for the PDF. After three warm-up downloads each, {@value #TIMED} downloads
     * one after another; the figures are the whole request as a client sees it and the render alone (the
     * {@code yarda.share.pdf} timer: pictures, template, layout). Logged, not asserted: the build machine is shared.
     */
    @Test
    void measuresHowLongAPdfTakes() {
        TestUser user = verifiedUser();
        String address = "700 Main Street, Springfield, OR 97477";
        SiteServices.censusMatches(address, "700 MAIN ST, SPRINGFIELD, OR, 97477", 44.0462, -123.0220, "97477");
        SiteServices.naipServes(photo(640, 480));
        String plan = acceptAddress(user, address, "mediterranean");
        String photo = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "modern_minimalist")
                .multiPart("photo", "yard.jpg", photo(4032, 3024), "image/jpeg")
                .post("/api/generations")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        for (String id : List.of(plan, photo)) {
            assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
            String token = api(user.token())
                    .post("/api/generations/" + id + "/share")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("token");
            for (int i = 0; i < 3; i++) {
                given().get("/s/" + token + "/pdf").then().statusCode(200);
            }
            Timer renders = meters.get("yarda.share.pdf").timer();
            long rendersBefore = renders.count();
            double renderNanosBefore = renders.totalTime(TimeUnit.NANOSECONDS);
            long[] millis = new long[TIMED];
            int bytes = 0;
            for (int i = 0; i < TIMED; i++) {
                long start = System.nanoTime();
                bytes = given().get("/s/" + token + "/pdf")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray()
                        .length;
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            double renderMean = (renders.totalTime(TimeUnit.NANOSECONDS) - renderNanosBefore)
                    / (renders.count() - rendersBefore)
                    / 1e6;
            log.info(
                    "Share PDF of a {} design, {} downloads: request median {} ms, max {} ms; render mean {}"
                            + " ms; {} KB",
                    id.equals(plan) ? "plan (address)" : "12 MP photo",
                    TIMED,
                    (millis[TIMED / 2 - 1] + millis[TIMED / 2]) / 2,
                    millis[TIMED - 1],
                    Math.round(renderMean),
                    bytes / 1024);
        }
    }

    /** Text as the PDF breaks it into lines and cells: every run of white space is one space. */
    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static int images(PDDocument pdf) throws IOException {
        int images = 0;
        for (PDPage page : pdf.getPages()) {
            images += images(page.getResources());
        }
        return images;
    }

    private static int images(PDResources resources) throws IOException {
        int images = 0;
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                images++;
            } else if (object instanceof PDFormXObject form && form.getResources() != null) {
                images += images(form.getResources());
            }
        }
        return images;
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        assertThat(fonts).isNotEmpty();
        return fonts;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
