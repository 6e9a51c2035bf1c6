package ai.spice.cloud.spec.compat;

import static ai.spice.cloud.spec.compat.Checks.compatible;
import static ai.spice.cloud.spec.compat.Checks.onlyBreak;
import static ai.spice.cloud.spec.compat.Checks.onlyChange;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Webhooks and callbacks: the API sends the request, the consumer's receiver answers; directions reversed. */
class WebhooksAndCallbacksTest {
  private static final String WEBHOOK = "webhook thingChanged (POST)";
  private static final String CALLBACK = "callback onEvent (POST {$request.body#/url}) of POST /subscriptions";
  private static final String HOOK_PTR = "/webhooks/thingChanged/post";
  private static final String CB_PTR = "/paths/~1subscriptions/post/callbacks/onEvent/{$request.body#~1url}/post";
  private static final String JSON = "/content/application~1json/schema";

  private static CompatibilityChecker.Result fixture(String name) {
    return RuleFixtures.named(name).compare();
  }

  /** The events fixture edited twice: {@code before} gives the baseline, then {@code after} the current one. */
  private static CompatibilityChecker.Result events(Consumer<ObjectNode> before, Consumer<ObjectNode> after) {
    ObjectNode old = RuleFixtures.named("CALLBACK_REMOVED--webhook").before().deepCopy();
    before.accept(old);
    ObjectNode cur = old.deepCopy();
    after.accept(cur);
    return CompatibilityChecker.compare(old, cur);
  }

  private static ObjectNode at(ObjectNode doc, String pointer) {
    return (ObjectNode) doc.at(pointer);
  }

  @Test
  void aPayloadFieldRemovedBreaksTheReceiverAndNamesTheWebhook() {
    Finding f = onlyBreak(fixture("RESPONSE_PROPERTY_REMOVED--webhook-payload"), Rule.RESPONSE_PROPERTY_REMOVED,
        HOOK_PTR + "/requestBody" + JSON + "/properties/kind");
    assertThat(f.usedBy()).containsExactly(WEBHOOK);
    assertThat(f.document()).isEqualTo(Collector.BASELINE);
  }

  @Test
  void aPayloadPropertyRemovedIsCalledAPayloadPropertyInTheFinding() {
    Finding f = onlyBreak(fixture("RESPONSE_PROPERTY_REMOVED--webhook-payload"), Rule.RESPONSE_PROPERTY_REMOVED,
        HOOK_PTR + "/requestBody" + JSON + "/properties/kind");
    assertThat(f.what()).isEqualTo("payload property kind was removed or renamed");
  }

  @Test
  void aNewRequiredPayloadFieldIsHarmlessForTheReceiver() {
    CompatibilityChecker.Result r = compatible(fixture("TIGHTENED_OUTPUT--webhook-new-required-field"));
    Change c = onlyChange(r, ChangeKind.TIGHTENED_OUTPUT, HOOK_PTR + "/requestBody" + JSON + "/required");
    assertThat(c.usedBy()).containsExactly(WEBHOOK);
    assertThat(c.text()).isEqualTo("payload property at is now always present");
  }

  @Test
  void aSchemaSharedByAResponseAndAPayloadIsOneFindingInTheWordsOfEach() {
    String thing = "/components/schemas/Thing";
    Consumer<ObjectNode> share = d -> {
      d.putObject("components").putObject("schemas").set("Thing", d.at(HOOK_PTR + "/requestBody" + JSON));
      at(d, HOOK_PTR + "/requestBody/content/application~1json").putObject("schema").put("$ref", "#" + thing);
      at(d, "/paths/~1subscriptions/post/responses/201").putObject("content").putObject("application/json")
          .putObject("schema").put("$ref", "#" + thing);
    };
    CompatibilityChecker.Result r = events(share, d -> at(d, thing + "/properties").remove("kind"));

    assertThat(r.breaking()).extracting(Finding::rule, Finding::pointer).containsOnly(
        org.assertj.core.groups.Tuple.tuple(Rule.RESPONSE_PROPERTY_REMOVED, thing + "/properties/kind"));
    assertThat(r.breaking()).extracting(Finding::what, f -> List.copyOf(f.usedBy())).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("response property kind was removed or renamed",
            List.of("POST /subscriptions")),
        org.assertj.core.groups.Tuple.tuple("payload property kind was removed or renamed", List.of(WEBHOOK)));
  }

  @Test
  void theSameEditBreaksARequestBodyButNotAWebhookPayload() {
    Consumer<ObjectNode> addRequiredField = schema -> {
      ((ObjectNode) schema.get("properties")).putObject("extra").put("type", "string");
      ((ArrayNode) schema.get("required")).add("extra");
    };
    CompatibilityChecker.Result onRequest = events(d -> { }, d -> addRequiredField.accept(
        at(d, "/paths/~1subscriptions/post/requestBody" + JSON)));
    CompatibilityChecker.Result onPayload = events(d -> { }, d -> addRequiredField.accept(
        at(d, HOOK_PTR + "/requestBody" + JSON)));

    assertThat(onRequest.breaking()).extracting(Finding::rule).contains(Rule.REQUIRED_PROPERTY_ADDED);
    compatible(onPayload);
  }

  @Test
  void theReceiversAnswerIsItsInputSoANewRequiredAnswerFieldBreaksIt() {
    Finding f = onlyBreak(fixture("REQUIRED_PROPERTY_ADDED--callback-answer"), Rule.REQUIRED_PROPERTY_ADDED,
        CB_PTR + "/responses/200" + JSON + "/required");
    assertThat(f.usedBy()).containsExactly(CALLBACK);
    assertThat(f.what()).isEqualTo("reply property status became required");
  }

  @Test
  void aChangeToACallbacksPayloadOrReplySchemaSaysPayloadOrReply() {
    String payload = CB_PTR + "/requestBody" + JSON + "/properties/event";
    String reply = CB_PTR + "/responses/200" + JSON + "/properties/status";
    CompatibilityChecker.Result r = compatible(events(d -> at(d, reply).putArray("enum").add("ok").add("retry"),
        d -> {
          at(d, payload).put("maxLength", 64);
          at(d, reply).remove("enum");
        }));
    assertThat(onlyChange(r, ChangeKind.TIGHTENED_OUTPUT, payload + "/maxLength").text())
        .isEqualTo("payload maxLength 64 added");
    assertThat(onlyChange(r, ChangeKind.RELAXED_CONSTRAINT, reply + "/enum").text())
        .isEqualTo("reply enum [\"ok\", \"retry\"] was lifted");
  }

  @Test
  void aWebhookTheApiStopsSendingBreaksTheReceiversThatRelyOnIt() {
    Finding f = onlyBreak(fixture("CALLBACK_REMOVED--webhook"), Rule.CALLBACK_REMOVED, HOOK_PTR);
    assertThat(f.what()).isEqualTo(WEBHOOK + " is no longer sent");
  }

  @Test
  void aCallbackTheApiStopsSendingBreaksAndIsListedWithItsOperation() {
    Finding f = onlyBreak(fixture("CALLBACK_REMOVED--callback"), Rule.CALLBACK_REMOVED, CB_PTR);
    assertThat(f.usedBy()).containsExactly(CALLBACK);
  }

  @Test
  void anAnswerStatusTheApiNoLongerDocumentsBreaksTheReceiverThatSendsIt() {
    Finding f = onlyBreak(fixture("CALLBACK_RESPONSE_STATUS_REMOVED--unsubscribe-status-gone"),
        Rule.CALLBACK_RESPONSE_STATUS_REMOVED,
        CB_PTR + "/responses/410");
    assertThat(f.what()).isEqualTo("answer 410 to " + CALLBACK + " is no longer documented");
  }

  @Test
  void aPayloadThatMayNowBeAbsentBreaksTheReceiver() {
    onlyBreak(fixture("CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED--payload-gone"),
        Rule.CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED,
        HOOK_PTR + "/requestBody");
    onlyBreak(fixture("CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED--payload-optional"),
        Rule.CALLBACK_REQUEST_BODY_NO_LONGER_REQUIRED, CB_PTR + "/requestBody");
  }

  @Test
  void aPayloadMediaTypeDroppedIsHarmlessButOneAddedBreaks() {
    String xml = HOOK_PTR + "/requestBody/content/application~1xml";
    Consumer<ObjectNode> addXml = d -> at(d, HOOK_PTR + "/requestBody/content").putObject("application/xml")
        .putObject("schema").put("type", "object");
    onlyBreak(events(d -> { }, addXml), Rule.CALLBACK_REQUEST_MEDIA_TYPE_ADDED, xml);
    CompatibilityChecker.Result dropped = compatible(events(addXml,
        d -> at(d, HOOK_PTR + "/requestBody/content").remove("application/xml")));
    onlyChange(dropped, ChangeKind.TIGHTENED_OUTPUT, xml);
  }

  @Test
  void aSignatureHeaderTheApiNoLongerSendsBreaksTheReceiverAndANewOneDoesNot() {
    onlyBreak(fixture("CALLBACK_PARAMETER_REMOVED--signature-header-gone"), Rule.CALLBACK_PARAMETER_REMOVED,
        HOOK_PTR + "/parameters/0");
    compatible(fixture("ADDED_OPTIONAL_PARAMETER--webhook-header"));
  }

  @Test
  void aWebhookPathItemReferencedFromComponentsIsComparedWhereItIsDefined() {
    Consumer<ObjectNode> moveToComponents = d -> {
      ObjectNode item = (ObjectNode) d.path("webhooks").get("thingChanged");
      d.putObject("components").putObject("pathItems").set("ThingChanged", item);
      ((ObjectNode) d.get("webhooks")).putObject("thingChanged").put("$ref", "#/components/pathItems/ThingChanged");
    };
    String ptr = "/components/pathItems/ThingChanged/post/requestBody" + JSON + "/properties/kind";
    Finding f = onlyBreak(events(moveToComponents, d -> ((ArrayNode) d.at(ptr + "/enum")).add("deleted")),
        Rule.ENUM_WIDENED_ON_OUTPUT, ptr + "/enum");
    assertThat(f.usedBy()).containsExactly(WEBHOOK);
  }

  @Test
  void anAnswerHeaderTheApiNowRequiresBreaksTheReceiverAndOneItNoLongerReadsDoesNot() {
    String headers = CB_PTR + "/responses/200/headers";
    onlyBreak(fixture("CALLBACK_RESPONSE_HEADER_NOW_REQUIRED--receipt-header"),
        Rule.CALLBACK_RESPONSE_HEADER_NOW_REQUIRED,
        headers + "/X-Receipt");
    Consumer<ObjectNode> requireReceipt = d -> at(d, CB_PTR + "/responses/200").putObject("headers")
        .putObject("X-Receipt").put("required", true).putObject("schema").put("type", "string");
    CompatibilityChecker.Result dropped = compatible(events(requireReceipt,
        d -> at(d, CB_PTR + "/responses/200").remove("headers")));
    onlyChange(dropped, ChangeKind.RELAXED_CONSTRAINT, headers + "/X-Receipt");
    CompatibilityChecker.Result optional = compatible(events(requireReceipt,
        d -> at(d, headers + "/X-Receipt").remove("required")));
    onlyChange(optional, ChangeKind.RELAXED_CONSTRAINT, headers + "/X-Receipt");
  }

  @Test
  void aWebhookAddedIsAnAddedOperation() {
    CompatibilityChecker.Result r = compatible(fixture("ADDED_OPERATION--webhook"));
    assertThat(onlyChange(r, ChangeKind.ADDED_OPERATION, "/webhooks/thingDeleted/post").text())
        .isEqualTo("added webhook thingDeleted (POST)");
  }

  @Test
  void securityOnACallbackIsNotACredentialTheConsumerSends() {
    // It describes how the API authenticates to the receiver.
    compatible(events(d -> { }, d -> at(d, CB_PTR).putArray("security").addObject().putArray("receiverKey")));
  }

  @Test
  void manyWebhooksAndCallbacksAreComparedInTimeThatGrowsWithTheirNumber() {
    // A walk comparing each one with all the others would take many minutes here; the limit measures nothing.
    int n = 5_000;
    Consumer<ObjectNode> many = d -> {
      ObjectNode hook = (ObjectNode) d.path("webhooks").get("thingChanged");
      ObjectNode webhooks = (ObjectNode) d.get("webhooks");
      ObjectNode callbacks = at(d, "/paths/~1subscriptions/post/callbacks");
      ObjectNode callback = (ObjectNode) callbacks.get("onEvent");
      for (int i = 0; i < n; i++) {
        webhooks.set("hook" + i, hook.deepCopy());
        callbacks.set("on" + i, callback.deepCopy());
      }
    };
    String last = "/webhooks/hook" + (n - 1) + "/post/requestBody" + JSON + "/properties/kind";
    CompatibilityChecker.Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20), () -> events(many,
            d -> at(d, last.substring(0, last.lastIndexOf('/'))).remove("kind")));

    Finding f = onlyBreak(r, Rule.RESPONSE_PROPERTY_REMOVED, last);
    assertThat(f.usedBy()).containsExactly("webhook hook" + (n - 1) + " (POST)");
  }
}
