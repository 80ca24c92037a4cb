package dev.modelfn.train;

import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.transform.TransformerMap;

/**
 * A dataset whose examples were built from cells already standardised ({@link Standardisation}); its provenance
 * lists the transformer map, as a {@link MutableDataset} transformed by Tribuo lists it.
 */
final class StandardisedDataset<T extends Output<T>> extends MutableDataset<T> {

    StandardisedDataset(DataProvenance provenance, OutputFactory<T> factory) {
        super(provenance, factory);
    }

    void transformedBy(TransformerMap map) {
        transformProvenances.add(map.getProvenance());
    }
}
