package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The account page's photos (shown, deleted behind a disclosure with CSRF) and its download of the account's data. */
class AccountDataPagesTests extends IntegrationTest {

    @Test
    void theAccountPageShowsMyPhotosAndTheDownloadOfMyData() {
        TestUser user = verifiedUser();
        TestUser stranger = verifiedUser();
        String foreign = upload(stranger, photo(640, 480)).path("id");
        String photo = upload(user, photo(640, 480)).path("id");

        Response page = given().cookies(webSession(user)).get("/account");

        page.then()
                .statusCode(200)
                .body(containsString("Your photos"))
                .body(containsString("src=\"/uploads/" + photo + "/image\""))
                .body(containsString("action=\"/account/photos/" + photo + "/delete\""))
                .body(containsString("Delete this photo"))
                .body(containsString("href=\"/account/export\""))
                .body(containsString("Download my data"))
                .body(not(containsString(foreign)));
    }

    @Test
    void aPhotoIsDeletedFromTheAccountPageAndItsDesignLosesItsBeforeAfterSlider() {
        TestUser user = verifiedUser();
        Response upload = upload(user, photo(800, 600));
        String photo = upload.path("id");
        String design = create(
                        user,
                        Map.of("input_type", "photo", "input_photo_url", upload.path("url"), "style", "mediterranean"))
                .path("id");
        awaitFinished(user, design);
        String token = api(user.token())
                .post("/api/generations/" + design + "/share")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        Map<String, String> session = webSession(user);
        given().cookies(session)
                .get("/generations/" + design)
                .then()
                .body(containsString("data-compare"))
                .body(containsString("id=\"refine-form\""))
                .body(not(containsString("refine-photo-deleted")));
        given().get("/s/" + token).then().body(containsString("shared-before"));
        Response account = given().cookies(session).get("/account");
        account.then().body(containsString("Used by 1 design"));

        Response deleted = formPost(session, account, "/account/photos/" + photo + "/delete", Map.of());

        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.header("Location")).endsWith("/account#photos");
        given().cookies(session)
                .get("/account")
                .then()
                .statusCode(200)
                .body(containsString("The photo was deleted"))
                .body(not(containsString("/uploads/" + photo + "/image")));
        given().cookies(session).get("/uploads/" + photo + "/image").then().statusCode(404);
        // the design's page shows the design alone, without a before/after slider or a broken picture
        given().cookies(session)
                .get("/generations/" + design)
                .then()
                .statusCode(200)
                .body(containsString("/generations/" + design + "/image"))
                .body(not(containsString("data-compare")))
                .body(not(containsString("/generations/" + design + "/before")))
                // and says why it cannot be refined instead of offering a form that would be refused
                .body(containsString("refine-photo-deleted"))
                .body(not(containsString("id=\"refine-form\"")));
        // so does its shared page
        given().get("/s/" + token).then().statusCode(200).body(not(containsString("shared-before")));
        given().get("/s/" + token + "/before").then().statusCode(404);
        given().get("/s/" + token + "/image").then().statusCode(200);
    }

    @Test
    void someoneElsesPhotoCannotBeDeletedFromTheBrowser() {
        TestUser owner = verifiedUser();
        TestUser stranger = verifiedUser();
        String photo = upload(owner, photo(640, 480)).path("id");
        Map<String, String> session = webSession(stranger);

        Response refused = formPost(
                session, given().cookies(session).get("/account"), "/account/photos/" + photo + "/delete", Map.of());

        assertThat(refused.statusCode()).isEqualTo(404);
        api(owner.token()).get("/api/uploads/" + photo).then().statusCode(200);
    }

    @Test
    void theAccountPageShowsTheNewestPhotosAndThePhotosPageHasThemAllInPages() {
        TestUser user = verifiedUser();
        List<String> photos = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            photos.add(upload(user, photo(640 + i, 480)).path("id"));
            clock.advance(Duration.ofSeconds(1));
        }
        Map<String, String> session = webSession(user);

        Response account = given().cookies(session).get("/account");

        account.then()
                .body(containsString("See all 9 photos"))
                .body(containsString("/uploads/" + photos.get(8) + "/image"))
                .body(not(containsString("/uploads/" + photos.get(0) + "/image")));
        Response all = given().cookies(session).get("/account/photos");
        all.then().statusCode(200);
        for (String photo : photos) {
            all.then().body(containsString("/uploads/" + photo + "/image"));
        }
        // deleting from the photos page goes back to its page
        Response deleted = formPost(session, all, "/account/photos/" + photos.get(0) + "/delete", Map.of("page", "0"));
        assertThat(deleted.header("Location")).endsWith("/account/photos?page=0");
        given().cookies(session)
                .get("/account/photos?page=0")
                .then()
                .body(containsString("The photo was deleted"))
                .body(not(containsString("/uploads/" + photos.get(0) + "/image")));
    }
}
