package dev.modelfn.train;

import java.util.Set;
import java.util.TreeMap;

import org.tribuo.Model;
import org.tribuo.provenance.ModelProvenance;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

/**
 * A model's trainer and dataset provenance as flat path → value entries, without the entries that differ
 * between any two trainings (when they ran), so two models trained alike have equal entries.
 */
final class ProvenanceEntries {

    /** Wall-clock times: when the data source was read and the model trained. */
    private static final Set<String> WHEN = Set.of("datasource-creation-time", "trained-at");

    private ProvenanceEntries() {
    }

    static TreeMap<String, String> of(Model<?> model) {
        ModelProvenance provenance = model.getProvenance();
        TreeMap<String, String> entries = new TreeMap<>();
        add("trainer", provenance.getTrainerProvenance(), entries);
        add("dataset", provenance.getDatasetProvenance(), entries);
        return entries;
    }

    private static void add(String path, Provenance provenance, TreeMap<String, String> entries) {
        if (provenance instanceof ObjectProvenance object) {
            entries.put(path + "@class", object.getClassName());
            for (Pair<String, Provenance> field : object) {
                if (!WHEN.contains(field.getA())) {
                    add(path + "/" + field.getA(), field.getB(), entries);
                }
            }
        } else if (provenance instanceof ListProvenance<?> list) {
            int i = 0;
            for (Provenance element : list) {
                add(path + "[" + i++ + "]", element, entries);
            }
            entries.put(path + "@size", Integer.toString(i));
        } else if (provenance instanceof MapProvenance<?> map) {
            for (Pair<String, ? extends Provenance> entry : map) {
                add(path + "{" + entry.getA() + "}", entry.getB(), entries);
            }
        } else if (provenance instanceof PrimitiveProvenance<?> primitive) {
            entries.put(path, String.valueOf(primitive.getValue()));
        } else {
            entries.put(path, String.valueOf(provenance));
        }
    }
}
