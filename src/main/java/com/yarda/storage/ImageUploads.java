package com.yarda.storage;

import com.yarda.platform.ValidationFailed;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an uploaded file into an image that is safe to keep and to show: a JPEG, PNG or WebP (judged by its bytes)
 * within the size limits, decoded in full, turned upright, and encoded again without any metadata. EXIF carries the
 * GPS position of the photo, which here is someone's home; re-encoding the pixels is the only way to be sure that
 * nothing of it, nor of any other metadata, survives.
 *
 * <p>The checks run cheapest first: the byte count, the magic bytes, then the dimensions from the image header, and
 * only then the decoding of the pixels. A decompression bomb (a few kilobytes claiming billions of pixels) is
 * therefore rejected before any pixel memory is allocated.
 */
@Component
public class ImageUploads {

    private static final Logger log = LoggerFactory.getLogger(ImageUploads.class);

    private static final float JPEG_QUALITY = 0.9f;
    // the largest array the JVM allocates reliably
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private final long maxBytes;
    private final long maxPixels;
    private final Semaphore decodes;

    ImageUploads(StorageProperties properties) {
        this.maxBytes = properties.maxUploadSize().toBytes();
        if (maxBytes <= 0 || maxBytes > MAX_ARRAY_BYTES) {
            throw new IllegalStateException("yarda.storage.max-upload-size must be between 1 byte and 2 GB");
        }
        this.maxPixels = properties.maxPixels();
        this.decodes = new Semaphore(properties.maxConcurrentDecodes());
        requireCodecs();
    }

    /**
     * Reads an upload from {@code upload} and sanitizes it like {@link #sanitize(byte[])}. At most one byte more than
     * the limit is read, so an oversized upload is rejected without being held in memory.
     *
     * @throws ImageTooLarge when the upload has more bytes than {@code yarda.storage.max-upload-size}
     * @throws UnsupportedImage as {@link #sanitize(byte[])}
     * @throws UncheckedIOException when {@code upload} cannot be read
     */
    public SanitizedImage sanitize(InputStream upload) {
        byte[] bytes;
        try {
            bytes = upload.readNBytes((int) maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded file", e);
        }
        return sanitize(bytes);
    }

    /**
     * Checks an uploaded file and returns its pixels, upright, in a fresh encoding without metadata: JPEG stays JPEG
     * (quality 0.9); PNG and WebP become PNG, keeping transparency. Colours are converted to 8-bit sRGB.
     *
     * @throws ImageTooLarge when the file has more bytes than {@code yarda.storage.max-upload-size}, or more pixels
     *     than {@code yarda.storage.max-pixels}
     * @throws UnsupportedImage when the bytes are not a JPEG, PNG or WebP image, or do not decode as one
     */
    public SanitizedImage sanitize(byte[] upload) {
        return sanitize(upload, null);
    }

    /**
     * Sanitizes a photo of a yard like {@link #sanitize(byte[])}, and refuses one that cannot become a design
     * ({@link PhotoQuality}): too small as soon as its header is read, too dark, overexposed, almost uniform or blurred
     * once it is decoded, before the time to encode it again is spent.
     *
     * @param field the request field that carried the photo, which the refusal names
     * @throws ValidationFailed (422) naming {@code field}, with a message that says what to do instead
     * @throws ImageTooLarge as {@link #sanitize(byte[])}
     * @throws UnsupportedImage as {@link #sanitize(byte[])}
     */
    public SanitizedImage sanitizePhoto(byte[] upload, String field) {
        return sanitize(upload, field);
    }

    /** @param photoField the field of a photo to judge by {@link PhotoQuality}; null for any image */
    private SanitizedImage sanitize(byte[] upload, @Nullable String photoField) {
        if (upload.length > maxBytes) {
            throw ImageTooLarge.bytes(maxBytes);
        }
        ImageFormat format = ImageFormat.sniff(upload).orElseThrow(UnsupportedImage::new);
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            // Metadata is never needed (the orientation is read separately) and parsing it costs time and memory:
            // a PNG may carry zTXt chunks that inflate to gigabytes.
            reader.setInput(input, false, true);
            int width = readOrReject(format, () -> reader.getWidth(0));
            int height = readOrReject(format, () -> reader.getHeight(0));
            if (width <= 0 || height <= 0) {
                throw UnsupportedImage.unreadable(format);
            }
            if ((long) width * height > maxPixels) {
                log.debug("Rejected a {} of {} × {} pixels before decoding it", format.displayName(), width, height);
                throw ImageTooLarge.pixels(width, height, maxPixels);
            }
            if (photoField != null && !PhotoQuality.largeEnough(width, height)) {
                log.debug(
                        "Refused a {} photo of {} × {} pixels before decoding it", format.displayName(), width, height);
                throw refused(photoField, PhotoFlaw.TOO_SMALL);
            }
            decodes.acquireUninterruptibly();
            try {
                return reencode(upload, format, reader, photoField);
            } finally {
                decodes.release();
            }
        } catch (IOException e) {
            // only closing an in-memory stream can get here
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private SanitizedImage reencode(
            byte[] upload, ImageFormat format, ImageReader reader, @Nullable String photoField) {
        TruncationWarnings warnings = new TruncationWarnings();
        reader.addIIOReadWarningListener(warnings);
        BufferedImage decoded = readOrReject(format, () -> reader.read(0));
        if (warnings.dataMissing()) {
            // the JPEG decoder fills what is missing with grey and only warns
            log.debug("Rejected a {} whose image data is incomplete: {}", format.displayName(), warnings.messages);
            throw UnsupportedImage.unreadable(format);
        }
        ExifOrientation orientation =
                format == ImageFormat.JPEG ? ExifOrientation.ofJpeg(upload) : ExifOrientation.NORMAL;
        ImageFormat output = format == ImageFormat.JPEG ? ImageFormat.JPEG : ImageFormat.PNG;
        BufferedImage upright = upright(decoded, orientation, output == ImageFormat.PNG);
        if (photoField != null) {
            PhotoQuality quality = PhotoQuality.of(upright);
            Optional<PhotoFlaw> flaw = quality.flaw();
            if (flaw.isPresent()) {
                log.debug("Refused a {} photo: {} ({})", format.displayName(), flaw.get(), quality);
                throw refused(photoField, flaw.get());
            }
        }
        byte[] encoded = encode(upright, output);
        log.debug(
                "Sanitized a {} upload of {} bytes into a {} × {} {} of {} bytes (orientation {})",
                format.displayName(),
                upload.length,
                upright.getWidth(),
                upright.getHeight(),
                output.displayName(),
                encoded.length,
                orientation);
        return new SanitizedImage(encoded, output.contentType(), upright.getWidth(), upright.getHeight());
    }

    private static ValidationFailed refused(String field, PhotoFlaw flaw) {
        return new ValidationFailed(field, flaw.message());
    }

    /**
     * The decoded image as plain 8-bit sRGB (with alpha only if it has some and {@code keepAlpha}), turned upright.
     * Drawing converts CMYK, grey, 16-bit, indexed and ICC-profiled images, so that dropping the metadata cannot
     * change how the pixels look, and the encoders only ever see the image types they handle best.
     */
    private static BufferedImage upright(BufferedImage decoded, ExifOrientation orientation, boolean keepAlpha) {
        int type = keepAlpha && decoded.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB;
        boolean plainSrgb = switch (decoded.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR -> type == BufferedImage.TYPE_INT_RGB;
            case BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR -> type == BufferedImage.TYPE_INT_ARGB;
            default -> false;
        };
        if (plainSrgb && orientation == ExifOrientation.NORMAL) {
            return decoded;
        }
        int width = decoded.getWidth();
        int height = decoded.getHeight();
        BufferedImage upright = orientation.swapsAxes()
                ? new BufferedImage(height, width, type)
                : new BufferedImage(width, height, type);
        Graphics2D graphics = upright.createGraphics();
        try {
            // copy, not blend: transparent pixels stay transparent rather than turning black
            graphics.setComposite(AlphaComposite.Src);
            graphics.drawImage(decoded, orientation.toUpright(width, height), null);
        } finally {
            graphics.dispose();
        }
        return upright;
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) {
        ImageWriter writer = writerFor(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // in memory: ImageIO's default stream cache would write temporary files
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(JPEG_QUALITY);
            }
            // No metadata and no thumbnails: the writer emits only what the format requires (JFIF for a JPEG).
            writer.write(null, new IIOImage(image, null, null), parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("Encoding an image in memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Runs one step of the decoder. Crafted files make decoders throw anything, IOExceptions and runtime exceptions
     * alike (IllegalArgumentException, ArrayIndexOutOfBoundsException, ...); each means the upload is not a readable
     * image, never a failure of ours.
     */
    private static <T> T readOrReject(ImageFormat format, ImageRead<T> read) {
        try {
            return read.run();
        } catch (IOException | RuntimeException e) {
            log.debug("Rejected a {} that does not decode: {}", format.displayName(), e.toString());
            throw UnsupportedImage.unreadable(format);
        }
    }

    private static ImageReader readerFor(ImageFormat format) {
        // TwelveMonkeys registers its JPEG reader ahead of the JDK's, so the first one is the more tolerant one.
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format.displayName());
        }
        return readers.next();
    }

    private static ImageWriter writerFor(ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format.displayName());
        }
        return writers.next();
    }

    /**
     * Fails at startup, not on the first WebP upload, when a codec is missing. ImageIO finds plugins once, with the
     * class loader of the thread that first touches it; a rescan with ours covers a first touch from elsewhere.
     */
    private static void requireCodecs() {
        if (!hasCodecs()) {
            ImageIO.scanForPlugins();
        }
        if (!hasCodecs()) {
            throw new IllegalStateException("ImageIO lacks a JPEG, PNG or WebP codec; is"
                    + " com.twelvemonkeys.imageio:imageio-webp on the class path?");
        }
    }

    private static boolean hasCodecs() {
        for (ImageFormat format : ImageFormat.values()) {
            if (!ImageIO.getImageReadersByFormatName(format.imageIoName()).hasNext()) {
                return false;
            }
        }
        return ImageIO.getImageWritersByFormatName(ImageFormat.JPEG.imageIoName())
                        .hasNext()
                && ImageIO.getImageWritersByFormatName(ImageFormat.PNG.imageIoName())
                        .hasNext();
    }

    @FunctionalInterface
    private interface ImageRead<T> {
        T run() throws IOException;
    }

    /**
     * Decoder warnings that mean pixels are missing. Other warnings (an odd but harmless marker, an ICC profile
     * that is ignored) are common in real photos and do not fail an upload.
     */
    private static final class TruncationWarnings implements IIOReadWarningListener {

        private final List<String> messages = new ArrayList<>();

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            messages.add(warning);
        }

        boolean dataMissing() {
            return messages.stream()
                    .map(message -> message.toLowerCase(Locale.ROOT))
                    .anyMatch(message -> message.contains("premature end")
                            || message.contains("truncated")
                            || message.contains("missing eoi"));
        }
    }
}
