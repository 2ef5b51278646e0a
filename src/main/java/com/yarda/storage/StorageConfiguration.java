package com.yarda.storage;

import com.yarda.platform.YardaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Images live on the local filesystem, in the data directory unless {@code yarda.storage.directory} says otherwise;
 * uploads are decoded within the {@link DecodeCapacity} that {@code yarda.storage.*} sets.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    ImageStore imageStore(StorageProperties storage, YardaProperties yarda) {
        return new FilesystemImageStore(storage.imagesDirectory(yarda.dataDir()));
    }

    @Bean
    DecodeCapacity decodeCapacity(StorageProperties storage) {
        return DecodeCapacity.of(storage);
    }
}
