package dev.modelfn.store;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * One short line for an S3 failure, naming the setting that fixes it. The AWS SDK's own messages list every
 * provider of its region or credentials chain (over a thousand characters) and say nothing of Quarkus settings.
 */
public final class S3Failures {

    private static final int MAX_LENGTH = 200;

    private S3Failures() {
    }

    public static String reason(Throwable failure) {
        String all = messages(failure);
        if (all.contains("Unable to load region")) {
            return "no region is configured; set quarkus.s3.aws.region (any region, e.g. us-east-1, for an "
                    + "S3-compatible store at quarkus.s3.endpoint-override).";
        }
        if (all.contains("Unable to load credentials")) {
            return "no credentials are configured; set quarkus.s3.aws.credentials.type=static with "
                    + "quarkus.s3.aws.credentials.static-provider.access-key-id and .secret-access-key, "
                    + "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.";
        }
        Throwable network = networkCause(failure);
        if (network != null) {
            return "the S3 endpoint cannot be reached (" + network.getClass().getSimpleName() + ": "
                    + firstLine(network.getMessage()) + "); check quarkus.s3.endpoint-override and the network.";
        }
        return firstLine(innermost(failure).getMessage());
    }

    private static Throwable networkCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "...";
    }
}
