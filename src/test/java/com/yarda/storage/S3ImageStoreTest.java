package com.yarda.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yarda.test.TestS3;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link ImageStoreContract} for an S3 bucket, on a real S3 server (S3Proxy on 127.0.0.1) through the client that
 * {@link StorageConfiguration} builds, and what only S3 needs: typed objects, a missing bucket or refused credentials
 * that are failures rather than missing images.
 */
class S3ImageStoreTest extends ImageStoreContract {

    private final List<S3Client> clients = new ArrayList<>();
    private TestS3 s3;
    private String bucket;
    private S3ImageStore store;

    @BeforeEach
    void newStore() {
        s3 = TestS3.start();
        bucket = s3.newBucket("images");
        store = storeOf(s3.endpoint(), bucket, TestS3.ACCESS_KEY, TestS3.SECRET_KEY);
    }

    @AfterEach
    void stop() {
        clients.forEach(S3Client::close);
        s3.close();
    }

    @Override
    ImageStore store() {
        return store;
    }

    /** The S3 server stops: every request is refused. */
    @Override
    void makeStorageUnreachable() {
        s3.stop();
    }

    @Test
    void keepsEachImageAsAnObjectOfItsType() {
        StoredImage jpeg = store.store(new byte[] {1, 2}, "image/jpeg");
        StoredImage webp = store.store(new byte[] {3}, "image/webp");

        assertThat(s3.keys(bucket)).containsExactlyInAnyOrder(jpeg.key(), webp.key());
        assertThat(s3.object(bucket, jpeg.key())).containsExactly(1, 2);
        assertThat(s3.contentType(bucket, jpeg.key())).isEqualTo("image/jpeg");
        assertThat(s3.contentType(bucket, webp.key())).isEqualTo("image/webp");

        store.delete(jpeg.key());
        assertThat(s3.keys(bucket)).containsExactly(webp.key());
    }

    @Test
    void aBucketThatDoesNotExistIsAFailureNotAMissingImage() {
        StoredImage stored = store.store(new byte[] {1}, "image/png");
        S3ImageStore elsewhere = storeOf(s3.endpoint(), "no-such-bucket", TestS3.ACCESS_KEY, TestS3.SECRET_KEY);

        assertThatThrownBy(() -> elsewhere.store(new byte[] {1}, "image/png"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-bucket");
        assertThatThrownBy(() -> elsewhere.read(stored.key())).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void refusedCredentialsAreAFailure() {
        StoredImage stored = store.store(new byte[] {1}, "image/png");
        S3ImageStore intruder = storeOf(s3.endpoint(), bucket, TestS3.ACCESS_KEY, "not-the-secret-key");

        assertThatThrownBy(() -> intruder.store(new byte[] {1}, "image/png"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageNotContaining("not-the-secret-key");
        assertThatThrownBy(() -> intruder.read(stored.key())).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> intruder.delete(stored.key())).isInstanceOf(UncheckedIOException.class);
        assertThat(s3.keys(bucket)).containsExactly(stored.key());
    }

    private S3ImageStore storeOf(URI endpoint, String bucketName, String accessKey, String secretKey) {
        StorageProperties properties = new StorageProperties(
                null,
                DataSize.ofMegabytes(10),
                40_000_000,
                null,
                Duration.ofSeconds(2),
                null,
                4096,
                StorageProperties.Type.S3,
                new StorageProperties.S3(bucketName, endpoint, TestS3.REGION, true, accessKey, secretKey));
        S3Client client = new StorageConfiguration().s3Client(properties);
        clients.add(client);
        return new S3ImageStore(client, bucketName);
    }
}
