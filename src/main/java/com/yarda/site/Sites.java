package com.yarda.site;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Resolves the site behind an address: the place (geocoder), its hardiness zone (the ZIP table) and pictures of
 * it (imagery). Never fails: a lookup that finds nothing, is refused, times out or answers garbage is logged
 * (warn, naming the service) and counted ({@code yarda.site.lookups{service,outcome}}), and the site keeps what
 * is known. Calls outside services: run it outside any transaction.
 */
@Service
public class Sites {

    private static final Logger log = LoggerFactory.getLogger(Sites.class);

    private final Geocoder geocoder;
    private final Imagery imagery;
    private final ZoneTable zones;
    private final MeterRegistry meters;
    private final Timer surveys;

    Sites(Geocoder geocoder, Imagery imagery, ZoneTable zones, MeterRegistry meters) {
        this.geocoder = geocoder;
        this.imagery = imagery;
        this.zones = zones;
        this.meters = meters;
        this.surveys = Timer.builder("yarda.site.survey")
                .description("resolving a site: geocoding, zone and imagery")
                .register(meters);
    }

    /** The site of {@code address} and the pictures of it that could be fetched. */
    public SiteSurvey survey(String address) {
        return surveys.record(() -> {
            Geocoded place = geocode(address);
            List<SiteImage> images = place.located() ? images(place) : List.of();
            String zip = place.postalCode() != null
                    ? place.postalCode()
                    : ZipGeocoder.zipIn(address).orElse(null);
            HardinessZone zone = zones.zoneOf(zip).orElse(null);
            String country = place.country() != null ? place.country() : zone != null ? "US" : null;
            Site site = new Site(
                    place.formattedAddress(),
                    place.latitude(),
                    place.longitude(),
                    zip,
                    country,
                    zone,
                    images.stream().map(image -> image.view().value()).toList());
            return new SiteSurvey(site, images);
        });
    }

    /** The hardiness zone of the US ZIP code {@code zip} (5 digits or ZIP+4), if the table lists it. */
    public Optional<HardinessZone> zoneOf(String zip) {
        return zones.zoneOf(zip);
    }

    /** Where the geocoder puts {@code address}; failing that, only the ZIP code written in it. */
    private Geocoded geocode(String address) {
        ZipGeocoder written = new ZipGeocoder();
        if (geocoder instanceof ZipGeocoder) {
            return written.geocode(address).orElse(nowhere());
        }
        try {
            Optional<Geocoded> found = geocoder.geocode(address);
            count(geocoder.name(), found.isPresent() ? "found" : "none");
            if (found.isEmpty()) {
                log.info(
                        "Geocoder {} found no such address; using the ZIP code written in it, if any", geocoder.name());
            }
            return found.or(() -> written.geocode(address)).orElse(nowhere());
        } catch (RuntimeException e) {
            count(geocoder.name(), "failed");
            log.warn(
                    "Geocoder {} failed, the design goes on with the ZIP code written in the address: {}",
                    geocoder.name(),
                    safe(e));
            return written.geocode(address).orElse(nowhere());
        }
    }

    private List<SiteImage> images(Geocoded place) {
        try {
            List<SiteImage> images = new ArrayList<>(imagery.fetch(place));
            count(imagery.name(), images.isEmpty() ? "none" : "found");
            return images;
        } catch (RuntimeException e) {
            count(imagery.name(), "failed");
            log.warn("Imagery {} failed, the design goes on without pictures of the site: {}", imagery.name(), safe(e));
            return List.of();
        }
    }

    private void count(String service, String outcome) {
        meters.counter("yarda.site.lookups", "service", service, "outcome", outcome)
                .increment();
    }

    /** Our own failures say what went wrong without a URL; anything else is named by its type only. */
    private static String safe(RuntimeException e) {
        return e instanceof LookupFailed ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Geocoded nowhere() {
        return new Geocoded(null, null, null, null, null, false);
    }
}
