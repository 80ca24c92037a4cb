package dev.modelfn.v2;

import java.util.Set;

import dev.modelfn.problem.InvalidInputException;

/**
 * The tensor element types a model input accepts: numbers, widened to doubles, for numeric features, and
 * BYTES (UTF-8 strings) for categorical ones.
 */
public enum Datatype {
    FP32,
    FP64,
    INT32,
    INT64,
    BYTES;

    /** The protocol's other element types: known, but no feature value. */
    private static final Set<String> OTHERS = Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8", "INT16",
            "FP16", "BF16");

    /** The type named {@code name}; 400 for a type of the protocol that is not a number we take, or no type at all. */
    public static Datatype of(String tensor, String name) {
        if (name == null) {
            throw new InvalidInputException("v2-missing-datatype", "Input '" + tensor + "' has no datatype.");
        }
        for (Datatype type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        if (OTHERS.contains(name)) {
            throw new InvalidInputException("v2-unsupported-datatype", "Input '" + tensor + "' is " + name
                    + "; feature values must be FP32, FP64, INT32 or INT64 (BYTES for a categorical feature).");
        }
        throw new InvalidInputException("v2-unknown-datatype", "Input '" + tensor + "' has the unknown datatype '"
                + name + "'; feature values must be FP32, FP64, INT32 or INT64 (BYTES for a categorical feature).");
    }

    /**
     * Checks one element already widened to a double: finite, within the type's range, and whole for the
     * integer types. {@code index} is its position in the flat tensor, for the message.
     */
    public double check(String tensor, int index, double value) {
        boolean fits = switch (this) {
            case FP64 -> Double.isFinite(value);
            case FP32 -> Double.isFinite(value) && Math.abs(value) <= Float.MAX_VALUE;
            case INT32 -> value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            case INT64 -> value == Math.rint(value) && Math.abs(value) <= 0x1p63;
            case BYTES -> throw new IllegalStateException("BYTES elements are strings, not numbers");
        };
        if (!fits) {
            throw new InvalidInputException("v2-invalid-value", "Input '" + tensor + "', element " + index
                    + ": the value is not " + (this == FP32 || this == FP64 ? "a finite " + name() + " number"
                            : "an " + name() + " integer") + ".");
        }
        return value;
    }
}
