package com.yarda.storage;

import static com.yarda.storage.TestImages.BLUE;
import static com.yarda.storage.TestImages.GREEN;
import static com.yarda.storage.TestImages.RED;
import static com.yarda.storage.TestImages.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.yarda.platform.FieldProblem;
import com.yarda.platform.ValidationFailed;
import com.yarda.test.YardPhotos;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

class ImageUploadsTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;

    private final ImageUploads uploads = uploadsWithLimits(DataSize.ofMegabytes(10), 40_000_000);

    @Test
    void rejectsATextFileAsUnsupported() {
        byte[] text = "Just a note, saved as photo.jpg\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> uploads.sanitize(text)).isInstanceOfSatisfying(UnsupportedImage.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(problem.code()).isEqualTo("unsupported_media_type");
            assertThat(problem.getMessage()).contains("Upload a JPEG, PNG or WebP photo.");
        });
    }

    @Test
    void rejectsAPdfAsUnsupported() {
        byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> uploads.sanitize(pdf)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void rejectsARiffFileThatIsNotWebp() {
        byte[] wave = "RIFF\u0024\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> uploads.sanitize(wave)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThatThrownBy(() -> uploads.sanitize(new byte[0])).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void rejectsATruncatedJpegAlthoughItsMagicBytesAreRight() {
        byte[] jpeg = noiseJpeg(256, 256);
        int scan = indexOfStartOfScan(jpeg);
        byte[] truncated = Arrays.copyOf(jpeg, scan + (jpeg.length - scan) / 2);

        assertThatThrownBy(() -> uploads.sanitize(truncated))
                .isInstanceOfSatisfying(UnsupportedImage.class, problem -> {
                    assertThat(problem.code()).isEqualTo("unsupported_media_type");
                    assertThat(problem.getMessage()).contains("JPEG").contains("cannot be read");
                });
    }

    @Test
    void rejectsJpegMagicBytesFollowedByGarbage() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;

        assertThatThrownBy(() -> uploads.sanitize(garbage)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void rejectsAPngWhoseImageDataIsCorrupt() {
        byte[] png = TestImages.rgbaPng(16, 16, RED, 255);
        byte[] idat = TestImages.pngChunk("IDAT", "not deflate data at all".getBytes(StandardCharsets.US_ASCII));
        byte[] corrupt = TestImages.concat(Arrays.copyOf(png, 33), idat, TestImages.pngChunk("IEND", new byte[0]));

        assertThatThrownBy(() -> uploads.sanitize(corrupt)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void rejectsAFileOverTenMebibytesBeforeLookingAtIt() {
        byte[] big = new byte[TEN_MIB + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;

        assertThatThrownBy(() -> uploads.sanitize(big)).isInstanceOfSatisfying(ImageTooLarge.class, problem -> {
            assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
            assertThat(problem.code()).isEqualTo("payload_too_large");
            assertThat(problem.getMessage()).contains("10 MiB");
        });
    }

    @Test
    void stopsReadingAnOversizedStreamJustPastTheLimit() {
        EndlessPng endless = new EndlessPng();

        assertThatThrownBy(() -> uploads.sanitize(endless)).isInstanceOf(ImageTooLarge.class);
        assertThat(endless.bytesRead).isEqualTo(TEN_MIB + 1L);
    }

    @Test
    void rejectsAPngClaimingSixtyThousandSquaredPixelsWithoutDecodingIt() {
        byte[] bomb = TestImages.pngClaiming(60_000, 60_000);
        assertThat(bomb.length).isLessThan(200);

        // 3.6 gigapixels would need over 10 GB of heap: only a header check can answer this fast
        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> uploads.sanitize(bomb))
                        .isInstanceOfSatisfying(ImageTooLarge.class, problem -> {
                            assertThat(problem.code()).isEqualTo("payload_too_large");
                            assertThat(problem.getMessage())
                                    .contains("60000 × 60000")
                                    .contains("40 megapixels");
                        }));
    }

    @Test
    void rejectsAJpegWhoseFrameHeaderClaimsFiftyThousandSquaredPixels() {
        byte[] bomb = TestImages.quadrantJpeg(64, 32);
        int frame = indexOfMarker(bomb, 0xC0); // SOF0: FF C0, length, precision, height, width
        bomb[frame + 5] = (byte) (50_000 >> 8);
        bomb[frame + 6] = (byte) 50_000;
        bomb[frame + 7] = (byte) (50_000 >> 8);
        bomb[frame + 8] = (byte) 50_000;

        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> uploads.sanitize(bomb)).isInstanceOf(ImageTooLarge.class));
    }

    @Test
    void rejectsAWebpWhoseCanvasClaimsTooManyPixels() throws IOException {
        byte[] bomb = webpFixture();
        assertThat(new String(bomb, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        // the canvas width and height minus one, 24-bit little-endian each: 16384 × 16384
        for (int at : new int[] {24, 27}) {
            bomb[at] = (byte) 0xFF;
            bomb[at + 1] = (byte) 0x3F;
            bomb[at + 2] = 0;
        }

        assertTimeoutPreemptively(
                Duration.ofSeconds(2),
                () -> assertThatThrownBy(() -> uploads.sanitize(bomb)).isInstanceOf(ImageTooLarge.class));
    }

    @Test
    void acceptsExactlyTheMaximumPixelsAndNotOneRowMore() {
        ImageUploads tenThousandPixels = uploadsWithLimits(DataSize.ofMegabytes(10), 10_000);

        assertThat(tenThousandPixels
                        .sanitize(TestImages.rgbaPng(100, 100, BLUE, 255))
                        .width())
                .isEqualTo(100);
        assertThatThrownBy(() -> tenThousandPixels.sanitize(TestImages.rgbaPng(100, 101, BLUE, 255)))
                .isInstanceOf(ImageTooLarge.class);
    }

    @Test
    void stripsExifAndItsGpsPositionFromAJpeg() {
        byte[] photo = TestImages.withSegmentAfterSoi(
                TestImages.quadrantJpeg(64, 48), TestImages.app1(TestImages.exifWithGps(1)));
        // the upload really carries the position, and is a JPEG that decoders accept
        assertThat(TestImages.jpegMarkersBeforeScan(photo)).contains(0xE1);
        assertThat(TestImages.contains(photo, TestImages.LATITUDE_RATIONALS)).isTrue();
        assertThat(TestImages.decode(photo).getWidth()).isEqualTo(64);

        SanitizedImage sanitized = uploads.sanitize(photo);

        byte[] out = sanitized.bytes();
        assertThat(sanitized.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.jpegMarkersBeforeScan(out))
                .as("no APPn segment but JFIF's APP0")
                .noneMatch(marker -> marker >= 0xE1 && marker <= 0xEF)
                .doesNotContain(0xFE); // COM
        assertThat(TestImages.contains(out, "Exif".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(TestImages.contains(out, TestImages.LATITUDE_RATIONALS)).isFalse();
        assertThat(TestImages.contains(out, TestImages.LONGITUDE_RATIONALS)).isFalse();
        assertThat(TestImages.contains(out, TestImages.CAMERA_MAKE.getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        BufferedImage decoded = TestImages.decode(out);
        assertThat(decoded.getWidth()).isEqualTo(64);
        assertThat(decoded.getHeight()).isEqualTo(48);
        assertThat(sanitized.width()).isEqualTo(64);
        assertThat(sanitized.height()).isEqualTo(48);
        assertThat(sanitized.sizeBytes()).isEqualTo(out.length);
    }

    static Stream<Arguments> orientations() {
        // the colours of the displayed quadrants, top left, top right, bottom left, bottom right, for a stored image
        // with red, green over blue, yellow
        return Stream.of(
                Arguments.of(1, false, new Color[] {RED, GREEN, BLUE, YELLOW}),
                Arguments.of(2, false, new Color[] {GREEN, RED, YELLOW, BLUE}),
                Arguments.of(3, false, new Color[] {YELLOW, BLUE, GREEN, RED}),
                Arguments.of(4, false, new Color[] {BLUE, YELLOW, RED, GREEN}),
                Arguments.of(5, true, new Color[] {RED, BLUE, GREEN, YELLOW}),
                Arguments.of(6, true, new Color[] {BLUE, RED, YELLOW, GREEN}),
                Arguments.of(7, true, new Color[] {YELLOW, GREEN, BLUE, RED}),
                Arguments.of(8, true, new Color[] {GREEN, YELLOW, RED, BLUE}));
    }

    @ParameterizedTest(name = "orientation {0}")
    @MethodSource("orientations")
    void turnsTheJpegUprightAsItsExifOrientationSays(int orientation, boolean swapsAxes, Color[] quadrants) {
        byte[] photo = TestImages.withSegmentAfterSoi(
                TestImages.quadrantJpeg(64, 32), TestImages.app1(TestImages.exifWithOrientation(orientation)));

        SanitizedImage sanitized = uploads.sanitize(photo);

        int width = swapsAxes ? 32 : 64;
        int height = swapsAxes ? 64 : 32;
        assertThat(sanitized.width()).isEqualTo(width);
        assertThat(sanitized.height()).isEqualTo(height);
        BufferedImage upright = TestImages.decode(sanitized.bytes());
        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        assertColour(upright, width / 4, height / 4, quadrants[0]);
        assertColour(upright, width * 3 / 4, height / 4, quadrants[1]);
        assertColour(upright, width / 4, height * 3 / 4, quadrants[2]);
        assertColour(upright, width * 3 / 4, height * 3 / 4, quadrants[3]);
    }

    @Test
    void aFortyMegapixelPngIsDecodedSubsampledToTheLongestSideADesignNeeds() {
        // issue 14: 39.7 megapixels in about 50 KB, 160 MB of pixels once decoded in full
        byte[] png = TestImages.checkeredGreyPng(7296, 5440, 256);
        assertThat(png.length).isLessThan(100_000);

        SanitizedImage photo = uploads.sanitizePhoto(png, "file");

        // every second pixel of every second row: a quarter of the pixels, within 4096 on the longest side
        assertThat(photo.width()).isEqualTo(3648);
        assertThat(photo.height()).isEqualTo(2720);
        BufferedImage stored = TestImages.decode(photo.bytes());
        assertThat(stored.getWidth()).isEqualTo(3648);
        assertThat(stored.getHeight()).isEqualTo(2720);
        // the squares are where they were, at half the size
        assertColour(stored, 64, 64, new Color(200, 200, 200));
        assertColour(stored, 128 + 64, 64, new Color(60, 60, 60));
        assertColour(stored, 64, 128 + 64, new Color(60, 60, 60));
    }

    @Test
    void anImageJustLongerThanTheLongestSideIsSubsampledAndOneOfItIsNot() {
        assertThat(uploads.sanitize(TestImages.checkeredGreyPng(4096, 300, 16)).width())
                .isEqualTo(4096);

        SanitizedImage longer = uploads.sanitize(TestImages.checkeredGreyPng(4097, 300, 16));

        assertThat(longer.width()).isEqualTo(2049);
        assertThat(longer.height()).isEqualTo(150);
    }

    @Test
    void aLargePortraitJpegIsSubsampledTurnedUprightAndLosesItsGpsPosition() {
        byte[] photo = TestImages.withSegmentAfterSoi(
                TestImages.quadrantJpeg(8200, 1200), TestImages.app1(TestImages.exifWithGps(6)));

        SanitizedImage sanitized = uploads.sanitize(photo);

        // every third pixel (8200 / 3 rounded up is 2734), then a quarter turn clockwise
        assertThat(sanitized.width()).isEqualTo(400);
        assertThat(sanitized.height()).isEqualTo(2734);
        BufferedImage upright = TestImages.decode(sanitized.bytes());
        assertColour(upright, 100, 683, BLUE);
        assertColour(upright, 300, 683, RED);
        assertColour(upright, 100, 2050, YELLOW);
        assertColour(upright, 300, 2050, GREEN);
        assertThat(TestImages.contains(sanitized.bytes(), TestImages.LATITUDE_RATIONALS))
                .isFalse();
    }

    @Test
    void turnsAPhoneStylePortraitUprightAndDropsItsGpsPosition() {
        byte[] photo = TestImages.withSegmentAfterSoi(
                TestImages.quadrantJpeg(64, 32), TestImages.app1(TestImages.exifWithGps(6)));

        SanitizedImage sanitized = uploads.sanitize(photo);

        assertThat(sanitized.width()).isEqualTo(32);
        assertThat(sanitized.height()).isEqualTo(64);
        assertThat(TestImages.contains(sanitized.bytes(), TestImages.LATITUDE_RATIONALS))
                .isFalse();
    }

    @Test
    void dropsAJpegsIccProfileButKeepsHowItLooks() {
        // mid grey in linear RGB is shown as a light grey, sRGB 188, by every colour-managed viewer
        byte[] linearRgb = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] photo = TestImages.withSegmentAfterSoi(
                TestImages.plainJpeg(32, 32, new Color(128, 128, 128)), TestImages.iccProfileSegment(linearRgb));

        SanitizedImage sanitized = uploads.sanitize(photo);

        assertThat(TestImages.jpegMarkersBeforeScan(sanitized.bytes())).doesNotContain(0xE2);
        assertColour(TestImages.decode(sanitized.bytes()), 16, 16, new Color(188, 188, 188));
    }

    @Test
    void stripsTextChunksFromAPngAndKeepsItsTransparency() {
        byte[] png = TestImages.rgbaPng(
                20,
                10,
                GREEN,
                100,
                TestImages.pngChunk("tEXt", "Comment\0Taken at 12 Garden Lane".getBytes(StandardCharsets.ISO_8859_1)),
                TestImages.pngChunk("iTXt", "Author\0\0\0\0\0Jo Homeowner".getBytes(StandardCharsets.UTF_8)),
                TestImages.pngChunk("tIME", new byte[] {0x07, (byte) 0xEA, 5, 17, 10, 30, 0}));
        assertThat(TestImages.pngChunkTypes(png)).contains("tEXt", "iTXt", "tIME");

        SanitizedImage sanitized = uploads.sanitize(png);

        assertThat(sanitized.contentType()).isEqualTo("image/png");
        assertThat(TestImages.pngChunkTypes(sanitized.bytes())).containsOnly("IHDR", "IDAT", "IEND");
        assertThat(TestImages.contains(sanitized.bytes(), "Garden Lane".getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        BufferedImage decoded = TestImages.decode(sanitized.bytes());
        assertThat(decoded.getWidth()).isEqualTo(20);
        assertThat(decoded.getHeight()).isEqualTo(10);
        int argb = decoded.getRGB(5, 5);
        assertThat(argb >>> 24).isEqualTo(100);
        assertThat(argb & 0xFFFFFF).isEqualTo(GREEN.getRGB() & 0xFFFFFF);
    }

    @Test
    void turnsAWebpIntoAPngKeepingItsTransparency() throws IOException {
        SanitizedImage sanitized = uploads.sanitize(webpFixture());

        assertThat(sanitized.contentType()).isEqualTo("image/png");
        assertThat(ImageFormat.sniff(sanitized.bytes())).contains(ImageFormat.PNG);
        assertThat(TestImages.pngChunkTypes(sanitized.bytes())).containsOnly("IHDR", "IDAT", "IEND");
        assertThat(sanitized.width()).isEqualTo(48);
        assertThat(sanitized.height()).isEqualTo(32);
        BufferedImage decoded = TestImages.decode(sanitized.bytes());
        // the fixture: left half opaque red, right half half-transparent blue
        assertColour(decoded, 12, 16, RED);
        assertThat(decoded.getRGB(12, 16) >>> 24).isEqualTo(255);
        assertThat(decoded.getRGB(36, 16) >>> 24).isBetween(120, 136);
    }

    @Test
    void sanitizesAnUploadReadFromAStream() {
        byte[] jpeg = TestImages.quadrantJpeg(40, 30);

        SanitizedImage sanitized = uploads.sanitize(new ByteArrayInputStream(jpeg));

        assertThat(sanitized.contentType()).isEqualTo("image/jpeg");
        assertThat(sanitized.width()).isEqualTo(40);
        assertThat(sanitized.height()).isEqualTo(30);
    }

    @Test
    void convertsAGreyscalePngToRgb() {
        BufferedImage grey = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(3, 3, 0, 200);

        SanitizedImage sanitized = uploads.sanitize(TestImages.encode(grey, "png"));

        BufferedImage decoded = TestImages.decode(sanitized.bytes());
        assertThat(decoded.getType()).isIn(BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.getRGB(0, 0) & 0xFFFFFF).isZero();
        assertThat(new Color(decoded.getRGB(3, 3)).getGreen()).isGreaterThan(150);
    }

    private static ImageUploads uploadsWithLimits(DataSize maxUploadSize, long maxPixels) {
        return uploads(new StorageProperties(
                null,
                maxUploadSize,
                maxPixels,
                2,
                Duration.ofSeconds(2),
                null,
                4096,
                StorageProperties.Type.FILESYSTEM,
                new StorageProperties.S3(null, null, null, false, null, null)));
    }

    private static ImageUploads uploads(StorageProperties properties) {
        return new ImageUploads(properties, DecodeCapacity.of(properties));
    }

    private static byte[] webpFixture() throws IOException {
        try (InputStream in = ImageUploadsTest.class.getResourceAsStream("two-tone-48x32-alpha.webp")) {
            assertThat(in).as("test fixture").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void aSharpPhotoOfAYardIsSanitizedLikeAnyImage() {
        SanitizedImage photo = uploads.sanitizePhoto(YardPhotos.jpeg(YardPhotos.yard(640, 480)), "file");

        assertThat(photo.contentType()).isEqualTo("image/jpeg");
        assertThat(photo.width()).isEqualTo(640);
        assertThat(photo.height()).isEqualTo(480);
    }

    @Test
    void aDarkPhotoIsRefusedNamingItsFieldAndSayingWhatToDo() {
        byte[] dark = YardPhotos.jpeg(YardPhotos.exposed(YardPhotos.yard(640, 480), 0.2, 0));

        assertThatThrownBy(() -> uploads.sanitizePhoto(dark, "photo"))
                .isInstanceOfSatisfying(ValidationFailed.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(problem.code()).isEqualTo("validation_failed");
                    assertThat(problem.errors())
                            .containsExactly(new FieldProblem("photo", "is too dark: take it in daylight"));
                });
        // judging what a photo shows is for photos: the same image is safe to keep
        assertThat(uploads.sanitize(dark).width()).isEqualTo(640);
    }

    @Test
    void aPhotoTooSmallByItsHeaderIsRefusedBeforeItsPixelsAreDecoded() {
        // image data that would not even decode: only the header is read
        byte[] thumbnail = TestImages.pngClaiming(320, 240);

        assertThatThrownBy(() -> uploads.sanitizePhoto(thumbnail, "file"))
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        problem -> assertThat(problem.errors())
                                .containsExactly(new FieldProblem("file", PhotoFlaw.TOO_SMALL.message())));
        assertThatThrownBy(() -> uploads.sanitize(thumbnail)).isInstanceOf(UnsupportedImage.class);
    }

    @Test
    void aPortraitPhotoIsLargeEnoughEitherWayUp() {
        byte[] portrait = TestImages.withSegmentAfterSoi(
                YardPhotos.jpeg(YardPhotos.yard(640, 480)), TestImages.app1(TestImages.exifWithOrientation(6)));

        SanitizedImage upright = uploads.sanitizePhoto(portrait, "file");

        assertThat(upright.width()).isEqualTo(480);
        assertThat(upright.height()).isEqualTo(640);
    }

    private static byte[] noiseJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return TestImages.encode(image, "jpeg");
    }

    private static int indexOfStartOfScan(byte[] jpeg) {
        return indexOfMarker(jpeg, 0xDA);
    }

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("No marker " + Integer.toHexString(marker));
    }

    private static void assertColour(BufferedImage image, int x, int y, Color expected) {
        Color actual = new Color(image.getRGB(x, y));
        assertThat(Math.abs(actual.getRed() - expected.getRed()))
                .as("red at %d,%d: %s, expected %s", x, y, actual, expected)
                .isLessThan(24);
        assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
                .as("green at %d,%d: %s, expected %s", x, y, actual, expected)
                .isLessThan(24);
        assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
                .as("blue at %d,%d: %s, expected %s", x, y, actual, expected)
                .isLessThan(24);
    }

    /** A PNG signature followed by zeros forever, counting what is read from it. */
    private static final class EndlessPng extends InputStream {

        private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        long bytesRead;

        @Override
        public int read() {
            byte value = bytesRead < SIGNATURE.length ? SIGNATURE[(int) bytesRead] : 0;
            bytesRead++;
            return value & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }
    }
}
