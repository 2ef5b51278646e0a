package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.platform.YardaProperties;
import com.yarda.test.TestS3;
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

    @Test
    void keepsImagesInTheS3BucketItIsGivenAndNotInTheDataDirectory() {
        try (TestS3 s3 = TestS3.start()) {
            String bucket = s3.newBucket("yarda-images");
            context.withPropertyValues(
                            "yarda.data-dir=" + dataDir,
                            "yarda.storage.type=s3",
                            "yarda.storage.s3.bucket=" + bucket,
                            "yarda.storage.s3.endpoint=" + s3.endpoint(),
                            "yarda.storage.s3.region=" + TestS3.REGION,
                            "yarda.storage.s3.path-style-access=true",
                            "yarda.storage.s3.access-key=" + TestS3.ACCESS_KEY,
                            "yarda.storage.s3.secret-key=" + TestS3.SECRET_KEY)
                    .run(started -> {
                        StoredImage stored = started.getBean(ImageStore.class).store(new byte[] {1}, "image/png");

                        assertThat(s3.keys(bucket)).containsExactly(stored.key());
                        assertThat(dataDir.resolve("images")).doesNotExist();
                        assertThat(started.getBean(StorageProperties.class).s3().toString())
                                .contains(bucket)
                                .doesNotContain(TestS3.SECRET_KEY);
                    });
        }
    }

    @Test
    void makesNoS3ClientWhenImagesAreKeptInFiles() {
        context.withPropertyValues("yarda.data-dir=" + dataDir).run(started -> {
            assertThat(started.getBean(ImageStore.class)).isInstanceOf(FilesystemImageStore.class);
            assertThat(started.getBeanFactory().getSingleton("s3Client")).isNull();
        });
    }

    @Test
    void refusesToStartOnS3WithoutABucketOrWithHalfTheCredentials() {
        context.withPropertyValues("yarda.data-dir=" + dataDir, "yarda.storage.type=s3")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("yarda.storage.s3.bucket must be set when yarda.storage.type is s3"));
        context.withPropertyValues(
                        "yarda.data-dir=" + dataDir,
                        "yarda.storage.type=s3",
                        "yarda.storage.s3.bucket=images",
                        "yarda.storage.s3.access-key=AKIAEXAMPLE")
                .run(started -> assertThat(started)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("yarda.storage.s3.access-key and yarda.storage.s3.secret-key"));
        context.withPropertyValues("yarda.data-dir=" + dataDir, "yarda.storage.type=gcs")
                .run(started -> assertThat(started).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({YardaProperties.class, StorageProperties.class})
    static class Properties {}
}
