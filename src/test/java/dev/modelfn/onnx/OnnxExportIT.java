package dev.modelfn.onnx;

import dev.modelfn.support.AuthOffResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** ONNX export, checked with ONNX Runtime against /predict, in the packaged application (jar or native). */
@QuarkusIntegrationTest
@WithTestResource(AuthOffResource.class)
class OnnxExportIT extends OnnxExportTest {
}
