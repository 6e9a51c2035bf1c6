package ai.spice.cloud.spec.codegen;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * openapi-generator's {@code java} generator (used with {@code library=feign}) with three changes, all made by
 * adjusting what the stock templates render, not by replacing them.
 *
 * <p>Optional query, header and cookie parameters are not positional parameters of the generated methods. The
 * stock generator lists every parameter positionally, so an upstream page that adds an optional query
 * parameter turns {@code listApps()} into {@code listApps(Integer limit)} and code written against the
 * previous client stops compiling, although no consumer broke on the wire. Here each operation keeps a method
 * with its required parameters only, and optional query parameters are set through the generated
 * {@code <Operation>QueryParams} map variant the feign library already emits, which gains a fluent setter per
 * new parameter. Optional headers and cookies are sent as per-request headers. So additive upstream changes
 * stay source-compatible.
 *
 * <p>Models read tolerantly. Every model class without a parent extends the client runtime's
 * {@value #MODEL_BASE} (set as the model's parent, which the stock template renders as {@code extends} and
 * folds into {@code equals}, {@code hashCode} and {@code toString} through {@code super}): it carries what a
 * response sent that the model cannot hold. A getter that throws for a malformed value needs code in the
 * getter, which the stock template does not let a hook add; so one template of our own,
 * {@value #DECODED_TEMPLATE}, renders {@code DecodedModels.java} into the runtime package: per model a
 * package-private subclass whose getters check first, and a copy into it. Responses decode into the plain
 * classes (so they equal models callers build); the runtime swaps in the checking copy only for a model holding
 * a malformed value, and decodes models with secret members into the subclass for its masking toString.
 *
 * <p>An optional property's {@code default} does not initialise its field. The stock generator starts the field
 * at the default, so every request sends it: the client would speak for the caller about a value the caller left
 * to the server, and an optional field with a default that upstream adds would change every request body the
 * client sends (and so every consumer contract). Unset, the property is left out and the server applies its own
 * default, which is what the document's {@code default} describes; a changed default is the gate's concern.
 */
public class StableSignaturesJavaCodegen extends JavaClientCodegen {

  /** The name to pass as {@code generatorName} (the fully qualified class name also works). */
  public static final String NAME = "spice-cloud-java";
  /** The client runtime's package, where the base class and the decoded subclasses live. */
  public static final String RUNTIME_PACKAGE = "ai.spice.cloud.client";
  /** The hand-written base class of every generated model without a parent. */
  public static final String MODEL_BASE = RUNTIME_PACKAGE + ".SpiceCloudModel";
  /** The generated file of decoded subclasses (list it in generator.yaml's {@code supportingFiles}). */
  public static final String DECODED_FILE = "DecodedModels.java";
  static final String DECODED_TEMPLATE = "spice-cloud/decoded-models.mustache";
  /** Marks the models {@value #DECODED_TEMPLATE} renders a subclass for. */
  static final String DECODED = "x-spice-decoded";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void processOpts() {
    super.processOpts();
    supportingFiles.add(new SupportingFile(DECODED_TEMPLATE,
        (sourceFolder + File.separator + RUNTIME_PACKAGE).replace('.', File.separatorChar), DECODED_FILE));
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
    Map<String, ModelsMap> result = super.postProcessAllModels(objs);
    TreeSet<String> imports = new TreeSet<>(); // sorted: the output stays the same for the same document
    for (ModelsMap models : result.values()) {
      for (ModelMap map : models.getModels()) {
        CodegenModel model = map.getModel();
        if (model.isEnum || Boolean.TRUE.equals(model.vendorExtensions.get("x-is-one-of-interface"))) {
          continue;
        }
        if (model.parent == null) {
          model.parent = MODEL_BASE;
        }
        model.vendorExtensions.put(DECODED, true);
        Stream.of(model.vars, model.allVars, model.optionalVars).flatMap(List::stream)
            .filter(p -> !p.required).forEach(p -> p.defaultValue = null);
        model.imports.stream().map(importMapping()::get).filter(Objects::nonNull).forEach(imports::add);
      }
    }
    additionalProperties.put("decodedImports", List.copyOf(imports));
    additionalProperties.put("decodedPackage", RUNTIME_PACKAGE);
    return result;
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
