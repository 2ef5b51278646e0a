package com.yarda.site;

import java.util.List;

/** The imagery port: pictures of a located place. */
interface Imagery {

    /** The name in logs and metrics, e.g. {@code naip}. */
    String name();

    /**
     * The pictures of {@code place} the service has; empty when it has none there. One view that fails does
     * not lose the others: an adapter with several views returns what it got.
     *
     * @throws LookupFailed when the service could not answer at all
     */
    List<SiteImage> fetch(Geocoded place);
}
