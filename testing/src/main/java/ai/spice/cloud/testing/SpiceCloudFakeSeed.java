package ai.spice.cloud.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * JSON seed files (format: {@link SeedFile}) that {@link SpiceCloudFakeExtension} applies to each fresh fake:
 * those on the test class first, then those on the test method. Each value is a classpath resource, resolved
 * like {@link Class#getResource(String)} from the test class (a leading {@code /} makes it absolute).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpiceCloudFakeSeed {
  /** @return classpath resources of JSON seed files, applied in this order */
  String[] value();
}
