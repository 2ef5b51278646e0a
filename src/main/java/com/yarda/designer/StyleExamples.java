package com.yarda.designer;

import com.yarda.designer.builtin.BuiltinDesigner;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A preview of each style, drawn once by the builtin designer for a sample lot and kept in memory: the style cards
 * of the web app show what the style looks like, not just its name.
 */
@Component
public class StyleExamples {

    static final String SAMPLE_ADDRESS = "42 Example Street, Springfield";
    private static final int WIDTH = 640;

    private final BuiltinDesigner designer = new BuiltinDesigner();
    private final Map<Style, byte[]> cache = new ConcurrentHashMap<>();

    /** Draws every example in the background once the service is up, so the first visitor does not wait. */
    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        Thread.ofVirtual().name("style-examples").start(() -> {
            for (Style style : Style.values()) {
                example(style);
            }
        });
    }

    /** A PNG preview of {@code style}, {@value #WIDTH} pixels wide. */
    public byte[] example(Style style) {
        return cache.computeIfAbsent(style, this::render);
    }

    private byte[] render(Style style) {
        // a fixed id: the builtin designer ignores it, and the example must be the same on every instance
        DesignRequest request = new DesignRequest(new UUID(0, style.ordinal()), style, SAMPLE_ADDRESS, null, null);
        try {
            BufferedImage full = ImageIO.read(
                    new ByteArrayInputStream(designer.design(request).image()));
            int height = full.getHeight() * WIDTH / full.getWidth();
            BufferedImage small = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
            var g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(full, 0, 0, WIDTH, height, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the example of " + style.id(), e);
        }
    }
}
