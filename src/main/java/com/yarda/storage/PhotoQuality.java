package com.yarda.storage;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Optional;

/**
 * Whether a photo can show a yard well enough to design it, judged before a credit is spent on it. Measured on a grey
 * copy about {@value #ANALYSED_SIDE} pixels long (blocks of f × f pixels averaged, f = the longer side divided by
 * {@value #ANALYSED_SIDE}, rounded): about the size at which a designer sees a photo anyway, so a blur too fine to
 * matter there is not held against it, sensor noise is averaged away, and even 40 megapixels cost one pass over the
 * pixels. Grey is the luma of JPEG (0.299 R + 0.587 G + 0.114 B), 0 to 255.
 *
 * <p>The first rule a photo breaks is its {@link #flaw()}, in this order:
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>flaw</th><th>rule</th></tr>
 *   <tr><td>{@link PhotoFlaw#TOO_SMALL}</td><td>shorter side under {@value #MIN_SHORT_SIDE} or longer side under
 *       {@value #MIN_LONG_SIDE} pixels, either way up</td></tr>
 *   <tr><td>{@link PhotoFlaw#TOO_DARK}</td><td>mean grey under {@value #MIN_BRIGHTNESS}, or more than half of the
 *       picture black (grey ≤ {@value #BLACK})</td></tr>
 *   <tr><td>{@link PhotoFlaw#OVEREXPOSED}</td><td>mean grey over {@value #MAX_BRIGHTNESS}, or more than half of the
 *       picture burnt white (grey ≥ {@value #WHITE})</td></tr>
 *   <tr><td>{@link PhotoFlaw#ALMOST_UNIFORM}</td><td>the brightest and the darkest 5 % of the picture less than
 *       {@value #MIN_SPREAD} grey levels apart</td></tr>
 *   <tr><td>{@link PhotoFlaw#BLURRED}</td><td>{@link #sharpness()} under {@value #MIN_SHARPNESS}</td></tr>
 * </table>
 *
 * <p>Why these numbers. The minimum is VGA: every phone camera takes more, and so does every messenger's compressed
 * copy (1280 or 1600 pixels long); a designer cannot draw plants from a thumbnail. The others were measured on the
 * tests' synthetic yard ({@code YardPhotos}) and on 14 real photos (scikit-image's sample photos, two photos from the
 * Rust embedded book), each as it is, blurred, darker, brighter and flattened:
 *
 * <ul>
 *   <li>Brightness: phones expose daylight to a mean grey of 100 to 140; the darkest real photos, a rocket launch at
 *       night and a dim circuit board, measured 56 and 66. With a quarter of their light every photo measured 14 to
 *       36 and is refused; with half, only the two already dim ones fall under 40. Twice the light pushes 6 of the 15
 *       over the top (mean over 215 or more than half burnt white), three times 12. A white overcast sky fills
 *       less than half of a yard photo, so it alone does not refuse one.
 *   <li>Spread: every photo with its contrast cut to 5 % (a wall, a lens cap, fog) spreads over 2 to 10 levels; the
 *       flattest real one, the moon's surface, over 27.
 *   <li>Sharpness: sharp photos measured 85 (the moon again), 233 (a brick wall) and 460 to 6200, the synthetic yard
 *       1530; one published as an example of motion blur measured 24. Blurred by a Gaussian of σ = 2 pixels of the
 *       grey copy (12 pixels of a 12-megapixel photo) every one fell to 21 or less, by σ = 1.5 ten of the 14 and the yard
 *       under 40,
 *       while σ = 1, slightly soft and still usable, kept all but the three softest above.
 * </ul>
 *
 * <p>The rules catch mistakes, not adversaries: a picture of random noise passes. A washed-out photo (a third of its
 * contrast, mean over 200) may be called blurred: its edges are faint too.
 *
 * @param width the photo's width in pixels
 * @param height the photo's height in pixels
 * @param brightness the mean grey, 0 to 255
 * @param blackShare the share of the picture that is black (grey ≤ {@value #BLACK}), 0 to 1
 * @param whiteShare the share of the picture that is burnt white (grey ≥ {@value #WHITE}), 0 to 1
 * @param spread how far apart the brightest and the darkest 5 % of the picture are, in grey levels
 * @param sharpness the variance of the Laplacian of the grey copy (4 neighbours), as if the photo were exposed to a
 *     mean grey of 128 when it is darker: a dim photo's edges are fainter in proportion, and it should be refused for
 *     being dark, if at all, not for being blurred
 */
public record PhotoQuality(
        int width, int height, double brightness, double blackShare, double whiteShare, int spread, double sharpness) {

    public static final int MIN_LONG_SIDE = 640;
    public static final int MIN_SHORT_SIDE = 480;
    public static final int MIN_BRIGHTNESS = 40;
    public static final int MAX_BRIGHTNESS = 215;
    public static final int BLACK = 5;
    public static final int WHITE = 250;
    public static final double MAX_CLIPPED_SHARE = 0.5;
    public static final int MIN_SPREAD = 20;
    public static final double MIN_SHARPNESS = 40;
    /**
     * About the longer side of the grey copy a photo is measured on: whole blocks are averaged, so a copy is 427 to 959
     * pixels long (a photo under 960 pixels is measured as it is).
     */
    public static final int ANALYSED_SIDE = 640;

    private static final double NORMAL_BRIGHTNESS = 128;

    /** Whether a photo of {@code width × height} pixels, either way up, is large enough to become a design. */
    public static boolean largeEnough(int width, int height) {
        return Math.max(width, height) >= MIN_LONG_SIDE && Math.min(width, height) >= MIN_SHORT_SIDE;
    }

    /** Measures {@code image}, whatever its size and pixel layout; alpha is ignored. */
    public static PhotoQuality of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        // never wider than the picture, however thin a strip it is
        int block =
                Math.clamp(Math.round(Math.max(width, height) / (double) ANALYSED_SIDE), 1, Math.min(width, height));
        int columns = width / block;
        int rows = height / block;
        double[] grey = grey(image, block, columns, rows);

        int[] histogram = new int[256];
        double sum = 0;
        int black = 0;
        int white = 0;
        for (double value : grey) {
            sum += value;
            histogram[(int) Math.round(value)]++;
            if (value <= BLACK) {
                black++;
            } else if (value >= WHITE) {
                white++;
            }
        }
        int pixels = grey.length;
        double brightness = sum / pixels;
        int spread = percentile(histogram, pixels, 0.95) - percentile(histogram, pixels, 0.05);
        double exposure = NORMAL_BRIGHTNESS / Math.max(1, Math.min(brightness, NORMAL_BRIGHTNESS));
        double sharpness = laplacianVariance(grey, columns, rows) * exposure * exposure;
        return new PhotoQuality(
                width, height, brightness, black / (double) pixels, white / (double) pixels, spread, sharpness);
    }

    /** The first rule of the class Javadoc that the photo breaks; empty when it can become a design. */
    public Optional<PhotoFlaw> flaw() {
        if (!largeEnough(width, height)) {
            return Optional.of(PhotoFlaw.TOO_SMALL);
        }
        if (brightness < MIN_BRIGHTNESS || blackShare > MAX_CLIPPED_SHARE) {
            return Optional.of(PhotoFlaw.TOO_DARK);
        }
        if (brightness > MAX_BRIGHTNESS || whiteShare > MAX_CLIPPED_SHARE) {
            return Optional.of(PhotoFlaw.OVEREXPOSED);
        }
        if (spread < MIN_SPREAD) {
            return Optional.of(PhotoFlaw.ALMOST_UNIFORM);
        }
        if (sharpness < MIN_SHARPNESS) {
            return Optional.of(PhotoFlaw.BLURRED);
        }
        return Optional.empty();
    }

    /**
     * The grey copy, row by row: each value the mean grey of a {@code block × block} square (the right and bottom
     * remainders, less than a block, are left out). Reads whole rows of the common layouts (those a decoder and
     * {@link ImageUploads} produce) straight from the raster; anything else through {@code getRGB}, slower.
     */
    private static double[] grey(BufferedImage image, int block, int columns, int rows) {
        int width = Math.min(image.getWidth(), columns * block);
        long[] sums = new long[columns * rows];
        Raster raster = image.getRaster();
        int type = image.getType();
        int[] ints = new int[width];
        byte[] bytes = new byte[width * 4];
        for (int y = 0; y < Math.min(image.getHeight(), rows * block); y++) {
            int row = (y / block) * columns;
            switch (type) {
                case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                    raster.getDataElements(0, y, width, 1, ints);
                    addPacked(ints, sums, row, columns, block);
                }
                case BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR -> {
                    // the raster hands out bands in their order, red first, whatever their order in memory
                    int bands = raster.getNumBands();
                    raster.getDataElements(0, y, width, 1, bytes);
                    for (int column = 0, i = 0; column < columns; column++) {
                        long sum = 0;
                        for (int x = 0; x < block; x++, i += bands) {
                            sum += luma(bytes[i] & 0xFF, bytes[i + 1] & 0xFF, bytes[i + 2] & 0xFF);
                        }
                        sums[row + column] += sum;
                    }
                }
                default -> {
                    image.getRGB(0, y, width, 1, ints, 0, width);
                    addPacked(ints, sums, row, columns, block);
                }
            }
        }
        double[] grey = new double[sums.length];
        double scale = 1000.0 * block * block;
        for (int i = 0; i < sums.length; i++) {
            grey[i] = sums[i] / scale;
        }
        return grey;
    }

    private static void addPacked(int[] pixels, long[] sums, int row, int columns, int block) {
        for (int column = 0, x = 0; column < columns; column++) {
            long sum = 0;
            for (int end = x + block; x < end; x++) {
                int p = pixels[x];
                sum += luma((p >> 16) & 0xFF, (p >> 8) & 0xFF, p & 0xFF);
            }
            sums[row + column] += sum;
        }
    }

    /** Luma in thousandths of a grey level, in integers: this runs once per pixel. */
    private static int luma(int red, int green, int blue) {
        return 299 * red + 587 * green + 114 * blue;
    }

    private static double laplacianVariance(double[] grey, int columns, int rows) {
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (int y = 1; y < rows - 1; y++) {
            for (int x = 1, i = y * columns + 1; x < columns - 1; x++, i++) {
                double laplacian = grey[i - 1] + grey[i + 1] + grey[i - columns] + grey[i + columns] - 4 * grey[i];
                sum += laplacian;
                squares += laplacian * laplacian;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double mean = sum / count;
        return squares / count - mean * mean;
    }

    private static int percentile(int[] histogram, int count, double share) {
        long seen = 0;
        for (int level = 0; level < histogram.length; level++) {
            seen += histogram[level];
            if (seen >= share * count) {
                return level;
            }
        }
        return histogram.length - 1;
    }
}
