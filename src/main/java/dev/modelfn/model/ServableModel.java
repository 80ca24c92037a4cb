package dev.modelfn.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tribuo.Model;

/**
 * One loaded, checked, immutable model version, ready to predict. The HTTP, event and Lambda
 * surfaces reach Tribuo only through this type.
 */
public abstract sealed class ServableModel permits ClassifierModel, RegressorModel {

    private final ModelMetadata metadata;
    final FeatureSchema schema;

    ServableModel(ModelMetadata metadata) {
        this.metadata = metadata;
        this.schema = new FeatureSchema(metadata.features());
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String name() {
        return metadata.name();
    }

    public String version() {
        return metadata.version();
    }

    /** Predictions for {@code rows}, in their order. Bad rows throw {@code InvalidInputException}. */
    public abstract List<PredictionResult> predict(List<FeatureRow> rows, FeaturePolicy policy);

    /**
     * The {@code n} features with the largest weights for each output (class label, or regression
     * dimension), as Tribuo reports them; for a standardised model the weights apply to standardised
     * values, so they compare across features.
     */
    public Map<String, List<FeatureWeight>> topFeatures(int n) {
        Map<String, List<FeatureWeight>> top = new LinkedHashMap<>();
        tribuoModel().getTopFeatures(n).forEach((output, pairs) -> top.put(output,
                pairs.stream().map(p -> new FeatureWeight(p.getA(), p.getB())).toList()));
        return top;
    }

    abstract Model<?> tribuoModel();
}
