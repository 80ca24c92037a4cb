package dev.modelfn.nativeimage;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What native-image must keep reflectively reachable on one type: the type itself (for
 * {@code Class.forName}), named methods and constructors, and optionally all public methods or all
 * declared fields.
 */
final class ReflectionEntry {

    final String type;
    /** Methods as {@code name(param,param)}; constructors are named {@code <init>}. */
    final SortedSet<String> methods = new TreeSet<>();
    boolean allPublicMethods;
    boolean allDeclaredFields;

    ReflectionEntry(String type) {
        this.type = type;
    }

    static String signature(String name, String... parameterTypes) {
        return name + "(" + String.join(",", parameterTypes) + ")";
    }

    void merge(ReflectionEntry other) {
        methods.addAll(other.methods);
        allPublicMethods |= other.allPublicMethods;
        allDeclaredFields |= other.allDeclaredFields;
    }

    /** What {@code needed} asks of this type that this entry does not grant. */
    List<String> lacking(ReflectionEntry needed) {
        List<String> lacking = new ArrayList<>();
        for (String method : needed.methods) {
            if (!methods.contains(method) && !(allPublicMethods && !method.startsWith("<init>"))) {
                lacking.add(type + " method " + method);
            }
        }
        if (needed.allPublicMethods && !allPublicMethods) {
            lacking.add(type + " allPublicMethods");
        }
        if (needed.allDeclaredFields && !allDeclaredFields) {
            lacking.add(type + " allDeclaredFields");
        }
        return lacking;
    }
}
