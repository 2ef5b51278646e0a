package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class StoragePropertiesTest {

    @Test
    void keepsImagesInTheDataDirectoryUnlessADirectoryIsSet() {
        Path dataDir = Path.of("/var/lib/yarda");

        assertThat(new StorageProperties(null, DataSize.ofMegabytes(10), 40_000_000, 2).imagesDirectory(dataDir))
                .isEqualTo(Path.of("/var/lib/yarda/images"));
        assertThat(new StorageProperties(Path.of("/srv/images"), DataSize.ofMegabytes(10), 40_000_000, 2)
                        .imagesDirectory(dataDir))
                .isEqualTo(Path.of("/srv/images"));
    }
}
