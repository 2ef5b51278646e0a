package com.yarda.platform;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service-wide settings ({@code yarda.*}).
 *
 * @param dataDir where the embedded database, the signing key and (later) images live
 * @param publicUrl the address users reach the service at; links in emails start with it
 */
@Validated
@ConfigurationProperties("yarda")
public record YardaProperties(@DefaultValue("./yarda-data") Path dataDir, URI publicUrl) {

    /** An absolute link under the public URL, for emails and redirects. */
    public String link(String pathAndQuery) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
