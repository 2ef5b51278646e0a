package com.yarda.upload;

import com.yarda.platform.RateLimited;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A user's daily upload quota is used up (429 {@code rate_limited}): {@code limit} and {@code remaining} count photos
 * or bytes, as {@code quota} says ({@code photos_per_day} or {@code bytes_per_day}).
 */
public final class UploadQuotaExceeded extends RateLimited {

    private static final double MIB = 1024 * 1024;

    private final String quota;

    private UploadQuotaExceeded(String quota, String detail, Duration retryAfter, long limit, long remaining) {
        super(detail, retryAfter, limit, remaining);
        this.quota = quota;
    }

    static UploadQuotaExceeded photos(int maxPerDay, Duration retryAfter) {
        return new UploadQuotaExceeded(
                "photos_per_day",
                "You can upload %d photos per day, and you have reached that. You can upload again in %s."
                        .formatted(maxPerDay, describe(retryAfter)),
                retryAfter,
                maxPerDay,
                0);
    }

    /** @param needed the stored size of the photo that does not fit; 0 when every byte of the day is used */
    static UploadQuotaExceeded bytes(long maxBytesPerDay, long remaining, long needed, Duration retryAfter) {
        String detail = needed > 0
                ? "You can upload %s of photos per day; %s of it is left today, and this photo takes %s. Upload a smaller photo, or try again in %s."
                        .formatted(
                                mebibytes(maxBytesPerDay),
                                mebibytes(remaining),
                                mebibytes(needed),
                                describe(retryAfter))
                : "You can upload %s of photos per day, and you have reached that. You can upload again in %s."
                        .formatted(mebibytes(maxBytesPerDay), describe(retryAfter));
        return new UploadQuotaExceeded("bytes_per_day", detail, retryAfter, maxBytesPerDay, remaining);
    }

    /** Which quota was reached: {@code photos_per_day} or {@code bytes_per_day}. */
    public String quota() {
        return quota;
    }

    @Override
    protected Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(super.properties());
        properties.put("quota", quota);
        return properties;
    }

    /** A size as people read it: {@code 200 MiB}, {@code 1.5 MiB}, {@code 48 KiB}, {@code 900 bytes}. */
    static String mebibytes(long bytes) {
        if (bytes >= MIB) {
            double mib = bytes / MIB;
            return mib == Math.rint(mib) ? (long) mib + " MiB" : String.format(Locale.ROOT, "%.1f MiB", mib);
        }
        return bytes >= 1024 ? (bytes + 1023) / 1024 + " KiB" : bytes + " bytes";
    }

    private static String describe(Duration wait) {
        long seconds = secondsRoundedUp(wait);
        if (seconds >= 3600) {
            long hours = (seconds + 3599) / 3600;
            return hours == 1 ? "1 hour" : "about " + hours + " hours";
        }
        if (seconds >= 60) {
            long minutes = (seconds + 59) / 60;
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
