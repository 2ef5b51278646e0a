package com.yarda.site;

import com.yarda.storage.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Whether an image an imagery service sent shows anything. Services answer "nothing here" with pictures: NAIP with
 * transparent pixels where it has no coverage, others with a blank grey tile. A picture counts only when it
 * decodes, is mostly opaque and is not one flat colour.
 */
final class Pictures {

    /** The largest side accepted; the services are asked for 640 px at most. */
    private static final int MAX_SIDE = 4096;

    private static final int SAMPLES = 64;

    private Pictures() {}

    /** The content type of a usable picture, judged by its bytes; empty for one that shows nothing. */
    static Optional<String> usable(byte[] bytes) {
        Optional<ImageFormat> format = ImageFormat.sniff(bytes);
        if (format.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (image == null || image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
            return Optional.empty();
        }
        return showsSomething(image) ? Optional.of(format.get().contentType()) : Optional.empty();
    }

    private static boolean showsSomething(BufferedImage image) {
        int transparent = 0;
        int min = 255;
        int max = 0;
        for (int i = 0; i < SAMPLES; i++) {
            for (int j = 0; j < SAMPLES; j++) {
                int argb = image.getRGB((int) ((i + 0.5) * image.getWidth() / SAMPLES), (int)
                        ((j + 0.5) * image.getHeight() / SAMPLES));
                if ((argb >>> 24) < 16) {
                    transparent++;
                    continue;
                }
                int luma = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
                min = Math.min(min, luma);
                max = Math.max(max, luma);
            }
        }
        // no coverage: mostly transparent; a blank tile: (almost) one grey
        return transparent < SAMPLES * SAMPLES / 2 && max - min > 12;
    }
}
