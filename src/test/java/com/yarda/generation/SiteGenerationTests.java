package com.yarda.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.yarda.site.HardinessZone;
import com.yarda.test.IntegrationTest;
import com.yarda.test.SiteServices;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A design of this yard: the site behind the address, resolved by the worker through the site services. */
class SiteGenerationTests extends IntegrationTest {

    @Test
    void anAddressDesignGetsItsSiteItsZoneAndItsOverheadPictureAsItsBefore() throws IOException {
        TestUser user = verifiedUser();
        String address = "250 Marquette Ave, Minneapolis, MN 55401";
        SiteServices.censusMatches(address, "250 MARQUETTE AVE, MINNEAPOLIS, MN, 55401", 44.9795, -93.2690, "55401");
        byte[] overhead = aerial();
        SiteServices.naipServes(overhead);

        Response accepted = create(user, address(address, "english_garden"));
        accepted.then().statusCode(202).body("site", equalTo(null)).body("plants", equalTo(List.of()));
        Map<String, Object> done = awaitFinished(user, accepted.path("id"));

        assertThat(done.get("status")).isEqualTo("completed");
        assertThat(site(done))
                .containsEntry("formatted_address", "250 MARQUETTE AVE, MINNEAPOLIS, MN, 55401")
                .containsEntry("latitude", 44.9795f)
                .containsEntry("longitude", -93.2690f)
                .containsEntry("postal_code", "55401")
                .containsEntry("country", "US")
                .containsEntry("hardiness_zone", "5a")
                .containsEntry("imagery", List.of("satellite"));
        byte[] before = api(user.token())
                .get("/api/generations/" + done.get("id") + "/before")
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .extract()
                .asByteArray();
        assertThat(before).isEqualTo(overhead);
        assertEveryPlantIsHardyIn(done, HardinessZone.of("5a"));
        assertThat((List<?>) done.get("materials")).isNotEmpty();
    }

    @Test
    void aGeocoderThatFailsNeverFailsTheDesignNorCostsASecondCredit() {
        TestUser user = verifiedUser();
        String address = "1 Harbor Way, Portland, OR 97201";
        SiteServices.censusFails(address, 503);

        Map<String, Object> done = awaitFinished(user, acceptAddress(user, address, "mediterranean"));

        assertThat(done.get("status")).isEqualTo("completed");
        // what is known: the ZIP written in the address, and its zone
        assertThat(site(done))
                .containsEntry("postal_code", "97201")
                .containsEntry("hardiness_zone", "8b")
                .containsEntry("latitude", null)
                .containsEntry("imagery", List.of());
        api(user.token()).get("/api/credits/balance").then().body("trial_credits", equalTo(2));
        assertThat(jdbc.sql("SELECT count(*) FROM credit_ledger WHERE generation_id = :id")
                        .param("id", UUID.fromString((String) done.get("id")))
                        .query(Long.class)
                        .single())
                .isOne();
        assertEveryPlantIsHardyIn(done, HardinessZone.of("8b"));
    }

    @Test
    void anAddressWithoutImageryHasNoBeforeAndAnUnknownZipNoZone() {
        TestUser user = verifiedUser();

        Map<String, Object> done = awaitFinished(user, acceptAddress(user, "9 Nowhere Lane, 00000", "japanese_zen"));

        assertThat(site(done)).containsEntry("hardiness_zone", null).containsEntry("country", null);
        assertThat((List<?>) done.get("plants")).isNotEmpty();
        api(user.token())
                .get("/api/generations/" + done.get("id") + "/before")
                .then()
                .statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void aPhotoDesignGetsASiteOnlyWhenItSaysWhereTheYardIs() {
        TestUser user = verifiedUser();
        byte[] photo = photo(640, 480);

        Response withAddress = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("input_address", "12 Elm St, Phoenix, AZ 85001")
                .multiPart("style", "desert_landscape")
                .multiPart("photo", "yard.jpg", photo, "image/jpeg")
                .post("/api/generations");
        Response without = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("input_type", "photo")
                .multiPart("style", "desert_landscape")
                .multiPart("photo", "yard.jpg", photo, "image/jpeg")
                .post("/api/generations");
        Map<String, Object> located =
                awaitFinished(user, withAddress.then().statusCode(202).extract().path("id"));
        Map<String, Object> unlocated =
                awaitFinished(user, without.then().statusCode(202).extract().path("id"));

        assertThat(located.get("input_address")).isEqualTo("12 Elm St, Phoenix, AZ 85001");
        assertThat(site(located)).containsEntry("hardiness_zone", "10a");
        assertEveryPlantIsHardyIn(located, HardinessZone.of("10a"));
        assertThat(unlocated.get("site")).isNull();
        // the before of a photo design is the photo, as stored
        byte[] before = api(user.token())
                .get("/api/generations/" + located.get("id") + "/before")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] upload = api(user.token())
                .get((String) located.get("input_photo_url"))
                .then()
                .extract()
                .asByteArray();
        assertThat(before).isEqualTo(upload);
    }

    @Test
    void deletingADesignRemovesThePicturesOfItsSiteAndWhereItWas() throws IOException {
        TestUser user = verifiedUser();
        String address = "77 Water St, New York, NY 10001";
        SiteServices.censusMatches(address, "77 WATER ST, NEW YORK, NY, 10001", 40.7033, -74.0090, "10001");
        SiteServices.naipServes(aerial());
        String id = acceptAddress(user, address, "modern_minimalist");
        awaitFinished(user, id);
        List<String> pictures = jdbc.sql("""
                        SELECT unnest(ARRAY[output_image_key, overhead_image_key]) FROM generations WHERE id = :id
                        """)
                .param("id", UUID.fromString(id))
                .query(String.class)
                .list();
        assertThat(pictures).doesNotContainNull().hasSize(2);
        assertThat(imageFiles()).containsAll(pictures);

        api(user.token()).delete("/api/generations/" + id).then().statusCode(204);

        Map<String, Object> row =
                jdbc.sql("""
                        SELECT site IS NULL AS no_site, street_image_key IS NULL AND overhead_image_key IS NULL AS no_pictures
                          FROM generations WHERE id = :id
                        """).param("id", UUID.fromString(id)).query().singleRow();
        assertThat(row).containsEntry("no_site", true).containsEntry("no_pictures", true);
        assertThat(imageFiles()).doesNotContainAnyElementsOf(pictures);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> site(Map<String, Object> generation) {
        assertThat(generation.get("site")).as("the generation's site").isNotNull();
        return (Map<String, Object>) generation.get("site");
    }

    @SuppressWarnings("unchecked")
    private static void assertEveryPlantIsHardyIn(Map<String, Object> generation, HardinessZone zone) {
        List<Map<String, Object>> plants = (List<Map<String, Object>>) generation.get("plants");
        assertThat(plants).isNotEmpty();
        for (Map<String, Object> plant : plants) {
            String[] range = ((String) plant.get("hardiness_zones")).split("-");
            assertThat(zone.within(HardinessZone.of(range[0]), HardinessZone.of(range[1])))
                    .as("%s (%s) in zone %s", plant.get("botanical_name"), plant.get("hardiness_zones"), zone)
                    .isTrue();
        }
    }

    /** Something like an aerial picture: a roof, a lawn, a road. */
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
