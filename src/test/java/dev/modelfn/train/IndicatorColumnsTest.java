package dev.modelfn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** One-hot encoding of training rows: what each example holds, for random tables. */
class IndicatorColumnsTest {

    @Test
    void everyRowHoldsItsNumbersAndOneIndicatorPerCategoricalColumn() {
        Random random = new Random(7);
        List<String> plans = List.of("basic", "enterprise", "pro");
        List<String> zones = List.of("a=b", "n", "s");
        for (int trial = 0; trial < 200; trial++) {
            int n = 5 + random.nextInt(20);
            double[][] rows = new double[n][];
            for (int r = 0; r < n; r++) {
                rows[r] = new double[] { random.nextGaussian(), random.nextInt(5) == 0 ? Double.NaN : random.nextInt(3),
                        random.nextInt(3), 7 };
            }
            // the last row alone has zone "s": it is held out, so the model never learns that category
            int[] train = new int[n - 1];
            Arrays.setAll(train, i -> i);
            for (int r : train) {
                rows[r][2] = Math.min(rows[r][2], 1);
            }
            rows[n - 1][2] = 2;
            rows[0][1] = 0;
            TabularData data = new TabularData(List.of("x", "plan", "zone", "constant"), "y", rows, new String[n], null,
                    new int[4], 0, Arrays.asList(null, plans, zones, null));
            IndicatorColumns columns = new IndicatorColumns(data, train, Set.of("constant"));
            assertThat(columns.numericFeatures()).containsExactly("x");
            assertThat(columns.categories().get("zone")).doesNotContain("s");
            for (int r = 0; r < n; r++) {
                ArrayExample<Label> example = columns.example(new Label("y"), rows[r]);
                List<String> names = new ArrayList<>();
                Map<String, Double> values = new java.util.HashMap<>();
                for (Feature f : example) {
                    names.add(f.getName());
                    values.put(f.getName(), f.getValue());
                }
                assertThat(names).isSorted().doesNotHaveDuplicates().hasSize(3).doesNotContain("constant");
                assertThat(values.get("x")).isEqualTo(rows[r][0]);
                double plan = rows[r][1];
                String planName = plan == plan && columns.categories().get("plan").contains(plans.get((int) plan))
                        ? "plan=" + plans.get((int) plan) : "plan=" + columns.categories().get("plan").get(0);
                assertThat(values).containsEntry(planName, planName.equals("plan=" + (plan == plan ? plans.get((int) plan) : "")) ? 1.0 : 0.0);
                String zone = zones.get((int) rows[r][2]);
                boolean seen = columns.categories().get("zone").contains(zone);
                assertThat(values).containsEntry(seen ? "zone=" + zone : "zone=" + columns.categories().get("zone").get(0),
                        seen ? 1.0 : 0.0);
            }
        }
    }
}
