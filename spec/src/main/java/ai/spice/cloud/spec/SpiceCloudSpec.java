package ai.spice.cloud.spec;

import java.io.InputStream;
import java.net.URL;

/** Where the merged OpenAPI 3.1 document of the Spice Cloud Control-Plane API lives on the classpath. */
public final class SpiceCloudSpec {
  /** Stable classpath path of the merged document; other teams and the client build read it from here. */
  public static final String RESOURCE = "ai/spice/cloud/spec/openapi.yaml";
  /** The document of the last release, which the breaking-change gate compares the current one with. */
  public static final String BASELINE_RESOURCE = "ai/spice/cloud/spec/baseline/openapi.yaml";

  private SpiceCloudSpec() {}

  public static URL url() {
    URL url = SpiceCloudSpec.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath; depend on spice-cloud-spec");
    }
    return url;
  }

  public static InputStream open() {
    return open(RESOURCE);
  }

  /** The released baseline document. */
  public static InputStream openBaseline() {
    return open(BASELINE_RESOURCE);
  }

  private static InputStream open(String resource) {
    InputStream in = SpiceCloudSpec.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the classpath; depend on spice-cloud-spec");
    }
    return in;
  }
}
