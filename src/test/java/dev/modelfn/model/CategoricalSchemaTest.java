package dev.modelfn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import dev.modelfn.problem.InvalidInputException;

/** Rows with categorical features become examples of numeric features plus one indicator per categorical feature. */
class CategoricalSchemaTest {

    private static final Map<String, List<String>> CATEGORIES = Map.of("plan", List.of("basic", "enterprise", "pro"),
            "zone", List.of("n", "s"));
    private static final List<String> FEATURES = List.of("zone", "b", "plan", "a");
    private static final FeatureSchema SCHEMA = new FeatureSchema(FEATURES, Map.of("b", 0.5), used(), CATEGORIES);

    private static Set<String> used() {
        Set<String> used = new HashSet<>(List.of("a", "b"));
        CATEGORIES.forEach((f, cs) -> cs.forEach(c -> used.add(Categories.indicator(f, c))));
        return used;
    }

    @Test
    void randomRowsGiveSortedExamplesWithOneIndicatorPerCategoricalFeature() {
        Random random = new Random(12);
        String[] plans = { "basic", "enterprise", "pro", "platinum", " pro ", "" };
        for (int trial = 0; trial < 2_000; trial++) {
            FeatureRow row = new FeatureRow();
            double a = random.nextGaussian();
            row.add("a", a);
            Double b = null;
            if (random.nextBoolean()) {
                b = random.nextDouble();
                row.add("b", b);
            } else if (random.nextBoolean()) {
                row.add("b", Double.NaN);
            }
            String plan = null;
            switch (random.nextInt(3)) {
                case 0 -> {
                    plan = plans[random.nextInt(plans.length)];
                    row.add("plan", plan);
                }
                case 1 -> row.add("plan", (String) null);
                default -> {
                    // absent
                }
            }
            String zone = random.nextBoolean() ? "s" : "w";
            row.add("zone", zone);
            int[] unseen = SCHEMA.unseenCounter();
            Example<Label> example = SCHEMA.example(row, 0, LabelFactory.UNKNOWN_LABEL, FeaturePolicy.STRICT, unseen);

            List<String> names = new ArrayList<>();
            for (Feature feature : example) {
                names.add(feature.getName());
            }
            assertThat(names).isSorted().doesNotHaveDuplicates();
            assertThat(value(example, "a")).isEqualTo(a);
            assertThat(value(example, "b")).isEqualTo(b == null ? 0.5 : b);
            boolean knownPlan = plan != null && CATEGORIES.get("plan").contains(plan.strip());
            assertThat(names.stream().filter(n -> n.startsWith("plan=")).toList())
                    .containsExactly(knownPlan ? "plan=" + plan.strip() : "plan=basic");
            assertThat(value(example, knownPlan ? "plan=" + plan.strip() : "plan=basic")).isEqualTo(knownPlan ? 1.0 : 0.0);
            assertThat(value(example, zone.equals("s") ? "zone=s" : "zone=n")).isEqualTo(zone.equals("s") ? 1.0 : 0.0);
            int plans0 = plan != null && !plan.isBlank() && !knownPlan ? 1 : 0;
            int[] counted = new int[2];
            SCHEMA.report(unseen, (feature, rows) -> counted[feature.equals("plan") ? 0 : 1] += rows);
            assertThat(counted[0]).isEqualTo(plans0);
            assertThat(counted[1]).isEqualTo(zone.equals("w") ? 1 : 0);
        }
    }

    @Test
    void aNumberForACategoricalFeatureAndAStringForANumericOneAreRefused() {
        FeatureRow number = new FeatureRow();
        number.add("a", 1);
        number.add("plan", 2);
        assertThatThrownBy(() -> SCHEMA.example(number, 3, LabelFactory.UNKNOWN_LABEL, FeaturePolicy.STRICT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Row 3, feature 'plan'");
        assertThatThrownBy(() -> SCHEMA.checkKinds(List.of(number))).isInstanceOf(InvalidInputException.class);
        FeatureRow text = new FeatureRow();
        text.add("a", "1");
        assertThatThrownBy(() -> SCHEMA.example(text, 0, LabelFactory.UNKNOWN_LABEL, FeaturePolicy.STRICT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("feature 'a': the value is a string");
        assertThatThrownBy(() -> SCHEMA.checkKinds(List.of(text))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aSchemaWithoutCategoricalFeaturesKeepsItsSharedNames() {
        FeatureSchema numeric = new FeatureSchema(List.of("y", "x"), null, Set.of("x", "y"), null);
        assertThat(numeric.unseenCounter()).isNull();
        FeatureRow row = new FeatureRow();
        row.add("y", 1);
        row.add("x", 2);
        Example<Label> first = numeric.example(row, 0, LabelFactory.UNKNOWN_LABEL, FeaturePolicy.STRICT);
        assertThat(first).isInstanceOf(SortedExample.class);
        assertThat(first.size()).isEqualTo(2);
    }

    private static double value(Example<Label> example, String name) {
        for (Feature feature : example) {
            if (feature.getName().equals(name)) {
                return feature.getValue();
            }
        }
        throw new AssertionError(name + " not in " + example);
    }
}
