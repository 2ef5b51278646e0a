package com.yarda.site;

import java.util.Optional;

/** The geocoding port: an address to a place. */
interface Geocoder {

    /** The name in logs and metrics, e.g. {@code census}. */
    String name();

    /**
     * Where {@code address} is; empty when the service found no such address.
     *
     * @throws LookupFailed when the service could not answer (refused, timed out, answered garbage)
     */
    Optional<Geocoded> geocode(String address);
}
