package com.yarda.storage;

import static com.yarda.test.YardPhotos.blurred;
import static com.yarda.test.YardPhotos.exposed;
import static com.yarda.test.YardPhotos.uniform;
import static com.yarda.test.YardPhotos.yard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The photo check on pictures the tests make: a sharp yard passes, and each way of spoiling it is refused for what
 * went wrong; near each threshold, one picture on either side.
 */
class PhotoQualityTest {

    // drawn once: the grass alone is some 50,000 blades
    private static final BufferedImage YARD = yard(640, 480);

    @ParameterizedTest
    @CsvSource({"640, 480", "480, 640", "800, 600", "1600, 1200"})
    void aSharpPhotoOfAYardTakenInDaylightPasses(int width, int height) {
        assertThat(flaw(yard(width, height))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"320, 240", "639, 480", "640, 479", "479, 640", "1, 1"})
    void aPhotoSmallerThan640By480EitherWayUpIsTooSmall(int width, int height) {
        assertThat(flaw(yard(width, height))).contains(PhotoFlaw.TOO_SMALL);
        assertThat(PhotoQuality.largeEnough(width, height)).isFalse();
    }

    @Test
    void aPhotoTakenAtDuskIsTooDarkJustBelowAMeanGreyOf40() {
        assertThat(flaw(exposed(YARD, 0.2, 0))).contains(PhotoFlaw.TOO_DARK);
        // mean grey 38.8 and 41.6
        assertThat(flaw(exposed(YARD, 0.28, 0))).contains(PhotoFlaw.TOO_DARK);
        assertThat(flaw(exposed(YARD, 0.30, 0))).isEmpty();
    }

    @Test
    void aDimButSharpPhotoIsNotCalledBlurred() {
        BufferedImage dim = exposed(YARD, 0.3, 0);

        assertThat(PhotoQuality.of(dim).sharpness())
                .isCloseTo(PhotoQuality.of(YARD).sharpness(), withinPercentage(20));
        assertThat(flaw(dim)).isEmpty();
    }

    @Test
    void aPhotoMoreThanHalfBlackIsTooDarkWhateverItsMean() {
        assertThat(flaw(coveredFromTheTop(YARD, Color.BLACK, 0.56))).contains(PhotoFlaw.TOO_DARK);
        assertThat(flaw(coveredFromTheTop(YARD, Color.BLACK, 0.48))).isEmpty();
    }

    @Test
    void aPhotoWhoseMeanGreyIsOver215IsOverexposed() {
        assertThat(flaw(exposed(YARD, 2.5, 0))).contains(PhotoFlaw.OVEREXPOSED);
        // washed out, mean grey 216.6 and 206.6
        assertThat(flaw(exposed(YARD, 0.3, 175))).contains(PhotoFlaw.OVEREXPOSED);
        assertThat(flaw(exposed(YARD, 0.3, 165))).isEmpty();
    }

    @Test
    void aPhotoMoreThanHalfBurntWhiteIsOverexposedButAWhiteSkyIsNot() {
        assertThat(flaw(coveredFromTheTop(YARD, Color.WHITE, 0.56))).contains(PhotoFlaw.OVEREXPOSED);
        assertThat(flaw(coveredFromTheTop(YARD, Color.WHITE, 0.48))).isEmpty();
    }

    @Test
    void aPictureOfOneColourShowsAlmostNothing() {
        assertThat(flaw(uniform(640, 480, new Color(128, 128, 128)))).contains(PhotoFlaw.ALMOST_UNIFORM);
        assertThat(flaw(uniform(640, 480, new Color(90, 140, 70)))).contains(PhotoFlaw.ALMOST_UNIFORM);
    }

    @Test
    void aYardInThickFogShowsAlmostNothingBelowASpreadOf20() {
        // the yard's contrast cut to 14 % and to 20 % around mid-grey: spreads of 17 and 26
        assertThat(flaw(exposed(YARD, 0.14, 128 - 138 * 0.14))).contains(PhotoFlaw.ALMOST_UNIFORM);
        assertThat(flaw(exposed(YARD, 0.2, 128 - 138 * 0.2))).isEmpty();
    }

    @Test
    void blackAndWhiteAreTooDarkAndOverexposedRatherThanUniform() {
        assertThat(flaw(uniform(640, 480, Color.BLACK))).contains(PhotoFlaw.TOO_DARK);
        assertThat(flaw(uniform(640, 480, Color.WHITE))).contains(PhotoFlaw.OVEREXPOSED);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.5, 2, 3, 5})
    void aPhotoOutOfFocusIsBlurred(double sigma) {
        assertThat(flaw(blurred(YARD, sigma))).contains(PhotoFlaw.BLURRED);
    }

    @Test
    void aSlightlySoftPhotoIsNotBlurred() {
        assertThat(flaw(blurred(YARD, 0.8))).isEmpty();
    }

    @Test
    void blurIsJudgedAtTheSizeOfTheGreyCopySoALargerPhotoMayBeBlurredByMorePixels() {
        // 1280 × 960 is measured in blocks of 2 × 2: σ = 3 and 1.6 pixels there are 1.5 and 0.8 in the copy
        BufferedImage large = yard(1280, 960);

        assertThat(flaw(large)).isEmpty();
        assertThat(flaw(blurred(large, 3))).contains(PhotoFlaw.BLURRED);
        assertThat(flaw(blurred(large, 1.6))).isEmpty();
    }

    @Test
    void theTooSmallComeFirstThenTheDarkThenTheOverexposed() {
        assertThat(flaw(exposed(blurred(yard(320, 240), 3), 0.1, 0))).contains(PhotoFlaw.TOO_SMALL);
        assertThat(flaw(exposed(blurred(YARD, 3), 0.1, 0))).contains(PhotoFlaw.TOO_DARK);
        assertThat(flaw(exposed(blurred(YARD, 3), 3, 0))).contains(PhotoFlaw.OVEREXPOSED);
    }

    @Test
    void exactlyAtEveryThresholdAPhotoPasses() {
        assertThat(new PhotoQuality(640, 480, 40, 0.5, 0, 20, 40).flaw()).isEmpty();
        assertThat(new PhotoQuality(480, 640, 215, 0, 0.5, 20, 40).flaw()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "639, 480,  128,   0,   0,  100, 500, TOO_SMALL",
        "640, 479,  128,   0,   0,  100, 500, TOO_SMALL",
        "640, 480, 39.9,   0,   0,  100, 500, TOO_DARK",
        "640, 480,  128, 0.51, 0,  100, 500, TOO_DARK",
        "640, 480, 215.1,  0,   0,  100, 500, OVEREXPOSED",
        "640, 480,  128,   0, 0.51, 100, 500, OVEREXPOSED",
        "640, 480,  128,   0,   0,   19, 500, ALMOST_UNIFORM",
        "640, 480,  128,   0,   0,  100, 39.9, BLURRED"
    })
    void justPastAThresholdAPhotoIsRefused(
            int width,
            int height,
            double brightness,
            double blackShare,
            double whiteShare,
            int spread,
            double sharpness,
            PhotoFlaw expected) {
        assertThat(new PhotoQuality(width, height, brightness, blackShare, whiteShare, spread, sharpness).flaw())
                .contains(expected);
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                BufferedImage.TYPE_3BYTE_BGR,
                BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_INT_ARGB,
                BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_USHORT_565_RGB
            })
    void aPhotoMeasuresTheSameWhateverItsPixelLayout(int type) {
        BufferedImage photo = exposed(YARD, 0.5, 0);
        BufferedImage converted = new BufferedImage(640, 480, type);
        Graphics2D graphics = converted.createGraphics();
        graphics.drawImage(photo, 0, 0, null);
        graphics.dispose();

        PhotoQuality expected = PhotoQuality.of(photo);
        PhotoQuality measured = PhotoQuality.of(converted);

        // 5 and 6 bits per colour round each level by up to 4
        double tolerance = type == BufferedImage.TYPE_USHORT_565_RGB ? 4 : 0.001;
        assertThat(measured.brightness()).isCloseTo(expected.brightness(), offset(tolerance));
        if (type != BufferedImage.TYPE_USHORT_565_RGB) {
            assertThat(measured).isEqualTo(expected);
        }
        assertThat(measured.flaw()).isEqualTo(expected.flaw());
    }

    @Test
    void aStripOfAPictureIsMeasuredWithoutFailing() {
        assertThat(flaw(new BufferedImage(1, 2000, BufferedImage.TYPE_INT_RGB))).contains(PhotoFlaw.TOO_SMALL);
        assertThat(flaw(new BufferedImage(2000, 1, BufferedImage.TYPE_BYTE_GRAY)))
                .contains(PhotoFlaw.TOO_SMALL);
    }

    @Test
    void everyMessageSaysWhatToDo() {
        assertThat(PhotoFlaw.TOO_SMALL.message()).isEqualTo("is too small: send one of at least 640×480 pixels");
        assertThat(PhotoFlaw.TOO_DARK.message()).isEqualTo("is too dark: take it in daylight");
        assertThat(PhotoFlaw.OVEREXPOSED.message()).isEqualTo("is overexposed: avoid pointing at the sun");
        assertThat(PhotoFlaw.ALMOST_UNIFORM.message()).isEqualTo("shows almost nothing: point the camera at the yard");
        assertThat(PhotoFlaw.BLURRED.message()).isEqualTo("is blurred: hold the phone still and tap to focus");
    }

    private static Optional<PhotoFlaw> flaw(BufferedImage image) {
        return PhotoQuality.of(image).flaw();
    }

    /** {@code photo} with its top {@code share} painted over in {@code color}. */
    private static BufferedImage coveredFromTheTop(BufferedImage photo, Color color, double share) {
        BufferedImage covered = exposed(photo, 1, 0);
        Graphics2D graphics = covered.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, photo.getWidth(), (int) Math.round(photo.getHeight() * share));
        graphics.dispose();
        return covered;
    }
}
