package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.yarda.test.IntegrationTest;
import com.yarda.test.SiteServices;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The design page of an address design: the site, its zone with the data's credit, the before, the plants. */
class SitePagesTests extends IntegrationTest {

    @Test
    void anAddressDesignShowsItsSiteZoneBeforeAndZoneHardyPlants() throws IOException {
        TestUser user = verifiedUser();
        String address = "1 Loring Park, Minneapolis, MN 55403";
        SiteServices.censusMatches(address, "1 LORING PARK, MINNEAPOLIS, MN, 55403", 44.9698, -93.2800, "55403");
        byte[] overhead = aerial();
        SiteServices.naipServes(overhead);
        String id = acceptAddress(user, address, "california_native");
        assertThat(awaitFinished(user, id)).containsEntry("status", "completed");
        Map<String, String> session = webSession(user);

        Response page = given().cookies(session).get("/generations/" + id);

        page.then()
                .statusCode(200)
                .body(containsString("Plants for USDA zone 5a"))
                .body(containsString("1 LORING PARK, MINNEAPOLIS, MN, 55403"))
                .body(containsString("Hardiness zone: USDA Plant Hardiness Zone Map (2023), USDA-ARS and PRISM Climate"
                        + " Group, Oregon State University. Not the official USDA Plant Hardiness Zone Map."))
                .body(containsString("/generations/" + id + "/before"))
                .body(containsString("/generations/" + id + "/overhead"))
                // the California Native signature tree is not hardy in Minneapolis
                .body(not(containsString("Quercus agrifolia")));
        assertThat(given().cookies(session)
                        .get("/generations/" + id + "/before")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray())
                .isEqualTo(overhead);
        // someone else sees neither the page nor the picture of the site
        Map<String, String> stranger = webSession(verifiedUser());
        given().cookies(stranger).get("/generations/" + id + "/before").then().statusCode(404);
        given().cookies(stranger).get("/generations/" + id + "/overhead").then().statusCode(404);
    }

    @Test
    void aDesignWhoseZoneIsUnknownSaysSoInsteadOfNamingOne() {
        TestUser user = verifiedUser();
        String id = acceptAddress(user, "3 Unmapped Road, Springfield", "english_garden");
        awaitFinished(user, id);

        given().cookies(webSession(user))
                .get("/generations/" + id)
                .then()
                .statusCode(200)
                .body(containsString("The hardiness zone of this yard is not known"))
                .body(not(containsString("Plants for USDA zone")));
    }

    private static byte[] aerial() throws IOException {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(80, 120, 60));
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(140, 120, 110));
        g.fillRect(30, 20, 40, 30);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
