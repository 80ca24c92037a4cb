package dev.modelfn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NamedValuesTest {

    private final NamedValues scores = new NamedValues(List.of("setosa", "versicolor", "virginica"),
            new double[] { 0.9, 0.075, 0.025 });

    @Test
    void isTheMapOfItsNamesToItsValuesInOrder() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("setosa", 0.9);
        expected.put("versicolor", 0.075);
        expected.put("virginica", 0.025);
        assertThat(scores).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(scores.keySet()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(scores.values()).containsExactly(0.9, 0.075, 0.025);
        assertThat(scores.get("versicolor")).isEqualTo(0.075);
        assertThat(scores.get("tulip")).isNull();
        assertThat(scores.containsKey("virginica")).isTrue();
        assertThat(scores.name(2)).isEqualTo("virginica");
        assertThat(scores.value(0)).isEqualTo(0.9);
    }

    @Test
    void cannotBeChanged() {
        assertThatThrownBy(() -> scores.put("tulip", 1.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> scores.entrySet().iterator().next().setValue(1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
