package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

class TribuoDatasetsTest {

    private static List<String> features(Example<?> example) {
        List<String> named = new ArrayList<>();
        for (Feature feature : example) {
            named.add(feature.getName() + "=" + feature.getValue());
        }
        return named;
    }

    @Test
    void columnsOutOfNameOrderBecomeSortedFeaturesWithTheirOwnValues() {
        TabularData data = new TabularData(List.of("zeta", "alpha", "mu"), "label",
                new double[][] {{1, 2, 3}, {4, 5, 6}}, new String[] {"x", "y"}, null);
        MutableDataset<Label> dataset = TribuoDatasets.classification(data, new int[] {1, 0}, "test");
        assertThat(features(dataset.getExample(0))).containsExactly("alpha=5.0", "mu=6.0", "zeta=4.0");
        assertThat(features(dataset.getExample(1))).containsExactly("alpha=2.0", "mu=3.0", "zeta=1.0");
        assertThat(dataset.getExample(0).getOutput().getLabel()).isEqualTo("y");
        assertThat(dataset.isDense()).isTrue();
        assertThat(data.rows()[0]).containsExactly(1, 2, 3);
    }

    @Test
    void regressionExamplesCarryTheirTargets() {
        TabularData data = new TabularData(List.of("a", "b"), "y", new double[][] {{1, 2}, {3, 4}},
                new String[] {"0.5", "1.5"}, new double[] {0.5, 1.5});
        MutableDataset<Regressor> dataset = TribuoDatasets.regression(data, TribuoDatasets.all(data), "test");
        assertThat(dataset.getExample(1).getOutput().getValues()).containsExactly(1.5);
        assertThat(features(dataset.getExample(1))).containsExactly("a=3.0", "b=4.0");
    }

    @Test
    void aFeatureNamedTwiceIsRefusedByTribuoAsBefore() {
        TabularData data = new TabularData(List.of("a", "a"), "label", new double[][] {{1, 2}}, new String[] {"x"}, null);
        assertThatThrownBy(() -> TribuoDatasets.classification(data, new int[] {0}, "test"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
