package com.yarda.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.test.IntegrationTest;
import com.yarda.test.MutableClock;
import com.yarda.test.SiteServices;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/auth/me/export}: one ZIP file holding what the API shows of the caller (the same JSON) and every
 * image it serves them, byte for byte, and nothing of anybody else.
 */
class AccountExportTests extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theExportHoldsWhatTheApiShowsAndEveryImageItServes() throws IOException {
        TestUser user = verifiedUser();
        TestUser stranger = verifiedUser();
        String strangersPhoto = upload(stranger, photo(640, 480)).path("id");
        String strangersDesign = completedDesign(stranger, "9 Elsewhere Road, Boise ID 83702");

        String address = "250 Export Ave, Minneapolis, MN 55401";
        SiteServices.censusMatches(address, "250 EXPORT AVE, MINNEAPOLIS, MN, 55401", 44.9795, -93.2690, "55401");
        SiteServices.naipServes(aerial());
        String siteDesign = completedDesign(user, address);
        api(user.token())
                .get("/api/generations/" + siteDesign)
                .then()
                .body("site.imagery", equalTo(List.of("satellite")));
        Response upload = upload(user, photo(800, 600));
        String photo = upload.path("id");
        String photoDesign = create(
                        user,
                        Map.of("input_type", "photo", "input_photo_url", upload.path("url"), "style", "japanese_zen"))
                .path("id");
        String refinement = api(user.token())
                .body(json(Map.of("feedback", "more shade")))
                .post("/api/generations/" + siteDesign + "/refinements")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        // a comparison needs two more credits, and a new minute of the rate limit
        api(adminUser().token())
                .body(json(Map.of("credit_type", "token", "amount", 2, "reason", "Export test")))
                .post("/api/admin/users/" + user.id() + "/adjustments")
                .then()
                .statusCode(201);
        clock.advance(Duration.ofSeconds(61));
        String comparison = api(user.token())
                .body(json(Map.of(
                        "input_type",
                        "address",
                        "input_address",
                        "3 Compare Court, Salem OR 97301",
                        "styles",
                        List.of("mediterranean", "desert_landscape"))))
                .post("/api/comparisons")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        api(user.token())
                .body(json(Map.of("pack_id", "pack_10")))
                .post("/api/purchases")
                .then()
                .statusCode(201);
        for (String id : List.of(photoDesign, refinement)) {
            awaitFinished(user, id);
        }
        for (Object id : api(user.token()).get("/api/comparisons/" + comparison).<List<?>>path("generations.id")) {
            awaitFinished(user, (String) id);
        }

        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Response export = api(user.token()).get("/api/auth/me/export");

        export.then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"yarda-export-" + day + ".zip\"");
        Map<String, byte[]> files = unzip(export.asByteArray());

        ObjectNode account = (ObjectNode) JSON.readTree(files.get("account.json"));
        assertThat(account.remove("email_verified_at").isString()).isTrue();
        assertThat(account).isEqualTo(body(api(user.token()).get("/api/auth/me")));
        assertThat(JSON.readTree(files.get("ledger.json")))
                .isEqualTo(items(api(user.token()).get("/api/credits/transactions?limit=100")))
                .hasSize(7); // the trial grant, five designs, the adjustment
        assertThat(JSON.readTree(files.get("purchases.json")))
                .isEqualTo(items(api(user.token()).get("/api/purchases?limit=100")))
                .hasSize(1);
        JsonNode designs = JSON.readTree(files.get("designs.json"));
        assertThat(designs)
                .isEqualTo(items(api(user.token()).get("/api/generations?limit=100")))
                .hasSize(5);
        for (JsonNode design : designs) {
            assertThat(design)
                    .isEqualTo(body(api(user.token())
                            .get("/api/generations/" + design.get("id").asString())));
        }
        assertThat(JSON.readTree(files.get("comparisons.json")))
                .isEqualTo(JSON.createArrayNode().add(body(api(user.token()).get("/api/comparisons/" + comparison))));
        assertThat(JSON.readTree(files.get("uploads.json")))
                .isEqualTo(items(api(user.token()).get("/api/uploads?limit=100")))
                .hasSize(1);
        assertThat(files).containsKey("README.txt");

        // every image the API serves the user, byte for byte: the designs, the site's picture of the address
        // designs (the refinement keeps its parent's), the photo (which is the photo design's before)
        Set<String> expected = new HashSet<>(Set.of(
                "README.txt",
                "account.json",
                "ledger.json",
                "purchases.json",
                "designs.json",
                "comparisons.json",
                "uploads.json",
                "images/uploads/" + photo + ".jpg",
                "images/designs/" + siteDesign + "-before.jpg",
                "images/designs/" + refinement + "-before.jpg"));
        for (JsonNode design : designs) {
            expected.add("images/designs/" + design.get("id").asString() + ".png");
        }
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        for (JsonNode design : designs) {
            String id = design.get("id").asString();
            assertThat(files.get("images/designs/" + id + ".png"))
                    .as("the image of design %s", id)
                    .isEqualTo(api(user.token())
                            .get("/api/generations/" + id + "/image")
                            .asByteArray());
        }
        for (String id : List.of(siteDesign, refinement)) {
            assertThat(files.get("images/designs/" + id + "-before.jpg"))
                    .isEqualTo(api(user.token())
                            .get("/api/generations/" + id + "/before")
                            .asByteArray());
        }
        assertThat(files.get("images/uploads/" + photo + ".jpg"))
                .isEqualTo(api(user.token())
                        .get("/api/uploads/" + photo + "/image")
                        .asByteArray())
                .isEqualTo(api(user.token())
                        .get("/api/generations/" + photoDesign + "/before")
                        .asByteArray());

        // nothing of anybody else
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String text = file.getKey() + new String(file.getValue(), StandardCharsets.ISO_8859_1);
            assertThat(text)
                    .as(file.getKey())
                    .doesNotContain(
                            stranger.email(),
                            strangersDesign,
                            strangersPhoto,
                            stranger.id().toString());
        }
    }

    @Test
    void anExportOfANewAccountHoldsItsAccountAndTrialCredits() throws IOException {
        TestUser user = verifiedUser();

        Map<String, byte[]> files = unzip(api(user.token())
                .get("/api/auth/me/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());

        assertThat(JSON.readTree(files.get("account.json")).get("email").asString())
                .isEqualTo(user.email());
        assertThat(JSON.readTree(files.get("ledger.json"))).hasSize(1);
        for (String empty : List.of("purchases.json", "designs.json", "comparisons.json", "uploads.json")) {
            assertThat(JSON.readTree(files.get(empty))).as(empty).isEmpty();
        }
        assertThat(files.keySet()).noneMatch(name -> name.startsWith("images/"));
    }

    @Test
    void anExportNeedsALogin() {
        api().get("/api/auth/me/export").then().statusCode(401).body("error", equalTo("unauthenticated"));
    }

    @Test
    void aFewExportsAnHourAreAllowedThenTheNextWaits() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        try (MutableClock.Frozen frozen = clock.freeze()) {
            for (int i = 0; i < 5; i++) {
                api(user.token()).get("/api/auth/me/export").then().statusCode(200);
            }

            api(user.token())
                    .get("/api/auth/me/export")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", "3600")
                    .body("error", equalTo("rate_limited"))
                    .body("retry_after", equalTo(3600))
                    .body("limit", equalTo(5));
            // the browser's download counts with the API's, and the account page says why there is none
            Response refused =
                    given().cookies(session).redirects().follow(false).get("/account/export");
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.header("Location")).endsWith("/account#your-data");
            given().cookies(session)
                    .get("/account")
                    .then()
                    .statusCode(200)
                    .body(containsString("You can download your data 5 times per hour. Try again in 60 minutes."));

            clock.advance(Duration.ofHours(1));
            api(user.token()).get("/api/auth/me/export").then().statusCode(200);
        }
    }

    @Test
    void theBrowserDownloadsTheSameExport() throws IOException {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);

        Response download = given().cookies(session).get("/account/export");

        download.then().statusCode(200).contentType("application/zip");
        assertThat(download.header("Content-Disposition")).startsWith("attachment; filename=\"yarda-export-");
        ObjectNode account =
                (ObjectNode) JSON.readTree(unzip(download.asByteArray()).get("account.json"));
        account.remove("email_verified_at");
        assertThat(account).isEqualTo(body(api(user.token()).get("/api/auth/me")));
    }

    private static JsonNode body(Response response) {
        response.then().statusCode(200);
        return JSON.readTree(response.asByteArray());
    }

    private static JsonNode items(Response response) {
        return body(response).get("items");
    }

    /** The files of a ZIP file by name; it fails unless the file is complete. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        // a ZIP file ends with its directory, after every file: a download cut short has none
        assertThat(Arrays.copyOfRange(zip, zip.length - 22, zip.length - 18))
                .as("the end of the ZIP file's directory")
                .isEqualTo(new byte[] {'P', 'K', 5, 6});
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(files.put(entry.getName(), in.readAllBytes()))
                        .as("entry %s once", entry.getName())
                        .isNull();
            }
        }
        return files;
    }

    /** An aerial picture of a yard with a road, as NAIP would send it (one that shows something: site.Pictures). */
    private static byte[] aerial() throws IOException {
        BufferedImage image = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(86, 122, 64));
        g.fillRect(0, 0, 128, 128);
        g.setColor(new Color(120, 110, 105));
        g.fillRect(40, 30, 50, 40);
        g.setColor(new Color(60, 60, 62));
        g.fillRect(0, 100, 128, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
