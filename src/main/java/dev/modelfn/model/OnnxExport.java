package dev.modelfn.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.Transformer;
import org.tribuo.transform.TransformerMap;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A model version as an ONNX model that takes what {@code /predict} takes: one float tensor {@code input} of shape
 * [N, F], its columns the model's features in training order ({@link #features()}). Inside the graph, in order: the
 * columns the linear model uses are picked out in its own order; a NaN (a missing value) becomes the training mean
 * where training saw missing values in that column; standardisation, for a standardised model; then Tribuo's own
 * export of the linear model. The one output, {@code output} [N, K], holds the probabilities (logistic) or scores
 * (hinge) of the classes in {@link #outputs()} order, or the values of the regression targets in that order.
 */
public final class OnnxExport {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    private static final String DOMAIN = "dev.modelfn";

    private final List<String> features;
    private final List<String> outputs;
    private final byte[] bytes;

    private OnnxExport(List<String> features, List<String> outputs, byte[] bytes) {
        this.features = features;
        this.outputs = outputs;
        this.bytes = bytes;
    }

    /** The input's columns, in order. */
    public List<String> features() {
        return features;
    }

    /** The output's columns, in order: class labels, or regression target names. */
    public List<String> outputs() {
        return outputs;
    }

    /** The serialized ONNX ModelProto. */
    public byte[] bytes() {
        return bytes;
    }

    static <T extends Output<T>> OnnxExport of(ModelMetadata metadata, Model<T> model, long modelVersion) {
        Model<T> linear = model;
        TransformerMap transformers = null;
        if (model instanceof TransformedModel<T> transformed) {
            linear = transformed.getInnerModel();
            transformers = transformed.getTransformerMap();
        }
        if (!(linear instanceof ONNXExportable exportable)) {
            throw new IllegalStateException(linear.getClass().getName() + " has no ONNX export");
        }
        List<String> columns = metadata.features();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            column.put(columns.get(i), i);
        }
        int used = linear.getFeatureIDMap().size();
        long[] picked = new long[used];
        double[] fill = new double[used];
        double[] scale = new double[used];
        double[] offset = new double[used];
        boolean anyFill = false;
        for (int id = 0; id < used; id++) {
            String name = linear.getFeatureIDMap().get(id).getName();
            picked[id] = column.get(name);
            Double mean = metadata.missingValues() == null ? null : metadata.missingValues().get(name);
            fill[id] = mean == null ? Double.NaN : mean;
            anyFill |= mean != null;
            List<Transformer> list = transformers == null ? null : transformers.get(name);
            // the transformations are affine (MeanStdDevTransformation): y = offset + scale * x
            offset[id] = list == null ? 0.0 : TransformerMap.applyTransformerList(0.0, list);
            scale[id] = list == null ? 1.0 : TransformerMap.applyTransformerList(1.0, list) - offset[id];
        }
        String[] outputNames = new String[linear.getOutputIDInfo().size()];
        for (Pair<Integer, T> entry : linear.getOutputIDInfo()) {
            // a class label; a regression model has one target, named in the metadata
            outputNames[entry.getA()] = entry.getB() instanceof Label label ? label.getLabel()
                    : metadata.outputs().get(entry.getA());
        }

        ONNXContext onnx = new ONNXContext();
        onnx.setName("modelfn-" + metadata.name() + "-" + metadata.version());
        ONNXPlaceholder input = onnx.floatInput(INPUT, columns.size());
        ONNXPlaceholder output = onnx.floatOutput(OUTPUT, outputNames.length);
        ONNXRef<?> x = input.apply(ONNXOperators.GATHER, onnx.array("modelfn_columns", picked), Map.of("axis", 1));
        if (anyFill) {
            // NaN >= -inf is false, every number is >= -inf
            ONNXNode present = x.apply(ONNXOperators.GREATER_OR_EQUAL, onnx.constant("modelfn_neg_inf", Float.NEGATIVE_INFINITY));
            x = onnx.operation(ONNXOperators.WHERE, List.of(present, x, onnx.array("modelfn_fill", fill)), "modelfn_filled");
        }
        if (transformers != null) {
            x = x.apply(ONNXOperators.MUL, onnx.array("modelfn_scale", scale))
                    .apply(ONNXOperators.ADD, onnx.array("modelfn_offset", offset));
        }
        exportable.writeONNXGraph(x).assignTo(output);
        Provenancable<ModelProvenance> provenanced = linear;
        byte[] bytes = ONNXExportable.buildModel(onnx, DOMAIN, modelVersion, provenanced).toByteArray();
        return new OnnxExport(List.copyOf(columns), List.of(outputNames), bytes);
    }
}
