package dev.modelfn.train;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Tribuo;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.protos.core.TransformedModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.transform.TransformStatistics;
import org.tribuo.transform.TransformedModel;
import org.tribuo.transform.Transformer;
import org.tribuo.transform.TransformerMap;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

import com.google.protobuf.Any;

/**
 * Mean/std-dev standardisation done on the table itself instead of inside Tribuo's {@code TransformTrainer},
 * which fits on the dataset and then trains on a transformed deep copy of it. Here the statistics are
 * Tribuo's own ({@link MeanStdDevTransformation}'s, fed each training value in dataset order), the cells are
 * standardised in place with the transformers they give, and the model is the {@link TransformedModel} that
 * {@code TransformTrainer} builds: the inner model with the same transformer map, so predict standardises raw
 * values exactly as before. Its provenance is the one {@code TransformTrainer} records (its configuration,
 * the dataset with the transformation applied), the dataset's class being {@link StandardisedDataset}.
 */
final class Standardisation {

    /** No standardisation: the table is left alone and the model is the trainer's. */
    static final Standardisation NONE = new Standardisation(null, List.of(), new int[0], new Transformer[0]);

    private final TransformationMap transformations;
    private final List<String> names;
    private final int[] columns;
    private final Transformer[] transformers;

    private Standardisation(TransformationMap transformations, List<String> names, int[] columns,
            Transformer[] transformers) {
        this.transformations = transformations;
        this.names = names;
        this.columns = columns;
        this.transformers = transformers;
    }

    /**
     * Fits on the training rows, in their order.
     *
     * @param standardised the features to standardise, or null for every numeric feature not {@code dropped}
     *                     (an empty list is no standardisation, as {@link LinearTrainers#transformations} has it)
     */
    static Standardisation fit(TabularData data, int[] trainRows, List<String> standardised, Set<String> dropped) {
        TransformationMap transformations = LinearTrainers.transformations(standardised);
        if (transformations == null) {
            return NONE;
        }
        List<String> names = standardised != null ? standardised
                : data.features().stream().filter(f -> !dropped.contains(f)).toList();
        int[] columns = names.stream().mapToInt(data.features()::indexOf).toArray();
        TransformStatistics[] statistics = new TransformStatistics[columns.length];
        for (int k = 0; k < columns.length; k++) {
            statistics[k] = new MeanStdDevTransformation().createStats();
        }
        for (int r : trainRows) {
            double[] row = data.rows()[r];
            for (int k = 0; k < columns.length; k++) {
                statistics[k].observeValue(row[columns[k]]);
            }
        }
        Transformer[] transformers = new Transformer[columns.length];
        for (int k = 0; k < columns.length; k++) {
            transformers[k] = statistics[k].generateTransformer();
        }
        return new Standardisation(transformations, List.copyOf(names), columns, transformers);
    }

    boolean isNone() {
        return transformations == null;
    }

    /** Standardises the columns in every row of {@code data}, training and held-out alike, in place. */
    void apply(TabularData data) {
        for (double[] row : data.rows()) {
            for (int k = 0; k < columns.length; k++) {
                row[columns[k]] = transformers[k].transform(row[columns[k]]);
            }
        }
    }

    /**
     * The transformer map, recorded on {@code dataset} (which holds the rows {@link #apply} standardised) as
     * {@code MutableDataset.transform} records it, so that the inner model trained next has the provenance it
     * has under {@code TransformTrainer}; null for {@link #NONE}.
     */
    <T extends Output<T>> TransformerMap record(StandardisedDataset<T> dataset) {
        if (isNone()) {
            return null;
        }
        Map<String, List<Transformer>> byFeature = new HashMap<>();
        for (int k = 0; k < columns.length; k++) {
            byFeature.put(names.get(k), new ArrayList<>(List.of(transformers[k])));
        }
        TransformerMap map = new TransformerMap(byFeature, dataset.getProvenance(), transformations.getProvenance());
        dataset.transformedBy(map);
        return map;
    }

    /**
     * The model to save: {@code inner}, trained on {@code dataset} after {@link #record}, behind {@code map}.
     * {@code trainer} is the provenance of the trainer {@link LinearTrainers} builds for the same spec (the
     * {@code TransformTrainer} around the inner trainer), taken before the inner trainer ran.
     */
    static <T extends Output<T>> Model<T> model(Model<T> inner, MutableDataset<T> dataset, TransformerMap map,
            TrainerProvenance trainer, Class<T> output) {
        if (map == null) {
            return inner;
        }
        ModelProvenance provenance = new ModelProvenance(TransformedModel.class.getName(), OffsetDateTime.now(),
                dataset.getProvenance(), trainer, Map.of());
        ModelDataCarrier<T> carrier = new ModelDataCarrier<>(inner.getName(), provenance, inner.getFeatureIDMap(),
                inner.getOutputIDInfo(), inner.generatesProbabilities(), Tribuo.VERSION);
        // TransformedModel's constructor is package-private; its saved form is the public way to build one
        TransformedModelProto proto = TransformedModelProto.newBuilder().setMetadata(carrier.serialize())
                .setModel(inner.serialize()).setTransformerMap(map.serialize()).setDensify(false).build();
        ModelProto model = ModelProto.newBuilder().setVersion(TransformedModel.CURRENT_VERSION)
                .setClassName(TransformedModel.class.getName()).setSerializedData(Any.pack(proto)).build();
        return Model.deserialize(model).castModel(output);
    }
}
