package org.barcodeanomaly.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks manifests against the Kubernetes API schema offline, with the fabric8 model (Java types
 * generated from the Kubernetes OpenAPI document): every field must be a field of its type there
 * (strict: the model would keep an unknown field aside in {@code additionalProperties}, where a
 * typo such as {@code readinesProbe} would be silently dropped by the API server's non-strict
 * decoding), every value must have the type's type ({@code replicas: "two"} fails), and each
 * resource must have one of the kinds and API versions listed in {@link #TYPES}.
 */
final class KubernetesSchema {

  /** The kinds our manifests may use, by {@code apiVersion/kind}. */
  static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
      "v1/ConfigMap", ConfigMap.class,
      "v1/Secret", Secret.class,
      "v1/Service", Service.class,
      "v1/ServiceAccount", ServiceAccount.class,
      "apps/v1/Deployment", Deployment.class,
      "apps/v1/StatefulSet", StatefulSet.class,
      "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
      "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private KubernetesSchema() {
  }

  /** The problems of one resource, each naming the resource and the field's path; empty if valid. */
  static List<String> problems(ObjectNode resource) {
    String type = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
    String name = type + " '" + resource.path("metadata").path("name").asText() + "'";
    Class<? extends HasMetadata> model = TYPES.get(type);
    List<String> problems = new ArrayList<>();
    if (model == null) {
      problems.add(name + ": apiVersion/kind " + type + " is not one of " + TYPES.keySet());
      return problems;
    }
    Object typed;
    try {
      typed = JSON.treeToValue(resource, model);
    } catch (JsonMappingException e) {
      problems.add(name + ": " + path(e) + ": " + e.getOriginalMessage());
      return problems;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(name + ": " + e.getOriginalMessage());
      return problems;
    }
    unknownFields(typed, "", name, problems);
    return problems;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Walks the typed object: a fabric8 object's additionalProperties are fields its type lacks. */
  private static void unknownFields(Object value, String path, String name, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + index++ + "]", name, problems);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> unknownFields(item, path + "." + key, name, problems));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        JsonProperty property = field.getAnnotation(JsonProperty.class);
        boolean extra = field.getName().equals("additionalProperties");
        if (property == null && !extra) {
          continue;
        }
        Object fieldValue = read(field, value);
        if (extra) {
          if (fieldValue instanceof Map<?, ?> unknown) {
            for (Object key : unknown.keySet()) {
              problems.add(name + ": " + (path.isEmpty() ? "" : path.substring(1) + ".") + key
                  + ": unknown field: not a field of " + value.getClass().getSimpleName()
                  + " in the Kubernetes API");
            }
          }
        } else {
          unknownFields(fieldValue, path + "." + property.value(), name, problems);
        }
      }
    }
  }

  private static Object read(Field field, Object owner) {
    try {
      field.setAccessible(true);
      return field.get(owner);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + field + " of " + owner.getClass().getName(), e);
    }
  }
}
