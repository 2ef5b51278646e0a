package com.yarda.designer.builtin;

import com.yarda.designer.Design;
import com.yarda.designer.DesignRequest;
import com.yarda.designer.Designer;
import com.yarda.designer.Plant;
import com.yarda.designer.Style;
import com.yarda.designer.prompt.DesignPrompt;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Draws design concepts offline with Java2D: a top-down plan for an address, the photo re-graded with
 * planting zones for a photo, each beside a legend of the plants and the style's materials. The plants are the
 * style's palette for the site's zone ({@link DesignRequest#palette()}), every one drawn at least once, and the
 * design reports each with how many of it the drawing shows. Needs no key and no network, so the service works out
 * of the box and tests run anywhere.
 *
 * <p>The same request always gives the same bytes: the layout's random seed comes from the style, the address
 * (or the photo's bytes) and the custom prompt, never from the generation id or the clock, so a retry shows
 * the homeowner the same design. A refinement is drawn from the same seeds, then edited by its feedback
 * ({@link Refinements}): the same lot, house and layout as the design it refines, changed only as asked, with
 * notes saying what was applied and what could not be. Rendering is headless (Spring Boot sets {@code java.awt.headless}; plain
 * {@code BufferedImage} drawing needs no display either way).
 *
 * <p>Public for {@code DesignerConfiguration} and {@code StyleExamples} only: Spring Modulith keeps this package
 * internal to the designer module, whose API is {@link Designer}.
 */
public final class BuiltinDesigner implements Designer {

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public Design design(DesignRequest request) {
        String prompt = DesignPrompt.of(request);
        long seed = seed(request);
        DesignRequest.Photo photo = request.photo();
        Style style = request.style();
        // the zone's palette (the style's signature plants where the zone is unknown) is what is drawn and listed
        List<Plant> palette = request.palette();
        DesignRequest.Refinement refinement = request.refinement();
        Drawing drawing;
        List<String> notes = List.of();
        if (photo != null) {
            if (refinement == null) {
                drawing = PhotoConcept.draw(style, palette, request.zone(), photo, seed);
            } else {
                Refinements.RevisedPhoto revised = Refinements.photo(palette, style, refinement, request.zone(), seed);
                notes = revised.notes();
                drawing = PhotoConcept.draw(
                        style, revised.plants(), request.zone(), photo, revised.seed(), revised.edits(), notes);
            }
        } else {
            // a refinement edits the plan this request draws without feedback: the same lot, house and garden
            Layout layout = Layout.of(style, palette, siteSeed(request), seed);
            if (refinement != null) {
                Refinements.Revised revised = Refinements.plan(layout, refinement, request.zone(), seed);
                layout = revised.layout();
                notes = revised.notes();
            }
            drawing = YardPlan.draw(layout, request.zone(), seed, notes);
        }
        return new Design(png(drawing.image()), "image/png", prompt, drawing.placed(), style.materials(), notes);
    }

    /** The seed of the property itself: the address only, so every style shows the same lot and house. */
    static long siteSeed(DesignRequest request) {
        MessageDigest sha = sha256();
        sha.update(oneLine(request.address()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    /** The seed of the design: style, address or photo, and the homeowner's instructions. */
    static long seed(DesignRequest request) {
        MessageDigest sha = sha256();
        sha.update(request.style().id().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        DesignRequest.Photo photo = request.photo();
        if (photo != null) {
            sha.update(photo.bytes());
        } else {
            // "12 Oak St" and " 12  oak st" are the same property and get the same plan
            sha.update(oneLine(request.address()).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 0);
        String custom = DesignPrompt.custom(request.customPrompt());
        if (custom != null) {
            sha.update(custom.getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(sha.digest()).getLong();
    }

    private static String oneLine(@Nullable String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        // in memory: ImageIO.write to a plain stream would pass the picture through a temporary file
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
