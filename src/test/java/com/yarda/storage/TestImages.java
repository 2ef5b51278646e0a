package com.yarda.storage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;

/** Images built byte by byte, so that each test shows exactly what an upload contains. */
final class TestImages {

    static final Color RED = new Color(220, 30, 30);
    static final Color GREEN = new Color(30, 200, 30);
    static final Color BLUE = new Color(30, 30, 220);
    static final Color YELLOW = new Color(240, 230, 30);

    private static final byte[] PNG_SIGNATURE = HexFormat.of().parseHex("89504e470d0a1a0a");

    private TestImages() {}

    /** A JPEG whose four quadrants are red, green (top) and blue, yellow (bottom). */
    static byte[] quadrantJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        fill(graphics, RED, 0, 0, width / 2, height / 2);
        fill(graphics, GREEN, width / 2, 0, width - width / 2, height / 2);
        fill(graphics, BLUE, 0, height / 2, width / 2, height - height / 2);
        fill(graphics, YELLOW, width / 2, height / 2, width - width / 2, height - height / 2);
        graphics.dispose();
        return encode(image, "jpeg");
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("Not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code jpeg} with {@code segment} (marker and all) inserted right after SOI, where cameras put EXIF. */
    static byte[] withSegmentAfterSoi(byte[] jpeg, byte[] segment) {
        byte[] spliced = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, spliced, 0, 2);
        System.arraycopy(segment, 0, spliced, 2, segment.length);
        System.arraycopy(jpeg, 2, spliced, 2 + segment.length, jpeg.length - 2);
        return spliced;
    }

    /** An APP1 segment, where EXIF and XMP live. */
    static byte[] app1(byte[] payload) {
        return segment(0xE1, payload);
    }

    /** An APP2 segment holding a whole ICC profile (chunk 1 of 1). */
    static byte[] iccProfileSegment(byte[] profile) {
        return segment(0xE2, concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1, 1}, profile));
    }

    /** A JPEG segment: {@code FF}, the marker, a length that counts itself, then the payload. */
    private static byte[] segment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .put((byte) 0xFF)
                .put((byte) marker)
                .putShort((short) (payload.length + 2))
                .put(payload)
                .array();
    }

    /** A JPEG of one colour. */
    static byte[] plainJpeg(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        fill(graphics, color, 0, 0, width, height);
        graphics.dispose();
        return encode(image, "jpeg");
    }

    /** {@code Exif\0\0} and a little-endian TIFF whose IFD0 holds the Orientation tag alone. */
    static byte[] exifWithOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        tiff.putInt(0); // no next IFD
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    /** The GPS coordinates of the test home, as the three RATIONALs of GPSLatitude. */
    static final byte[] LATITUDE_RATIONALS = ByteBuffer.allocate(24)
            .putInt(37)
            .putInt(1)
            .putInt(46)
            .putInt(1)
            .putInt(298_812)
            .putInt(10_000)
            .array();

    static final byte[] LONGITUDE_RATIONALS = ByteBuffer.allocate(24)
            .putInt(122)
            .putInt(1)
            .putInt(25)
            .putInt(1)
            .putInt(98_765)
            .putInt(10_000)
            .array();

    static final String CAMERA_MAKE = "YardaCam Phone";

    /**
     * {@code Exif\0\0} and a big-endian TIFF as phones write it: IFD0 with Make, Orientation and a pointer to a GPS
     * IFD holding GPSLatitudeRef, GPSLatitude, GPSLongitudeRef and GPSLongitude.
     */
    static byte[] exifWithGps(int orientation) {
        byte[] make = (CAMERA_MAKE + "\0").getBytes(StandardCharsets.US_ASCII);
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int makeAt = ifd0 + ifd0Size;
        int gpsIfd = makeAt + make.length;
        int gpsIfdSize = 2 + 4 * 12 + 4;
        int latitudeAt = gpsIfd + gpsIfdSize;
        int longitudeAt = latitudeAt + 24;
        ByteBuffer tiff = ByteBuffer.allocate(longitudeAt + 24); // big-endian, "MM"
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        tiff.putShort((short) 3);
        entry(tiff, 0x010F, 2, make.length, makeAt); // Make, ASCII
        tiff.putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0);
        entry(tiff, 0x8825, 4, 1, gpsIfd); // GPSInfo IFD pointer, LONG
        tiff.putInt(0);
        tiff.put(make);
        tiff.putShort((short) 4);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        entry(tiff, 0x0002, 5, 3, latitudeAt); // GPSLatitude, 3 RATIONAL
        tiff.putShort((short) 0x0003).putShort((short) 2).putInt(2).put(new byte[] {'W', 0, 0, 0});
        entry(tiff, 0x0004, 5, 3, longitudeAt); // GPSLongitude, 3 RATIONAL
        tiff.putInt(0);
        tiff.put(LATITUDE_RATIONALS).put(LONGITUDE_RATIONALS);
        return concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int valueOrOffset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    /** The markers of the segments before the image data (SOS), e.g. {@code [0xE0, 0xDB, 0xC0, ...]}. */
    static List<Integer> jpegMarkersBeforeScan(byte[] jpeg) {
        List<Integer> markers = new ArrayList<>();
        int position = 2;
        while (position + 4 <= jpeg.length) {
            int marker = jpeg[position + 1] & 0xFF;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            position += 2 + (((jpeg[position + 2] & 0xFF) << 8) | (jpeg[position + 3] & 0xFF));
        }
        return markers;
    }

    /** An RGBA PNG of one colour, written chunk by chunk; {@code extraChunks} go between IHDR and IDAT. */
    static byte[] rgbaPng(int width, int height, Color color, int alpha, byte[]... extraChunks) {
        byte[] raw = new byte[height * (1 + width * 4)];
        for (int y = 0; y < height; y++) {
            int row = y * (1 + width * 4);
            raw[row] = 0; // filter: none
            for (int x = 0; x < width; x++) {
                int pixel = row + 1 + x * 4;
                raw[pixel] = (byte) color.getRed();
                raw[pixel + 1] = (byte) color.getGreen();
                raw[pixel + 2] = (byte) color.getBlue();
                raw[pixel + 3] = (byte) alpha;
            }
        }
        byte[] png = concat(PNG_SIGNATURE, ihdr(width, height, 6));
        for (byte[] chunk : extraChunks) {
            png = concat(png, chunk);
        }
        return concat(png, pngChunk("IDAT", deflate(raw)), pngChunk("IEND", new byte[0]));
    }

    /**
     * A grey PNG of light and dark squares of {@code square} pixels, as a camera would never take it but as cheap to
     * send as the one in issue 14: every row but the first of a band of squares repeats the row above (PNG's "up"
     * filter, all zeros), so 40 megapixels compress to about 50 KB while decoding them in full takes 40 to 160 MB.
     */
    static byte[] checkeredGreyPng(int width, int height, int square) {
        byte[] raw = new byte[height * (1 + width)];
        for (int y = 0; y < height; y++) {
            int row = y * (1 + width);
            if (y % square != 0) {
                raw[row] = 2; // filter: up, and every difference to the row above is 0
                continue;
            }
            for (int x = 0; x < width; x++) {
                raw[row + 1 + x] = (byte) (((x / square) + (y / square)) % 2 == 0 ? 200 : 60);
            }
        }
        return concat(
                PNG_SIGNATURE, ihdr(width, height, 0), pngChunk("IDAT", deflate(raw)), pngChunk("IEND", new byte[0]));
    }

    /** A PNG whose header claims {@code width × height} pixels, with almost no image data behind it. */
    static byte[] pngClaiming(int width, int height) {
        return concat(
                PNG_SIGNATURE,
                ihdr(width, height, 2),
                pngChunk("IDAT", deflate(new byte[1024])),
                pngChunk("IEND", new byte[0]));
    }

    /** A chunk: length, type, data and the CRC-32 of type and data. */
    static byte[] pngChunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(typeBytes)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }

    /** The chunk types of a PNG, in order. */
    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        int position = PNG_SIGNATURE.length;
        while (position + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, position, 4).getInt();
            types.add(new String(png, position + 4, 4, StandardCharsets.US_ASCII));
            position += 12 + length;
        }
        return types;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }

    private static byte[] ihdr(int width, int height, int colourType) {
        return pngChunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8) // bit depth
                        .put((byte) colourType)
                        .put((byte) 0) // deflate
                        .put((byte) 0) // adaptive filtering
                        .put((byte) 0) // no interlace
                        .array());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void fill(Graphics2D graphics, Color color, int x, int y, int width, int height) {
        graphics.setColor(color);
        graphics.fillRect(x, y, width, height);
    }
}
