package com.yarda.designer.builtin;

import com.yarda.designer.DesignFailed;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** The homeowner's photo as pixels: read from its bytes, scaled to the concept and graded toward the style's palette. */
final class PhotoImage {

    private PhotoImage() {}

    static BufferedImage decode(byte[] bytes) {
        // in memory: ImageIO's own stream for a plain input stream copies it through a temporary file
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw unreadable(null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                // a 40-megapixel upload would need 160 MB decoded; reading every n-th pixel keeps it small
                int step = Math.max(1, reader.getWidth(0) / (PhotoConcept.MAX_PHOTO_WIDTH * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DesignFailed failed) {
                throw failed;
            }
            throw unreadable(e);
        }
    }

    private static DesignFailed unreadable(Exception cause) {
        String message = "The photo could not be read as an image. Please upload it again as a JPEG or PNG.";
        return cause == null ? new DesignFailed(message, false) : new DesignFailed(message, false, cause);
    }

    /** Scales in halving steps: one big bicubic step from a large photo would alias. */
    static BufferedImage scaled(BufferedImage source, int width, int height) {
        BufferedImage current = copy(source, source.getWidth(), source.getHeight());
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = copy(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return copy(current, width, height);
    }

    private static BufferedImage copy(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE); // transparent PNG pixels become white, not black
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The style's colour grade: warmth, contrast, saturation, split toning toward the palette and a lift. */
    static BufferedImage graded(BufferedImage photo, Look.Grade grade) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] pixels = photo.getRGB(0, 0, w, h, null, 0, w);
        float[] shadow = grade.shadowTint().getRGBColorComponents(null);
        float[] highlight = grade.highlightTint().getRGBColorComponents(null);
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            float r = ((p >> 16) & 0xFF) / 255f;
            float gr = ((p >> 8) & 0xFF) / 255f;
            float b = (p & 0xFF) / 255f;
            r *= 1 + 0.09f * grade.warmth();
            gr *= 1 + 0.02f * grade.warmth();
            b *= 1 - 0.09f * grade.warmth();
            r = (r - 0.5f) * grade.contrast() + 0.5f;
            gr = (gr - 0.5f) * grade.contrast() + 0.5f;
            b = (b - 0.5f) * grade.contrast() + 0.5f;
            float l = 0.299f * r + 0.587f * gr + 0.114f * b;
            r = l + (r - l) * grade.saturation();
            gr = l + (gr - l) * grade.saturation();
            b = l + (b - l) * grade.saturation();
            float t = Math.max(0, Math.min(1, l));
            r = tone(r, shadow[0] + (highlight[0] - shadow[0]) * t, grade.toning());
            gr = tone(gr, shadow[1] + (highlight[1] - shadow[1]) * t, grade.toning());
            b = tone(b, shadow[2] + (highlight[2] - shadow[2]) * t, grade.toning());
            r = grade.lift() + r * (1 - grade.lift());
            gr = grade.lift() + gr * (1 - grade.lift());
            b = grade.lift() + b * (1 - grade.lift());
            pixels[i] = (channel(r) << 16) | (channel(gr) << 8) | channel(b);
        }
        photo.setRGB(0, 0, w, h, pixels, 0, w);
        return photo;
    }

    /** Soft-light blend of {@code tint} over {@code base}, mixed in by {@code strength}. */
    private static float tone(float base, float tint, float strength) {
        float a = Math.max(0, Math.min(1, base));
        float soft = (1 - 2 * tint) * a * a + 2 * tint * a;
        return a + (soft - a) * strength;
    }

    private static int channel(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }
}
