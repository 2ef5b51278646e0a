package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.yarda.test.IntegrationTest;
import com.yarda.test.SiteServices;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a share link opens, for anyone and without a login: the design, its pictures, style, zone, plants and
 * materials, and nothing of the owner. And the owner's share panel on the design page.
 */
class SharedDesignPagesTests extends IntegrationTest {

    private static final String ADDRESS = "1 Loring Park, Minneapolis, MN 55403";
    private static final String MATCHED = "1 LORING PARK, MINNEAPOLIS, MN, 55403";

    @Test
    void theSharedPageShowsTheDesignItsPlantsAndMaterialsButNothingOfTheOwner() {
        TestUser user = verifiedUser();
        String id = designOfARealSite(user);
        Map<String, Object> design =
                api(user.token()).get("/api/generations/" + id).path("$");
        String token = api(user.token())
                .post("/api/generations/" + id + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        Response page = given().get("/s/" + token);

        page.then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("California Native landscape design"))
                .body(containsString("USDA hardiness zone <strong id=\"zone\">5a</strong>"))
                .body(containsString("Hardiness zone: USDA Plant Hardiness Zone Map (2023), USDA-ARS and PRISM Climate"
                        + " Group, Oregon State University. Not the official USDA Plant Hardiness Zone Map."))
                .body(containsString("<meta name=\"robots\" content=\"noindex, nofollow\">"))
                .body(containsString("/s/" + token + "/image"))
                .body(containsString("/s/" + token + "/before"))
                .body(containsString("/s/" + token + "/pdf"));
        String html = page.asString();
        List<Map<String, Object>> plants = cast(design.get("plants"));
        assertThat(plants).isNotEmpty();
        for (Map<String, Object> plant : plants) {
            assertThat(html)
                    .contains(escaped((String) plant.get("common_name")))
                    .contains(escaped((String) plant.get("botanical_name")));
            if (plant.get("quantity") != null) {
                assertThat(html).contains("data-label=\"Quantity\">" + plant.get("quantity") + "<");
            }
        }
        List<Map<String, Object>> materials = cast(design.get("materials"));
        for (Map<String, Object> material : materials) {
            assertThat(html).contains(escaped((String) material.get("name")));
        }
        // nothing of the owner: no email, no address as typed or as geocoded, no ZIP, no navigation of a user
        assertThat(html)
                .doesNotContainIgnoringCase(user.email())
                .doesNotContain("LORING PARK")
                .doesNotContain("Loring Park")
                .doesNotContain("55403")
                .doesNotContain("Minneapolis")
                .doesNotContain("/account")
                .doesNotContain("/history")
                .doesNotContain("Log out");
        // a page for whoever has the link: no index, no cache, no Referer, no session
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.headers().getValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theSharedPicturesAreTheDesignsAndNoCacheKeepsThem() {
        TestUser user = verifiedUser();
        String id = designOfARealSite(user);
        String token = api(user.token())
                .post("/api/generations/" + id + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        for (String picture : List.of("image", "before")) {
            byte[] owners = api(user.token())
                    .accept("*/*")
                    .get("/api/generations/" + id + "/" + picture)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asByteArray();
            Response shared = given().get("/s/" + token + "/" + picture);
            shared.then().statusCode(200).contentType(containsString("image/"));
            assertThat(shared.asByteArray()).as(picture).isEqualTo(owners);
            assertThat(shared.header("Cache-Control")).contains("no-store").contains("private");
            assertThat(shared.header("X-Robots-Tag")).contains("noindex");
            assertThat(shared.headers().getValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aLoggedInVisitorIsAnonymousOnASharedPageAndItsSessionUntouched() {
        TestUser owner = verifiedUser();
        String id = designOfARealSite(owner);
        String token = api(owner.token())
                .post("/api/generations/" + id + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");

        Map<String, String> session = webSession(owner);
        Response page = given().cookies(session).get("/s/" + token);

        page.then().statusCode(200);
        assertThat(page.asString()).doesNotContain(owner.email()).doesNotContain("Log out");
        assertThat(page.headers().getValues("Set-Cookie")).isEmpty();
        given().cookies(session).get("/generations/" + id).then().statusCode(200);
    }

    @Test
    void theOwnerSharesFromTheDesignPageSeesTheLinkAndStopsSharing() {
        TestUser owner = verifiedUser();
        String id = designOfARealSite(owner);
        Map<String, String> session = webSession(owner);

        String before = given().cookies(session).get("/generations/" + id).asString();
        assertThat(before).contains("Share with a contractor").contains("Create a share link");

        Response shared = formOnDesignPage(session, id).post("/generations/" + id + "/share");
        assertThat(shared.statusCode()).isEqualTo(302);
        assertThat(shared.header("Location")).endsWith("/generations/" + id + "#share");
        String page = given().cookies(session).get("/generations/" + id).asString();
        Matcher url = Pattern.compile(
                        "id=\"share-url\" readonly value=\"(" + Pattern.quote(PUBLIC_URL) + "/s/([A-Za-z0-9_-]{43}))\"")
                .matcher(page);
        assertThat(url.find()).as("the link, as text on the page").isTrue();
        String token = url.group(2);
        assertThat(page).contains("Stop sharing");
        given().get("/s/" + token).then().statusCode(200);
        // the API knows the same link
        assertThat(api(owner.token())
                        .post("/api/generations/" + id + "/share")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("token"))
                .isEqualTo(token);

        Response stopped = formOnDesignPage(session, id).post("/generations/" + id + "/share/stop");
        assertThat(stopped.statusCode()).isEqualTo(302);
        given().get("/s/" + token).then().statusCode(404);
        assertThat(given().cookies(session).get("/generations/" + id).asString())
                .contains("Sharing stopped")
                .contains("Create a share link");

        // someone else's design: 404, as every page of it
        Map<String, String> stranger = webSession(verifiedUser());
        assertThat(formOnDesignPage(stranger, id, "/history")
                        .post("/generations/" + id + "/share")
                        .statusCode())
                .isEqualTo(404);
    }

    private String designOfARealSite(TestUser user) {
        SiteServices.censusMatches(ADDRESS, MATCHED, 44.9698, -93.2800, "55403");
        SiteServices.naipServes(photo(640, 480));
        String id = acceptAddress(user, ADDRESS, "california_native");
        Map<String, Object> design = awaitFinished(user, id);
        assertThat(design).containsEntry("status", "completed");
        Map<String, Object> site = cast(design.get("site"));
        assertThat(site).containsEntry("formatted_address", MATCHED);
        return id;
    }

    /** A form post from the design page of {@code id}: its session and the page's CSRF token. */
    private static io.restassured.specification.RequestSpecification formOnDesignPage(
            Map<String, String> session, String id) {
        return formOnDesignPage(session, id, "/generations/" + id);
    }

    private static io.restassured.specification.RequestSpecification formOnDesignPage(
            Map<String, String> session, String id, String pagePath) {
        String page = given().cookies(session).get(pagePath).asString();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("a CSRF token on " + pagePath).isTrue();
        return given().redirects()
                .follow(false)
                .cookies(session)
                .contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf.group(1));
    }

    /** As Thymeleaf writes text into HTML. */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
