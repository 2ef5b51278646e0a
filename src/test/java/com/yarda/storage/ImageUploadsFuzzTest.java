package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.yarda.platform.ValidationFailed;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.springframework.util.unit.DataSize;

/**
 * Any byte string sent as an upload either becomes a clean image or is refused with one of the two upload problems
 * (415 {@link UnsupportedImage}, 413 {@link ImageTooLarge}); sent as a photo, a clean image may also be refused as
 * one that cannot become a design (422 {@link ValidationFailed}). Any other exception would be a 500 for bad input, a
 * bug. Runs the committed corpus ({@code ImageUploadsFuzzTestInputs/sanitize}) in every build; {@code JAZZER_FUZZ=1
 * ./mvnw test -Dtest=ImageUploadsFuzzTest} fuzzes for new inputs.
 */
class ImageUploadsFuzzTest {

    // the service's byte limit; fewer pixels than its 40 million keep a fuzzing run's memory small
    private static final StorageProperties LIMITS = new StorageProperties(
            null,
            DataSize.ofMegabytes(10),
            4_000_000,
            2,
            Duration.ofSeconds(2),
            null,
            4096,
            StorageProperties.Type.FILESYSTEM,
            new StorageProperties.S3(null, null, null, false, null, null));
    private static final ImageUploads UPLOADS = new ImageUploads(LIMITS, DecodeCapacity.of(LIMITS));

    @FuzzTest(maxDuration = "5m")
    void sanitize(byte[] upload) throws Exception {
        SanitizedImage image;
        try {
            image = UPLOADS.sanitize(upload);
        } catch (UnsupportedImage | ImageTooLarge expected) {
            return;
        }
        // what is kept is a JPEG or PNG of the dimensions it claims, that decodes again
        assertThat(image.contentType()).isIn("image/jpeg", "image/png");
        var decoded = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertThat(decoded).isNotNull();
        assertThat(decoded.getWidth()).isEqualTo(image.width());
        assertThat(decoded.getHeight()).isEqualTo(image.height());
        // judged as a photo of a yard, an image that is safe to keep is kept or refused as unusable, nothing else
        try {
            assertThat(UPLOADS.sanitizePhoto(upload, "file").width()).isEqualTo(image.width());
        } catch (ValidationFailed unusable) {
            assertThat(unusable.errors())
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.field()).isEqualTo("file"));
        }
    }
}
