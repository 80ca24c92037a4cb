package dev.modelfn.metrics;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * An application of its own for the operations tests (a test profile class of its own starts one), so
 * that the models they train and promote and the counts they read are theirs alone.
 */
public class OperationsProfile implements QuarkusTestProfile {
}
