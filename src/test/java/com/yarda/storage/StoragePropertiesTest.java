package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
                        null, DataSize.ofMegabytes(10), 40_000_000, null, Duration.ofSeconds(-1), null, 4096))
                .hasMessageContaining("yarda.storage.decode-wait");
        assertThatThrownBy(() -> properties(null, null, DataSize.ofBytes(0)))
                .hasMessageContaining("yarda.storage.decode-memory");
    }

    private static StorageProperties properties(
            @Nullable Path directory, @Nullable Integer decodes, @Nullable DataSize decodeMemory) {
        return new StorageProperties(
                directory, DataSize.ofMegabytes(10), 40_000_000, decodes, Duration.ofSeconds(2), decodeMemory, 4096);
    }
}
