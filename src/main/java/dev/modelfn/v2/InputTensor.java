package dev.modelfn.v2;

import java.util.Arrays;

import dev.modelfn.problem.InvalidInputException;

/**
 * One input tensor of an inference request, whatever the wire: its elements flat in row-major order,
 * widened to doubles ({@code values}) or, for BYTES, as strings ({@code texts}); the other is null. Checked
 * against its shape.
 */
public record InputTensor(String name, Datatype datatype, long[] shape, double[] values, String[] texts) {

    /** A numeric tensor. */
    public InputTensor(String name, Datatype datatype, long[] shape, double[] values) {
        this(name, datatype, shape, values, null);
    }

    /** A BYTES tensor. */
    public static InputTensor ofTexts(String name, long[] shape, String[] texts) {
        return new InputTensor(name, Datatype.BYTES, shape, null, texts);
    }

    /** The elements {@code shape} holds; 400 for a negative dimension or one that cannot be a request's. */
    public static int elements(String name, long[] shape) {
        if (shape == null || shape.length == 0) {
            throw new InvalidInputException("v2-wrong-rank", "Input '" + name + "' has no shape.");
        }
        long count = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new InvalidInputException("v2-invalid-shape", "Input '" + name + "' has the shape "
                        + Arrays.toString(shape) + "; dimensions cannot be negative.");
            }
            count *= dimension;
            if (count > Integer.MAX_VALUE) {
                throw new InvalidInputException("v2-invalid-shape", "Input '" + name + "' has the shape "
                        + Arrays.toString(shape) + ", more elements than any request can carry.");
            }
        }
        return (int) count;
    }

    /** The data length must be what the shape says. */
    public static void requireLength(String name, long[] shape, int length) {
        int expected = elements(name, shape);
        if (length != expected) {
            throw new InvalidInputException("v2-shape-mismatch", "Input '" + name + "' has shape "
                    + Arrays.toString(shape) + " (" + expected + " elements) but " + length + " elements of data.");
        }
    }

    public InputTensor {
        requireLength(name, shape, values != null ? values.length : texts.length);
    }
}
