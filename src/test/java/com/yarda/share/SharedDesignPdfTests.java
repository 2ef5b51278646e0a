package com.yarda.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import com.yarda.test.SiteServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /s/{token}/pdf}: a real PDF of the shared design, its pictures and its plant table. */
class SharedDesignPdfTests extends IntegrationTest {

    private static final Path OUTPUT = Path.of("target", "screenshots");

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
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
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
     * Every render is timed as {@code yarda.share.pdf}, the figure bench/share-pdf.sh reads (how long a PDF takes is
     * measured there, not here: docs/performance.md, "Share PDF").
     */
    @Test
    void everyPdfRenderIsTimedForTheMetrics() {
        TestUser user = verifiedUser();
        String id = completedDesign(user, "701 Main Street, Springfield, OR 97477");
        String token = api(user.token())
                .post("/api/generations/" + id + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        Timer renders = meters.get("yarda.share.pdf").timer();
        long before = renders.count();

        given().get("/s/" + token + "/pdf").then().statusCode(200).contentType("application/pdf");

        assertThat(renders.count()).isEqualTo(before + 1);
        assertThat(renders.max(TimeUnit.NANOSECONDS)).isPositive();
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
