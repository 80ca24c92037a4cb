package dev.modelfn.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code String} field of a test that receives the {@code modelfn.store.uri} the test's store resource
 * gave the application. Unlike {@code @ConfigProperty} it works in {@code @QuarkusIntegrationTest}s too,
 * whose application runs in a process of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface StoreUri {
}
