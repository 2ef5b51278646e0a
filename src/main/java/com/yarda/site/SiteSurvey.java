package com.yarda.site;

import java.util.List;

/** A resolved site and the pictures of it that could be fetched. */
public record SiteSurvey(Site site, List<SiteImage> images) {

    public SiteSurvey {
        images = List.copyOf(images);
    }
}
