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
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
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
 * within the size limits, decoded, turned upright, and encoded again without any metadata. EXIF carries the GPS
 * position of the photo, which here is someone's home; re-encoding the pixels is the only way to be sure that nothing
 * of it, nor of any other metadata, survives.
 *
 * <p>The checks run cheapest first: the byte count, the magic bytes, then the dimensions from the image header, and
 * only then the decoding of the pixels. A decompression bomb (a few kilobytes claiming billions of pixels) is
 * therefore rejected before any pixel memory is allocated. An image longer than {@code yarda.storage.decode-max-side}
 * (4096 pixels) is decoded subsampled, every n-th pixel of every n-th row, and kept at that smaller size: a
 * 40-megapixel upload becomes about 10 megapixels in memory and in storage. Decoding runs within the
 * {@link DecodeCapacity}: a few threads of its own and a memory budget, or a fast 503.
 */
@Component
public class ImageUploads {

    private static final Logger log = LoggerFactory.getLogger(ImageUploads.class);

    private static final float JPEG_QUALITY = 0.9f;
    // deflate level 1 (the JDK's writer uses 9 - round(9 × quality)) instead of its default 4: about a third less CPU
    // per upload; a photo's file hardly grows (noise does not deflate anyway), flat graphics grow by up to 40%
    private static final float PNG_COMPRESSION_QUALITY = 0.9f;
    // the largest array the JVM allocates reliably
    private static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    // the decoded raster, and the upright 8-bit sRGB copy that may be drawn from it, at 4 bytes a pixel each
    private static final long BYTES_PER_DECODED_PIXEL = 8;

    private final long maxBytes;
    private final long maxPixels;
    private final int maxSide;
    private final DecodeCapacity decodes;

    ImageUploads(StorageProperties properties, DecodeCapacity decodes) {
        this.maxBytes = properties.maxUploadSize().toBytes();
        if (maxBytes <= 0 || maxBytes > MAX_ARRAY_BYTES) {
            throw new IllegalStateException("yarda.storage.max-upload-size must be between 1 byte and 2 GB");
        }
        this.maxPixels = properties.maxPixels();
        this.maxSide = properties.decodeMaxSide();
        this.decodes = decodes;
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
     * (quality 0.9); PNG and WebP become PNG, keeping transparency. Colours are converted to 8-bit sRGB. An image
     * longer than {@code yarda.storage.decode-max-side} comes back subsampled to at most that.
     *
     * @throws ImageTooLarge when the file has more bytes than {@code yarda.storage.max-upload-size}, or more pixels
     *     than {@code yarda.storage.max-pixels}
     * @throws UnsupportedImage when the bytes are not a JPEG, PNG or WebP image, or do not decode as one
     * @throws DecodingBusy (503) when no decode could start within {@code yarda.storage.decode-wait}
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
     * @throws DecodingBusy as {@link #sanitize(byte[])}
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
        Size size = read(upload, format, reader -> {
            int width = readOrReject(format, () -> reader.getWidth(0));
            int height = readOrReject(format, () -> reader.getHeight(0));
            return new Size(width, height);
        });
        if (size.width() <= 0 || size.height() <= 0) {
            throw UnsupportedImage.unreadable(format);
        }
        if (size.pixels() > maxPixels) {
            log.debug(
                    "Rejected a {} of {} × {} pixels before decoding it",
                    format.displayName(),
                    size.width(),
                    size.height());
            throw ImageTooLarge.pixels(size.width(), size.height(), maxPixels);
        }
        if (photoField != null && !PhotoQuality.largeEnough(size.width(), size.height())) {
            log.debug(
                    "Refused a {} photo of {} × {} pixels before decoding it",
                    format.displayName(),
                    size.width(),
                    size.height());
            throw refused(photoField, PhotoFlaw.TOO_SMALL);
        }
        int step = subsampling(size);
        Size decoded = size.subsampled(step);
        return decodes.run(
                decoded.pixels() * BYTES_PER_DECODED_PIXEL,
                () -> read(upload, format, reader -> reencode(upload, format, reader, step, photoField)));
    }

    /**
     * Every how many pixels (and rows) the image is read: 1 up to {@code yarda.storage.decode-max-side}, more for a
     * larger image, so that its decoded pixels take no more memory than one of that size. A design never needs more.
     * The decoder still reads every row of the file (a PNG must be inflated in full), so the CPU a decode takes is
     * bounded by the decode threads, not by this.
     */
    private int subsampling(Size size) {
        int longest = Math.max(size.width(), size.height());
        return (longest + maxSide - 1) / maxSide;
    }

    /** Runs {@code step} with a reader of {@code upload}, disposed of afterwards. */
    private static <T> T read(byte[] upload, ImageFormat format, Function<ImageReader, T> step) {
        ImageReader reader = readerFor(format);
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            // Metadata is never needed (the orientation is read separately) and parsing it costs time and memory:
            // a PNG may carry zTXt chunks that inflate to gigabytes.
            reader.setInput(input, false, true);
            return step.apply(reader);
        } catch (IOException e) {
            // only closing an in-memory stream can get here
            throw new UncheckedIOException(e);
        } finally {
            reader.dispose();
        }
    }

    private SanitizedImage reencode(
            byte[] upload, ImageFormat format, ImageReader reader, int step, @Nullable String photoField) {
        TruncationWarnings warnings = new TruncationWarnings();
        reader.addIIOReadWarningListener(warnings);
        ImageReadParam parameters = reader.getDefaultReadParam();
        if (step > 1) {
            parameters.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage decoded = readOrReject(format, () -> reader.read(0, parameters));
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
                "Sanitized a {} upload of {} bytes into a {} × {} {} of {} bytes (orientation {}, every {} pixel read)",
                format.displayName(),
                upload.length,
                upright.getWidth(),
                upright.getHeight(),
                output.displayName(),
                encoded.length,
                orientation,
                step);
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
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(format == ImageFormat.JPEG ? JPEG_QUALITY : PNG_COMPRESSION_QUALITY);
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

    private record Size(int width, int height) {

        long pixels() {
            return (long) width * height;
        }

        /** The size of the image read with every {@code step}-th pixel of every {@code step}-th row. */
        Size subsampled(int step) {
            return new Size((width + step - 1) / step, (height + step - 1) / step);
        }
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
