package dev.modelfn.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Turns stored bytes into a {@link ServableModel}, refusing anything that must not serve. Only
 * Tribuo's protobuf format is accepted: Java object deserialization is never used on stored bytes.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static ServableModel load(ModelMetadata metadata, byte[] bytes) throws ModelLoadException {
        checkMetadata(metadata);
        String actual = Checksums.sha256(bytes);
        if (!actual.equalsIgnoreCase(metadata.sha256())) {
            throw new ModelLoadException("model.tribuo fails its checksum (metadata says sha256 "
                    + metadata.sha256() + ", the file has " + actual + ")");
        }
        Model<?> model = parse(bytes);
        ServableModel servable = switch (metadata.task()) {
            case CLASSIFICATION -> classifier(metadata, model);
            case REGRESSION -> regressor(metadata, model);
        };
        checkFeatures(metadata, model);
        return servable;
    }

    private static Model<?> parse(byte[] bytes) throws ModelLoadException {
        try {
            return Model.deserialize(ModelProto.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new ModelLoadException("model.tribuo is not a Tribuo protobuf model: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ModelLoadException("model.tribuo could not be read by Tribuo: " + e, e);
        }
    }

    private static ServableModel classifier(ModelMetadata metadata, Model<?> model) throws ModelLoadException {
        if (!model.validate(Label.class)) {
            throw new ModelLoadException("metadata says classification but the model predicts "
                    + model.getOutputIDInfo().getDomain().getClass().getSimpleName());
        }
        Model<Label> typed = model.castModel(Label.class);
        Set<String> labels = new HashSet<>();
        typed.getOutputIDInfo().getDomain().forEach(label -> labels.add(label.getLabel()));
        if (!labels.equals(new HashSet<>(metadata.outputs()))) {
            throw new ModelLoadException("metadata outputs " + metadata.outputs() + " differ from the model's labels " + labels);
        }
        return new ClassifierModel(metadata, typed);
    }

    private static ServableModel regressor(ModelMetadata metadata, Model<?> model) throws ModelLoadException {
        if (!model.validate(Regressor.class)) {
            throw new ModelLoadException("metadata says regression but the model is not a regressor");
        }
        Model<Regressor> typed = model.castModel(Regressor.class);
        Set<String> dimensions = new HashSet<>();
        typed.getOutputIDInfo().getDomain().forEach(r -> dimensions.addAll(List.of(r.getNames())));
        if (!dimensions.equals(new HashSet<>(metadata.outputs()))) {
            throw new ModelLoadException("metadata outputs " + metadata.outputs() + " differ from the model's dimensions " + dimensions);
        }
        return new RegressorModel(metadata, typed);
    }

    private static void checkMetadata(ModelMetadata metadata) throws ModelLoadException {
        if (metadata.task() == null || metadata.sha256() == null || metadata.features() == null
                || metadata.features().isEmpty() || metadata.outputs() == null || metadata.outputs().isEmpty()) {
            throw new ModelLoadException("metadata.json lacks task, sha256, features or outputs");
        }
        if (metadata.categories() != null) {
            for (var entry : metadata.categories().entrySet()) {
                if (!metadata.features().contains(entry.getKey()) || entry.getValue() == null || entry.getValue().isEmpty()) {
                    throw new ModelLoadException("metadata.json lists categories for '" + entry.getKey()
                            + "', which is not a feature or has none");
                }
            }
        }
    }

    private static void checkFeatures(ModelMetadata metadata, Model<?> model) throws ModelLoadException {
        Set<String> declared = new HashSet<>(metadata.features());
        if (metadata.categories() != null) {
            metadata.categories().forEach((feature, categories) -> {
                categories.forEach(category -> declared.add(Categories.indicator(feature, category)));
            });
        }
        for (VariableInfo info : model.getFeatureIDMap()) {
            if (!declared.contains(info.getName())) {
                throw new ModelLoadException("the model uses feature '" + info.getName() + "' that metadata.json does not list");
            }
        }
    }
}
