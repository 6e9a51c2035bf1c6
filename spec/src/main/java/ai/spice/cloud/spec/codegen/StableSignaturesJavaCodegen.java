package ai.spice.cloud.spec.codegen;

import java.util.List;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * openapi-generator's {@code java} generator (used with {@code library=feign}) with one change: optional query,
 * header and cookie parameters are not positional parameters of the generated methods.
 *
 * <p>Why: the stock generator lists every parameter positionally, so an upstream page that adds an optional
 * query parameter turns {@code listApps()} into {@code listApps(Integer limit)} and code written against the
 * previous client stops compiling, although no consumer broke on the wire. Here each operation keeps a method
 * with its required parameters only, and optional query parameters are set through the generated
 * {@code <Operation>QueryParams} map variant the feign library already emits, which gains a fluent setter per
 * new parameter. Optional headers and cookies are sent as per-request headers. So additive upstream changes
 * stay source-compatible. No template is replaced: the generator's own templates render the adjusted
 * operations.
 */
public class StableSignaturesJavaCodegen extends JavaClientCodegen {

  /** The name to pass as {@code generatorName} (the fully qualified class name also works). */
  public static final String NAME = "spice-cloud-java";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    for (CodegenOperation op : result.getOperations().getOperation()) {
      keepOptionalParametersOutOfSignatures(op);
    }
    return result;
  }

  static void keepOptionalParametersOutOfSignatures(CodegenOperation op) {
    op.allParams.removeIf(StableSignaturesJavaCodegen::optionalNonBody);
    op.headerParams.removeIf(p -> !p.required);
    op.cookieParams.removeIf(p -> !p.required);
    op.optionalParams.removeIf(StableSignaturesJavaCodegen::optionalNonBody);
  }

  private static boolean optionalNonBody(CodegenParameter p) {
    return !p.required && (p.isQueryParam || p.isHeaderParam || p.isCookieParam);
  }
}
