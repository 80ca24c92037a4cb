package dev.modelfn.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.modelfn.store.LocalBlobStore;
import dev.modelfn.support.StoreFolderResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RefreshTest.Following.class)
class RefreshTest {

    public static class Following implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("modelfn.registry.refresh-interval", "0.2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoreFolderResource.class));
        }
    }

    @ConfigProperty(name = "modelfn.store.uri")
    String storeUri;

    @Test
    void everyInstanceFollowsAPointerChangedElsewhere() throws Exception {
        String v1 = LifecycleContract.train("followed", true, false);
        String v2 = LifecycleContract.train("followed", false, true);
        new LocalBlobStore(Path.of(URI.create(storeUri)))
                .write("followed/current", (v2 + "\n").getBytes(StandardCharsets.UTF_8));

        long deadline = System.currentTimeMillis() + 15_000;
        List<String> answer = LifecycleContract.predict("followed");
        while (!answer.get(0).equals(v2) && System.currentTimeMillis() < deadline) {
            assertThat(answer.get(0)).isEqualTo(v1);
            Thread.sleep(100);
            answer = LifecycleContract.predict("followed");
        }
        assertThat(answer).isEqualTo(List.of(v2, "virginica"));
    }
}
