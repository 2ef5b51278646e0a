package com.yarda.share;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.yarda.storage.ImageBlob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A shared design as a PDF, US Letter, one page for most designs and two for long plant lists: the title, the design
 * and the "before", the plant table and the materials ({@code templates/share/design-pdf.html}, XHTML that
 * openhtmltopdf lays out with PDFBox).
 *
 * <p>Text is set in the PDF base-14 fonts (Helvetica, Times), which every PDF reader has: no font file to ship or
 * embed, and every character of the plant catalog (Latin-1, such as the × of hybrids) is in their encoding. The
 * pictures go in as JPEG data URIs, the only resources the renderer may load: it fetches nothing from the network or
 * the disk whatever the document says.
 */
@Component
class SharedDesignPdf {

    /** Wider pictures are scaled down: at 7 inches across, 1600 pixels is about 230 dpi. */
    static final int MAX_WIDTH = 1600;

    private final ITemplateEngine templates;
    private final Timer renders;

    SharedDesignPdf(ITemplateEngine templates, MeterRegistry meters) {
        this.templates = templates;
        this.renders = Timer.builder("yarda.share.pdf")
                .description("Rendering the PDF of a shared design, pictures included")
                .register(meters);
    }

    byte[] render(SharedDesign design, ImageBlob image, @Nullable ImageBlob before) {
        return renders.record(() -> {
            Map<String, Object> model = new HashMap<>();
            model.put("design", design);
            model.put("image", jpegDataUri(image));
            model.put("before", before == null ? null : jpegDataUri(before));
            String html = templates.process("share/design-pdf", new Context(Locale.US, model));
            ByteArrayOutputStream pdf = new ByteArrayOutputStream(256 * 1024);
            try {
                PdfRendererBuilder builder = new PdfRendererBuilder()
                        .withHtmlContent(html, null)
                        .withProducer("Yarda")
                        .toStream(pdf);
                for (ExternalResourceControlPriority when : ExternalResourceControlPriority.values()) {
                    builder.useExternalResourceAccessControl(
                            (uri, type) -> uri != null && uri.startsWith("data:"), when);
                }
                builder.run();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not render the PDF of a shared design", e);
            }
            return pdf.toByteArray();
        });
    }

    /**
     * The picture as a JPEG data URI: a JPEG of at most {@link #MAX_WIDTH} pixels as it is (PDF embeds its bytes
     * unchanged), anything else (PNG, WebP, a larger JPEG) decoded and encoded once, which is faster to embed than
     * lossless and a fraction of the size.
     */
    static String jpegDataUri(ImageBlob blob) {
        try {
            byte[] jpeg = "image/jpeg".equals(blob.contentType()) && width(blob.bytes()) <= MAX_WIDTH
                    ? blob.bytes()
                    : jpeg(decode(blob));
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the picture " + blob.key() + " for a PDF", e);
        }
    }

    private static BufferedImage decode(ImageBlob blob) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(blob.bytes()));
        if (image == null) {
            throw new IOException("no image reader for " + blob.contentType());
        }
        return image;
    }

    /** The width a JPEG's header states, read without decoding the pixels. */
    private static int width(byte[] jpeg) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Integer.MAX_VALUE; // decoded (and refused) the long way
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return reader.getWidth(0);
            } finally {
                reader.dispose();
            }
        }
    }

    private static byte[] jpeg(BufferedImage source) throws IOException {
        int width = Math.min(source.getWidth(), MAX_WIDTH);
        int height = (int) Math.round(source.getHeight() * (width / (double) source.getWidth()));
        // JPEG has no alpha: flatten onto white
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam quality = writer.getDefaultWriteParam();
            quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            quality.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(rgb, null, null), quality);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
