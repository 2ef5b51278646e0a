package com.yarda.test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photos of a front yard that the tests make: sky and clouds, a row of trees, a house with siding, roof tiles, windows
 * and a door, a lawn of single blades of grass, shrubs of single leaves, a stone path and the grain of a camera sensor.
 * Sharp and textured like a photo that a phone takes in daylight, so that they pass the photo check
 * ({@code PhotoQuality}), and the same for the same size, so that tests are repeatable. The scene scales with the
 * picture: a 4032 × 3024 photo shows what a 640 × 480 one shows, in finer detail. The other methods spoil one in
 * the ways the check refuses.
 */
public final class YardPhotos {

    private YardPhotos() {}

    /** A sharp photo of a yard, {@code width × height} pixels, the same for the same size. */
    public static BufferedImage yard(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Random random = new Random(31L * width + height);
        // one unit: a pixel of a 640 × 480 photo
        double u = Math.min(width, height) / 480.0;
        int horizon = (int) (height * 0.42);

        g.setPaint(new GradientPaint(0, 0, new Color(0x6FA3D8), 0, horizon, new Color(0xC9DDF0)));
        g.fillRect(0, 0, width, horizon);
        g.setColor(new Color(255, 255, 255, 120));
        for (int cloud = 0; cloud < 6; cloud++) {
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * horizon * 0.6;
            for (int puff = 0; puff < 5; puff++) {
                g.fill(new Ellipse2D.Double(
                        x + (puff - 2) * 18 * u, y + random.nextGaussian() * 4 * u, 40 * u, 18 * u));
            }
        }
        for (int tree = 0; tree < width / (3 * u); tree++) {
            g.setColor(new Color(40 + random.nextInt(30), 80 + random.nextInt(40), 40 + random.nextInt(20)));
            double x = random.nextDouble() * width;
            double r = (6 + random.nextInt(14)) * u;
            g.fill(new Ellipse2D.Double(x - r, horizon - r * 1.6 - random.nextDouble() * 30 * u, r * 2, r * 2.2));
        }

        g.setPaint(new GradientPaint(0, horizon, new Color(0x8DB35A), 0, height, new Color(0x4F7F32)));
        g.fillRect(0, horizon, width, height - horizon);
        g.setStroke(new BasicStroke((float) Math.max(1, u)));
        long blades = (long) (width * (double) (height - horizon) / (6 * u * u));
        for (long blade = 0; blade < blades; blade++) {
            double x = random.nextDouble() * width;
            double y = horizon + random.nextDouble() * (height - horizon);
            // nearer blades look longer
            double length = (2 + 6 * (y - horizon) / (height - horizon)) * u;
            g.setColor(new Color(50 + random.nextInt(70), 100 + random.nextInt(80), 30 + random.nextInt(40)));
            g.draw(new Line2D.Double(x, y, x + random.nextGaussian() * length * 0.3, y - length));
        }

        double houseX = width * 0.3;
        double houseY = height * 0.2;
        double houseWidth = width * 0.4;
        double houseHeight = height * 0.3;
        g.setColor(new Color(0xD8CBB0));
        g.fill(new Rectangle2D.Double(houseX, houseY, houseWidth, houseHeight));
        g.setColor(new Color(0xB5A58A));
        for (double y = houseY + 5 * u; y < houseY + houseHeight; y += 5 * u) {
            g.draw(new Line2D.Double(houseX, y, houseX + houseWidth, y));
        }
        Path2D roof = new Path2D.Double();
        roof.moveTo(houseX - 12 * u, houseY);
        roof.lineTo(houseX + houseWidth / 2, houseY - houseHeight * 0.55);
        roof.lineTo(houseX + houseWidth + 12 * u, houseY);
        roof.closePath();
        g.setColor(new Color(0x7A4A3A));
        g.fill(roof);
        g.setColor(new Color(0x5A3428));
        Shape unclipped = g.getClip();
        g.clip(roof);
        for (double y = houseY - houseHeight * 0.55; y < houseY; y += 6 * u) {
            g.draw(new Line2D.Double(houseX - 12 * u, y, houseX + houseWidth + 12 * u, y));
            for (double x = houseX - 12 * u + random.nextDouble() * 8 * u;
                    x < houseX + houseWidth + 12 * u;
                    x += 9 * u) {
                g.draw(new Line2D.Double(x, y, x, y + 6 * u));
            }
        }
        g.setClip(unclipped);
        for (double left : new double[] {0.1, 0.7}) {
            double x = houseX + houseWidth * left;
            double y = houseY + houseHeight * 0.2;
            double w = houseWidth * 0.18;
            double h = houseHeight * 0.3;
            g.setColor(new Color(0xF4F4F0));
            g.fill(new Rectangle2D.Double(x - 2 * u, y - 2 * u, w + 4 * u, h + 4 * u));
            g.setColor(new Color(0x3C5670));
            g.fill(new Rectangle2D.Double(x, y, w, h));
            g.setColor(new Color(0xF4F4F0));
            g.fill(new Rectangle2D.Double(x + w / 2 - u, y, 2 * u, h));
            g.fill(new Rectangle2D.Double(x, y + h / 2 - u, w, 2 * u));
        }
        g.setColor(new Color(0x4A2E22));
        g.fill(new Rectangle2D.Double(
                houseX + houseWidth * 0.44, houseY + houseHeight * 0.45, houseWidth * 0.12, houseHeight * 0.55));

        for (double y = houseY + houseHeight; y < height; y += 7 * u) {
            double nearness = (y - houseY - houseHeight) / (height - houseY - houseHeight);
            double half = houseWidth * (0.05 + 0.12 * nearness);
            double stone = 1 + nearness;
            for (double x = houseX + houseWidth / 2 - half; x < houseX + houseWidth / 2 + half; x += 8 * u * stone) {
                int grey = 150 + random.nextInt(70);
                g.setColor(new Color(grey, grey - 8, grey - 20));
                g.fill(new Ellipse2D.Double(x, y, 7 * u * stone, 5 * u * stone));
            }
        }
        for (int shrub = 0; shrub < 8; shrub++) {
            double x = houseX - 40 * u + random.nextDouble() * (houseWidth + 80 * u);
            double y = houseY + houseHeight + random.nextDouble() * 10 * u;
            double r = (18 + random.nextInt(16)) * u;
            for (int leaf = 0; leaf < 220; leaf++) {
                double angle = random.nextDouble() * Math.PI * 2;
                double distance = Math.sqrt(random.nextDouble()) * r;
                g.setColor(new Color(20 + random.nextInt(60), 70 + random.nextInt(90), 20 + random.nextInt(40)));
                g.fill(new Ellipse2D.Double(
                        x + Math.cos(angle) * distance, y + Math.sin(angle) * distance * 0.7, 4 * u, 2.5 * u));
            }
        }
        g.dispose();

        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(9) - 4;
                row[x] = rgb(red(row[x]) + grain, green(row[x]) + grain, blue(row[x]) + grain);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** {@link #yard} as a PNG, as a test uploads it. */
    public static byte[] yardPng(int width, int height) {
        return png(yard(width, height));
    }

    /**
     * {@code image} with every level v turned into {@code gain × v + offset}, clipped to 0 to 255: a gain below 1 darkens
     * like a short exposure, above 1 overexposes, a small gain with an offset washes out.
     */
    public static BufferedImage exposed(BufferedImage image, double gain, double offset) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            pixels[i] = rgb((int) Math.round(red(p) * gain + offset), (int) Math.round(green(p) * gain + offset), (int)
                    Math.round(blue(p) * gain + offset));
        }
        return withPixels(width, height, pixels);
    }

    /**
     * {@code image} blurred by a Gaussian of {@code sigma} pixels, as an out-of-focus lens or a shaking hand blurs it
     * (the edges repeat outwards, so they blur like the rest).
     */
    public static BufferedImage blurred(BufferedImage image, double sigma) {
        int width = image.getWidth();
        int height = image.getHeight();
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            total += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= total;
        }
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        double[][] channels = new double[3][pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            channels[0][i] = red(pixels[i]);
            channels[1][i] = green(pixels[i]);
            channels[2][i] = blue(pixels[i]);
        }
        for (double[] channel : channels) {
            double[] across = new double[channel.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        sum += kernel[k + radius] * channel[y * width + Math.clamp(x + k, 0, width - 1)];
                    }
                    across[y * width + x] = sum;
                }
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double sum = 0;
                    for (int k = -radius; k <= radius; k++) {
                        sum += kernel[k + radius] * across[Math.clamp(y + k, 0, height - 1) * width + x];
                    }
                    channel[y * width + x] = sum;
                }
            }
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rgb((int) Math.round(channels[0][i]), (int) Math.round(channels[1][i]), (int)
                    Math.round(channels[2][i]));
        }
        return withPixels(width, height, pixels);
    }

    /** A picture of one colour with the grain of a camera sensor: a wall, a sheet of paper, a finger on the lens. */
    public static BufferedImage uniform(int width, int height, Color color) {
        Random random = new Random(31L * width + height);
        int[] pixels = new int[width * height];
        for (int i = 0; i < pixels.length; i++) {
            int grain = random.nextInt(5) - 2;
            pixels[i] = rgb(color.getRed() + grain, color.getGreen() + grain, color.getBlue() + grain);
        }
        return withPixels(width, height, pixels);
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage withPixels(int width, int height, int[] pixels) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, pixels, 0, width);
        return image;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    private static int rgb(int red, int green, int blue) {
        return (Math.clamp(red, 0, 255) << 16) | (Math.clamp(green, 0, 255) << 8) | Math.clamp(blue, 0, 255);
    }
}
