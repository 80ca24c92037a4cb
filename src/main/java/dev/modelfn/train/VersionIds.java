package dev.modelfn.train;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Version names that sort by creation time and need no coordination: UTC time to the millisecond
 * plus a random suffix, e.g. {@code 20261125T153000123Z-9f2c1a}.
 */
public final class VersionIds {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private VersionIds() {
    }

    public static String next(Instant now) {
        byte[] suffix = new byte[3];
        // A generator per call: versions are made once per training, and a SecureRandom held in a static
        // field would be seeded at native-image build time and baked into the image heap.
        new SecureRandom().nextBytes(suffix);
        return TIME.format(now) + "-" + HexFormat.of().formatHex(suffix);
    }
}
