package com.yarda.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The geocoder and the imagery that {@code yarda.site.*} chooses. */
@Configuration(proxyBeanMethods = false)
class SiteConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SiteConfiguration.class);

    @Bean
    Geocoder geocoder(SiteProperties properties, JsonMapper json) {
        Geocoder geocoder = switch (properties.geocoder()) {
            case NONE -> new ZipGeocoder();
            case CENSUS -> new CensusGeocoder(http(properties), properties.census(), json);
            case GOOGLE -> new GoogleGeocoder(http(properties), google(properties, "geocoder"), json);
        };
        log.info("Sites are geocoded by {}", geocoder.name());
        return geocoder;
    }

    @Bean
    Imagery imagery(SiteProperties properties, JsonMapper json) {
        Imagery imagery = switch (properties.imagery()) {
            case NONE -> new NoImagery();
            case NAIP -> new NaipImagery(http(properties), properties.naip());
            case GOOGLE -> new GoogleImagery(http(properties), google(properties, "imagery"), json);
        };
        log.info("Site imagery comes from {}", imagery.name());
        return imagery;
    }

    private static SiteHttp http(SiteProperties properties) {
        return new SiteHttp(properties.connectTimeout(), properties.timeout());
    }

    /** Google's settings, refusing to start without a key rather than failing every lookup. */
    private static SiteProperties.Google google(SiteProperties properties, String what) {
        String key = properties.google().apiKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(
                    "yarda.site." + what + " is google but yarda.site.google.api-key is not set:"
                            + " set YARDA_SITE_GOOGLE_API_KEY, or choose another provider");
        }
        return properties.google();
    }
}
