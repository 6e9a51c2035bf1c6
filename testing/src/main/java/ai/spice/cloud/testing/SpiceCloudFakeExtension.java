package ai.spice.cloud.testing;

import ai.spice.cloud.client.SpiceCloudClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test a fresh {@link SpiceCloudFake} and a {@link SpiceCloudClient} pointed at it (with the fake's
 * {@link SpiceCloudFake#defaultToken() default token}), as parameters of the test method and of its
 * {@code @BeforeEach}/{@code @AfterEach} methods (one fake per test, shared by those). The fake is closed after
 * the test. {@link SpiceCloudFakeSeed} seeds it from JSON; seed in code through the fake.
 *
 * <pre>{@code
 * @ExtendWith(SpiceCloudFakeExtension.class)
 * class RotationTest {
 *   @Test
 *   void rotates(SpiceCloudFake fake, SpiceCloudClient client) {
 *     fake.app(42).apiKeys("old-primary", "old-secondary");
 *     client.apiKeys().regenerateApiKey(42L, null);
 *     assertFalse(fake.isLiveKey(42, "old-primary"));
 *   }
 * }
 * }</pre>
 */
public final class SpiceCloudFakeExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SpiceCloudFakeExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return (type == SpiceCloudFake.class || type == SpiceCloudClient.class) && context.getTestMethod().isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Fixture fixture = context.getStore(NAMESPACE).getOrComputeIfAbsent(Fixture.class, k -> create(context),
        Fixture.class);
    return parameter.getParameter().getType() == SpiceCloudFake.class ? fixture.fake : fixture.client;
  }

  private static Fixture create(ExtensionContext context) {
    SpiceCloudFake fake = SpiceCloudFake.start();
    try {
      Class<?> testClass = context.getRequiredTestClass();
      seed(fake, testClass, testClass);
      context.getTestMethod().ifPresent(m -> seed(fake, m, testClass));
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
    SpiceCloudClient client = SpiceCloudClient.builder().baseUrl(fake.url()).bearerToken(fake.defaultToken()).build();
    return new Fixture(fake, client);
  }

  private static void seed(SpiceCloudFake fake, AnnotatedElement element, Class<?> testClass) {
    AnnotationSupport.findAnnotation(element, SpiceCloudFakeSeed.class).ifPresent(seeds -> {
      for (String resource : seeds.value()) {
        try (InputStream in = testClass.getResourceAsStream(resource)) {
          if (in == null) {
            throw new ParameterResolutionException("@SpiceCloudFakeSeed: no classpath resource " + resource
                + " (relative to " + testClass.getName() + ")");
          }
          fake.seed(in, resource);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    });
  }

  /** Closed by JUnit when the test's store closes, after @AfterEach. */
  private record Fixture(SpiceCloudFake fake, SpiceCloudClient client)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      fake.close();
    }
  }
}
