package com.yarda.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Addresses and forms a browser can send that no page expects: a 4xx page or a message on the form, never a 500. */
class BadRequestPagesTests extends IntegrationTest {

    @Test
    void aPathThatCannotNameAnythingIsANotFoundPage() {
        Map<String, String> session = webSession(verifiedUser());
        for (String path : new String[] {
            "/generations/not-a-uuid", "/generations/not-a-uuid/image", "/comparisons/12", "/admin/users/x"
        }) {
            Response page = given().cookies(session).accept("text/html").get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(404);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.asString()).as(path).contains("We could not find that page");
        }
    }

    @Test
    void aQueryParameterOfTheWrongTypeOrMissingIsABadRequestPage() {
        Map<String, String> session = webSession(verifiedUser());
        for (String path :
                new String[] {"/history?page=abc", "/account?page=x", "/billing/success?purchase=x", "/billing/success"
                }) {
            Response page = given().cookies(session).accept("text/html").get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.asString())
                    .as(path)
                    .contains("That address is not valid")
                    .doesNotContain("our fault");
        }
    }

    @Test
    void theApiAnswersTheSameMistakesWithProblemJson() {
        TestUser user = verifiedUser();
        for (String path : new String[] {"/api/generations/not-a-uuid", "/api/generations?limit=abc"}) {
            Response answer = api(user.token()).accept("text/html").get(path);
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void aPhotoOverTheUploadLimitIsRefusedOnTheForm() {
        TestUser user = verifiedUser();
        Map<String, String> session = webSession(user);
        for (String form : new String[] {"/generate", "/compare"}) {
            Response page = given().cookies(session).get(form);
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
            assertThat(csrf.find()).isTrue();

            // as a browser sends the form: the CSRF token first, the photo among the fields
            Response answer = given().redirects()
                    .follow(false)
                    .cookies(session)
                    .accept("text/html,*/*")
                    .multiPart("_csrf", csrf.group(1))
                    .multiPart("requestKey", UUID.randomUUID().toString())
                    .multiPart("inputType", "photo")
                    .multiPart("photo", "huge.jpg", new byte[11 * 1024 * 1024], "image/jpeg")
                    .multiPart("style", "japanese_zen")
                    .post(form);

            // back to the form (a GET: nothing is sent again), which says why beside the photo field
            assertThat(answer.statusCode()).as(form + ": " + answer.asString()).isEqualTo(303);
            String location = answer.header("Location");
            assertThat(location).as(form).endsWith(form + "?photo=too-large");
            Response shown = given().cookies(session).get(location.substring(location.indexOf(form)));
            assertThat(shown.statusCode()).as(form).isEqualTo(200);
            assertThat(shown.asString())
                    .as(form)
                    .contains("id=\"photo-error\"")
                    .contains("The photo is larger than 10 MB")
                    .containsPattern("<input[^>]*name=\"inputType\"[^>]*value=\"photo\"[^>]*checked"
                            + "|<input[^>]*value=\"photo\"[^>]*name=\"inputType\"[^>]*checked");
        }
        assertThat(generationCount(user)).isZero();
        assertThat(uploadCount(user)).isZero();
    }
}
