package dev.modelfn.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;

/**
 * The generated Java class of every protobuf message type Tribuo and OLCUT define, by full proto
 * name. A saved model names packed messages only by type URL; native-image needs their Java classes.
 * Found by listing the {@code protos} packages of the Tribuo and OLCUT jars on the class path (on
 * the JVM, at generation and test time only).
 */
final class ProtoMessageClasses {

    private static final String[] ROOTS = { "org/tribuo/", "com/oracle/labs/mlrg/olcut/" };

    private final Map<String, Class<? extends Message>> byFullName = new HashMap<>();

    private ProtoMessageClasses() {
        add(Any.class);
    }

    static ProtoMessageClasses scan() {
        ProtoMessageClasses classes = new ProtoMessageClasses();
        ClassLoader loader = ProtoMessageClasses.class.getClassLoader();
        try {
            for (String root : ROOTS) {
                for (URL url : Collections.list(loader.getResources(root))) {
                    if (url.openConnection() instanceof JarURLConnection jar) {
                        classes.addFrom(jar.getJarFile(), loader);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return classes;
    }

    Class<? extends Message> forFullName(String fullName) {
        Class<? extends Message> type = byFullName.get(fullName);
        if (type == null) {
            throw new IllegalStateException("No generated class on the class path for proto message " + fullName);
        }
        return type;
    }

    Class<? extends Message> forTypeUrl(String typeUrl) {
        return forFullName(typeUrl.substring(typeUrl.lastIndexOf('/') + 1));
    }

    private void addFrom(JarFile jar, ClassLoader loader) {
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.contains("/protos/") && name.endsWith(".class") && !name.endsWith("OrBuilder.class")) {
                Class<?> type = load(name.substring(0, name.length() - ".class".length()).replace('/', '.'), loader);
                if (Message.class.isAssignableFrom(type) && !Message.Builder.class.isAssignableFrom(type)) {
                    add(type.asSubclass(Message.class));
                }
            }
        }
    }

    private void add(Class<? extends Message> type) {
        byFullName.put(descriptorOf(type).getFullName(), type);
    }

    static Descriptor descriptorOf(Class<? extends Message> type) {
        try {
            return (Descriptor) type.getMethod("getDescriptor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Generated message without getDescriptor(): " + type.getName(), e);
        }
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
