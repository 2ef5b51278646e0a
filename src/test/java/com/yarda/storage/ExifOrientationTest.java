package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.geom.Point2D;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    private static final byte[] PLAIN_JPEG = TestImages.quadrantJpeg(16, 8);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void readsTheOrientationFromLittleEndianExif(int value) {
        byte[] jpeg =
                TestImages.withSegmentAfterSoi(PLAIN_JPEG, TestImages.app1(TestImages.exifWithOrientation(value)));

        assertThat(ExifOrientation.ofJpeg(jpeg)).isEqualTo(ExifOrientation.ofTagValue(value));
        assertThat(ExifOrientation.ofJpeg(jpeg).ordinal()).isEqualTo(value - 1);
    }

    @Test
    void readsTheOrientationFromBigEndianExifAmongOtherTags() {
        byte[] jpeg = TestImages.withSegmentAfterSoi(PLAIN_JPEG, TestImages.app1(TestImages.exifWithGps(6)));

        assertThat(ExifOrientation.ofJpeg(jpeg)).isEqualTo(ExifOrientation.ROTATED_90_CLOCKWISE);
    }

    @Test
    void findsExifBehindAnXmpSegment() {
        byte[] xmp = TestImages.app1("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>".getBytes());
        byte[] exif = TestImages.app1(TestImages.exifWithOrientation(8));
        byte[] jpeg = TestImages.withSegmentAfterSoi(PLAIN_JPEG, TestImages.concat(xmp, exif));

        assertThat(ExifOrientation.ofJpeg(jpeg)).isEqualTo(ExifOrientation.ROTATED_90_COUNTERCLOCKWISE);
    }

    @Test
    void isNormalWithoutExif() {
        assertThat(ExifOrientation.ofJpeg(PLAIN_JPEG)).isEqualTo(ExifOrientation.NORMAL);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 0xFFFF})
    void treatsValuesOutsideTheStandardAsNormal(int value) {
        byte[] jpeg =
                TestImages.withSegmentAfterSoi(PLAIN_JPEG, TestImages.app1(TestImages.exifWithOrientation(value)));

        assertThat(ExifOrientation.ofJpeg(jpeg)).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void treatsAnIfdOffsetPastTheSegmentAsNormal() {
        byte[] exif = TestImages.exifWithOrientation(6);
        exif[6 + 4] = (byte) 0xF0; // IFD0 offset, little-endian: far beyond the segment
        byte[] jpeg = TestImages.withSegmentAfterSoi(PLAIN_JPEG, TestImages.app1(exif));

        assertThat(ExifOrientation.ofJpeg(jpeg)).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void neverFailsOnDamagedMetadata() {
        byte[] jpeg = TestImages.withSegmentAfterSoi(PLAIN_JPEG, TestImages.app1(TestImages.exifWithGps(3)));
        int header = 2 + 4 + TestImages.exifWithGps(3).length;
        Random random = new Random(2024);

        for (int round = 0; round < 20_000; round++) {
            byte[] damaged = Arrays.copyOf(jpeg, random.nextBoolean() ? jpeg.length : 1 + random.nextInt(header + 8));
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(Math.min(damaged.length, header))] = (byte) random.nextInt(256);
            }
            assertThatCode(() -> ExifOrientation.ofJpeg(damaged)).doesNotThrowAnyException();
        }
    }

    @ParameterizedTest
    @EnumSource(ExifOrientation.class)
    void mapsTheStoredImageOntoTheDisplayedCanvas(ExifOrientation orientation) {
        int width = 40;
        int height = 10;
        int displayedWidth = orientation.swapsAxes() ? height : width;
        int displayedHeight = orientation.swapsAxes() ? width : height;

        for (Point2D corner : new Point2D[] {
            new Point2D.Double(0, 0), new Point2D.Double(width, 0),
            new Point2D.Double(0, height), new Point2D.Double(width, height)
        }) {
            Point2D displayed = orientation.toUpright(width, height).transform(corner, null);
            assertThat(displayed.getX()).isIn(0.0, (double) displayedWidth);
            assertThat(displayed.getY()).isIn(0.0, (double) displayedHeight);
        }
    }
}
