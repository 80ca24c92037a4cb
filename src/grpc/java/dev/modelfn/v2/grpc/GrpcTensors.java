package dev.modelfn.v2.grpc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import dev.modelfn.problem.InvalidInputException;
import dev.modelfn.v2.Datatype;
import dev.modelfn.v2.InputTensor;
import dev.modelfn.v2.OutputTensor;

/**
 * Reads gRPC input tensors from {@code contents} or {@code raw_input_contents} (little-endian, as Triton's
 * clients send them) and writes the answer's tensors to {@code raw_output_contents} as Triton does: numbers
 * little-endian, each BYTES element as a 4-byte little-endian length and its UTF-8 bytes.
 */
final class GrpcTensors {

    private GrpcTensors() {
    }

    static List<InputTensor> decode(ModelInferRequest request) {
        int raw = request.getRawInputContentsCount();
        if (raw > 0 && raw != request.getInputsCount()) {
            throw new InvalidInputException("v2-raw-mismatch", "The request has " + request.getInputsCount()
                    + " inputs but " + raw + " raw_input_contents; send one per input, in the same order.");
        }
        List<InputTensor> tensors = new ArrayList<>(request.getInputsCount());
        for (int i = 0; i < request.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor input = request.getInputs(i);
            String name = input.getName();
            if (name.isEmpty()) {
                throw new InvalidInputException("v2-missing-name", "Input " + i + " has no name.");
            }
            Datatype type = Datatype.of(name, input.getDatatype().isEmpty() ? null : input.getDatatype());
            long[] shape = input.getShapeList().stream().mapToLong(Long::longValue).toArray();
            int elements = InputTensor.elements(name, shape);
            if (raw > 0 && input.hasContents()) {
                throw new InvalidInputException("v2-raw-and-contents", "Input '" + name
                        + "' has contents while the request sends raw_input_contents; send one or the other.");
            }
            if (type == Datatype.BYTES) {
                String[] texts = raw > 0 ? textsFromRaw(name, elements, request.getRawInputContents(i))
                        : textsFromContents(input.getContents());
                InputTensor.requireLength(name, shape, texts.length);
                tensors.add(InputTensor.ofTexts(name, shape, texts));
                continue;
            }
            double[] values = raw > 0 ? fromRaw(name, type, elements, request.getRawInputContents(i))
                    : fromContents(name, type, input.getContents());
            InputTensor.requireLength(name, shape, values.length);
            for (int e = 0; e < values.length; e++) {
                type.check(name, e, values[e]);
            }
            tensors.add(new InputTensor(name, type, shape, values));
        }
        return tensors;
    }

    private static double[] fromRaw(String name, Datatype type, int elements, ByteString bytes) {
        int width = type == Datatype.FP32 || type == Datatype.INT32 ? 4 : 8;
        if (bytes.size() != (long) elements * width) {
            throw new InvalidInputException("v2-shape-mismatch", "Input '" + name + "' is " + type + " with "
                    + elements + " elements, " + (long) elements * width + " bytes, but its raw contents are "
                    + bytes.size() + " bytes.");
        }
        ByteBuffer in = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[elements];
        for (int e = 0; e < elements; e++) {
            values[e] = switch (type) {
                case FP32 -> in.getFloat();
                case FP64 -> in.getDouble();
                case INT32 -> in.getInt();
                case INT64 -> in.getLong();
                case BYTES -> throw new IllegalStateException("BYTES is read as text");
            };
        }
        return values;
    }

    private static double[] fromContents(String name, Datatype type, InferTensorContents contents) {
        return switch (type) {
            case FP32 -> {
                double[] values = new double[contents.getFp32ContentsCount()];
                for (int e = 0; e < values.length; e++) {
                    values[e] = contents.getFp32Contents(e);
                }
                yield values;
            }
            case FP64 -> contents.getFp64ContentsList().stream().mapToDouble(Double::doubleValue).toArray();
            case INT32 -> contents.getIntContentsList().stream().mapToDouble(Integer::doubleValue).toArray();
            case INT64 -> contents.getInt64ContentsList().stream().mapToDouble(Long::doubleValue).toArray();
            case BYTES -> throw new IllegalStateException("BYTES is read as text");
        };
    }

    private static String[] textsFromContents(InferTensorContents contents) {
        String[] texts = new String[contents.getBytesContentsCount()];
        for (int e = 0; e < texts.length; e++) {
            texts[e] = contents.getBytesContents(e).toStringUtf8();
        }
        return texts;
    }

    /** Raw BYTES as Triton's clients send them: each element a 4-byte little-endian length, then its UTF-8 bytes. */
    private static String[] textsFromRaw(String name, int elements, ByteString bytes) {
        ByteBuffer in = bytes.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        String[] texts = new String[elements];
        for (int e = 0; e < elements; e++) {
            int length = in.remaining() >= 4 ? in.getInt() : -1;
            if (length < 0 || length > in.remaining()) {
                throw new InvalidInputException("v2-shape-mismatch", "Input '" + name + "' is BYTES with " + elements
                        + " elements, but its raw contents end inside element " + e + ".");
            }
            byte[] text = new byte[length];
            in.get(text);
            texts[e] = new String(text, StandardCharsets.UTF_8);
        }
        if (in.hasRemaining()) {
            throw new InvalidInputException("v2-shape-mismatch", "Input '" + name + "' is BYTES with " + elements
                    + " elements, but its raw contents hold more.");
        }
        return texts;
    }

    /** Adds {@code tensors} to {@code response}: their descriptions to outputs, their elements to raw_output_contents. */
    static void encode(List<OutputTensor> tensors, ModelInferResponse.Builder response) {
        for (OutputTensor tensor : tensors) {
            ModelInferResponse.InferOutputTensor.Builder output = ModelInferResponse.InferOutputTensor.newBuilder()
                    .setName(tensor.name()).setDatatype(tensor.datatype());
            for (long dimension : tensor.shape()) {
                output.addShape(dimension);
            }
            for (Map.Entry<String, String> parameter : tensor.parameters().entrySet()) {
                output.putParameters(parameter.getKey(), InferParameter.newBuilder().setStringParam(parameter.getValue()).build());
            }
            response.addOutputs(output);
            response.addRawOutputContents(tensor.texts() != null ? texts(tensor.texts()) : numbers(tensor.numbers()));
        }
    }

    private static ByteString texts(String[] texts) {
        byte[][] encoded = new byte[texts.length][];
        int size = 0;
        for (int i = 0; i < texts.length; i++) {
            encoded[i] = texts[i].getBytes(StandardCharsets.UTF_8);
            size += 4 + encoded[i].length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        for (byte[] text : encoded) {
            out.putInt(text.length).put(text);
        }
        return ByteString.copyFrom(out.array());
    }

    private static ByteString numbers(double[] numbers) {
        ByteBuffer out = ByteBuffer.allocate(numbers.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double number : numbers) {
            out.putDouble(number);
        }
        return ByteString.copyFrom(out.array());
    }
}
