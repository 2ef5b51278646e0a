package com.yarda.site;

import java.util.List;

/** No imagery ({@code none}, the offline default). */
final class NoImagery implements Imagery {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public List<SiteImage> fetch(Geocoded place) {
        return List.of();
    }
}
