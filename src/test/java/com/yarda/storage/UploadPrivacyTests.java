package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.yarda.test.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Through the API: what a phone photo reveals about a home is gone once it is uploaded. */
class UploadPrivacyTests extends IntegrationTest {

    @Test
    void aJpegWithGpsTagsIsServedBackWithoutAnyExif() {
        TestUser user = verifiedUser();
        byte[] photo = TestImages.withSegmentAfterSoi(photo(640, 480), TestImages.app1(TestImages.exifWithGps(1)));
        assertThat(contains(photo, TestImages.LATITUDE_RATIONALS)).isTrue();

        String url = api(user.token())
                .contentType("multipart/form-data")
                .multiPart("file", "IMG_0042.jpg", photo, "image/jpeg")
                .post("/api/uploads")
                .then()
                .statusCode(201)
                .extract()
                .path("url");
        byte[] served =
                api(user.token()).get(url).then().statusCode(200).extract().asByteArray();

        assertThat(TestImages.decode(served).getWidth()).isEqualTo(640);
        assertThat(TestImages.jpegMarkersBeforeScan(served)).doesNotContain(0xE1);
        assertThat(contains(served, "Exif".getBytes())).isFalse();
        assertThat(contains(served, TestImages.LATITUDE_RATIONALS)).isFalse();
        assertThat(contains(served, TestImages.LONGITUDE_RATIONALS)).isFalse();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
