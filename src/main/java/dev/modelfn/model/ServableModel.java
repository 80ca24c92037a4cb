package dev.modelfn.model;

import java.util.List;

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

    abstract Model<?> tribuoModel();
}
