package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class StoragePropertiesTest {

    @Test
    void keepsImagesInTheDataDirectoryUnlessADirectoryIsSet() {
        Path dataDir = Path.of("/var/lib/yarda");

        assertThat(properties(null, null, null).imagesDirectory(dataDir)).isEqualTo(Path.of("/var/lib/yarda/images"));
        assertThat(properties(Path.of("/srv/images"), null, null).imagesDirectory(dataDir))
                .isEqualTo(Path.of("/srv/images"));
    }

    @Test
    void decodesOneUploadPerCoreWithinAQuarterOfTheHeapUnlessToldOtherwise() {
        StorageProperties unset = properties(null, null, null);
        StorageProperties set = properties(null, 3, DataSize.ofMegabytes(64));

        assertThat(unset.decodeConcurrency())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(unset.decodeMemoryBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 4);
        assertThat(set.decodeConcurrency()).isEqualTo(3);
        assertThat(set.decodeMemoryBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void refusesANegativeWaitAndAnEmptyMemoryBudget() {
        assertThatThrownBy(() -> new StorageProperties(
                        null,
                        DataSize.ofMegabytes(10),
                        40_000_000,
                        null,
                        Duration.ofSeconds(-1),
                        null,
                        4096,
                        StorageProperties.Type.FILESYSTEM,
                        new StorageProperties.S3(null, null, null, false, null, null)))
                .hasMessageContaining("yarda.storage.decode-wait");
        assertThatThrownBy(() -> properties(null, null, DataSize.ofBytes(0)))
                .hasMessageContaining("yarda.storage.decode-memory");
    }

    @Test
    void anS3EndpointIsAnAbsoluteUrlAndItsKeysComeTogether() {
        assertThat(s3(URI.create("http://127.0.0.1:9000"), "AKIAEXAMPLE", "secret")
                        .hasStaticCredentials())
                .isTrue();
        assertThat(s3(null, null, null).hasStaticCredentials()).isFalse();
        assertThatThrownBy(() -> s3(URI.create("minio:9000"), null, null))
                .hasMessageContaining("yarda.storage.s3.endpoint must be an absolute URL");
        assertThatThrownBy(() -> s3(null, "AKIAEXAMPLE", null))
                .hasMessageContaining("yarda.storage.s3.access-key and yarda.storage.s3.secret-key");
        assertThatThrownBy(() -> s3(null, " ", "secret"))
                .hasMessageContaining("yarda.storage.s3.access-key and yarda.storage.s3.secret-key");
    }

    @Test
    void neverPrintsTheSecretKey() {
        assertThat(s3(null, "AKIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG").toString())
                .contains("images", "AKIAEXAMPLE")
                .doesNotContain("wJalrXUtnFEMI");
    }

    private static StorageProperties.S3 s3(
            @Nullable URI endpoint, @Nullable String accessKey, @Nullable String secretKey) {
        return new StorageProperties.S3("images", endpoint, null, false, accessKey, secretKey);
    }

    private static StorageProperties properties(
            @Nullable Path directory, @Nullable Integer decodes, @Nullable DataSize decodeMemory) {
        return new StorageProperties(
                directory,
                DataSize.ofMegabytes(10),
                40_000_000,
                decodes,
                Duration.ofSeconds(2),
                decodeMemory,
                4096,
                StorageProperties.Type.FILESYSTEM,
                new StorageProperties.S3(null, null, null, false, null, null));
    }
}
