package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.platform.YardaProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class StorageConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, StorageConfiguration.class, ImageUploads.class);

    @Test
    void keepsImagesUnderTheDataDirectoryWithTheDocumentedLimits() {
        context.withPropertyValues("yarda.data-dir=" + dataDir).run(started -> {
            StoredImage stored = started.getBean(ImageStore.class).store(new byte[] {1}, "image/png");

            try (Stream<Path> files = Files.walk(dataDir.resolve("images"))) {
                assertThat(files.filter(Files::isRegularFile))
                        .singleElement()
                        .satisfies(file -> assertThat(file.getFileName()).hasToString(stored.key()));
            }
            StorageProperties storage = started.getBean(StorageProperties.class);
            assertThat(storage.maxUploadSize()).isEqualTo(DataSize.ofBytes(10L * 1024 * 1024));
            assertThat(storage.maxPixels()).isEqualTo(40_000_000L);
            assertThat(storage.decodeConcurrency())
                    .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            assertThat(storage.decodeWait()).isEqualTo(Duration.ofSeconds(2));
            assertThat(storage.decodeMemoryBytes())
                    .isEqualTo(Runtime.getRuntime().maxMemory() / 4);
            assertThat(storage.decodeMaxSide()).isEqualTo(4096);
        });
    }

    @Test
    void takesItsDirectoryAndLimitsFromYardaStorageProperties() {
        Path elsewhere = dataDir.resolve("elsewhere");
        context.withPropertyValues(
                        "yarda.data-dir=" + dataDir,
                        "yarda.storage.directory=" + elsewhere,
                        "yarda.storage.max-upload-size=1KB")
                .run(started -> {
                    started.getBean(ImageStore.class).store(new byte[] {1}, "image/png");

                    assertThat(dataDir.resolve("images")).doesNotExist();
                    assertThat(elsewhere).isDirectory();
                    assertThatThrownBy(() -> started.getBean(ImageUploads.class).sanitize(new byte[1025]))
                            .isInstanceOf(ImageTooLarge.class)
                            .hasMessageContaining("1024 bytes");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({YardaProperties.class, StorageProperties.class})
    static class Properties {}
}
