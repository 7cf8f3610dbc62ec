package org.barcodeanomaly.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomize directory (a base or an overlay) into the resources it would apply, offline
 * and without the kustomize binary: Debian ships only kubectl 1.20, whose kustomize is too old for
 * {@code patches}, and no kustomize runs in CI. It supports exactly what our manifests use, and
 * refuses any other kustomization field rather than ignoring it: {@code resources} (files, also
 * multi-document, and directories holding a kustomization), {@code namespace}, {@code images}
 * ({@code name}, {@code newName}, {@code newTag}, {@code digest}), {@code replicas} and
 * {@code patches} ({@code path}: a strategic-merge patch matched by kind and name; maps merge,
 * {@code null} deletes, lists of objects with a {@code name} merge by name, other lists replace).
 */
final class KustomizeRenderer {

  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace",
      "images", "replicas", "patches");

  private KustomizeRenderer() {
  }

  /** The resources of the kustomization in {@code directory}, overlays applied, in file order. */
  static List<ObjectNode> render(Path directory) {
    Path file = directory.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(directory + " holds no kustomization.yaml");
    }
    ObjectNode kustomization = readDocuments(file).get(0);
    kustomization.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(file + ": field '" + field + "' is not supported by this renderer"
            + " (supported: " + FIELDS + "); extend KustomizeRenderer or use a supported field");
      }
    });
    List<ObjectNode> resources = new ArrayList<>();
    for (JsonNode entry : kustomization.path("resources")) {
      Path resource = directory.resolve(entry.asText()).normalize();
      resources.addAll(Files.isDirectory(resource) ? render(resource) : readDocuments(resource));
    }
    for (JsonNode patch : kustomization.path("patches")) {
      applyPatch(resources, readDocuments(directory.resolve(patch.path("path").asText())).get(0), file);
    }
    for (JsonNode replicas : kustomization.path("replicas")) {
      ObjectNode target = find(resources, null, replicas.path("name").asText(), file);
      ((ObjectNode) target.path("spec")).put("replicas", replicas.path("count").asInt());
    }
    for (JsonNode image : kustomization.path("images")) {
      resources.forEach(resource -> retagImages(resource, image));
    }
    if (kustomization.hasNonNull("namespace")) {
      String namespace = kustomization.get("namespace").asText();
      resources.forEach(resource -> ((ObjectNode) resource.path("metadata")).put("namespace", namespace));
    }
    return resources;
  }

  /** Every YAML document of a file, as objects. */
  static List<ObjectNode> readDocuments(Path file) {
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      List<ObjectNode> objects = new ArrayList<>();
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && !document.isNull() && !document.isMissingNode()) {
          if (!document.isObject()) {
            throw new IllegalArgumentException(file + ": a document is not a YAML mapping: " + document);
          }
          objects.add((ObjectNode) document);
        }
      }
      return objects;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + " is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void applyPatch(List<ObjectNode> resources, ObjectNode patch, Path kustomization) {
    ObjectNode target = find(resources, patch.path("kind").asText(), patch.path("metadata").path("name").asText(),
        kustomization);
    merge(target, patch);
  }

  private static ObjectNode find(List<ObjectNode> resources, String kind, String name, Path kustomization) {
    return resources.stream()
        .filter(r -> (kind == null || r.path("kind").asText().equals(kind))
            && r.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(kustomization + ": no resource " + (kind == null ? "" : kind + " ")
            + "named '" + name + "' to patch"));
  }

  /** Strategic merge of {@code patch} into {@code target}. */
  static void merge(ObjectNode target, ObjectNode patch) {
    Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      JsonNode current = target.get(field.getKey());
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (value.isObject() && current != null && current.isObject()) {
        merge((ObjectNode) current, (ObjectNode) value);
      } else if (value.isArray() && current != null && current.isArray() && namedObjects(value) && namedObjects(current)) {
        mergeByName((ArrayNode) current, (ArrayNode) value);
      } else {
        target.set(field.getKey(), value.deepCopy());
      }
    }
  }

  private static boolean namedObjects(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isObject() || !item.hasNonNull("name")) {
        return false;
      }
    }
    return !array.isEmpty();
  }

  private static void mergeByName(ArrayNode current, ArrayNode patch) {
    for (JsonNode item : patch) {
      ObjectNode match = null;
      for (JsonNode existing : current) {
        if (existing.path("name").asText().equals(item.path("name").asText())) {
          match = (ObjectNode) existing;
        }
      }
      if (match == null) {
        current.add(item.deepCopy());
      } else {
        merge(match, (ObjectNode) item);
      }
    }
  }

  private static void retagImages(JsonNode node, JsonNode image) {
    if (node.isObject()) {
      for (String list : List.of("containers", "initContainers")) {
        for (JsonNode container : node.path(list)) {
          retag((ObjectNode) container, image);
        }
      }
      node.elements().forEachRemaining(child -> retagImages(child, image));
    } else if (node.isArray()) {
      node.forEach(child -> retagImages(child, image));
    }
  }

  private static void retag(ObjectNode container, JsonNode image) {
    String reference = container.path("image").asText();
    int at = reference.indexOf('@');
    String withoutDigest = at < 0 ? reference : reference.substring(0, at);
    int colon = withoutDigest.lastIndexOf(':');
    String name = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    if (!name.equals(image.path("name").asText())) {
      return;
    }
    String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
    if (image.hasNonNull("digest")) {
      container.put("image", newName + "@" + image.get("digest").asText());
    } else if (image.hasNonNull("newTag")) {
      container.put("image", newName + ":" + image.get("newTag").asText());
    } else {
      container.put("image", newName + reference.substring(name.length()));
    }
  }
}
