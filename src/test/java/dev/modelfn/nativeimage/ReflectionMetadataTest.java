package dev.modelfn.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native executable loads, trains and saves models only through the reflection registered in
 * {@code reachability-metadata.json}; nothing checks that on the JVM except this test. A new
 * objective, optimiser, transformation or model type that needs a class not registered fails here,
 * naming what to register (regenerate with {@code ./mvnw -q test-compile exec:java@native-metadata}).
 */
class ReflectionMetadataTest {

    private static ProtoMessageClasses protos;
    private static ReflectionNeeds registered;
    private static Map<String, byte[]> trainable;
    private static Map<String, byte[]> inRepository;

    @BeforeAll
    static void read() throws IOException {
        protos = ProtoMessageClasses.scan();
        registered = ReflectionNeeds.read(ReflectionMetadataGenerator.METADATA);
        trainable = ProductModels.trainable();
        inRepository = ProductModels.inRepository();
    }

    @Test
    void everyModelFileInTheRepositoryIsCovered() {
        assertThat(inRepository).containsKeys("src/test/resources/fixtures/iris/model.tribuo");
        assertThat(inRepository).hasSizeGreaterThanOrEqualTo(3);
        assertThat(uncovered(inRepository)).isEmpty();
    }

    @Test
    void everyConfigurationTheProductCanTrainIsCovered() {
        assertThat(trainable).hasSize(ProductModels.configurations().size()
                + ProductModels.categoricalConfigurations().size());
        assertThat(uncovered(trainable)).isEmpty();
    }

    @Test
    void registersNothingThatNoModelNeeds() {
        ReflectionNeeds derived = ReflectionMetadataGenerator.derive(trainable, inRepository, protos);
        assertThat(derived.lacking(registered)).as("registered but needed by no model").isEmpty();
    }

    @Test
    void walkerFindsWhatLoadingAStandardisedClassifierResolves() {
        byte[] iris = inRepository.get("src/test/resources/fixtures/iris/model.tribuo");
        Map<String, ReflectionEntry> needs = SavedModelWalker.needsOf(iris, protos).entries();

        assertThat(needs.get("org.tribuo.transform.TransformedModel").methods)
                .contains("deserializeFromProto(int,java.lang.String,com.google.protobuf.Any)");
        assertThat(needs.get("org.tribuo.classification.sgd.linear.LinearSGDModel").methods)
                .contains("deserializeFromProto(int,java.lang.String,com.google.protobuf.Any)");
        assertThat(needs.get("org.tribuo.provenance.ModelProvenance").methods).contains("<init>(java.util.Map)");
        assertThat(needs.get("org.tribuo.classification.sgd.protos.ClassificationLinearSGDProto").allPublicMethods).isTrue();
        assertThat(needs.get("org.tribuo.protos.core.ModelDataProto").methods).contains("newBuilder()");
        assertThat(needs.get("org.tribuo.math.optimisers.AdaGrad").allDeclaredFields).isTrue();
        assertThat(needs.get("org.tribuo.math.LinearParameters").allDeclaredFields).isTrue();
        assertThat(needs).containsKey("com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance");
    }

    @Test
    void everyJsonRecordIsRegisteredWithItsRecordComponents() throws IOException {
        assertThat(Files.readString(PayloadRecords.METADATA))
                .as("regenerate with ./mvnw -q test-compile exec:java@native-metadata")
                .isEqualTo(PayloadRecords.derive())
                .contains("dev.modelfn.lifecycle.Payloads$ModelOverview", "dev.modelfn.train.TrainRequest$Data");
    }

    @Test
    void anUnregisteredClassIsReportedByName() {
        ReflectionNeeds needs = new ReflectionNeeds();
        needs.type("org.example.NewModel").methods.add(ReflectionEntry.signature("deserializeFromProto", "int"));
        needs.type("org.tribuo.math.optimisers.AdaGrad").allPublicMethods = true;
        assertThat(registered.lacking(needs)).containsExactly("org.example.NewModel (not registered)",
                "org.tribuo.math.optimisers.AdaGrad allPublicMethods");
    }

    private static List<String> uncovered(Map<String, byte[]> models) {
        List<String> uncovered = new ArrayList<>();
        models.forEach((name, bytes) -> registered.lacking(SavedModelWalker.needsOf(bytes, protos))
                .forEach(missing -> uncovered.add(name + ": " + missing)));
        return uncovered;
    }
}
