package dev.modelfn.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of modelfn, under the {@code modelfn.} prefix. README lists them with their defaults. */
@ConfigMapping(prefix = "modelfn")
public interface ModelfnConfig {

    Store store();

    /** The models to serve; when absent, every model found in the store. */
    Optional<List<String>> models();

    Predict predict();

    Train train();

    Registry registry();

    interface Store {
        /** {@code file:<folder>} (relative to the working directory, or absolute). */
        @WithDefault("file:models")
        String uri();
    }

    interface Predict {
        /** Most rows one predict request may carry; more is answered with 413. */
        @WithDefault("10000")
        int maxRows();

        /** What to do with features the model does not know. */
        @WithDefault("reject")
        UnknownFeatures unknownFeatures();

        /** What to do when a row lacks some of the model's features. */
        @WithDefault("reject")
        MissingFeatures missingFeatures();
    }

    interface Registry {
        /**
         * How often each instance re-reads the store's {@code current} pointers and swaps in what
         * changed (e.g. {@code 30s}); absent: never, only {@code reload} or an event does.
         */
        Optional<Duration> refreshInterval();
    }

    interface Train {
        /** Folder that {@code file:} dataset locations must lie in (relative to the working directory). */
        @WithDefault("data")
        String dataRoot();

        /** Most rows a training dataset may have; more is answered with 413. */
        @WithDefault("1000000")
        int maxRows();
    }

    enum UnknownFeatures {
        REJECT,
        IGNORE
    }

    /**
     * {@code allow} treats an absent feature as Tribuo treats any absent sparse feature: zero before
     * standardisation is applied, which for a standardised model means the training mean.
     */
    enum MissingFeatures {
        REJECT,
        ALLOW
    }
}
