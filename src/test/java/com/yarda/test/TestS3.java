package com.yarda.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server on 127.0.0.1: S3Proxy over a temporary directory, checking AWS signatures against {@link
 * #ACCESS_KEY} and {@link #SECRET_KEY}. It can be stopped, as an outage, and started again on the same port with the
 * same objects. {@link #shared()} is the one the S3 integration tests' application uses.
 */
public final class TestS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "yarda-test-access-key";
    public static final String SECRET_KEY = "yarda-test-secret-key";
    public static final String REGION = "us-east-1";

    private static TestS3 shared;

    private final BlobStore blobs;
    private final S3Client client;
    private int port;
    private S3Proxy proxy;

    private TestS3() {
        try {
            Path root = Files.createTempDirectory("yarda-test-s3");
            blobs = new FilesystemNio2BlobStore(root.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the test S3 server's directory", e);
        }
        proxy = started(0);
        port = proxy.getPort();
        client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint())
                .region(Region.of(REGION))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .build();
    }

    /** A new server of its own, running; {@link #close()} stops it. */
    public static TestS3 start() {
        return new TestS3();
    }

    /** One server for the whole test JVM, started on first use. */
    public static synchronized TestS3 shared() {
        if (shared == null) {
            shared = new TestS3();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-s3-stop"));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A new, empty bucket; its name. */
    public String newBucket(String name) {
        client.createBucket(create -> create.bucket(name));
        return name;
    }

    /** The bucket {@code name}, made if it is not there yet; its name. */
    public String bucket(String name) {
        try {
            client.headBucket(head -> head.bucket(name));
            return name;
        } catch (NoSuchBucketException e) {
            return newBucket(name);
        }
    }

    /** The keys of every object in {@code bucket}, as S3 lists them. */
    public Set<String> keys(String bucket) {
        return client.listObjectsV2Paginator(list -> list.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .collect(Collectors.toSet());
    }

    /** The bytes of the object {@code key}, as S3 serves them. */
    public byte[] object(String bucket, String key) {
        return client.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    /** The {@code Content-Type} that S3 keeps for the object {@code key}. */
    public String contentType(String bucket, String key) {
        return client.headObject(head -> head.bucket(bucket).key(key)).contentType();
    }

    /** Stops serving: every request is refused until {@link #restart()}. */
    public synchronized void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the test S3 server", e);
        }
    }

    /** Serves again, on the same port, the same objects. */
    public synchronized void restart() {
        proxy = started(port);
    }

    @Override
    public synchronized void close() {
        client.close();
        stop();
    }

    private S3Proxy started(int onPort) {
        S3Proxy server = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + onPort))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // an outage is abrupt: no graceful wait for open connections when stopping
                .stopTimeout(0)
                .build();
        try {
            // Jetty's start returns once the server listens, or throws
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test S3 server on port " + onPort, e);
        }
        return server;
    }
}
