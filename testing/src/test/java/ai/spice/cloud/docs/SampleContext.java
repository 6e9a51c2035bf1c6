package ai.spice.cloud.docs;

import ai.spice.cloud.client.SpiceCloudClient;
import ai.spice.cloud.client.auth.TokenProvider;
import ai.spice.cloud.testing.SpiceCloudFake;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Java snippet of README or docs/ may use without declaring it: each snippet is compiled as the body of
 * {@link #run()} in a subclass, and runs against a fresh fake. The names are the ones the pages use for "your
 * own" things (your token cache, your vault, your OkHttp client); keep them few and obvious.
 */
public abstract class SampleContext implements AutoCloseable {
  /** A token that may act in the default organization and in {@code acme}, the organization samples name. */
  public static final String TOKEN = "docs-sample-token";
  /** The key app 42 starts with and the vault holds: the key in use. */
  public static final String KEY_IN_USE = "docs-primary-key";

  /** A fresh fake; app 42 exists with two keys. */
  protected final SpiceCloudFake fake = SpiceCloudFake.start();
  /** A client pointed at the fake. */
  protected final SpiceCloudClient client;
  /** The app most samples talk about. */
  protected final long appId = 42L;
  /** Your OAuth token cache. */
  protected final Tokens tokens = new Tokens();
  /** Your token source. */
  protected final TokenProvider myTokens = () -> TOKEN;
  /** Your OkHttp client, with your interceptors. */
  protected final OkHttpClient yourOkHttpClient = new OkHttpClient();
  /** Your secret store. */
  protected final Vault vault = new Vault();
  /** Your logger. */
  protected final Logger log = LoggerFactory.getLogger("docs-sample");
  /** OAuth client credentials of a machine user. */
  protected final String clientId = "docs-client-id";
  /** Its secret. */
  protected final String clientSecret = "docs-client-secret";

  private final Map<String, String> previous = new HashMap<>();

  protected SampleContext() {
    fake.app(appId).apiKeys(KEY_IN_USE, "docs-secondary-key");
    fake.organization("acme");
    fake.token(TOKEN, "*").alsoIn("acme");
    client = SpiceCloudClient.builder().baseUrl(fake.url()).bearerToken(TOKEN).build();
    vault.write("spice/runtime-key", KEY_IN_USE);
    // SpiceCloudClient.fromEnv() reads system properties before the environment: point it at the fake.
    property("spice.cloud.token", TOKEN);
    property("spice.cloud.base.url", fake.url());
  }

  /** The snippet. */
  public abstract void run() throws Exception;

  /** The fake, for the test to read its journal after the run. */
  public SpiceCloudFake fake() {
    return fake;
  }

  private void property(String name, String value) {
    previous.put(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  @Override
  public void close() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    fake.close();
  }

  /** Stands in for an OAuth token cache. */
  public static final class Tokens {
    public final AtomicInteger asked = new AtomicInteger();

    public String currentAccessToken() {
      asked.incrementAndGet();
      return TOKEN;
    }
  }

  /** Stands in for a secret store. */
  public static final class Vault {
    private final Map<String, String> values = new HashMap<>();

    public synchronized String read(String path) {
      return values.get(path);
    }

    public synchronized void write(String path, String value) {
      values.put(path, value);
    }
  }
}
