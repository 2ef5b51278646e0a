package com.yarda.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Dates in templates ({@code ${@dates.dateTime(x)}}): rendered in UTC on the server; the page's script shows them
 * in the reader's own time zone.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    public String day(@Nullable Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
