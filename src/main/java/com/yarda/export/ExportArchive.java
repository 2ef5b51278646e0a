package com.yarda.export;

import com.yarda.storage.ImageBlob;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.util.StreamUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ZIP file written as it goes: JSON files item by item and images one at a time, so that nothing but the entry being
 * written is held in memory. Every method throws {@link IOException} when the output fails (the client went away).
 */
final class ExportArchive implements AutoCloseable {

    private final ZipOutputStream zip;
    private final ObjectWriter json;
    private final FileTime time;

    ExportArchive(OutputStream out, JsonMapper json, Instant time) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // one flush at the end, not one per item; the generator never closes the ZIP stream under it
        this.json = json.writerWithDefaultPrettyPrinter()
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .without(StreamWriteFeature.FLUSH_PASSED_TO_STREAM);
        this.time = FileTime.from(time);
    }

    /** A file {@code name} holding {@code value} as JSON, written as the API writes it. */
    void json(String name, Object value) throws IOException {
        begin(name);
        try {
            json.writeValue(StreamUtils.nonClosing(zip), value);
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
    }

    /**
     * A file {@code name} holding a JSON array of what {@code items} gives, each item written as soon as it is given.
     *
     * @param items called once with where to put each item
     */
    <T> void jsonArray(String name, Consumer<Consumer<T>> items) throws IOException {
        begin(name);
        try (JsonGenerator array = json.createGenerator(StreamUtils.nonClosing(zip))) {
            array.writeStartArray();
            items.accept(item -> json.writeValue(array, item));
            array.writeEndArray();
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
    }

    /** A text file {@code name}. */
    void text(String name, String text) throws IOException {
        begin(name);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * The image {@code blob} as {@code stem} with the extension of its format. Stored as it is, not compressed again:
     * JPEG, PNG and WebP already are.
     */
    void image(String stem, ImageBlob blob) throws IOException {
        byte[] bytes = blob.bytes();
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry entry = new ZipEntry(blob.fileName(stem));
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private void begin(String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(time);
        zip.putNextEntry(entry);
    }

    /** Writes the ZIP file's directory and flushes it; the stream underneath is closed with it. */
    @Override
    public void close() throws IOException {
        zip.close();
    }
}
