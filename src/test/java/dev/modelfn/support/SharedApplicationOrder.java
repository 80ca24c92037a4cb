package dev.modelfn.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import io.quarkus.test.common.WithTestResource;

/**
 * The order of the {@code *IT} classes (failsafe's {@code junit.jupiter.testclass.order.default}): those
 * declaring the same test resources, on themselves or a superclass, one after another, so that each set of
 * resources starts the packaged application once. Quarkus' own orderer groups {@code @QuarkusTest}s that
 * way but runs integration tests by name, restarting the application whenever the resources change.
 */
public class SharedApplicationOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(SharedApplicationOrder::resources)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static String resources(ClassDescriptor descriptor) {
        List<String> resources = new ArrayList<>();
        for (Class<?> type = descriptor.getTestClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (WithTestResource resource : type.getAnnotationsByType(WithTestResource.class)) {
                resources.add(resource.value().getName() + " " + resource.scope() + " " + Arrays.stream(resource.initArgs())
                        .map(arg -> arg.name() + "=" + arg.value()).sorted().toList());
            }
        }
        return resources.stream().sorted().distinct().toList().toString();
    }
}
