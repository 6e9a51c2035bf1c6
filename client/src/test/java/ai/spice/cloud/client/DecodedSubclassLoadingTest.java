package ai.spice.cloud.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first call stays cheap: the mapper loads no checking subclass of a model that has no secret member, and
 * decoding loads one only for a model holding a malformed value. Checked in a class loader of its own, as a
 * fresh JVM would load the classes; Region's fields are ones of the released contract.
 */
class DecodedSubclassLoadingTest {

  private static final String MODEL = "ai.spice.cloud.client.model.";
  private static final String DECODED = "ai.spice.cloud.client.DecodedModels$Decoded";

  /** A loader that reads the test class path itself and says which classes it has loaded. */
  private static final class FreshLoader extends URLClassLoader {
    FreshLoader() throws MalformedURLException {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL[] classPath() throws MalformedURLException {
      List<URL> urls = new ArrayList<>(); // a manifest-only jar's Class-Path is followed by URLClassLoader
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls.toArray(URL[]::new);
    }
  }

  private static Object decode(FreshLoader loader, String json, String model) throws ReflectiveOperationException {
    Field field = Class.forName("ai.spice.cloud.client.Models", true, loader).getDeclaredField("MAPPER");
    field.setAccessible(true);
    Object mapper = field.get(null);
    Method read = mapper.getClass().getMethod("readValue", String.class, Class.class);
    return read.invoke(mapper, json, loader.loadClass(MODEL + model));
  }

  @Test
  void aResponseThatFitsLoadsNoCheckingSubclassAndAMalformedValueLoadsOnlyItsModels() throws Exception {
    try (FreshLoader loader = new FreshLoader()) {
      Object fits = decode(loader, "{\"regions\":[{\"name\":\"East\",\"region\":\"eu-1\",\"isDefault\":true}]}",
          "RegionList");

      assertThat(fits.getClass().getName()).isEqualTo(MODEL + "RegionList");
      assertThat(loader.loaded(MODEL + "Region")).isTrue();
      assertThat(loader.loaded(DECODED + "RegionList")).isFalse();
      assertThat(loader.loaded(DECODED + "Region")).isFalse();

      Object malformed = decode(loader, "{\"regions\":[{\"region\":\"eu-1\",\"isDefault\":[1]}]}", "RegionList");

      Object region = ((List<?>) malformed.getClass().getMethod("getRegions").invoke(malformed)).get(0);
      assertThat(region.getClass().getName()).isEqualTo(DECODED + "Region");
      assertThat(loader.loaded(DECODED + "RegionList")).isFalse(); // only a nested value was malformed
      Class<?> plain = loader.loadClass(MODEL + "Region"); // its public getters dispatch to the subclass's
      assertThat(plain.getMethod("getRegion").invoke(region)).isEqualTo("eu-1");
      Method isDefault = plain.getMethod("getIsDefault");
      assertThat(catchInvocation(() -> isDefault.invoke(region)).getClass().getSimpleName())
          .isEqualTo("SpiceCloudInvalidResponseException");
    }
  }

  private interface Call {
    Object call() throws ReflectiveOperationException;
  }

  private static Throwable catchInvocation(Call call) throws ReflectiveOperationException {
    try {
      call.call();
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
    throw new AssertionError("the getter did not throw");
  }
}
