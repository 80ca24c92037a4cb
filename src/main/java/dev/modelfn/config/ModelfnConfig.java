package dev.modelfn.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of modelfn, under the {@code modelfn.} prefix. docs/configuration.md lists them with their defaults. */
@ConfigMapping(prefix = "modelfn")
public interface ModelfnConfig {

    Store store();

    /** The models to serve; when absent, every model found in the store. */
    Optional<List<String>> models();

    Predict predict();

    Train train();

    Registry registry();

    Bench bench();

    Auth auth();

    interface Store {
        /** {@code file:<folder>} (relative to the working directory, or absolute). */
        @WithDefault("file:models")
        String uri();

        /**
         * Longest one store call may take, retries included (an S3 request, or a file operation on the
         * local folder, which may be a network mount); over it the call fails as 503 {@code store-unavailable}
         * with {@code Retry-After}. Connect and read timeouts of the S3 client are
         * {@code quarkus.s3.sync-client.connection-timeout} and {@code .socket-timeout}.
         */
        @WithDefault("6s")
        Duration timeout();

        /**
         * Most file operations on a {@code file:} store at once. A hung mount holds its threads; once all
         * are held, further calls fail at once instead of piling up.
         */
        @WithDefault("8")
        int ioThreads();

        /**
         * Longest wait between two attempts to load the models that the store could not deliver at startup;
         * attempts start 1 s apart and double up to this.
         */
        @WithDefault("30s")
        Duration retryMaxDelay();
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

        /**
         * Most bytes of POST /predict bodies being answered at once (e.g. {@code 4M}); one more is refused with
         * 503 {@code overloaded} and {@code Retry-After}. Absent: 1/32 of the maximum heap. A request is always
         * let in when none is in flight.
         */
        Optional<MemorySize> maxBytesInFlight();
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

        /**
         * Most distinct values a categorical column may have; a column with more is refused with 400
         * {@code too-many-categories}, so that an ID column never becomes as many features as it has rows.
         */
        @WithDefault("1000")
        int maxCategories();

        /**
         * Most trainings one instance runs at once, over every surface (HTTP, events, Lambda); one more is
         * answered with 429 and {@code Retry-After}. A training abandoned at {@link #timeout()} keeps its
         * place until its fit really ends, since it still holds a core and its data.
         */
        @WithDefault("1")
        int maxConcurrent();

        /**
         * Longest a training may spend building its datasets, fitting and evaluating; over it the training is
         * abandoned, nothing is written, and the caller gets 503 {@code training-timeout}.
         */
        @WithDefault("10m")
        Duration timeout();
    }

    interface Bench {
        /**
         * Serve {@code /predict-baseline}: the predict request read and checked as {@code /predict} does,
         * answered with a constant of the same shape without running the model. For throughput
         * benchmarks only; off, the function answers 404.
         */
        @WithDefault("false")
        boolean baseline();
    }

    interface Auth {
        /**
         * Check bearer tokens. On (the default, and the prod profile's) the admin functions need a JWT
         * with group {@code modelfn-admin}, verified with the {@code mp.jwt.verify.*} key; with no key
         * configured they answer 403 {@code admin-disabled}. Off (dev and test profiles) every function is
         * open.
         */
        @WithDefault("true")
        boolean enabled();

        /** Require a token with group {@code modelfn-user} or {@code modelfn-admin} for predict, models and describe too. */
        @WithDefault("false")
        boolean predict();
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
