package dev.modelfn.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.Transformer;
import org.tribuo.transform.TransformerMap;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import ai.onnx.proto.OnnxMl;

import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A model version as an ONNX model that takes what {@code /predict} takes: one float tensor {@code input} of shape
 * [N, F], its columns the model's features in training order ({@link #features()}; a categorical feature as
 * one 0/1 column per category). Inside the graph, in order: the
 * columns the linear model uses are picked out in its own order; a NaN (a missing value) becomes the training mean
 * where training saw missing values in that column; standardisation, for a standardised model; then Tribuo's own
 * export of the linear model. The one output, {@code output} [N, K], holds the probabilities (logistic) or scores
 * (hinge) of the classes in {@link #outputs()} order, or the values of the regression targets in that order.
 */
public final class OnnxExport {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    private static final String DOMAIN = "dev.modelfn";
    /** The ONNX IR version Tribuo 4.3 writes. */
    private static final long IR_VERSION = 6;
    /** The ONNX model_version field; a modelfn version is named in the metadata properties instead. */
    private static final long MODEL_VERSION = 1;

    private final List<String> features;
    private final List<String> outputs;
    private final Supplier<byte[]> build;
    private volatile byte[] bytes;

    private OnnxExport(List<String> features, List<String> outputs, Supplier<byte[]> build) {
        this.features = features;
        this.outputs = outputs;
        this.build = build;
    }

    /** The input's columns, in order. */
    public List<String> features() {
        return features;
    }

    /** The output's columns, in order: class labels, or regression target names. */
    public List<String> outputs() {
        return outputs;
    }

    /** The serialized ONNX ModelProto, built on first use. */
    public byte[] bytes() {
        byte[] built = bytes;
        if (built == null) {
            built = build.get();
            bytes = built;
        }
        return built;
    }

    private static byte[] graph(ModelMetadata metadata, ONNXExportable exportable,
            TransformerMap transformers, int columnCount, int outputCount, long[] picked, double[] fill, double[] scale,
            double[] offset) {
        ONNXContext onnx = new ONNXContext();
        onnx.setName("modelfn-" + metadata.name() + "-" + metadata.version());
        ONNXPlaceholder input = onnx.floatInput(INPUT, columnCount);
        ONNXPlaceholder output = onnx.floatOutput(OUTPUT, outputCount);
        ONNXRef<?> x = input.apply(ONNXOperators.GATHER, onnx.array("modelfn_columns", picked), Map.of("axis", 1));
        if (fill != null) {
            // NaN >= -inf is false, every number is >= -inf
            ONNXNode present = x.apply(ONNXOperators.GREATER_OR_EQUAL, onnx.constant("modelfn_neg_inf", Float.NEGATIVE_INFINITY));
            x = onnx.operation(ONNXOperators.WHERE, List.of(present, x, onnx.array("modelfn_fill", fill)), "modelfn_filled");
        }
        if (transformers != null) {
            x = x.apply(ONNXOperators.MUL, onnx.array("modelfn_scale", scale))
                    .apply(ONNXOperators.ADD, onnx.array("modelfn_offset", offset));
        }
        exportable.writeONNXGraph(x).assignTo(output);
        // as ONNXExportable.buildModel, without Tribuo's provenance (its protobuf form is read by reflection)
        return OnnxMl.ModelProto.newBuilder().setGraph(onnx.buildGraph()).setDomain(DOMAIN)
                .setProducerName("modelfn").setProducerVersion(Tribuo.VERSION).setModelVersion(MODEL_VERSION)
                .addOpsetImport(ONNXOperators.getOpsetProto()).setIrVersion(IR_VERSION)
                .setDocString("Model " + metadata.name() + ", version " + metadata.version())
                .addMetadataProps(property("modelfn.model", metadata.name()))
                .addMetadataProps(property("modelfn.version", metadata.version()))
                .addMetadataProps(property("modelfn.sha256", metadata.sha256() == null ? "" : metadata.sha256()))
                .build().toByteArray();
    }

    private static OnnxMl.StringStringEntryProto property(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    /**
     * The input's columns: the features in training order, a categorical one as its indicators ({@code plan=pro}),
     * one per category seen in training, in sorted order; the caller sends 1 for the row's category, 0 for the others
     * (all 0 for a missing or unseen one).
     */
    private static List<String> columns(ModelMetadata metadata) {
        if (metadata.categories() == null || metadata.categories().isEmpty()) {
            return metadata.features();
        }
        List<String> columns = new ArrayList<>();
        for (String feature : metadata.features()) {
            List<String> categories = metadata.categories().get(feature);
            if (categories == null) {
                columns.add(feature);
            } else {
                categories.forEach(category -> columns.add(Categories.indicator(feature, category)));
            }
        }
        return columns;
    }

    /** The export of {@code model}, described by {@code metadata}: what train writes as model.onnx. */
    public static <T extends Output<T>> OnnxExport of(ModelMetadata metadata, Model<T> model) {
        Model<T> linear = model;
        TransformerMap transformers = null;
        if (model instanceof TransformedModel<T> transformed) {
            linear = transformed.getInnerModel();
            transformers = transformed.getTransformerMap();
        }
        if (!(linear instanceof ONNXExportable exportable)) {
            throw new IllegalStateException(linear.getClass().getName() + " has no ONNX export");
        }
        List<String> columns = columns(metadata);
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
            Integer at = column.get(name);
            if (at == null) {
                throw new IllegalStateException("Feature " + name + " of the model is no input column");
            }
            picked[id] = at;
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

        TransformerMap map = transformers;
        double[] fills = anyFill ? fill : null;
        int outputCount = outputNames.length;
        Supplier<byte[]> build = () -> graph(metadata, exportable, map, columns.size(), outputCount, picked, fills,
                scale, offset);
        return new OnnxExport(List.copyOf(columns), List.of(outputNames), build);
    }
}
