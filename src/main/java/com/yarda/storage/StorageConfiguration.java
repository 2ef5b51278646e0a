package com.yarda.storage;

import com.yarda.platform.YardaProperties;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Images live on the local filesystem, in the data directory unless {@code yarda.storage.directory} says otherwise,
 * or in an S3-compatible bucket ({@code yarda.storage.type=s3}); uploads are decoded within the {@link
 * DecodeCapacity} that {@code yarda.storage.*} sets.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);
    /** How long a request to S3 may take to connect, and then to answer each read. */
    static final Duration S3_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static final Duration S3_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    ImageStore imageStore(StorageProperties storage, YardaProperties yarda, ObjectProvider<S3Client> s3) {
        return switch (storage.type()) {
            case FILESYSTEM -> new FilesystemImageStore(storage.imagesDirectory(yarda.dataDir()));
            case S3 ->
                new S3ImageStore(
                        s3.getObject(), Objects.requireNonNull(storage.s3().bucket()));
        };
    }

    /** Made only when images are kept in S3 (the image store asks for it), and closed with the application. */
    @Bean
    @Lazy
    S3Client s3Client(StorageProperties storage) {
        StorageProperties.S3 s3 = storage.s3();
        Region region = s3.region() != null && !s3.region().isBlank() ? Region.of(s3.region()) : defaultRegion();
        S3ClientBuilder builder = S3Client.builder()
                // the JDK's own HTTP client: no Netty or Apache client in the service; the SDK closes it with the
                // S3Client
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(S3_CONNECT_TIMEOUT)
                        .socketTimeout(S3_SOCKET_TIMEOUT))
                .region(region)
                .forcePathStyle(s3.pathStyleAccess())
                // checksums only where S3 requires them: many S3-compatible services refuse the SDK's default
                // trailing CRC32 checksums (signed payloads and TLS still protect every byte)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        if (s3.hasStaticCredentials()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.accessKey(), Objects.requireNonNull(s3.secretKey()))));
        }
        // otherwise the client's own default: the standard AWS chain, which the client closes with itself
        log.info(
                "Images go to the S3 bucket {} at {} (region {}, {}, credentials {})",
                s3.bucket(),
                s3.endpoint() != null ? s3.endpoint() : "AWS",
                region,
                s3.pathStyleAccess() ? "path-style" : "virtual-hosted-style",
                s3.hasStaticCredentials() ? "from yarda.storage.s3.access-key" : "from the standard AWS chain");
        return builder.build();
    }

    @Bean
    DecodeCapacity decodeCapacity(StorageProperties storage) {
        return DecodeCapacity.of(storage);
    }

    /** The region of the standard AWS chain ({@code AWS_REGION}, the profile, the instance), else us-east-1. */
    private static Region defaultRegion() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            log.info("No AWS region is configured; requests to S3 are signed for us-east-1");
            return Region.US_EAST_1;
        }
    }
}
