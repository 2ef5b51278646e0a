package com.yarda.storage;

import java.awt.geom.AffineTransform;

/**
 * How a JPEG's stored pixels must be turned to be displayed upright: the EXIF Orientation tag (0x0112). Phones save
 * the sensor's pixels as they are and record the rotation here, so once the metadata is stripped the rotation must
 * have been applied to the pixels themselves.
 *
 * <p>Each transform maps stored coordinates onto displayed ones, for a stored image {@code width × height}.
 */
enum ExifOrientation {
    /** 1: already upright. */
    NORMAL(false, 1, 0, 0, 1, 0, 0),
    /** 2: stored mirrored left to right. */
    MIRRORED(false, -1, 0, 0, 1, 1, 0),
    /** 3: stored upside down. */
    ROTATED_180(false, -1, 0, 0, -1, 1, 1),
    /** 4: stored mirrored top to bottom. */
    MIRRORED_VERTICALLY(false, 1, 0, 0, -1, 0, 1),
    /** 5: stored rows are the displayed columns, left to right. */
    TRANSPOSED(true, 0, 1, 1, 0, 0, 0),
    /** 6: displayed after turning 90° clockwise; the usual portrait phone photo. */
    ROTATED_90_CLOCKWISE(true, 0, 1, -1, 0, 1, 0),
    /** 7: stored rows are the displayed columns, right to left, bottom up. */
    TRANSVERSED(true, 0, -1, -1, 0, 1, 1),
    /** 8: displayed after turning 90° counter-clockwise. */
    ROTATED_90_COUNTERCLOCKWISE(true, 0, -1, 1, 0, 0, 1);

    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP1 = 0xE1;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final int TIFF_MAGIC = 42;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;

    private final boolean swapsAxes;
    // AffineTransform's matrix; the translations are in units of the displayed width and height
    private final int m00;
    private final int m10;
    private final int m01;
    private final int m11;
    private final int translateX;
    private final int translateY;

    ExifOrientation(boolean swapsAxes, int m00, int m10, int m01, int m11, int translateX, int translateY) {
        this.swapsAxes = swapsAxes;
        this.m00 = m00;
        this.m10 = m10;
        this.m01 = m01;
        this.m11 = m11;
        this.translateX = translateX;
        this.translateY = translateY;
    }

    /** Whether the displayed image is {@code height × width} rather than {@code width × height}. */
    boolean swapsAxes() {
        return swapsAxes;
    }

    /** The transform that draws a stored {@code width × height} image upright. */
    AffineTransform toUpright(int width, int height) {
        int displayedWidth = swapsAxes ? height : width;
        int displayedHeight = swapsAxes ? width : height;
        return new AffineTransform(
                m00, m10, m01, m11, (double) translateX * displayedWidth, (double) translateY * displayedHeight);
    }

    /** The orientation of a tag value; values outside 1–8 are treated as upright, as browsers do. */
    static ExifOrientation ofTagValue(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    /**
     * The orientation recorded in a JPEG's EXIF segment, or {@link #NORMAL} when there is none or it cannot be read.
     * It reads only the marker segments before the image data and bounds every offset, because the bytes come from
     * strangers: damaged metadata never fails an upload, it only leaves the image as stored.
     */
    static ExifOrientation ofJpeg(byte[] jpeg) {
        int position = 2; // after SOI
        while (position + 4 <= jpeg.length) {
            if ((jpeg[position] & 0xFF) != 0xFF) {
                return NORMAL;
            }
            int marker = jpeg[position + 1] & 0xFF;
            if (marker == 0xFF) {
                position++; // fill byte before a marker
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return NORMAL; // EXIF always comes before the image data
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                position += 2; // markers without a length
                continue;
            }
            int length = readUnsignedShort(jpeg, position + 2, false);
            int start = position + 4;
            int end = position + 2 + length;
            if (length < 2 || end > jpeg.length) {
                return NORMAL;
            }
            if (marker == APP1 && startsWith(jpeg, start, end, EXIF_HEADER)) {
                return ofTiff(jpeg, start + EXIF_HEADER.length, end);
            }
            position = end;
        }
        return NORMAL;
    }

    /** The orientation in IFD0 of the TIFF structure held in {@code bytes[tiff, end)}. */
    private static ExifOrientation ofTiff(byte[] bytes, int tiff, int end) {
        if (tiff + 8 > end) {
            return NORMAL;
        }
        boolean littleEndian;
        if (bytes[tiff] == 'I' && bytes[tiff + 1] == 'I') {
            littleEndian = true;
        } else if (bytes[tiff] == 'M' && bytes[tiff + 1] == 'M') {
            littleEndian = false;
        } else {
            return NORMAL;
        }
        if (readUnsignedShort(bytes, tiff + 2, littleEndian) != TIFF_MAGIC) {
            return NORMAL;
        }
        long ifdOffset = readUnsignedInt(bytes, tiff + 4, littleEndian);
        if (ifdOffset < 8 || ifdOffset > end - tiff - 2) {
            return NORMAL;
        }
        int ifd = tiff + (int) ifdOffset;
        int entries = readUnsignedShort(bytes, ifd, littleEndian);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return NORMAL;
            }
            if (readUnsignedShort(bytes, entry, littleEndian) == ORIENTATION_TAG) {
                boolean oneShort = readUnsignedShort(bytes, entry + 2, littleEndian) == TYPE_SHORT
                        && readUnsignedInt(bytes, entry + 4, littleEndian) == 1;
                // a single SHORT sits left-aligned in the 4-byte value field
                return oneShort ? ofTagValue(readUnsignedShort(bytes, entry + 8, littleEndian)) : NORMAL;
            }
        }
        return NORMAL;
    }

    private static boolean startsWith(byte[] bytes, int start, int end, byte[] prefix) {
        if (end - start < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[start + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readUnsignedShort(byte[] bytes, int at, boolean littleEndian) {
        int first = bytes[at] & 0xFF;
        int second = bytes[at + 1] & 0xFF;
        return littleEndian ? (second << 8) | first : (first << 8) | second;
    }

    private static long readUnsignedInt(byte[] bytes, int at, boolean littleEndian) {
        long high = readUnsignedShort(bytes, littleEndian ? at + 2 : at, littleEndian);
        long low = readUnsignedShort(bytes, littleEndian ? at : at + 2, littleEndian);
        return (high << 16) | low;
    }
}
