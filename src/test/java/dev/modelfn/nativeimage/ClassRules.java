package dev.modelfn.nativeimage;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tribuo.protos.ProtoSerializableClass;
import org.tribuo.protos.ProtoSerializableField;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;

/**
 * What Tribuo and OLCUT do by reflection with a class a saved model names, as registrations. Each
 * rule follows one reflective call site: {@code ProtoUtil.deserialize}, {@code ProtoUtil.serialize},
 * OLCUT's provenance unmarshalling and OLCUT's reading of {@code @Config} fields.
 */
final class ClassRules {

    private static final String ANY = "com.google.protobuf.Any";

    private final ReflectionNeeds needs;

    ClassRules(ReflectionNeeds needs) {
        this.needs = needs;
    }

    /** A {@code class_name} in a saved proto: loading calls its static deserializeFromProto. */
    void deserializer(String className) {
        Class<?> type = load(className);
        needs.type(className).methods.add(ReflectionEntry.signature("deserializeFromProto", "int", "java.lang.String", ANY));
        supertypes(type);
        if (isProtoSerializable(type)) {
            // ProtoUtil.serialize reads the @ProtoSerializableField fields of the whole hierarchy
            for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
                needs.type(k.getName()).allDeclaredFields = true;
            }
        }
    }

    /** A provenance class: object provenances are rebuilt through their (Map) constructor. */
    void provenance(String className) {
        Class<?> type = load(className);
        ReflectionEntry entry = needs.type(className);
        if (ObjectProvenance.class.isAssignableFrom(type)) {
            entry.methods.add(ReflectionEntry.signature("<init>", "java.util.Map"));
        }
        supertypes(type);
    }

    /** A configured object (trainer, objective, optimiser): provenance reads its @Config fields. */
    void configurable(String className) {
        Class<?> type = load(className);
        for (Class<?> k = type; k != null && Configurable.class.isAssignableFrom(k); k = k.getSuperclass()) {
            needs.type(k.getName()).allDeclaredFields = true;
        }
        supertypes(type);
    }

    /** An enum recorded in provenance: read back with Enum.valueOf. */
    void enumType(String className) {
        load(className);
        needs.type(className).methods.add(ReflectionEntry.signature("values"));
    }

    /** Superclasses and interfaces are looked up when OLCUT and Tribuo check what a class is. */
    private void supertypes(Class<?> type) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> k = pending.pop();
            if (!seen.add(k)) {
                continue;
            }
            if (k != type && !k.getName().startsWith("java.")) {
                needs.type(k.getName());
            }
            if (k.getSuperclass() != null) {
                pending.add(k.getSuperclass());
            }
            pending.addAll(List.of(k.getInterfaces()));
        }
    }

    private static boolean isProtoSerializable(Class<?> type) {
        for (Class<?> k = type; k != null; k = k.getSuperclass()) {
            if (k.isAnnotationPresent(ProtoSerializableClass.class)) {
                return true;
            }
            for (Field field : k.getDeclaredFields()) {
                if (field.isAnnotationPresent(ProtoSerializableField.class)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className, false, ClassRules.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("A saved model names " + className + ", which is not on the class path", e);
        }
    }
}
